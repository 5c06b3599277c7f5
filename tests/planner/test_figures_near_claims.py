"""A statistic asked for by the claim it backs ('any stat showing the strain on crews?'): reports
often make the claim in one sentence and give the survey figure in the next, in words the question
does not use. The figure that follows the claim in its paragraph is the answer, with its source."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """# Port Crane Maintenance Services Market - Industry Report 2025-2030

**Publisher:** Quayline Research | **Base year:** 2024 | **Forecast:** 2025-2030

## Market Overview

The port crane maintenance services market was valued at USD 1.85 billion in 2024 and is expected to
grow at a CAGR of 4.9% from 2025 to 2030. Port operators report mounting strain on maintenance crews
as vessel calls grow. This pressure is borne out by recent survey data. According to the Harbour
Engineering Council, in 2024, 41% of container terminals reported crane downtime above their targets.

## Key Drivers

Larger container ships need taller cranes, and each added metre of outreach adds wear to hoist gear.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(
        parse_text(
            PAGE, "port-crane-maintenance-services-market.txt", "port-crane-maintenance-services-market"
        )
    )


@pytest.mark.parametrize(
    "question",
    [
        "any stat showing the strain on maintenance crews?",
        "is there data on the pressure on maintenance crews",
    ],
)
def test_the_figure_after_the_claim_answers(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "41%" in answer.text and any("41%" in c.quote for c in answer.citations), answer.text


def test_its_source_follows(ask):
    question = "any stat showing the strain on maintenance crews?"
    first = ask(question)
    history = [{"role": "user", "content": question}, {"role": "assistant", "content": first.text}]
    answer = ask("source?", history)
    assert answer.status == "answered" and "Harbour" in answer.text, answer.text
    assert answer.citations


def test_a_claim_with_no_figure_near_it_is_still_declined(ask):
    answer = ask("any stats on hoist gear wear?")
    assert answer.status == "unanswerable" or "41%" not in answer.text
