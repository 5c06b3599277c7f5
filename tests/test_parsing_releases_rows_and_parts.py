"""A news release that opens with its publisher's name, then a long headline naming the market; a
"By ... (share of revenue):" label over indented dot-leader rows; a later clause that points back
with "it"; "the region" after a sentence about one of its countries; a country's share "of Asia
Pacific revenue"; a list whose names carry brackets or apostrophes; a markdown heading numbered
"5.3 By Provider Type"; the market's own words qualified as a part of it ("New equipment sales"); a
price its words name; a country called the largest in its region, which is no leading region;
a plain-text page of dot leaders throughout (its header, its rows, a region table, its companies); and a
table with a row per year."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

RELEASE = """\
CORVID MARKET INTELLIGENCE - NEWS RELEASE
=========================================

GANTRY WELDING CELL MARKET TO REACH USD 4.20 BILLION BY 2032, LIFTED BY SHIPYARD AUTOMATION AND A SHORTAGE OF CERTIFIED WELDERS

Release date .................... 3 March 2026
Base year ....................... 2024

LEEDS, 3 March 2026 - The global gantry welding cell market was valued at USD 2.60 billion in 2024 and
is projected to reach USD 4.20 billion by 2032, expanding at a CAGR of 6.2% over 2025-2032.

REGIONAL PICTURE

Asia Pacific was the largest region in 2024 with a 44.0% share of global revenue. China alone
accounted for 52% of Asia Pacific revenue. The region is forecast to grow at a 7.4% CAGR through 2032.
Germany is the largest European country market at USD 210 million in 2024.

SEGMENT HIGHLIGHTS

By cell type (2024 share of revenue):
  Single-gantry cells ................. 48.0%
  Twin-gantry cells ................... 33.0%
  Portable gantry rigs ................ 19.0%

Single-gantry cells remain the largest type because shipyard panel lines need long travel on plate
stiffeners; it is forecast to grow at 5.1% a year.

By power source, inverter (IGBT) units generated 64% of 2024 service revenue and transformer (legacy) units 36%.

New cell sales made up 71% of 2024 revenue; retrofits and controller upgrades made up the other 29%.
In 2024 integrators quoted an average selling price of roughly USD 385,000 for a twin-gantry cell.
"""

PROVIDERS = """\
# Weld Inspection Services Market Report

The global weld inspection services market was valued at USD 900.0 million in 2024.

## 5. Segmentation

### 5.3 By Provider Type

Independent inspection firms earned **52%** of 2024 revenue, fabricators' in-house arms **33%**, and
general testing laboratories **15%**.
"""


@pytest.fixture(scope="module")
def release() -> Report:
    return parse_text(RELEASE, "gantry-welding-cell-market.txt", "gantry")


def test_a_release_is_titled_by_its_headline_not_its_publisher(release: Report):
    assert release.market == "Gantry Welding Cell", release.title
    assert release.facts.market_size is not None and release.facts.market_size.amount == 2.60
    assert release.facts.cagr is not None and release.facts.cagr.percent == 6.2


def test_rows_under_a_by_label_are_a_dimension_and_a_pointing_clause_is_the_subjects(release: Report):
    assert [named.name for named in release.facts.segmentation["cell type"]] == [
        "Single-gantry cells",
        "Twin-gantry cells",
        "Portable gantry rigs",
    ]
    rates = figures_by_name(release, "cagr")
    assert rates["Single-gantry cells"].value == 5.1, rates


def test_the_region_after_a_sentence_about_its_country(release: Report):
    rates = figures_by_name(release, "cagr")
    assert rates["Asia Pacific"].value == 7.4 and "China" not in rates, rates
    china = figures_by_name(release, "share")["China"]
    assert china.value == 52.0 and china.measure == "of its region"


def test_listed_names_with_brackets_and_a_qualified_market_word(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["inverter (IGBT) units"].value == 64.0
    assert shares["transformer (legacy) units"].value == 36.0
    assert shares["New cell sales"].value == 71.0
    assert shares["retrofits and controller upgrades"].value == 29.0


def test_a_price_its_words_name(release: Report):
    prices = [q for q in release.facts.quantities if q.metric == "price"]
    assert [(q.value, q.measure) for q in prices] == [(385000.0, "per unit")], prices


def test_the_largest_country_of_a_region_is_no_leading_region(release: Report):
    assert release.facts.largest_region is not None and release.facts.largest_region.name == "Asia Pacific"
    germany = figures_by_name(release, "market_size")["Germany"]
    assert germany.value == 210.0 and germany.unit == "million"


def test_a_numbered_markdown_heading_names_the_dimension():
    report = parse_text(PROVIDERS, "weld-inspection-services-market.md", "weld")
    shares = {name: q for name, q in figures_by_name(report, "share").items() if name}
    assert {name: q.value for name, q in shares.items()} == {
        "Independent inspection firms": 52.0,
        "fabricators' in-house arms": 33.0,
        "general testing laboratories": 15.0,
    }
    assert {q.scope.dimension for q in shares.values()} == {"Provider Type"}


TELEMATICS = """\
BARGE TRACKING TELEMATICS MARKET - GLOBAL OPPORTUNITY ASSESSMENT 2025-2032

