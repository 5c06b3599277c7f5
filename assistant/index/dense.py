"""Semantic search over the stored chunks: question in, passages with scores and spans out."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.errors import IndexError_, InputError, ReportNotFoundError
from assistant.index.embedded import INGEST_HINT
from assistant.index.embedder import Embedder
from assistant.index.embeddings import get_embedder
from assistant.index.store import ChromaStore, VectorStore
from assistant.settings import Settings

MAX_K = 100


class Passage(BaseModel):
    """A retrieved passage; ``text == report.text[start:end]`` of report ``report_id``."""

    report_id: str
    section: str
    start: int = Field(ge=0, description="Offset of the first character in the report text.")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str
    score: float = Field(
        ge=0.0, le=1.0, description="Blended cosine similarity clipped to 0..1; higher is better."
    )
    chunk_id: str = ""


def check_search(query: str, k: int) -> None:
    """InputError unless ``query`` has text and ``k`` is a passage count a search may ask for."""
    if not query or not query.strip():
        raise InputError("the search text is empty")
    if not 1 <= k <= MAX_K:
        raise InputError(f"k must be between 1 and {MAX_K}, got {k}")


def similarity(inner_product: float) -> float:
    """A passage's score: the inner product of unit vectors, clipped to 0..1."""
    return min(1.0, max(0.0, inner_product))


class Retriever:
    """Embeds a query and asks the store for the nearest chunks.

    The store and the embedder are opened on first use and then kept, so a warm search costs one
    (cached) query embedding and one store query.
    """

    def __init__(
        self, settings: Settings, store: VectorStore | None = None, embedder: Embedder | None = None
    ) -> None:
        self.settings = settings
        self._store = store
        self._embedder = embedder

    @property
    def store(self) -> VectorStore:
        if self._store is None:
            self._store = ChromaStore(self.settings, create=False)
        return self._store

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.settings)
        return self._embedder

    def nearest_reports(self, query: str, k: int) -> list[tuple[str, float]]:
        """The ``k`` reports nearest to ``query`` by their own vectors: (report id, similarity 0..1)."""
        if not query or not query.strip() or k < 1:
            return []
        return self.store.nearest_reports(self.embedder.embed_query(query.strip()), k)

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Passage]:
        """The ``k`` passages nearest to ``query``, best first, optionally within one report."""
        check_search(query, k)
        hits = self.store.query(self.embedder.embed_query(query.strip()), k, report_id)
        if not hits:
            # Only an empty answer pays for finding out why, so warm searches stay one query.
            if report_id and self.store.get_report(report_id) is None:
                raise ReportNotFoundError(f"no report with id {report_id!r} in the index")
            if self.store.count() == 0:
                raise IndexError_(f"the index holds no passages; {INGEST_HINT}")
        return [
            Passage(
                report_id=h.chunk.report_id,
                section=h.chunk.section,
                start=h.chunk.start,
                end=h.chunk.end,
                text=h.chunk.text,
                score=similarity(1.0 - h.distance),
                chunk_id=h.chunk.id,
            )
            for h in hits
        ]
