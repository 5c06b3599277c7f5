"""Figures in running prose as other publishers write it: sentences wrapped across lines (Markdown,
plain-text releases and e-mails, PDF text), two figures in one sentence each with its own subject,
and the shares of growth, build costs, counts in operation and year-on-year rates such pages state.
The pages are in tests/fixtures/quantities (fictional markets, wrapped at about 100 columns)."""

from __future__ import annotations

import pytest

from assistant.domain.report import Report, Scope
from assistant.parsing.parse import parse_text
from tests.test_quantities import PAD, find, fixture, rows

Row = tuple[object, ...]


def table(report: Report) -> set[Row]:
    return set(rows(report))


def headline(report: Report) -> tuple[object, ...]:
    f = report.facts
    assert f.market_size is not None and f.cagr is not None
    end = (f.forecast_end.amount, f.forecast_end.year) if f.forecast_end else None
    return (
        (f.market_size.amount, f.market_size.year),
        (f.cagr.percent, f.cagr.start_year, f.cagr.end_year),
        end,
    )


def wrapped(report: Report) -> list[str]:
    """Quotes of the table that hold a line break (a sentence the page wraps)."""
    return [q.span.text for q in report.facts.quantities if "\n" in q.span.text]


# --- the pages ----------------------------------------------------------------------------------------


def test_press_release_whose_sentences_wrap_across_lines() -> None:
    report = fixture("cargo-drone-logistics-market.md")
    assert table(report) == {
        ("market_size", "market", None, 2023, 2023, 4.1),
        ("market_size", "market", None, 2024, 2024, 4.62),
        ("market_size", "market", None, 2032, 2032, 12.4),
        ("cagr", "market", None, 2024, 2032, 13.1),
        ("cagr", "market", None, 2019, 2023, 9.4),
        ("share", "region", "North America", 2024, 2024, 38.6),
        ("cagr", "region", "Asia Pacific", 2024, 2032, 15.8),
        ("share", "region", "Latin America", 2024, 2024, 7.2),
        ("market_size", "segment", "heavy-lift", 2024, 2024, 1.35),
        ("share", "segment", "light parcel", 2024, 2024, 52.4),
        ("cagr", "segment", "e-commerce", 2025, 2032, 16.3),
    }
    # The 2024 size is stated across a line break, so the forecast compounds from it, not from 2023.
    assert headline(report) == ((4.62, 2024), (13.1, 2024, 2032), (12.4, 2032))
    size = find(report, "market_size", None, 2024)
    assert size.figure.text == "USD 4.62 billion"
    assert size.span.text.startswith("The global cargo drone logistics market was valued at USD 4.10 billion")
    assert "in\n2024, and is projected" in size.span.text
    assert report.consistency.status == "agree"
    assert find(report, "cagr", "e-commerce", None).scope.dimension == "End Use"
    assert find(report, "share", "light parcel", 2024).scope.dimension == "Payload"
    assert report.facts.conflicts == [] and report.facts.skipped == 0


def test_pr_newswire_release_with_clause_subjects() -> None:
    report = fixture("peat-free-compost-market.txt")
    assert table(report) == {
        ("market_size", "market", None, 2030, 2030, 4.98),
        ("market_size", "market", None, 2024, 2024, 2.84),
        ("cagr", "market", None, 2025, 2030, 9.8),
        ("share", "segment", "Green waste compost", 2024, 2024, 44.1),
        ("cagr", "segment", "coir blends", 2025, 2030, 12.6),
        ("share", "region", "Europe", 2024, 2024, 51.2),
        ("cagr", "region", "Europe", 2025, 2030, 8.7),
        ("cagr", "region", "Asia Pacific", 2025, 2030, 13.4),
        ("market_size", "segment", "professional horticulture", 2024, 2024, 1.62),
        ("share", "segment", "home gardening", 2024, 2024, 42.9),
        ("volume", "market", None, 2024, 2024, 18_600_000.0),
    }
    assert headline(report) == ((2.84, 2024), (9.8, 2025, 2030), (4.98, 2030))
    assert report.consistency.status == "agree"
    assert find(report, "share", "home gardening", 2024).scope.dimension == "End User"
    assert find(report, "volume", None, 2024).measure == "cubic metres"
    assert report.facts.conflicts == [] and report.facts.skipped == 0


