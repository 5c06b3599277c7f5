"""Derived figures: thresholds, ratios, totals, mean gains, required rates, what-ifs, shares, amounts per
unit."""

from __future__ import annotations

import pytest

from tools.derived import (
    average_annual_increase,
    compare_values,
    count_items,
    cumulative_size,
    per_unit_value,
    project_at_rate,
    remaining_share,
    required_cagr,
    share_of_total,
    share_value,
    size_ratio,
    year_reaching,
)

SERIES = {"base_value": 6.71, "base_year": 2025, "cagr_percent": 5.65, "forecast_end_year": 2031}
STATED = {**SERIES, "stated": {2025: 6.71, 2031: 9.33}}


@pytest.mark.parametrize(
    ("target", "year", "value"), [(8.0, 2029, 8.36), (9.0, 2031, 9.33), (6.5, 2025, 6.71)]
)
def test_first_year_at_or_above_a_target(target, year, value):
    found = year_reaching(**STATED, target_value=target)
    assert (found.year, found.value) == (year, value)


def test_a_target_past_the_forecast_is_extrapolated():
    found = year_reaching(**STATED, target_value=12)
    assert found.year == 2036 and found.kind == "extrapolated" and found.note


def test_a_market_that_does_not_grow_never_reaches_a_higher_target():
    found = year_reaching(base_value=5, base_year=2025, cagr_percent=-2, target_value=6)
    assert found.year is None and "never" in found.expression


def test_ratio_uses_stated_figures():
    found = size_ratio(**STATED, from_year=2025, to_year=2031)
    assert found.ratio == 1.39 and found.expression == "9.33 / 6.71 = 1.39"


def test_cumulative_total_adds_the_rounded_years_it_shows():
    found = cumulative_size(**STATED, from_year=2026, to_year=2028)
    assert [r.value for r in found.rows] == [7.09, 7.49, 7.91]
    assert found.total == 22.49 and found.average == 7.5
    assert found.expression == "7.09 + 7.49 + 7.91 = 22.49; / 3 = 7.50"


def test_average_annual_increase():
    found = average_annual_increase(**STATED, from_year=2025, to_year=2031)
    # (9.33 - 6.71) / 6 = 0.43667: under one, a third decimal is kept
    assert found.average_increase == 0.437 and found.years == 6
    assert found.expression == "(9.33 - 6.71) / 6 = 0.437"


def test_required_cagr_to_reach_a_target():
    found = required_cagr(start_value=6.71, start_year=2025, target_value=12, target_year=2031)
    assert found.percent == 10.17


def test_required_cagr_to_reach_a_multiple_of_the_start():
    found = required_cagr(
        start_value=4.61, start_year=2024, target_value=None, target_year=2032, target_multiple=2
    )
    # 2^(1/8) - 1
    assert found.percent == 9.05 and found.target_value == 9.22
    assert found.expression.startswith("4.61 x 2 = 9.22; (9.22 / 4.61)^(1/8)")


def test_a_projection_at_the_users_rate_says_it_is_an_assumption():
    found = project_at_rate(base_value=6.71, base_year=2025, assumed_cagr_percent=6, year=2029)
    assert found.value == 8.47 and "not the report's" in found.note


def test_shares():
    assert share_value(total_value=9.33, share_percent=40).part_value == 3.73
    assert share_of_total(part_value=3.2, total_value=8).share_percent == 40.0


def test_an_amount_per_unit():
    found = per_unit_value(total_value=2.94, total_unit="bn", count=418_000)
    assert found.per_unit == 7033.49 and found.total_unit == "billion"
    assert found.expression == "2.94 billion / 418000 = 7033.49"
    assert per_unit_value(total_value=512.4, total_unit="million", count=2_000).per_unit == 256_200.0


def test_comparison():
    found = compare_values(9.33, 6.71, "2031", "2025")
    assert (found.difference, found.ratio) == (2.62, 1.39)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: size_ratio(**STATED, from_year=2031, to_year=2025), "must be before"),
        (lambda: cumulative_size(**STATED, from_year=1900, to_year=2100), "at most 200"),
        (
            lambda: required_cagr(start_value=6.71, start_year=2025, target_value=12, target_year=2025),
            "after",
        ),
        (
            lambda: required_cagr(
                start_value=6.71, start_year=2025, target_value=12, target_year=2031, target_multiple=2
            ),
            "either target_value or target_multiple",
        ),
        (
            lambda: required_cagr(start_value=6.71, start_year=2025, target_value=None, target_year=2031),
            "either target_value or target_multiple",
        ),
        (lambda: share_value(total_value=9, share_percent=140), "between 0 and 100"),
        (lambda: share_of_total(part_value=10, total_value=8), "between 0 and total_value"),
        (lambda: per_unit_value(total_value=2.94, total_unit="billion", count=0), "more than 0"),
        (lambda: per_unit_value(total_value=2.94, total_unit="dozen", count=10), "total_unit"),
        (lambda: year_reaching(**STATED, target_value=-1), "positive"),
        (
            lambda: project_at_rate(base_value=6.71, base_year=2025, assumed_cagr_percent=5, year=99999),
            "2100",
        ),
    ],
)
def test_bad_arguments_are_readable_refusals(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_count_items_counts_each_listed_name_once() -> None:
    found = count_items(["WCG", "Elligo", " ", "WCG", "CMIC"])
    assert found.count == 3 and "3 items" in found.expression


def test_count_items_refuses_a_list_too_long_to_be_a_reports() -> None:
    with pytest.raises(ValueError, match="at most 1000"):
        count_items(["x"] * 1001)


def test_compare_values_adds_the_two_and_gives_the_percent_between_them() -> None:
    found = compare_values(9.33, 6.71, "2031", "2025")
    assert found.total == 16.04 and found.percent_difference == 39.05


def test_remaining_share_is_what_the_parts_leave():
    result = remaining_share([38.5, 27.2])
    assert result.remainder == 34.3 and result.taken == 65.7
    assert result.expression == "100 - (38.50 + 27.20) = 34.30"
    assert remaining_share([52.6]).remainder == 47.4


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ([], "at least one"),
        ([120.0], "between 0 and 100"),
        ([-3.0], "between 0 and 100"),
        ([60.0, 55.0], "more than the whole"),
        ([float("nan")], r"shares\[0\] must be a finite number"),
    ],
)
def test_remaining_share_refuses_shares_that_are_no_parts_of_a_whole(shares, message):
    with pytest.raises(ValueError, match=message):
        remaining_share(shares)
