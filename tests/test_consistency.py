"""The headline arithmetic check: base x (1 + CAGR)^years against the stated end, at its rounding."""

from __future__ import annotations

from assistant.domain.report import FactSheet, Money, Rate, Span, Unit
from assistant.parsing.consistency import check_consistency


def span(text: str) -> Span:
    return Span(file="facts.txt", start=0, end=len(text), text=text)


def money(text: str, amount: float, unit: Unit, year: int | None) -> Money:
    return Money(amount=amount, unit=unit, currency="USD", year=year, span=span(text))


def rate(percent: float, text: str | None = None) -> Rate:
    return Rate(percent=percent, start_year=None, end_year=None, span=span(text or f"{percent}%"))


def sheet(base: Money | None, cagr: Rate | None, end: Money | None) -> FactSheet:
    return FactSheet(market_size=base, cagr=cagr, forecast_end=end)


def test_seed_figures_agree() -> None:
    result = check_consistency(
        sheet(
            money("USD 6.71 Billion", 6.71, "billion", 2025),
            rate(5.65, "5.65%"),
            money("USD 9.33 Billion", 9.33, "billion", 2031),
        )
    )
    assert result.status == "agree"
    assert result.message == "6.71 x 1.0565^6 = 9.33, matches the stated USD 9.33 billion (2031)"
    assert result.years == 6 and result.computed_end is not None and abs(result.computed_end - 9.3312) < 1e-3
    assert result.implied_percent is not None and abs(result.implied_percent - 5.6477) < 1e-3


def test_changed_base_disagrees_and_gives_implied_cagr() -> None:
    result = check_consistency(
        sheet(
            money("USD 7.00 Billion", 7.0, "billion", 2025),
            rate(5.65),
            money("USD 9.33 Billion", 9.33, "billion", 2031),
        )
    )
    assert result.status == "disagree"
    assert result.message.startswith(
        "7.00 x 1.0565^6 = 9.73, does not match the stated USD 9.33 billion (2031)"
    )
    assert "imply a CAGR of 4.91 %" in result.message
    assert result.implied_percent is not None and abs(result.implied_percent - 4.906) < 0.01


def test_units_are_converted() -> None:
    # USD 845.0 million growing 6.2 % a year for six years is USD 1.21 billion.
    result = check_consistency(
        sheet(
            money("USD 845.0 Million", 845.0, "million", 2024),
            rate(6.2),
            money("USD 1.21 Billion", 1.21, "billion", 2030),
        )
    )
    assert result.status == "agree"
    assert result.message == "845.0 x 1.062^6 = 1.21, matches the stated USD 1.21 billion (2030)"


def test_rounded_inputs_are_tolerated_but_said() -> None:
    # 1.2 x 1.09^6 = 2.01, yet a base of 1.15-1.25 and a CAGR of 8.5-9.5 % can give 2.05.
    result = check_consistency(
        sheet(
            money("USD 1.2 Billion", 1.2, "billion", 2024),
            rate(9, "9%"),
            money("USD 2.05 Billion", 2.05, "billion", 2030),
        )
    )
    assert result.status == "agree"
    assert "within the rounding of the stated base and CAGR" in result.message
    far = check_consistency(
        sheet(
            money("USD 1.2 Billion", 1.2, "billion", 2024),
            rate(9, "9%"),
            money("USD 2.50 Billion", 2.5, "billion", 2030),
        )
    )
    assert far.status == "disagree"


def test_missing_inputs_are_unknown() -> None:
    result = check_consistency(sheet(money("USD 6.71 Billion", 6.71, "billion", 2025), None, None))
    assert result.status == "unknown"
    assert "CAGR" in result.message and "forecast-end market size" in result.message
    assert result.implied_percent is None
    undated = check_consistency(
        sheet(
            money("USD 6.71 Billion", 6.71, "billion", None),
            rate(5.65),
            money("USD 9.33 Billion", 9.33, "billion", 2031),
        )
    )
    assert undated.status == "unknown" and "base year" in undated.message


def test_end_not_after_base_is_unknown() -> None:
    result = check_consistency(
        sheet(
            money("USD 6.71 Billion", 6.71, "billion", 2031),
            rate(5.65),
            money("USD 9.33 Billion", 9.33, "billion", 2031),
        )
    )
    assert result.status == "unknown"
    assert "not after the base year" in result.message


def test_different_currencies_are_unknown() -> None:
    end = Money(amount=9.33, unit="billion", currency="EUR", year=2031, span=span("EUR 9.33 billion"))
    result = check_consistency(sheet(money("USD 6.71 Billion", 6.71, "billion", 2025), rate(5.65), end))
    assert result.status == "unknown" and "EUR" in result.message
