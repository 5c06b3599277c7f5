"""`assistant facts`: the fact sheet of each ingested report, every fact with its source span.

``--json`` prints ``{"reports": [{"id", "title", "publisher", "market", "path", "identity", "facts",
"faq", "consistency", "suspect_spans"}, ...]}``, one entry per report (just one with ``--report``).
``facts`` holds the headline facts plus ``quantities`` (every figure the page states: metric, scope,
years, period, value, unit, currency, measure, span, figure, source), ``conflicts``, ``notes`` and
``skipped``; ``identity`` the publisher, its abbreviations, report code, pages, publication date and
the base year and periods. Every fact and FAQ answer carries ``span`` = {file, start, end, text} with
``text`` verbatim from the file.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from typing import Any

from assistant.domain.formatting import format_money, format_number, format_percent
from assistant.domain.report import Money, Quantity, Report, ReportIdentity, Span
from assistant.settings import Settings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "facts",
        help="print the reports' fact sheets with source spans",
        description="Print each ingested report's headline facts, each with its verbatim source span, "
        "and the consistency check of its headline arithmetic.",
    )
    parser.add_argument("--report", metavar="ID", help="only this report")
    parser.add_argument("--json", action="store_true", help="print JSON (see the module docstring)")
    return parser


def report_payload(report: Report) -> dict[str, Any]:
    """The JSON object `facts --json` prints for one report."""
    return {
        "id": report.id,
        "title": report.title,
        "publisher": report.publisher,
        "market": report.market,
        "path": report.path,
        "identity": report.identity.model_dump(mode="json"),
        "facts": report.facts.model_dump(mode="json"),
        "faq": [pair.model_dump(mode="json") for pair in report.faq],
        "consistency": report.consistency.model_dump(mode="json"),
        "suspect_spans": [span.model_dump(mode="json") for span in report.suspect_spans],
    }


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Catalogue

    catalogue = Catalogue(settings)
    reports = [catalogue.get_report(args.report)] if args.report else catalogue.reports()
    if args.json:
        print(json.dumps({"reports": [report_payload(r) for r in reports]}, ensure_ascii=False, indent=2))
        return 0
    for i, report in enumerate(reports):
        if i:
            print()
        print(render(report))
    return 0


def _money(m: Money) -> str:
    amount = f"{m.amount:g}"
    return f"{m.currency} {amount} {m.unit}" + (f" ({m.year})" if m.year else "")


def _where(span: Span) -> str:
    return f"[{span.start}:{span.end}]"


def _rows(report: Report) -> Iterator[tuple[str, str, str]]:
    f = report.facts
    if f.market_size:
        yield "Market size", _money(f.market_size), _where(f.market_size.span)
    if f.cagr:
        years = f" ({f.cagr.start_year}-{f.cagr.end_year})" if f.cagr.start_year else ""
        yield "CAGR", f"{f.cagr.percent:g} %{years}", _where(f.cagr.span)
    if f.forecast_period:
        p = f.forecast_period
        yield "Forecast period", f"{p.start_year}-{p.end_year}", _where(p.span)
    if f.forecast_end:
        yield "Forecast end size", _money(f.forecast_end), _where(f.forecast_end.span)
    if f.largest_region:
        yield "Largest region", f.largest_region.name, _where(f.largest_region.span)
    if f.fastest_segment:
        yield "Fastest-growing segment", f.fastest_segment.name, _where(f.fastest_segment.span)
    for n, player in enumerate(f.key_players, 1):
        yield ("Key players" if n == 1 else ""), player.name, _where(player.span)
    for dimension, segments in f.segmentation.items():
        names = ", ".join(s.name for s in segments)
        yield f"Segments: {dimension}", names, ""
    for d in f.recent_developments:
        yield "Development", f"{d.date} {d.company}", _where(d.span)
    for pair in report.faq:
        yield "FAQ", pair.question, _where(pair.span)


def render(report: Report) -> str:
    """A readable table of one report's facts with their character spans, then its quantity table."""
    head = f"{report.title} (id {report.id})" + (f", {report.publisher}" if report.publisher else "")
    rows = list(_rows(report))
    width = max((len(r[0]) for r in rows), default=0)
    lines = [head, "=" * min(len(head), 100)]
    identity = _identity(report.identity)
    if identity:
        lines.append(identity)
    lines += [f"{label:<{width}}  {value}  {where}".rstrip() for label, value, where in rows]
    if not rows:
        lines.append("(no facts found)")
    lines.append(f"Consistency: {report.consistency.status} - {report.consistency.message}")
    lines += _quantity_lines(report)
    return "\n".join(lines)


def _identity(identity: ReportIdentity) -> str:
    parts = []
    if identity.abbreviations:
        parts.append("abbreviated " + "/".join(a.text for a in identity.abbreviations))
    if identity.report_code:
        parts.append(f"report {identity.report_code.text}")
    if identity.pages:
        parts.append(f"{identity.pages.value} pages")
    if identity.published:
        parts.append(f"published {identity.published.text}")
    if identity.base_year:
        parts.append(f"base year {identity.base_year.value}")
    for name, period in (("history", identity.historical_period), ("forecast", identity.forecast_period)):
        if period:
            parts.append(f"{name} {period.start_year}-{period.end_year}")
    return ("Report: " + ", ".join(parts)) if parts else ""


def _value(q: Quantity) -> str:
    if q.metric in ("cagr", "share", "growth"):
        return format_percent(q.value)
    if q.currency:
        return " ".join(p for p in (format_money(q.currency, q.value, q.unit), q.measure) if p)
    return " ".join(p for p in (format_number(q.value), q.measure) if p)


def _years(q: Quantity) -> str:
    if q.start_year is None:
        return "-"
    return str(q.start_year) if q.start_year == q.end_year else f"{q.start_year}-{q.end_year}"


def _quantity_lines(report: Report) -> list[str]:
    f = report.facts
    summary = f"Quantities: {len(f.quantities)} stated"
    if f.conflicts:
        summary += f", {len(f.conflicts)} conflicting"
    if f.skipped:
        summary += f", {f.skipped} left out"
    lines = [summary]
    for q in f.quantities:
        scope = "market" if q.scope.kind == "market" else f"{q.scope.kind} {q.scope.name}"
        lines.append(
            f"  {q.metric:<11}  {scope[:34]:<34}  {_years(q):<9}  {q.period or '-':<10}  {_value(q):<24}  "
            f"{q.source} {_where(q.span)}".rstrip()
        )
    lines += [f"  conflict: {c.message}" for c in f.conflicts]
    lines += [f"  note: {note}" for note in f.notes]
    return lines
