"""Figures in a piece of text and the years they refer to, before they are typed as quantities.

A figure is money with a scale ("USD 6.71 Billion", "$4.2 bn"), a price (a currency figure followed
by "per <measure>"), a percentage, or an amount of a measure ("48,200 units", "1,245.6 kilo tons",
"41.6 million tests" after a counting verb). Years are read next to the figure: right after it
("in 2024", "by 2032", "(2030)", "from 2025 to 2032"), else in the words since the previous figure,
else in a lead-in before the sentence's first figure ("In 2024, ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.domain.report import Unit
from assistant.parsing import numbers as num
from assistant.parsing import vocab

FigureKind = Literal["money", "price", "percent", "amount"]

_Y = num.YEAR
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = r"US\s?\$|USD|US\s+dollars?|\$|EUR|€|GBP|£|JPY|¥|INR|₹|CNY|RMB"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_PRICE = re.compile(
    rf"(?P<cur>{_CURRENCY})\s?(?P<num>{_NUMBER})(?:\s*(?P<unit>thousand|million|billion|mn|bn|[KMB])\b)?"
    r"\s*(?:/\s*|(?:per|a|an)\s+)(?P<measure>(?:metric\s+)?[a-zA-Z][\w-]*"
    r"(?:\s+(?!(?:in|by|for|of|and|or|at|on|to|from|during|with|as|was|were|is|are)\b)[a-z][\w-]*)?)",
    re.I,
)
# 'an average selling price of roughly USD 117,000 for new systems': a price the words before name,
# of one unit of what the market sells
_PRICE_NAMED = re.compile(
    r"\b(?:(?:average\s+)?(?:selling\s+|unit\s+|list\s+|retail\s+)?price|ASP)\s+(?:of\s+)?"
    r"(?:(?:about|around|roughly|approximately|nearly|some|just\s+over|just\s+under)\s+)?"
    rf"(?P<cur>{_CURRENCY})\s?(?P<num>{_NUMBER})(?!\s*(?:thousand|million|billion|mn|bn|[KMB])\b)(?![\d,.]*\d)",
    re.I,
)
_PERCENT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s?cent\b)", re.I)
_VOLUME = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?:(?P<scale>thousand|million|billion)\s+)?(?P<measure>{vocab.pattern('measures', 'volume-measures')})(?![\w])",
    re.I,
)
# "ran an estimated 41.6 million tests in 2024": a counting verb before the number, read backwards
# from the number (a pattern that opened with the verbs would be tried at every letter).
_COUNT = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?:(?P<scale>thousand|million|billion)\s+)?"
    rf"(?P<measure>[a-zA-Z][\w-]*(?:\s+[a-zA-Z][\w-]*){{0,3}}?)"
    # "shipped 4.3 million fixtures to vertical farms in 2024": a short phrase may follow the measure.
    rf"(?=(?:\s+(?:to|for|across|at|from)\s+[\w-]+(?:\s+[\w-]+){{0,2}}?)?\s*,?\s+(?:in|during|by|for|as of)\s+{_Y}\b)",
    re.I,
)
_COUNT_VERB = re.compile(
    rf"\b(?:{vocab.pattern('measures', 'count-words')}|{vocab.pattern('measures', 'volume-words')})\s+"
    r"(?:(?:an estimated|about|around|approximately|nearly|roughly|over|more than|some|almost|close to)\s+)?$",
    re.I,
)
_DIGIT = re.compile(r"\d")
# "96,500 electric outboard motors were sold in 2023": the verb after the measure.
_COUNT_AFTER = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?:(?P<scale>thousand|million|billion)\s+)?"
    r"(?P<measure>[a-zA-Z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s+(?:were|was|have been|had been)\s+"
    r"(?:sold|shipped|installed|deployed|delivered|produced|manufactured|consumed|registered|performed|"
    r"conducted|commissioned|in operation|in service)\b)",
    re.I,
)
# "2,315 shore power berths in operation at the end of 2024": a count of what is in service.
_COUNT_STATE = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?:(?P<scale>thousand|million|billion)\s+)?"
    r"(?P<measure>[a-zA-Z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s+(?:(?:were|was|are|is)\s+)?"
    r"(?:in operation|in service|in use|operational|on the road)\b)",
    re.I,
)
_IN_SERVICE = re.compile(r"\b(?:in operation|in service|in use|operational|on the road)\b", re.I)
_TO_YEAR = re.compile(
    rf"[^\d.;]{{0,30}}?\b(?:to|through|until|till|by)\s+(?P<year>{_Y})\b(?!\s*(?:-|–|—)\s*{_Y})", re.I
)
_YEAR_AFTER = re.compile(
    rf"[^\d.;]{{0,60}}?\b(?:in|by|for|as of|through|until|during|at the end of|of|since)\s+(?:the\s+(?:year\s+)?|FY\s*)?"
    rf"(?P<year>{_Y})\b(?!\s*(?:-|–|—|to|and|through)\s*{_Y})"
    rf"|\s*\(\s*(?:in\s+)?(?P<year2>{_Y})e?\s*\)",
    re.I,
)
_THAT_YEAR = re.compile(r"\s*(?:in\s+)?(?:that|the same)\s+year\b", re.I)
_RANGE_AFTER = re.compile(
    r"[^\d.;]{0,60}?(?:\bfrom|\bbetween|\bduring|\bover|\bfor|\bin|\bthrough|\()\s*(?:the\s+)?(?:(?:forecast|analysis|projection|review|study)\s+)?"
    rf"(?:period\s+)?(?:of\s+)?(?:years\s+)?\(?\s*(?P<y1>{_Y})\s*(?:-|–|—|to|and|through|until)\s*(?P<y2>{_Y})\b",
    re.I,
)
_FORECAST_AFTER = re.compile(
    r"[^\d.;]{0,40}?\b(?:during|over|in|for|through(?:out)?|across)\s+the\s+(?:entire\s+)?"
    r"(?:forecast|projection|projected|review|study|analysis|outlook)\s+(?:period|years|timeframe|horizon|timeline)",
    re.I,
)
_RANGE_BEFORE = re.compile(
    rf"\(?\s*(?P<y1>{_Y})\s*(?:-|–|—|to)\s*(?P<y2>{_Y})\s*\)?\s*(?:CAGR\b)?[^\d]{{0,30}}$", re.I
)
_YEAR_BEFORE = re.compile(
    rf"\b(?:in|as of|during|by|for)\s+(?:the\s+year\s+|FY\s*)?(?P<year>{_Y})\b(?!\s*(?:-|–|—|to|and)\s*{_Y})",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a text; offsets are relative to that text."""

    kind: FigureKind
    start: int
    end: int
    value: float
    unit: Unit | None = None
    currency: str | None = None
    measure: str | None = None
    anchored: bool = False  # an amount read with its counting verb ("shipped 126,000 robots")


