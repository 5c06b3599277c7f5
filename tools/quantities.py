"""Look up the figures a report states in its quantity table: a region's share, a segment's value,
a historical CAGR, a volume or a price, each with the verbatim quote that states it.

The table is the ``quantities`` list of the fact sheet JSON (``assistant.domain.report.Quantity``
records). Nothing is computed here: a figure the page does not state is simply not found.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from tools.facts import FactSource, Quote

METRICS: tuple[str, ...] = ("market_size", "cagr", "share", "volume", "price", "count", "growth")
MAX_RESULTS = 50


class QuantityFact(BaseModel):
    """One figure the page states: what it measures, of what, for which years, in which unit."""

    metric: str = Field(description="market_size, cagr, share, volume, price, count or growth.")
    scope: str = Field(description="market (the whole market), region, country or segment.")
    name: str | None = Field(None, description="The region, country or segment, as the page names it.")
    dimension: str | None = Field(None, description="The segmentation the name belongs to, e.g. 'End User'.")
    start_year: int | None = None
    end_year: int | None = None
    period: str | None = Field(None, description="historical, base or forecast, relative to the base year.")
    value: float = Field(description="As stated: in `unit` for money, a percent for cagr/share/growth.")
    unit: str | None = Field(None, description="thousand, million, billion or trillion for money.")
    currency: str | None = None
    measure: str | None = Field(
        None,
        description="For volume, price and count: 'units', 'tonnes', ...; 'of growth' for a share of growth.",
    )
    figure: str | None = Field(
        None, description="The figure as the page writes it, e.g. '9.3 million litres'."
    )
    quote: Quote


class QuantitiesResult(BaseModel):
    """The stated figures that match, in the page's order."""

    report_id: str | None
    metric: str | None
    name: str | None
    year: int | None
    quantities: list[QuantityFact]
    conflicts: list[str] = Field(default_factory=list, description="Where the page states differing values.")


def _matches_name(wanted: str | None, record: Mapping[str, Any]) -> bool:
    scope = record.get("scope") or {}
    if wanted is None:
        return True
    if wanted.strip().lower() in ("market", "whole market", "global", "total"):
        return scope.get("kind") == "market"
    name = _spelt(str(scope.get("name") or ""))
    key = _spelt(wanted)
    return bool(name) and (key in name or name in key)


def _spelt(name: str) -> str:
    """'3D scanning & photogrammetry' as '3d scanning and photogrammetry': one name however written."""
    return " ".join(name.lower().replace("&", " and ").split())


def _covers(year: int | None, record: Mapping[str, Any]) -> bool:
    if year is None:
        return True
    start, end = record.get("start_year"), record.get("end_year")
    if start is None:
        return False
    return int(start) <= year <= int(end if end is not None else start)


def lookup_quantities(
    source: FactSource,
    metric: str | None = None,
    name: str | None = None,
    year: int | None = None,
    report_id: str | None = None,
) -> QuantitiesResult:
    """Find the figures the report states, with their verbatim quotes.

    metric is one of market_size, cagr, share (a percent of the market), volume, price, count or
    growth, or omitted for all; name is a region, country or segment as the question names it
    ('Europe', 'hospitals'), 'market' for whole-market figures, or omitted for all; year keeps the
    figures whose years include it. Values are as stated (money in `unit` of `currency`; percents for
    cagr, share, growth). An empty list means the page does not state such a figure: say so, do not
    estimate one.
    """
    if metric is not None and metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; valid ones are: {', '.join(METRICS)}")
    sheet = source.fact_sheet(report_id)
    found: list[QuantityFact] = []
    for record in sheet.get("quantities") or []:
        if metric is not None and record.get("metric") != metric:
            continue
        if not _matches_name(name, record) or not _covers(year, record):
            continue
        span, scope = record["span"], record.get("scope") or {}
        found.append(
            QuantityFact(
                metric=record["metric"],
                scope=scope.get("kind", "market"),
                name=scope.get("name"),
                dimension=scope.get("dimension"),
                start_year=record.get("start_year"),
                end_year=record.get("end_year"),
                period=record.get("period"),
                value=record["value"],
                unit=record.get("unit"),
                currency=record.get("currency"),
                measure=record.get("measure"),
                figure=(record.get("figure") or {}).get("text"),
                quote=Quote(file=str(span["file"]), start=span["start"], end=span["end"], text=span["text"]),
            )
        )
    conflicts = [str(c.get("message", "")) for c in sheet.get("conflicts") or [] if c.get("metric") == metric]
    return QuantitiesResult(
        report_id=sheet.get("report_id", report_id),
        metric=metric,
        name=name,
        year=year,
        quantities=found[:MAX_RESULTS],
        conflicts=conflicts,
    )
