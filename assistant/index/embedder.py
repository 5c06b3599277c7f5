"""The embedder protocol: texts in, unit-length vectors out.

Everything that embeds (ingest, search, the planner's intent classifier, routing) depends on this
narrow seam only, so the implementation behind it (ONNX Runtime for questions, ONNX Runtime or
sentence-transformers at ingest, a hashing fake in unit tests) is chosen in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol, runtime_checkable


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors of ``dimension`` floats (cosine = dot product)."""

    @property
    def name(self) -> str:
        """The model's name; it is part of the store's collection name."""
        ...

    @property
    def dimension(self) -> int:
        """Length of every vector."""
        ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order; an empty list for no texts."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """The vector of one question, in the same space as the documents'."""
        ...


QUERY_CACHE_SIZE = 2048


class QueryCache:
    """An in-memory LRU cache of question vectors: a repeated question costs a lookup.

    Callers get a fresh list each time, so mutating it cannot corrupt the cache.
    """

    def __init__(self, compute: Callable[[str], Sequence[float]], size: int = QUERY_CACHE_SIZE) -> None:
        self._cached = lru_cache(maxsize=size)(lambda text: tuple(map(float, compute(text))))

    def __call__(self, text: str) -> list[float]:
        return list(self._cached(text))

    def info(self) -> tuple[int, int]:
        """(hits, misses) so far."""
        stats = self._cached.cache_info()
        return stats.hits, stats.misses
