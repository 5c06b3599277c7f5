"""A markdown page about a services market, asked as analysts type: the biggest part of a dimension
named with the market's own word ("biggest service segment?"), a fall between two stated years "in %
terms", the news of a place and then "how much?", and restraints the page letters "(a)", "(b)"."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Tank Cleaning Services Market Report, 2024-2031

The global tank cleaning services market was valued at USD 3.20 billion in 2023 and is projected to grow
at a CAGR of 5.5% from 2024 to 2031. Revenue was USD 2.90 billion in 2019 and USD 2.61 billion in 2020.

## By Service Type

| Service type | Share of 2023 revenue | CAGR 2024-2031 |
|---|---|---|
| Manual cleaning | 48.0% | 3.9% |
| Robotic cleaning | 32.0% | 9.1% |
| Sludge treatment | 20.0% | 5.0% |

## Regional Analysis

North America led with a 36.0% share in 2023.

## Recent Developments

- **June 2024** – Harrowgate Tank Services opened a robotic cleaning depot in Perth, Australia, investing AUD 18 million.
- **March 2025** – Velden Industrial won a refinery contract in Rotterdam, Netherlands.

## Key Players

- Harrowgate Tank Services
- Brinewell Industrial
- Castellan Cleaning Group

## Restraints

(a) Confined-space rules: each entry needs a permit and a standby crew, which raises labour costs.
(b) Waste disposal: sludge must go to licensed sites, which are scarce in many regions.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "tank-cleaning-services-market.md", "tanks"))


def test_the_biggest_part_of_a_dimension_named_with_the_markets_word(ask):
    answer = ask("which service segment is the biggest?")
    assert "Manual cleaning" in answer.text and "48%" in answer.text, answer.text


def test_a_fall_between_two_stated_years_in_percent(ask):
    answer = ask("how much did revenue fall 2019 to 2020, in % terms")
    assert "10%" in answer.text and "shrank" in answer.text, answer.text  # 2.61 / 2.90 - 1


def test_the_news_of_a_place_and_then_how_much(ask):
    answer = ask("anything recent in australia?")
    assert "Harrowgate" in answer.text and "Velden" not in answer.text, answer.text
    answer = converse(ask, "anything recent in australia?", "how much?")
    assert "AUD 18 million" in answer.text and answer.status == "answered", answer.text


def test_restraints_the_page_letters(ask):
    answer = ask("main restraints?")
    assert "Confined-space rules" in answer.text and "Waste disposal" in answer.text, answer.text
    assert "(a)" not in answer.text


def test_two_shares_as_a_multiple_and_as_a_gap(ask):
    answer = ask("manual cleaning share is how many times sludge treatment's?")
    assert "2.4 times" in answer.text, answer.text  # 48 / 20
    answer = ask("gap in share pts between manual cleaning and robotic cleaning?")
    assert "16 percentage points" in answer.text, answer.text  # 48 - 32


def test_the_rate_needed_from_a_year_the_page_states(ask):
    answer = ask("what cagr would it need to get from the 2019 level to 5bn by 2030")
    # (5.00 / 2.90)^(1/11) - 1
    assert "USD 2.90 billion in 2019" in answer.text and "5.08%" in answer.text, answer.text


def test_what_the_player_in_the_news_did(ask):
    turns = ["who are the key players here", "which of them show up in the recent developments"]
    answer = converse(ask, *turns, "what did that company do?")
    assert "Perth" in answer.text and "Rotterdam" not in answer.text, answer.text
