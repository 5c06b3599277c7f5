"""Segments a page names only in prose, found beside one the extractors already know.

A press release lists no segmentation: "Gin alternatives were the largest product type, capturing
38.7%" names one segment, and "the report sizes whiskey alternatives at 21.4%, ... rum alternatives at
11.2%" names its siblings by the same head noun. A phrase ending in a known segment's head noun, with
a figure right after it, is taken as another segment of that dimension, so a second reading of the
page's figures can give those figures their segment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.domain.report import Quantity

# head nouns that name no kind of product or service ('market', 'share', 'revenue'): no siblings
_GENERIC_HEADS = frozenset(
    "market markets segment segments sales revenue revenues share shares type types industry sector "
    "region regions country countries players companies others other total demand growth year years".split()
)
# words before a head noun that qualify it rather than name a sibling ('other alternatives')
_NOT_MODIFIERS = frozenset(
    "the a an of and or other these those such all both its their our some many more most new key main "
    "major leading global top this that which whose each every several various few no".split()
)
# 'fastest-growing retail', 'largest channel': a ranking, not a name
_RANKING = re.compile(r"(?:fast|slow|quick|larg|big|small|lead|domin|grow|top)[\w-]*", re.I)
# how far after the name its figure may start: 'whiskey alternatives at 21.4%', ', although only 6.5%'
_FIGURE_REACH = 40
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s?%|(?:USD|US\$|\$|EUR|€|GBP|£)\s?\d")
MIN_HEAD = 4
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*$")


def sibling_segments(
    text: str, quantities: Iterable[Quantity], market_words: frozenset[str] = frozenset()
) -> list[tuple[str, list[str]]]:
    """(dimension, names) groups of segments named like a known one and followed by a figure; a
    phrase of the market's own words ('hotel linen' of a hotel linen market) names no segment."""
    seeds: dict[str, tuple[str, set[str]]] = {}  # head noun -> (dimension, known names, casefolded)
    for q in quantities:
        name = _BRACKETED.sub("", q.scope.name or "")  # 'Bath linen (towels, robes)' is 'Bath linen'
        words = name.split()
        if q.scope.kind != "segment" or len(words) < 2:
            continue
        head = words[-1].lower()
        if len(head) < MIN_HEAD or not head.isalpha() or head in _GENERIC_HEADS:
            continue
        dimension, known = seeds.setdefault(head, (q.scope.dimension or "", set()))
        known.add(name.casefold())
    groups: list[tuple[str, list[str]]] = []
    for head, (dimension, known) in seeds.items():
        found: dict[str, str] = {}
        # one word before the head noun: 'X and Y <head>' is as often '... of revenue and Y <head>'
        pattern = re.compile(rf"\b([A-Za-z][\w-]*)\s+{re.escape(head)}\b", re.I)
        for match in pattern.finditer(text):
            modifier = match.group(1)
            first = modifier.lower()
            name = f"{modifier} {head}"
            folded = name.casefold()
            if first in _NOT_MODIFIERS or _RANKING.fullmatch(first) or first in market_words:
                continue
            if folded in found or any(k.endswith(folded) for k in known):
                continue  # ('composite inserts' is the end of the known 'Ceramic and TiC composite inserts')
            if not _FIGURE.search(text, match.end(), match.end() + _FIGURE_REACH) or _in_brackets(
                text, match.start()
            ):
                continue  # ('Mineral exploration holes (core and blast holes)': what a name covers)
            found[folded] = name[:1].upper() + name[1:]
        if found:
            groups.append((dimension, list(found.values())))
    return groups


def _in_brackets(text: str, position: int) -> bool:
    opened = text.rfind("(", max(0, position - 120), position)
    return opened >= 0 and ")" not in text[opened:position]