def test_key_takeaway_bullets_that_wrap_and_refer_back() -> None:
    report = fixture("harbour-shore-power-market.md")
    assert table(report) == {
        ("market_size", "market", None, 2025, 2025, 1.93),
        ("market_size", "market", None, 2030, 2030, 3.41),
        ("cagr", "market", None, 2025, 2030, 12.05),
        ("count", "market", None, 2024, 2024, 2315.0),
        ("price", "market", None, 2024, 2024, 4.6),
        ("share", "segment", "high-voltage systems", 2025, 2025, 63.4),
        ("cagr", "segment", "high-voltage systems", 2025, 2030, 12.9),  # "the segment is projected ..."
        ("share", "segment", "cruise ships", 2025, 2025, 38.7),
        ("cagr", "segment", "container vessels", 2025, 2030, 15.25),
        ("share", "segment", "frequency converters", 2025, 2025, 41.1),
        ("cagr", "segment", "cable management systems", 2025, 2030, 13.35),
        ("share", "region", "Europe", 2025, 2025, 45.6),
        ("cagr", "region", "Europe", None, None, 10.85),  # the page gives this rate no years
        ("cagr", "region", "Asia Pacific", 2025, 2030, 16.4),
    }
    assert find(report, "cagr", "container vessels", None).scope.dimension == "Vessel Type"
    assert find(report, "cagr", "cable management systems", None).scope.dimension == "Component"
    bullet = find(report, "cagr", "high-voltage systems", None)
    assert bullet.source == "bullet" and bullet.span.text.endswith("expand at a 12.90% CAGR through 2030.")
    count = find(report, "count", None, 2024)
    assert count.measure == "shore power berths"
    price = find(report, "price", None, 2024)
    assert (price.unit, price.currency, price.measure) == ("million", "USD", "per berth")
    assert headline(report) == ((1.93, 2025), (12.05, 2025, 2030), (3.41, 2030))
    assert report.facts.conflicts == [] and report.facts.skipped == 0


def test_plain_text_newsletter_in_euros() -> None:
    report = fixture("municipal-biogas-upgrading-market.txt")
    assert table(report) == {
        ("market_size", "market", None, 2024, 2024, 1.36),
        ("market_size", "market", None, 2023, 2023, 1.19),
        ("market_size", "market", None, 2030, 2030, 2.18),
        ("cagr", "market", None, 2025, 2030, 8.2),
        ("count", "market", None, 2024, 2024, 1480.0),  # Europe is the market's own place
        ("price", "market", None, 2024, 2024, 2.4),
        ("growth", "market", None, 2024, 2024, 14.3),
        ("growth", "market", None, 2025, 2025, 11.6),
        ("share", "country", "Germany", 2024, 2024, 34.8),
        ("share", "country", "France", 2024, 2024, 27.0),
        ("cagr", "country", "Italy", 2025, 2030, 12.1),
        ("market_size", "segment", "membrane separation", 2024, 2024, 0.58),
        ("share", "segment", "water scrubbing", 2024, 2024, 29.5),
    }
    assert all(q.currency == "EUR" for q in report.facts.quantities if q.unit)
    price = find(report, "price", None, 2024)
    assert price.measure == "per unit" and price.figure.text == "EUR 2.4 million"
    # "France contributed 27% of the growth": a share of the growth, kept apart from revenue shares.
    assert find(report, "share", "France", 2024).measure == "of growth"
    assert find(report, "share", "Germany", 2024).measure is None
    assert find(report, "share", "water scrubbing", 2024).scope.dimension == "Technology"
    # The forecast period is stated only in a sentence that wraps.
    fp = report.facts.forecast_period
    assert fp is not None and (fp.start_year, fp.end_year) == (2025, 2030)
    assert headline(report) == ((1.36, 2024), (8.2, 2025, 2030), (2.18, 2030))
    assert report.consistency.status == "agree"
    assert report.facts.conflicts == [] and report.facts.skipped == 0


