"""One number style for every surface and every answer: ``USD 8.36 billion``, ``5.65%``,
``1,212.30``. Amounts keep two decimals unless whole (three under one); percents drop trailing zeros."""

from __future__ import annotations

import re

# An amount as ``format_money`` writes it in an answer ('USD 0.16 billion'), read back
MONEY_SAID = re.compile(
    r"(?P<currency>USD|US\$|EUR|GBP|JPY|CNY|INR)\s(?P<number>\d[\d,]*(?:\.\d+)?)\s"
    r"(?P<unit>thousand|million|billion|trillion)\b"
)


def format_number(value: float, decimals: int = 2) -> str:
    """'1,212.30', '8.36', '6,710' (whole numbers lose their decimals)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{decimals}f}"


def format_money(currency: str | None, amount: float, unit: str | None) -> str:
    """'USD 8.36 billion'; a missing currency or unit is left out. An amount under one keeps a third
    decimal when it has one ('USD 0.435 billion'): two would round away a tenth of its size."""
    number = format_number(amount)
    if 0 < abs(amount) < 1 and not float(amount).is_integer():
        precise = f"{amount:,.3f}"
        number = precise[:-1] if precise.endswith("0") else precise
    return " ".join(part for part in (currency, number, unit) if part)


def format_percent(value: float, decimals: int = 2) -> str:
    """'5.65%', '9%', '6.3%': at most ``decimals`` places, trailing zeros dropped."""
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return f"{text}%"
