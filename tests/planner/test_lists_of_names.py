"""Several places asked at once, as users list them ('US, japan and south korea market sizes for
2023?', 'compare germany and the uk - each value and the gap'): one ask of every name, not a clause
per name; and the last answer's figure as a share of a year's size."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

COUNTRY_PROSE = """\
# Frozen Gnocchi Market Report, 2024-2030

The frozen gnocchi market was valued at USD 4.10 billion in 2023 and is projected to reach USD 5.95
billion by 2030, growing at a CAGR of 5.5% from 2024 to 2030.

## Regional Outlook

Europe is the largest region. Italy recorded USD 1.12 billion in 2023, while Germany reached USD 402
million and the United Kingdom USD 365 million. In North America, the United States generated USD 0.88
billion in 2023. Japan, at USD 210 million in 2023, is the largest market in Asia.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(COUNTRY_PROSE, "frozen-gnocchi-market.md"))


def test_three_countries_listed_before_what_is_asked_of_them(ask):
    answer = ask("US, japan and italy market sizes for 2023?")
    for figure in ("USD 0.88 billion", "USD 210 million", "USD 1.12 billion"):
        assert figure in answer.text
    assert answer.unanswered_parts == []


def test_compare_two_countries_and_the_gap(ask):
    answer = ask("compare germany and the uk in 2023 - each value and the gap between them")
    assert "USD 402 million" in answer.text and "USD 365 million" in answer.text
    assert "USD 37 million" in answer.text


def test_the_last_figure_as_a_share_of_a_years_size(ask):
    answer = converse(ask, "market size in 2027?", "as a share of the 2030 number?")
    assert "USD 5.08 billion" in answer.text and "85.38%" in answer.text and "USD 5.95 billion" in answer.text
    assert answer.ungrounded_numbers == []


def test_a_share_of_a_year_with_no_figure_before_is_not_invented(ask):
    history = [{"role": "user", "content": "who makes gnocchi?"}, {"role": "assistant", "content": "..."}]
    answer = ask("what's that as a % of the 2025 size?", history)
    assert "%" not in answer.text.replace("% of the 2025", "")
