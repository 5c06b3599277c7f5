"""One report's passage vectors held in memory, for searches within that report.

A search within one report ranks tens to hundreds of passages: an exact inner product over them
takes microseconds, where a store query (metadata filter, index walk, decoding the results) takes
milliseconds, most of a warm answer's time beyond embedding the question. The vectors are read from
the store once, by the ids of the chunks the report is cut into (ids derive from content, so these
are the chunks that were embedded); when the store lacks any of them, the report is searched
through the store as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.index.chunking import Chunk
from assistant.index.store import ChunkIndex


class ReportVectors:
    """The unit vectors of one report's chunks, searched exactly by inner product."""

    def __init__(self, chunks: Sequence[Chunk], matrix: np.ndarray) -> None:
        if len(chunks) != matrix.shape[0]:
            raise ValueError(f"{len(chunks)} chunks but {matrix.shape[0]} vectors")
        self._chunks = list(chunks)
        self._matrix = matrix

    @classmethod
    def load(cls, chunks: Sequence[Chunk], store: ChunkIndex) -> ReportVectors | None:
        """The stored vectors of ``chunks``; None when the store lacks any (an ingest under way)."""
        first: dict[str, Chunk] = {}
        for chunk in chunks:  # twin passages (same section and text) share one id and one vector
            first.setdefault(chunk.id, chunk)
        unique = list(first.values())
        if not unique:
            return None
        found = store.vectors_by_id([chunk.id for chunk in unique])
        if any(chunk.id not in found for chunk in unique):
            return None
        matrix = np.asarray([found[chunk.id] for chunk in unique], dtype=np.float32)
        return cls(unique, matrix)

    def nearest(self, vector: Sequence[float], k: int) -> list[tuple[Chunk, float]]:
        """The ``k`` chunks of highest inner product with ``vector``, best first (ties: text order)."""
        scores = self._matrix @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(self._chunks[i], float(scores[i])) for i in order]
