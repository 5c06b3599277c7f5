"""What a figure is about: the whole market, or a region, country or segment the page names.

Names come from the page's own segmentation lists ("By End User: Hospitals, Clinics" makes
'Hospitals' a segment of dimension 'End User'; a Region list's children are countries), from inline
lists such as a title's "(By Product: Instruments, Consumables; By Region: ...)", and from the world
regions and countries in ``assistant/text/data/world-places.txt``. In a sentence, "the X segment" and "By end user, X ..."
name a segment even when the lists do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from assistant.domain.report import Named, Scope
from assistant.parsing import vocab

_REGION_DIMENSIONS = re.compile(
    r"regions?|geography|geographies|region/country|countries|country|geographic", re.I
)
_NOT_A_NAME = re.compile(r"%|\d+(?:\.\d+)?\s*(?:%|percent)|\b(?:held|accounted|was|were|is|are)\b")
_GENERIC_SEGMENTS = frozenset({"others", "other", "all", "total", "none"})
# "the largest segment", "the fastest-growing segment": words that rank a segment without naming it.
_QUALIFIER = re.compile(
    r"(?:(?:largest|second[- ]largest|third[- ]largest|biggest|leading|dominant|major|key|main|fastest"
    r"|fastest[- ]growing|smallest|top|this|that|each|every|other|same)\s*)+",
    re.I,
)
_RANKING = re.compile(
    r"(?:second|third)?[- ]?(?:largest|biggest|(?:fastest|slowest|quickest)(?:[- ]growing)?|smallest|dominant"
    r"|leading)",
    re.I,
)
INLINE_GROUP = re.compile(r"\bBy\s+(?P<dim>[A-Za-z][\w &/-]{0,40}?)\s*:\s*(?P<items>[^;()\n]{2,300})")
# "by Type (Weather-based, Sensor-based), End User (Residential, Commercial) and Region".
BRACKET_GROUP = re.compile(
    r"(?:\bby|,|\band|:)\s+(?P<dim>[A-Za-z][\w &/-]{1,30}?)\s*\((?P<items>[^()]{3,200}?,[^()]{1,200}?)\)",
    re.I,
)
_FIGURE_ITEM = re.compile(r"\d\s*%|^\s*(?:19|20)\d\d\s*$|^\s*[\d.,]+\s*$|\b(?:USD|US\$|CAGR)\b|\$")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|(?<![\w-])and(?![\w-]))\s*")  # 'Lift-and-Shift' is one name
_WORD = r"[\w&°/+.'’-]+"
_SEGMENT_WORD = re.compile(r"\bsegments?\b", re.I)
_BY_LEAD = re.compile(
    r"[*_]*(?:(?:In|By)\s+(?:19|20)\d{2}\s*,\s*)?(?:By|Based on|On the basis of)\s+(?:the\s+)?(?P<dim>[a-z][\w &/-]{1,40}?)\s*[*_]*\s*[,:]\s*[*_]*\s*(?:the\s+)?",
    re.I,
)
# Words that end a name read backwards from "segment" or forwards from "By end user, ...".
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.I)
_STOP = frozenset(
    "the a an this that its their our by of in on for and or while with from to as at where which whereas "
    "among between is was were are be been has had have whose whereas while".split()
)
_SUBJECT_END = frozenset(
    "accounted accounts held holds captured captures took takes led leads dominated dominates generated "
    "generates commanded commands represented represents contributed contributes made makes was is were "
    "are registered registers recorded records grew grows is expected projected anticipated expected "
    "will reached reaches stood had has still already now currently alone together".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A scope named in a text, with its offsets in that text."""

    start: int
    end: int
    scope: Scope


@dataclass(frozen=True, slots=True)
class _Places:
    """The world regions and countries of assistant/text/data/world-places.txt, built once per process."""

    scopes: dict[str, Scope]  # alias (casefolded) -> scope
    rows: dict[str, tuple[str, tuple[str, ...]]]  # alias (casefolded) -> (kind, all spellings)
    pattern: re.Pattern[str]


@cache
def _places() -> _Places:
    scopes: dict[str, Scope] = {}
    rows: dict[str, tuple[str, tuple[str, ...]]] = {}
    aliases: list[str] = []
    for section, kind in (("regions", "region"), ("countries", "country")):
        for row in vocab.table("world-places", section):
            scope = Scope(kind="region" if kind == "region" else "country", name=row[0])
            for alias in row:
                key = alias.casefold()
                if key not in scopes:
                    scopes[key] = scope
                    rows[key] = (kind, row)
                    aliases.append(alias)
    # Case-sensitive: places are proper nouns, so 'US' is never 'us' and 'Turkey' never 'turkey'.
    return _Places(scopes, rows, re.compile(rf"(?<![\w.])(?:{vocab.alternation(aliases)})(?![\w])"))


