"""Questions about a detail a report states in passing, recognised by their form: what kind of
company a name is ('what kind of company is glacia', 'who is glacia'), and whether the report is
out yet. Both are answered from the report's sentences; nothing here knows a report."""

from __future__ import annotations

import re

_KIND_OF = re.compile(
    r"^\s*(?:so\s+|and\s+)?(?:what|which)\s+(?:kind|type|sort)\s+of\s+"
    r"(?:company|firm|organi[sz]ation|business|player|provider|vendor|supplier|maker|group)\s+(?:is|was)\s+"
    r"(?P<name>[\w&.'-]+(?:\s+[\w&.'-]+){0,3}?)\s*\??\s*$"
    r"|^\s*(?:so\s+|and\s+)?who\s+(?:is|are|was)\s+(?P<who>[\w&.'-]+(?:\s+[\w&.'-]+){0,3}?)\s*\??\s*$",
    re.I,
)
# 'who is the publisher', 'who is it': not a name the report describes.
_NOT_A_NAME = re.compile(
    r"^(the|a|an|this|that|it|they|them|he|she|its|their|there|behind|responsible|leading|biggest|largest)\b",
    re.I,
)
_RELEASE = re.compile(
    r"\b(out yet|released yet|been released|release(?:d)? soon|upcoming|forthcoming|available yet"
    r"|pre-?orders?|when (?:is|will) (?:it|the report|this report) (?:be )?(?:out|released|available))\b",
    re.I,
)
RELEASE_WORDS = "report released upcoming forthcoming available release"


def described_name(question: str) -> str | None:
    """The name a 'what kind of company is X' or 'who is X' question asks about, if it is one."""
    match = _KIND_OF.match(question)
    if match is None:
        return None
    name = (match.group("name") or match.group("who") or "").strip(" .")
    return None if not name or _NOT_A_NAME.match(name) else name


def asks_release(question: str) -> bool:
    """'is this report out yet or upcoming?', 'has it been released yet'."""
    return bool(_RELEASE.search(question))
