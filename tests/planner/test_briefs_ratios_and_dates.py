"""Three layouts: a markdown page whose segment insights sit under short sub-headings ('Material',
'End Use') with the figures in prose, and a plain-text investor brief whose headings are capitals or
a few title-case words set right over their paragraphs, with its deals under 'Deal Flow'; and an
FAQ page whose figures sit in 'A:' answers to 'Q:' questions, its deals under a question. Questions
ask two parts' ratio, where the market grows fastest, countries by their adjectives, every figure of a
part, when the report came out, and the share a statistic leaves."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text
from assistant.planner.slots import match_entities
from assistant.planner.vocabulary import vocabulary

GRINDING = """\
# Grinding Media Balls Market Size, Share and Outlook, 2025-2032

Mineral Processing Research Desk · Published March 2025 · Base year 2024

## Market Summary

The global grinding media balls market was valued at USD 2.40 billion in 2024 and is projected to
reach USD 3.52 billion by 2032, growing at a CAGR of 4.9% from 2025 to 2032.

## Segment Insights

### Material

Forged steel remains the preferred material, accounting for 47.5% of 2024 revenue. High-chrome cast
iron held 31.0% and ceramic media 21.5%; ceramic media is the fastest-growing material, with a CAGR of
8.1%.

### End Use

Copper concentrators were the largest end use with a 44.0% share in 2024, followed by gold mills at
29.0%. Cement plants accounted for 27.0% and are projected to grow at a CAGR of 3.2%.

## Regional Insights

| Region | 2024 value (USD million) | Share | CAGR 2025-2032 |
|---|---|---|---|
| Asia Pacific | 1,008.0 | 42.0% | 5.6% |
| Latin America | 480.0 | 20.0% | 6.3% |
| North America | 432.0 | 18.0% | 3.4% |
| Europe | 336.0 | 14.0% | 2.9% |
| Middle East & Africa | 144.0 | 6.0% | 4.4% |

Chile was worth USD 190 million in 2024 and Peru USD 121 million.

## Key Companies

| Company | Headquarters | Focus |
|---|---|---|
| Ferrosfera Grinding | Chile | Copper mill liners and forged balls for large mills |
| Kobalt Media Works | South Africa | High-chrome cast balls |
"""

MOORING = """\
HARBOUR MOORING ROBOTS MARKET - INVESTOR BRIEF
Coverage period: 2023-2031 | Base year: 2024
Issued: 6 May 2025

Investment Thesis
Automated mooring units are moving from a handful of pilot berths into series orders. We size the global market at US$ 412 Mn in 2024 and forecast US$ 905 Mn by 2031, a CAGR of 11.9% over 2025-2031.

Market value by year (US$ Mn; 2023 actual, 2024 base year):

Year     2023  2024  2025  2026
US$ Mn   371   412   461   516

PORT OPERATOR SURVEY
In a survey of 140 terminal operators, 58% said crew safety was their main reason for testing automated mooring, and most expected to decide on fleet orders within two years. According to the Harbour Technology Council, average berth turnaround time fell by 18% between 2021 and 2024 at terminals that adopted automated mooring.

Deal Flow
- June 2024: Quayline Systems acquired Bollardtech for US$ 64 Mn, adding two assembly plants in Rotterdam and Busan.
- November 2024: Tethera Marine launched the ArmLock 2, a vacuum pad unit rated for vessels of up to 400 metres.

Geography
Europe is the largest region with a 41.0% share in 2024, led by the Netherlands at US$ 61 Mn. Asia Pacific took 33.0% of revenue; China reached US$ 58 Mn and South Korea US$ 29 Mn.

Competitive Landscape
Quayline Systems Corp. (Netherlands) is the leader with an estimated 18% share. The other vendors we track are Tethera Marine AB, Bollard Dynamics Inc. and Harborlift Co., Ltd. Smaller integrators compete on service contracts.

Key Risks
Retrofitting older quays is slow, because many berths need new power and data lines before a unit can be fitted.
"""

KILN_FAQ = """\
# Rotary Kiln Refractory Services Market - Questions and Answers, 2025 Edition

## Market Size

Q: How big is the rotary kiln refractory services market today?
A: The global market was worth US$ 1.92 Bn in 2024, the base year of this study.

Q: What will it be worth at the end of the forecast?
A: We project US$ 2.88 Bn by 2032.

Q: How fast will it grow?
A: A compound annual growth rate (CAGR) of 5.2% over 2025-2032.