def test_report_highlights_with_listed_segments() -> None:
    report = fixture("cold-plasma-sterilizer-market.md")
    assert table(report) == {
        ("market_size", "market", None, 2024, 2024, 642.5),
        ("market_size", "market", None, 2033, 2033, 1316.8),
        ("cagr", "market", None, 2025, 2033, 8.3),
        ("share", "region", "North America", 2024, 2024, 39.5),
        ("cagr", "country", "United States", 2025, 2033, 7.6),
        ("share", "segment", "Surgical Instruments", 2024, 2024, 41.8),
        ("share", "segment", "Hospitals", 2024, 2024, 54.2),
        ("cagr", "segment", "Ambulatory Surgical Centers", 2025, 2033, 10.4),
        ("growth", "market", None, 2024, 2024, 6.9),
        ("cagr", "region", "Asia Pacific", 2025, 2033, 10.9),
        ("share", "region", "Europe", 2024, 2024, 27.3),
        ("market_size", "region", "Europe", 2033, 2033, 352.6),
    }
    assert find(report, "share", "Surgical Instruments", 2024).scope == Scope(
        kind="segment", name="Surgical Instruments", dimension="Application"
    )
    assert find(report, "cagr", "Ambulatory Surgical Centers", None).scope.dimension == "End Use"
    assert headline(report) == ((642.5, 2024), (8.3, 2025, 2033), (1316.8, 2033))
    assert report.facts.conflicts == [] and report.facts.skipped == 0


def test_growth_contributions_increments_and_year_on_year_rates() -> None:
    report = fixture("rooftop-wind-turbine-market.txt")
    assert table(report) == {
        ("growth", "market", None, 2024, 2029, 428.6),
        ("cagr", "market", None, 2024, 2029, 11.2),
        ("market_size", "market", None, 2024, 2024, 612.0),
        ("share", "region", "Europe", 2025, 2029, 46.0),
        ("growth", "market", None, 2025, 2025, 10.8),
        ("share", "segment", "Residential rooftops", 2024, 2024, 43.0),
        ("share", "segment", "commercial buildings", 2024, 2024, 38.5),
        ("share", "segment", "Vertical-axis turbines", 2024, 2024, 57.9),
        ("cagr", "segment", "Vertical-axis turbines", 2024, 2029, 12.7),
        ("count", "market", None, 2024, 2024, 21_400.0),
        ("price", "market", None, 2024, 2024, 9_800.0),
    }
    assert find(report, "share", "Europe", None).measure == "of growth"
    assert find(report, "share", "Residential rooftops", 2024).measure == "of growth"
    assert find(report, "share", "commercial buildings", 2024).measure is None
    increment = find(report, "growth", None, 2024)
    assert (increment.unit, increment.currency) == ("million", "USD")
    assert headline(report) == ((612.0, 2024), (11.2, 2024, 2029), None)
    assert report.facts.conflicts == [] and report.facts.skipped == 0


def test_strategic_business_report_release() -> None:
    report = fixture("insect-protein-feed-market.txt")
    assert report.market == "Insect Protein Feed"
    assert table(report) == {
        ("market_size", "market", None, 2030, 2030, 3.12),
        ("market_size", "market", None, 2024, 2024, 1.21),
        ("cagr", "market", None, 2024, 2030, 17.1),
        ("cagr", "segment", "Black Soldier Fly Larvae", 2024, 2030, 18.9),
        ("market_size", "segment", "Black Soldier Fly Larvae", 2030, 2030, 2.04),  # "by the end of ..."
        ("cagr", "segment", "Mealworm", 2024, 2030, 14.6),
        ("market_size", "country", "United States", 2024, 2024, 318.4),
        ("market_size", "country", "China", 2030, 2030, 702.5),
        ("cagr", "country", "China", 2024, 2030, 21.3),
        ("cagr", "country", "Japan", 2024, 2030, 12.4),  # "Japan and Canada ... 12.4% and 14.1%
        ("cagr", "country", "Canada", 2024, 2030, 14.1),  # respectively"
    }
    assert headline(report) == ((1.21, 2024), (17.1, 2024, 2030), (3.12, 2030))
    assert report.consistency.status == "agree"
    # The sub-heading states the U.S. size without a year: left out and counted.
    assert report.facts.conflicts == [] and report.facts.skipped == 1


