"""Clauses of a sentence that states several figures, and the subject each clause names.

"By end use, hospitals held 54.2% in 2024, whereas clinics are expected to grow at the fastest CAGR
of 10.4%" states two figures about two subjects: a figure belongs to the clause it sits in, and a
clause opens at a semicolon or at "while", "whereas", "but" or "and". The clause's subject is the
noun phrase before its verb ("clinics", "Black Soldier Fly Larvae, one of the segments analyzed,
is expected ..."); "the segment", "the region" or "it" refer back to the figure before, and a clause
that opens with its verb ("... and is expected to grow ...") keeps the subject of the one before.

A list of figures after a list of names ("Japan and Canada ... at 12.4% and 14.1% respectively")
pairs them in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.parsing import vocab

_BREAK = re.compile(r";\s*|,?\s+(?:while|whereas|but|although|though)\s+", re.I)
# 'and' opens a clause only when no stronger break does: "whereas avionics and flight-control systems".
_AND = re.compile(r"(?P<comma>,)?\s+and\s+", re.I)
_VERB = (
    r"(?:is|are|was|were|will|would|has|have|had|held|holds|hold|accounted|accounts|account|captured|captures"
    r"|took|takes|represented|represents|made|makes|led|leads|generated|generates|contributed|contributes"
    r"|grew|grows|remains|remained|commanded|commands|dominated|dominates|recorded|records|registered"
    r"|registers|reached|reaches|stood|stands|expanded|expands|rose|rises|increased|increases|declined"
    r"|declines|fell|falls|cost|costs|posted|posts|totalled|totaled|totals|saw|sees|witnessed|witnesses"
    r"|continued|continues|can|could|may|might|should|must|earned|earns|secured|secures|claimed|claims)"
)
# What follows ', though' when it is an aside and the sentence's verb comes after it
_ASIDE_TO_VERB = re.compile(rf"[^,;.\d]{{2,60}},\s+(?:(?:also|still)\s+)?{_VERB}\b", re.I)
_WORD = r"[\w&°/+.'’-]+"
# Lead-ins before a sentence's subject: "In 2024, ", "By end use, ", "Based on application, ".
_LEAD = re.compile(
    # a press release's dateline: 'AUSTIN, Texas, May 20, 2025 -- ', 'LONDON, 3 March 2025 /Wire/ -- '
    r"[*_\s]*(?:[A-Z][A-Za-z.' -]{1,30},\s+(?:[A-Z][A-Za-z.' -]{1,30},\s+)?(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2},?\s+"
    r"|\d{1,2}\s+[A-Z][a-z]{2,9}\.?,?\s+)?(?:19|20)\d{2}[*_]*\s*(?:/[^/\n]{2,40}/\s*[*_]*\s*)?(?:--|[-–—])\s*)?"
    r"(?:(?:(?:Back|Earlier|Later)\s+in|In|By|During|As of)\s+(?:19|20)\d{2}\s*,?\s*)?(?:(?:In|Across|Within)\s+[A-Z][\w .&'’-]{1,40}?,\s*)?"
    r"(?:(?:By|Based on|On the basis of)\s+(?:the\s+)?(?P<dim>[a-z][\w &/-]{1,40}?)\s*[*_]*\s*[,:]\s*[*_]*\s*)?",
    re.I,
)
# An aside between dashes: ' -- implementation, training and fleet operations -- '.
_DASH = r"(?:--|[-–—])"
DASH_ASIDE = rf"\s+{_DASH}\s+(?:(?!\s{_DASH}\s)[^\d;]){{3,160}}?\s+{_DASH}"
_SUBJECT = re.compile(
    rf"(?P<article>(?:the|this|these|that|those|a|an|each|every|one|its|their)\s+)?(?!{_VERB}\b)"
    # a name may end in brackets that say what it covers: 'online channels (brand websites and ...)'
    # or carry its initials inside: 'Managing general agents (MGAs) and insurtechs'
    rf"(?P<name>{_WORD}(?:\s+(?!{_VERB}\b){_WORD}|\s+\([A-Za-z&]{{2,8}}\)){{0,8}}?(?:\s*\([^(),\d]{{2,80}}\))?)"
    # an aside: ', which ...,', ', including a, b and c,', a list in brackets '(airports, universities)'
    # or between dashes
    # ('Type I fluid, the heated, diluted fluid used to remove frost, accounted for ...': an apposition)
    rf"(?:\s*,\s*(?:including|such\s+as|like|notably|e\.g\.|which|who)\s+[^\d;]{{3,120}}?,|\s*,\s*[^,\d;]{{3,80}}?\s*,"
    rf"|\s*,\s*(?:the|a|an)\s+[^\d;]{{3,120}}?,|\s*\((?=[^()]*,)[^()\d]{{2,80}}\)|{DASH_ASIDE})?"
    rf"\s+(?:(?:also|still|now|alone|together|currently|already|collectively|reportedly)\s+)?{_VERB}\b",
    re.I,
)
_BACK = frozenset(
    "it its they this these that segment region country category sub-segment subsegment latter former".split()
)
_OPENING_CONJUNCTION = re.compile(r"(?:but|and|yet|still|so)\s+(?=[a-z])", re.I)
_MEASURE_NOUN = re.compile(
    r"(?:market\s+)?(?:share|cagr|growth(?:\s+rate)?|revenue|sales|value|size|turnover)", re.I
)
_TAIL = re.compile(r"\s+(?:segments?|sub-segments?|category|categories)$", re.I)
_MARKET_NOUNS = re.compile(rf"(?<![\w-])(?:{vocab.pattern('measures', 'market-nouns')})(?![\w-])", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|&|and|,\s*and)\s*", re.I)
# A noun phrase that opens with one of these names one unit, not a part of the market ("A station
# ... cost EUR 1.9 million to build"); its last noun is what a price is per.
_ONE = frozenset({"a", "an", "each", "every", "one"})
MAX_PART_WORDS = 5
_CLAUSE_WORD = re.compile(
    r"\b(?:that|which|who|estimates?|says?|said|expects?|reports?|notes?|believes?)\b", re.I
)
# Words that leave a market noun the whole market ('global sales', 'the overall market')
_WHOLE = frozenset("global overall total worldwide world the its their market entire whole".split())
_NOT_HEAD = re.compile(r"[a-z-]+ing|of|for|in|with|at|on|per|from|to|that|which|by", re.I)


@dataclass(frozen=True, slots=True)
class Subject:
    """The noun phrase a clause is about, as the page writes it."""

    name: str
    refers_back: bool  # "the segment", "it": the subject of the figure before
    one_unit: bool  # "a station ...", "each turbine": a single unit, not a part of the market
    head: str  # the phrase's main noun ("station" in "A station dispensing one tonne per day")

    def qualifies_market(self, market_words: frozenset[str]) -> bool:
        """A part of the market named by the market's words and a word of its own ('New equipment
        sales'), not the market itself ('Global equipment sales')."""
        if len(self.name.split()) > MAX_PART_WORDS or _CLAUSE_WORD.search(self.name):
            return False  # 'Harbourline Analytics estimates that service revenue': a clause, no name
        words = {w.rstrip("s") for w in re.findall(r"[a-z][\w-]*", _MARKET_NOUNS.sub(" ", self.name).lower())}
        return bool(words - {w.rstrip("s") for w in market_words} - _WHOLE)

    def is_market(self, market_words: frozenset[str]) -> bool:
        """The market itself: its revenue, sales or shipments, or only the market's own words."""
        if _MARKET_NOUNS.search(self.name):
            return True
        words = {w.rstrip("s") for w in re.findall(r"[a-z][\w-]*", self.name.lower())}
        return bool(words) and words <= {w.rstrip("s") for w in market_words} | {"global", "overall", "total"}


