"""Derived figures an analyst asks for beyond a year's size: the year a size is first reached, how
many times larger one year is than another, a total over a range of years, the mean yearly gain,
the growth rate a target needs, a projection at a rate the user supplies, shares (and the share
left outside some parts), an amount per unit, and a comparison of two figures.

The conventions of ``tools.forecast`` hold: sizes in the report's unit and currency, rates as
percents (6.5 means 6.5 %), a year the report states is its stated figure, results rounded to 2
decimals from unrounded working, every result with an ``expression`` showing the working. Bad input
raises ``ValueError`` naming the argument.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import NamedTuple

from pydantic import BaseModel, Field

from tools._checks import (
    MAX_ROWS,
    MAX_YEAR,
    UNITS,
    factor,
    normalize_unit,
    number,
    plain,
    round2,
    round3,
    size,
    two,
)
from tools._checks import year as check_year
from tools.forecast import Kind, SizeResult, TableRow, check_series, size_at


class ThresholdResult(BaseModel):
    """The first year the market's size is at least ``target_value``."""

    target_value: float
    year: int | None = Field(description="First year at or above the target; None if never by 2100.")
    value: float | None = Field(None, description="The size that year, rounded, in `unit`.")
    kind: Kind | None = None
    unit: str
    currency: str
    expression: str
    note: str | None = None


class RatioResult(BaseModel):
    """How many times the size in ``to_year`` is the size in ``from_year``."""

    from_year: int
    to_year: int
    from_value: float
    to_value: float
    ratio: float = Field(description="to / from, 2 decimals: 1.39 means 1.39 times.")
    unit: str
    currency: str
    expression: str
    notes: list[str] = Field(default_factory=list)


class CumulativeResult(BaseModel):
    """The sizes of every year from ``from_year`` to ``to_year`` added up."""

    from_year: int
    to_year: int
    total: float = Field(description="Sum of the yearly sizes, 2 decimals, in `unit`.")
    average: float = Field(description="The total over the number of years, 2 decimals, in `unit`.")
    rows: list[TableRow]
    unit: str
    currency: str
    expression: str
    notes: list[str] = Field(default_factory=list)


class AverageGainResult(BaseModel):
    """The mean yearly increase in size between two years."""

    from_year: int
    to_year: int
    from_value: float
    to_value: float
    average_increase: float = Field(description="(to - from) / years, 2 decimals, in `unit`.")
    years: int
    unit: str
    currency: str
    expression: str
    notes: list[str] = Field(default_factory=list)


class RequiredRateResult(BaseModel):
    """The CAGR that takes ``start_value`` to ``target_value`` by ``target_year``."""

    start_value: float
    start_year: int
    target_value: float
    target_year: int
    percent: float = Field(description="Rate as a percent, 2 decimals.")
    exact_percent: float
    expression: str


class ProjectionResult(BaseModel):
    """A size projected at a rate the user supplied: an assumption, not the report's forecast."""

    year: int
    value: float
    exact_value: float
    assumed_cagr_percent: float
    base_value: float
    base_year: int
    unit: str
    currency: str
    expression: str
    note: str


class ShareResult(BaseModel):
    """A part of a total: its value from a share, or its share from a value."""

    part_value: float
    total_value: float
    share_percent: float = Field(description="Part / total x 100, 2 decimals: 31.4 means 31.4 %.")
    expression: str


class ComparisonResult(BaseModel):
    """Two figures side by side: their difference and ratio."""

    first_label: str
    first_value: float
    second_label: str
    second_value: float
    difference: float = Field(description="first - second, 2 decimals.")
    ratio: float | None = Field(description="first / second, 2 decimals; None when second is 0.")
    percent_difference: float | None = Field(
        None,
        description="(first / second - 1) x 100, 2 decimals: 39.05 means 39.05 %; None when second is 0.",
    )
    total: float | None = Field(None, description="first + second, 2 decimals.")
    expression: str


