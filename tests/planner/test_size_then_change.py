"""A year's size and how much it is up on another year, asked in one message or as a follow-up
('2029 size, and how much is that up in $ from 2025?'): the size, then the change between them."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_report, parse_text

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


STORY = """\
<html><body>
<h1>Sauna stoves are having a moment, a new study finds</h1>
<p>A new study from the research firm Kettlewell Insights puts worldwide spending on sauna stoves at
USD 2.00 billion in 2024. Kettlewell expects the market to grow at a CAGR of 5.0% between 2025 and
2031, taking revenue to USD 2.81 billion by 2031.</p>
<ul class="by-the-numbers"><li>USD 2.00 billion - sauna stove revenue</li></ul>
</body></html>
"""


@pytest.fixture(scope="module")
def ask_story(tmp_path_factory: pytest.TempPathFactory):
    page = tmp_path_factory.mktemp("story") / "sauna-stove-market.html"
    page.write_text(STORY, encoding="utf-8")
    return asker(parse_report(page))


def test_the_publisher_called_by_its_first_name_is_no_part_of_the_question(ask_story):
    answer = ask_story("what cagr does kettlewell expect to 2031?")
    assert "5%" in answer.text and answer.status == "answered"


def test_a_corrected_size_is_quoted_with_its_year(ask_story):
    answer = ask_story("the market was about $2.4bn in 2024 - given that, what cagr is expected?")
    assert answer.text.startswith("The report does not put the market at USD 2.40 billion in 2024")
    assert answer.ungrounded_numbers == []


def test_where_the_report_puts_the_market_in_two_years(ask):
    answer = ask(
        "in USD terms, where does the report put the market at the start and the end of its outlook (2024 and 2031)?"
    )
    assert "USD 2 billion" in answer.text and "2031" in answer.text and answer.status == "answered"


def test_it_after_a_segment_is_that_segment_not_the_market(ask_story):
    # 'it' in a follow-up is what the turn before was about; the market's own figure is not asked
    history = [
        {"role": "user", "content": "what drives the market?"},
        {"role": "assistant", "content": "The report explains the drivers."},
    ]
    answer = ask_story("what was it worth in 2024", history)
    assert "USD 2 billion" in answer.text  # nothing else is named: the market


def test_add_those_two_years_together_after_two_sizes(ask):
    answer = converse(ask, "what's 2026 then", "and in 2028?", "add those two years together")
    assert "USD 4.64 billion" in answer.text  # 2.205 + 2.431