def lead_dimension(text: str) -> str | None:
    """'By end use, ...' / 'Based on application, ...' -> 'End Use' / 'Application'."""
    match = _LEAD.match(text)
    dim = match.group("dim") if match else None
    return dim.strip().title() if dim else None


def break_between(text: str, start: int, end: int, comma_and: bool = False) -> int | None:
    """Where the last clause opening between ``start`` and ``end`` begins, if any; with
    ``comma_and``, 'and' opens one only after a comma ('Sales of drones and parts reached ...' is one
    clause, '..., and the market was valued at ...' two)."""
    last = None
    for match in _BREAK.finditer(text, start, end):
        if _in_brackets(text, match.start()):  # '(airports, universities, military bases)'
            continue
        if match.group(0).lstrip().startswith(",") and _ASIDE_TO_VERB.match(text, match.end()):
            continue  # 'Vertical units, though a small segment today, are expected ...': an aside
        last = match.end()
    if last is not None:
        return last
    plain = None  # 'A held 20%, and B and C made up the rest': after a comma, 'and' opens the clause
    for match in _AND.finditer(text, start, end):
        if _in_brackets(text, match.start()):
            continue
        if match.group("comma"):
            last = match.end()
        elif not comma_and:
            plain = match.end()
    return last if last is not None else plain


