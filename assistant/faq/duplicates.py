"""Find a generated answer that repeats an earlier one, so a published FAQ never says the same
thing twice under two questions.

Two answers are the same when their words are the same (citation markers, case and spacing
aside), or when they cite the very same passages, state the very same numbers, and their wording
differs only in a lead-in ("The report describes these drivers:" against "... these organisations:").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from assistant.domain.answer import Answer

_MARKER = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SAME_PASSAGES_SIMILARITY = 0.9  # share of the wording two answers citing the same passages must share


def normalised(text: str) -> str:
    """The answer's words: markers dropped, case folded, spacing collapsed."""
    return " ".join(_MARKER.sub(" ", text).casefold().split())


def repeats(answer: Answer, earlier: Answer) -> bool:
    """True when ``answer`` says what ``earlier`` already said."""
    if answer.status != "answered" or earlier.status != "answered":
        return False
    mine, theirs = normalised(answer.text), normalised(earlier.text)
    if mine == theirs:
        return True
    spans = {(c.start, c.end) for c in answer.citations}
    if not spans or spans != {(c.start, c.end) for c in earlier.citations}:
        return False
    if sorted(_NUMBER.findall(mine)) != sorted(_NUMBER.findall(theirs)):
        return False  # the same passages read for another year or figure: a different answer
    return difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio() >= SAME_PASSAGES_SIMILARITY


def first_repeated(answer: Answer, earlier: Iterable[tuple[str, Answer]]) -> str | None:
    """The key of the first earlier answer ``answer`` repeats, or None."""
    return next((key for key, other in earlier if repeats(answer, other)), None)
