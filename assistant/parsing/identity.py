"""Which report this is: title, market name and publisher, detected from the text itself."""

from __future__ import annotations

import re
from collections import Counter

from assistant.parsing.lines import Doc
from assistant.parsing.sections import KNOWN_HEADING, Outline

# A capitalised phrase ending in "Market": "Global Clinical Trial Site Management Organization Market".
_MARKET_PHRASE = re.compile(
    r"\b[A-Z][\w'’/&.-]*(?:\s+(?:&|and|of|for|-|[A-Z][\w'’/&.-]*)){0,12}?\s+Market\b(?!\s+(?:[A-Z]|&))"
)
_LEADING = re.compile(
    r"^(?:(?:The|A|An|This|That|Our|In|On|For|Of|And|However|Overall|Consequently|Company|Profiles)\s+)+"
)
# Key names and headings that end in "Market" but name no market ("Fastest Growing Market").
_GENERIC = re.compile(
    r"(?:(?:Global|Total|Overall|Fastest|Growing|Fastest-Growing|Largest|Dominant|Dominating|Leading|Key"
    r"|Regional|Parent|Target|Addressable|Serviceable|Attractive|Most|Biggest|Emerging|Mature|Segment)\s+)+Market"
)
_MARKET_NAME = re.compile(r"^(?:The\s+)?(?:Global|Worldwide|World)?\s*(?P<name>.+?)\s+Market\b")
_KNOWN_PUBLISHERS = re.compile(
    r"\b(?:TechSci Research|Grand View Research|MarketsandMarkets|Mordor Intelligence"
    r"|Fortune Business Insights|Allied Market Research|Precedence Research|IMARC Group|Research and Markets"
    r"|Market Research Future"
    r"|Transparency Market Research|Persistence Market Research|Technavio|Frost & Sullivan|Euromonitor"
    r"|Verified Market Research|Future Market Insights|Data Bridge Market Research|Coherent Market Insights"
    r"|Straits Research|The Business Research Company|Global Market Insights|Polaris Market Research"
    r"|Spherical Insights|Custom Market Insights|Expert Market Research|Emergen Research|Market\.us)\b"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})"
)
_NAME_STOP = re.compile(r"\.\s|\s+All\s+rights", re.I)
_CUSTOMIZE = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})\s+offers\s+customi[sz]ations")


def title(doc: Doc, out: Outline) -> str | None:
    """The first level-1 markup heading, else the market phrase the report repeats most, else the
    first line when it is short."""
    for block in out.blocks:
        if block.level == 1 and block.line >= 0 and any(ch.isalpha() for ch in block.heading):
            return block.heading
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for line in doc.lines:
        if line.blank or line.index in out.furniture:
            continue
        for match in _MARKET_PHRASE.finditer(line.text):
            phrase = _LEADING.sub("", match.group())
            if len(phrase.split()) >= 2 and not _GENERIC.fullmatch(phrase):
                counts[phrase] += 1
                first_seen.setdefault(phrase, line.start + match.start())
    if not counts:
        return _first_line(doc, out)
    return max(counts, key=lambda p: (counts[p], -first_seen[p]))


def _first_line(doc: Doc, out: Outline) -> str | None:
    """The report's first line when it is short enough to be a title ("CLOUD WHALE ... OUTLOOK")."""
    line = next((x for x in doc.lines if not x.blank and x.index not in out.furniture), None)
    if line is None or len(line.text) > 120 or line.bullet or KNOWN_HEADING.fullmatch(line.text):
        return None
    text = line.text.strip("# ")
    return text.title() if text.isupper() else text


def market_phrase(title_text: str) -> str:
    """The title cut after "Market" ("X Market Report 2024-2030" -> "X Market"), for questions."""
    match = re.search(r"^.*?\bMarket\b", title_text)
    return match.group() if match else title_text


def market_name(title_text: str | None) -> str | None:
    """'Global Clinical Trial Site Management Organization Market' -> 'Clinical Trial Site ...'."""
    if not title_text:
        return None
    match = _MARKET_NAME.match(title_text)
    return match.group("name") if match else None


def publisher(doc: Doc, out: Outline, stated: str | None) -> str | None:
    """A stated 'Publisher:' value, else a copyright line, a known publisher, or 'X offers customizations'."""
    if stated:
        return stated
    text = doc.text
    for pattern in (_COPYRIGHT, _KNOWN_PUBLISHERS, _CUSTOMIZE):
        for match in pattern.finditer(text):
            # Copyright lines are page footers (furniture) but still name the publisher.
            if pattern is not _COPYRIGHT and doc.line_at(match.start()).index in out.furniture:
                continue
            name = match.groupdict().get("name") or match.group()
            name = _NAME_STOP.split(name)[0].rstrip(" .,")
            if name.lower().startswith("all rights"):
                continue
            return name
    return None
