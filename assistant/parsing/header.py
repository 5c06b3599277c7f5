"""Headline facts from key-value pairs, wherever the layout puts them.

Recognised pair shapes (the key must be one this module knows; anything else is ignored):

- inline ``Key: Value`` lines, bulleted or not ("Market Size (2024): USD 1.2 Billion",
  "• CAGR (2025-2030): 8.9%", "**Forecast Period:** 2025-2030"), also tab- or ``|``-separated cells;
- the web layout where the key is alone on a line and the value is the next short line
  ("Market Size (2024)" / blank / "USD 9.31 Billion"), as some publishers print a report description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain.report import Named, Period, Scope, Span, Stated, StatedNumber
from assistant.parsing import numbers as num
from assistant.parsing import vocab
from assistant.parsing.lines import Doc, Line, strip_span
from assistant.parsing.scopes import ScopeIndex
from assistant.parsing.sections import Outline

_Y = num.YEAR
_QUALIFIER = vocab.pattern("keys", "size-qualifiers")
_SIZE_WORD = vocab.pattern("keys", "size-words")
_SIZE_TAIL = vocab.pattern("keys", "size-tails")
_LEADING = vocab.pattern("keys", "leading-words")
_YEAR_KIND = r"(?:historical|actual|estimated?|est\.?|forecast|projected|base\s+year|e|f|a)"
_SIZE_KEY = re.compile(
    rf"(?:{_QUALIFIER}\s+)*{_SIZE_WORD}(?:\s+{_SIZE_TAIL})?"
    # ('Market size (2022, historical)', 'Market size (2023 actual)': the year with what kind of figure)
    rf"(?:\s*\(\s*(?:in\s+)?(?P<y1>{_Y})e?(?:\s*,?\s*{_YEAR_KIND})?\s*\)"
    rf"|(?:\s+|\s*,\s*)(?:(?:in|for|by|as of|of)\s+)?(?P<y2>{_Y})e?)?"
    rf"|(?P<y3>{_Y})e?\s+(?:{_QUALIFIER}\s+)*{_SIZE_WORD}"
    rf"|(?:market\s+)?forecast(?:\s+(?:value|revenue))?(?:(?:\s+(?:in|for|by)\s+|\s*,\s*)(?P<y4>{_Y})|\s*\(\s*(?P<y5>{_Y})\s*\))",
    re.I,
)
_PROJECTION = re.compile(vocab.pattern("keys", "projection-words"), re.I)
_CAGR_KEY = re.compile(rf"(?:{vocab.pattern('keys', 'cagr-keys')})\b.*", re.I)
_SHARE_KEY = re.compile(
    rf"(?:market\s+|revenue\s+)?share(?:\s*\((?P<inside>[^)]*)\)|\s+(?:in|for)\s+(?P<y1>{_Y}))?", re.I
)
_VOLUME_KEY = re.compile(
    rf"(?:market\s+|total\s+)?(?:volume|shipments)(?:\s*\(\s*(?P<y1>{_Y})\s*\)|\s+(?:in|for|by)\s+(?P<y2>{_Y}))?",
    re.I,
)
_FORECAST_KEY = re.compile(vocab.pattern("keys", "forecast-keys"), re.I)
_BASE_YEAR_KEY = re.compile(vocab.pattern("keys", "base-year-keys"), re.I)
_HISTORICAL_KEY = re.compile(vocab.pattern("keys", "historical-keys"), re.I)
_STUDY_KEY = re.compile(vocab.pattern("keys", "study-keys"), re.I)
_REGION_KEY = re.compile(
    rf"{_LEADING}\s+(?:regional\s+)?(?:market|region|country)(?:\s*\(\s*{_Y}\s*\)|\s+in\s+{_Y})?"
    rf"|region with (?:the )?largest share|(?:dominant|dominating|dominated|leading) region",
    re.I,
)
_SEGMENT_KEY = re.compile(r"fastest[- ]growing\s+(?:market\s+)?segment", re.I)
_PLAYERS_KEY = re.compile(vocab.pattern("keys", "players-keys"), re.I)
_PUBLISHER_KEY = re.compile(vocab.pattern("keys", "publisher-keys"), re.I)
_CODE_KEY = re.compile(vocab.pattern("keys", "code-keys"), re.I)
_PAGES_KEY = re.compile(vocab.pattern("keys", "pages-keys"), re.I)
_PUBLISHED_KEY = re.compile(vocab.pattern("keys", "published-keys"), re.I)
# Order matters where keys overlap: "Forecast Period" before a size key, a share before a size.
_KEYS = (
    _FORECAST_KEY,
    _BASE_YEAR_KEY,
    _HISTORICAL_KEY,
    _STUDY_KEY,
    _SIZE_KEY,
    _CAGR_KEY,
    _SHARE_KEY,
    _VOLUME_KEY,
    _REGION_KEY,
    _SEGMENT_KEY,
    _PLAYERS_KEY,
    _PUBLISHER_KEY,
    _CODE_KEY,
    _PAGES_KEY,
    _PUBLISHED_KEY,
)
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
# One pattern for the quick test "is this any known key" (group names dropped: they repeat).
_ANY_KEY = re.compile("|".join("(?:" + _GROUP_NAME.sub("(?:", p.pattern) + ")" for p in _KEYS), re.I)
# Keys that may carry a scope before them: "U.S. Market Size (2024)", "Europe CAGR (2025-2030)".
_SCOPED_KEYS = (_SIZE_KEY, _CAGR_KEY, _SHARE_KEY, _VOLUME_KEY)
_SCOPED_TAIL = re.compile(
    r"\s(?=(?:market|revenue|size|value|cagr|share|volume|shipments|compound|growth|\(?(?:19|20)\d\d)\b)",
    re.I,
)
# cells of a byline: ' | ', ' · ' or a wide gap ('Published: May 2025    Base year: 2024')
_CELL_SPLIT = re.compile(r"\s[|·•]\s|(?<=\S)[ \t]{3,}(?=[A-Z][\w ()/-]{1,30}:)")
_KEY_COLON = re.compile(r"\s*(?P<key>[\w*][^:|]{0,40}?)\s*:\s*(?P<value>\S.*?)\s*")
# 'Key: value', 'Key<tab>value', 'Key | value', 'Key ......... value' (a dot leader)
_INLINE = re.compile(r"(?P<key>[\w*][^:\t|]{1,60}?)\s*(?P<sep>:|\t+|\s\|\s|\s\.{3,})\s*(?P<value>\S.*)")
_NAME_END = re.compile(r"\s+\(|\s+[–—-]\s|,\s|;\s|\.\s|\s+with\s|\s+at\s")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|(?<![\w-])and(?![\w-]))\s*")  # 'Lift-and-Shift' is one name
# A company's legal form written after a comma ('Co., Ltd.', 'Holdings, Inc.').
_LEGAL_SUFFIX = re.compile(r"(?:Ltd|Limited|Inc|LLC|L\.L\.C|Corp|Co|plc|PLC|S\.A|SA|AG|GmbH|N\.V|B\.V)\.?")


@dataclass(frozen=True, slots=True)
class Pair:
    """A key and its value, with the value's offsets in the report text."""

    key: str
    start: int
    end: int
    value: str
    key_start: int = -1  # where the key's line starts; -1 when unknown
    form: str = "header"  # "header" (a key-value line), "bullet" or "table" (a tab or | row)
    lines: tuple[int, ...] = ()  # indexes of the lines the pair occupies
    scope: Scope | None = None  # named before the key: "Europe Market Size (2024)"
    key_pattern: re.Pattern[str] | None = None  # which key it is

    def is_(self, pattern: re.Pattern[str]) -> bool:
        return self.key_pattern is pattern

    def statement(self, doc: Doc, end: int) -> Span:
        """From the key's line to ``end``: the year the key states ('Market Size (2025)') is then
        part of the quote, so an answer that names the year is grounded in it."""
        start = self.key_start if 0 <= self.key_start < end else self.start
        return doc.span(start, end)


