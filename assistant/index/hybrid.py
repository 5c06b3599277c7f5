"""Hybrid passage search: the embedding search finds paraphrases, a BM25 pass over the same chunks
finds rare exact words ("EN 14511", "Rotterdam") that a small embedding model blurs.
The two rankings are fused by reciprocal rank; then passages holding the query's exact words come
first (the words side by side in order before the words merely all present), whatever their
embedding score, so a search for a name finds the passage that names it.

The lexical index of a report is built from ``chunk_report`` over the stored report, which yields
exactly the chunks that were embedded (chunk ids derive from content), so both rankings speak of
the same passages. Across reports (no ``report_id``), the lexical pass runs over the reports the
embedding search found candidates in.
"""

from __future__ import annotations

from assistant.index.catalogue import Catalogue
from assistant.index.chunking import Chunk, chunk_report
from assistant.index.dense import Passage, Retriever
from assistant.index.lexical import LexicalIndex
from assistant.settings import Settings

RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very top ranks
CANDIDATES = 20  # passages taken from each ranking before fusion

Key = tuple[str, int, int]  # report id, start, end


class HybridSearcher:
    """Embedding search fused with BM25, exact-word matches first."""

    def __init__(
        self, settings: Settings, retriever: Retriever | None = None, catalogue: Catalogue | None = None
    ) -> None:
        self._settings = settings
        self._retriever = retriever or Retriever(settings)
        self._catalogue = catalogue or Catalogue(settings)
        self._lexical: dict[str, LexicalIndex] = {}
        self._generation = self._catalogue.generation

    def _index(self, report_id: str) -> LexicalIndex:
        if self._generation != self._catalogue.generation:  # the store changed: reports may differ
            self._lexical.clear()
            self._generation = self._catalogue.generation
        index = self._lexical.get(report_id)
        if index is None:
            report = self._catalogue.get_report(report_id)
            index = LexicalIndex(chunk_report(report, self._settings.chunking))
            self._lexical[report_id] = index
        return index

    def prepare(self, report_id: str) -> None:
        """Build the report's word index now (its tokenizer is loaded on first use) rather than on
        the first search."""
        self._index(report_id)

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Passage]:
        """The ``k`` best passages for ``query``, optionally within one report."""
        dense = self._retriever.search(query, max(k, CANDIDATES), report_id)
        reports = [report_id] if report_id else list(dict.fromkeys(p.report_id for p in dense))
        fused: dict[Key, float] = {}
        passages: dict[Key, Passage] = {}
        for rank, passage in enumerate(dense):
            key = (passage.report_id, passage.start, passage.end)
            fused[key] = fused.get(key, 0.0) + 1 / (RRF_K + rank)
            passages[key] = passage
        exact: dict[Key, int] = {}
        for rid in reports:
            index = self._index(rid)
            for rank, (chunk, _) in enumerate(index.search(query, CANDIDATES)):
                key = (chunk.report_id, chunk.start, chunk.end)
                fused[key] = fused.get(key, 0.0) + 1 / (RRF_K + rank)
                passages.setdefault(key, _passage(chunk))
            for chunk, tier in index.exact(query):
                key = (chunk.report_id, chunk.start, chunk.end)
                exact[key] = tier
                fused.setdefault(key, 0.0)
                passages.setdefault(key, _passage(chunk))
        order = sorted(fused, key=lambda key: (-exact.get(key, 0), -fused[key], key))
        return [passages[key] for key in order[:k]]


def _passage(chunk: Chunk) -> Passage:
    """A passage only the lexical pass found (its embedding score is unknown, so 0)."""
    return Passage(
        report_id=chunk.report_id,
        section=chunk.section,
        start=chunk.start,
        end=chunk.end,
        text=chunk.text,
        score=0.0,
        chunk_id=chunk.id,
    )
