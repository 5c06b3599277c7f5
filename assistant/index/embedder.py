"""The embedder protocol: texts in, unit-length vectors out.

Everything that embeds (ingest, search, the planner's intent classifier, routing) depends on this
narrow seam only, so the implementation behind it (ONNX Runtime for questions, ONNX Runtime or
sentence-transformers at ingest, a hashing fake in unit tests) is chosen in one place.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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
PREFETCH_START_WAIT_S = 0.002  # how long a prefetch waits for the background thread to pick it up


@runtime_checkable
class PrefetchingEmbedder(Protocol):
    """An embedder that can start a question's vector in the background before it is asked for."""

    def prefetch_query(self, text: str) -> None:
        """Begin embedding ``text`` on a background thread; ``embed_query(text)`` then waits for it."""
        ...


# compute(text, releasing): the vector of ``text``; ``releasing()`` is called right before the part of
# the work that releases the GIL (the model's run), which is when a prefetching caller may go on.
ComputeQuery = Callable[[str, Callable[[], None]], Sequence[float]]


def _nothing() -> None:
    return None


class QueryCache:
    """An in-memory LRU cache of question vectors: a repeated question costs a lookup.

    ``prefetch`` starts a vector on a background thread, so that the model (which releases the GIL)
    runs while the caller reads the question with rules; asking for it then waits for that run. While
    the one background thread is busy no prefetch is queued behind it (a caller computes its own), so
    under load no question waits for another's. Callers get a fresh list each time, so mutating it
    cannot corrupt the cache.
    """

    def __init__(self, compute: ComputeQuery, size: int = QUERY_CACHE_SIZE) -> None:
        self._compute = compute
        self._size = size
        self._vectors: OrderedDict[str, tuple[float, ...]] = OrderedDict()
        self._pending: dict[str, Future[tuple[float, ...]]] = {}
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._hits = self._misses = 0

    def __call__(self, text: str) -> list[float]:
        with self._lock:
            vector = self._vectors.get(text)
            if vector is not None:
                self._vectors.move_to_end(text)
                self._hits += 1
                return list(vector)
            self._misses += 1
            pending = self._pending.get(text)
        if pending is not None:  # (cancelled only in the moment before the worker picks it up)
            if not pending.cancel():
                return list(pending.result())  # running already: its error, if any, is raised here
            with self._lock:
                self._pending.pop(text, None)
        return list(self._embed(text))

    def prefetch(self, text: str) -> None:
        """Start embedding ``text`` in the background unless it is cached or on its way."""
        with self._lock:
            if text in self._vectors or self._pending:
                return  # cached, or the worker is busy: the caller computes it when it needs it
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query-embedding")
            started = threading.Event()
            self._pending[text] = self._executor.submit(self._embed, text, started)
        # Waiting (which releases the GIL) lets the worker take it and run up to the model, which
        # releases it again. Without the wait the worker would get the GIL back only when this thread
        # blocks or after its switch interval (5 ms), and the two would not overlap. The wait is
        # bounded: a thread slow to wake on a loaded machine only loses the overlap.
        started.wait(PREFETCH_START_WAIT_S)

    def _embed(self, text: str, started: threading.Event | None = None) -> tuple[float, ...]:
        try:
            vector = tuple(map(float, self._compute(text, started.set if started else _nothing)))
        except BaseException:
            with self._lock:
                self._pending.pop(text, None)
            raise
        with self._lock:
            self._pending.pop(text, None)
            self._vectors[text] = vector
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return vector

    def info(self) -> tuple[int, int]:
        """(hits, misses) so far."""
        with self._lock:
            return self._hits, self._misses