@dataclass(slots=True)
class HeaderFacts:
    """What the key-value pairs say besides figures; None/empty where they are silent."""

    forecast_period: Period | None = None
    historical_period: Period | None = None
    study_period: Period | None = None
    base_year: StatedNumber | None = None
    largest_region: Named | None = None
    fastest_segment: Named | None = None
    key_players: list[Named] = field(default_factory=list)
    publisher: Stated | None = None
    report_code: Stated | None = None
    pages: StatedNumber | None = None
    published: Stated | None = None


def pairs(doc: Doc, out: Outline, scopes: ScopeIndex | None = None) -> list[Pair]:
    """Every recognised key-value pair, in document order."""
    found: list[Pair] = []
    for line in doc.lines:
        if line.blank or line.index in out.furniture or len(line.text) > 300:
            continue
        if _CELL_SPLIT.search(line.text) and ":" in line.text and not line.text.lstrip().startswith("|"):
            found.extend(_cells(doc, line, scopes))
            continue
        pair = _inline(doc, line, scopes) or _split(doc, line, out, scopes)
        if pair is not None:
            found.append(pair)
    return found


def _cells(doc: Doc, line: Line, scopes: ScopeIndex | None) -> list[Pair]:
    """A byline of ' | '-separated cells, some 'Key: Value' ("Report ID: X | March 2025 | Pages: 180")."""
    out: list[Pair] = []
    position = 0
    for cut in [*_CELL_SPLIT.finditer(line.text), None]:
        stop = cut.start() if cut else len(line.text)
        cell = line.text[position:stop]
        match = _KEY_COLON.fullmatch(cell)
        known = _match_key(_clean_key(match.group("key")), scopes) if match else None
        if match and known is not None:
            offset = line.start + position
            start, end = strip_span(doc, offset + match.start("value"), offset + len(cell), " \t*_")
            if start < end:
                key = _clean_key(match.group("key"))
                value = doc.text[start:end]
                out.append(
                    Pair(
                        key,
                        start,
                        end,
                        value,
                        offset + match.start("key"),
                        "header",
                        (line.index,),
                        known[1],
                        known[0],
                    )
                )
        position = cut.end() if cut else stop
    return out


