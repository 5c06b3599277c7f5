"""A page whose companies' shares sit in a table, whose developments are numbered under their section
('6.1 May 2024: ...'), whose base year is said in a methods note, and whose snapshot names the
fastest-growing part of a dimension; questions that ask the share left outside some parts, two parts'
values added, a count the page does not give beside a figure it does, and a ranking that leans on the
kind discussed a few questions before."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

DOSING = """\
# Commercial Dishwasher Chemical Dosing Systems Market - Global Summary

*Published by Tallow Creek Research Partners | Report code TCR-0917 | January 2025*

## Snapshot

| Metric | Value |
|---|---|
| Market size, 2019 | USD 402.0 million |
| Market size, 2023 | USD 512.0 million |
| Forecast, 2031 | USD 840.0 million |
| CAGR (2023-2031) | 6.4% |
| Fastest-growing installation type | Retrofit units (8.9% CAGR) |

## Installation type

| Installation type | Share of revenue | CAGR (2024-2031) |
|---|---|---|
| New-build installations | 61.0% | 4.8% |
| Retrofit units | 39.0% | 8.9% |

## End users

Hotels held 46.0% of revenue, and this segment is forecast to grow at 5.1% a year. Hospitals took 21.0%.

## Regions

Europe accounted for 41.0% of revenue, North America for 33.0% and Asia Pacific for 18.0%. The Rest
of the World made up the remaining 8.0%. Germany was worth USD 61.0 million and France USD 44.0
million. France is expected to grow at a CAGR of 7.3%, the highest of any country, and Germany at 5.9%.

## Market dynamics

About 2.6 million restaurant kitchens were equipped in 2024, up from 1.9 million in 2019.
Wash-cycle errors fell to 1.2% of cycles in 2024, compared with 4.8% in 2019.

## Opportunities

- Subscription contracts that bundle chemicals with the pumps for restaurant chains.
- Sensor-based dosing that logs every wash cycle for hygiene audits.

## Competitive landscape

| Company | Headquarters | Est. share of revenue |
|---|---|---|
| Brightrinse Systems | Lyon, France | 17.5% |
| Dosamatic Inc. | Ohio, United States | 12.0% |
| Kessvale Hygiene | Leeds, United Kingdom | 8.5% |

## 6. Recent developments

6.1 March 2024: Brightrinse Systems acquired Ostrava Dosing s.r.o. for USD 31 million, adding two
assembly plants in Czechia.

6.2 June 2024: Dosamatic Inc. launched a cloud-connected pump controller for hotel kitchens.

## Methodology

