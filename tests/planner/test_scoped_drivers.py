"""Drivers, challenges and trends of one region or segment, asked directly ('what drives growth in
asia pacific?') or as a follow-up ('whats driving it there' after the leading region): the report's
sentences about that region or segment, or a plain statement that it gives none, next to the
market-wide points. On a page of regional prose in a layout of its own."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """Marine Scrubber Retrofit Market Outlook 2025-2031

Published by Tidewater Analytics. Base year 2024; forecast 2025 to 2031.

The marine scrubber retrofit market was worth USD 3.40 billion in 2024 and is projected to grow at a
CAGR of 5.2% from 2025 to 2031.

Market Drivers

Stricter sulphur limits in emission control areas push shipowners to fit exhaust scrubbers to
vessels that would otherwise burn costlier low-sulphur fuel.

The spread between high-sulphur and low-sulphur fuel prices shortens the payback on a scrubber to
under three years for large container ships.

Market Challenges

Open-loop scrubbers are banned in a growing number of ports because of wash-water discharge.

Dry-dock capacity is scarce, so retrofits compete with routine maintenance for yard slots.

Regional Analysis

Europe held the largest share of the market in 2024, supported by the North Sea and Baltic emission
control areas and by ports that fund shore-side wash-water treatment.

Asia Pacific is the fastest-growing region, driven by new container fleets ordered by carriers in
China and South Korea and by yard capacity in Singapore.

In Europe, high labour costs at shipyards slow the pace of retrofit projects.

Segment Analysis

By scrubber type, hybrid scrubbers are the fastest-growing segment, as they switch between open and
closed loop to meet port bans.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "marine-scrubber-retrofit-market.txt", "marine-scrubber-retrofit-market"))


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what drives growth in asia pacific?", "China and South Korea"),
        ("whats behind the growth of hybrid scrubbers", "meet port bans"),
        ("challenges in europe?", "labour costs"),
        ("key drivers for europe", "Baltic"),
    ],
)
def test_the_points_about_the_region_or_segment_asked(ask, question, said):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert said in answer.text and any(said in c.quote for c in answer.citations), answer.text


def test_a_follow_up_takes_the_region_the_last_answer_named(ask):
    first = ask("which region is largest?")
    history = [
        {"role": "user", "content": "which region is largest?"},
        {"role": "assistant", "content": first.text},
    ]
    answer = ask("whats driving it there", history)
    assert answer.status == "answered" and "Baltic" in answer.text, answer.text


def test_a_region_the_report_says_nothing_about_gets_the_market_wide_points_plainly(ask):
    answer = ask("what drives the market in latin america?")
    assert answer.status in ("answered", "unanswerable"), answer.text
    assert "Latin America" in answer.text and "sulphur" in answer.text, answer.text
    assert "no growth rate" not in answer.text


def test_market_wide_drivers_are_unchanged(ask):
    answer = ask("what drives the market?")
    assert answer.status == "answered"
    assert "sulphur limits" in answer.text and "fuel prices" in answer.text
