"""BM25 over one report's chunks: finds rare exact words ("EN 14511", "Rotterdam") that a
small embedding model blurs."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from assistant.index.chunking import Chunk
from assistant.text.tokens import terms


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