def _in_brackets(text: str, position: int) -> bool:
    """Whether ``position`` falls inside a bracket opened before it on the sentence, or inside an
    aside between dashes ('Services -- design, data and operations -- made up ...')."""
    opened = text.rfind("(", 0, position)
    if opened >= 0 and text.rfind(")", opened, position) < 0:
        return True
    before = len(_DASH_ASIDE.findall(text, 0, position))
    return before % 2 == 1 and _DASH_ASIDE.search(text, position) is not None


_DASH_ASIDE = re.compile(r"\s(?:--|–|—)\s")


def subject(text: str, start: int, end: int) -> Subject | None:
    """The subject of the clause opening at ``start``, if it is named before ``end`` (the figure)."""
    if start == 0:
        lead = _LEAD.match(text, 0, end)
        start = lead.end() if lead else 0
    conjunction = _OPENING_CONJUNCTION.match(text, start, end)  # 'But towable machines ... are'
    match = _SUBJECT.match(text, conjunction.end() if conjunction else start, end)
    if match is None:
        return None
    name = _TAIL.sub("", match.group("name"))
    words = name.split()
    article = (match.group("article") or "").strip().lower()
    head = next((w for w in reversed(_head_phrase(words)) if w.isalpha()), words[-1])
    # ('Their share was 18.6% in 2024': the share of what the sentence before was about)
    owned_measure = article in ("its", "their") and bool(_MEASURE_NOUN.fullmatch(name))
    return Subject(
        name=name,
        refers_back=name.lower() in _BACK or owned_measure,
        one_unit=article in _ONE,
        head=head.lower(),
    )


def _head_phrase(words: list[str]) -> list[str]:
    """The words before a participle or preposition ('station' of 'station dispensing one tonne')."""
    out: list[str] = []
    for word in words:
        if out and _NOT_HEAD.fullmatch(word):
            break
        out.append(word)
    return out


def pairs(text: str, names: list[tuple[int, int]], figures: list[tuple[int, int]]) -> bool:
    """True when ``names`` and ``figures`` (offsets, in order) are two lists of the same length
    ('Japan and Canada ... 12.4% and 14.1%')."""
    if len(names) != len(figures) or len(names) < 2:
        return False
    return all(
        _LIST_GAP.fullmatch(text[a[1] : b[0]])
        for items in (names, figures)
        for a, b in zip(items, items[1:], strict=False)
    )


def is_list_gap(text: str) -> bool:
    return _LIST_GAP.fullmatch(text) is not None
