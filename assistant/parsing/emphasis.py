"""Markdown emphasis (``**bold**``, ``__bold__``) hidden from the extractors and restored in what they
return. Publishers bold the very figures a parser looks for ('a CAGR of **17.3%**'); the marks are
blanked to spaces of the same length, so every offset still points into the report's own text, and
each span's text is read back from that text afterwards, marks and all."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

_MARKS = re.compile(r"\*\*|__")


def mask_emphasis(text: str) -> str:
    """``text`` with each ``**`` and ``__`` replaced by two spaces (same length, same offsets)."""
    return _MARKS.sub("  ", text) if "**" in text or "__" in text else text


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` widened over a mark just outside them when the span holds the other
    mark of its pair only ('July 2024:** Acme ...' from '**July 2024:** Acme ...')."""
    for mark in ("**", "__"):
        if text.count(mark, start, end) % 2:
            if text.startswith(mark, start - len(mark)):
                start -= len(mark)
            elif text.startswith(mark, end):
                end += len(mark)
    return start, end


def restore_spans(found: Any, text: str) -> None:
    """Set the ``text`` of every span-like model in ``found`` (one with ``start``, ``end`` and
    ``text``) back to ``text[start:end]``, in place."""
    if isinstance(found, BaseModel):
        values = vars(found)
        start, end = values.get("start"), values.get("end")
        if isinstance(start, int) and isinstance(end, int) and isinstance(values.get("text"), str):
            start, end = _balanced(text, start, end)
            setattr(found, "start", start)  # noqa: B010 - any span-like model
            setattr(found, "end", end)  # noqa: B010
            setattr(found, "text", text[start:end])  # noqa: B010
        for name, value in values.items():
            if name != "text":
                restore_spans(value, text)
    elif isinstance(found, (list, tuple)):
        for item in found:
            restore_spans(item, text)
    elif isinstance(found, dict):
        for item in found.values():
            restore_spans(item, text)
