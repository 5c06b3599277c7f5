"""The catalogue fixture pages and their ground truth (expected.json) agree with each other.

expected.json lists, for every page, its metadata and every figure it states with the exact text that
states it. These tests keep that file honest: well formed, complete, and every quoted text present in
the page as a reader (or the loader) sees it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

FOLDER = Path(__file__).resolve().parent / "fixtures" / "catalogue"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
REPORTS: dict[str, dict[str, Any]] = EXPECTED["reports"]
PAGE_SUFFIXES = {".txt", ".md", ".html", ".pdf"}

METRICS = {"market_size", "cagr", "share", "volume", "price", "count", "increment", "yoy_growth"}
SCOPES = {"market", "region", "country", "segment"}
PERIOD_KINDS = {"historical", "estimated", "forecast"}
METADATA_KEYS = {
    "report_id",
    "title",
    "market",
    "publisher",
    "report_code",
    "pages",
    "base_year",
    "historical_period",
    "forecast_period",
    "reconciles",
    "figures",
}


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def page_texts(name: str) -> list[str]:
    """The texts a figure's quote must appear in: the file (or pypdf's text), and for HTML its visible text."""
    path = FOLDER / name
    if path.suffix == ".pdf":
        return [pdf_text(path)]
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        from assistant import parse_report

        return [raw, parse_report(path).text]
    return [raw]


def test_every_page_has_ground_truth_and_enough_pages() -> None:
    pages = sorted(p.name for p in FOLDER.iterdir() if p.suffix in PAGE_SUFFIXES)
    assert pages == sorted(REPORTS)
    assert len(pages) >= 18
    assert {Path(p).suffix for p in pages} == PAGE_SUFFIXES


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_record_is_well_formed(name: str) -> None:
    report = REPORTS[name]
    assert set(report) >= METADATA_KEYS, METADATA_KEYS - set(report)
    assert report["report_id"] == Path(name).stem
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", report["report_id"])
    assert report["publisher"]["name"] and report["publisher"]["abbreviation"].isupper()
    assert report["reconciles"] in (True, False, None)
    for key in ("historical_period", "forecast_period"):
        period = report[key]
        assert period is None or period["start"] <= period["end"]
    for figure in report["figures"]:
        assert figure["metric"] in METRICS, figure
        assert figure["scope"]["kind"] in SCOPES, figure
        assert figure["scope"]["name"], figure
        assert (figure["scope"]["dimension"] is not None) == (figure["scope"]["kind"] == "segment"), figure
        if figure["period"] is not None:
            assert figure["period"]["kind"] in PERIOD_KINDS, figure
            assert figure["period"]["start"] <= figure["period"]["end"], figure
        assert figure["value"] is None or isinstance(figure["value"], int | float), figure
        assert figure["unit"] is None or isinstance(figure["unit"], str), figure
        if figure["metric"] in {"cagr", "share", "yoy_growth"} and figure["value"] is not None:
            assert figure["unit"] == "percent", figure


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_quoted_text_is_on_the_page(name: str) -> None:
    texts = page_texts(name)
    report = REPORTS[name]
    quotes = [q for f in report["figures"] for q in [f["text"], *f.get("also_stated", [])]]
    quotes += report.get("non_figures", [])
    for quote in quotes:
        for text in texts:
            assert quote in text, f"{name}: {quote!r} not found"
    # Names as a reader sees them (an HTML title's "&amp;" is "&" on screen).
    names = [report["title"], report["market"], report["publisher"]["name"], *report["key_players"]]
    names += [report["report_code"]] if report["report_code"] else []
    for quote in names:
        assert quote in texts[-1], f"{name}: {quote!r} not found"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_stated_values_are_written_in_their_text(name: str) -> None:
    """A readable value appears in its quote as written (thousands separators allowed)."""
    for figure in REPORTS[name]["figures"]:
        value = figure["value"]
        if value is None:
            continue
        numbers = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", figure["text"])}
        scaled = {n * 1e6 for n in numbers}  # "21.6 million units" is recorded as 21,600,000
        assert float(value) in numbers | scaled, figure


def test_edge_pages_are_present() -> None:
    """The pages that exist to test edge cases still have their edge."""
    no_figures = [n for n, r in REPORTS.items() if not r["figures"]]
    assert no_figures and not re.search(r"\d", (FOLDER / no_figures[0]).read_text(encoding="utf-8"))
    unreadable = [f for r in REPORTS.values() for f in r["figures"] if f["value"] is None]
    assert unreadable, "a page with a placeholder figure"
    assert any(f["unit"] is None for r in REPORTS.values() for f in r["figures"]), "a figure without a unit"
    assert any(f["period"] is None for r in REPORTS.values() for f in r["figures"]), "a figure without a year"
    assert any(r["currency"] == "EUR" for r in REPORTS.values())
    assert {True, False, None} <= {r["reconciles"] for r in REPORTS.values()}
    conflicting = [
        r
        for r in REPORTS.values()
        if len({f["value"] for f in r["figures"] if _is_headline_size(f, r["base_year"])}) > 1
    ]
    assert conflicting, "a page whose header and prose disagree"


def _is_headline_size(figure: dict[str, Any], base_year: int | None) -> bool:
    period = figure["period"] or {}
    return (
        figure["metric"] == "market_size"
        and figure["scope"]["kind"] == "market"
        and period.get("start") == period.get("end") == base_year
    )


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_reconciles_flag_matches_the_arithmetic(name: str) -> None:
    """base x (1 + CAGR)^n equals the stated end for some rate and sizes within their stated rounding."""
    report = REPORTS[name]
    base, rate, end = headline(report)
    if report["reconciles"] is None:
        assert None in (base, rate, end) or _conflicting(report)
        return
    assert None not in (base, rate, end)
    assert reconciles(base, rate, end) == report["reconciles"]


def headline(
    report: dict[str, Any],
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dict[str, Any] | None]:
    """The market-wide forecast CAGR, the size it compounds from and the size at its end (first stated).

    The CAGR compounds from the size stated for its first year, else from the year before (a "2025-2032"
    CAGR beside a 2024 base year grows the 2024 figure over eight years).
    """
    figures = [f for f in report["figures"] if f["scope"]["kind"] == "market" and f["period"]]
    rate = next((f for f in figures if f["metric"] == "cagr" and f["period"]["kind"] == "forecast"), None)
    if rate is None or rate["value"] is None:
        return None, rate, None
    start, stop = rate["period"]["start"], rate["period"]["end"]
    sizes = {
        f["period"]["start"]: f for f in figures if f["metric"] == "market_size" and f["value"] is not None
    }
    base = sizes.get(start) or sizes.get(start - 1)
    return base, rate, sizes.get(stop)


def _conflicting(report: dict[str, Any]) -> bool:
    return len({f["value"] for f in report["figures"] if _is_headline_size(f, report["base_year"])}) > 1


def _half_step(value: float, text: str) -> float:
    match = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    decimals = len(match.group(1) or "") if match else 0
    return 0.5 * 10**-decimals


def reconciles(base: dict[str, Any], rate: dict[str, Any], end: dict[str, Any]) -> bool:
    years = end["period"]["start"] - base["period"]["start"]
    low_rate = rate["value"] - _half_step(rate["value"], rate["text"])
    high_rate = rate["value"] + _half_step(rate["value"], rate["text"])
    low_base = base["value"] - _half_step(base["value"], base["text"])
    high_base = base["value"] + _half_step(base["value"], base["text"])
    lowest = low_base * (1 + low_rate / 100) ** years
    highest = high_base * (1 + high_rate / 100) ** years
    step = _half_step(end["value"], end["text"])
    return lowest <= end["value"] + step and highest >= end["value"] - step
