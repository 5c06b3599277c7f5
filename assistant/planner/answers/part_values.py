"""Parts' values worked out from what the page states of them: two stated values added or set
apart, the share left outside named parts, a stated value grown to a later year at the part's own
rate, and a part's value if it keeps its share (the user's assumption, said so). Every figure comes
from the tools."""

from __future__ import annotations

import re
from typing import Literal

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import fetch_basis
from assistant.planner.answers.figure_text import join_names, shown, when
from assistant.planner.calls import Call, Result, Steps, ask
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from assistant.planner.slots import Entity
from tools.derived import ComparisonResult, ProjectionResult, RemainderResult, ShareResult
from tools.forecast import SizeResult
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import CompareArgs, ProjectionArgs, QuantitiesArgs, RemainderArgs, ShareValueArgs


def compared_by_tool(
    first: float, second: float, first_label: str, second_label: str
) -> Steps[ComparisonResult | None]:
    """Two figures set side by side by the compare tool (difference, ratio, total); None if it refuses."""
    result = yield from ask(
        Call(
            "compare_values",
            CompareArgs(
                first_value=first, second_value=second, first_label=first_label, second_label=second_label
            ),
        )
    )
    return result.value if isinstance(result.value, ComparisonResult) else None


def two_values(
    named: list[Entity], years: list[int], how: Literal["total", "gap", "ratio"], ctx: ReportContext
) -> Steps[FinalDraft | None]:
    """Two parts' stated values in one unit and year, added (``how`` "total"), set apart ("gap") or
    divided ("ratio"), or None when the page does not state both alike."""
    results: list[Result] = yield [
        Call("lookup_quantities", QuantitiesArgs(metric="market_size", name=e.name, report_id=ctx.report_id))
        for e in named
    ]
    chosen: list[QuantityFact] = []
    for result in results:
        found = [
            q
            for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
            if q.measure is None and (not years or q.start_year in years)
        ]
        if not found:
            return None
        chosen.append(max(found, key=lambda q: q.start_year or 0))
    first, second = chosen
    if (first.unit, first.currency, first.start_year) != (second.unit, second.currency, second.start_year):
        return None
    worked = yield from compared_by_tool(first.value, second.value, named[0].name, named[1].name)
    if worked is None or worked.total is None or (how == "ratio" and worked.ratio is None):
        return None
    draft = Draft()
    draft.show_working(worked.expression)
    lines = [
        f"{e.name} had a size of {shown(q)}{when(q)} {draft.cite(q.quote)}."
        for e, q in zip(named, chosen, strict=True)
    ]
    currency, unit = first.currency or "USD", first.unit
    if how == "gap":  # 'gap between germany and france in dollars'
        lines.append(f"The gap between them is {format_money(currency, abs(worked.difference), unit)}.")
    elif how == "ratio":  # 'apac to europe revenue ratio'
        lines.append(f"{named[0].name} is {worked.ratio:g} times {named[1].name}.")
    else:
        lines.append(f"Together they come to {format_money(currency, worked.total, unit)}.")
    return draft.final(" ".join(lines))


def part_two_years(
    name: str, years: list[int], how: Literal["gap", "ratio"], ctx: ReportContext
) -> Steps[FinalDraft | None]:
    """One part's stated values in two years, set apart or divided by the tool ('cloud testing, how
    many times larger in 2034 vs 2025'); None when the page does not state both alike."""
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="market_size", name=name, report_id=ctx.report_id))
    )
    stated = {
        q.start_year: q
        for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
        if q.measure is None and q.start_year == q.end_year
    }
    wanted = sorted(set(years))
    if len(wanted) != 2 or any(year not in stated for year in wanted):
        return None
    early, late = stated[wanted[0]], stated[wanted[1]]
    if (early.unit, early.currency) != (late.unit, late.currency):
        return None
    worked = yield from compared_by_tool(
        late.value, early.value, f"{name} {wanted[1]}", f"{name} {wanted[0]}"
    )
    if worked is None or (how == "ratio" and worked.ratio is None):
        return None
    draft = Draft()
    draft.show_working(worked.expression)
    first, second = (draft.echo(str(year)) for year in wanted)  # the years are the question's
    said = (
        f"{name} had a size of {shown(early)} in {first} {draft.cite(early.quote)} and {shown(late)} "
        f"in {second} {draft.cite(late.quote)}."
    )
    if how == "ratio":
        said += f" {second} is {worked.ratio:g} times {first}."
    else:
        said += f" The change is {format_money(late.currency or 'USD', worked.difference, late.unit)}."
    return draft.final(said)


