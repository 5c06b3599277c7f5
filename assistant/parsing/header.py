"""Headline facts from key-value pairs, wherever the layout puts them.

Recognised pair shapes (the key must be one this module knows; anything else is ignored):

- inline ``Key: Value`` lines, bulleted or not ("Market Size (2024): USD 1.2 Billion",
  "• CAGR (2025-2030): 8.9%", "**Forecast Period:** 2025-2030"), also tab- or ``|``-separated cells;
- the web layout where the key is alone on a line and the value is the next short line
  ("Market Size (2025)" / blank / "USD 6.71 Billion"), as in TechSci Research's Report Description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain.report import Money, Named, Period, Rate, Span
from assistant.parsing import numbers as num
from assistant.parsing.lines import Doc, Line, strip_span
from assistant.parsing.sections import Outline

_Y = num.YEAR
_SIZE_KEY = re.compile(
    r"(?:(?:global|total|base[- ]year|estimated|current|projected|forecast(?:ed)?|expected|anticipated)"
    r"\s+)*"
    r"(?:market\s+)?(?:size|value|valuation|revenue)(?:\s+(?:value|estimate|forecast|projection))?"
    rf"(?:\s*\(\s*(?:in\s+)?(?P<y1>{_Y})e?\s*\)|\s+(?:in|for|by|as of)\s+(?P<y2>{_Y}))?"
    rf"|(?P<y3>{_Y})\s+(?:market\s+)?(?:size|value|valuation|revenue)",
    re.I,
)
_CAGR_KEY = re.compile(r"(?:cagr|compound annual growth rate|(?:revenue |market )?growth rate)\b.*", re.I)
_FORECAST_KEY = re.compile(r"forecast(?:\s+(?:period|years|horizon|timeline))?|projection period", re.I)
_BASE_YEAR_KEY = re.compile(r"base\s+year", re.I)
_REGION_KEY = re.compile(
    rf"(?:largest|dominant|dominating|leading|biggest)\s+(?:regional\s+)?(?:market|region)(?:\s*\(\s*{_Y}\s*\))?"
    r"|region with (?:the )?largest share",
    re.I,
)
_SEGMENT_KEY = re.compile(r"fastest[- ]growing\s+(?:market\s+)?segment", re.I)
_PLAYERS_KEY = re.compile(
    r"(?:key|major|leading|prominent)\s+(?:market\s+)?(?:players|companies|vendors)(?:\s+profiled)?"
    r"|companies profiled",
    re.I,
)
_PUBLISHER_KEY = re.compile(r"publisher|published by", re.I)
_KEYS = (
    _SIZE_KEY,
    _CAGR_KEY,
    _FORECAST_KEY,
    _BASE_YEAR_KEY,
    _REGION_KEY,
    _SEGMENT_KEY,
    _PLAYERS_KEY,
    _PUBLISHER_KEY,
)
_ANY_KEY = re.compile("|".join(f"(?:{p.pattern})" for p in _KEYS), re.I)
_INLINE = re.compile(r"(?P<key>[\w*][^:\t|]{1,60}?)\s*(?::|\t+|\s\|\s)\s*(?P<value>\S.*)")
_NAME_END = re.compile(r"\s+\(|\s+[–—-]\s|,\s|;\s|\.\s|\s+with\s|\s+at\s")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")


@dataclass(frozen=True, slots=True)
class Pair:
    """A key and its value, with the value's offsets in the report text."""

    key: str
    start: int
    end: int
    value: str
    key_start: int = -1  # where the key's line starts; -1 when unknown


@dataclass(slots=True)
class HeaderFacts:
    """What the key-value pairs say; None/empty where they are silent."""

    market_size: Money | None = None
    forecast_end: Money | None = None
    cagr: Rate | None = None
    forecast_period: Period | None = None
    largest_region: Named | None = None
    fastest_segment: Named | None = None
    key_players: list[Named] = field(default_factory=list)
    publisher: str | None = None


def pairs(doc: Doc, out: Outline) -> list[Pair]:
    """Every recognised key-value pair, in document order."""
    found: list[Pair] = []
    for line in doc.lines:
        if line.blank or line.index in out.furniture or len(line.text) > 300:
            continue
        pair = _inline(doc, line) or _split(doc, line, out)
        if pair is not None:
            found.append(pair)
    return found


def _known(key: str) -> bool:
    return _ANY_KEY.fullmatch(key) is not None


def _clean_key(key: str) -> str:
    return key.strip().strip("*_").strip().rstrip(":").strip()


def _inline(doc: Doc, line: Line) -> Pair | None:
    text = line.text
    if text.startswith("|"):  # markdown table row: | key | value |
        cells = [c for c in text.strip("|").split("|")]
        if len(cells) >= 2 and _known(_clean_key(cells[0])):
            offset = line.start + text.index("|", 1) + 1
            start, end = strip_span(doc, offset, offset + len(cells[1]), " \t*_")
            return Pair(_clean_key(cells[0]), start, end, doc.text[start:end], line.start)
        return None
    match = _INLINE.fullmatch(text)
    if not match or not _known(_clean_key(match.group("key"))):
        return None
    start, end = strip_span(doc, line.start + match.start("value"), line.end, " \t*_")
    if start >= end:
        return None
    return Pair(_clean_key(match.group("key")), start, end, doc.text[start:end], line.start)


