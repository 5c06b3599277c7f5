"""Hybrid passage search: the embedding search finds paraphrases, a BM25 pass over the same chunks
finds rare exact words ("ClinicalTrials.gov", "El Paso") that a small embedding model blurs.
The two rankings are fused by reciprocal rank.

The lexical index of a report is built from ``chunk_report`` over the stored report, which yields
exactly the chunks that were embedded (chunk ids derive from content), so both rankings speak of
the same passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from assistant.catalogue import Catalogue
from assistant.chunking import Chunk, chunk_report
from assistant.retrieval import Passage, Retriever
from assistant.settings import Settings
from assistant.wording import STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+(?:[.&'][a-z0-9]+)*")
RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very top ranks
CANDIDATES = 20  # passages taken from each ranking before fusion


def terms(text: str) -> list[str]:
    """Lower-cased words without stop words, cut to a 6-letter stem (acquired ~ acquisition)."""
    return [w[:6] for w in _TOKEN.findall(text.lower()) if w not in STOP_WORDS]


@dataclass
class _Doc:
    chunk: Chunk
    counts: Counter[str]
    length: int


class LexicalIndex:
    """BM25 (k1=1.5, b=0.75) over one report's chunks."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self._docs = [_Doc(c, Counter(terms(c.text)), len(terms(c.text))) for c in chunks]
        self._avg = sum(d.length for d in self._docs) / max(len(self._docs), 1)
        frequency: Counter[str] = Counter()
        for doc in self._docs:
            frequency.update(doc.counts.keys())
        n = len(self._docs)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}

    def search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        wanted = set(terms(query))
        scored = []
        for doc in self._docs:
            score = 0.0
            for term in wanted:
                tf = doc.counts.get(term, 0)
                if tf:
                    score += self._idf[term] * tf * 2.5 / (tf + 1.5 * (0.25 + 0.75 * doc.length / self._avg))
            if score > 0:
                scored.append((doc.chunk, score))
        scored.sort(key=lambda item: (-item[1], item[0].start))
        return scored[:k]


class HybridSearcher:
    """Embedding search fused with BM25 within one report (embedding only across reports)."""

    def __init__(self, settings: Settings, retriever: Retriever, catalogue: Catalogue) -> None:
        self._settings = settings
        self._retriever = retriever
        self._catalogue = catalogue
        self._lexical: dict[str, LexicalIndex] = {}

    def _index(self, report_id: str) -> LexicalIndex:
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