class RemainderResult(BaseModel):
    """The share of a whole left once some parts are taken out."""

    parts: list[float]
    taken: float = Field(description="The parts' shares added up, as a percent, 2 decimals.")
    remainder: float = Field(description="100 - taken, as a percent, 2 decimals: 34.3 means 34.3 %.")
    expression: str


class CountResult(BaseModel):
    """How many items a list holds."""

    count: int
    expression: str


MAX_COUNTED = 1000


def count_items(items: list[str]) -> CountResult:
    """Count the items of a list the report gives (e.g. the key players it names): blank items and
    repeats are not counted. At most 1,000 items."""
    if len(items) > MAX_COUNTED:
        raise ValueError(f"at most {MAX_COUNTED} items can be counted, got {len(items)}")
    kept = list(dict.fromkeys(item.strip() for item in items if item and item.strip()))
    return CountResult(count=len(kept), expression=f"{len(kept)} items: " + "; ".join(kept)[:2000])


def year_reaching(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    target_value: float,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> ThresholdResult:
    """The first year the market's size is at least target_value (same unit as base_value).

    Sizes follow base_value x (1 + cagr_percent / 100) ^ (year - base_year), or the report's stated
    figure for a year in `stated`. A target the base already meets gives base_year; a target the
    market never reaches by 2100 (or at a rate of 0 % or less) gives year=None. A year after
    forecast_end_year is marked extrapolated.
    """
    base, by, rate, unit, currency, end, known = check_series(
        base_value, base_year, cagr_percent, unit, currency, forecast_end_year, stated
    )
    target = size("target_value", target_value)
    if base >= target:
        first = size_at(base, by, rate, by, unit, currency, end, known)
        expression = f"{plain(base)} in {by} is already at least {plain(target)}"
        return ThresholdResult(
            target_value=target,
            year=by,
            value=first.value,
            kind=first.kind,
            unit=unit,
            currency=currency,
            expression=expression,
        )
    if rate <= 0:
        return ThresholdResult(
            target_value=target,
            year=None,
            unit=unit,
            currency=currency,
            expression=f"at {plain(rate)} % a year the size never grows from {plain(base)} to {plain(target)}",
        )
    steps = math.ceil(math.log(target / base) / math.log1p(rate / 100) - 1e-12)
    year = by + steps
    while year <= MAX_YEAR:  # a stated figure below the compounded one can delay the crossing
        found = size_at(base, by, rate, year, unit, currency, end, known)
        if found.exact_value >= target - 1e-9:
            break
        year += 1
    else:
        return ThresholdResult(
            target_value=target,
            year=None,
            unit=unit,
            currency=currency,
            expression=f"{plain(base)} x {factor(rate)}^n stays below {plain(target)} until after {MAX_YEAR}",
        )
    expression = (
        f"n = ceil(ln({plain(target)} / {plain(base)}) / ln {factor(rate)}) = {steps}: "
        f"{by} + {year - by} = {year} ({two(found.value)})"
    )
    return ThresholdResult(
        target_value=target,
        year=year,
        value=found.value,
        kind=found.kind,
        unit=unit,
        currency=currency,
        expression=expression,
        note=found.note,
    )


class _Pair(NamedTuple):
    first: SizeResult
    last: SizeResult
    unit: str
    currency: str
    notes: list[str]


def _pair(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    from_year: int,
    to_year: int,
    unit: str,
    currency: str,
    forecast_end_year: int | None,
    stated: dict[int, float] | None,
) -> _Pair:
    base, by, rate, unit, currency, end, known = check_series(
        base_value, base_year, cagr_percent, unit, currency, forecast_end_year, stated
    )
    fy, ty = check_year("from_year", from_year), check_year("to_year", to_year)
    if fy >= ty:
        raise ValueError(f"from_year ({fy}) must be before to_year ({ty})")
    first = size_at(base, by, rate, fy, unit, currency, end, known)
    last = size_at(base, by, rate, ty, unit, currency, end, known)
    return _Pair(first, last, unit, currency, [n for n in (first.note, last.note) if n])


def size_ratio(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    from_year: int,
    to_year: int,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> RatioResult:
    """How many times larger the market is in to_year than in from_year: size(to) / size(from).

    Sizes as in market_size_in_year (stated figures where the report states them); the ratio has 2
    decimals (1.39 means 1.39 times). from_year must be before to_year; years in 1900..2100.
    """
    pair = _pair(
        base_value, base_year, cagr_percent, from_year, to_year, unit, currency, forecast_end_year, stated
    )
    ratio = round2(pair.last.exact_value / pair.first.exact_value)
    return RatioResult(
        from_year=pair.first.year,
        to_year=pair.last.year,
        from_value=pair.first.value,
        to_value=pair.last.value,
        ratio=ratio,
        unit=pair.unit,
        currency=pair.currency,
        expression=f"{two(pair.last.value)} / {two(pair.first.value)} = {two(ratio)}",
        notes=pair.notes,
    )


def cumulative_size(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    from_year: int,
    to_year: int,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> CumulativeResult:
    """The market's sizes in every year from from_year to to_year inclusive, added up.

    Each year's size as in market_size_in_year; the total is the sum of the rounded yearly sizes shown
    in the working, 2 decimals, in the report's unit. At most 200 years.
    """
    base, by, rate, unit, currency, end, known = check_series(
        base_value, base_year, cagr_percent, unit, currency, forecast_end_year, stated
    )
    fy, ty = check_year("from_year", from_year), check_year("to_year", to_year)
    if fy > ty:
        raise ValueError(f"from_year ({fy}) is after to_year ({ty})")
    if ty - fy + 1 > MAX_ROWS:
        raise ValueError(f"a total covers at most {MAX_ROWS} years; {fy}..{ty} is {ty - fy + 1}")
    sizes = [size_at(base, by, rate, y, unit, currency, end, known) for y in range(fy, ty + 1)]
    total = round2(sum(s.value for s in sizes))
    average = round2(total / len(sizes))
    notes = list(dict.fromkeys(s.note for s in sizes if s.note and s.kind != "stated"))
    return CumulativeResult(
        from_year=fy,
        to_year=ty,
        total=total,
        average=average,
        rows=[TableRow(year=s.year, value=s.value, kind=s.kind) for s in sizes],
        unit=unit,
        currency=currency,
        expression=" + ".join(two(s.value) for s in sizes)
        + f" = {two(total)}; / {len(sizes)} = {two(average)}",
        notes=notes[:2],
    )


def average_annual_increase(
    base_value: float,
    base_year: int,
    cagr_percent: float,
    from_year: int,
    to_year: int,
    unit: str = "billion",
    currency: str = "USD",
    forecast_end_year: int | None = None,
    stated: dict[int, float] | None = None,
) -> AverageGainResult:
    """The mean yearly increase in size between two years: (size(to) - size(from)) / (to - from).

    Sizes as in market_size_in_year; the result is in the report's unit per year, 2 decimals (3
    under one, where a second decimal is a tenth of it). from_year must be before to_year.
    """
    pair = _pair(
        base_value, base_year, cagr_percent, from_year, to_year, unit, currency, forecast_end_year, stated
    )
    years = pair.last.year - pair.first.year
    gain = (pair.last.value - pair.first.value) / years
    average = round2(gain) if abs(gain) >= 1 else round3(gain)
    return AverageGainResult(
        from_year=pair.first.year,
        to_year=pair.last.year,
        from_value=pair.first.value,
        to_value=pair.last.value,
        average_increase=average,
        years=years,
        unit=pair.unit,
        currency=pair.currency,
        expression=f"({two(pair.last.value)} - {two(pair.first.value)}) / {years} = {plain(average)}",
        notes=pair.notes,
    )


def required_cagr(
    start_value: float,
    start_year: int,
    target_value: float | None,
    target_year: int,
    target_multiple: float | None = None,
) -> RequiredRateResult:
    """The compound annual growth rate that takes start_value in start_year to target_value by
    target_year: ((target / start) ^ (1 / years) - 1) x 100, a percent with 2 decimals.

    Both values in the same unit; target_year after start_year; years in 1900..2100. A target below
    the start gives a negative rate. target_multiple (2 = double) gives the target as a multiple of
    start_value instead of target_value.
    """
    start = size("start_value", start_value)
    if (target_value is None) == (target_multiple is None):
        raise ValueError("give either target_value or target_multiple, not both or neither")
    if target_multiple is not None:
        target = round(start * size("target_multiple", target_multiple), 6)
    else:
        target = size("target_value", target_value)
    sy, ty = check_year("start_year", start_year), check_year("target_year", target_year)
    if ty <= sy:
        raise ValueError(f"target_year ({ty}) must be after start_year ({sy})")
    years = ty - sy
    exact = ((target / start) ** (1 / years) - 1) * 100
    percent = round2(exact)
    return RequiredRateResult(
        start_value=start,
        start_year=sy,
        target_value=target,
        target_year=ty,
        percent=percent,
        exact_percent=exact,
        expression=(
            f"{plain(start)} x {plain(target_multiple)} = {plain(target)}; " if target_multiple else ""
        )
        + f"({plain(target)} / {plain(start)})^(1/{years}) - 1 = {two(percent)} %",
    )


def project_at_rate(
    base_value: float,
    base_year: int,
    assumed_cagr_percent: float,
    year: int,
    unit: str = "billion",
    currency: str = "USD",
) -> ProjectionResult:
    """The size in one year if the market grew at a rate the user supplies instead of the report's:
    base_value x (1 + assumed_cagr_percent / 100) ^ (year - base_year).

    The result is the user's assumption, never the report's forecast; say so when quoting it.
    assumed_cagr_percent is a percent (6 means 6 % a year); years in 1900..2100.
    """
    base, by, rate, unit, currency, _, _ = check_series(
        base_value, base_year, assumed_cagr_percent, unit, currency, None, None
    )
    target_year = check_year("year", year)
    exact = base * (1 + rate / 100) ** (target_year - by)
    if not math.isfinite(exact):
        raise ValueError(f"the size in {target_year} overflows; check assumed_cagr_percent ({rate:g} %)")
    value = round2(exact)
    n = target_year - by
    op = "x" if n >= 0 else "/"
    return ProjectionResult(
        year=target_year,
        value=value,
        exact_value=exact,
        assumed_cagr_percent=rate,
        base_value=base,
        base_year=by,
        unit=unit,
        currency=currency,
        expression=f"{plain(base)} {op} {factor(rate)}^{abs(n)} = {two(value)}",
        note=f"This assumes {plain(rate)} % a year, the rate in the question, not the report's own CAGR.",
    )


def share_value(total_value: float, share_percent: float) -> ShareResult:
    """The value of a part from its share of a total: total_value x share_percent / 100.

    share_percent is a percent (31.4 means 31.4 %), 0 to 100; the part is in total_value's unit,
    2 decimals (3 under one unit: 0.617 billion).
    """
    total = size("total_value", total_value)
    share = number("share_percent", share_percent)
    if not 0 <= share <= 100:
        raise ValueError(f"share_percent must be between 0 and 100, got {share_percent!r}")
    exact = total * share / 100
    part = round2(exact) if abs(exact) >= 1 else round3(exact)  # a tenth of a unit keeps its digits
    return ShareResult(
        part_value=part,
        total_value=total,
        share_percent=share,
        expression=f"{plain(total)} x {plain(share)} % = {plain(part)}",
    )


def share_of_total(part_value: float, total_value: float) -> ShareResult:
    """The share a part is of a total, as a percent with 2 decimals: part_value / total_value x 100.

    Both values in the same unit; the part must not exceed the total.
    """
    total = size("total_value", total_value)
    part = number("part_value", part_value)
    if not 0 <= part <= total:
        raise ValueError(f"part_value must be between 0 and total_value ({plain(total)}), got {part_value!r}")
    share = round2(part / total * 100)
    return ShareResult(
        part_value=part,
        total_value=total,
        share_percent=share,
        expression=f"{plain(part)} / {plain(total)} = {two(share)} %",
    )


class PerUnitResult(BaseModel):
    """An amount shared out over a count: what one unit comes to."""

    per_unit: float = Field(description="The amount for one unit, in whole currency units, 2 decimals.")
    total_value: float
    total_unit: str
    count: float
    expression: str


def per_unit_value(total_value: float, total_unit: str, count: float) -> PerUnitResult:
    """What one unit comes to when an amount is shared over a count (revenue per unit shipped, spend
    per site): total_value in total_unit (thousand, million, billion or trillion) divided by count,
    in whole currency units, 2 decimals. Example: 2.94 billion over 418,000 units = 7,033.49 each.
    """
    total = size("total_value", total_value)
    scale = normalize_unit(total_unit, "total_unit")
    many = number("count", count)
    if many <= 0:
        raise ValueError(f"count must be more than 0, got {count!r}")
    whole = float(Decimal(repr(total)).scaleb(3 * (UNITS.index(scale) + 1)))
    each = round2(whole / many)
    return PerUnitResult(
        per_unit=each,
        total_value=total,
        total_unit=scale,
        count=many,
        expression=f"{plain(total)} {scale} / {plain(many)} = {two(each)}",
    )


MAX_PARTS = 50
SHARE_SLACK = 0.5  # shares a page rounds may add up to a little over 100


def remaining_share(shares: list[float]) -> RemainderResult:
    """The share of the whole outside the given parts: 100 - (sum of their shares), e.g. the revenue
    outside two regions, or not from one segment. Shares are percents (31.4 means 31.4 %); each must
    lie in 0-100 and together at most 100."""
    if not shares:
        raise ValueError("shares must name at least one part's share")
    if len(shares) > MAX_PARTS:
        raise ValueError(f"at most {MAX_PARTS} shares, got {len(shares)}")
    parts = [number(f"shares[{i}]", share) for i, share in enumerate(shares)]
    for i, share in enumerate(parts):
        if not 0 <= share <= 100:
            raise ValueError(f"shares[{i}] must be a percent between 0 and 100, got {share:g}")
    taken = sum(parts)
    if taken > 100 + SHARE_SLACK:
        raise ValueError(f"the shares add up to {two(taken)} %, more than the whole")
    remainder = max(0.0, 100 - taken)
    shown = f"100 - ({' + '.join(two(p) for p in parts)}) = {two(remainder)}"
    return RemainderResult(parts=parts, taken=round2(taken), remainder=round2(remainder), expression=shown)


def compare_values(
    first_value: float, second_value: float, first_label: str, second_label: str
) -> ComparisonResult:
    """Two figures in the same unit side by side: first - second, first / second, the percent by
    which first exceeds second, and first + second, 2 decimals.

    Labels say what each figure is (e.g. a report's market and year); they are not interpreted.
    """
    first = number("first_value", first_value)
    second = number("second_value", second_value)
    difference = round2(first - second)
    ratio = round2(first / second) if second else None
    percent = round2((first / second - 1) * 100) if second else None
    total = round2(first + second)
    shown = f"{two(first)} - {two(second)} = {two(difference)}; {two(first)} + {two(second)} = {two(total)}"
    if ratio is not None and percent is not None:
        shown += f"; {two(first)} / {two(second)} = {two(ratio)} ({two(percent)} % more)"
    return ComparisonResult(
        first_label=str(first_label)[:200],
        first_value=first,
        second_label=str(second_label)[:200],
        second_value=second,
        difference=difference,
        ratio=ratio,
        percent_difference=percent,
        total=total,
        expression=shown,
    )
