"""Segments named by the headings above them and by asides beside them: a markdown paragraph opened
by a bold run-in heading ("**By deployment.**"), a segment's own rate set off by commas after its
name, a title that lists a dimension's parts after "Size, Share & Trends by", upper-case headings
("SEGMENT ANALYSIS - BY SERVICE", "REGIONAL ANALYSIS - EUROPE") that give the dimension or the
region the prose below them speaks of ("the region"), and a name followed by an apposition that
holds commas of its own."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_report, parse_text

E_SIGNATURE = """\
# E-Signature Software Market Size, Share & Trends by Deployment (Cloud, On-premise), End User, and Region, 2025-2033

**Oslo, 14 April 2025** - The global e-signature software market was valued at USD 5.20 billion in
2024 and is projected to reach USD 21.60 billion by 2033, growing at a CAGR of 17.1% from 2025 to
2033, according to a new study by Fjordline Research.

**By deployment.** The cloud segment held 61.0% of revenue in 2024, compared with 39.0% for on-premise
deployments. Banks with strict data-residency rules still run most of the on-premise installations.

**By organization size.** Large enterprises generated 73.0% of 2024 revenue. Small and medium-sized
enterprises (SMEs), at 27.0%, are expected to expand at a CAGR of 15.1% as per-user pricing lowers the
cost of entry.

**By end user.** Banking and financial services held 34.0% of 2024 revenue. Healthcare accounted for
22.0% and government for 18.0%.

## Key Players

Quillmark, SignaRoute, Penwise Labs and Trustledger
"""

SKI_LIFTS = """\
SKI-LIFT MAINTENANCE SERVICES MARKET - GLOBAL REPORT 2025-2032

The global ski-lift maintenance services market was valued at USD 2.40 billion in 2024 and is
expected to grow at a CAGR of 5.4% from 2025 to 2032.

SEGMENT ANALYSIS - BY SERVICE

Rope inspection, the detailed, non-destructive test of haul ropes, accounted for 44.0% of 2024 revenue.
Drive and gearbox overhaul held 35.0% of 2024 revenue. Electrical and control upgrades accounted for
the remaining 21.0%.

REGIONAL ANALYSIS - EUROPE

Europe accounted for 31.0% of 2024 revenue, led by resorts in the Alps. Growth in the region is
forecast at a CAGR of 6.2%.

REGIONAL ANALYSIS - ASIA PACIFIC

Japan and China are adding new resorts every season. The region held 12.5% of revenue in 2024.

REGIONAL ANALYSIS - NORTH AMERICA