def _variants(name: str) -> list[str]:
    """The name and its other number ('Hospitals' / 'Hospital')."""
    out = [name]
    if len(name) > 4 and name[-1] in "sS" and not name.endswith(("ss", "SS")):
        out.append(name[:-1])
    elif len(name) > 3 and name[-1].isalpha() and " " not in name[-4:]:
        out.append(name + "s")
    return out


class ScopeIndex:
    """Every scope name a page uses: the world's places (compiled once) and the page's own lists."""

    def __init__(
        self, segmentation: dict[str, list[Named]], inline: Iterable[tuple[str, list[str]]] = ()
    ) -> None:
        places = _places()
        self._places = places
        self._page: dict[str, Scope] = {}  # the page's names, which rename and re-dimension places
        sensitive: list[str] = []
        insensitive: list[str] = []
        groups = [
            (dim, [(n.name, [c.name for c in n.children]) for n in items])
            for dim, items in segmentation.items()
        ]
        groups += [(dim, [(name, []) for name in names]) for dim, names in inline]
        for dimension, items in groups:
            geographic = bool(_REGION_DIMENSIONS.fullmatch(dimension.strip()))
            for name, children in items:
                if name.casefold() in _GENERIC_SEGMENTS or len(name) > 60 or _NOT_A_NAME.search(name):
                    continue
                place = places.rows.get(name.casefold())
                if geographic or place is not None:
                    country = place[0] == "country" if place else bool(re.search("countr", dimension, re.I))
                    scope = Scope(kind="country" if country else "region", name=name, dimension=dimension)
                    aliases = list(place[1]) if place else [name]
                else:
                    scope = Scope(kind="segment", name=name, dimension=dimension)
                    aliases = _variants(name)
                for alias in aliases:
                    self._add(alias, scope, insensitive if scope.kind == "segment" else sensitive)
                for child in children:
                    child_place = places.rows.get(child.casefold())
                    child_scope = Scope(kind="country", name=child, dimension=dimension)
                    for alias in child_place[1] if child_place else (child,):
                        self._add(alias, child_scope, sensitive)
        parts = []
        if sensitive:
            parts.append(vocab.alternation(sensitive))
        if insensitive:
            parts.append(f"(?i:{vocab.alternation(insensitive)})")
        self._pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?![\w])") if parts else None

    def _add(self, alias: str, scope: Scope, into: list[str]) -> None:
        """Map ``alias`` to ``scope``; ``into`` is the case-sensitive list (places are proper nouns)
        or the case-insensitive one (segments are often lower-case in prose)."""
        key = alias.casefold()
        if key not in self._page:
            into.append(alias)
        self._page[key] = scope

    def _scope(self, text: str) -> Scope | None:
        key = text.casefold()
        return self._page.get(key) or self._places.scopes.get(key)

    def lookup(self, name: str) -> Scope | None:
        return self._scope(name.strip())

    def mentions(self, text: str) -> list[Mention]:
        """Named scopes in ``text``, plus "the X segment" and "By dimension, X ..." subjects."""
        found: list[Mention] = []
        for pattern in (self._pattern, self._places.pattern):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if any(f.start < m.end() and m.start() < f.end for f in found):
                    continue  # the page's longer name already covers it
                scope = self._scope(m.group())
                if scope is not None:
                    found.append(Mention(m.start(), m.end(), scope))
        found.extend(self._segment_phrases(text, found))
        lead = self._lead_subject(text)
        if lead is not None and not any(m.start <= lead.start < m.end for m in found):
            found.append(lead)
        return sorted(found, key=lambda m: m.start)

    def _segment_phrases(self, text: str, known: list[Mention]) -> list[Mention]:
        """'the hospital segment': the words before 'segment' up to a stop word; 'and' joins two words
        of the name only when the name opens with 'the' ('the filters and filter cartridges segment')."""
        out: list[Mention] = []
        lead = _BY_LEAD.match(text)
        dimension = lead.group("dim").strip().title() if lead else None
        for match in _SEGMENT_WORD.finditer(text):
            words = list(re.finditer(_WORD, text[: match.start()]))
            taken: list[re.Match[str]] = []
            joined = 0  # how many words were taken when an 'and' was crossed
            for word in reversed(words[-6:]):
                gap = text[word.end() : (taken[0].start() if taken else match.start())]
                token = word.group().casefold()
                # "the up to 20 kW segment": 'to' after 'up' belongs to the name.
                up_to = (
                    token == "to"
                    and words.index(word) > 0
                    and words[words.index(word) - 1].group().casefold() == "up"
                )
                if token == "and" and taken and not joined and not gap.strip():
                    joined = len(taken)
                    taken.insert(0, word)
                    continue
                if (token in _STOP and not up_to) or gap.strip():
                    if joined and token != "the":
                        taken = taken[-joined:]
                    break
                taken.insert(0, word)
            else:
                if joined:
                    taken = taken[-joined:]
            if not taken or len(taken) > 5 or _QUALIFIER.fullmatch(text[taken[0].start() : taken[-1].end()]):
                continue
            if _RANKING.fullmatch(taken[0].group()):
                continue  # 'the largest commodity segment' ranks a segment, it names none
            if _INDEFINITE.search(text, 0, taken[0].start()):
                continue  # 'though a small segment today': a description, no name
            start, end = taken[0].start(), taken[-1].end()
            if any(m.start <= start < m.end or start <= m.start < end for m in known):
                continue  # a listed name already covers it
            name = text[start:end]
            scope = self.lookup(name) or Scope(kind="segment", name=name, dimension=dimension)
            out.append(Mention(start, end, scope))
        return out

    def _lead_subject(self, text: str) -> Mention | None:
        """'By product, consumables captured ...': the subject after a 'By dimension,' lead-in."""
        lead = _BY_LEAD.match(text)
        if lead is None:
            return None
        words: list[re.Match[str]] = []
        for word in re.finditer(_WORD, text[lead.end() :]):
            token = word.group().casefold()
            if token in _SUBJECT_END or token in _STOP and words and token not in ("&", "and", "of"):
                break
            if not words and token in _STOP:
                return None
            words.append(word)
            if len(words) > 5:
                return None
        if not words:
            return None
        start, end = lead.end() + words[0].start(), lead.end() + words[-1].end()
        name = text[start:end]
        if name.casefold().endswith(" segment"):
            name = name[: -len(" segment")]
            end -= len(" segment")
        dimension = lead.group("dim").strip().title()
        scope = self.lookup(name) or Scope(kind="segment", name=name, dimension=dimension)
        return Mention(start, end, scope)


