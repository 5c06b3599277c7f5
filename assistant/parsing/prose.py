"""Headline facts stated in prose, used only where no key-value pair gave them.

"The market was valued at USD 1.2 billion in 2024 and is expected to reach USD 2.0 billion by 2030,
growing at a CAGR of 8.9% from 2025 to 2030." Each pattern needs its anchor words ("valued at",
"reach ... by", "CAGR of", "dominated", "fastest-growing segment"); a sentence without them yields
nothing, so an unknown layout leaves the fact out instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.domain.report import Money, Named, Period, Rate
from assistant.parsing import numbers as num
from assistant.parsing.lines import Doc
from assistant.parsing.sections import Outline

_ABOUT = (
    r"(?:(?:approximately|around|about|nearly|roughly|almost|over|an estimated|a value of|a total of)\s+)?"
)
_BASE = re.compile(
    r"\b(?:valued at|estimated at|estimated to be|worth|accounted for|stood at|was|were|size of|at|from"
    rf"|reached|generated|of)\s+{_ABOUT}(?P<money>{num.MONEY_PATTERN})\s*,?\s+(?:in|during|for|as of)\s+"
    rf"(?:the year\s+)?(?P<year>{num.YEAR})\b",
    re.I,
)
_END = re.compile(
    r"\b(?:reach|reaching|reaches|to|hit|surpass|surpassing|exceed|exceeding|touch|attain|be worth|of)\s+"
    rf"{_ABOUT}(?P<money>{num.MONEY_PATTERN})\s*,?\s+(?:by|in|through|until|at the end of)\s+"
    rf"(?:the year\s+)?(?P<year>{num.YEAR})\b",
    re.I,
)
_PCT = r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s?cent\b)"
_CAGR = re.compile(
    rf"(?:\bCAGR\b|compound annual growth rate)(?:\s*\(CAGR\))?\s+(?:of\s+)?(?:(?:approximately|around|about"
    rf"|nearly|roughly|over)\s+)?{_PCT}"
    rf"|{_PCT.replace('pct', 'pct2')}\s+(?:CAGR\b|compound annual growth rate)",
    re.I,
)
_CAGR_YEARS = re.compile(
    r"\s*,?\s*(?:\(|(?:from|between|during|over|for|in)\s+(?:the\s+)?(?:forecast\s+)?(?:period\s+)?(?:of\s+)?\(?)"
    rf"(?P<y1>{num.YEAR})\s*(?:-|–|—|to|and|through)\s*(?P<y2>{num.YEAR})",
    re.I,
)
_FORECAST = re.compile(
    rf"forecast (?:period|years)\s*(?:of|from|between|,|:)?\s*\(?(?P<y1>{num.YEAR})"
    rf"\s*(?:-|–|—|to|and)\s*(?P<y2>{num.YEAR})\b",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
# A capitalised name of up to four words, not starting with an article or a preposition.
_RUN = (
    r"\b(?!(?:The|A|An|In|On|By|This|Its|Our|Their|However|Overall)\b)"
    r"[A-Z][\w.&'-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w.&'-]*){0,3}"
)
_REGION_PROSE = re.compile(
    rf"(?P<name>{_RUN})(?:\s+region)?\s+(?:dominated|dominates|dominating\b"
    r"|(?:held|holds|accounted for|accounts for|captured|captures|commanded|commands|is|was|remains|remained"
    r"|emerged as|maintains|maintained|represents|represented)\s+(?:the\s+|a\s+)?"
    r"(?:largest|dominant|dominating|leading|biggest|highest|major)\b)"
    rf"|(?:largest|dominant|dominating|leading)\s+region\s+(?:is|was|remains)\s+(?P<name2>{_RUN})",
)
_REGION_HINT = re.compile(r"domina|largest|leading|biggest|highest|major")
_GEO = re.compile(
    r"america|europe|asia|pacific|apac|africa|middle east|\bmea\b|latin|oceania|emea|nordic|\bgcc\b|china"
    r"|japan|india|germany|united states|\bu\.?s\.?\b|\buk\b|united kingdom|france|brazil|canada|korea"
    r"|australia|mexico|italy|spain|russia|saudi|emirates|\buae\b|indonesia|region",
    re.I,
)
_SEGMENT_PROSE = re.compile(
    rf"(?P<name>{_RUN})\s+segment\s+(?:is|was|constitutes|represents|remains|emerged as|is expected to be"
    r"|is projected to be|is anticipated to be|is poised to be)\s+(?:the\s+)?fastest[- ]growing"
    rf"|(?P<name2>{_RUN})\s+(?:is|was|remains|emerged as)\s+the\s+fastest[- ]growing\s+segment"
    rf"|fastest[- ]growing\s+segment\s+(?:is|was|will be)\s+(?P<name3>{_RUN})"
    rf"|(?P<name4>{_RUN})\s+segment\s+is\s+(?:expected|projected|anticipated|forecast)\s+to\s+"
    r"(?:grow|register|witness|expand|record)\s+(?:at\s+)?the\s+fastest",
)


@dataclass(slots=True)
class ProseFacts:
    market_size: Money | None = None
    forecast_end: Money | None = None
    cagr: Rate | None = None
    forecast_period: Period | None = None
    largest_region: Named | None = None
    fastest_segment: Named | None = None


def sentences(doc: Doc, out: Outline) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for every sentence of the non-furniture text, in order."""
    for line in doc.lines:
        if line.blank or line.index in out.furniture:
            continue
        position = 0
        for match in _SENTENCE_END.finditer(line.text):
            yield line.start + position, line.text[position : match.start()]
            position = match.end()
        yield line.start + position, line.text[position:]


