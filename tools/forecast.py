"""Deterministic forecast arithmetic over a report's base size and CAGR.

Every derived number the assistant states comes from here. Conventions shared by all functions:

- sizes are in the report's unit (``unit``: thousand, million, billion or trillion) and currency;
- rates are percents: ``cagr_percent=5.65`` means 5.65 % a year;
- size(year) = base_value x (1 + cagr_percent / 100) ^ (year - base_year);
- results are rounded as reports round, 2 decimals half-up in their unit, from unrounded working;
- every result carries an ``expression`` that shows the working, e.g. ``6.71 x 1.0565^4 = 8.36``.

Bad input raises ``ValueError`` with a message that names the argument; the LangChain wrappers
(``tools.wrappers``) hand that message to the model as the tool result.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from tools._checks import (
    MAX_ROWS,
    UNITS,
    check_stated,
    factor,
    normalize_unit,
    number,
    plain,
    round2,
    round3,
    size,
    two,
)
from tools._checks import (
    currency as check_currency,
)
from tools._checks import (
    rate as check_rate,
)
from tools._checks import (
    year as check_year,
)

Kind = Literal["stated", "computed", "extrapolated", "backcast"]


# ---------------------------------------------------------------- results


class SizeResult(BaseModel):
    """The market size in one year, in ``unit`` of ``currency``."""

    year: int
    value: float = Field(
        description="Size rounded to 2 decimals in `unit` (the stated figure if kind='stated')."
    )
    exact_value: float = Field(description="Unrounded size, for further working.")
    computed_value: float = Field(description="base x (1 + r)^n rounded; equals value unless stated.")
    unit: str
    currency: str
    kind: Kind = Field(description="stated by the report, computed in its forecast, extrapolated, backcast.")
    expression: str
    note: str | None = Field(None, description="Caveat the answer must carry (extrapolation, back-cast).")


class CagrResult(BaseModel):
    """The compound annual growth rate between two sizes."""

    percent: float = Field(description="Rate as a percent, 2 decimals: 5.65 means 5.65 %.")
    exact_percent: float
    start_value: float
    start_year: int
    end_value: float
    end_year: int
    years: int
    expression: str


class GrowthResult(BaseModel):
    """How much the market grows between two years."""

    from_year: int
    to_year: int
    from_value: float = Field(description="Size in from_year, rounded, in `unit`.")
    to_value: float = Field(description="Size in to_year, rounded, in `unit`.")
    from_kind: Kind
    to_kind: Kind
    absolute_increase: float = Field(description="to - from in `unit`, from unrounded sizes, 2 decimals.")
    percent_increase: float = Field(description="(to / from - 1) x 100, 2 decimals: 31.6 means 31.6 %.")
    unit: str
    currency: str
    expression: str
    notes: list[str] = Field(default_factory=list)


class DoublingResult(BaseModel):
    """Years for the market to double at a constant CAGR."""

    cagr_percent: float
    years: float = Field(description="ln 2 / ln(1 + r), 2 decimals.")
    expression: str


class TableRow(BaseModel):
    """One year of a size table."""

    year: int
    value: float
    kind: Kind


class TableResult(BaseModel):
    """Market size year by year."""

    rows: list[TableRow]
    unit: str
    currency: str
    expression: str
    notes: list[str] = Field(default_factory=list)


class ConvertResult(BaseModel):
    """An amount re-expressed in another scale (billion -> million, ...)."""

    value: float = Field(description="The amount in to_unit, 2 decimals.")
    exact_value: float
    input_value: float
    from_unit: str
    to_unit: str
    expression: str


# ---------------------------------------------------------------- market size


def _compound(base: float, base_year: int, rate: float, year: int) -> float:
    value = base * (1 + rate / 100) ** (year - base_year)
    if not math.isfinite(value):
        raise ValueError(f"the size in {year} overflows; check cagr_percent ({rate:g} %)")
    return value


def _working(base: float, base_year: int, rate: float, year: int, result: float) -> str:
    n = year - base_year
    op = "x" if n >= 0 else "/"
    return f"{plain(base)} {op} {factor(rate)}^{abs(n)} = {two(result)}"


def size_at(
    base: float,
    base_year: int,
    rate: float,
    year: int,
    unit: str,
    currency: str,
    forecast_end_year: int | None,
    stated: dict[int, float],
) -> SizeResult:
    exact = _compound(base, base_year, rate, year)
    computed = round2(exact)
    working = _working(base, base_year, rate, year, computed)
    note: str | None = None
    if year in stated:
        kind: Kind = "stated"
        value, exact_value = stated[year], stated[year]
        expression = f"stated in the report: {two(value)} (compounding: {working})"
        # a year before the base is history, which the forecast's rate does not describe
        if abs(value - computed) > 0.011 and year >= base_year:
            note = f"The report states {two(value)} for {year}; compounding the CAGR gives {two(computed)}."
    else:
        value, exact_value, expression = computed, exact, working
        if year < base_year:
            kind = "backcast"
            note = (
                f"{year} is before the base year {base_year}: a back-cast assuming the same "
                f"{plain(rate)} % CAGR held earlier; the report does not state it."
            )
        elif forecast_end_year is not None and year > forecast_end_year:
            kind = "extrapolated"
            note = (
                f"{year} is after the report's forecast end {forecast_end_year}: an extrapolation of the "
                f"{plain(rate)} % CAGR beyond the report's forecast; the report does not state it."
            )
        else:
            kind = "computed"
    return SizeResult(
        year=year,
        value=value,
        exact_value=exact_value,
        computed_value=computed,
        unit=unit,
        currency=currency,
        kind=kind,
        expression=expression,
        note=note,
    )


def check_series(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    unit: str,
    currency: str,
    forecast_end_year: int | None,
    stated: dict[int, float] | None,
) -> tuple[float, int, float, str, str, int | None, dict[int, float]]:
    base = size("base_value", base_value)
    by = check_year("base_year", base_year)
    rate = check_rate(cagr_percent)
    end = None if forecast_end_year is None else check_year("forecast_end_year", forecast_end_year)
    if end is not None and end < by:
        raise ValueError(f"forecast_end_year ({end}) is before base_year ({by})")
    return base, by, rate, normalize_unit(unit), check_currency(currency), end, check_stated(stated)


def market_size_in_year(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    year: int,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> SizeResult:
    """Market size in one year from the report's base size and CAGR.

    size = base_value x (1 + cagr_percent / 100) ^ (year - base_year), rounded to 2 decimals in the
    report's unit. base_value is the base-year size in the report's unit (e.g. 6.71 for USD 6.71
    billion, with unit="billion", currency="USD"); cagr_percent is a percent (5.65 means 5.65 %).
    kind tells how to present the figure: "stated" (the report's own figure, from `stated`, a map
    of year to size), "computed" (inside base_year..forecast_end_year), "extrapolated" (after
    forecast_end_year; say that the report does not forecast it), "backcast" (before base_year).
    Years must lie in 1900..2100.
    """
    base, by, rate, unit, currency, end, known = check_series(
        base_value, base_year, cagr_percent, unit, currency, forecast_end_year, stated
    )
    return size_at(base, by, rate, check_year("year", year), unit, currency, end, known)


def cagr_between(start_value: float, start_year: int, end_value: float, end_year: int) -> CagrResult:
    """Compound annual growth rate between two sizes, as a percent with 2 decimals.

    percent = ((end_value / start_value) ^ (1 / (end_year - start_year)) - 1) x 100. Both sizes in
    the same unit (e.g. billion USD); end_year must be after start_year; years in 1900..2100.
    Example: 6.71 in 2025 to 9.33 in 2031 gives 5.65 (%).
    """
    start = size("start_value", start_value)
    end = size("end_value", end_value)
    sy, ey = check_year("start_year", start_year), check_year("end_year", end_year)
    if ey <= sy:
        raise ValueError(f"end_year ({ey}) must be after start_year ({sy})")
    years = ey - sy
    exact = ((end / start) ** (1 / years) - 1) * 100
    percent = round2(exact)
    expression = f"({plain(end)} / {plain(start)})^(1/{years}) - 1 = {two(percent)} %"
    return CagrResult(
        percent=percent,
        exact_percent=exact,
        start_value=start,
        start_year=sy,
        end_value=end,
        end_year=ey,
        years=years,
        expression=expression,
    )


def growth_between(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    from_year: int,
    to_year: int,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> GrowthResult:
    """Absolute and percent growth of the market between two years.

    Both years' sizes come from base_value x (1 + cagr_percent / 100) ^ (year - base_year) (or the
    report's stated figure for a year in `stated`). absolute_increase is in the report's unit (e.g.
    billion USD); percent_increase is a percent (31.6 means 31.6 %). Computed from unrounded sizes,
    then rounded to 2 decimals (an increase under one unit to 3: -0.097 billion). from_year must not be after to_year; years in 1900..2100.
    """
    base, by, rate, unit, currency, end, known = check_series(
        base_value, base_year, cagr_percent, unit, currency, forecast_end_year, stated
    )
    fy, ty = check_year("from_year", from_year), check_year("to_year", to_year)
    if fy > ty:
        raise ValueError(f"from_year ({fy}) is after to_year ({ty})")
    first = size_at(base, by, rate, fy, unit, currency, end, known)
    last = size_at(base, by, rate, ty, unit, currency, end, known)
    change = last.exact_value - first.exact_value
    absolute = round2(change) if abs(change) >= 1 else round3(change)  # a tenth of a unit keeps its digits
    percent = round2((last.exact_value / first.exact_value - 1) * 100)
    expression = (
        f"{fy}: {first.expression}; {ty}: {last.expression}; increase {two(last.value)} - "
        f"{two(first.value)} = {plain(absolute)} {unit} {currency} ({two(percent)} %)"
    )
    notes = [n for n in (first.note, last.note) if n]
    return GrowthResult(
        from_year=fy,
        to_year=ty,
        from_value=first.value,
        to_value=last.value,
        from_kind=first.kind,
        to_kind=last.kind,
        absolute_increase=absolute,
        percent_increase=percent,
        unit=unit,
        currency=currency,
        expression=expression,
        notes=notes,
    )


def doubling_time(cagr_percent: float) -> DoublingResult:
    """Years for the market to double at a constant CAGR: ln 2 / ln(1 + cagr_percent / 100).

    cagr_percent is a percent (5.65 means 5.65 %) and must be positive; the answer is in years,
    2 decimals (5.65 % doubles in 12.61 years).
    """
    rate = check_rate(cagr_percent)
    if rate <= 0:
        raise ValueError(f"cagr_percent must be positive for the market to double, got {cagr_percent!r}")
    years = round2(math.log(2) / math.log1p(rate / 100))
    return DoublingResult(
        cagr_percent=rate, years=years, expression=f"ln 2 / ln {factor(rate)} = {two(years)} years"
    )


def size_table(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    from_year: int,
    to_year: int,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> TableResult:
    """Market size for every year from from_year to to_year inclusive (at most 200 rows).

    Each row: year, size rounded to 2 decimals in the report's unit (e.g. billion USD), and kind
    ("stated", "computed", "extrapolated" after forecast_end_year, "backcast" before base_year).
    cagr_percent is a percent (5.65 means 5.65 %); years in 1900..2100.
    """
    base, by, rate, unit, currency, end, known = check_series(
        base_value, base_year, cagr_percent, unit, currency, forecast_end_year, stated
    )
    fy, ty = check_year("from_year", from_year), check_year("to_year", to_year)
    if fy > ty:
        raise ValueError(f"from_year ({fy}) is after to_year ({ty})")
    if ty - fy + 1 > MAX_ROWS:
        raise ValueError(f"a table holds at most {MAX_ROWS} rows; {fy}..{ty} is {ty - fy + 1}")
    sizes = [size_at(base, by, rate, y, unit, currency, end, known) for y in range(fy, ty + 1)]
    rows = [TableRow(year=s.year, value=s.value, kind=s.kind) for s in sizes]
    kinds = {s.kind for s in sizes}
    notes = []
    if "backcast" in kinds:
        notes.append(f"Years before {by} are back-cast at the same CAGR; the report does not state them.")
    if "extrapolated" in kinds:
        notes.append(f"Years after {end} extrapolate the CAGR beyond the report's forecast.")
    expression = f"size(y) = {plain(base)} x {factor(rate)}^(y - {by})"
    return TableResult(rows=rows, unit=unit, currency=currency, expression=expression, notes=notes)


def convert(value: float, from_unit: str, to_unit: str) -> ConvertResult:
    """Re-express an amount in another scale among thousand, million, billion and trillion.

    value is any finite amount in from_unit (a size or a change in size); the result is rounded to
    2 decimals in to_unit. Example: 8.36 billion = 8,360 million.
    """
    amount = number("value", value)
    src, dst = normalize_unit(from_unit, "from_unit"), normalize_unit(to_unit, "to_unit")
    shift = 3 * (UNITS.index(src) - UNITS.index(dst))
    exact = float(Decimal(repr(amount)).scaleb(shift))
    result = round2(exact)
    text = f"{result:,.2f}"
    text = text[:-3] if text.endswith(".00") else text
    return ConvertResult(
        value=result,
        exact_value=exact,
        input_value=amount,
        from_unit=src,
        to_unit=dst,
        expression=f"{plain(amount)} {src} = {text} {dst}",
    )
