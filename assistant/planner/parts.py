"""Cutting a message into the questions it asks: 'what's the top region and the fastest segment?' is
two. A clause only becomes a part of its own when it asks something by itself; 'between 2025 and
2031' or 'Europe and Asia' stay whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

_JOINER = re.compile(
    r"\?\s+(?=\S)"
    r"|\s*;\s*"
    r"|\s+\+\s*|\s*\+\s+|\s+&\s+"
    r"|,?\s+(?:and also|and then|as well as|and|plus|also|then)\s+"
    r"|,\s+"
    r"|\s+(?:vs\.?|versus)\s+",
    re.I,
)
# Joiners that set two things side by side: they cut only between two questions ('drivers vs
# challenges'), never inside one ('2030 vs 2024', 'Europe vs Asia growth').
COMPARING = re.compile(r"^\s+(?:vs\.?|versus)\s+$", re.I)


def _name_pattern(name: str) -> str:
    words = [re.escape(w) for w in re.split(r"\s+(?:&|and)\s+|\s+", name.strip()) if w]
    return r"\b" + r"(?:\s+(?:&|and)\s+|\s+)".join(words) + r"\b"


def clauses(message: str, names: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The message's clauses, each with the joiner that preceded it ('' for the first). A joiner
    inside one of ``names`` ('Middle East and Africa') does not cut."""
    protected = [
        (m.start(), m.end())
        for name in names
        if " and " in f" {name.lower()} " or "&" in name
        for m in re.finditer(_name_pattern(name), message, re.I)
    ]
    found: list[tuple[str, str]] = []
    start, joiner = 0, ""
    for match in _JOINER.finditer(message):
        if any(a < match.start() and match.end() < b for a, b in protected):
            continue
        piece = message[start : match.start()].strip()
        if piece:
            found.append((joiner, piece))
        joiner, start = match.group(0), match.end()
    last = message[start:].strip()
    if last:
        found.append((joiner, last))
    return found