## Segments

Q: Which service line earns the most?
A: Relining and repair is the largest segment, with 54.5% of 2024 revenue. It is expected to grow at a CAGR of 4.6%.

Q: And inspection?
A: Thermal scanning and inspection held 21.0% of 2024 revenue and is the fastest-growing service line, with a CAGR of 8.7% through 2032.

## Companies

Q: Have there been any recent deals or launches?
A: Three stand out.
- March 2024: Calderon Refractory Group acquired Hotface Services for US$ 58 Mn, adding crews in Texas and Alberta.
- September 2024: Kilnscan Analytics launched a drone-mounted shell scanner for cement kilns.
"""


@pytest.fixture(scope="module")
def grinding():
    return asker(parse_text(GRINDING, "grinding-media-balls-market.md", "grinding"))


@pytest.fixture(scope="module")
def mooring():
    return asker(parse_text(MOORING, "harbour-mooring-robots-market.txt", "mooring"))


def test_short_headings_under_segment_insights_name_their_dimensions():
    facts = parse_text(GRINDING, "grinding-media-balls-market.md", "grinding").facts
    dimensions = {q.scope.name: q.scope.dimension for q in facts.quantities if q.metric == "share"}
    assert dimensions["Forged steel"] == "Material", dimensions
    assert dimensions["Copper concentrators"] == "End Use", dimensions
    assert facts.segmentation["End Use"], facts.segmentation


def test_the_largest_of_a_dimension_named_only_by_its_heading(grinding):
    answer = grinding("which end use is largest and with what share?")
    assert "Copper concentrators" in answer.text and "44%" in answer.text, answer.text
    assert "Ferrosfera" not in answer.text, answer.text  # a table's row explains nothing


def test_where_the_market_grows_fastest_ranks_the_regions_rates(grinding):
    for question in ("where is the market growing fastest?", "where is demand rising quickest, regionally?"):
        answer = grinding(question)
        assert "Latin America" in answer.text and "6.3%" in answer.text, (question, answer.text)


def test_two_parts_ratio_from_their_values_shares_or_rates(grinding):
    answer = grinding("asia pacific to europe revenue ratio")
    assert "3 times" in answer.text, answer.text
    assert any(c.tool == "compare_values" for c in answer.computations), answer.computations
    answer = grinding("how many times faster is latin america growing than europe?")
    assert "2.17 times" in answer.text, answer.text
    answer = grinding("ratio of copper concentrators to cement plants")
    assert "1.63 times" in answer.text, answer.text


def test_countries_named_by_their_adjectives(grinding):
    answer = grinding("I need the Chilean and Peruvian figures for 2024, please.")
    assert "USD 190 million" in answer.text and "USD 121 million" in answer.text, answer.text


def test_the_numbers_for_a_part_are_all_its_figures(grinding):
    answer = grinding("what are the numbers for latin america?")
    for figure in ("USD 480 million", "20%", "6.3%"):
        assert figure in answer.text, answer.text


def test_when_the_report_came_out(grinding, mooring):
    answer = grinding("when was this report published?")
    assert "March 2025" in answer.text, answer.text
    answer = grinding("who put out this report and when?")
    assert "March 2025" in answer.text and answer.unanswered_parts, (answer.text, answer.unanswered_parts)
    answer = mooring("when was this brief issued?")
    assert "6 May 2025" in answer.text, answer.text


def test_headings_set_right_over_their_paragraphs_in_plain_text():
    report = parse_text(MOORING, "harbour-mooring-robots-market.txt", "mooring")
    headings = {s.heading for s in report.sections}
    assert {"Investment Thesis", "PORT OPERATOR SURVEY", "Deal Flow", "Key Risks"} <= headings, headings
    assert report.market == "Harbour Mooring Robots", report.market
    assert [d.company for d in report.facts.recent_developments] == ["Quayline Systems", "Tethera Marine"]


def test_a_deal_under_deal_flow_answers_its_detail(mooring):
    answer = mooring("what did quayline pay for bollardtech?")
    assert answer.status == "answered" and "64" in answer.text, answer.text


def test_the_share_a_statistic_leaves(mooring):
    answer = mooring("what % of the surveyed operators did not name crew safety as their main reason?")
    assert "42%" in answer.text, answer.text
    assert any(c.tool == "remaining_share" for c in answer.computations), answer.computations


def test_a_rate_asked_first_is_the_cagr_whatever_year_follows(mooring):
    answer = mooring("at what annual rate is the market expected to expand through 2031?")
    assert "11.9%" in answer.text, answer.text


def test_a_currency_sign_is_no_country(mooring):
    answer = mooring("the brief says the market hits US$1.2bn by 2031 - what cagr is that?")
    assert "United States" not in answer.text, answer.text
    assert "905" in answer.text, answer.text


def test_an_adjective_inside_a_peoples_name_is_no_country():
    report = parse_text(GRINDING, "grinding-media-balls-market.md", "grinding")
    names = vocabulary(report)
    named = [e.name for e in match_entities("american indian enrolment share?", names)]
    assert "India" not in named, named
    named = [e.name for e in match_entities("the indian figure?", names)]
    assert "India" in named, named


def test_an_faq_pages_answers_keep_their_figures():
    facts = parse_text(KILN_FAQ, "rotary-kiln-refractory-services-market.md", "kiln").facts
    assert facts.forecast_end is not None and facts.forecast_end.amount == 2.88, facts.forecast_end
    rates = {(q.scope.name, q.value) for q in facts.quantities if q.metric == "cagr"}
    assert ("Relining and repair", 4.6) in rates and (None, 4.6) not in rates, rates
    shares = {q.scope.name: q.value for q in facts.quantities if q.metric == "share"}
    assert shares.get("Thermal scanning and inspection") == 21.0, shares
    assert [d.company for d in facts.recent_developments] == [
        "Calderon Refractory Group",
        "Kilnscan Analytics",
    ]


def test_an_faq_pages_answers_answer_questions():
    kiln = asker(parse_text(KILN_FAQ, "rotary-kiln-refractory-services-market.md", "kiln"))
    answer = kiln("what's the 2032 forecast?")
    assert "2.88" in answer.text, answer.text
    answer = kiln("what did calderon pay for hotface?")
    assert answer.status == "answered" and "58" in answer.text, answer.text
    answer = kiln("the report's 2032 forecast is US$ 3.5 bn, right?")
    assert "2.88" in answer.text and "United States" not in answer.text, answer.text


def test_a_brief_names_its_players_and_its_countries_figures():
    facts = parse_text(MOORING, "harbour-mooring-robots-market.txt", "mooring").facts
    assert [p.name for p in facts.key_players] == [
        "Tethera Marine AB",
        "Bollard Dynamics Inc.",
        "Harborlift Co., Ltd.",
    ]
    sizes = {
        q.scope.name: q.value
        for q in facts.quantities
        if q.metric == "market_size" and q.scope.kind == "country"
    }
    assert sizes.get("China") == 58.0 and sizes.get("South Korea") == 29.0, sizes  # 'China reached US$ 58 Mn'


def test_the_country_a_region_is_led_by(mooring):
    answer = converse(mooring, "europe's share?", "which country leads there?")
    assert "Netherlands" in answer.text, answer.text


def test_two_parts_compared_give_each_ones_figures(mooring):
    answer = mooring("how does china compare with south korea")
    assert "USD 58 million" in answer.text and "USD 29 million" in answer.text, answer.text


WASHERS = """\
# Laboratory Glassware Washer Market Outlook

