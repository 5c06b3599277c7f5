"""What a figure is about: the whole market, or a region, country or segment the page names.

Names come from the page's own segmentation lists ("By End User: Hospitals, Clinics" makes
'Hospitals' a segment of dimension 'End User'; a Region list's children are countries), from inline
lists such as a title's "(By Product: Instruments, Consumables; By Region: ...)", and from the world
regions and countries in ``data/places.txt``. In a sentence, "the X segment" and "By end user, X ..."
name a segment even when the lists do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.domain.report import Named, Scope
from assistant.parsing import vocab

_REGION_DIMENSIONS = re.compile(
    r"regions?|geography|geographies|region/country|countries|country|geographic", re.I
)
_NOT_A_NAME = re.compile(r"%|\d+(?:\.\d+)?\s*(?:%|percent)|\b(?:held|accounted|was|were|is|are)\b")
_GENERIC_SEGMENTS = frozenset({"others", "other", "all", "total", "none"})
_INLINE_GROUP = re.compile(r"\bBy\s+(?P<dim>[A-Za-z][\w &/-]{0,40}?)\s*:\s*(?P<items>[^;()\n]{2,300})")
# "by Type (Weather-based, Sensor-based), End User (Residential, Commercial) and Region".
_BRACKET_GROUP = re.compile(
    r"(?:\bby|,|\band|:)\s+(?P<dim>[A-Za-z][\w &/-]{1,30}?)\s*\((?P<items>[^()]{3,200}?,[^()]{1,200}?)\)",
    re.I,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")
_WORD = r"[\w&°/+.'’-]+"
_SEGMENT_WORD = re.compile(r"\bsegments?\b", re.I)
_BY_LEAD = re.compile(
    r"[*_]*(?:(?:In|By)\s+(?:19|20)\d{2}\s*,\s*)?By\s+(?P<dim>[a-z][\w &/-]{1,40}?)\s*[*_]*\s*[,:]\s*[*_]*\s*(?:the\s+)?",
    re.I,
)
# Words that end a name read backwards from "segment" or forwards from "By end user, ...".
_STOP = frozenset(
    "the a an this that its their our by of in on for and or while with from to as at where which whereas "
    "among between is was were are be been has had have whose whereas while".split()
)
_SUBJECT_END = frozenset(
    "accounted accounts held holds captured captures took takes led leads dominated dominates generated "
    "generates commanded commands represented represents contributed contributes made makes was is were "
    "are registered registers recorded records grew grows is expected projected anticipated expected "
    "will reached reaches stood had has".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A scope named in a text, with its offsets in that text."""

    start: int
    end: int
    scope: Scope


def _place_rows() -> list[tuple[str, tuple[str, ...]]]:
    rows: list[tuple[str, tuple[str, ...]]] = []
    for kind in ("regions", "countries"):
        rows.extend(
            ("region" if kind == "regions" else "country", row) for row in vocab.table("places", kind)
        )
    return rows


def _variants(name: str) -> list[str]:
    """The name and its other number ('Hospitals' / 'Hospital')."""
    out = [name]
    if len(name) > 4 and name[-1] in "sS" and not name.endswith(("ss", "SS")):
        out.append(name[:-1])
    elif len(name) > 3 and name[-1].isalpha() and " " not in name[-4:]:
        out.append(name + "s")
    return out


