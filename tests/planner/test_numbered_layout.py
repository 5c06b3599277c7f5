"""A plain-text page that numbers its sections in levels ('1. Overview', '2.1 By Crop'), lists its
segmentation in a subtitle, and writes segment figures in prose that leans on the sentence before
('The segment is forecast to ...', 'This is the fastest-growing ...'); then questions about it as
analysts type them: shares split by region or segment, items of a list by place, hedged sizes,
sums 'added together', what-ifs over a stretch just discussed, and the rate a target needs."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """GLOBAL GREENHOUSE SENSOR MARKET
Outlook by Crop (Vegetables, Flowers & Ornamentals, Fruit), by Sensor (Climate Probes, Soil Probes), and by Region - 2025-2031

Tallow Insights | Study No. TI-AG-0212 | All values in USD million

1. Overview

The global greenhouse sensor market was worth USD 512.4 million in 2024, the base year of this study. Tallow Insights expects a compound annual growth rate (CAGR) of 12.5% over 2025-2031, taking the market to USD 1,168.9 million by 2031. At this pace revenue should pass the USD 1 billion mark during 2030.

2. Segmentation

2.1 By Crop

Vegetables, grown mostly under glass in large commercial houses, held the largest share of the market at 47.2% in 2024. The segment is forecast to grow at a CAGR of 11.1% between 2025 and 2031.

Flowers & ornamentals accounted for 31.3% of revenue in 2024. This is the fastest-growing crop category, with a forecast CAGR of 14.8%, because growers sell into premium export channels.

Fruit made up the remaining 21.5% of revenue and is expected to grow at a CAGR of 12.0%.

2.2 By Sensor

Climate probes generated 64.0% of revenue in 2024; soil probes generated the remaining 36.0%.

3. Regional Analysis

3.1 Europe

Europe was the largest regional market in 2024, with a 41.5% share of global revenue.

3.2 Asia Pacific

Asia Pacific accounted for 33.0% of revenue in 2024 and is the fastest-growing region, with a CAGR of 15.2%. Provincial subsidies for glasshouse vegetables support demand in Shandong and Yunnan.

3.3 North America

North America held a 25.5% share in 2024.

4. Market Dynamics

4.1 Drivers

Energy prices push growers to measure heat loss room by room. Labour shortages make remote monitoring worth its cost.

4.2 Restraints

Sensors drift in humid houses and must be recalibrated every season.

5. Competitive Landscape

5.1 Key Companies

The study profiles Verdano Systems, Kessler Agritech, Minaro Sensing, Ostwind Controls and Pellham Labs.

5.2 Recent Developments

March 2025: Ostwind Controls agreed to equip 340 greenhouses for the Dutch cooperative Glasland by 2026. The contract includes a remote calibration service for every house.

January 2025: Verdano Systems launched the VS-9 climate probe at USD 189 per unit.

