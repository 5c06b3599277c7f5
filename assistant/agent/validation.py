"""Checks a question before any work is done; a bad one becomes a ``rejected`` Answer, not an error."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_question(question: object, max_chars: int) -> tuple[str, str | None]:
    """Return ``(cleaned, problem)``; ``problem`` is a user-facing reason to reject, or None."""
    if not isinstance(question, str):
        return "", "The question must be text."
    cleaned = unicodedata.normalize("NFKC", _CONTROL.sub(" ", question)).strip()
    if not cleaned:
        return "", "Please type a question about the report."
    if len(cleaned) > max_chars:
        return cleaned[:max_chars], (
            f"That question is {len(cleaned):,} characters long; the limit is {max_chars:,}. "
            "Please ask something shorter."
        )
    if not re.search(r"\w", cleaned):
        return cleaned, "That message has no words in it; please ask a question about the report."
    return cleaned, None
