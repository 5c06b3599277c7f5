"""What the publisher offers around the report: customizations ('can i get extra companies
profiled?', with the number spelt out) and whether the report is out yet."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """\
# Kayak Roof Rack Market Report, 2025-2031

The kayak roof rack market was valued at USD 410 million in 2024 and is expected to grow at a CAGR of
5.4% from 2025 to 2031. Key players include Paddlemount, Crestline Racks and Hullgrip.

Available Customizations:

With the given market data, Ridgeway Research offers customizations according to a company's needs:

  - Detailed analysis and profiling of additional market players (up to seven).
  - Regional split of the figures for two further countries of your choice.

Kayak Roof Rack Market is an upcoming report to be released soon. To request an early copy, please
contact the sales team.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "kayak-roof-rack-market.md"))


def test_extra_companies_profiled_is_a_customization(ask):
    answer = ask("can i get extra companies profiled?")
    assert "up to seven" in answer.text and "Paddlemount" not in answer.text


def test_how_many_extra_players_counts_a_number_spelt_out(ask):
    answer = ask("how many extra players can be profiled as a customization?")
    assert answer.status == "answered" and "up to seven" in answer.text


def test_is_the_report_out(ask):
    answer = ask("is the report out already?")
    assert "upcoming report to be released soon" in answer.text
