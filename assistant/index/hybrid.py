"""Hybrid passage search: the embedding search finds paraphrases, a BM25 pass over the same chunks
finds rare exact words ("ClinicalTrials.gov", "El Paso") that a small embedding model blurs.
The two rankings are fused by reciprocal rank.

The lexical index of a report is built from ``chunk_report`` over the stored report, which yields
exactly the chunks that were embedded (chunk ids derive from content), so both rankings speak of
the same passages.
"""

from __future__ import annotations

from assistant.index.catalogue import Catalogue
from assistant.index.chunking import chunk_report
from assistant.index.dense import Passage, Retriever
from assistant.index.lexical import LexicalIndex
from assistant.settings import Settings

RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very top ranks
CANDIDATES = 20  # passages taken from each ranking before fusion


class HybridSearcher:
    """Embedding search fused with BM25 within one report (embedding only across reports)."""

    def __init__(self, settings: Settings, retriever: Retriever, catalogue: Catalogue) -> None:
        self._settings = settings
        self._retriever = retriever
        self._catalogue = catalogue
        self._lexical: dict[str, LexicalIndex] = {}
        self._generation = catalogue.generation

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

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Passage]:
        dense = self._retriever.search(query, max(k, CANDIDATES), report_id)
        if report_id is None:
            return dense[:k]
        lexical = self._index(report_id).search(query, CANDIDATES)
        fused: dict[tuple[int, int], float] = {}
        passages: dict[tuple[int, int], Passage] = {}
        for rank, passage in enumerate(dense):
            key = (passage.start, passage.end)
            fused[key] = fused.get(key, 0.0) + 1 / (RRF_K + rank)
            passages[key] = passage
        for rank, (chunk, _) in enumerate(lexical):
            key = (chunk.start, chunk.end)
            fused[key] = fused.get(key, 0.0) + 1 / (RRF_K + rank)
            passages.setdefault(
                key,
                Passage(
                    report_id=chunk.report_id,
                    section=chunk.section,
                    start=chunk.start,
                    end=chunk.end,
                    text=chunk.text,
                    score=0.0,
                    chunk_id=chunk.id,
                ),
            )
        order = sorted(fused, key=lambda key: (-fused[key], key))
        return [passages[key] for key in order[:k]]
