"""Names and asks typed short: "on-prem" for "On-premises deployments", "that tech segment's cagr?"
after a company's news about it, and "are you able to pull numbers out of these reports" as a question
about what the assistant does."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

TREASURY = """\
# Liquidity Forecasting Software Market Report, 2025-2032

The global liquidity forecasting software market was valued at USD 1,200.0 million in 2024 and is
projected to reach USD 2,900.0 million by 2032, a CAGR of 11.7% over 2025-2032.

## By Deployment

Cloud (SaaS) deployments held 64.3% of 2024 revenue and On-premises deployments 35.7%.

## By Technology

Rules-based engines represented 58.0% of the market. Machine-learning engines held 42.0% and are forecast
to grow at a 16.4% CAGR, the fastest of any segment analysed.

## Recent Developments

- **March 2025** - Cashwise Labs raised USD 35 million from Northgate Partners to scale its
  machine-learning engines.

## Key players

- Cashwise Labs
- Ledgerline Systems
- Treasora
"""


@pytest.fixture(scope="module")
def treasury():
    return asker(parse_text(TREASURY, "liquidity-forecasting-software-market.md", "liquidity"))


def test_on_prem_names_the_on_premises_segment(treasury):
    answer = treasury("gap between cloud and on-prem share, in pts")
    assert answer.status == "answered", answer.text
    assert "28.6 percentage points" in answer.text, answer.text


def test_a_segments_rate_after_a_companys_news_about_it(treasury):
    answer = converse(
        treasury, "how much did cashwise raise", "what's the money for", "that tech segment's cagr?"
    )
    assert answer.status == "answered", answer.text
    assert "16.4%" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "morning! are you able to pull numbers out of these reports for me",
        "can you pull figures from this report?",
    ],
)
def test_asking_what_the_assistant_can_do(treasury, question: str):
    answer = treasury(question)
    assert answer.status == "answered" and not answer.citations, answer.text
    assert "could not find" not in answer.text, answer.text
