"""Search a report's passages by meaning, through a small protocol the vector index implements.

The index (Chroma with the packaged MiniLM) lives in ``assistant``; this module only states what it
needs from it, so ``tools`` never imports ``assistant``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

MAX_K = 20
MAX_QUERY_CHARS = 2000


class PassageLike(Protocol):
    """A stored passage: ``text`` is the report's source between ``start`` and ``end``."""

    @property
    def report_id(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...


class PassageSearcher(Protocol):
    """Returns up to ``k`` passages nearest to ``query``, best first (``None``: every report)."""

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> Sequence[PassageLike]: ...


class Passage(BaseModel):
    """One passage found, with the offsets that let it be quoted and checked against the file."""

    report_id: str
    section: str = Field(description="Heading of the section holding the passage.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    score: float = Field(description="Similarity, higher is nearer (as the index reports it).")
    mid_sentence: bool = Field(
        False, description="True when the passage begins inside a sentence: its first words start none."
    )


class SearchResult(BaseModel):
    """Passages nearest to the query, best first."""

    query: str
    report_id: str | None
    passages: list[Passage]


def search_passages(
    searcher: PassageSearcher, query: str, k: int = 4, report_id: str | None = None
) -> SearchResult:
    """Find the report passages nearest in meaning to a query, best first, with character offsets.

    query is a short phrase or question (not empty, at most 2000 characters); k is how many passages
    to return, 1 to 20 (default 4). Quote a passage's text verbatim when citing it; a passage is
    evidence, not an answer: if none states what was asked, say the report does not state it.
    """
    if not isinstance(query, str) or not query.strip():
        raise ValueError("query must be a non-empty phrase or question")
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(f"query must be at most {MAX_QUERY_CHARS} characters, got {len(query)}")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise ValueError(f"k must be a whole number from 1 to {MAX_K}, got {k!r}")
    found = searcher.search(query.strip(), k=k, report_id=report_id)
    passages = [
        Passage(
            report_id=p.report_id,
            section=p.section,
            start=p.start,
            end=p.end,
            text=p.text,
            score=p.score if math.isfinite(p.score) else 0.0,
            mid_sentence=bool(getattr(p, "mid_sentence", False)),
        )
        for p in list(found)[:k]
    ]
    return SearchResult(query=query.strip(), report_id=report_id, passages=passages)