def _may_list(text: str) -> bool:
    """Can ``text`` hold a segment list ('By X: A, B' or '(A, B)')?"""
    return ("By " in text or "by " in text) and ":" in text or "(" in text and "," in text


def inline_groups(text: str) -> list[tuple[str, list[str]]]:
    """'(By Product: Instruments, Consumables; By End User: Hospitals)' -> [('Product', [...]), ...]."""
    groups: list[tuple[str, list[str]]] = []
    # Only lines that can hold a list ('By X:' or a bracketed list) are searched; a line that leaves a
    # bracket open takes the lines that close it ("(By End User: Hospitals, Reference\nLaboratories)").
    matches: list[re.Match[str]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not _may_list(line):
            continue
        taken = 0
        while line.count("(") > line.count(")") and index < len(lines) and lines[index].strip() and taken < 3:
            line = f"{line} {lines[index].strip()}"
            index, taken = index + 1, taken + 1
        matches += INLINE_GROUP.finditer(line)
        matches += BRACKET_GROUP.finditer(line)
    for match in matches:
        names = [n.strip(" .") for n in _LIST_SPLIT.split(match.group("items")) if n.strip(" .")]
        # names, not figures: 'North America (38.5% share, 2025)' lists no segments
        names = [n for n in names if len(n.split()) <= 6 and not _FIGURE_ITEM.search(n)]
        dimension = re.sub(r"^(?:by|and)\s+", "", match.group("dim").strip(), flags=re.I)
        after_list = not re.match(r"by|:", match.group(0), re.I)
        if after_list and dimension[:1].islower():
            continue  # '... and large campuses (airports, universities)': an aside in prose, no dimension
        if _a_location(names):
            continue  # 'Nakheel Gold Foods (Riyadh, Saudi Arabia)': where a company sits, not its parts
        if len(names) >= 2 and len(dimension.split()) <= 4:
            groups.append((dimension.title() if dimension.islower() else dimension, names))
    return groups


def _a_location(names: list[str]) -> bool:
    """'Riyadh, Saudi Arabia', 'Yuma, Arizona, US': a town (and state) then the country it is in."""
    last = _places().rows.get(names[-1].casefold()) if names else None
    return last is not None and last[0] == "country" and len(names) <= 3
