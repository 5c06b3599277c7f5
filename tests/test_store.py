"""The Chroma store, run against the embedded store and a real `chroma run` server."""

from __future__ import annotations

import re
import socket

import pytest
from pydantic import ValidationError

from assistant.domain.report import Report
from assistant.errors import IndexError_, ReportNotFoundError
from assistant.index.catalogue import Catalogue
from assistant.index.chunking import Chunk, chunk_report
from assistant.index.dense import Retriever
from assistant.index.embedder import Embedder
from assistant.index.embeddings import get_embedder, passage_vectors
from assistant.index.store import ChromaStore, collection_names
from assistant.parsing.parse import parse_report
from assistant.settings import ChunkingSettings, Settings


@pytest.fixture(scope="module")
def seed(seed_path) -> Report:
    return parse_report(seed_path)


def _fill(store: ChromaStore, settings: Settings, report: Report, embedder: Embedder) -> list[Chunk]:
    chunks = chunk_report(report, settings.chunking)
    store.add(chunks, passage_vectors(embedder, [c.text for c in chunks], [c.section for c in chunks]))
    store.put_report(report, len(chunks), embedder.embed_documents([report.title])[0])
    return chunks


def test_collection_names_derive_from_what_shapes_the_index(tmp_path) -> None:
    base = Settings(data_dir=tmp_path)
    chunks, reports = collection_names(base)
    assert chunks == "chunks-all-minilm-l6-v2-cl100k-200-40"
    assert reports == "reports-all-minilm-l6-v2-cl100k-200-40"
    other = Settings(data_dir=tmp_path, chunking=ChunkingSettings(max_tokens=300, overlap_tokens=0))
    assert collection_names(other)[0] == "chunks-all-minilm-l6-v2-cl100k-300-0"
    for name in (chunks, reports):  # Chroma's rules: 3-512 of [a-zA-Z0-9._-], alphanumeric ends
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]{1,510}[a-z0-9]", name)


def test_round_trip(store_settings: Settings, seed: Report, memo_embedder: Embedder) -> None:
    store = ChromaStore(store_settings)
    chunks = _fill(store, store_settings, seed, memo_embedder)
    assert store.exists()
    assert store.count() == len(chunks) == store.count(seed.id)
    assert store.chunk_ids(seed.id) == {c.id for c in chunks}
    assert store.count("no-such-report") == 0

    [record] = store.report_records()
    assert (record.id, record.content_hash, record.chunks) == (seed.id, seed.content_hash, len(chunks))
    assert record.title == seed.title and record.market == seed.market
    stored = store.get_report(seed.id)
    assert stored == seed  # the whole parsed report, text and spans included
    assert store.get_report("no-such-report") is None

    q = get_embedder(store_settings).embed_query("Which region dominates the market?")
    hits = store.query(q, 3)
    assert len(hits) == 3 and hits[0].distance <= hits[1].distance <= hits[2].distance
    assert hits[0].chunk.section == "Regional Insights"
    assert seed.text[hits[0].chunk.start : hits[0].chunk.end] == hits[0].chunk.text
    assert store.query(q, 3, report_id="no-such-report") == []

    gone = [chunks[0].id, chunks[1].id]
    store.delete_chunks(gone)
    assert store.count() == len(chunks) - 2
    assert not store.get_chunks(gone)

    store.delete_report(seed.id)
    assert store.count() == 0 and store.report_records() == []
    store.drop()
    assert not store.exists()


def test_nearest_reports_ranks_by_the_reports_own_vectors(
    store_settings: Settings, seed: Report, memo_embedder: Embedder
) -> None:
    store = ChromaStore(store_settings)
    assert store.nearest_reports(memo_embedder.embed_query("clinical trial sites"), 3) == []
    other = seed.model_copy(update={"id": "deep-sea-cable-market", "title": "Deep Sea Cable Market"})
    store.put_report(seed, 1, memo_embedder.embed_documents(["clinical trial site management"])[0])
    store.put_report(other, 1, memo_embedder.embed_documents(["submarine telecom cables"])[0])
    ranked = store.nearest_reports(memo_embedder.embed_query("undersea internet cables"), 5)
    assert [i for i, _ in ranked] == ["deep-sea-cable-market", seed.id]
    assert 1 >= ranked[0][1] > ranked[1][1] >= 0


def test_update_offsets_rewrites_metadata_without_touching_text(
    store_settings: Settings, seed: Report, memo_embedder: Embedder
) -> None:
    store = ChromaStore(store_settings)
    chunks = _fill(store, store_settings, seed, memo_embedder)
    moved = [c.model_copy(update={"start": c.start + 10, "end": c.end + 10}) for c in chunks[:3]]
    store.update_offsets(moved)
    got = {c.id: c for c in store.get_chunks([c.id for c in chunks[:3]])}
    for m in moved:
        assert (got[m.id].start, got[m.id].end, got[m.id].text) == (m.start, m.end, m.text)


def test_second_collection_set_is_independent(
    store_settings: Settings, seed: Report, memo_embedder: Embedder
) -> None:
    small = store_settings.model_copy(update={"chunking": ChunkingSettings(max_tokens=64, overlap_tokens=8)})
    big = ChromaStore(store_settings)
    n_big = len(_fill(big, store_settings, seed, memo_embedder))
    assert ChromaStore(small).count() == 0
    n_small = len(_fill(ChromaStore(small), small, seed, memo_embedder))
    assert n_small > n_big and big.count() == n_big


def test_readers_on_a_missing_index_say_to_ingest(store_settings: Settings) -> None:
    with pytest.raises(IndexError_, match="assistant ingest"):
        Retriever(store_settings).search("largest region")
    with pytest.raises(IndexError_, match="assistant ingest"):
        Catalogue(store_settings).list_reports()
    if store_settings.chroma_url is None:
        assert not (store_settings.data_dir / "chroma").exists()  # reading never creates a store


def test_empty_index_and_unknown_report(
    store_settings: Settings, seed: Report, memo_embedder: Embedder
) -> None:
    store = ChromaStore(store_settings)  # collections exist but hold nothing
    with pytest.raises(IndexError_, match="assistant ingest"):
        Retriever(store_settings).search("largest region")
    _fill(store, store_settings, seed, memo_embedder)
    with pytest.raises(ReportNotFoundError, match="nope"):
        Retriever(store_settings).search("largest region", report_id="nope")
    with pytest.raises(ReportNotFoundError, match=seed.id):  # the message lists the known ids
        Catalogue(store_settings).get_report("nope")


def test_unreachable_server_is_an_index_error(tmp_path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: nothing answers here
        settings = Settings(data_dir=tmp_path, chroma_url=f"http://127.0.0.1:{port}")
        with pytest.raises(IndexError_, match=f"127.0.0.1:{port}"):
            ChromaStore(settings)
        with pytest.raises(IndexError_, match=f"127.0.0.1:{port}"):
            Catalogue(settings).list_reports()


def test_malformed_server_url_is_refused_before_any_store_opens(tmp_path) -> None:
    with pytest.raises(ValidationError, match="not-a-url"):
        Settings(data_dir=tmp_path, chroma_url="not-a-url")