North America held the largest share, 47.0% of 2024 revenue.
"""


@pytest.fixture(scope="module")
def e_signature() -> Report:
    return parse_text(E_SIGNATURE, "e-signature-software-market.md", "e-signature")


@pytest.fixture(scope="module")
def ski_lifts() -> Report:
    return parse_text(SKI_LIFTS, "ski-lift-maintenance-services-market.txt", "ski-lifts")


def test_a_bold_run_in_heading_names_the_dimension_of_its_paragraph(e_signature: Report):
    shares = figures_by_name(e_signature, "share")
    assert shares["Cloud"].value == 61.0, shares
    # "39.0% for on-premise deployments" is the title's listed segment "On-premise"
    assert shares["On-premise"].value == 39.0, shares
    for name in ("Cloud", "On-premise"):
        assert shares[name].scope.kind == "segment", shares[name].scope
        assert shares[name].scope.dimension == "Deployment", shares[name].scope


def test_a_segments_rate_set_off_by_commas_is_the_segments_not_the_markets(e_signature: Report):
    name = "Small and medium-sized enterprises"
    shares = figures_by_name(e_signature, "share")
    rates = figures_by_name(e_signature, "cagr")
    assert shares[name].value == 27.0, shares
    assert rates[name].value == 15.1, rates
    assert rates[name].scope.kind == "segment", rates[name].scope
    market_rates = {
        q.value for q in e_signature.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"
    }
    assert 15.1 not in market_rates, market_rates
    assert e_signature.facts.cagr is not None and e_signature.facts.cagr.percent == 17.1


def test_a_title_listing_parts_after_share_and_trends_names_the_dimension(e_signature: Report):
    dimensions = list(e_signature.facts.segmentation)
    assert "Deployment" in dimensions, dimensions
    assert not any("share & trends" in d.casefold() for d in dimensions), dimensions
    names = [n.name for n in e_signature.facts.segmentation["Deployment"]]
    assert names == ["Cloud", "On-premise"], names


def test_an_upper_case_segment_heading_gives_the_dimension(ski_lifts: Report):
    shares = figures_by_name(ski_lifts, "share")
    expected = {
        "Rope inspection": 44.0,
        "Drive and gearbox overhaul": 35.0,
        "Electrical and control upgrades": 21.0,
    }
    for name, value in expected.items():
        assert shares[name].value == value, (name, shares)
        assert shares[name].scope.kind == "segment", shares[name].scope
        assert shares[name].scope.dimension == "Service", shares[name].scope


def test_a_regions_rate_under_its_heading_is_the_regions_not_the_markets(ski_lifts: Report):
    rates = [q for q in ski_lifts.facts.quantities if q.metric == "cagr" and q.value == 6.2]
    assert rates, ski_lifts.facts.quantities
    assert all(q.scope.kind == "region" and q.scope.name == "Europe" for q in rates), rates
    shares = figures_by_name(ski_lifts, "share")
    assert shares["Europe"].value == 31.0 and shares["Europe"].scope.kind == "region"
    market_rates = {
        q.value for q in ski_lifts.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"
    }
    assert market_rates == {5.4}, market_rates
    assert ski_lifts.facts.cagr is not None and ski_lifts.facts.cagr.percent == 5.4


def test_the_region_in_prose_is_the_one_its_heading_names(ski_lifts: Report):
    share = next(q for q in ski_lifts.facts.quantities if q.metric == "share" and q.value == 12.5)
    assert share.scope.kind == "region", share.scope
    assert share.scope.name == "Asia Pacific", share.scope


def test_an_apposition_holding_commas_is_no_part_of_the_name(ski_lifts: Report):
    share = next(q for q in ski_lifts.facts.quantities if q.metric == "share" and q.value == 44.0)
    assert share.scope.name == "Rope inspection", share.scope
    names = [n.name.casefold() for named in ski_lifts.facts.segmentation.values() for n in named]
    assert "rope inspection" in names, names
    assert not any("non-destructive" in name or "haul ropes" in name for name in names), names


NOTE = """Grain Silo Aeration Equipment Market

SUMMARY
-------

We estimate the grain silo aeration equipment market at USD 0.84 billion in 2024.

COMPETITIVE LANDSCAPE
---------------------

Suppliers range from fan makers to control specialists. We profile five: Lindqvist Aero B.V.
(Netherlands), Harrow Fans Inc. (U.S.), Caldera Controls (Canada), Ostwind GmbH (Germany) and
Pampa Silos S.A. (Argentina).
"""

NUMBERED = """# Grain Silo Aeration Equipment Market Report

## 6. Companies

### 6.2 Recent Developments

- **March 2025:** Harrow Fans Inc. opened a plant in Omaha, Nebraska, with room for 4,000 fans a year.
- **October 2024:** Ostwind GmbH launched a solar-powered aeration controller.
"""


def test_a_profiled_list_that_wraps_after_a_legal_form() -> None:
    report = parse_text(NOTE, "grain-silo-aeration-equipment-market.txt", "silo-aeration")
    players = [p.name for p in report.facts.key_players]
    # each name whole across the line break after 'B.V.', without the country in brackets after it
    assert players == [
        "Lindqvist Aero B.V.", "Harrow Fans Inc.", "Caldera Controls", "Ostwind GmbH", "Pampa Silos S.A.",
    ], players  # fmt: skip


def test_news_under_a_numbered_developments_heading() -> None:
    report = parse_text(NUMBERED, "grain-silo-aeration-equipment-market.md", "silo-aeration")
    assert [(d.date, d.company) for d in report.facts.recent_developments] == [
        ("2025-03", "Harrow Fans Inc."),
        ("2024-10", "Ostwind GmbH"),
    ]


COUNTRY_APPOSITIVE = """\
# Pallet Wrap Film Market Report