def stated_value_grown(
    name: str, sizes: list[QuantityFact], year: int, draft: Draft, ctx: ReportContext
) -> Steps[FinalDraft | None]:
    """A part's latest stated value grown to ``year`` at the part's own stated CAGR; None without one."""
    rates = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="cagr", name=name, report_id=ctx.report_id))
    )
    own = list(rates.value.quantities) if isinstance(rates.value, QuantitiesResult) else []
    latest = max(sizes, key=lambda q: q.start_year or 0)
    if not own or latest.start_year is None or latest.unit is None:
        return None
    rate = own[0]
    grown = yield from ask(
        Call(
            "project_at_rate",
            ProjectionArgs(
                base_value=latest.value,
                base_year=latest.start_year,
                assumed_cagr_percent=rate.value,
                year=year,
                unit=latest.unit,
                currency=latest.currency or "USD",
            ),
        )
    )
    if not isinstance(grown.value, ProjectionResult):
        return None
    draft.show_working(grown.value.expression)
    then = format_money(latest.currency or "USD", grown.value.value, latest.unit)
    return draft.final(
        f"The report states {shown(latest)} for {name} in {latest.start_year} {draft.cite(latest.quote)}; at its "
        f"own CAGR of {format_percent(rate.value)} {draft.cite(rate.quote)} it comes to {then} in {year}."
    )


KEEPS_SHARE = re.compile(
    r"\b(?:keeps?|keeping|holds?|holding|maintains?|maintaining|retains?|same)\s+(?:its|their|that|the\s+same|a\s+constant)?"
    r"\s*(?:current\s+|present\s+)?share\b|\bshare\s+(?:stays?|holds?|remains?)\b",
    re.I,
)


def at_same_share(name: str, year: int, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """A part's value in ``year`` if it keeps its latest stated share: an assumption the user makes."""
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="share", name=name, report_id=ctx.report_id))
    )
    shares = [
        q
        for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
        if q.measure is None and q.start_year
    ]
    if not shares:
        return None
    share = max(shares, key=lambda q: q.start_year or 0)
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return None
    size = yield from ask(Call("market_size_in_year", basis.size_args(year)))
    if not isinstance(size.value, SizeResult):
        return None
    part = yield from ask(
        Call("share_value", ShareValueArgs(total_value=size.value.value, share_percent=share.value))
    )
    if not isinstance(part.value, ShareResult):
        return None
    draft = Draft()
    draft.show_working(part.value.expression)
    mark = draft.cite(share.quote)
    whole = basis.size_said(size.value, draft)
    value = format_money(size.value.currency, part.value.part_value, size.value.unit)
    return draft.final(
        f"If {name} keeps its {format_percent(share.value)} share {mark} (your assumption; the report states "
        f"no share for {year}), it comes to {value} of the market's {whole}."
    )


def share_left(shares: list[QuantityFact], names: list[str], draft: Draft) -> Steps[str]:
    """'That leaves 34.3% of the market outside Europe and North America.', worked out by the tool."""
    result = yield from ask(Call("remaining_share", RemainderArgs(shares=[q.value for q in shares])))
    if not isinstance(result.value, RemainderResult):
        return ""
    draft.show_working(result.value.expression)
    return f"That leaves {format_percent(result.value.remainder)} of the market outside {join_names(names)}."


_OVERVIEW_ORDER = ("market_size", "share", "cagr", "volume", "count", "price")
_SAID_AS = {
    "market_size": "a size of",
    "share": "a share of",
    "cagr": "a CAGR of",
    "volume": "a volume of",
    "count": "a count of",
    "price": "a price of",
}


def part_overview(name: str, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """'tell me about asia pacific': the latest figure of each kind the page states for the part, each
    quoted; None when it states none."""
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric=None, name=name, report_id=ctx.report_id))
    )
    found = [
        q
        for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
        if q.measure is None or q.metric in ("volume", "count", "price")
    ]
    latest: dict[str, QuantityFact] = {}
    earliest: dict[str, QuantityFact] = {}
    for q in sorted(found, key=lambda q: q.start_year or 0):
        if q.metric in _SAID_AS and not (q.metric == "share" and q.measure):
            latest[q.metric] = q
            earliest.setdefault(q.metric, q)
    if not latest:
        return None
    draft = Draft()
    said = []
    for metric in _OVERVIEW_ORDER:
        if metric not in latest:
            continue
        last, first = latest[metric], earliest[metric]
        text = f"{_SAID_AS[metric]} {shown(last)}{when(last)} {draft.cite(last.quote)}"
        if metric == "market_size" and (first.start_year or 0) < (last.start_year or 0):
            # a value now and one forecast (0.37 then 0.71 in one row): both, in their order
            text = (
                f"{_SAID_AS[metric]} {shown(first)}{when(first)} {draft.cite(first.quote)}, then "
                f"{shown(last)}{when(last)} {draft.cite(last.quote)}"
            )
        said.append(text)
    return draft.final(f"For {name} the report states {join_names(said)}.")
