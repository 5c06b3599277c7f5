"""Precompiled patterns for money, percentages and years, and their conversion to typed facts."""

from __future__ import annotations

import re

from assistant.domain.report import Money, Rate, Unit
from assistant.parsing.lines import Doc

YEAR = r"(?:19|20)\d{2}"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = r"US\s?\$|USD|US\s+dollars?|\$|EUR|€|GBP|£|JPY|¥|INR|₹|CNY|RMB"
_UNIT = r"thousand|million|billion|trillion|mln|bln|mn|bn|tn|[KMBT]"
MONEY_PATTERN = (
    rf"(?:(?P<cur>{_CURRENCY})\s?(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})\b"
    rf"|(?P<num2>{_NUMBER})\s*(?P<unit2>{_UNIT})\s+(?P<cur2>USD|US\s+dollars?|EUR|euros?)\b)"
)
MONEY = re.compile(MONEY_PATTERN, re.I)
PERCENT = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s?cent\b)", re.I)
YEAR_RANGE = re.compile(rf"(?P<y1>{YEAR})\s*(?:-|–|—|to|through|and|until)\s*(?P<y2>{YEAR})\b", re.I)
YEAR_ONLY = re.compile(rf"\b(?P<year>{YEAR})\b")
# "by 2030", "in 2024", "(2030)": the year a money figure refers to when it follows the figure.
YEAR_AFTER = re.compile(rf"\s*(?:\(\s*|,?\s*(?:in|by|for|as of|through|until)\s+)(?P<year>{YEAR})\b", re.I)

_UNITS: dict[str, Unit] = {
    "thousand": "thousand",
    "k": "thousand",
    "million": "million",
    "mn": "million",
    "mln": "million",
    "m": "million",
    "billion": "billion",
    "bn": "billion",
    "bln": "billion",
    "b": "billion",
    "trillion": "trillion",
    "tn": "trillion",
    "t": "trillion",
}
UNIT_NAMES = _UNITS  # every spelling of a scale ('bn', 'B', 'billion') to its Unit

_CURRENCIES = {
    "$": "USD",
    "€": "EUR",
    "EURO": "EUR",
    "EUROS": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "RMB": "CNY",
}
UNIT_SCALE: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def money(doc: Doc, match: re.Match[str], year: int | None, offset: int = 0) -> Money:
    """A Money from a MONEY match found in a string that starts at ``offset`` of the report text.

    When the pattern wraps MONEY_PATTERN in a group named ``money``, the span is that group.
    """
    group = "money" if "money" in match.re.groupindex else 0
    num = match.group("num") or match.group("num2")
    unit = (match.group("unit") or match.group("unit2")).lower()
    cur = re.sub(r"\s+", "", (match.group("cur") or match.group("cur2")).upper())
    if cur.startswith("US"):
        cur = "USD"
    return Money(
        amount=float(num.replace(",", "")),
        unit=_UNITS[unit],
        currency=_CURRENCIES.get(cur, cur),
        year=year,
        span=doc.span(offset + match.start(group), offset + match.end(group)),
    )


def year_after(text: str, pos: int) -> int | None:
    """The year stated right after position ``pos`` ("... in 2024", "... by 2030", "(2030)")."""
    match = YEAR_AFTER.match(text, pos)
    return int(match.group("year")) if match else None


def rate(doc: Doc, match: re.Match[str], years: tuple[int, int] | None, offset: int = 0) -> Rate:
    """A Rate from a PERCENT match; ``years`` is the period the CAGR covers, if stated."""
    return Rate(
        percent=float(match.group("pct")),
        start_year=years[0] if years else None,
        end_year=years[1] if years else None,
        span=doc.span(offset + match.start(), offset + match.end()),
    )


def year_range(text: str) -> tuple[int, int] | None:
    """The first increasing year range in ``text`` ("2026-2031", "2025 to 2030")."""
    for match in YEAR_RANGE.finditer(text):
        first, last = int(match.group("y1")), int(match.group("y2"))
        if first < last:
            return first, last
    return None


def decimals(number_text: str) -> int:
    """Decimals a figure was written with: '9.33' -> 2, '12' -> 0. The figure is the last number,
    so a quote that starts with its key ('Market Size (2025) USD 9.33 Billion') reads 2."""
    matches = re.findall(r"\d+(?:,\d{3})*(?:\.(\d+))?", number_text)
    return len(matches[-1] or "") if matches else 0
