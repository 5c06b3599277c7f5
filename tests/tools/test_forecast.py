"""Forecast arithmetic: the seed report's figures exactly, round trips, kinds, and every refusal."""

from __future__ import annotations

import math
import random

import pytest

from tools.forecast import (
    cagr_between,
    convert,
    doubling_time,
    growth_between,
    market_size_in_year,
    normalize_unit,
    round2,
    size_table,
)

SEED = {"base_value": 6.71, "base_year": 2025, "cagr_percent": 5.65}
SEED_SIZES = {2026: 7.09, 2027: 7.49, 2028: 7.91, 2029: 8.36, 2030: 8.83, 2031: 9.33}
STATED = {2025: 6.71, 2031: 9.33}


def _cases(n: int = 60, seed: int = 7) -> list[tuple[float, int, float, int]]:
    """Random but reproducible (base, base_year, rate, year) cases across plausible markets."""
    rng = random.Random(seed)
    return [
        (round(rng.uniform(0.05, 900), 2), rng.randint(1990, 2040), round(rng.uniform(-30, 60), 2),
         rng.randint(1990, 2080))
        for _ in range(n)
    ]  # fmt: skip


# ---------------------------------------------------------------- market_size_in_year


@pytest.mark.parametrize(("year", "expected"), sorted(SEED_SIZES.items()))
def test_seed_sizes_match_the_report(year: int, expected: float) -> None:
    result = market_size_in_year(**SEED, year=year)
    assert result.value == expected
    assert result.unit == "billion" and result.currency == "USD"
    assert result.expression.endswith(f"= {expected:.2f}")


def test_expression_shows_the_working() -> None:
    assert market_size_in_year(**SEED, year=2029).expression == "6.71 x 1.0565^4 = 8.36"
    assert market_size_in_year(**SEED, year=2023).expression == "6.71 / 1.0565^2 = 6.01"


def test_kinds_stated_computed_extrapolated_backcast() -> None:
    def kind(year: int) -> str:
        return market_size_in_year(**SEED, year=year, forecast_end_year=2031, stated=STATED).kind

    assert kind(2025) == "stated"
    assert kind(2031) == "stated"
    assert [kind(y) for y in range(2026, 2031)] == ["computed"] * 5
    assert kind(2032) == "extrapolated"
    assert kind(2040) == "extrapolated"
    assert kind(2024) == "backcast"


def test_extrapolation_and_backcast_carry_a_note() -> None:
    later = market_size_in_year(**SEED, year=2035, forecast_end_year=2031)
    assert later.note and "2031" in later.note and "extrapolation" in later.note
    earlier = market_size_in_year(**SEED, year=2020, forecast_end_year=2031)
    assert earlier.note and "back-cast" in earlier.note
    assert market_size_in_year(**SEED, year=2029, forecast_end_year=2031).note is None


def test_without_forecast_end_later_years_are_computed() -> None:
    assert market_size_in_year(**SEED, year=2040).kind == "computed"


def test_stated_figure_wins_and_a_disagreement_is_noted() -> None:
    agree = market_size_in_year(**SEED, year=2031, stated=STATED)
    assert agree.value == 9.33 and agree.note is None and agree.computed_value == 9.33
    disagree = market_size_in_year(**SEED, year=2031, stated={2031: 9.9})
    assert disagree.value == 9.9 and disagree.computed_value == 9.33
    assert disagree.note and "9.90" in disagree.note and "9.33" in disagree.note


def test_units_and_currency_are_normalised() -> None:
    result = market_size_in_year(6.71, 2025, 5.65, 2029, unit="Bn", currency="eur")
    assert (result.unit, result.currency, result.value) == ("billion", "EUR", 8.36)


@pytest.mark.parametrize(("base", "base_year", "rate", "year"), _cases())
def test_size_matches_compound_formula(base: float, base_year: int, rate: float, year: int) -> None:
    result = market_size_in_year(base, base_year, rate, year)
    exact = base * (1 + rate / 100) ** (year - base_year)
    assert math.isclose(result.exact_value, exact, rel_tol=1e-12)
    assert abs(result.value - exact) <= 0.005 + 1e-9
    assert result.kind == ("backcast" if year < base_year else "computed")


@pytest.mark.parametrize(("base", "base_year", "rate", "year"), _cases(seed=11))
def test_cagr_round_trips_market_size(base: float, base_year: int, rate: float, year: int) -> None:
    if year == base_year:
        year += 1
    size = market_size_in_year(base, base_year, rate, year)
    start, end = sorted((base_year, year))
    values = (base, size.exact_value) if base_year < year else (size.exact_value, base)
    back = cagr_between(values[0], start, values[1], end)
    assert abs(back.exact_percent - rate) < 1e-6
    assert back.percent == round2(rate)


