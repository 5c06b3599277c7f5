"""Reading an answer's text: the numbers in it (with scale, kind and position) and the terms it uses.

Numbers are read as quantities with a scale and a kind, so "USD 8.36 billion", "$8.36bn" and "8,360
million" are the same amount. Terms match case-insensitively as whole words, hyphens and runs of spaces
counting as one space; a ``*`` in a term stands for up to six words ("does not cover the * market").
Positions are offsets into the text as given, so the order of a term and a number can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ALIASES = {
    "thousand": ("thousand", "k"),
    "million": ("million", "millions", "mn", "mln", "mm", "m"),
    "billion": ("billion", "billions", "bn", "b"),
    "trillion": ("trillion", "trillions", "tn"),
}
SCALE_WORDS: dict[str, str] = {alias: unit for unit, aliases in _ALIASES.items() for alias in aliases}
MONEY_UNITS = frozenset(SCALES)
UNITS = MONEY_UNITS | {"percent", "year", "years", "count"}

_NUMBER = re.compile(
    r"(?P<cur>(?:US\$|USD|\$|€|EUR)\s?)?"
    # not a number inside a name ('K-12 schools', '3-NOP')
    # ('an 11,000-square-metre hub' counts 11,000 of a unit; '3-NOP' names a compound)
    # ('mid-2026' dates a year; 'K-12' names a grade)
    r"(?<![\w.,])(?:(?<![A-Za-z]-)|(?<=mid-)|(?<=early-)|(?<=late-)|(?<=end-))"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!-(?!(?:square|sq|cubic|metre|meter|km|kilometre|kilometer|tonne|ton|hectare|acre|mile|litre|liter|year"
    r"|month|day|hour|week|bed|seat|room|store|site|unit|megawatt|mw|kw|person|strong)\b)[A-Za-z])"
    r"(?P<suffix>\s?(?:%|percent\b|per\s?cent\b|pct\b|pp\b|percentage\s+points?\b)"
    r"|\s?(?:trillions?|tn|billions?|bn|b|millions?|mln|mn|mm|m|thousand|k)\b"
    r"|\s(?:years?|yrs?)\b)?",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\[\d+\]")
_ENUMERATOR = re.compile(r"(?m)^\s*\d+[.)]\s")
_DASHES = re.compile(r"[\u2010-\u2015-]")
_WILDCARD = r"(?:[^ ]+ +){0,6}"


@dataclass(frozen=True)
class Quantity:
    """A number read from text: ``raw`` as written, ``scale`` its multiplier, ``kind`` what it measures."""

    text: str
    raw: float
    decimals: int
    kind: str  # "money", "percent", "duration" or "plain"
    scale_word: str | None = None
    position: int = 0  # offset of the match in the text it was read from

    @property
    def absolute(self) -> float:
        """The value with its scale applied: 8.36 billion -> 8.36e9."""
        return self.raw * SCALES.get(self.scale_word or "", 1.0)


def _blank(match: re.Match[str]) -> str:
    """Blank a match out without moving what follows, so positions stay those of the original text."""
    return " " * len(match.group(0))


def quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its scale and kind; citation markers and list enumerators skipped."""
    cleaned = _ENUMERATOR.sub(_blank, _MARKER.sub(_blank, text))
    found: list[Quantity] = []
    for match in _NUMBER.finditer(cleaned):
        number = match.group("num")
        decimals = len(number.split(".")[1]) if "." in number else 0
        raw = float(number.replace(",", ""))
        suffix = (match.group("suffix") or "").strip().lower()
        scale_word: str | None = None
        if suffix in {"%", "percent", "pct", "pp"} or suffix.startswith("per"):
            kind = "percent"
        elif suffix in SCALE_WORDS:
            kind, scale_word = "money", SCALE_WORDS[suffix]
        elif suffix.startswith(("year", "yr")):
            kind = "duration"
        elif match.group("cur"):
            kind = "money"
        else:
            kind = "plain"
        found.append(Quantity(match.group(0).strip(), raw, decimals, kind, scale_word, match.start()))
    return found


def close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance + 1e-9 * max(1.0, abs(b))


def matches(quantity: Quantity, spec: Mapping[str, Any]) -> bool:
    """Whether ``quantity`` states the gold number ``spec`` within its tolerance and unit."""
    unit = spec["unit"]
    value = float(spec["value"])
    tolerance = float(spec.get("tolerance", 0))
    if unit in MONEY_UNITS:
        if quantity.kind != "money":
            return False
        if spec.get("as_unit") and quantity.scale_word != spec["as_unit"]:
            return False
        scale = SCALES[unit]
        return close(quantity.absolute / scale, value, tolerance)
    if unit == "percent":
        return quantity.kind == "percent" and close(quantity.raw, value, tolerance)
    if unit == "year":
        return quantity.kind == "plain" and quantity.decimals == 0 and close(quantity.raw, value, 0)
    if unit == "years":
        return quantity.kind in {"duration", "plain"} and close(quantity.raw, value, tolerance)
    if unit == "count":
        return any(close(v, value, tolerance) for v in (quantity.raw, quantity.absolute))
    raise ValueError(f"unknown gold unit {unit!r}; expected one of {sorted(UNITS)}")


def number_position(text: str, spec: Mapping[str, Any]) -> int | None:
    """Offset of the first number in ``text`` that states ``spec``, else None."""
    return next((q.position for q in quantities(text) if matches(q, spec)), None)


def describe(spec: Mapping[str, Any]) -> str:
    """'8.36 billion ±0.01 (as million)' for messages."""
    text = f"{spec['value']} {spec['unit']}"
    if spec.get("tolerance"):
        text += f" ±{spec['tolerance']}"
    if spec.get("as_unit"):
        text += f" (as {spec['as_unit']})"
    return text


# ---------------------------------------------------------------- terms


def _fold(char: str) -> str:
    folded = char.casefold()
    return folded if len(folded) == 1 else char.lower()


def _searchable(text: str) -> str:
    """Case-folded, quotes straightened, dashes and whitespace made spaces; same length as ``text``."""
    text = "".join(_fold(c) for c in text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s", " ", _DASHES.sub(" ", text))


def _term_pattern(term: str) -> re.Pattern[str]:
    words = _searchable(term).split()
    if not words:
        raise ValueError("an empty term matches nothing; remove it from the gold record")
    parts = [_WILDCARD if word == "*" else re.escape(word) + " +" for word in words]
    body = "".join(parts)
    body = body[: -len(" +")] if body.endswith(" +") else body.rstrip()
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def term_position(text: str, term: str) -> int | None:
    """Offset of the first whole-word occurrence of ``term`` in ``text``, else None."""
    match = _term_pattern(term).search(_searchable(text))
    return match.start() if match else None


def has_term(text: str, term: str) -> bool:
    """Case-insensitive whole-word match; hyphens and runs of spaces count as one space."""
    return term_position(text, term) is not None


def first_of(text: str, options: list[str]) -> int | None:
    """Offset of the earliest of ``options`` (alternatives for one term) in ``text``, else None."""
    found = [p for p in (term_position(text, option) for option in options) if p is not None]
    return min(found) if found else None


def options_of(term: str | list[str]) -> list[str]:
    """A gold term item is a word or a list of alternatives."""
    return [term] if isinstance(term, str) else list(term)


def normalize_heading(heading: str) -> str:
    """A section heading as compared: lower case, punctuation and spaces folded to single spaces."""
    return re.sub(r"[^a-z0-9]+", " ", heading.casefold()).strip()
