"""A leader the page states only in a sentence ('Europe is the second-largest region', 'the Middle
East & Africa is the fastest-growing region'): with no figures to rank and no headline field, the
sentence that says so is the answer, quoted."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """# Industrial Water Leak Detection Market Report 2025-2031

Publisher: Brightwater Intelligence. Base year: 2024.

## Market Summary

The industrial water leak detection market was valued at USD 1.12 billion in 2024 and is expected to
grow at a CAGR of 8.4% from 2025 to 2031.

## Regional Landscape

North America held the largest revenue share of 39.0% in 2024, helped by utilities replacing
ageing cast-iron mains.

Europe is the second-largest region, and the Middle East & Africa is the fastest-growing region as
desalination plants add acoustic sensors.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(
        parse_text(
            PAGE, "industrial-water-leak-detection-market.md", "industrial-water-leak-detection-market"
        )
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("second largest region?", "Europe is the second-largest region"),
        ("which region is the 2nd biggest", "Europe is the second-largest region"),
        ("fastest growing region", "fastest-growing region"),
    ],
)
def test_a_leader_stated_only_in_prose_is_quoted(ask, question, said):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert any(said in c.quote for c in answer.citations), answer.text


def test_the_largest_region_still_comes_from_the_figures(ask):
    answer = ask("which region is the largest?")
    assert answer.status == "answered" and "North America" in answer.text, answer.text
