"""Named headline facts stated in prose, used only where no key-value pair gave them: the forecast
period ("during the forecast period (2025-2032)"), the largest region ("North America dominated
...") and the fastest-growing segment. Figures are read by ``assistant.parsing.prose_figures``.

Each pattern needs its anchor words ("forecast period", "dominated", "fastest-growing segment"); a
sentence without them yields nothing, so an unknown layout leaves the fact out instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.domain.report import Named, Period, StatedNumber
from assistant.parsing import numbers as num
from assistant.parsing import passages
from assistant.parsing.lines import Doc
from assistant.parsing.passages import Passage
from assistant.parsing.sections import Outline

_FORECAST = re.compile(
    rf"forecast (?:period|years)\s*(?:of|from|between|,|:)?\s*\(?(?P<y1>{num.YEAR})"
    rf"\s*(?:-|–|—|to|and)\s*(?P<y2>{num.YEAR})\b"
    # '2024-2032 is the forecast period'
    rf"|\b(?P<y3>{num.YEAR})\s*(?:-|–|—|to)\s*(?P<y4>{num.YEAR})\s+(?:is|as|was|forms)\s+the\s+forecast\s+period",
    re.I,
)
# A capitalised name of up to four words, not starting with an article or a preposition.
_RUN = (
    # not a unit after a figure ('the above 150°C segment')
    r"\b(?<![\d°º])(?!(?:The|A|An|In|On|By|This|Its|Our|Their|However|Overall)\b)"
    r"[A-Z][\w.&'-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w.&'-]*){0,3}"
)
_REGION_PROSE = re.compile(
    rf"(?P<name>{_RUN})(?:\s+region)?\s+(?:dominated|dominates|dominating\b"
    r"|(?:held|holds|accounted for|accounts for|captured|captures|commanded|commands|is|was|remains|remained"
    r"|emerged as|maintains|maintained|represents|represented)\s+(?:the\s+|a\s+)?"
    # 'the largest single country market', 'the largest European country market' rank countries
    # ('the largest European market': a country within its region)
    r"(?:largest|dominant|dominating|leading|biggest|highest|major)\b(?!\s+(?:[\w-]+\s+){0,2}country)"
    r"(?!\s+(?:European|Asian|African|American|Latin|Nordic|Middle|Pacific|Gulf|national)\b)"
    r"|(?:led|leads|has\s+led)\s+the\s+(?:global\s+|worldwide\s+|overall\s+|whole\s+)?market\b)"
    rf"|(?:largest|dominant|dominating|leading)\s+region\s+(?:is|was|remains)\s+(?P<name2>{_RUN})",
)
_REGION_HINT = re.compile(r"domina|largest|leading|biggest|highest|major|\bled\b|\bleads\b")
_GEO = re.compile(
    r"america|europe|asia|pacific|apac|africa|middle east|\bmea\b|latin|oceania|emea|nordic|\bgcc\b|china"
    r"|japan|india|germany|united states|\bu\.?s\.?\b|\buk\b|united kingdom|france|brazil|canada|korea"
    r"|australia|mexico|italy|spain|russia|saudi|emirates|\buae\b|indonesia|region",
    re.I,
)
_SEGMENT_PROSE = re.compile(
    rf"(?P<name>{_RUN})\s+segment\s+(?:is|was|constitutes|represents|remains|emerged as|is expected to be"
    r"|is projected to be|is anticipated to be|is poised to be)\s+(?:the\s+)?fastest[- ]growing"
    rf"|(?P<name2>{_RUN})\s+(?:is|are|was|were|remains|emerged as)\s+the\s+fastest[- ]growing\s+segment"
    rf"|fastest[- ]growing\s+segment\s+(?:is|was|will be)\s+(?P<name3>{_RUN})"
    rf"|(?P<name4>{_RUN})\s+segment\s+is\s+(?:expected|projected|anticipated|forecast)\s+to\s+"
    r"(?:grow|register|witness|expand|record)\s+(?:at\s+)?the\s+fastest"
    # 'By scrubber type, hybrid scrubbers are the fastest-growing segment': the lead-in bounds a
    # name written in lower case.
    r"|\bBy\s+[\w -]{3,40},\s+(?P<name5>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:is|are|was|were)\s+"
    r"(?:expected to be\s+|projected to be\s+)?the\s+fastest[- ]growing\s+(?:segment|category)",
)


@dataclass(slots=True)
class ProseFacts:
    forecast_period: Period | None = None
    largest_region: Named | None = None
    fastest_segment: Named | None = None
    base_year: StatedNumber | None = None


# '2023 is the base year', 'with 2024 as the base year', 'base year: 2024', 'the base year of 2024'
_BASE_YEAR = re.compile(
    r"\b(?P<y1>(?:19|20)\d\d)\s+(?:is|was|serves as|as)\s+(?:the\s+)?base\s+year\b"
    r"|\bbase\s+year\s*(?:is|was|of|:|=|-)?\s*(?P<y2>(?:19|20)\d\d)\b",
    re.I,
)


def _passages(doc: Doc, out: Outline, facts: ProseFacts) -> Iterator[Passage]:
    """The non-furniture text in order that could state a fact not found yet: headings line by line,
    block bodies in passages (a sentence wrapped across lines is one sentence)."""
    for block in out.blocks:
        for index in range(max(block.line, 0), block.first):
            line = doc.lines[index]
            if not line.blank and index not in out.furniture and _wanted(facts, line.text):
                yield passages.single(line)
        yield from passages.passages(out.body(doc, block), keep=lambda text: _wanted(facts, text))


def prose_facts(doc: Doc, out: Outline) -> ProseFacts:
    """The forecast period, the largest region, the fastest segment and the base year, if a sentence
    states them."""
    facts = ProseFacts()
    # Cheap word checks first, line by line: the name patterns try every capital letter.
    for passage in _passages(doc, out, facts):
        if facts.forecast_period and facts.largest_region and facts.fastest_segment and facts.base_year:
            break
        for sentence in passages.sentences(passage):
            text = sentence.text
            if facts.forecast_period is None and "orecast" in text:
                facts.forecast_period = _period(doc, sentence)
            if facts.largest_region is None and _REGION_HINT.search(text):
                facts.largest_region = _named(doc, _REGION_PROSE, sentence, geo=True)
            if facts.fastest_segment is None and "fastest" in text:
                facts.fastest_segment = _named(doc, _SEGMENT_PROSE, sentence, geo=False)
            if facts.base_year is None and "base year" in text.lower():
                facts.base_year = _base_year(doc, sentence)
    return facts


def _base_year(doc: Doc, sentence: Passage) -> StatedNumber | None:
    match = _BASE_YEAR.search(sentence.text)
    if match is None:
        return None
    group = "y1" if match.group("y1") else "y2"
    return StatedNumber(
        value=int(match.group(group)), span=sentence.span(doc, match.start(group), match.end(group))
    )


def _wanted(facts: ProseFacts, text: str) -> bool:
    """Could ``text`` state a fact not found yet?"""
    return bool(
        facts.forecast_period is None
        and "orecast" in text
        or facts.largest_region is None
        and _REGION_HINT.search(text)
        or facts.fastest_segment is None
        and "fastest" in text
        or facts.base_year is None
        and "base year" in text.lower()
    )


def _period(doc: Doc, sentence: Passage) -> Period | None:
    match = _FORECAST.search(sentence.text)
    if match is None:
        return None
    first, last = ("y1", "y2") if match.group("y1") else ("y3", "y4")
    if int(match.group(first)) >= int(match.group(last)):
        return None
    span = sentence.span(doc, match.start(first), match.end(last))
    return Period(start_year=int(match.group(first)), end_year=int(match.group(last)), span=span)


def _named(doc: Doc, pattern: re.Pattern[str], sentence: Passage, geo: bool) -> Named | None:
    for match in pattern.finditer(sentence.text):
        group = next(
            g
            for g in ("name", "name2", "name3", "name4", "name5")
            if g in match.re.groupindex and match.group(g)
        )
        name = match.group(group)
        if geo and not _GEO.search(name):
            continue
        span = sentence.span(doc, match.start(group), match.end(group))
        return Named(name=span.text, span=span)
    return None
