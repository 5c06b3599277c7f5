"""Figures and lists in layouts publishers use that the other parsing tests do not cover: a
plain-text press release whose numbered sections sit between drawn rules, with dot-leader share
lists; a markdown page with two-column share tables, label-only bullets and an FAQ."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

RULED_PRESS_RELEASE = """\
SOLAR DRYER MARKET SET TO REACH USD 940 MILLION BY 2031

PRESS RELEASE
Ashcombe Strategy Partners
Leeds, 3 March 2025

The global solar crop dryer market was valued at USD 610 million in 2024, according to a new study by
Ashcombe Strategy Partners. It is expected to grow at a CAGR of 6.4% from 2025 to 2031.

Demand slumped in 2020 as co-operatives postponed purchases, and the market shrank to USD 455 million
that year before recovering through 2023.

===============================================================
1. GROWTH DRIVERS
===============================================================

1.1 Post-harvest losses. Growers lose a fifth of their crop to spoilage without drying.

1.2 Diesel prices. Fuel-fired dryers cost more to run every season.

===============================================================
2. SEGMENT INSIGHTS
===============================================================

2.1 By dryer type

   Cabinet dryers (indirect) ........ 48.5%
   Tunnel dryers .................... 31.0%
   Greenhouse dryers ................ 20.5%

2.2 By crop

Grains led the crop segments in 2024.

===============================================================
3. REGIONAL OUTLOOK
===============================================================

Asia Pacific: 46.0% share in 2024. Rice and spice growers drive most sales.

Africa: 14.5% share. Expected to record the fastest growth at a CAGR of 9.1% from 2025 to 2031.
"""

MARKDOWN_PAGE = """\
# Baby Bottle Warmer Market Report 2025-2033

## Snapshot

- **2024 market value:** USD 520.0 million
- **CAGR (2025-2033):** 7.0%

## Market Overview

The global baby bottle warmer market reached USD 520.0 million in 2024 and is projected to expand at a
CAGR of 7.0%, climbing to about USD 956.0 million by 2033.

## Segmentation Analysis

### By End User

- **Households:** 81.0% of revenue in 2024, the largest group.
- **Maternity wards:** 12.5%; hospitals buy multi-bottle units.
- **Day-care centres:** 6.5%.

### By Channel

| Channel | Share, 2024 |
|---|---|
| Online stores | 57.0% |
| Pharmacies | 43.0% |

## Regional Analysis

| Region | Revenue share, 2024 |
|---|---|
| Europe | 38.0% |
| North America | 35.0% |
| Asia Pacific | 27.0% |

## Report Scope

| Attribute | Details |
|---|---|
| Units | Revenue in USD million and CAGR from 2025 to 2033 |
| Customisation | Up to 10% free customisation |

## Competitive Landscape

Leading participants include:

- Brindle Baby Co. (UK)
- Osmera Home GmbH (Germany)
- Talloway Inc. (U.S.)

## FAQ

**Which end user grows fastest?**
Day-care centres, at a projected CAGR of 11.2% from 2025 to 2033.

## Methodology

2024 is the base year and 2025-2033 is the forecast period.
"""


@pytest.fixture(scope="module")
def ruled() -> Report:
    return parse_text(RULED_PRESS_RELEASE, "solar-crop-dryer-market.txt")


@pytest.fixture(scope="module")
def markdown() -> Report:
    return parse_text(MARKDOWN_PAGE, "baby-bottle-warmer-market.md")


def test_numbered_headings_between_drawn_rules_are_sections(ruled: Report):
    headings = [s.heading for s in ruled.sections]
    assert "GROWTH DRIVERS" in headings and "REGIONAL OUTLOOK" in headings, headings


def test_dot_leader_rows_under_a_by_heading_are_shares(ruled: Report):
    shares = figures_by_name(ruled, "share")
    assert shares["Cabinet dryers (indirect)"].value == 48.5
    assert shares["Tunnel dryers"].value == 31.0
    assert shares["Greenhouse dryers"].scope.dimension == "Dryer type"


def test_a_figure_said_of_that_year_takes_the_year_named_before_it(ruled: Report):
    sizes = {q.start_year: q.value for q in ruled.facts.quantities if q.metric == "market_size"}
    assert sizes[2020] == 455.0 and 2023 not in sizes, sizes


def test_a_sentence_without_a_subject_keeps_the_region_before_it(ruled: Report):
    rates = figures_by_name(ruled, "cagr")
    assert rates["Africa"].value == 9.1
    assert [q.value for q in ruled.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"] == [
        6.4
    ]


def test_the_firm_a_release_credits_with_the_study_is_its_publisher(ruled: Report):
    assert ruled.publisher == "Ashcombe Strategy Partners"


def test_two_column_tables_headed_by_a_share_are_read(markdown: Report):
    shares = figures_by_name(markdown, "share")
    assert shares["Europe"].value == 38.0 and shares["Asia Pacific"].start_year == 2024
    assert shares["Online stores"].value == 57.0 and shares["Pharmacies"].value == 43.0


def test_a_key_value_table_is_not_read_as_figures(markdown: Report):
    named = {q.scope.name for q in markdown.facts.quantities}
    assert "Customisation" not in named and "Units" not in named, named


def test_label_only_bullets_take_the_measure_of_the_bullet_before(markdown: Report):
    shares = figures_by_name(markdown, "share")
    assert shares["Maternity wards"].value == 12.5
    assert shares["Day-care centres"].value == 6.5


def test_an_answer_naming_an_unknown_subject_gives_no_market_rate(markdown: Report):
    market_rates = [
        q.value for q in markdown.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"
    ]
    assert 11.2 not in market_rates, market_rates


def test_participants_introduced_by_a_line_are_players(markdown: Report):
    assert [p.name for p in markdown.facts.key_players] == [
        "Brindle Baby Co.",
        "Osmera Home GmbH",
        "Talloway Inc.",
    ]


def test_a_forecast_period_named_after_its_years(markdown: Report):
    period = markdown.facts.forecast_period
    assert period is not None and (period.start_year, period.end_year) == (2025, 2033)


SNAPSHOT_RELEASE = """\
PRESS RELEASE

