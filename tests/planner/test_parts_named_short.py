"""Parts of a market named as analysts type them, on a page of a layout of its own: a segment whose
name is a word of the market's ("tours share?" of a kayak rentals and tours market), an acronym the
page defines in brackets ("grp"), a business acronym of a segment's name ("sme"), shorthand ("exec"),
a country's initials ("uk"), a "split" of two parts, a definition, and the market's revenue or
headcount asked without any company named (no company figure is refused)."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """# Kayak Rentals and Tours Market Report, 2025-2031

The global kayak rentals and tours market was valued at USD 2.40 billion in 2024 and is expected to
grow at a CAGR of 7.0% from 2025 to 2031. Revenue fell from USD 1.90 billion in 2019 to USD 1.10 billion
in 2020 as lakes and coasts closed, then recovered by 2022.

## Segment analysis

### By offering

Hourly rentals accounted for 55.0% of revenue in 2024. Tours held 30.0% and are forecast to expand at
a CAGR of 9.5%, while memberships made up the remaining 15.0%.

### By hull material

Glass-reinforced plastic (GRP) boats held 47.0% of fleet spending in 2024, rotomoulded polyethylene
41.0% and wood or composite 12.0%.

### By customer

Executive retreats made up 9.0% of 2024 revenue. Small and medium-sized enterprises accounted for 21.0%
of corporate bookings, and large enterprises (250 or more employees) for the remaining 79.0%.

## Regional analysis

Europe led with a 38.0% share in 2024. The United Kingdom alone was worth USD 0.30 billion. Asia Pacific is
expected to contribute 41% to the market's growth between 2025 and 2031.

## Key players

- Paddlewise Outfitters
- Northbay Kayak Co.

## Restraints

Only about 35% of visitors who book a first trip come back within two years, which keeps marketing
costs high for operators.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "kayak-rentals-and-tours-market.md", "kayaks"))


@pytest.mark.parametrize("question", ["tours share?", "what % of revenue is tours"])
def test_a_segment_named_by_a_word_of_the_markets_name(ask, question):
    answer = ask(question)
    assert "30%" in answer.text and answer.status == "answered", answer.text


def test_a_segment_named_by_a_word_of_the_markets_name_at_its_own_rate(ask):
    answer = ask("if tours grow at their own rate what are they worth by 2028")
    # 30% of USD 2.40 billion in 2024, compounded at 9.5% for four years: 0.72 x 1.095^4
    assert "USD 1.04 billion in 2028" in answer.text, answer.text


def test_an_acronym_the_page_defines_in_brackets(ask):
    answer = ask("grp share?")
    assert "47%" in answer.text, answer.text


def test_a_business_acronym_and_shorthand_name_segments(ask):
    assert "21%" in ask("sme share").text
    assert "9%" in ask("exec retreats share?").text


def test_a_countrys_initials(ask):
    answer = ask("how big is the uk on its own")
    assert "USD 0.30 billion" in answer.text and answer.status == "answered", answer.text


def test_a_split_asks_the_shares_of_the_parts_named(ask):
    answer = ask("grp vs wood split?")
    assert "47%" in answer.text and "12%" in answer.text, answer.text


def test_a_definition_quotes_the_sentence_that_says_what_a_name_covers(ask):
    answer = ask("what counts as a large enterprise here")
    assert "250 or more employees" in answer.text and answer.status == "answered", answer.text


def test_the_markets_revenue_or_visitors_asked_without_a_company_is_no_company_figure(ask):
    for question in ("how hard did covid hit revenue? numbers pls", "what % of visitors actually come back"):
        answer = ask(question)
        assert "companies" not in answer.text and answer.status == "answered", answer.text
    assert "35%" in ask("what % of visitors actually come back").text


def test_a_companys_revenue_is_still_a_company_figure(ask):
    answer = ask("what's the revenue of the biggest company?")
    assert answer.status == "unanswerable" and "compan" in answer.text, answer.text


def test_a_share_of_a_part_the_page_never_names_is_declined(ask):
    answer = ask("school groups share of revenue?")
    assert answer.status == "unanswerable" and "%" not in answer.text.split("nearest")[0], answer.text


def test_a_parts_share_and_its_growth_in_one_ask(ask):
    answer = ask("tours - share, growth?")
    assert "30%" in answer.text and "9.5%" in answer.text, answer.text


def test_a_contribution_to_growth_asked_with_the_markets_name(ask):
    answer = ask("apac contribution to growth, kayak rentals and tours")
    assert "41%" in answer.text and answer.unanswered_parts == [], answer.text