@pytest.mark.parametrize(
    "name",
    [
        "cargo-drone-logistics-market.md",
        "peat-free-compost-market.txt",
        "harbour-shore-power-market.md",
        "municipal-biogas-upgrading-market.txt",
        "cold-plasma-sterilizer-market.md",
        "rooftop-wind-turbine-market.txt",
        "insect-protein-feed-market.txt",
    ],
)
def test_quotes_of_wrapped_sentences_are_verbatim_slices(name: str) -> None:
    report = fixture(name)  # checks every span against the text
    quotes = wrapped(report)
    assert quotes, "each of these pages wraps a sentence that states a figure"
    for q in report.facts.quantities:
        assert "\n\n" not in q.span.text  # a sentence never runs across a paragraph break
        assert report.text[q.figure.start : q.figure.end] == q.figure.text


# --- passages -----------------------------------------------------------------------------------------


def page(body: str) -> Report:
    return parse_text(f"Gadget Market Report\n\nMarket Overview\n\n{body}\n\n{PAD}\n", "gadgets.txt")


def test_a_short_title_line_is_not_joined_to_the_sentence_below_it() -> None:
    report = page("Regional Outlook\nEurope held 31.4% of revenue in 2024.")
    [share] = report.facts.quantities
    assert share.span.text == "Europe held 31.4% of revenue in 2024."


def test_a_line_that_ends_a_sentence_is_not_joined_even_before_a_digit() -> None:
    report = page(
        "The gadget market was valued at USD 1.2 billion in 2024.\n2025 will see Europe hold 30.2% of revenue."
    )
    spans = {q.metric: q.span.text for q in report.facts.quantities}
    assert spans["market_size"] == "The gadget market was valued at USD 1.2 billion in 2024."
    assert spans["share"] == "2025 will see Europe hold 30.2% of revenue."


def test_numbered_items_and_table_rows_stay_one_line_each() -> None:
    report = page(
        "1. Europe held 31.4% of revenue in 2024\n2. Asia Pacific held 28.0% of revenue in 2024\n"
        "| Region | Share |\n| Latin America | 9.1% |"
    )
    assert find(report, "share", "Europe", 2024).span.text.endswith("Europe held 31.4% of revenue in 2024")
    assert find(report, "share", "Asia Pacific", 2024).span.text.endswith(
        "Asia Pacific held 28.0% of revenue in 2024"
    )
    assert all("\n" not in q.span.text for q in report.facts.quantities)


def test_a_bullet_takes_its_indented_continuation_but_not_the_next_bullet() -> None:
    report = page(
        "- Europe held 31.4% of revenue in 2024, while Asia Pacific is expected to grow at the\n"
        "  fastest CAGR of 9.6% from 2025 to 2030\n"
        "- North America held 27.5% of revenue in 2024"
    )
    asia = find(report, "cagr", "Asia Pacific", None)
    assert asia.years == (2025, 2030) and asia.source == "bullet"
    assert asia.span.text.endswith("the\n  fastest CAGR of 9.6% from 2025 to 2030")
    assert (
        find(report, "share", "North America", 2024).span.text
        == "North America held 27.5% of revenue in 2024"
    )


def test_an_abbreviation_at_a_line_end_does_not_end_the_sentence() -> None:
    report = page("The gadget market in the U.S.\nwas valued at USD 0.61 billion in 2024.")
    [size] = report.facts.quantities
    assert size.scope.name == "United States" and size.start_year == 2024


