"""lookup_fact: values and verbatim quotes from the fact sheet, aliases, refusals, never a guess."""

from __future__ import annotations

from typing import Any

import pytest
from tools_doubles import SEED_ID, SheetSource, seed_sheet

from assistant.domain.report import FactSheet
from tools.facts import FACT_NAMES, MoneyFact, canonical_fact_name, lookup_fact


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for item in node for k in _keys(item)}
    return set()


@pytest.fixture
def source(seed_text: str) -> SheetSource:
    return SheetSource({SEED_ID: seed_sheet(seed_text), "empty-report": FactSheet()})


def test_market_size_value_summary_and_quote(source: SheetSource, seed_text: str) -> None:
    result = lookup_fact(source, "market_size")
    assert result.found and result.report_id == SEED_ID
    assert result.value == MoneyFact(amount=6.71, unit="billion", currency="USD", year=2025)
    assert result.summary == "USD 6.71 billion in 2025"
    (quote,) = result.quotes
    assert seed_text[quote.start : quote.end] == quote.text == "USD 6.71 Billion in 2025"


def test_headline_summaries(source: SheetSource) -> None:
    summaries = {name: lookup_fact(source, name).summary for name in FACT_NAMES}
    assert summaries["cagr"] == "5.65 % over 2026-2031"
    assert summaries["forecast_period"] == "2027-2031"
    assert summaries["forecast_end"] == "USD 9.33 billion in 2031"
    assert summaries["largest_region"] == "North America"
    assert summaries["fastest_segment"] == "Oncology"
    assert (
        summaries["key_players"] == "WCG Clinical, Elligo Health Research, Clinixir, CMIC Holdings Co., LTD"
    )
    assert summaries["segmentation"] == "Phase: Phase I, Phase II"
    assert summaries["recent_developments"].startswith("2024-10 WCG: In October 2024, WCG launched")


@pytest.mark.parametrize("name", [n for n in FACT_NAMES if n not in ("consistency", "identity")])
def test_every_quote_is_verbatim_at_its_offsets(source: SheetSource, seed_text: str, name: str) -> None:
    result = lookup_fact(source, name)
    assert result.found and result.quotes
    for quote in result.quotes:
        assert seed_text[quote.start : quote.end] == quote.text
    assert "span" not in _keys(result.model_dump()["value"])


def test_lists_give_one_labelled_quote_per_item(source: SheetSource) -> None:
    players = lookup_fact(source, "key_players")
    assert [q.label for q in players.quotes] == [p.name for p in players.value]
    region = lookup_fact(source, "largest_region")
    assert [q.text for q in region.quotes] == ["North America", "United States"]
    assert region.value.children[0].name == "United States"


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("CAGR", "cagr"),
        ("growth rate", "cagr"),
        ("Market Size", "market_size"),
        ("companies", "key_players"),
        ("key players", "key_players"),
        ("fastest-growing segment", "fastest_segment"),
        ("leading region", "largest_region"),
        ("forecast value", "forecast_end"),
        ("segments", "segmentation"),
        ("news", "recent_developments"),
        ("forecast period", "forecast_period"),
    ],
)
def test_aliases(source: SheetSource, alias: str, canonical: str) -> None:
    assert canonical_fact_name(alias) == canonical
    assert lookup_fact(source, alias).name == canonical


@pytest.mark.parametrize("name", ["ceo", "revenue of WCG", "", "   "])
def test_unknown_fact_lists_the_valid_names(source: SheetSource, name: str) -> None:
    with pytest.raises(ValueError) as info:
        lookup_fact(source, name)
    assert f"unknown fact {name!r}" in str(info.value)
    assert all(valid in str(info.value) for valid in FACT_NAMES)
    assert source.calls == []  # refused before the index is touched


@pytest.mark.parametrize("name", FACT_NAMES)
def test_unstated_fact_is_not_found_never_guessed(source: SheetSource, name: str) -> None:
    result = lookup_fact(source, name, report_id="empty-report")
    assert not result.found and result.value is None and result.quotes == []
    assert result.report_id == "empty-report"
    assert result.summary.startswith("The report does not state")
    assert not any(ch.isdigit() for ch in result.summary)


def test_report_id_reaches_the_source(source: SheetSource) -> None:
    lookup_fact(source, "cagr", report_id=SEED_ID)
    lookup_fact(source, "cagr")
    assert source.calls == [SEED_ID, None]


def test_unknown_report_propagates_the_sources_error(source: SheetSource) -> None:
    with pytest.raises(LookupError, match="no report with id 'nope'"):
        lookup_fact(source, "cagr", report_id="nope")
