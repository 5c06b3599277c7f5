"""Analysts' shorthand spelt out ('mkt sz' -> 'market size', 'site mgmt orgs' -> 'site management
organizations'), from ``data/shorthand.txt``: the planner reads questions this way, and routing
matches report names this way."""

from __future__ import annotations

import re

from assistant.text.words import word_map

_SHORTHAND = word_map("shorthand")
# ('US$ 4.5bn' is a currency sign, not the United States)
_SHORTHAND_WORD = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, _SHORTHAND)) + r")(?![\w$])", re.I)


# 'what cagr gets us to 10bn', 'tell us': the pronoun, not the United States
PRONOUN_US = re.compile(
    r"\b(?P<verb>gets?|got|getting|give|gives|tell|tells|show|shows|let|lets|help|helps|take|takes|bring|brings"
    r"|put|puts|leave|leaves|send|walk|remind)\s+(?P<us>us)\b",
)


def spelt_out(text: str) -> str:
    """``text`` with each shorthand word replaced by what it stands for."""
    pronouns = {m.start("us") for m in PRONOUN_US.finditer(text)}
    return _SHORTHAND_WORD.sub(
        lambda m: m.group(1) if m.start() in pronouns else _SHORTHAND[m.group(1).lower()], text
    )