# --- several figures in one sentence ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "By product, rigid boards held 61.7% of revenue in 2025, while flexible rolls accounted for "
            "38.3% of revenue.",
            {
                ("share", "segment", "rigid boards", 2025, 2025, 61.7),
                ("share", "segment", "flexible rolls", 2025, 2025, 38.3),
            },
        ),
        (
            "Europe held 31.0% of revenue in 2024; the region is expected to grow at a CAGR of 6.1% from "
            "2025 to 2030.",
            {
                ("share", "region", "Europe", 2024, 2024, 31.0),
                ("cagr", "region", "Europe", 2025, 2030, 6.1),
            },
        ),
        (
            "Refill cartridges accounted for 22.5% of revenue, whereas handheld units were worth USD 0.4 "
            "billion in 2024.",
            {
                ("share", "segment", "Refill cartridges", 2024, 2024, 22.5),
                ("market_size", "segment", "handheld units", 2024, 2024, 0.4),
            },
        ),
        (
            "Gadget sales in Japan and Brazil are forecast to grow at 5.5% and 8.25% respectively from "
            "2025 to 2030.",
            {
                ("cagr", "country", "Japan", 2025, 2030, 5.5),
                ("cagr", "country", "Brazil", 2025, 2030, 8.25),
            },
        ),
        (
            "By component, airframe kits contributed 30.2% of 2025 revenue, whereas sensors and flight-control "
            "units are on track for the fastest 6.0% CAGR from 2026 to 2031.",
            {
                ("share", "segment", "airframe kits", 2025, 2025, 30.2),
                ("cagr", "segment", "sensors and flight-control units", 2026, 2031, 6.0),
            },
        ),
        (
            "The gadget market grew 7.5% in 2024, while Europe grew 4.1%.",
            {("growth", "market", None, 2024, 2024, 7.5), ("growth", "region", "Europe", 2024, 2024, 4.1)},
        ),
        (
            "Refill packs were the largest segment of the gadget market, accounting for 15.5% of revenue in "
            "2022.",
            {("share", "segment", "Refill packs", 2022, 2022, 15.5)},
        ),
        (
            "Wireless gadgets are projected to grow at a CAGR of 9.9% from 2025 to 2030.",
            {("cagr", "segment", "Wireless gadgets", 2025, 2030, 9.9)},
        ),
        (
            "Shipments are projected to grow at a CAGR of 4.4% from 2025 to 2030.",
            {("cagr", "market", None, 2025, 2030, 4.4)},
        ),
    ],
)
def test_each_figure_takes_its_own_clause_subject(sentence: str, expected: set[Row]) -> None:
    assert table(page(sentence)) == expected


def test_a_share_of_growth_is_not_a_share_of_revenue() -> None:
    report = page(
        "Europe held 41.0% of revenue in 2024. Europe is expected to contribute 35% of the market's growth "
        "between 2025 and 2030."
    )
    revenue = find(report, "share", "Europe", 2024)
    growth = find(report, "share", "Europe", 2025)
    assert revenue.measure is None and growth.measure == "of growth" and growth.years == (2025, 2030)
    assert report.facts.conflicts == []


def test_a_build_cost_is_a_price_not_a_market_size() -> None:
    report = page(
        "The gadget market was valued at USD 1.2 billion in 2024. A gadget kiosk cost about USD 3.5 "
        "million to build in 2024."
    )
    price = find(report, "price", None, 2024)
    assert (price.value, price.unit, price.measure) == (3.5, "million", "per kiosk")
    assert [q.value for q in report.facts.quantities if q.metric == "market_size"] == [1.2]
    # What a company paid is no price of the market, and a unit priced is no segment of it.
    assert page("The acquisition cost USD 2 billion in 2024.").facts.quantities == []
    other = page(
        "Each kiosk cost USD 0.2 million in 2024, and the gadget market was worth USD 1.2 billion in 2024."
    )
    assert table(other) == {
        ("price", "market", None, 2024, 2024, 0.2),
        ("market_size", "market", None, 2024, 2024, 1.2),
    }


def test_a_compared_figure_without_its_own_year_is_left_out() -> None:
    report = page("Europe held 30.5% of revenue in 2024, down from 32.0%.")
    assert table(report) == {("share", "region", "Europe", 2024, 2024, 30.5)}
    assert report.facts.skipped == 1


def test_a_segment_named_with_and() -> None:
    report = page("The filters and filter cartridges segment accounted for USD 58.3 million in 2023.")
    assert table(report) == {("market_size", "segment", "filters and filter cartridges", 2023, 2023, 58.3)}


def test_a_segment_list_that_wraps_in_the_title_keeps_whole_names() -> None:
    text = (
        "Gadget Market Size Report by Product (Handheld Units, Refill Cartridges), by End User (Hospitals,\n"
        "Reference Laboratories, Clinics) and Region: Forecast 2025-2030\n\nMarket Overview\n\n"
        "Reference laboratories held 30.5% of revenue in 2024, while refill cartridges accounted for 41.0%."
        f"\n\n{PAD}\n"
    )
    report = parse_text(text, "gadgets.txt")
    assert {(q.scope.name, q.scope.dimension, q.value) for q in report.facts.quantities} == {
        ("Reference Laboratories", "End User", 30.5),
        ("Refill Cartridges", "Product", 41.0),
    }