In June 2025, Kessler Agritech acquired Bloom Metrics, a maker of leaf-wetness sensors, for USD 12 million. In August 2025, Minaro Sensing opened an assembly plant in Almeria, Spain, investing EUR 9 million.
"""


@pytest.fixture(scope="module")
def report():
    return parse_text(PAGE, "greenhouse-sensor-market.txt", "greenhouse-sensor-market")


@pytest.fixture(scope="module")
def ask(report):
    return asker(report)


def test_numbered_headings_are_sections_and_the_title_stays_the_title(report):
    headings = [s.heading for s in report.sections]
    assert report.title.lower().startswith("global greenhouse sensor market")
    for heading in ("Overview", "By Crop", "By Sensor", "Europe", "Drivers", "Restraints"):
        assert heading in headings, headings
    assert not any(h[:1].isdigit() for h in headings), headings


def test_the_subtitle_gives_the_segmentation(report):
    segments = {dim: [n.name for n in names] for dim, names in report.facts.segmentation.items()}
    assert segments["Crop"] == ["Vegetables", "Flowers & Ornamentals", "Fruit"]
    assert segments["Sensor"] == ["Climate Probes", "Soil Probes"]


def _figure(report, metric, name):
    return [
        (q.value, q.scope.kind)
        for q in report.facts.quantities
        if q.metric == metric and q.scope.name == name
    ]


def test_a_sentence_about_the_segment_before_it_keeps_that_segment(report):
    assert _figure(report, "share", "Vegetables") == [(47.2, "segment")]  # 'share of the market at 47.2%'
    assert _figure(report, "cagr", "Vegetables") == [(11.1, "segment")]  # 'The segment is forecast ...'
    assert _figure(report, "cagr", "Flowers & Ornamentals") == [(14.8, "segment")]  # 'This is the ...'
    market_rates = [
        q.value for q in report.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"
    ]
    assert market_rates == [12.5]


def test_a_mark_the_market_passes_is_not_a_size_for_that_year(report):
    sizes = {q.start_year: q.value for q in report.facts.quantities if q.metric == "market_size"}
    assert 2030 not in sizes and sizes[2024] == 512.4 and sizes[2031] == 1168.9


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("regional split pls", ["Europe 41.5%", "Asia Pacific 33.0%", "North America 25.5%"]),
        ("what are the regional shares", ["Europe 41.5%", "North America 25.5%"]),
        ("crop segments w/ shares", ["Vegetables 47.2%", "Flowers & Ornamentals 31.3%", "Fruit 21.5%"]),
    ],
)
def test_a_split_lists_every_share(ask, question, expected):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    for part in expected:
        assert part in answer.text, answer.text
    assert len(answer.citations) >= len(expected)


def test_an_item_of_a_segment_list_by_its_place(ask):
    answer = converse(ask, "which crops does it cover", "the 2nd one?")
    assert "Flowers & Ornamentals is the second" in answer.text, answer.text
    answer = converse(ask, "which crops does it cover", "and the last one on the list")
    assert "Fruit is the third" in answer.text, answer.text


def test_a_hedged_size_at_their_cagr_is_the_forecast(ask):
    answer = ask("rough mkt size for 2027 at their cagr?")
    assert answer.status == "answered", answer.text
    assert "729.57" in answer.text, answer.text  # 512.4 x 1.125^3
    assert "does not cover" not in answer.text


def test_sizes_added_together_are_a_sum(ask):
    answer = ask("2025-2027 mkt values added together?")
    assert answer.status == "answered", answer.text
    assert "1,954.5" in answer.text or "1954.5" in answer.text, answer.text  # 576.45 + 648.51 + 729.57


def test_a_what_if_over_the_stretch_just_discussed_and_its_gap(ask):
    answer = converse(ask, "2024 size?", "and 2029?", "what if it only grew 5% a yr over that stretch")
    assert "653.97" in answer.text or "653.96" in answer.text, answer.text  # 512.4 x 1.05^5
    assert "2024 is" not in answer.text and "in 2024, from" not in answer.text
    assert "below the report's figure" in answer.text and answer.working


def test_the_rate_a_target_needs_asked_as_what_gets_it_there(ask):
    answer = ask("what rate would get it to 1.5bn by 2031")
    assert "need to grow" in answer.text, answer.text
    assert "16.5" in answer.text, answer.text  # (1500 / 512.4)^(1/7) - 1 = 16.58 %


def test_per_the_page_is_not_a_page_count(ask):
    answer = ask("what holds the market back per the page")
    assert answer.status == "answered", answer.text
    assert "recalibrated" in answer.text and "pages" not in answer.text


def test_what_the_report_is_about(ask):
    for question in ("what's this report about?", "morning! quick overview pls", "summarise the report"):
        answer = ask(question)
        assert answer.status == "answered", answer.text
        assert "greenhouse sensor" in answer.text.lower() and "512.4" in answer.text, answer.text
        assert "1,168.9" in answer.text or "1168.9" in answer.text, answer.text
        assert "Europe" in answer.text and len(answer.citations) >= 3


def test_a_part_asking_a_rate_of_no_one_takes_the_region_before_it(ask):
    answer = ask("apac share and cagr, also europe's share")
    assert "share of 33" in answer.text and "15.2%" in answer.text and "41.5%" in answer.text, answer.text
    assert "12.5%" not in answer.text  # the market's rate was not asked


def test_the_fourth_one_on_that_list_and_its_news(ask):
    answer = converse(
        ask, "who are the main vendors", "the 4th one on that list - anything recent from them?"
    )
    assert "Ostwind" in answer.text and "340" in answer.text, answer.text
    assert "Verdano" not in answer.text


def test_what_is_behind_a_region_under_its_own_heading(ask):
    answer = converse(ask, "fastest growing region?", "what's behind that")
    assert "Shandong" in answer.text or "subsidies" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["where do they see it landing by 2031", "can you give me a 2031 number"]
)
def test_a_year_asked_of_the_publisher_is_that_year_s_size(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "1,168.9" in answer.text or "1168.9" in answer.text, answer.text


def test_a_later_year_s_value_of_a_region_grows_from_its_share_at_its_own_rate(ask):
    answer = ask("apac $ value in 2030?")
    assert answer.status == "answered", answer.text
    assert "169.09" in answer.text and "15.2%" in answer.text, answer.text  # 33% of 512.4, then x 1.152^6
    assert "395.21" in answer.text, answer.text
    assert len(answer.working) >= 2


def test_a_later_year_s_value_without_a_rate_of_its_own_is_declined(ask):
    answer = ask("north america $ value in 2030?")
    assert answer.status == "unanswerable", answer.text


def test_a_region_s_growth_asked_bare_is_its_rate(ask):
    answer = ask("apac growth?")
    assert "15.2%" in answer.text and "12.5%" not in answer.text, answer.text


def test_compare_with_last_year(ask):
    answer = converse(ask, "whats the 2025 number", "compare with last year")
    assert "2024" in answer.text and "512.4" in answer.text and "576.45" in answer.text, answer.text


def test_a_rate_put_up_for_confirmation_with_the_wrong_years(ask):
    answer = ask("the 12.5% cagr is for 2024-2030 i think, can u confirm")
    first = answer.text.split("\n\n")[0]
    assert "does not give its CAGR for the years you name" in first and "2025-2031" in first, answer.text
    answer = ask("the cagr is 14%, right?")
    assert answer.text.startswith("The report does not say the CAGR is 14%"), answer.text


def test_a_deal_figure_the_page_does_not_give_is_an_unanswered_part(ask):
    answer = ask("when did ostwind sign the glasland deal, and what was it worth?")
    assert "March 2025" in answer.text, answer.text
    assert answer.unanswered_parts == ["what was it worth?"], answer.unanswered_parts
    assert answer.status == "answered"
    priced = ask("how much is the VS-9 and when did it launch")
    assert "189" in priced.text and priced.unanswered_parts == [], priced.text


def test_developments_told_in_one_paragraph_are_each_a_development(report):
    found = [(d.date, d.company) for d in report.facts.recent_developments]
    assert ("2025-06", "Kessler Agritech") in found and ("2025-08", "Minaro Sensing") in found, found
    assert len(found) == 4


@pytest.mark.parametrize("question", ["any recent deals or launches?", "recent developments?"])
def test_a_broad_ask_lists_every_development(ask, question):
    answer = ask(question)
    for company in ("Ostwind", "Verdano", "Kessler", "Minaro"):
        assert company in answer.text, answer.text


def test_two_kinds_asked_are_both_listed(ask):
    answer = ask("any acquisitions or launches lately?")
    assert "Kessler" in answer.text and "Verdano" in answer.text, answer.text
    assert "Ostwind" not in answer.text


def test_which_ones_lead_after_a_list_ranks_that_list(ask):
    answer = converse(ask, "which crops does it cover", "which ones biggest")
    assert "Vegetables" in answer.text and "47.2%" in answer.text and "Europe" not in answer.text, answer.text
    answer = converse(ask, "which crops does it cover", "which ones biggest", "and the second one?")
    assert "Flowers & Ornamentals" in answer.text and "31.3%" in answer.text, answer.text


def test_a_segment_s_rate_beside_the_market_s(ask):
    answer = ask("flowers growth vs the overall mkt")
    assert "14.8%" in answer.text and "12.5%" in answer.text, answer.text


def test_three_asks_in_one_message(ask):
    answer = ask("ok 3 things - size in 2024, which region leads, and what's the cagr")
    assert "512.4" in answer.text and "Europe" in answer.text and "12.5%" in answer.text, answer.text
    assert answer.unanswered_parts == [] and answer.text.count("\n\n") == 2


def test_a_question_after_a_question_mark_is_its_own_part(ask):
    answer = ask("how is this report segmented? and which sensors does it break out")
    first, _, second = answer.text.partition("\n\n")
    assert "Crop" in first and "Sensor" in first, answer.text
    assert "Climate Probes" in second and "Vegetables" not in second, answer.text


def test_a_figure_asked_after_a_source_is_of_the_place_named(ask):
    answer = converse(ask, "biggest region?", "source?", "whats the asia pacific number on its own")
    assert "33" in answer.text and "Asia Pacific" in answer.text, answer.text
    assert "Which claim" not in answer.text


def test_another_region_after_a_ranking_gets_its_figure_of_that_ranking(ask):
    answer = converse(ask, "which region is biggest", "and north america?")
    assert "25.5%" in answer.text and "Europe" not in answer.text, answer.text


def test_a_value_asked_again_of_another_region_stays_a_value(ask):
    answer = converse(ask, "apac's value in 2030 at its own rate?", "compare that w europe in 2030")
    # the value of Asia Pacific again, beside Europe's, which has no rate of its own to grow at
    first, _, second = answer.text.partition("\n\n")
    assert "395.21" in first and "Europe" in second and "no dollar value" in second, answer.text
    assert any("Europe" in part for part in answer.unanswered_parts), answer.unanswered_parts
    answer = converse(ask, "europe's value in 2024?", "and asia pacific in 2030?")
    assert "395.21" in answer.text, answer.text


def test_the_market_rate_after_a_ranking_and_the_leader_rate_asked_bare(ask):
    answer = converse(ask, "which region grows fastest?", "at what rate?")
    assert "15.2%" in answer.text, answer.text
    answer = ask("which region leads, and what's the cagr")
    assert "12.5%" in answer.text and answer.unanswered_parts == [], answer.text


def test_an_amount_in_another_currency_is_not_converted(ask):
    answer = ask("minaro's almeria plant - how much is that in usd")
    assert answer.status == "unanswerable", answer.text
    assert "EUR 9 million" in answer.text and "no USD figure" in answer.text


def test_a_region_s_value_in_the_unit_asked(ask):
    answer = ask("north america revenue 2024 in billions?")
    assert "0.13 billion" in answer.text, answer.text  # 25.5% of USD 0.5124 billion


def test_a_rate_said_as_compounding_is_a_premise(ask):
    answer = ask("since it's compounding at ~14% a year, where does that put 2030?")
    assert answer.text.startswith("The report does not say the CAGR is 14%"), answer.text
    assert "1,038.78" in answer.text, answer.text  # 512.4 x 1.125^6


def test_a_ranking_by_revenue_asks_no_company_revenue(ask):
    answer = ask("top crop by revenue?")
    assert "Vegetables" in answer.text and "47.2%" in answer.text, answer.text
    answer = converse(ask, "which crop is biggest", "and whichone's growing fastest?")
    assert "Flowers & Ornamentals" in answer.text and "14.8%" in answer.text, answer.text


def test_another_company_s_news_after_one_was_discussed(ask):
    answer = converse(ask, "what's new with kessler", "when?", "and minaro - what did they open and when")
    assert "Minaro" in answer.text and "August 2025" in answer.text, answer.text
    assert "Kessler" not in answer.text


def test_how_far_short_of_the_forecast_a_what_if_lands(ask):
    answer = converse(
        ask,
        "2031 value?",
        "what if it only grew 5% a year - 2031 then?",
        "how far short of the forecast is that",
    )
    assert "447.9" in answer.text, answer.text  # 1,168.9 - 512.4 x 1.05^7 (720.99)


def test_a_ranking_without_a_kind_ranks_the_kind_just_ranked(ask):
    answer = converse(ask, "top crop by revenue?", "and fastest growing")
    assert "Flowers & Ornamentals" in answer.text and "Asia Pacific" not in answer.text, answer.text
    answer = ask("biggest region and fastest growing one?")
    assert "Europe" in answer.text and "Asia Pacific" in answer.text, answer.text


def test_a_development_asked_about_in_detail_is_told_in_full(ask):
    answer = ask("what exactly did ostwind agree with glasland")
    assert "340 greenhouses" in answer.text and "remote calibration" in answer.text, answer.text
    assert "Verdano" not in answer.text