def prose_facts(doc: Doc, out: Outline) -> ProseFacts:
    """The headline sentence's figures plus the largest region and fastest segment, if stated."""
    facts = ProseFacts()
    all_sentences = list(sentences(doc, out))
    for position, (offset, sentence) in enumerate(all_sentences):
        base = _BASE.search(sentence)
        if base is None or "market" not in sentence.lower():
            continue
        facts.market_size = num.money(doc, base, int(base.group("year")), offset)
        # The forecast and the rate are in the same sentence or the next two.
        for later_offset, later in all_sentences[position : position + 3]:
            if facts.forecast_end is None:
                facts.forecast_end = _end(doc, later, later_offset, facts.market_size)
            if facts.cagr is None:
                facts.cagr = cagr(doc, later, later_offset)
        break
    if facts.cagr is None:
        facts.cagr = next(
            (r for o, s in all_sentences if "market" in s.lower() and (r := cagr(doc, s, o)) is not None),
            None,
        )
    for offset, sentence in all_sentences:
        if facts.forecast_period is None and "orecast" in sentence:
            facts.forecast_period = _period(doc, sentence, offset)
        # Cheap word checks first: the name patterns try every capital letter of a sentence.
        if facts.largest_region is None and _REGION_HINT.search(sentence):
            facts.largest_region = _named(doc, _REGION_PROSE, sentence, offset, geo=True)
        if facts.fastest_segment is None and "fastest" in sentence:
            facts.fastest_segment = _named(doc, _SEGMENT_PROSE, sentence, offset, geo=False)
    return facts


def _period(doc: Doc, sentence: str, offset: int) -> Period | None:
    match = _FORECAST.search(sentence)
    if match is None or int(match.group("y1")) >= int(match.group("y2")):
        return None
    span = doc.span(offset + match.start("y1"), offset + match.end("y2"))
    return Period(start_year=int(match.group("y1")), end_year=int(match.group("y2")), span=span)


def _end(doc: Doc, sentence: str, offset: int, base: Money) -> Money | None:
    for match in _END.finditer(sentence):
        year = int(match.group("year"))
        money = num.money(doc, match, year, offset)
        if base.year is not None and year > base.year and money.span.start != base.span.start:
            return money
    return None


def cagr(doc: Doc, sentence: str, offset: int) -> Rate | None:
    """The CAGR a sentence states, with its years when they follow the figure."""
    match = _CAGR.search(sentence)
    if match is None:
        return None
    group = "pct" if match.group("pct") else "pct2"
    years_match = _CAGR_YEARS.match(sentence, match.end())
    if years_match is None:
        tail = re.compile(r"\s+(?:CAGR\b|compound annual growth rate)", re.I).match(
            sentence, match.end(group)
        )
        years_match = _CAGR_YEARS.match(sentence, tail.end()) if tail else None
    years = (int(years_match.group("y1")), int(years_match.group("y2"))) if years_match else None
    if years and years[0] >= years[1]:
        years = None
    span = doc.span(
        offset + match.start(group), offset + match.end(group) + _pct_tail(sentence, match.end(group))
    )
    return Rate(
        percent=float(match.group(group)),
        start_year=years[0] if years else None,
        end_year=years[1] if years else None,
        span=span,
    )


def _pct_tail(sentence: str, end: int) -> int:
    """Include the '%' sign in the span (the group stops at the number)."""
    tail = re.match(r"\s?(?:%|percent\b|per\s?cent\b)", sentence[end:], re.I)
    return tail.end() if tail else 0


def _named(doc: Doc, pattern: re.Pattern[str], sentence: str, offset: int, geo: bool) -> Named | None:
    for match in pattern.finditer(sentence):
        group = next(
            g for g in ("name", "name2", "name3", "name4") if g in match.re.groupindex and match.group(g)
        )
        name = match.group(group)
        if geo and not _GEO.search(name):
            continue
        start = offset + match.start(group)
        return Named(name=name, span=doc.span(start, start + len(name)))
    return None
