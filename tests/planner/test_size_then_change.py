"""A year's size and how much it is up on another year, asked in one message or as a follow-up
('2029 size, and how much is that up in $ from 2025?'): the size, then the change between them."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """\
# Sauna Heater Market Report, 2025-2031

The sauna heater market was valued at USD 2.00 billion in 2024 and is expected to grow at a CAGR of
5.0% from 2025 to 2031. Electric heaters lead the market, and wood-fired heaters keep a loyal base
of cabin owners in the Nordic countries.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "sauna-heater-market.md"))


def test_a_size_and_its_change_in_one_message(ask):
    answer = ask("2028 size, and how much is that up in $ from 2024?")
    assert "USD 2.43 billion" in answer.text  # 2.00 x 1.05^4
    assert "USD 0.431 billion" in answer.text
    assert answer.unanswered_parts == []


def test_up_from_a_year_is_a_change(ask):
    answer = ask("how much is the 2028 size up in $ from 2024?")
    assert "USD 0.431 billion" in answer.text


def test_that_up_from_a_year_after_a_size(ask):
    answer = converse(ask, "2028 size", "how much is that up from 2024?")
    assert "USD 0.431 billion" in answer.text


def test_sizes_added_together_stay_a_sum(ask):
    answer = ask("2025 and 2026 values added together?")
    assert "USD 4.31 billion" in answer.text  # 2.10 + 2.205


def test_the_market_named_then_asked_what_it_was_valued_at(ask):
    answer = ask("sauna heaters - what was it valued at in 2024?")
    assert "USD 2 billion" in answer.text or "USD 2.00 billion" in answer.text
