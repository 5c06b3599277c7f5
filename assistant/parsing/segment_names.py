"""Whether two names a page gives a segment are the same segment written two ways."""

from __future__ import annotations

import re

from assistant.text.words import word_list

_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")


def _words(name: str, ignored: frozenset[str]) -> list[str]:
    plain = _TRAILING_BRACKET.sub("", name).casefold().replace("&", " and ")
    words = re.findall(r"[\w/-]+", plain)
    kept = [w for w in words if w not in ignored] or words
    return kept[:-1] if len(kept) > 1 and kept[-1] in word_list("segment-kind-tails") else kept


def same_segment_name(a: str, b: str, ignored: frozenset[str] = frozenset()) -> bool:
    """'Routine testing' and 'Routine testing (ISO 8217)'; 'Extended & forensic analysis' and
    'Extended and forensic analysis'; a short form that keeps the first and last words and some
    between ('Individual programmes' for 'Individual career transition programmes'); a last word that
    only says what kind of buyer or site ('Cold storage facilities' for 'Cold storage'); the first of
    a pair ('retrofit' for 'retrofit and replacement projects'); the words
    ``ignored`` (the market's own name) left out ('Rechargeable fabric shavers' and 'Rechargeable
    (USB / lithium-ion)' of a fabric shaver market)."""
    x, y = _words(a, ignored), _words(b, ignored)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) == 1:
        # 'the retrofit segment' for 'retrofit and replacement projects': the first of a pair, named
        # by that one word alone
        one_word = len(_words(a, frozenset())) == 1 or len(_words(b, frozenset())) == 1
        return one_word and len(long) >= 3 and long[0] == short[0] and long[1] == "and"
    return (
        len(short) < len(long) and short[0] == long[0] and short[-1] == long[-1] and set(short) <= set(long)
    )