The pallet wrap film market was valued at USD 2.65 billion in 2024 and is expected to grow at a CAGR
of 5.1% from 2025 to 2032.

## Regional Analysis

Asia Pacific leads on the strength of Vietnam, the single largest country market at USD 402.5 million
in 2024, followed by Thailand, which is the fastest-growing country with a projected CAGR of 8.7%.
"""


def test_a_country_set_off_as_the_largest_country_market_keeps_its_figure():
    report = parse_text(COUNTRY_APPOSITIVE, "pallet-wrap-film-market.md")
    sizes = [
        (q.scope.kind, q.scope.name, q.value) for q in report.facts.quantities if q.metric == "market_size"
    ]
    assert sizes == [("market", None, 2.65), ("country", "Vietnam", 402.5)], sizes
    assert report.facts.market_size is not None and report.facts.market_size.amount == 2.65


NEWS_STORY = """\
<html><body>
<h1>Snow groomers are having a moment: new study sees the market passing USD 2 billion by 2031</h1>
<p>A new study puts worldwide spending on snow groomers at USD 1.31 billion in 2024, growing at a CAGR
of 6.2% between 2025 and 2031.</p>
<h2>Electric machines take the lead</h2>
<p>By drive, diesel machines still made up 71.0% of revenue. But battery-electric groomers, which ski
areas can charge overnight, are the fastest-growing drive type, with a projected CAGR of 14.5%. Their
share was 29.0% in 2024.</p>
</body></html>
"""


def test_a_headline_that_names_no_market_leaves_the_name_to_the_file(tmp_path):
    page = tmp_path / "snow-groomer-market.html"
    page.write_text(NEWS_STORY, encoding="utf-8")
    report = parse_report(page)
    assert report.market == "Snow Groomer"
    rows = {(q.metric, q.scope.name, q.value) for q in report.facts.quantities if q.scope.kind == "segment"}
    # 'But battery-electric groomers ... are': the name without the sentence's conjunction;
    # 'Their share was 29.0%': the share of what the sentence before was about
    assert ("cagr", "battery-electric groomers", 14.5) in rows, rows
    assert ("share", "battery-electric groomers", 29.0) in rows, rows
    assert ("share", "diesel machines", 71.0) in rows, rows  # 'diesel machines still made up 71.0%'


SPAN_FROM_THE_HEADLINE_YEAR = """\
# Maple Water Market Report

The maple water market was worth USD 1.42 billion in 2024 and is expected to reach USD 2.46 billion
by 2032, a compound annual growth rate of 7.1% between 2024 and 2032.

Canada alone generated USD 212 million, and the United States USD 96 million.
"""


def test_a_figure_without_a_year_is_of_the_headline_sizes_year():
    report = parse_text(SPAN_FROM_THE_HEADLINE_YEAR, "maple-water-market.md")
    canada = next(q for q in report.facts.quantities if q.scope.name == "Canada")
    assert (canada.value, canada.start_year) == (212.0, 2024)


def test_the_same_market_and_a_more_mature_market_are_read_as_written(tmp_path):
    text = NEWS_STORY.replace(
        "</body>",
        "<p>For context, the same market was worth USD 0.92 billion in 2019. Austria, a more mature market,"
        " was valued at USD 118 million in 2024.</p>\n</body>",
    )
    page = tmp_path / "snow-groomer-market.html"
    page.write_text(text, encoding="utf-8")
    found = {(q.scope.kind, q.scope.name, q.start_year, q.value) for q in parse_report(page).facts.quantities}
    assert ("market", None, 2019, 0.92) in found
    assert ("country", "Austria", 2024, 118.0) in found
