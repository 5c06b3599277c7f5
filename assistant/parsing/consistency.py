"""Does the report's headline arithmetic add up?

base x (1 + CAGR)^(end_year - base_year) is recomputed and compared with the stated end value at the
precision the report wrote it with (9.33 -> two decimals). The figures a report prints are rounded,
so a recomputation that misses the stated value by less than the rounding of its own inputs (base to
its decimals, CAGR to its decimals) still agrees; the message then says so.
"""

from __future__ import annotations

from assistant.domain.report import Consistency, FactSheet, Money
from assistant.parsing.numbers import UNIT_SCALE, decimals


def check_consistency(facts: FactSheet) -> Consistency:
    """Agree / disagree / unknown, with the recomputation and the CAGR the stated figures imply."""
    base, end, cagr = facts.market_size, facts.forecast_end, facts.cagr
    missing = [
        name
        for name, value in (
            ("base-year market size", base),
            ("CAGR", cagr),
            ("forecast-end market size", end),
        )
        if value is None
    ]
    if base is not None and base.year is None:
        missing.append("base year")
    if end is not None and end.year is None:
        missing.append("forecast-end year")
    if missing or base is None or end is None or cagr is None or base.year is None or end.year is None:
        return _unknown(f"Cannot check the headline arithmetic: no {', '.join(missing)}.")
    years = end.year - base.year
    if years <= 0:
        return _unknown(f"Cannot check: the forecast year {end.year} is not after the base year {base.year}.")
    if base.amount <= 0:
        return _unknown("Cannot check: the base-year market size is not positive.")
    if base.currency != end.currency:
        return _unknown(
            f"Cannot check: the base size is in {base.currency} and the forecast in {end.currency}."
        )
    # Work in the unit of the stated end value, so rounding is judged where the report wrote it.
    scale = UNIT_SCALE[base.unit] / UNIT_SCALE[end.unit]
    base_in_end_unit = base.amount * scale
    growth = 1 + cagr.percent / 100
    computed = base_in_end_unit * growth**years
    end_places = decimals(end.span.text)
    implied = ((end.amount / base_in_end_unit) ** (1 / years) - 1) * 100
    base_text = _figure(base.amount, decimals(base.span.text))
    growth_text = _figure(growth, decimals(cagr.span.text) + 2)
    formula = f"{base_text} x {growth_text}^{years} = {_figure(computed, end_places)}"
    stated = f"the stated {_money_text(end)} ({end.year})"
    common = dict(
        base=base.amount,
        percent=cagr.percent,
        years=years,
        computed_end=round(computed, end_places + 2),
        stated_end=end.amount,
        implied_percent=round(implied, 4),
    )
    if round(computed, end_places) == round(end.amount, end_places):
        return Consistency(status="agree", message=f"{formula}, matches {stated}", **common)
    low, high = _bounds(
        base_in_end_unit, scale, decimals(base.span.text), cagr.percent, decimals(cagr.span.text), years
    )
    half = 0.5 * 10**-end_places
    if low - half <= end.amount <= high + half:
        return Consistency(
            status="agree",
            message=f"{formula}; {stated} is within the rounding of the stated base and CAGR "
            f"(implied CAGR {implied:.2f} %)",
            **common,
        )
    return Consistency(
        status="disagree",
        message=f"{formula}, does not match {stated}; the stated base and end imply a CAGR of "
        f"{implied:.2f} %, not {cagr.percent:g} %",
        **common,
    )


def _unknown(message: str) -> Consistency:
    return Consistency(status="unknown", implied_percent=None, message=message)


def _bounds(
    base: float, scale: float, base_places: int, percent: float, rate_places: int, years: int
) -> tuple[float, float]:
    """Smallest and largest end value the rounded base and CAGR could stand for."""
    base_half = 0.5 * 10**-base_places * scale
    rate_half = 0.5 * 10**-rate_places
    low = (base - base_half) * (1 + (percent - rate_half) / 100) ** years
    high = (base + base_half) * (1 + (percent + rate_half) / 100) ** years
    return low, high


def _figure(value: float, places: int) -> str:
    return f"{value:,.{places}f}"


def _money_text(money: Money) -> str:
    return f"{money.currency} {_figure(money.amount, decimals(money.span.text))} {money.unit}"