def _split(doc: Doc, line: Line, out: Outline) -> Pair | None:
    if line.bullet or len(line.text) > 60 or not _known(_clean_key(line.text)):
        return None
    value = doc.next_content(line.index, line.index + 4)
    if value is None or value.bullet or len(value.text) > 80 or value.index in out.furniture:
        return None
    if _known(_clean_key(value.text)):
        return None
    return Pair(_clean_key(line.text), value.start, value.end, value.text, line.start)


def header_facts(doc: Doc, found: list[Pair]) -> HeaderFacts:
    """Map recognised pairs to facts; the first pair of each kind wins."""
    facts = HeaderFacts()
    sizes: list[tuple[Money, bool]] = []  # (money, stated as a projection)
    base_year: int | None = None
    for pair in found:
        key = pair.key
        size_key = _SIZE_KEY.fullmatch(key)
        if size_key:
            sizes.extend(_size(doc, pair, size_key))
        elif _CAGR_KEY.fullmatch(key) and facts.cagr is None:
            facts.cagr = _rate(doc, pair)
        elif _FORECAST_KEY.fullmatch(key) and facts.forecast_period is None:
            facts.forecast_period = _period(doc, pair)
        elif _BASE_YEAR_KEY.fullmatch(key) and base_year is None:
            match = num.YEAR_ONLY.search(pair.value)
            base_year = int(match.group("year")) if match else None
        elif _REGION_KEY.fullmatch(key) and facts.largest_region is None:
            facts.largest_region = _name(doc, pair)
        elif _SEGMENT_KEY.fullmatch(key) and facts.fastest_segment is None:
            facts.fastest_segment = _name(doc, pair)
        elif _PLAYERS_KEY.fullmatch(key) and not facts.key_players:
            facts.key_players = name_list(doc, pair.start, pair.end)
        elif _PUBLISHER_KEY.fullmatch(key) and facts.publisher is None:
            facts.publisher = pair.value.strip(" .")
    _assign_sizes(facts, sizes, base_year)
    return facts


def _size(doc: Doc, pair: Pair, key: re.Match[str]) -> list[tuple[Money, bool]]:
    match = num.MONEY.search(pair.value)
    if not match:
        return []
    stated = key.group("y1") or key.group("y2") or key.group("y3")
    year = int(stated) if stated else num.year_after(pair.value, match.end())
    projected = bool(re.search(r"projected|forecast|expected|anticipated", key.group(), re.I))
    money = num.money(doc, match, year, pair.start)
    if stated:
        money = money.model_copy(update={"span": _with_key(doc, pair, money.span.end)})
    return [(money, projected)]


def _with_key(doc: Doc, pair: Pair, end: int) -> Span:
    """The span from the key's line to ``end``: the year the key states ('Market Size (2025)') is
    then part of the quote, so an answer that names the year is grounded in it."""
    start = pair.key_start if 0 <= pair.key_start < end else pair.start
    return doc.span(start, end)


def _assign_sizes(facts: HeaderFacts, sizes: list[tuple[Money, bool]], base_year: int | None) -> None:
    end_year = facts.forecast_period.end_year if facts.forecast_period else None
    dated: list[Money] = []
    for money, projected in sizes:
        if money.year is None:
            # An undated size takes the stated base year, or the forecast end if it is a projection.
            year = end_year if projected else base_year
            if year is None:
                continue
            money = money.model_copy(update={"year": year})
        dated.append(money)
    if not dated:
        return
    dated.sort(key=lambda m: m.year or 0)
    first, last = dated[0], dated[-1]
    facts.market_size = first
    if last.year != first.year:
        facts.forecast_end = last


def _rate(doc: Doc, pair: Pair) -> Rate | None:
    match = num.PERCENT.search(pair.value)
    if not match:
        return None
    key_years = num.year_range(pair.key)
    rate = num.rate(doc, match, key_years or num.year_range(pair.value), pair.start)
    if rate is not None and key_years:
        rate = rate.model_copy(update={"span": _with_key(doc, pair, rate.span.end)})
    return rate


def _period(doc: Doc, pair: Pair) -> Period | None:
    for match in num.YEAR_RANGE.finditer(pair.value):
        first, last = int(match.group("y1")), int(match.group("y2"))
        if first < last:
            span = doc.span(pair.start + match.start(), pair.start + match.end())
            return Period(start_year=first, end_year=last, span=span)
    return None


def _name(doc: Doc, pair: Pair) -> Named | None:
    cut = _NAME_END.search(pair.value)
    end = pair.start + (cut.start() if cut else len(pair.value))
    start, end = strip_span(doc, pair.start, end)
    if start >= end or not doc.text[start].isalpha():
        return None
    return Named(name=doc.text[start:end], span=doc.span(start, end))


def name_list(doc: Doc, start: int, end: int) -> list[Named]:
    """Names in a comma/semicolon/'and' separated list between ``start`` and ``end``."""
    names: list[Named] = []
    position = start
    for match in [*_LIST_SPLIT.finditer(doc.text, start, end), None]:
        stop = match.start() if match else end
        a, b = strip_span(doc, position, stop, " \t,;:")
        if b > a and doc.text[a].isalnum():
            names.append(Named(name=doc.text[a:b], span=doc.span(a, b)))
        if match:
            position = match.end()
    return names