def test_size_is_monotonic_in_year_for_positive_rate() -> None:
    values = [market_size_in_year(**SEED, year=y).exact_value for y in range(1990, 2100)]
    assert values == sorted(values)


# ---------------------------------------------------------------- cagr_between


def test_cagr_between_seed_endpoints() -> None:
    result = cagr_between(6.71, 2025, 9.33, 2031)
    assert result.percent == 5.65 and result.years == 6
    assert result.expression == "(9.33 / 6.71)^(1/6) - 1 = 5.65 %"


def test_cagr_between_shrinking_market_is_negative() -> None:
    assert cagr_between(10, 2020, 5, 2030).percent == round2((0.5**0.1 - 1) * 100) < 0


# ---------------------------------------------------------------- growth_between


def test_growth_between_seed_years() -> None:
    result = growth_between(**SEED, from_year=2026, to_year=2031)
    assert (result.from_value, result.to_value) == (7.09, 9.33)
    exact_from, exact_to = 6.71 * 1.0565, 6.71 * 1.0565**6
    assert result.absolute_increase == round2(exact_to - exact_from) == 2.24
    assert result.percent_increase == round2((exact_to / exact_from - 1) * 100)
    assert "7.09" in result.expression and "9.33" in result.expression and "2.24" in result.expression


def test_growth_uses_unrounded_sizes() -> None:
    # 1.004 -> 1.008016 shows as 1.00 -> 1.01, yet the increase from unrounded sizes is 0.004 (an
    # increase under one unit keeps three decimals), not 1.01 - 1.00.
    tiny = growth_between(1.004, 2020, 0.4, 2020, 2021)
    assert (tiny.from_value, tiny.to_value) == (1.0, 1.01)
    assert tiny.absolute_increase == 0.004 and tiny.percent_increase == 0.4


def test_growth_notes_extrapolation_and_stated_years() -> None:
    result = growth_between(**SEED, from_year=2025, to_year=2033, forecast_end_year=2031, stated=STATED)
    assert (result.from_kind, result.to_kind) == ("stated", "extrapolated")
    assert result.notes and "2031" in result.notes[0]


# ---------------------------------------------------------------- doubling_time, size_table, convert


def test_doubling_time() -> None:
    result = doubling_time(5.65)
    assert result.years == round2(math.log(2) / math.log(1.0565)) == 12.61
    assert result.expression == "ln 2 / ln 1.0565 = 12.61 years"
    assert doubling_time(100).years == 1.0


def test_doubling_time_agrees_with_market_size() -> None:
    for rate in (1.5, 5.65, 12.0, 40.0):
        years = doubling_time(rate).years
        factor = (1 + rate / 100) ** years
        assert abs(factor - 2) < 0.01


def test_size_table_rows_and_kinds() -> None:
    table = size_table(**SEED, from_year=2024, to_year=2033, forecast_end_year=2031, stated=STATED)
    rows = {row.year: row for row in table.rows}
    assert [r.year for r in table.rows] == list(range(2024, 2034))
    assert {y: rows[y].value for y in SEED_SIZES} == SEED_SIZES
    assert rows[2024].kind == "backcast" and rows[2025].kind == "stated"
    assert rows[2028].kind == "computed" and rows[2032].kind == "extrapolated"
    assert len(table.notes) == 2
    assert table.expression == "size(y) = 6.71 x 1.0565^(y - 2025)"


def test_size_table_agrees_with_market_size_in_year() -> None:
    table = size_table(12.5, 2019, -3.2, 1990, 2060, unit="million", forecast_end_year=2030)
    for row in table.rows:
        single = market_size_in_year(12.5, 2019, -3.2, row.year, unit="million", forecast_end_year=2030)
        assert (row.value, row.kind) == (single.value, single.kind)


def test_size_table_single_year_and_two_hundred_rows() -> None:
    assert len(size_table(**SEED, from_year=2029, to_year=2029).rows) == 1
    assert len(size_table(1.0, 2000, 0.1, 1900, 2099).rows) == 200


def test_convert_between_scales() -> None:
    result = convert(8.36, "billion", "million")
    assert result.value == 8360 and result.expression == "8.36 billion = 8,360 million"
    assert convert(8360, "million", "billion").value == 8.36
    assert convert(8.36, "bn", "thousand").value == 8_360_000
    assert convert(1.5, "trillion", "billion").value == 1500
    assert convert(8.36, "billion", "trillion").value == 0.01
    assert convert(-2.24, "billion", "million").value == -2240