Revenue is measured at manufacturer level; 2023 is the base year and 2024-2031 is the forecast period.
"""


@pytest.fixture(scope="module")
def dosing():
    return asker(parse_text(DOSING, "commercial-dishwasher-chemical-dosing-systems-market.md", "dosing"))


def test_the_parsed_page_keeps_each_figure_with_its_part():
    facts = parse_text(DOSING, "dosing.md", "dosing").facts
    assert facts.cagr is not None and facts.cagr.percent == 6.4
    rates = {(q.scope.name, q.value) for q in facts.quantities if q.metric == "cagr"}
    assert ("Hotels", 5.1) in rates  # 'this segment is forecast to grow at 5.1% a year'
    assert (None, 5.1) not in rates and (None, 8.9) not in rates  # no part's rate is the market's
    sizes = {
        q.start_year: q.value
        for q in facts.quantities
        if q.metric == "market_size" and q.scope.kind == "market"
    }
    assert sizes[2019] == 402.0  # 'Market size, 2019' in a two-column table
    shares = {q.scope.name: q.start_year for q in facts.quantities if q.metric == "share"}
    assert shares["Europe"] == 2023  # an undated share is of the base year the methods note states
    assert [d.company for d in facts.recent_developments] == ["Brightrinse Systems", "Dosamatic Inc."]


def test_the_publisher_of_a_published_by_line(dosing):
    answer = dosing("who published this report?")
    assert "Tallow Creek Research Partners" in answer.text, answer.text


def test_a_company_share_from_the_table_and_the_leader(dosing):
    answer = dosing("how much of the market does dosamatic hold")
    assert answer.status == "answered" and "12%" in answer.text, answer.text
    answer = dosing("which company is the biggest?")
    assert answer.status == "answered", answer.text
    assert "Brightrinse Systems" in answer.text and "17.5%" in answer.text, answer.text


def test_a_numbered_development_answers_who_bought_whom(dosing):
    answer = dosing("who did brightrinse buy?")
    assert answer.status == "answered" and "Ostrava Dosing" in answer.text, answer.text


def test_the_share_left_outside_parts_is_computed(dosing):
    answer = dosing("what share of revenue is outside europe and north america?")
    assert "26%" in answer.text, answer.text
    assert any(c.tool == "remaining_share" for c in answer.computations), answer.computations
    answer = dosing("what portion is not from new-build installations")
    assert "39%" in answer.text, answer.text


def test_two_stated_values_added(dosing):
    answer = dosing("germany and france combined market size?")
    assert "USD 105 million" in answer.text, answer.text
    assert any(c.tool == "compare_values" for c in answer.computations), answer.computations


def test_a_count_the_page_lacks_is_named_beside_the_figure_it_gives(dosing):
    answer = dosing("what's germany worth and how many units were sold there last year?")
    assert "USD 61" in answer.text, answer.text
    assert len(answer.unanswered_parts) == 1 and "units" in answer.unanswered_parts[0], (
        answer.unanswered_parts
    )
    answer = dosing("europe's share and the number of hotels using dosing pumps in europe")
    assert "41%" in answer.text and len(answer.unanswered_parts) == 1, (answer.text, answer.unanswered_parts)


def test_a_count_answered_only_by_a_sentence_that_counts_those_things(dosing):
    answer = dosing("how many kitchens use the pump controller?")
    assert answer.status == "unanswerable", answer.text


def test_two_figures_of_one_sentence_compared_by_the_tool(dosing):
    answer = dosing("how many more restaurant kitchens were equipped in 2024 than in 2019?")
    assert "0.70 million" in answer.text, answer.text
    answer = dosing("by what multiple did wash-cycle errors fall?")
    assert "4 times" in answer.text, answer.text
    assert any(c.tool == "compare_values" for c in answer.computations), answer.computations


def test_a_name_typed_without_its_article(dosing):
    answer = dosing("what did rest of world contribute in dollars in 2023")
    assert "USD 40.96 million" in answer.text, answer.text


def test_a_summary_of_one_section_and_a_ranking_of_countries_by_rate(dosing):
    answer = dosing("could you summarise the opportunities the report highlights?")
    assert "Subscription contracts" in answer.text and "Sensor-based dosing" in answer.text, answer.text
    answer = dosing("which country has the highest growth rate?")
    assert "France" in answer.text and "7.3%" in answer.text, answer.text


def test_a_ranking_clause_is_a_part_of_its_own(dosing):
    answer = dosing("give me the 2023 size, the cagr and the biggest installation type")
    assert "USD 512" in answer.text and "6.4%" in answer.text, answer.text
    assert "New-build installations" in answer.text, answer.text


def test_the_fastest_one_after_a_region_and_its_rate_ranks_regions(dosing):
    answer = converse(dosing, "what's the biggest region?", "and its share?", "what about the smallest one?")
    assert "Rest of the World" in answer.text, answer.text


def test_which_grows_faster_after_a_dimension_ranks_that_dimension(dosing):
    answer = converse(dosing, "what installation types are there?", "which grows faster?")
    assert "Retrofit units" in answer.text and "8.9%" in answer.text, answer.text


BARISTA = """\
Barista Plant Milk Market to Reach USD 2.1 Billion by 2032, Says Fennick Research

BRISTOL, 4 March 2025 -- The global barista plant milk market was valued at USD 1.2 billion in 2024
and is forecast to grow at a CAGR of 7.2% from 2025 to 2032.

Oat-based blends were the largest base in 2024, capturing 44.0% of revenue. Beyond oat-based blends,
the report sizes almond-based blends at 21.0% of 2024 revenue, soy-based blends at 17.5% and
pea-based blends at 9.0%. Pea-based blends, although only a small base, are forecast to grow
fastest at 11.4% a year.

"Cafes now treat the plant milk as part of the coffee," said Imogen Tarrant, Lead Analyst for Food Service.
"Foam stability is what they pay for."

