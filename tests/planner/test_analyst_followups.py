"""A markdown page whose region list names its countries and calls one region South America; then
questions and follow-ups as analysts type them: another name for a region ('latam', 'na
countries'), a clause that only names what the next asks about, a greeting before a question, 'how
big is it' after an overview, 'the one after that' in a list, a what-if on the year just discussed
and the gap between its two figures, 'when does it clear 10 bn', and why a segment leads."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Rooftop Rainwater Harvesting System Market Report, 2025-2032

## Market Overview

The global rooftop rainwater harvesting system market was valued at USD 4.20 billion in 2024 and is
projected to grow at a CAGR of 7.5% from 2025 to 2032, reaching USD 7.49 billion by 2032.

Europe dominates the market, driven by building codes that require water reuse in new homes.

## Market Segmentation

- By System Type:
  - Above-ground Tanks
  - Underground Cisterns
  - Modular Bladders
- By Region:
  - Europe
    - Germany
    - United Kingdom
    - Spain
  - North America
    - United States
    - Canada
  - South America
    - Brazil
    - Chile
  - Asia Pacific
    - India
    - Australia

Underground cisterns are the fastest-growing system type, driven by urban plots too small for
above-ground tanks and by municipal rebates for buried storage.

## Opportunities

Greywater reuse kits sold alongside tanks open a second revenue stream for installers.

## Market Challenges

Installation costs remain high for retrofits on older roofs. According to the Rain Storage Council,
in 2024, 41% of installers reported that retrofit jobs ran over budget.

## Key Players

- Aquilon Water Systems
- Brevard Tanks Ltd.
- Cisternia GmbH
- Dellwood Environmental
- Rainvault Inc.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "rooftop-rainwater-harvesting-system-market.md", "rainwater"))


@pytest.mark.parametrize(
    ("question", "countries", "region"),
    [
        ("which latam countires r broken out", ["Brazil", "Chile"], "South America"),
        ("latin america countries covered?", ["Brazil", "Chile"], "South America"),
        ("na countries covered", ["United States", "Canada"], "North America"),
        ("euro countries in the report", ["Germany", "Spain"], "Europe"),
    ],
)
def test_another_name_for_a_region_names_the_reports_region(ask, question, countries, region):
    answer = ask(question)
    assert region in answer.text and all(c in answer.text for c in countries), answer.text


def test_a_short_name_alone_is_no_region(ask):
    answer = ask("what's the 2030 size in euro")
    assert "Germany" not in answer.text and "Europe" not in answer.text, answer.text


def test_a_clause_that_only_names_a_region_goes_with_the_next(ask):
    answer = converse(ask, "which region dominates?", "and europe, which countries do they break out there?")
    assert "Germany" in answer.text and "Canada" not in answer.text, answer.text


def test_a_greeting_before_a_question_is_no_part_of_its_own(ask):
    answer = ask("hi, what's this report about")
    assert "could not find" not in answer.text and "4.2" in answer.text, answer.text
    assert answer.unanswered_parts == []


def test_how_big_after_an_overview_is_the_markets_size(ask):
    answer = converse(ask, "what's this report about?", "how big is it")
    assert "4.2" in answer.text and "Europe" not in answer.text, answer.text


def test_the_one_after_that_in_a_list(ask):
    answer = converse(ask, "who are the key players", "what's the 3rd one", "and the one after that")
    assert "Dellwood" in answer.text and "Cisternia" not in answer.text, answer.text
    answer = converse(ask, "who are the key players", "what's the 3rd one", "and the one before that?")
    assert "Brevard" in answer.text and "Dellwood" not in answer.text, answer.text


def test_a_what_if_takes_the_year_just_discussed_and_the_gap_between_its_figures(ask):
    turns = ["mkt size 2024?", "and 2029?", "what if it were 9% a year instead"]
    answer = converse(ask, *turns)
    # 4.20 x 1.09^5 = 6.46 against the report's 4.20 x 1.075^5 = 6.03
    assert "6.46" in answer.text and "in 2029" in answer.text, answer.text
    answer = converse(ask, *turns, "gap between those two 2029 numbers?")
    assert "0.43" in answer.text, answer.text


def test_when_it_clears_a_size(ask):
    answer = ask("assuming the cagr holds, when does it clear 6 bn")
    assert "2029" in answer.text, answer.text  # 6.03 in 2029, 5.61 in 2028


def test_what_is_behind_a_leader_gives_the_reasons_not_its_rate(ask):
    answer = ask("what's behind underground cisterns growing fastest")
    assert "urban plots" in answer.text or "rebates" in answer.text, answer.text


@pytest.mark.parametrize("asked", ["who's that from", "which org was that", "where did that come from"])
def test_who_a_quoted_figure_is_from(ask, asked):
    answer = converse(ask, "what are the challenges?", "any stat on that?", asked)
    assert "Rain Storage Council" in answer.text, answer.text


SHARES_PAGE = """# Harbour Tug Services Market Report

