"""The quantity table: every figure a page states, typed, once each, with restatements merged and
differing statements flagged.

Extractors (``keyed``, ``prose_figures``, ``tables``) hand in ``Draft``s; ``build_table`` settles
their years (an undated header size takes the base year, or the forecast end when its key names a
projection; a CAGR "over the forecast period" takes the stated forecast period; a share without a
year takes the stated base year), classifies each as historical, base or forecast relative to the
report's base year, merges restatements (an undated rate stated again with its years keeps the dated
statement) and lists conflicts. A figure whose year cannot be settled
is left out and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.domain.basis import classify_period, infer_base_year
from assistant.domain.report import (
    Metric,
    Period,
    Quantity,
    QuantityConflict,
    QuantitySource,
    Scope,
    Span,
    Unit,
)
from assistant.parsing.numbers import UNIT_SCALE, decimals
from assistant.parsing.segment_names import same_segment_name


@dataclass(slots=True)
class Draft:
    """A figure as an extractor read it, before the report's base year settles its years."""

    metric: Metric
    scope: Scope
    value: float
    span: Span
    figure: Span
    source: QuantitySource
    start_year: int | None = None
    end_year: int | None = None
    unit: Unit | None = None
    currency: str | None = None
    measure: str | None = None
    needs: str | None = (
        None  # "base", "end" (undated header size), "forecast" (forecast-period phrase), "share"
    )


@dataclass(slots=True)
class Table:
    quantities: list[Quantity] = field(default_factory=list)
    conflicts: list[QuantityConflict] = field(default_factory=list)
    skipped: int = 0
    base_year: int | None = None


def _settle(
    draft: Draft, base_year: int | None, forecast: Period | None, end_year: int | None
) -> Draft | None:
    """Fill the years a draft takes from the report; None when they cannot be read."""
    if draft.needs is None:
        return draft
    if draft.needs == "forecast":
        # "over the forecast period", or "to 2033" (end_year set) when the forecast period ends then;
        # otherwise the rate keeps no years: it is still the stated rate.
        if forecast is None or draft.end_year not in (None, forecast.end_year):
            return replace(draft, start_year=None, end_year=None, needs=None)
        return replace(draft, start_year=forecast.start_year, end_year=forecast.end_year, needs=None)
    year = end_year if draft.needs == "end" else base_year
    if year is None:
        return None
    return replace(draft, start_year=year, end_year=year, needs=None)


def _undated_year(dated: list[Quantity], base_year: int | None, stated_base_year: int | None) -> int | None:
    """The year a figure stated without one is of: the base year, or, when the page states no base
    year and no size for the year before its CAGR but one for the CAGR's first year ('USD 1.42
    billion in 2024 ... a CAGR of 7.1% between 2024 and 2032'), that year: the page's figures are of
    the year its headline size is."""
    if base_year is None or stated_base_year is not None:
        return base_year
    sized = {q.start_year for q in dated if q.metric == "market_size" and q.scope.kind == "market"}
    return (
        base_year + 1 if base_year not in sized and base_year + 1 in sized and len(sized) > 1 else base_year
    )


def _magnitude(draft: Draft | Quantity) -> float:
    return draft.value * (UNIT_SCALE[draft.unit] if draft.unit else 1.0)


def _same_value(a: Quantity, b: Quantity) -> bool:
    """Equal at the precision of the less precise statement (6.7 billion restates 6,712 million)."""
    if a.currency != b.currency:
        return False
    x, y = _magnitude(a), _magnitude(b)
    scale_a = UNIT_SCALE[a.unit] if a.unit else 1.0
    scale_b = UNIT_SCALE[b.unit] if b.unit else 1.0
    half = max(0.5 * 10 ** -decimals(a.figure.text) * scale_a, 0.5 * 10 ** -decimals(b.figure.text) * scale_b)
    return bool(abs(x - y) <= half + 1e-9 * max(abs(x), abs(y), 1.0))


def _key(q: Quantity) -> tuple[object, ...]:
    return q.metric, q.scope.key, q.start_year, q.end_year, (q.measure or "").casefold()


def build_table(
    drafts: list[Draft],
    stated_base_year: int | None,
    forecast: Period | None,
    skipped: int,
    market_words: frozenset[str] = frozenset(),
) -> Table:
    """Settle, classify, merge and check the drafts of one report (in page order)."""
    drafts = _one_name_per_segment(sorted(drafts, key=lambda d: (d.span.start, d.figure.start)), market_words)
    # A rate "over the forecast period" takes the stated period first: the base year may follow from it.
    drafts = [_settle(d, None, forecast, None) or d if d.needs == "forecast" else d for d in drafts]
    dated = [
        Quantity(
            metric=d.metric,
            scope=d.scope,
            value=d.value,
            span=d.span,
            figure=d.figure,
            source=d.source,
            start_year=d.start_year,
            end_year=d.end_year,
        )
        for d in drafts
        if d.needs is None and d.start_year is not None
    ]
    base_year = infer_base_year(dated, stated_base_year)
    forecast_end = forecast.end_year if forecast else None
    if forecast_end is None:
        ends = [d.end_year for d in drafts if d.metric == "cagr" and d.scope.kind == "market" and d.end_year]
        forecast_end = max(ends) if ends else None
    table = Table(skipped=skipped, base_year=base_year)
    kept: dict[tuple[object, ...], list[Quantity]] = {}
    undated_year = _undated_year(dated, base_year, stated_base_year)
    for draft in drafts:
        settled = _settle(draft, undated_year, forecast, forecast_end)
        if settled is None:
            table.skipped += 1
            continue
        quantity = Quantity(
            metric=settled.metric,
            scope=settled.scope,
            start_year=settled.start_year,
            end_year=settled.end_year,
            period=classify_period(settled.start_year, settled.end_year, base_year),
            value=settled.value,
            unit=settled.unit,
            currency=settled.currency,
            measure=settled.measure,
            span=settled.span,
            figure=settled.figure,
            source=settled.source,
        )
        earlier = _restatement_of(quantity, kept)
        if earlier is not None:
            _lend_dimension(quantity, earlier, kept, table)
            continue
        for undated in _dated_restatement_of(quantity, kept):
            # An undated rate stated again with its years: the dated statement stands for both.
            kept[_key(undated)].remove(undated)
            table.quantities.remove(undated)
        kept.setdefault(_key(quantity), []).append(quantity)
        table.quantities.append(quantity)
    for group in kept.values():
        if len(group) > 1:
            table.conflicts.append(_conflict(group))
    return table