Media contact
Rowan Pell, Press Officer
Fennick Research
"""


def test_segments_named_only_in_prose_beside_a_known_one_keep_their_figures():
    facts = parse_text(BARISTA, "barista-plant-milk-market.txt", "barista").facts
    figures = {(q.metric, (q.scope.name or "").lower()): q.value for q in facts.quantities}
    assert figures.get(("share", "oat-based blends")) == 44.0, figures
    # named like 'Oat-based blends' and followed by a figure: segments too, with their figures
    assert figures.get(("share", "almond-based blends")) == 21.0, figures
    assert figures.get(("cagr", "pea-based blends")) == 11.4, figures
    assert facts.cagr is not None and facts.cagr.percent == 7.2
    ask = asker(parse_text(BARISTA, "barista-plant-milk-market.txt", "barista"))
    answer = ask("almond based blends share?")
    assert "21%" in answer.text, answer.text


def test_the_people_a_release_quotes_and_lists():
    ask = asker(parse_text(BARISTA, "barista-plant-milk-market.txt", "barista"))
    answer = ask("who's the analyst quoted in the release?")
    assert "Imogen Tarrant" in answer.text and "Lead Analyst" in answer.text, answer.text
    answer = ask("who is imogen tarrant")
    assert "Lead Analyst for Food Service" in answer.text, answer.text
    answer = ask("press contact?")
    assert "Rowan Pell" in answer.text, answer.text
    answer = ask("who said foam stability is what cafes pay for?")
    assert "Imogen Tarrant" in answer.text, answer.text


KILNS = """\
# Tunnel Kiln Refractory Lining Market Outlook, 2025-2031

The global tunnel kiln refractory lining market was worth USD 840.0 million in 2024 and is projected
to grow at a CAGR of 5.5% from 2025 to 2031.

## Product

| Product | Share of revenue | CAGR (2025-2031) |
|---|---|---|
| Alumina fire bricks | 46.0% | 4.9% |
| Insulating castable mixes | 32.0% | 6.3% |
| Ceramic fibre modules | 22.0% | 5.8% |

## Regions

Asia Pacific was worth USD 390.0 million in 2024 and is projected to expand at 6.4% a year. Europe
held a 27.0% share and is projected to expand at 4.1% a year.

## Key developments

- May 2024: Ostrander Ceramics bought Kilnwell Linings for USD 48 million.

## Key players

- Ostrander Ceramics
- Kilnwell Linings
- Brenna Thermal
"""


@pytest.fixture(scope="module")
def kilns():
    return asker(parse_text(KILNS, "tunnel-kiln-refractory-lining-market.md", "kilns"))


def test_a_rate_stated_as_expanding_each_year_is_the_parts_cagr():
    facts = parse_text(KILNS, "kilns.md", "kilns").facts
    rates = {q.scope.name: q.value for q in facts.quantities if q.metric == "cagr"}
    assert rates.get("Europe") == 4.1 and rates.get("Asia Pacific") == 6.4, rates


def test_a_parts_stated_value_grown_at_its_own_rate(kilns):
    answer = kilns("what will asia pacific be worth in 2030 at its regional cagr?")
    assert "USD 565.87 million" in answer.text, answer.text
    assert any(c.tool == "project_at_rate" for c in answer.computations), answer.computations


def test_a_segment_named_by_most_of_its_words_and_a_later_year_of_it(kilns):
    answer = converse(
        kilns, "how big is the fire brick segment?", "what about its growth?", "so what would it be by 2031?"
    )
    assert "Alumina fire bricks" in answer.text and "2031" in answer.text, answer.text
    assert any(c.tool == "project_at_rate" for c in answer.computations), answer.computations


def test_another_market_sharing_a_word_with_this_one_is_declined(kilns):
    answer = kilns("tunnel boring machine market cagr?")
    assert answer.status == "unanswerable", answer.text
    assert "does not cover the tunnel boring machine market" in answer.text, answer.text


def test_a_verb_that_is_a_segments_word_names_no_segment(kilns):
    answer = kilns("what does the report project the market to be worth in 2031?")
    assert answer.status == "answered" and "USD 1,221.93 million" in answer.text, answer.text


def test_how_much_a_group_of_players_spent_is_no_list_of_players(kilns):
    answer = kilns("how much did ostrander pay for kilnwell?")
    assert "USD 48 million" in answer.text, answer.text


def test_who_bought_whom_is_a_part_of_its_own_in_a_list_of_asks(dosing):
    answer = dosing("2023 market size, europe share, and who bought ostrava dosing?")
    assert "USD 512" in answer.text and "41%" in answer.text, answer.text
    assert "Brightrinse Systems acquired Ostrava Dosing" in answer.text, answer.text


def test_the_rate_to_double_a_named_years_size_starts_from_that_year(dosing):
    answer = dosing("what cagr would double its 2023 size by 2031?")
    assert "USD 1,024 million" in answer.text and "2023" in answer.text, answer.text


def test_a_subject_with_a_which_aside_keeps_its_share():
    text = (
        "# Kiln Furniture Market Report\n\nThe global kiln furniture market was valued at USD 300.0 million in 2024 "
        "and will grow at a CAGR of 4.0% from 2025 to 2030.\n\n## Products\n\nSetter plates, which cover batts, "
        "slabs and tiles, remained the largest product with a 41.0% share of 2024 revenue.\n"
    )
    shares = {
        q.scope.name: q.value
        for q in parse_text(text, "kiln.md", "kiln").facts.quantities
        if q.metric == "share"
    }
    assert shares == {"Setter plates": 41.0}, shares


TILLERS = """\
# Rotary Tiller Market Outlook, 2025-2030

