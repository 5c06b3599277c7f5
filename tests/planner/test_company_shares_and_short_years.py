"""Companies' shares a page states in passing (quoted; two compared; one turned into dollars), years
typed with two digits ("22 value pls", "share in 24", "implied cagr 20-24"), and a short region name
("na") whose second use is the one before a figure word; where the players are based, a leader named
without a share, and a bare "price?" after a deal."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text
from assistant.planner.slots import extract

DEBURRING = """\
# Cryogenic Trimming Equipment Market Report, 2025-2031

The global cryogenic trimming equipment market was valued at USD 320.0 million in 2022 and USD 400.0
million in 2024, and is projected to reach USD 600.0 million by 2031, growing at a CAGR of 6.0% from
2024 to 2031.

## Regional analysis

North America led with 36.0% of 2024 revenue and is expected to grow at 5.5% a year. Europe held 30.0%.

## Competitive landscape

Frostmark Process Systems is the market leader with an estimated 14.5% share of 2024 revenue, followed
by Kaltwerk Anlagen GmbH at 11.0%. Other firms include Nitroflux Technologies and Polaris Finishing.

## Key players

- Frostmark Process Systems
- Kaltwerk Anlagen GmbH
- Nitroflux Technologies
- Polaris Finishing
"""


@pytest.fixture(scope="module")
def deburring():
    return asker(parse_text(DEBURRING, "cryogenic-trimming-equipment-market.md", "trimming"))


def test_a_company_share_the_prose_states_is_quoted(deburring):
    answer = deburring("what's kaltwerk's market share")
    assert answer.status == "answered", answer.text
    assert "11%" in answer.text and "Kaltwerk" in answer.text, answer.text


def test_two_company_shares_compared_by_the_tool(deburring):
    answer = deburring("share gap frostmark vs kaltwerk")
    assert answer.status == "answered", answer.text
    assert "14.5%" in answer.text and "3.5 percentage points" in answer.text, answer.text
    assert any(c.tool == "compare_values" for c in answer.computations), answer.computations


def test_a_company_share_in_dollars(deburring):
    answer = deburring("roughly how much revenue does frostmark make")
    assert answer.status == "answered", answer.text
    assert "58" in answer.text and "400" in answer.text, answer.text  # 14.5% of USD 400 million
    assert any(c.tool == "share_value" for c in answer.computations), answer.computations


def test_a_company_without_a_stated_share_is_declined(deburring):
    answer = deburring("nitroflux's share?")
    assert answer.status == "unanswerable", answer.text
    assert "no market share" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("22 value pls", [2022]),
        ("share in 24", [2024]),
        ("yoy growth 23 to 24", [2023, 2024]),
        ("implied cagr 20-24", [2020, 2024]),
        ("how much is that up from 24, in %", [2024]),
        ("top 20 players", []),
        ("24/7 support?", []),
        ("a 24 month contract", []),
        ("grew 20% a yr", []),
    ],
)
def test_years_typed_with_two_digits(question: str, years: list[int]):
    assert extract(question, []).years == years


def test_a_two_digit_year_is_answered(deburring):
    answer = deburring("22 value pls")
    assert answer.status == "answered", answer.text
    assert "320" in answer.text, answer.text


def test_a_short_region_name_before_a_figure_word_later_in_the_question(deburring):
    answer = deburring("na has the biggest share i think - whats NA's cagr")
    assert answer.status == "answered", answer.text
    assert "5.5%" in answer.text, answer.text


TELEMATICS = """\
BARGE TRACKING TELEMATICS MARKET REPORT

The global barge tracking telematics market was valued at USD 640.0 million in 2024 and is projected to
reach USD 1,100.0 million by 2031, a CAGR of 8.0% over 2025-2031.

COMPETITIVE LANDSCAPE

Rivermark Telematics was the revenue leader in 2024, followed by Lockline Systems. Company-level
shares are not disclosed.

KEY COMPANIES AND HEADQUARTERS
    Rivermark Telematics ................ Duisburg, Germany
    Lockline Systems .................... St. Louis, United States
    Keelwise IoT ........................ Rotterdam, Netherlands

RECENT DEVELOPMENTS

March 2025 - Lockline Systems acquired Keelwise IoT for USD 48 million, adding river sensors.
"""


@pytest.fixture(scope="module")
def telematics():
    return asker(parse_text(TELEMATICS, "barge-tracking-telematics-market.txt", "barges"))


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("keelwise hq?", ["Rotterdam, Netherlands"]),
        ("key cos + where they're based", ["Duisburg, Germany", "St. Louis, United States"]),
    ],
)
def test_where_the_players_are_based(telematics, question: str, places: list[str]):
    answer = telematics(question)
    assert answer.status == "answered", answer.text
    for place in places:
        assert place in answer.text, answer.text


def test_the_leader_a_page_names_without_a_share(telematics):
    answer = telematics("who's #1")
    assert answer.status == "answered", answer.text
    assert "Rivermark Telematics was the revenue leader" in answer.text, answer.text


def test_a_bare_price_after_a_deal_is_the_deals(telematics):
    answer = converse(telematics, "who bought keelwise", "price?")
    assert answer.status == "answered", answer.text
    assert "48 million" in answer.text, answer.text