Coastal Seawall Inspection Drone Market to Reach USD 1.10 Billion by 2031

OSLO, March 3, 2026 -- The global coastal seawall inspection drone market was worth USD 420.0 million in
2025, according to a new study by Fjordline Analytics. It is expected to grow at a CAGR of 17.4% during
2026-2031. Spending rose from USD 250.0 million in 2021.

1. MARKET SNAPSHOT

   Market size (2025): USD 420.0 million
   Dominant region: Europe (44.0% share, 2025)
   Largest end user: Port authorities (52.0% share)
   Fastest-growing end user: Private landowners (CAGR 21.5%)

2. SEGMENT INSIGHTS

   2.1 By platform. Tethered multirotor drones captured 61.0% of revenue in 2025, while fixed-wing
   drones made up the remaining 39.0%.

3. REGIONAL OUTLOOK

   Europe held the largest share, 44.0%. Norway alone represented about 40% of regional revenue.

4. RECENT DEVELOPMENTS

   - January 2026: Skerry Robotics opened a test range in Bergen.
"""


@pytest.fixture(scope="module")
def snapshot() -> Report:
    return parse_text(SNAPSHOT_RELEASE, "coastal-seawall-inspection-drone-market.txt")


def test_numbered_titles_in_capitals_are_sections_without_levels(snapshot: Report):
    headings = [s.heading for s in snapshot.sections]
    assert "MARKET SNAPSHOT" in headings and "REGIONAL OUTLOOK" in headings, headings


def test_a_snapshot_pair_a_line_keeps_its_own_figures(snapshot: Report):
    assert figures_by_name(snapshot, "share")["Port authorities"].value == 52.0
    rates = figures_by_name(snapshot, "cagr")
    assert rates["Private landowners"].value == 21.5 and "Port authorities" not in rates, rates


def test_figures_in_brackets_are_no_segments(snapshot: Report):
    named = {q.scope.name for q in snapshot.facts.quantities}
    assert "2025" not in named and not any(n and "share" in n for n in named), named


def test_the_subject_of_a_share_sentence_names_its_segment(snapshot: Report):
    assert figures_by_name(snapshot, "share")["Tethered multirotor drones"].value == 61.0


def test_spending_in_a_year_is_the_markets_size(snapshot: Report):
    sizes = {q.start_year: q.value for q in snapshot.facts.quantities if q.metric == "market_size"}
    assert sizes[2021] == 250.0, sizes


def test_a_share_of_its_region_is_marked_so(snapshot: Report):
    norway = figures_by_name(snapshot, "share")["Norway"]
    assert norway.value == 40.0 and norway.measure == "of its region"


def test_a_wrapped_sentence_ending_in_a_rate_is_no_key_above_a_heading():
    page = (
        "# Harbour Tug Services Market Report\n\nThe global harbour tug services market was valued at USD 2.00 "
        "billion in 2024 and is expected to grow at a\nCAGR of 4.0% from 2025 to 2030.\n\n## Regional Analysis\n\n"
        "Asia Pacific leads the market with a 40.0% share in 2024, ahead of Europe with 30.0% of revenue.\n"
    )
    report = parse_text(page, "harbour-tug-services-market.md")
    assert report.facts.cagr is not None and report.facts.cagr.percent == 4.0


PIPES_WITHOUT_RULES = """\
WALK-IN FREEZER PANEL MARKET - SUMMARY REPORT, 2024-2031