def _match_key(key: str, scopes: ScopeIndex | None) -> tuple[re.Pattern[str], Scope | None] | None:
    """Which key ``key`` is, and the scope named before it; None for an unknown key."""
    if len(key) > 80 or _ANY_KEY.fullmatch(key) is None:
        if scopes is None or len(key) > 80:
            return None
        for cut in _SCOPED_TAIL.finditer(key):
            scope = scopes.lookup(key[: cut.start()].strip(" ,:-"))
            rest = key[cut.end() :]
            if scope is None:
                continue
            for pattern in _SCOPED_KEYS:
                if pattern.fullmatch(rest):
                    return pattern, scope
        return None
    for pattern in _KEYS:
        if pattern.fullmatch(key):
            return pattern, None
    return None


def _clean_key(key: str) -> str:
    return key.strip().strip("*_").strip().rstrip(":").strip()


def _inline(doc: Doc, line: Line, scopes: ScopeIndex | None) -> Pair | None:
    text = line.text
    form = "bullet" if line.bullet else "header"
    if text.startswith("|"):  # markdown table row: | key | value |
        cells = [c for c in text.strip("|").split("|")]
        if len(cells) < 2:
            return None
        known = _match_key(_clean_key(cells[0]), scopes)
        if known is None:
            return None
        offset = line.start + text.index("|", 1) + 1
        start, end = strip_span(doc, offset, offset + len(cells[1]), " \t*_")
        return Pair(
            _clean_key(cells[0]),
            start,
            end,
            doc.text[start:end],
            line.start,
            "table",
            (line.index,),
            known[1],
            known[0],
        )
    match = _INLINE.fullmatch(text)
    if not match:
        return None
    known = _match_key(_clean_key(match.group("key")), scopes)
    if known is None:
        return None
    start, end = strip_span(doc, line.start + match.start("value"), line.end, " \t*_")
    if start >= end:
        return None
    if "\t" in match.group("sep") or "|" in match.group("sep"):
        form = "table"
    return Pair(
        _clean_key(match.group("key")),
        start,
        end,
        doc.text[start:end],
        line.start,
        form,
        (line.index,),
        known[1],
        known[0],
    )


_FIGURE_OR_STOP = re.compile(r"\d\s*%|[$€£]\s*\d|\b(?:USD|EUR)\s*\d|[.!?]\s*$")


