"""A plain-text press release whose numbered sections sit between drawn rules and that ends in
"### END ###" (no markdown for all its hashes), with sub-headings right above their paragraphs,
asides between double dashes and in "including ..." lists, a share set "against" another, a ranked
name with examples, initials inside a name, a numbered vendor list and "--" after each date."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

RELEASE = """\
CARGO DRONE SOFTWARE MARKET TO REACH USD 2.40 BILLION BY 2032

OSLO, 3 March 2025 -- The global cargo drone software market generated revenue of USD 0.80 billion in
2024 and is projected to grow at a CAGR of 14.7% between 2025 and 2032.

--------------------------------------------------------------
1. KEY FINDINGS
--------------------------------------------------------------

  * Market revenue: USD 0.80 billion (2024)
  * CAGR: 14.7% (2025-2032)

--------------------------------------------------------------
2. SEGMENT HIGHLIGHTS
--------------------------------------------------------------

2.1 By component
Flight software accounted for 61.0% of revenue in 2024. Services -- integration, training and fleet
operations -- made up the remaining 39.0%, growing at a CAGR of 16.2%.

2.2 By deployment
Cloud deployments held a 70.0% share in 2024, against 30.0% for on-premise installations.

2.3 By payload
Parcels were the largest payload, with 45.0% of revenue. Medical payloads such as blood, vaccines and
samples followed with 35.0%. Other payloads, including spare parts, documents and food, accounted for
20.0%.

2.4 By buyer
Logistics service providers (LSPs) and postal operators are projected to be the fastest-growing buyer
group, at a CAGR of 18.5%.

--------------------------------------------------------------
3. COMPETITIVE LANDSCAPE
--------------------------------------------------------------

The study profiles the following vendors:

  1. Skyhaul Systems (Norway)
  2. Aerolift Software A/S (Denmark)
  3. Kumo Flight Co., Ltd. (Japan)

--------------------------------------------------------------
4. RECENT DEVELOPMENTS
--------------------------------------------------------------

  * 12 May 2024 -- Aerolift Software A/S launched a corridor planner for hospital deliveries.

  * January 2025 -- Kumo Flight Co., Ltd. opened a test range in Hokkaido.

### END ###
"""


@pytest.fixture(scope="module")
def release() -> Report:
    return parse_text(RELEASE, "cargo-drone-software-market.txt")


def test_numbered_sections_between_rules_are_headings_despite_an_end_marker(release: Report):
    headings = [s.heading for s in release.sections]
    assert "KEY FINDINGS" in headings and "COMPETITIVE LANDSCAPE" in headings, headings
    assert "By component" in headings and "By deployment" in headings, headings


def test_an_aside_between_double_dashes(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Services"].value == 39.0 and shares["Services"].scope.dimension == "Component"


def test_a_share_set_against_another_names_its_part_after_it(release: Report):
    assert figures_by_name(release, "share")["on-premise installations"].value == 30.0


def test_names_with_examples_or_an_including_list(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Medical payloads"].value == 35.0
    assert shares["Other payloads"].value == 20.0


def test_initials_inside_a_name(release: Report):
    rates = figures_by_name(release, "cagr")
    assert rates["Logistics service providers (LSPs) and postal operators"].value == 18.5


def test_a_numbered_vendor_list_and_dated_news_after_double_dashes(release: Report):
    assert [p.name for p in release.facts.key_players] == [
        "Skyhaul Systems",
        "Aerolift Software A/S",
        "Kumo Flight Co., Ltd.",
    ]
    news = release.facts.recent_developments
    assert [(d.date, d.company) for d in news] == [
        ("2024-05", "Aerolift Software A/S"),
        ("2025-01", "Kumo Flight Co., Ltd."),
    ]
