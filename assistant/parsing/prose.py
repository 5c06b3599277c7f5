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

from assistant.domain.report import Named, Period
from assistant.parsing import numbers as num
from assistant.parsing.lines import Doc
from assistant.parsing.sections import Outline

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
    """The forecast period, the largest region and the fastest segment, if a sentence states them."""
    facts = ProseFacts()
    for offset, sentence in sentences(doc, out):
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
