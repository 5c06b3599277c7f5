"""Which of a page's figures a forecast compounds from: one rule, shared by the parser's headline
facts, its consistency check and the planner.

``forecast_basis`` picks, from a report's quantity table:

- the CAGR: the whole-market forecast CAGR (never a historical one) whose period ends latest (then
  starts latest); among CAGRs without years, the first stated;
- the base: the whole-market size stated at the CAGR's start year, else at the year before it, else
  the latest whole-market size stated inside the CAGR's span, else the size at the report's base year
  (also the rule when the CAGR states no years or there is none); None when none of these is stated;
- the end: the whole-market size stated at the CAGR's end year, else the latest size stated after the
  base (after the base year when there is no base); never a size at or before the base.

So a page stating USD 41.2 bn (2023), USD 43.9 bn (2024), USD 71.5 bn (2032) and a CAGR of 6.3 % for
2024-2032 compounds 43.9 over eight years (43.9 x 1.063^8 = 71.57, which agrees with 71.5 at the
rounding of the stated figures), and a page stating USD 6.71 bn (2025) with a CAGR for 2026-2031
compounds 6.71 over six years.

Candidates are taken in the order given (the parser lists the most trusted statement first), so
when two statements tie the first one wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, Field

from assistant.domain.report import PeriodKind, Quantity


class ForecastBasis(BaseModel):
    """The figures a forecast compounds from; any of them None when the page does not state it."""

    cagr: Quantity | None = None
    base: Quantity | None = None
    end: Quantity | None = None
    base_year: int | None = Field(None, description="The report's base year the choice was made with.")


def classify_period(start: int | None, end: int | None, base_year: int | None) -> PeriodKind | None:
    """'historical' before the base year, 'base' at it, 'forecast' after it; a span of years is
    historical when it ends by the base year and forecast when it ends after it."""
    if base_year is None or start is None:
        return None
    last = end if end is not None else start
    if last < base_year:
        return "historical"
    if start == last == base_year:
        return "base"
    if last == base_year:
        return "historical"
    return "forecast"


def _whole_market_sizes(quantities: Iterable[Quantity]) -> list[Quantity]:
    return [
        q
        for q in quantities
        if q.metric == "market_size" and q.scope.kind == "market" and q.start_year is not None
    ]


def forecast_cagr(quantities: Iterable[Quantity]) -> Quantity | None:
    """The whole-market forecast CAGR whose period ends latest; the first undated one if none has years."""
    rates = [
        q for q in quantities if q.metric == "cagr" and q.scope.kind == "market" and q.period != "historical"
    ]
    dated = [q for q in rates if q.end_year is not None]
    if dated:
        # max() keeps the first of equal keys, so the most trusted statement wins a tie.
        return max(dated, key=lambda q: (q.end_year or 0, q.start_year or 0))
    return rates[0] if rates else None


def infer_base_year(quantities: Sequence[Quantity], stated: int | None = None) -> int | None:
    """The stated base year, else the year before the forecast CAGR starts, else the year of the
    first whole-market size stated (pages lead with the base-year figure)."""
    if stated is not None:
        return stated
    dated_rates = [q for q in quantities if q.metric == "cagr" and q.scope.kind == "market" and q.start_year]
    if dated_rates:
        latest = max(dated_rates, key=lambda q: (q.end_year or 0, q.start_year or 0))
        return (latest.start_year or 0) - 1
    sizes = _whole_market_sizes(quantities)
    return sizes[0].start_year if sizes else None


def _at(sizes: list[Quantity], year: int | None) -> Quantity | None:
    return next((q for q in sizes if year is not None and q.start_year == year), None)


def forecast_basis(quantities: Sequence[Quantity], base_year: int | None = None) -> ForecastBasis:
    """The CAGR, base size and end size a forecast uses (see the module docstring for the rule).

    ``base_year`` is the report's base year; when None it is inferred with ``infer_base_year``.
    """
    year = infer_base_year(quantities, base_year)
    cagr = forecast_cagr(quantities)
    sizes = _whole_market_sizes(quantities)
    base: Quantity | None = None
    if cagr is not None and cagr.start_year is not None and cagr.end_year is not None:
        start, stop = cagr.start_year, cagr.end_year
        inside = [q for q in sizes if start < (q.start_year or 0) < stop]
        base = (
            _at(sizes, start)
            or _at(sizes, start - 1)
            or (max(inside, key=lambda q: q.start_year or 0) if inside else None)
        )
    base = base or _at(sizes, year)
    end: Quantity | None = None
    if cagr is not None and cagr.end_year is not None:
        end = _at(sizes, cagr.end_year)
    if end is None:
        after = (base.start_year if base is not None else year) or 0
        later = [q for q in sizes if (q.start_year or 0) > after]
        end = max(later, key=lambda q: q.start_year or 0) if later else None
    if end is not None and base is not None and (end.start_year or 0) <= (base.start_year or 0):
        end = None
    return ForecastBasis(cagr=cagr, base=base, end=end, base_year=year)