The global harbour tug services market was valued at USD 2.00 billion in 2024 and is expected to grow at a
CAGR of 4.0% from 2025 to 2030.

## Regional Analysis

| Region | Revenue share, 2024 | CAGR 2025-2030 |
|---|---|---|
| Asia Pacific | 40.0% | 5.1% |
| Europe | 30.0% | 3.2% |
| North America | 20.0% | 3.0% |
| Middle East & Africa | 10.0% | 6.4% |
"""


@pytest.fixture(scope="module")
def ask_shares():
    return asker(parse_text(SHARES_PAGE, "harbour-tug-services-market.md", "tugs"))


def test_the_top_two_regions_by_share(ask_shares):
    answer = ask_shares("top two regions by share?")
    assert "Asia Pacific" in answer.text and "Europe" in answer.text, answer.text
    assert "North America" not in answer.text, answer.text


def test_the_smallest_and_the_slowest_growing_region(ask_shares):
    answer = ask_shares("which region is the smallest?")
    assert "Middle East & Africa" in answer.text and "10%" in answer.text, answer.text
    answer = converse(ask_shares, "top two regions by share?", "and the smallest one")
    assert "Middle East & Africa" in answer.text, answer.text


def test_top_two_players_are_no_ranking_of_regions(ask):
    answer = ask("top 2 players in this market?")
    assert "Aquilon" in answer.text and "Europe" not in answer.text, answer.text


def test_opportunities_are_read_with_the_trends(ask):
    answer = ask("any opportunities mentioned?")
    assert "Greywater" in answer.text, answer.text


def test_a_currency_asked_in_a_clause_of_its_own_is_the_part_left_unanswered(ask):
    answer = ask("whats the 2024 size, and can u give it in euros too")
    assert answer.status == "answered" and "4.2" in answer.text, answer.text
    assert answer.unanswered_parts == ["can u give it in euros too"], answer.unanswered_parts
    alone = ask("2024 size in euros")
    assert alone.status == "unanswerable", alone.text


def test_a_list_is_counted_in_digits(ask):
    answer = ask("how many players are on the key players list")
    assert "5 key players" in answer.text and "[number removed]" not in answer.text, answer.text


def test_the_largest_after_a_fastest_ranking_asks_the_largest(ask):
    answer = converse(ask, "which region is fastest growing", "ok and the largest?")
    assert "Europe" in answer.text, answer.text


def test_a_difference_between_two_answers_gives_its_percent_too(ask):
    answer = converse(ask, "size in 2024?", "and 2032?", "total % growth between those two years")
    assert "78.33% more" in answer.text or "78.3" in answer.text, answer.text  # 7.49 / 4.20 - 1
    assert "Together" not in answer.text, answer.text  # a total growth, not the sum of the two


def test_a_turnover_rate_is_no_company_revenue(ask):
    answer = ask("what's the installer turnover rate")
    assert "profits, margins, revenue" not in answer.text, answer.text


def test_a_clause_with_a_topic_of_its_own_after_a_comma_and_is_a_part(ask):
    answer = ask("what share of installers ran over budget, and how many greywater kits were sold?")
    assert "41%" in answer.text, answer.text
    assert answer.unanswered_parts == ["how many greywater kits were sold?"], answer.unanswered_parts


def test_the_leader_with_its_share_and_value(ask_shares):
    answer = ask_shares("leading region, share and $ value")
    # 40% of USD 2.00 billion
    assert "Asia Pacific" in answer.text and "40%" in answer.text and "USD 0.80 billion" in answer.text, (
        answer.text
    )


@pytest.mark.parametrize("asked", ["sum those two", "and the sum of them?", "those two combined?"])
def test_the_sum_of_the_two_figures_just_given(ask, asked):
    answer = converse(ask, "size in 2024?", "and 2032?", asked)
    assert "11.69 billion" in answer.text or "11.7 billion" in answer.text, answer.text  # 4.20 + 7.49


@pytest.mark.parametrize(
    ("asked", "sums"),
    [
        ("sum those two", True),
        ("those two combined?", True),
        ("total % growth between those two years", False),
        ("what's the total market in 2030", False),
    ],
)
def test_what_asks_for_the_sum_of_two_figures(asked, sums):
    from assistant.planner.followup import SUM_OF_TWO

    assert bool(SUM_OF_TWO.search(asked)) is sums


def test_the_countries_a_region_covers_asked_as_coverage(ask):
    answer = ask("europe country coverage")
    assert "Germany" in answer.text and "Spain" in answer.text and "Brazil" not in answer.text, answer.text


def test_what_puts_a_leader_on_top_is_its_reason(ask):
    answer = ask("what puts europe on top")
    assert "building codes" in answer.text, answer.text