def currency_code(raw: str) -> str:
    """'US$', '$', 'USD', 'US dollars' -> 'USD'; '€' -> 'EUR'; 'RMB' -> 'CNY'."""
    code = re.sub(r"\s+", "", raw.upper())
    if code.startswith("US"):
        return "USD"
    return {"$": "USD", "€": "EUR", "EURO": "EUR", "EUROS": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}.get(
        code, "CNY" if code == "RMB" else code
    )


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _overlaps(found: list[Figure], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def find(text: str) -> list[Figure]:
    """Every figure in ``text``, in order; money first, so '$4.2 billion' is never also an amount."""
    found: list[Figure] = []
    if not _DIGIT.search(text):
        return found
    for match in num.MONEY.finditer(text):
        unit = (match.group("unit") or match.group("unit2")).lower()
        money_unit = num.UNIT_NAMES[unit]
        currency = currency_code(match.group("cur") or match.group("cur2"))
        value = _number(match.group("num") or match.group("num2"))
        price = _PRICE.match(text, match.start())
        if price and price.end() > match.end() and not price.group("measure").lower().startswith("year"):
            found.append(
                Figure(
                    "price",
                    match.start(),
                    price.end(),
                    value,
                    money_unit,
                    currency,
                    "per " + price.group("measure"),
                )
            )
            continue
        found.append(Figure("money", match.start(), match.end(), value, money_unit, currency))
    for match in _PRICE.finditer(text):
        if _overlaps(found, match.start(), match.end()) or match.group("measure").lower().startswith("year"):
            continue
        unit = match.group("unit")
        found.append(
            Figure(
                "price",
                match.start(),
                match.end(),
                _number(match.group("num")),
                num.UNIT_NAMES[unit.lower()] if unit else None,
                currency_code(match.group("cur")),
                "per " + match.group("measure"),
            )
        )
    for match in _PRICE_NAMED.finditer(text):
        start = match.start("cur")
        if not _overlaps(found, start, match.end()):
            value = _number(match.group("num"))
            found.append(
                Figure(
                    "price", start, match.end(), value, None, currency_code(match.group("cur")), "per unit"
                )
            )
    for match in _PERCENT.finditer(text):
        if not _overlaps(found, match.start(), match.end()):
            found.append(Figure("percent", match.start(), match.end(), float(match.group("num"))))
    # The in-service pattern is tried only where its words are: it would otherwise try every number.
    in_service = _IN_SERVICE.search(text) is not None
    for pattern in (
        (_VOLUME, _COUNT, _COUNT_AFTER, _COUNT_STATE) if in_service else (_VOLUME, _COUNT, _COUNT_AFTER)
    ):
        for match in pattern.finditer(text):
            start = match.start("num")
            if _overlaps(found, start, match.end()) or _is_year(match.group("num")):
                continue
            if pattern is _COUNT and not _COUNT_VERB.search(text, max(0, start - 60), start):
                continue
            scale = _SCALE.get((match.group("scale") or "").lower(), 1.0)
            measure = re.sub(r"\s+", " ", match.group("measure"))
            found.append(
                Figure(
                    "amount",
                    start,
                    match.end(),
                    _number(match.group("num")) * scale,
                    measure=measure,
                    anchored=pattern is not _VOLUME,
                )
            )
    return sorted(found, key=lambda f: f.start)


def _is_year(raw: str) -> bool:
    return re.fullmatch(_Y, raw) is not None


@dataclass(frozen=True, slots=True)
class Years:
    """The years a figure refers to and where the text stating them ends (-1: none read)."""

    start: int | None = None
    end: int | None = None
    until: int = -1
    forecast_phrase: bool = False  # "over the forecast period": the page's forecast period applies
    # With forecast_phrase: "to 2033" states only the end; the forecast period applies if it ends then.


def single_year(text: str, figure: Figure, since: int, lead_end: int) -> Years:
    """A one-year figure's year: after it, else since the previous figure, else in the lead-in."""
    if _THAT_YEAR.match(text, figure.end):
        # 'orders fell in 2020 and the market contracted to USD 871 million that year'
        said = list(_YEAR_BEFORE.finditer(text, 0, figure.start))
        if said:
            year = int(said[-1].group("year"))
            return Years(year, year)
    after = _YEAR_AFTER.match(text, figure.end)
    if after:
        year = int(after.group("year") or after.group("year2"))
        return Years(year, year, after.end())
    for window_start, window_end in ((since, figure.start), (0, lead_end)):
        before = list(_YEAR_BEFORE.finditer(text, window_start, max(window_start, window_end)))
        if before:
            year = int(before[-1].group("year"))
            return Years(year, year)
    return Years()


def year_range(text: str, figure: Figure, lead_end: int) -> Years:
    """A rate's years: a range after it, a range just before it ('CAGR (2025-2030) of'), a range in
    the lead-in, or a forecast-period phrase."""
    after = _RANGE_AFTER.match(text, figure.end)
    if after and int(after.group("y1")) < int(after.group("y2")):
        return Years(int(after.group("y1")), int(after.group("y2")), after.end())
    before = _RANGE_BEFORE.search(text, max(0, figure.start - 40), figure.start)
    if before and int(before.group("y1")) < int(before.group("y2")):
        return Years(int(before.group("y1")), int(before.group("y2")))
    lead = [m for m in num.YEAR_RANGE.finditer(text, 0, lead_end) if int(m.group("y1")) < int(m.group("y2"))]
    if lead:
        return Years(int(lead[-1].group("y1")), int(lead[-1].group("y2")))
    phrase = _FORECAST_AFTER.match(text, figure.end)
    if phrase:
        return Years(until=phrase.end(), forecast_phrase=True)
    to_year = _TO_YEAR.match(text, figure.end)
    if to_year:
        return Years(end=int(to_year.group("year")), until=to_year.end(), forecast_phrase=True)
    single = _YEAR_AFTER.match(text, figure.end)
    if single:
        year = int(single.group("year") or single.group("year2"))
        return Years(year, year, single.end())
    return Years()