## Market Summary

The global laboratory glassware washer market was valued at USD 842.0 million in 2024 and is expected
to reach USD 1,310.5 million by 2031, growing at a CAGR of 6.5% from 2025 to 2031. Six years earlier
the picture was different: in 2018 the market stood at USD 611.2 million.

## Product Types

We track three washer types. Undercounter washers are the largest, with 46.1% of 2024 revenue and
expected growth of 5.9% a year.
Freestanding washers accounted for 38.4% and should grow at 7.2%. Tunnel washers made up the remaining
15.5%.

## By Component

Washing chambers took 52.0% of 2024 revenue. Control electronics represented 29.0%, and spare parts
(racks, baskets, filters) the remaining 19.0%.

## Countries

Asia Pacific held 28.0% of 2024 revenue and is expected to grow at a CAGR of 8.0%. Europe accounted for
31.0% of revenue. Growth of 5.4% a year is expected as hospital laboratories automate.
Japan was the largest country market in Asia Pacific at USD 74.5 million, but India is projected to
grow fastest, at a CAGR of 9.1%. Brazil, outside North America and Europe, was worth USD 21.3 million.

Hospital laboratories in Europe must validate every wash cycle. Compliance is overseen by the European
Medicines Agency, which audits sterilisation records during inspections.

Country notes (2024 revenue, USD Mn):
  Germany ........... 88.2
  France ............ 41.7  (CAGR 5.9%)
