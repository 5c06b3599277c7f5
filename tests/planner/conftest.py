"""A small fictional report in a key-value layout, and a planner over it built from fakes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from asking import asker

from assistant.domain.answer import Answer
from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

PAGE = """Global Harbour Crane Electrification Market Report

Market Size (2024): USD 3.20 Billion
Market Size (2030): USD 4.54 Billion
CAGR (2025-2030): 6.00%
Forecast Period: 2025-2030
Largest Region: Europe
Fastest Growing Segment: Retrofit Kits

Market Overview

Harbour crane electrification replaces diesel drives on ship-to-shore and yard cranes with electric
drives fed from the port grid. Electrification providers are engineering firms that design, supply and
commission the drive trains, cable reels and substations a crane needs.

Key Market Drivers

Ports face emission caps set by their cities, and electric cranes cut fuel costs by about 40 percent.

Shipping lines ask terminals to report the carbon footprint of every container moved.

Key Market Challenges

Grid connections at older terminals often cannot carry the load of a full fleet of electric cranes.

Retrofitting a working crane takes it out of service for several weeks, which terminals resist.
The cost of waiting is visible in recent industry surveys. According to the Port Equipment Council,
in 2023, 41% of terminals postponed a planned retrofit because their grid connection was too weak.

Key Market Trends

Battery buffers let cranes recover braking energy and flatten the peak load on the port grid.

Market Segmentation

By Type: New Cranes, Retrofit Kits
By Region: Europe, Asia Pacific, North America

Key Players

Portvolt Systems, Quayline Engineering, Harbourdrive AG

Recent Developments

In March 2024, Portvolt Systems acquired Cablereel Works, adding 3 factories in Poland and Spain.

In June 2024, Quayline Engineering opened a test yard in Rotterdam for retrofit kits.
"""


@pytest.fixture(scope="session")
def crane_report() -> Report:
    return parse_text(
        PAGE, "harbour-crane-electrification-market.txt", "harbour-crane-electrification-market"
    )


@pytest.fixture(scope="session")
def ask(crane_report: Report) -> Callable[..., Answer]:
    """Ask about the crane report (key-value header)."""
    return asker(crane_report)


PRESS_RELEASE = (
    Path(__file__).parent.parent / "fixtures" / "quantities" / "cargo-drone-logistics-market.md"
).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def drone_report() -> Report:
    return parse_text(PRESS_RELEASE, "cargo-drone-logistics-market.md", "cargo-drone-logistics-market")


@pytest.fixture(scope="session")
def ask_drone(drone_report: Report) -> Callable[..., Answer]:
    """Ask about the press-release page."""
    return asker(drone_report)
