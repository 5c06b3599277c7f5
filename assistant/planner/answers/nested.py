"""A country's share of its region ('us as a share of north america?'): the country's stated value
against the region's value that year, which is the region's stated value or its share of the
market's size. Every step is a tool call, shown as working."""

from __future__ import annotations

import re

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import fetch_basis
from assistant.planner.answers.figure_text import when
from assistant.planner.calls import Call, Steps, ask
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from assistant.planner.slots import Entity
from tools.derived import ShareResult
from tools.forecast import ConvertResult, SizeResult
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import ConvertArgs, QuantitiesArgs, ShareOfTotalArgs, ShareValueArgs

# 'us as a share of north america', 'singapore as a % of apac revenue', 'what fraction of north america
# is the us', 'how much of europe is germany'
ASKS_PART_OF = re.compile(
    r"\b(?:as\s+an?\s+|what\s+)?(?:share|%|percent(?:age)?|fraction|proportion|portion|part)\s+of\b"
    r"|%\s+of\b|\bhow\s+much\s+of\b",
    re.I,
)


def country_and_region(named: list[Entity]) -> tuple[Entity, Entity] | None:
    """The country and the region of a question naming one of each."""
    countries = [e for e in named if e.kind == "country"]
    regions = [e for e in named if e.kind == "region"]
    return (countries[0], regions[0]) if len(countries) == 1 and len(regions) == 1 else None


def part_of_region(country: str, region: str, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """The country's stated value as a share of the region's value that year; None when the page
    states no value for the country or neither a value nor a share for the region."""
    own, region_sizes, region_shares = yield [
        Call(
            "lookup_quantities", QuantitiesArgs(metric="market_size", name=country, report_id=ctx.report_id)
        ),
        Call("lookup_quantities", QuantitiesArgs(metric="market_size", name=region, report_id=ctx.report_id)),
        Call("lookup_quantities", QuantitiesArgs(metric="share", name=region, report_id=ctx.report_id)),
    ]
    values = _dated(own.value)
    if not values:
        return None
    part = max(values, key=lambda q: q.start_year or 0)
    year = part.start_year
    draft = Draft()
    own_text = f"{format_money(part.currency or 'USD', part.value, part.unit)} {draft.cite(part.quote)}"
    stated = [q for q in _dated(region_sizes.value) if q.start_year == year]
    shares = [q for q in _dated(region_shares.value) if q.measure is None and q.start_year == year]
    unit = part.unit  # every figure in the country's unit, so no rounding loses its precision
    if stated:
        whole_value = yield from _in_unit(stated[0].value, stated[0].unit, unit, draft)
        if whole_value is None:
            return None
        whole_text = f"{format_money(stated[0].currency or 'USD', stated[0].value, stated[0].unit)} {draft.cite(stated[0].quote)}"
    elif shares:
        basis = yield from fetch_basis(ctx)
        if not basis.complete or year is None:
            return None
        size = yield from ask(Call("market_size_in_year", basis.size_args(year)))
        if not isinstance(size.value, SizeResult):
            return None
        total = size.value
        total_value = yield from _in_unit(total.value, total.unit, unit, draft)
        if total_value is None:
            return None
        worth = yield from ask(
            Call("share_value", ShareValueArgs(total_value=total_value, share_percent=shares[0].value))
        )
        if not isinstance(worth.value, ShareResult):
            return None
        draft.show_working(worth.value.expression)
        whole_value = worth.value.part_value
        share_mark = draft.cite(shares[0].quote)
        market = format_money(total.currency, total.value, total.unit)
        market_mark = draft.cite_all(basis.quotes_for(year)) if total.kind == "stated" else ""
        whole_text = (
            f"{format_money(total.currency, whole_value, unit or total.unit)} ({format_percent(shares[0].value)} "
            f"{share_mark} of the market's {market} {market_mark})".replace(" )", ")")
        )
    else:
        return None
    part_value = part.value
    ratio = yield from ask(
        Call("share_of_total", ShareOfTotalArgs(part_value=part_value, total_value=whole_value))
    )
    if not isinstance(ratio.value, ShareResult):
        return None
    draft.show_working(ratio.value.expression)
    return draft.final(
        f"The report states no share of {region} for {country}; its {own_text}{when(part)} against "
        f"{region}'s {whole_text} comes to {format_percent(ratio.value.share_percent)} of {region}."
    )


def part_of_market(name: str, years: list[int], ctx: ReportContext) -> Steps[FinalDraft | None]:
    """A part's share the page does not state, from the value it does state against the market's size
    that year ('germany as a % of the global market'); None when the page states no value for it."""
    own = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="market_size", name=name, report_id=ctx.report_id))
    )
    values = [q for q in _dated(own.value) if not years or q.start_year in years]
    if not values:
        return None
    part = max(values, key=lambda q: q.start_year or 0)
    basis = yield from fetch_basis(ctx)
    if not basis.complete or part.start_year is None:
        return None
    size = yield from ask(Call("market_size_in_year", basis.size_args(part.start_year)))
    if not isinstance(size.value, SizeResult):
        return None
    total = size.value
    draft = Draft()
    part_mark = draft.cite(part.quote)
    whole_value = yield from _in_unit(total.value, total.unit, part.unit, draft)
    if whole_value is None:
        return None
    ratio = yield from ask(
        Call("share_of_total", ShareOfTotalArgs(part_value=part.value, total_value=whole_value))
    )
    if not isinstance(ratio.value, ShareResult):
        return None
    if total.kind == "stated":
        whole = f"{format_money(total.currency, total.value, total.unit)} {draft.cite_all(basis.quotes_for(total.year))}"
    else:
        draft.show_working(total.expression)
        whole = (
            f"{format_money(total.currency, total.value, total.unit)} (computed from {basis.describe(draft)})"
        )
    draft.show_working(ratio.value.expression)
    return draft.final(
        f"The report states no share for {name}; its {format_money(part.currency or 'USD', part.value, part.unit)} "
        f"{part_mark}{when(part)} against the market's {whole} comes to "
        f"{format_percent(ratio.value.share_percent)} of the market."
    )


def _in_unit(value: float, unit: str | None, wanted: str | None, draft: Draft) -> Steps[float | None]:
    """``value`` in the ``wanted`` money unit, converted by the tool when it is in another; None when
    the tool cannot convert it."""
    if not unit or not wanted or unit == wanted:
        return value
    converted = yield from ask(
        Call("convert_units", ConvertArgs(value=value, from_unit=unit, to_unit=wanted))
    )
    if not isinstance(converted.value, ConvertResult):
        return None
    draft.show_working(converted.value.expression)
    return converted.value.value


def _dated(value: object) -> list[QuantityFact]:
    quantities = value.quantities if isinstance(value, QuantitiesResult) else []
    return [q for q in quantities if q.start_year is not None and q.start_year == q.end_year]