def _split(doc: Doc, line: Line, out: Outline, scopes: ScopeIndex | None) -> Pair | None:
    # a key alone on its line holds no figure and ends no sentence: 'CAGR of 4.0% from 2025 to 2030.'
    # is the end of a wrapped sentence, not a key whose value sits below it
    if line.bullet or len(line.text) > 60 or _FIGURE_OR_STOP.search(line.text):
        return None
    known = _match_key(_clean_key(line.text), scopes)
    if known is None:
        return None
    value = doc.next_content(line.index, line.index + 4)
    if value is None or value.bullet or len(value.text) > 80 or value.index in out.furniture:
        return None
    if value.text.lstrip().startswith("#"):
        return None  # a heading below the key is no value
    if _match_key(_clean_key(value.text), scopes) is not None:
        return None
    return Pair(
        _clean_key(line.text),
        value.start,
        value.end,
        value.text,
        line.start,
        "header",
        (line.index, value.index),
        known[1],
        known[0],
    )


def header_facts(doc: Doc, found: list[Pair]) -> HeaderFacts:
    """Map recognised pairs to named facts and report details; the first pair of each kind wins."""
    facts = HeaderFacts()
    for pair in found:
        if pair.scope is not None:
            continue
        if pair.is_(_FORECAST_KEY) and facts.forecast_period is None:
            facts.forecast_period = period(doc, pair)
        elif pair.is_(_HISTORICAL_KEY) and facts.historical_period is None:
            facts.historical_period = period(doc, pair)
        elif pair.is_(_STUDY_KEY) and facts.study_period is None:
            facts.study_period = period(doc, pair)
        elif pair.is_(_BASE_YEAR_KEY) and facts.base_year is None:
            match = num.YEAR_ONLY.search(pair.value)
            if match:
                facts.base_year = StatedNumber(
                    value=int(match.group("year")),
                    span=doc.span(pair.start + match.start(), pair.start + match.end()),
                )
        elif pair.is_(_REGION_KEY) and facts.largest_region is None:
            facts.largest_region = _name(doc, pair)
        elif pair.is_(_SEGMENT_KEY) and facts.fastest_segment is None:
            facts.fastest_segment = _name(doc, pair)
        elif pair.is_(_PLAYERS_KEY) and not facts.key_players:
            # 'Companies Profiled: 8' counts them; only names make a list
            names = name_list(doc, pair.start, pair.end)
            facts.key_players = [n for n in names if n.name[:1].isalpha()]
        elif pair.is_(_PUBLISHER_KEY) and facts.publisher is None:
            facts.publisher = _stated(doc, pair)
        elif pair.is_(_CODE_KEY) and facts.report_code is None:
            facts.report_code = _stated(doc, pair)
        elif pair.is_(_PAGES_KEY) and facts.pages is None:
            match = re.search(r"\d{1,5}", pair.value)
            if match:
                span = doc.span(pair.start + match.start(), pair.start + match.end())
                facts.pages = StatedNumber(value=int(match.group()), span=span)
        elif pair.is_(_PUBLISHED_KEY) and facts.published is None:
            facts.published = _stated(doc, pair)
    return facts


def _stated(doc: Doc, pair: Pair) -> Stated | None:
    start, end = strip_span(doc, pair.start, pair.end, " \t.,;:")
    return Stated(text=doc.text[start:end], span=doc.span(start, end)) if end > start else None


def period(doc: Doc, pair: Pair) -> Period | None:
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


def _inside_brackets(text: str, start: int, at: int) -> bool:
    return text.count("(", start, at) > text.count(")", start, at)


def name_list(doc: Doc, start: int, end: int) -> list[Named]:
    """Names in a comma/semicolon/'and' separated list between ``start`` and ``end``."""
    names: list[Named] = []
    position = start
    # ('Acme Foods (Riyadh, Saudi Arabia), Beta Ltd': a comma inside brackets splits no names)
    splits = [
        m
        for m in _LIST_SPLIT.finditer(doc.text, start, end)
        if not _inside_brackets(doc.text, start, m.start())
    ]
    for match in [*splits, None]:
        stop = match.start() if match else end
        a, b = strip_span(doc, position, stop, " \t,;:")
        if b > a and names and _LEGAL_SUFFIX.fullmatch(doc.text[a:b]):
            # 'Acme Co., Ltd.': the suffix after the comma belongs to the name before it
            begin = names[-1].span.start
            names[-1] = Named(name=doc.text[begin:b], span=doc.span(begin, b))
        elif b > a and doc.text[a].isalnum():
            names.append(Named(name=doc.text[a:b], span=doc.span(a, b)))
        if match:
            position = match.end()
    return names