@pytest.mark.parametrize("value", [0.01, 1.0, 6.71, 123.45, 9999.99])
def test_convert_round_trip(value: float) -> None:
    for unit in ("thousand", "million", "trillion"):
        there = convert(value, "billion", unit)
        back = convert(there.exact_value, unit, "billion")
        assert back.value == value


def test_round2_is_half_up_like_a_report() -> None:
    assert (round2(8.355), round2(2.675), round2(0.125), round2(8.3549)) == (8.36, 2.68, 0.13, 8.35)


def test_normalize_unit_aliases() -> None:
    assert [normalize_unit(u) for u in ("K", "mn", "Millions", "bn", "T")] == [
        "thousand", "million", "million", "billion", "trillion"
    ]  # fmt: skip


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: market_size_in_year(**SEED, year=99999), "year must be between 1900 and 2100, got 99999"),
        (lambda: market_size_in_year(**SEED, year=1899), "year must be between 1900 and 2100"),
        (lambda: market_size_in_year(**SEED, year=2029.5), "year must be a whole year"),  # type: ignore[arg-type]
        (lambda: market_size_in_year(6.71, 1800, 5.65, 2029), "base_year must be between 1900 and 2100"),
        (lambda: market_size_in_year(-6.71, 2025, 5.65, 2029), "base_value must be a positive market size"),
        (lambda: market_size_in_year(0, 2025, 5.65, 2029), "base_value must be a positive market size"),
        (lambda: market_size_in_year(float("nan"), 2025, 5.65, 2029), "base_value must be a finite number"),
        (lambda: market_size_in_year(float("inf"), 2025, 5.65, 2029), "base_value must be a finite number"),
        (lambda: market_size_in_year(6.71, 2025, -100, 2029), "cagr_percent must be above -100"),
        (lambda: market_size_in_year(6.71, 2025, -250, 2029), "cagr_percent must be above -100"),
        (lambda: market_size_in_year(6.71, 2025, float("nan"), 2029), "cagr_percent must be a finite number"),
        (lambda: market_size_in_year(6.71, 2025, 5000, 2029), "cagr_percent must be at most 1000"),
        (lambda: market_size_in_year(6.71, 2025, "5.65", 2029), "cagr_percent must be a number"),  # type: ignore[arg-type]
        (lambda: market_size_in_year(**SEED, year=2029, unit="gazillion"), "unit must be one of thousand"),
        (lambda: market_size_in_year(**SEED, year=2029, currency=""), "currency must be a short code"),
        (lambda: market_size_in_year(**SEED, year=2029, forecast_end_year=2020), "(2020) is before base"),
        (lambda: market_size_in_year(**SEED, year=2029, stated={2031: -1.0}), "stated size for 2031 must be"),
        (lambda: market_size_in_year(**SEED, year=2029, stated={3000: 1.0}), "stated year must be between"),
        (lambda: market_size_in_year(1e300, 1900, 1000, 2100), "overflows"),
        (lambda: cagr_between(6.71, 2031, 9.33, 2025), "end_year (2025) must be after start_year (2031)"),
        (lambda: cagr_between(6.71, 2025, 9.33, 2025), "end_year (2025) must be after start_year (2025)"),
        (lambda: cagr_between(0, 2025, 9.33, 2031), "start_value must be a positive market size"),
        (lambda: cagr_between(6.71, 2025, -9.33, 2031), "end_value must be a positive market size"),
        (lambda: cagr_between(6.71, 2025, 9.33, 99999), "end_year must be between 1900 and 2100"),
        (lambda: growth_between(**SEED, from_year=2031, to_year=2026), "from_year (2031) is after to_year"),
        (lambda: growth_between(**SEED, from_year=2026, to_year=2200), "to_year must be between"),
        (lambda: doubling_time(0), "cagr_percent must be positive for the market to double"),
        (lambda: doubling_time(-3), "cagr_percent must be positive"),
        (lambda: doubling_time(-100), "cagr_percent must be above -100"),
        (lambda: size_table(**SEED, from_year=2031, to_year=2026), "from_year (2031) is after to_year"),
        (lambda: size_table(1.0, 2000, 0.1, 1900, 2100), "at most 200 rows; 1900..2100 is 201"),
        (lambda: convert(float("inf"), "billion", "million"), "value must be a finite number"),
        (lambda: convert(1.0, "billion", "crore"), "to_unit must be one of thousand, million"),
        (lambda: convert(1.0, "", "million"), "from_unit must be one of"),
    ],
)
def test_refusals_name_what_was_wrong(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError) as info:
        call()
    assert message in str(info.value)
