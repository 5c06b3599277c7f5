"""A search within one report ranks that report's stored vectors in memory: the same passages, in
the same order and with the same scores as the store's own query, and the store's query again
whenever the store lacks a vector."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.catalogue import Catalogue
from assistant.index.chunking import Chunk, chunk_report
from assistant.index.dense import Retriever
from assistant.index.embedder import Embedder
from assistant.index.embeddings import passage_vectors
from assistant.index.hybrid import HybridSearcher
from assistant.index.report_vectors import ReportVectors
from assistant.index.store import ChromaStore
from assistant.parsing.parse import parse_report
from assistant.settings import Settings

QUERIES = (
    "Which region dominates the market?",
    "fastest growing segment",
    "What did Veeda acquire?",
    "recent partnerships and launches",
    "what holds the market back",
    "decentralised trials",
    "patient recruitment challenges",
    "the weather in Paris",
)


def _ranked_alike(ours: list[tuple[str, float]], theirs: list[tuple[str, float]]) -> None:
    """Same scores rank by rank; the ids agree wherever the scores are not a near tie."""
    assert len(ours) == len(theirs)
    for rank, ((our_id, our_score), (their_id, their_score)) in enumerate(zip(ours, theirs, strict=True)):
        assert our_score == pytest.approx(their_score, abs=1e-5), rank
        tied = [s for _, s in theirs if abs(s - their_score) < 1e-5]
        assert our_id == their_id or len(tied) > 1, rank


def test_the_report_ranking_equals_the_stores_query(ingested_settings) -> None:
    retriever = Retriever(ingested_settings)
    catalogue = Catalogue(ingested_settings, retriever.store)
    [report] = catalogue.reports()
    chunks = chunk_report(catalogue.get_report(report.id), ingested_settings.chunking)
    vectors = ReportVectors.load(chunks, retriever.store)
    assert vectors is not None
    for query in QUERIES:
        vector = retriever.embedder.embed_query(query)
        ours = [(chunk.id, score) for chunk, score in vectors.nearest(vector, 20)]
        theirs = [(hit.chunk.id, 1.0 - hit.distance) for hit in retriever.store.query(vector, 20, report.id)]
        _ranked_alike(ours, theirs)


def test_a_scoped_search_asks_the_store_nothing_once_prepared(ingested_settings, monkeypatch) -> None:
    retriever = Retriever(ingested_settings)
    searcher = HybridSearcher(ingested_settings, retriever)
    [report] = Catalogue(ingested_settings, retriever.store).reports()
    expected = {query: retriever.search(query, 20, report.id) for query in QUERIES}
    searcher.prepare(report.id)

    def no_store_query(*args, **kwargs):
        raise AssertionError("a scoped search queried the store")

    monkeypatch.setattr(retriever.store, "query", no_store_query)
    for query in QUERIES:
        dense = searcher._dense(query, 20, report.id)
        theirs = [(p.chunk_id, p.score) for p in expected[query]]
        _ranked_alike([(p.chunk_id, p.score) for p in dense], theirs)
        passages = searcher.search(query, 4, report.id)
        assert len(passages) == 4
        assert all(p.report_id == report.id and p.text for p in passages)


@pytest.mark.parametrize("store_settings", ["embedded"], indirect=True)
def test_a_report_missing_a_vector_is_searched_through_the_store(
    store_settings: Settings, seed_path, memo_embedder: Embedder
) -> None:
    store = ChromaStore(store_settings)
    report = parse_report(seed_path)
    chunks = chunk_report(report, store_settings.chunking)
    store.add(chunks, passage_vectors(memo_embedder, [c.text for c in chunks], [c.section for c in chunks]))
    store.put_report(report, len(chunks), memo_embedder.embed_documents([report.title])[0])
    store.delete_chunks([chunks[3].id])  # as while an ingest is rewriting the report

    assert ReportVectors.load(chunks, store) is None
    retriever = Retriever(store_settings, store=store)
    searcher = HybridSearcher(store_settings, retriever, Catalogue(store_settings, store))
    passages = searcher.search("Which region dominates the market?", 3, report.id)
    assert len(passages) == 3 and passages[0].section == "Regional Insights"


class _VectorsById:
    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def vectors_by_id(self, ids):
        return {i: self.vectors[i] for i in ids if i in self.vectors}


def _chunk(chunk_id: str, start: int) -> Chunk:
    return Chunk(id=chunk_id, report_id="r", section="S", start=start, end=start + 5, text="words", tokens=1)


def test_twin_passages_rank_once_and_ties_keep_the_text_order() -> None:
    store = _VectorsById({"a": [1.0, 0.0], "b": [0.0, 1.0], "c": [1.0, 0.0]})
    chunks = [_chunk("a", 0), _chunk("b", 10), _chunk("a", 20), _chunk("c", 30)]
    vectors = ReportVectors.load(chunks, store)  # type: ignore[arg-type]
    assert vectors is not None
    ranked = vectors.nearest([1.0, 0.0], 5)
    assert [(chunk.id, chunk.start) for chunk, _ in ranked] == [("a", 0), ("c", 30), ("b", 10)]
    assert [score for _, score in ranked] == [1.0, 1.0, 0.0]
    assert ReportVectors.load([], store) is None  # type: ignore[arg-type]


def test_chunks_and_vectors_must_pair_up() -> None:
    with pytest.raises(ValueError, match="2 chunks but 1 vectors"):
        ReportVectors([_chunk("a", 0), _chunk("b", 5)], np.zeros((1, 2), dtype=np.float32))
