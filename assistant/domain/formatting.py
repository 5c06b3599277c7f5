"""One number style for every surface and every answer: ``USD 8.36 billion``, ``5.65%``,
``1,212.30``. Amounts keep two decimals unless whole; percents drop trailing zeros."""

from __future__ import annotations


def format_number(value: float, decimals: int = 2) -> str:
    """'1,212.30', '8.36', '6,710' (whole numbers lose their decimals)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{decimals}f}"


def format_money(currency: str | None, amount: float, unit: str | None) -> str:
    """'USD 8.36 billion'; a missing currency or unit is left out."""
    return " ".join(part for part in (currency, format_number(amount), unit) if part)


def format_percent(value: float, decimals: int = 2) -> str:
    """'5.65%', '9%', '6.3%': at most ``decimals`` places, trailing zeros dropped."""
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return f"{text}%"