class ScopeIndex:
    """Every scope name a page uses, found in any text by one compiled pattern."""

    def __init__(
        self, segmentation: dict[str, list[Named]], inline: Iterable[tuple[str, list[str]]] = ()
    ) -> None:
        self._by_alias: dict[str, Scope] = {}
        sensitive: list[str] = []
        insensitive: list[str] = []
        place_of: dict[str, tuple[str, tuple[str, ...]]] = {}
        for kind, row in _place_rows():
            for alias in row:
                place_of[alias.casefold()] = (kind, row)
        # Places first, then the page's own lists, which rename and re-dimension them.
        for kind, row in _place_rows():
            scope = Scope(kind="region" if kind == "region" else "country", name=row[0])
            for alias in row:
                self._add(alias, scope, sensitive)
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
                place = place_of.get(name.casefold())
                if geographic or place is not None:
                    kind = (
                        place[0]
                        if place
                        else ("country" if re.search("countr", dimension, re.I) else "region")
                    )
                    scope = Scope(
                        kind="country" if kind == "country" else "region", name=name, dimension=dimension
                    )
                    aliases = list(place[1]) if place else [name]
                else:
                    scope = Scope(kind="segment", name=name, dimension=dimension)
                    aliases = _variants(name)
                for alias in aliases:
                    self._add(
                        alias, scope, insensitive if scope.kind == "segment" else sensitive, replace=True
                    )
                for child in children:
                    child_place = place_of.get(child.casefold())
                    child_scope = Scope(kind="country", name=child, dimension=dimension)
                    for alias in child_place[1] if child_place else (child,):
                        self._add(alias, child_scope, sensitive, replace=True)
        parts = []
        if sensitive:
            parts.append(vocab.alternation(sensitive))
        if insensitive:
            parts.append(f"(?i:{vocab.alternation(insensitive)})")
        body = "|".join(parts) or "(?!x)x"
        self._pattern = re.compile(rf"(?<![\w.])(?:{body})(?![\w])")

    def _add(self, alias: str, scope: Scope, into: list[str], replace: bool = False) -> None:
        """Map ``alias`` to ``scope``; ``into`` is the case-sensitive list (places are proper nouns)
        or the case-insensitive one (segments are often lower-case in prose)."""
        key = alias.casefold()
        if key in self._by_alias and not replace:
            return
        self._by_alias[key] = scope
        into.append(alias)

    def lookup(self, name: str) -> Scope | None:
        return self._by_alias.get(name.strip().casefold())

    def mentions(self, text: str) -> list[Mention]:
        """Named scopes in ``text``, plus "the X segment" and "By dimension, X ..." subjects."""
        found = [
            Mention(m.start(), m.end(), scope)
            for m in self._pattern.finditer(text)
            if (scope := self._by_alias.get(m.group().casefold())) is not None
        ]
        found.extend(self._segment_phrases(text, found))
        lead = self._lead_subject(text)
        if lead is not None and not any(m.start <= lead.start < m.end for m in found):
            found.append(lead)
        return sorted(found, key=lambda m: m.start)

    def _segment_phrases(self, text: str, known: list[Mention]) -> list[Mention]:
        """'the hospital segment': the words before 'segment' up to a stop word."""
        out: list[Mention] = []
        lead = _BY_LEAD.match(text)
        dimension = lead.group("dim").strip().title() if lead else None
        for match in _SEGMENT_WORD.finditer(text):
            words = list(re.finditer(_WORD, text[: match.start()]))
            taken: list[re.Match[str]] = []
            for word in reversed(words[-6:]):
                gap = text[word.end() : (taken[0].start() if taken else match.start())]
                token = word.group().casefold()
                # "the up to 20 kW segment": 'to' after 'up' belongs to the name.
                up_to = (
                    token == "to"
                    and words.index(word) > 0
                    and words[words.index(word) - 1].group().casefold() == "up"
                )
                if (token in _STOP and not up_to) or gap.strip():
                    break
                taken.insert(0, word)
            if not taken or len(taken) > 5:
                continue
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


def inline_groups(text: str) -> list[tuple[str, list[str]]]:
    """'(By Product: Instruments, Consumables; By End User: Hospitals)' -> [('Product', [...]), ...]."""
    groups: list[tuple[str, list[str]]] = []
    for match in [*_INLINE_GROUP.finditer(text), *_BRACKET_GROUP.finditer(text)]:
        names = [n.strip(" .") for n in _LIST_SPLIT.split(match.group("items")) if n.strip(" .")]
        names = [n for n in names if len(n.split()) <= 6]
        dimension = re.sub(r"^(?:by|and)\s+", "", match.group("dim").strip(), flags=re.I)
        if len(names) >= 2 and len(dimension.split()) <= 4:
            groups.append((dimension.title() if dimension.islower() else dimension, names))
    return groups