Base year: 2024 | Forecast period: 2025-2031 | Units: USD million

1. Overview
The walk-in freezer panel market was valued at USD 612.0 million in 2024 and is projected to reach
USD 948.0 million by 2031, a CAGR of 6.5%.

4.1 By Insulation

Table 1: Walk-in freezer panel market by insulation, USD billion

  Insulation   | 2024 | 2031 | CAGR 2025-2031
  -------------|------|------|---------------
  Polyurethane | 0.41 | 0.65 | 6.8%
  Polystyrene  | 0.20 | 0.30 | 5.9%
  Total        | 0.61 | 0.95 | 6.5%
"""


def test_a_plain_text_table_ruled_with_pipes_but_no_outer_ones():
    report = parse_text(PIPES_WITHOUT_RULES, "walk-in-freezer-panel-market.txt")
    rows = [
        (q.metric, q.scope.name, q.scope.dimension, q.start_year, q.value, q.unit)
        for q in report.facts.quantities
        if q.scope.kind == "segment"
    ]
    assert ("market_size", "Polyurethane", "Insulation", 2024, 0.41, "billion") in rows
    assert ("market_size", "Polystyrene", "Insulation", 2031, 0.30, "billion") in rows
    assert ("cagr", "Polystyrene", "Insulation", 2025, 5.9, None) in rows
    # the line of key-value pairs above is no row: it adds no figure
    assert all(q.scope.name != "Base year" for q in report.facts.quantities)
    assert report.facts.market_size is not None and report.facts.market_size.amount == 612.0


LETTERED_LIST = """\
GLOBAL SNOW FENCE MARKET
Report Summary | Forecast 2025-2031 | Base Year 2024
Prepared by Drumlin Advisory Research | Edition: March 2025

1. Executive Summary
The global snow fence market was valued at USD 640.0 million in 2024.

3.2 Restraints
  (a) Steel prices swing with the season.
  (b) Installation crews are scarce.
  (c) The planning rules differ from one county to the next.
"""


def test_a_lettered_list_item_is_no_copyright_line():
    report = parse_text(LETTERED_LIST, "snow-fence-market.txt")
    assert report.publisher == "Drumlin Advisory Research"


def test_a_cagr_column_that_names_no_years_is_over_the_forecast_period():
    text = PIPES_WITHOUT_RULES.replace("CAGR 2025-2031", "CAGR")
    report = parse_text(text, "walk-in-freezer-panel-market.txt")
    rates = {
        (q.scope.name, q.start_year, q.end_year, q.value)
        for q in report.facts.quantities
        if q.metric == "cagr"
    }
    assert ("Polyurethane", 2025, 2031, 6.8) in rates, rates


STATS_WITH_YEAR_KINDS = """\
# Pool Robot Market Report

## Key Market Statistics

- Market size (2025): USD 2.41 billion
- Market size (2022, historical): USD 1.52 billion
- Market size (2023 actual): USD 1.70 billion
- Forecast market size (2034): USD 8.93 billion
- CAGR (2025-2034): 15.7%

Pool robots clean floors and walls on their own, and sales follow new pool builds in warm regions.
"""


def test_a_size_labelled_with_its_year_and_what_kind_of_year_it_is():
    report = parse_text(STATS_WITH_YEAR_KINDS, "pool-robot-market.md")
    sizes = {(q.start_year, q.value) for q in report.facts.quantities if q.metric == "market_size"}
    assert {(2022, 1.52), (2023, 1.70), (2025, 2.41), (2034, 8.93)} <= sizes, sizes


def test_the_firm_a_news_story_credits_with_the_study_is_the_publisher():
    story = (
        "# Snow fences are having a moment\n\nA new study from the research firm Drumlin Insights puts the "
        "snow fence market at USD 640 million in 2024. Drumlin expects steady growth as roads authorities "
        "replace timber fences with plastic ones along exposed highways.\n"
    )
    assert parse_text(story, "snow-fence-market.md").publisher == "Drumlin Insights"


def test_lamea_is_one_region_not_the_middle_east_and_africa():
    text = PIPES_WITHOUT_RULES + (
        "\nLatin America, the Middle East and Africa together represented 6.2% of 2024 revenue.\n"
    )
    report = parse_text(text, "walk-in-freezer-panel-market.txt")
    regions = {q.scope.name for q in report.facts.quantities if q.scope.kind == "region"}
    assert regions == {"Latin America, Middle East & Africa"}, regions