def _one_name_per_segment(drafts: list[Draft], market_words: frozenset[str]) -> list[Draft]:
    """Drafts whose segment the page names two ways ('Rechargeable (USB / lithium-ion)' in a table,
    'Rechargeable fabric shavers' in prose) under the name it gives first, so each of its figures is
    found by that name."""
    first: list[Scope] = []
    named: list[Draft] = []
    for draft in drafts:
        scope = draft.scope
        if scope.kind == "segment" and scope.name:
            same = next((s for s in first if same_segment_name(s.name or "", scope.name, market_words)), None)
            if same is None:
                first.append(scope)
            else:
                draft = replace(
                    draft,
                    scope=scope.model_copy(
                        update={"name": same.name, "dimension": scope.dimension or same.dimension}
                    ),
                )
        named.append(draft)
    return named


def _lend_dimension(
    quantity: Quantity, earlier: Quantity, kept: dict[tuple[object, ...], list[Quantity]], table: Table
) -> None:
    """A share first stated at a glance, then in its table under 'By service type': the restatement
    tells which dimension the segment belongs to."""
    if quantity.scope.dimension is None or earlier.scope.dimension is not None:
        return
    lent = earlier.model_copy(
        update={"scope": earlier.scope.model_copy(update={"dimension": quantity.scope.dimension})}
    )
    group = kept[_key(earlier)]
    group[group.index(earlier)] = table.quantities[table.quantities.index(earlier)] = lent


def _restatement_of(quantity: Quantity, kept: dict[tuple[object, ...], list[Quantity]]) -> Quantity | None:
    """The equal figure already stated, if any: same key; an undated rate equal to a dated one; or a
    segment's share named again in other words ('Routine testing' at a glance, 'Routine testing (ISO
    8217)' in the table; 'Chemical contracts' in prose after 'Chemical descaling contracts')."""
    same = kept.get(_key(quantity), [])
    found = next((q for q in same if _same_value(quantity, q)), None)
    if found is not None:
        return found
    for group in kept.values():
        for q in group:
            if (
                q.metric != quantity.metric
                or q.scope.kind != quantity.scope.kind
                or not _same_value(quantity, q)
            ):
                continue
            if quantity.start_year is None and q.scope.key == quantity.scope.key:
                return q
            if (
                quantity.scope.kind == "segment"
                and q.years == quantity.years
                and same_segment_name(q.scope.name or "", quantity.scope.name or "")
            ):
                return q
    return None


def _dated_restatement_of(
    quantity: Quantity, kept: dict[tuple[object, ...], list[Quantity]]
) -> list[Quantity]:
    """Undated statements of the same rate that ``quantity`` restates with its years."""
    if quantity.start_year is None:
        return []
    undated = (quantity.metric, quantity.scope.key, None, None, (quantity.measure or "").casefold())
    return [q for q in kept.get(undated, []) if _same_value(quantity, q)]


def _conflict(group: list[Quantity]) -> QuantityConflict:
    first = group[0]
    years = (
        ""
        if first.start_year is None
        else f" for {first.start_year}"
        if first.start_year == first.end_year
        else f" for {first.start_year}-{first.end_year}"
    )
    what = first.metric.replace("_", " ")
    whose = "the market" if first.scope.kind == "market" else f"{first.scope.name}"
    values = "; ".join(f"{describe(q)} ({q.source}, offset {q.span.start})" for q in group)
    return QuantityConflict(
        metric=first.metric,
        scope=first.scope,
        start_year=first.start_year,
        end_year=first.end_year,
        quantities=group,
        message=f"The page states {len(group)} different values of the {what} of {whose}{years}: {values}.",
    )


def describe(q: Quantity) -> str:
    """'USD 6.71 billion', '5.65 %', '48,200 units', 'USD 38,500 per unit'."""
    figure = f"{q.value:,.{max(decimals(q.figure.text), 0)}f}"
    if q.metric in ("cagr", "share", "growth"):
        return f"{figure} %"
    if q.currency:
        return (
            f"{q.currency} {figure}"
            + (f" {q.unit}" if q.unit else "")
            + (f" {q.measure}" if q.measure else "")
        )
    return f"{figure} {q.measure}" if q.measure else figure


def notes(table: Table) -> list[str]:
    """What the reader of the table should know."""
    out: list[str] = []
    if not table.quantities:
        out.append("The page states no figures.")
    if table.skipped:
        figures = "1 figure was" if table.skipped == 1 else f"{table.skipped} figures were"
        out.append(f"{figures} left out: their unit, year or scope could not be read.")
    if table.conflicts:
        out.append(
            f"{len(table.conflicts)} figure{'s are' if len(table.conflicts) > 1 else ' is'} stated with "
            "different values; the first statement is used for the headline."
        )
    return out
