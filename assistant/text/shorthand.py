"""Analysts' shorthand spelt out ('mkt sz' -> 'market size', 'site mgmt orgs' -> 'site management
organizations'), from ``data/shorthand.txt``: the planner reads questions this way, and routing
matches report names this way."""

from __future__ import annotations

import re

from assistant.text.words import word_map

_SHORTHAND = word_map("shorthand")
# ('US$ 4.5bn' is a currency sign, not the United States)
_SHORTHAND_WORD = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, _SHORTHAND)) + r")(?![\w$])", re.I)


def spelt_out(text: str) -> str:
    """``text`` with each shorthand word replaced by what it stands for."""
    return _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group(1).lower()], text)
