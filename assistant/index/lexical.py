"""BM25 over one report's chunks: finds rare exact words ("EN 14511", "Rotterdam") that a
small embedding model blurs; and which chunks hold a query's exact words at all.

BM25 here is a few lines over the report's own tokenizer (``assistant.text.tokens``): a report has
tens to hundreds of chunks, so scoring them all costs microseconds, and the stems match the ones the
rest of the assistant uses. (bm25s would bring sparse matrices and a tokenizer of its own for no
gain at this size.)
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from assistant.index.chunking import Chunk
from assistant.text.tokens import terms, words
from assistant.text.words import word_list

PHRASE = 2  # the chunk holds the query's words in order, side by side
ALL_WORDS = 1  # the chunk holds every content word of the query, somewhere


@dataclass
class _Doc:
    chunk: Chunk
    counts: Counter[str]
    length: int
    words: list[str]
    vocabulary: frozenset[str]


class LexicalIndex:
    """BM25 (k1=1.5, b=0.75) over one report's chunks."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self._docs = []
        for chunk in chunks:
            stems = terms(chunk.text)
            found = words(chunk.text)
            self._docs.append(_Doc(chunk, Counter(stems), len(stems), found, frozenset(found)))
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

    def exact(self, query: str) -> list[tuple[Chunk, int]]:
        """Chunks holding the query's exact words: PHRASE when in order and adjacent, else ALL_WORDS
        when every content word is there; chunks holding neither are left out. In text order."""
        sequence = words(query)
        stop = word_list("stopwords")
        content = {w for w in sequence if w not in stop}
        if not content:
            return []  # only stop words: every chunk would match
        found = []
        for doc in self._docs:
            if not content <= doc.vocabulary:
                continue
            found.append((doc.chunk, PHRASE if _contains(doc.words, sequence) else ALL_WORDS))
        return found


def _contains(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as a contiguous run."""
    size = len(needle)
    first = needle[0]
    return any(
        haystack[i : i + size] == needle
        for i, word in enumerate(haystack[: len(haystack) - size + 1])
        if word == first
    )