"""


def test_prose_figures_keep_their_owners():
    quantities = parse_text(WASHERS, "laboratory-glassware-washer-market.md", "washers").facts.quantities
    sizes = {
        (q.scope.kind, q.scope.name, q.start_year): q.value for q in quantities if q.metric == "market_size"
    }
    assert sizes[("market", None, 2018)] == 611.2, sizes  # not the 'Six years earlier' phrase's
    assert sizes[("country", "Japan", 2024)] == 74.5, sizes  # the region only places the country
    assert sizes[("country", "Brazil", 2024)] == 21.3, sizes
    # a caption gives the unit and year of the values listed under it
    assert sizes[("country", "Germany", 2024)] == 88.2 and sizes[("country", "France", 2024)] == 41.7, sizes
    assert any(q.metric == "cagr" and q.scope.name == "France" and q.value == 5.9 for q in quantities)
    figures = {(q.metric, q.scope.name): q.value for q in quantities if q.scope.kind == "segment"}
    assert figures[("share", "Freestanding washers")] == 38.4, figures  # a share by its verb alone
    assert figures[("cagr", "Freestanding washers")] == 7.2, figures  # 'and should grow at 7.2%'
    assert figures[("share", "Tunnel washers")] == 15.5, figures
    assert figures[("share", "Control electronics")] == 29.0, figures  # 'represented 29.0%'
    assert figures[("cagr", "Undercounter washers")] == 5.9, figures  # 'expected growth of 5.9% a year'
    rates = {q.scope.name: q.value for q in quantities if q.metric == "cagr" and q.scope.kind == "region"}
    assert rates.get("Europe") == 5.4, rates  # 'Growth of 5.4% a year is expected' after Europe's share
    assert figures[("share", "spare parts")] == 19.0, (
        figures
    )  # '..., and spare parts (racks, ...) the remaining 19.0%'


def test_a_regions_value_in_a_later_year_at_its_own_rate():
    washers = asker(parse_text(WASHERS, "laboratory-glassware-washer-market.md", "washers"))
    answer = washers("asia pacific in 2030 at its own cagr?")
    assert "374.1" in answer.text, answer.text  # 28% of USD 842.0 million, grown at 8.0% to 2030


def test_a_table_with_a_column_per_year_gives_each_years_size(mooring):
    facts = parse_text(MOORING, "harbour-mooring-robots-market.txt", "mooring").facts
    sizes = {
        q.start_year: q.value
        for q in facts.quantities
        if q.metric == "market_size" and q.scope.kind == "market"
    }
    assert sizes[2023] == 371.0 and sizes[2026] == 516.0, sizes
    answer = mooring("what was the market worth in 2023?")
    assert "USD 371 million" in answer.text and "2023" in answer.text, answer.text
    assert not answer.ungrounded_numbers, answer.ungrounded_numbers  # the quote carries the years' row


def test_a_statistic_named_by_its_own_words_after_another(mooring):
    answer = converse(
        mooring,
        "what % of operators named crew safety as their main reason?",
        "who ran that survey",
        "and the turnaround time stat - how much did it fall?",
    )
    assert "18%" in answer.text, answer.text


def test_a_count_and_a_change_asked_together(mooring):
    answer = mooring(
        "how many terminal operators were surveyed and by how much did berth turnaround time fall?"
    )
    assert "140" in answer.text and "18%" in answer.text, answer.text


def test_what_drives_that_after_a_corrected_leader_is_the_real_leader(mooring):
    answer = converse(
        mooring, "the brief says asia pacific is the biggest region, right?", "ok so what's behind that?"
    )
    assert "Europe" in answer.text, answer.text


def test_a_ranking_of_parts_named_in_prose_leaves_out_another_dimensions():
    washers = asker(parse_text(WASHERS, "laboratory-glassware-washer-market.md", "washers"))
    answer = washers("which product segment is the largest?")
    assert "Undercounter washers" in answer.text and "46.1%" in answer.text, answer.text


def test_which_body_is_answered_by_the_sentence_that_names_one():
    washers = asker(parse_text(WASHERS, "laboratory-glassware-washer-market.md", "washers"))
    answer = washers("which agency oversees wash cycle validation for hospital laboratories in europe?")
    assert "European Medicines Agency" in " ".join(answer.text.split()), answer.text
