"""Hybrid passage search: the embedding search finds paraphrases, a BM25 pass over the same chunks
finds rare exact words ("EN 14511", "Rotterdam") that a small embedding model blurs.
The two rankings are fused by reciprocal rank; then passages holding the query's exact words come
first (the words side by side in order before the words merely all present), whatever their
embedding score, so a search for a name finds the passage that names it.

The lexical index of a report is built from ``chunk_report`` over the stored report, which yields
exactly the chunks that were embedded (chunk ids derive from content), so both rankings speak of
the same passages. Within one report the embedding ranking is computed in memory over that report's
stored vectors (``ReportVectors``); across reports (no ``report_id``) it is the store's query, and
the lexical pass runs over the reports the embedding search found candidates in.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.index.catalogue import Catalogue
from assistant.index.chunking import Chunk, chunk_report
from assistant.index.dense import Passage, Retriever, check_search, similarity
from assistant.index.lexical import LexicalIndex
from assistant.index.report_vectors import ReportVectors
from assistant.settings import Settings

RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very top ranks
CANDIDATES = 20  # passages taken from each ranking before fusion

Key = tuple[str, int, int]  # report id, start, end


@dataclass(frozen=True)
class _ReportIndex:
    """What a search within one report reads: its words, and its vectors when the store has them all."""

    lexical: LexicalIndex
    vectors: ReportVectors | None


class HybridSearcher:
    """Embedding search fused with BM25, exact-word matches first."""

    def __init__(
        self, settings: Settings, retriever: Retriever | None = None, catalogue: Catalogue | None = None
    ) -> None:
        self._settings = settings
        self._retriever = retriever or Retriever(settings)
        self._catalogue = catalogue or Catalogue(settings)
        self._indexes: dict[str, _ReportIndex] = {}
        self._generation = self._catalogue.generation

    def _index(self, report_id: str) -> _ReportIndex:
        if self._generation != self._catalogue.generation:  # the store changed: reports may differ
            self._indexes.clear()
            self._generation = self._catalogue.generation
        index = self._indexes.get(report_id)
        if index is None:
            report = self._catalogue.get_report(report_id)
            chunks = chunk_report(report, self._settings.chunking)
            vectors = ReportVectors.load(chunks, self._retriever.store)
            index = self._indexes[report_id] = _ReportIndex(LexicalIndex(chunks), vectors)
        return index

    def prepare(self, report_id: str) -> None:
        """Build the report's word index and read its vectors now (the tokenizer is loaded on first
        use) rather than on the first search."""
        self._index(report_id)

    def _dense(self, query: str, k: int, report_id: str | None) -> list[Passage]:
        vectors = self._index(report_id).vectors if report_id else None
        if vectors is None:
            return self._retriever.search(query, k, report_id)
        check_search(query, k)
        found = vectors.nearest(self._retriever.embedder.embed_query(query.strip()), k)
        return [_passage(chunk, similarity(score)) for chunk, score in found]

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Passage]:
        """The ``k`` best passages for ``query``, optionally within one report."""
        dense = self._dense(query, max(k, CANDIDATES), report_id)
        reports = [report_id] if report_id else list(dict.fromkeys(p.report_id for p in dense))
        fused: dict[Key, float] = {}
        passages: dict[Key, Passage] = {}
        for rank, passage in enumerate(dense):
            key = (passage.report_id, passage.start, passage.end)
            fused[key] = fused.get(key, 0.0) + 1 / (RRF_K + rank)
            passages[key] = passage
        exact: dict[Key, int] = {}
        for rid in reports:
            index = self._index(rid).lexical
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


def _passage(chunk: Chunk, score: float = 0.0) -> Passage:
    """A chunk as a passage; one only the lexical pass found has no embedding score, so 0."""
    return Passage(
        report_id=chunk.report_id,
        section=chunk.section,
        start=chunk.start,
        end=chunk.end,
        text=chunk.text,
        score=score,
        chunk_id=chunk.id,
    )