The global rotary tiller market was valued at USD 2.40 billion in 2024 and is expected to reach
USD 3.10 billion by 2030, growing at a CAGR of 4.4% from 2025 to 2030.

## By type

| Type | Share of revenue |
|---|---|
| Mounted rotary tillers | 52.0% |
| Walk-behind rotary tillers | 30.0% |
| Self-propelled rotary tillers | 18.0% |
"""


def test_the_markets_own_words_shared_by_its_segments_name_the_market():
    ask = asker(parse_text(TILLERS, "rotary-tiller-market.md", "tillers"))
    answer = ask("what is the rotary tiller market expected to be worth by 2030?")
    assert "USD 3.10 billion" in answer.text and "Mounted" not in answer.text, answer.text
    answer = ask("walk behind tillers share?")
    assert "30%" in answer.text, answer.text


def test_a_count_asked_of_a_development_is_one_it_states(dosing):
    answer = dosing("how many plants did the ostrava deal add?")
    assert answer.status == "answered" and "two\nassembly plants" in answer.text, answer.text
    answer = dosing("how many hotels has the dosamatic controller been installed in?")
    assert answer.status == "unanswerable" and "does not say how many hotels" in answer.text, answer.text
    answer = dosing("who was brightrinse's target?")
    assert "Ostrava Dosing" in answer.text, answer.text


def test_names_cut_short_by_the_user(dosing, kilns):
    answer = dosing("new-build install share?")
    assert "61%" in answer.text, answer.text
    answer = kilns("tunnel kiln refractory mkt size 2024")  # the market's own name, typed short
    assert "USD 840" in answer.text, answer.text


def test_the_markets_own_word_cut_short_is_no_other_market():
    text = (
        "# Orthotic Insole Market Report\n\nThe global orthotic insole market was valued at USD 3.40 billion in "
        "2024 and is expected to grow at a CAGR of 6.0% from 2025 to 2030, as podiatrists prescribe custom "
        "insoles for more patients with flat feet and diabetic foot conditions.\n"
    )
    ask = asker(parse_text(text, "orthotic-insole-market.md", "insoles"))
    answer = ask("ortho-insole mkt size 2024")
    assert answer.status == "answered" and "USD 3.40 billion" in answer.text, answer.text


def test_why_of_a_listed_point_named_by_one_word(dosing):
    answer = converse(dosing, "what are the opportunities?", "why is sensor-based dosing an opportunity?")
    assert "Sensor-based dosing" in answer.text, answer.text


def test_a_parts_value_if_it_keeps_its_share(dosing):
    answer = converse(dosing, "which region is the largest?", "and by 2031 if it keeps its share?")
    assert "Europe" in answer.text and "your assumption" in answer.text, answer.text
    assert "USD 344.40 million" in answer.text, answer.text


def test_what_they_did_after_a_company_however_long_the_question(dosing):
    answer = converse(dosing, "tell me about brightrinse", "what did they buy, and for how much?")
    assert "Ostrava Dosing" in answer.text and "USD 31 million" in answer.text, answer.text


def test_tell_me_about_a_part_gives_its_figures_and_a_bare_name_after_it_too(dosing):
    answer = dosing("tell me about france")
    assert "USD 44" in answer.text and "7.3%" in answer.text, answer.text
    answer = converse(dosing, "tell me about france", "germany?")
    assert "USD 61" in answer.text and "5.9%" in answer.text, answer.text


GRAB_BARS = """\
# Bathroom Grab Bar Market Report, 2025-2030

The global bathroom grab bar market was valued at USD 1.10 billion in 2024 and is expected to grow at
a CAGR of 5.1% from 2025 to 2030, as ageing households adapt their homes.

## Report scope

The market is segmented into the following categories:

- Bathroom Grab Bar Market, By Material:
- Stainless steel
- Plastic
- Bathroom Grab Bar Market, By Region:
- North America
  - United States
  - Canada
- Europe
  - Germany
  - France
  - United Kingdom
- Asia Pacific
  - China
  - Japan
"""


def test_how_many_countries_counts_those_the_regions_list():
    ask = asker(parse_text(GRAB_BARS, "bathroom-grab-bar-market.md", "grab"))
    answer = ask("how many countries does the report cover?")
    assert "7 countries" in answer.text and "Japan" in answer.text, answer.text
    assert any(c.tool == "count_items" for c in answer.computations), answer.computations
