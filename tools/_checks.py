"""Argument checks, rounding and number formatting shared by the forecast tools.

Every check raises ``ValueError`` with a message that names the argument and what was wrong, so the
model reading the tool result can correct its call.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

UNITS: tuple[str, ...] = ("thousand", "million", "billion", "trillion")
_UNIT_ALIASES = {  # fmt: skip
    "k": "thousand",
    "thousands": "thousand",
    "th": "thousand",
    "m": "million",
    "mn": "million",
    "mm": "million",
    "mio": "million",
    "millions": "million",
    "b": "billion",
    "bn": "billion",
    "billions": "billion",
    "t": "trillion",
    "tn": "trillion",
    "trillions": "trillion",
}
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_ROWS = 200
# A CAGR above this is not a market forecast; it is a typo or an attempt to break the arithmetic.
MAX_RATE_PERCENT = 1000.0


def number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def size(name: str, value: object) -> float:
    amount = number(name, value)
    if amount <= 0:
        raise ValueError(f"{name} must be a positive market size, got {value!r}")
    return amount


def year(name: str, value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole year such as 2029, got {value!r}")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ValueError(f"{name} must be between {MIN_YEAR} and {MAX_YEAR}, got {value}")
    return value


def rate(value: object) -> float:
    rate = number("cagr_percent", value)
    if rate <= -100:
        raise ValueError(f"cagr_percent must be above -100 (a percent, 5.65 means 5.65 %), got {value!r}")
    if rate > MAX_RATE_PERCENT:
        raise ValueError(f"cagr_percent must be at most {MAX_RATE_PERCENT:g} %, got {value!r}")
    return rate


def normalize_unit(unit: object, name: str = "unit") -> str:
    """'bn', 'Billion', 'billions' -> 'billion'; anything else outside the four scales is refused."""
    if not isinstance(unit, str) or not unit.strip():
        raise ValueError(f"{name} must be one of {', '.join(UNITS)}, got {unit!r}")
    key = unit.strip().lower()
    key = _UNIT_ALIASES.get(key, key)
    if key not in UNITS:
        raise ValueError(f"{name} must be one of {', '.join(UNITS)}, got {unit!r}")
    return key


def currency(currency: object) -> str:
    if not isinstance(currency, str) or not currency.strip() or len(currency.strip()) > 10:
        raise ValueError(f"currency must be a short code such as USD, got {currency!r}")
    return currency.strip().upper()


def round2(value: float) -> float:
    """Half-up to 2 decimals on the shortest decimal form, as a report rounds (8.355 -> 8.36)."""
    return _half_up(value, Decimal("0.01"))


def round3(value: float) -> float:
    """Half-up to 3 decimals on the shortest decimal form (0.4355 -> 0.436)."""
    return _half_up(value, Decimal("0.001"))


def _half_up(value: float, quantum: Decimal) -> float:
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def plain(value: float | Decimal) -> str:
    """Shortest plain decimal text: 6.71 -> '6.71', 2.0 -> '2', 1e-05 -> '0.00001'."""
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def factor(rate: float) -> str:
    """1 + r/100 computed in decimal so the working reads '1.0565', not '1.0565000000000002'."""
    return plain(Decimal(repr(rate)) / 100 + 1)


def two(value: float) -> str:
    return f"{value:.2f}"


def check_stated(stated: dict[int, float] | None) -> dict[int, float]:
    if stated is None:
        return {}
    if not isinstance(stated, dict):
        raise ValueError(f"stated must map years to sizes, got {stated!r}")
    return {year("stated year", y): size(f"stated size for {y}", v) for y, v in stated.items()}
