"""The catalogue gold sets: well formed, routed to real pages, and true to the pages' own figures.

Gold numbers are checked against tests/fixtures/catalogue/expected.json: a stated number must be one
the page states; a computed one must follow from the page's figures the way an analyst computes it
(compound the size stated for the CAGR's first year, else the year before; an implied CAGR from two
stated sizes), within the set's tolerance rules.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from evals.questions import CATALOGUE_KINDS, KINDS, EvalItem, load_set

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalogue"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))["reports"]
REPORTS = {Path(name).stem: {**record, "file": name} for name, record in EXPECTED.items()}
SETS = ("catalogue", "catalogue-holdout")
COMPUTED = {"size_computed", "implied_cagr", "multi_turn"}
DECLINING = {"unanswerable", "ambiguous"}
SCALE = {"billion": 1e9, "million": 1e6}
GENERIC = {"market", "services", "global"}


def page_text(report_id: str) -> str:
    path = FIXTURES / REPORTS[report_id]["file"]
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=SETS)
def items(request: pytest.FixtureRequest) -> list[EvalItem]:
    return load_set(request.param)


def test_sizes_and_kinds() -> None:
    main, holdout = load_set("catalogue"), load_set("catalogue-holdout")
    assert len(main) >= 160 and len(holdout) >= 40
    counts = Counter(item.kind for item in main)
    assert set(CATALOGUE_KINDS) <= set(counts), set(CATALOGUE_KINDS) - set(counts)
    assert set(counts) <= set(KINDS)
    assert 8 <= counts["ambiguous"] <= 15
    assert counts["unanswerable"] >= 10
    assert not {i.id for i in main} & {i.id for i in holdout}
    assert not {i.question for i in main} & {i.question for i in holdout}


def test_every_page_is_asked_about() -> None:
    asked = Counter(item.report_id for item in load_set("catalogue"))
    assert set(REPORTS) <= set(asked), set(REPORTS) - set(asked)
    assert all(asked[report_id] >= 4 for report_id in REPORTS), asked


def test_items_name_a_real_report_or_none(items: list[EvalItem]) -> None:
    for item in items:
        assert item.names_report, item.id
        if item.kind == "ambiguous":
            assert item.report_id is None and item.gold["status"] == ["unanswerable"], item.id
        else:
            assert item.report_id in REPORTS, item.id


def test_questions_name_their_market(items: list[EvalItem]) -> None:
    """Every routable question (or its earlier turns) holds a word of its market's name."""
    for item in items:
        if item.report_id is None:
            continue
        words = {w for w in re.findall(r"[a-z]+", REPORTS[item.report_id]["market"].lower()) if len(w) > 3}
        asked = " ".join([*item.scripted_turns, item.question]).lower()
        assert any(word in asked for word in words - GENERIC), (item.id, item.question)


def test_ambiguous_candidates_are_real_markets(items: list[EvalItem]) -> None:
    for item in items:
        if item.kind != "ambiguous":
            continue
        for candidate in item.gold.get("terms_all", []):
            options = [candidate] if isinstance(candidate, str) else candidate
            assert any(
                option == rid or option.lower() in REPORTS[rid]["market"].lower()
                for option in options
                for rid in REPORTS
            ), (item.id, candidate)


def test_required_terms_are_the_pages_own_words(items: list[EvalItem]) -> None:
    for item in items:
        if item.report_id is None or item.kind in DECLINING:
            continue
        text = page_text(item.report_id).casefold()
        for term in item.gold.get("terms_all", []):
            options = [term] if isinstance(term, str) else term
            assert any(option.casefold() in text for option in options), (item.id, term)
        terms_any = item.gold.get("terms_any", [])
        assert not terms_any or any(t.casefold() in text for t in terms_any), (item.id, terms_any)


def test_declining_items_abstain(items: list[EvalItem]) -> None:
    for item in items:
        if item.kind in DECLINING:
            assert item.gold["abstain"] and item.gold["status"] == ["unanswerable"], item.id
            assert not item.gold["numbers"], item.id


def stated_values(report: dict[str, Any]) -> set[float]:
    """Every number the page states: figures, pages, years of its periods and publication date."""
    values = {float(f["value"]) for f in report["figures"] if f["value"] is not None}
    values |= {float(report[key]) for key in ("pages", "base_year") if report.get(key)}
    for key in ("historical_period", "forecast_period", "study_period"):
        if report.get(key):
            values |= {float(report[key]["start"]), float(report[key]["end"])}
    values |= {float(token) for token in re.findall(r"\b\d{4}\b", report.get("published") or "")}
    return values


def test_stated_gold_numbers_are_on_the_page(items: list[EvalItem]) -> None:
    for item in items:
        if item.report_id is None or item.kind in COMPUTED:
            continue
        values = stated_values(REPORTS[item.report_id])
        for number in item.gold["numbers"]:
            value = float(number["value"])
            # A stated amount asked for in another scale: 4,112.9 million asked in billion is 4.1129.
            assert any(abs(value - v) < 1e-9 or abs(value * 1000 - v) < 1e-6 for v in values), (
                item.id,
                value,
            )


def market_figures(report: dict[str, Any], metric: str) -> list[dict[str, Any]]:
    return [
        f
        for f in report["figures"]
        if f["metric"] == metric and f["scope"]["kind"] == "market" and f["period"] and f["value"] is not None
    ]


def compounded(report: dict[str, Any], year: int) -> tuple[float, str]:
    """The analyst's size for ``year``: the forecast CAGR compounded from the size it starts from."""
    rate = next(f for f in market_figures(report, "cagr") if f["period"]["kind"] == "forecast")
    sizes = {f["period"]["start"]: f for f in market_figures(report, "market_size")}
    first = rate["period"]["start"]
    base = sizes.get(first) or sizes[first - 1]
    value = base["value"] * (1 + rate["value"] / 100) ** (year - base["period"]["start"])
    return value, base["unit"].split()[-1]


def implied_rate(report: dict[str, Any], start: int, end: int) -> float:
    sizes = {f["period"]["start"]: f["value"] for f in market_figures(report, "market_size")}
    return ((sizes[end] / sizes[start]) ** (1 / (end - start)) - 1) * 100


def tolerance_for(value: float) -> float:
    return round(max(0.01, 0.01 * abs(value)) + 1e-12, 2)


def test_computed_gold_numbers_follow_from_the_page(items: list[EvalItem]) -> None:
    for item in items:
        if item.kind not in COMPUTED or item.report_id is None:
            continue
        report = REPORTS[item.report_id]
        years = [int(y) for y in re.findall(r"\b(20\d\d)\b", item.question)]
        (number,) = item.gold["numbers"]
        if item.kind == "implied_cagr":
            expected, unit = implied_rate(report, years[0], years[-1]), "percent"
        else:
            expected, unit = compounded(report, years[-1])
        assert number["unit"] == unit, item.id
        assert number["value"] == round(expected + 1e-12, 2), (item.id, number["value"], expected)
        assert number["tolerance"] == tolerance_for(expected), item.id


def test_computed_years_are_not_stated_ones(items: list[EvalItem]) -> None:
    """A year the page states is quoted, so a size_computed question asks for a year it does not state."""
    for item in items:
        if item.kind != "size_computed" or item.report_id is None:
            continue
        year = int(re.findall(r"\b(20\d\d)\b", item.question)[-1])
        stated = {f["period"]["start"] for f in market_figures(REPORTS[item.report_id], "market_size")}
        assert year not in stated, item.id