Publisher ........................ Lindqvist Mobility Research
Report code ...................... LMR-BT-0093
Base year ........................ 2024
Market value 2024 ................ USD 640.0 million


1. EXECUTIVE SUMMARY

The global barge tracking telematics market generated USD 640.0 million in 2024.


3. SEGMENT ANALYSIS

3.1 BY OFFERING
    Hardware (trackers, gateways) ................ 58.0%
    Services (installation, connectivity, support)  42.0%

3.2 BY POWER SOURCE
    Solar-assisted battery units .................. 70.0%
    Battery-only units ............................ 30.0%


4. REGIONAL ANALYSIS

    REGION                    SHARE 2024    CAGR 2025-2032
    Europe ...................   41.0%          7.9%
    North America ............   33.0%          6.1%


5. COMPETITIVE LANDSCAPE

The market remains fragmented.

KEY COMPANIES AND HEADQUARTERS
    Rivermark Telematics ................ Duisburg, Germany
    Lockline Systems .................... St. Louis, United States
    Keelwise IoT ........................ Rotterdam, Netherlands
"""


def test_a_plain_text_page_with_dot_leaders_throughout():
    report = parse_text(TELEMATICS, "barge-tracking-telematics-market.txt", "barges")
    assert report.identity.publisher is not None
    assert report.identity.publisher.text == "Lindqvist Mobility Research"
    assert report.identity.base_year is not None and report.identity.base_year.value == 2024
    shares = {name: q.value for name, q in figures_by_name(report, "share").items() if name}
    assert shares == {
        "Hardware (trackers, gateways)": 58.0,
        "Services (installation, connectivity, support)": 42.0,
        "Solar-assisted battery units": 70.0,
        "Battery-only units": 30.0,
        "Europe": 41.0,
        "North America": 33.0,
    }, shares
    assert figures_by_name(report, "share")["Europe"].scope.kind == "region"
    players = [named.name for named in report.facts.key_players]
    assert players == ["Rivermark Telematics", "Lockline Systems", "Keelwise IoT"], players


def test_a_table_with_a_row_per_year():
    page = (
        "# Grid Sensor Market Report\n\nThe global grid sensor market covers line, transformer and substation "
        "sensors sold to utilities and grid operators, and the services that install and maintain them.\n\n"
        "## Market Size and Forecast\n\n"
        "| Year | Market size (USD million) | Note |\n|------|------|------|\n"
        "| 2022 | 401.5 | historical |\n| 2023 | 462.9 | historical |\n| 2024 | 538.2 | base year |\n"
    )
    report = parse_text(page, "grid-sensor-market.md", "grid")
    sizes = {q.start_year: (q.value, q.unit) for q in report.facts.quantities if q.metric == "market_size"}
    assert sizes == {2022: (401.5, "million"), 2023: (462.9, "million"), 2024: (538.2, "million")}, sizes
