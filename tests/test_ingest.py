"""Ingest against the embedded store and a real Chroma server: idempotent, safe to interrupt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ReportError
from assistant.index.catalogue import Catalogue
from assistant.index.dense import Retriever
from assistant.index.embedder import Embedder
from assistant.index.embeddings import get_passage_embedder
from assistant.index.ingest import ingest
from assistant.index.store import ChromaStore
from assistant.settings import EmbeddingSettings, Settings

SEED_ID = "clinical-trial-smo-market"
OLD_REGION = "North America maintains a dominant position"
NEW_REGION = "North America keeps a commanding lead"


class CountingEmbedder:
    """A real embedder (``base``, which may remember vectors), recording every batch asked for."""

    def __init__(self, base: Embedder) -> None:
        self.base = base
        self.name = base.name
        self.dimension = base.dimension
        self.calls: list[int] = []

    def embed_query(self, text: str) -> list[float]:
        return self.base.embed_query(text)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls.append(len(texts))
        return self.base.embed_documents(texts)


class FailingEmbedder(CountingEmbedder):
    """Fails on its ``fail_on``-th batch, like a crash in the middle of an ingest."""

    def __init__(self, base: Embedder, fail_on: int) -> None:
        super().__init__(base)
        self.fail_on = fail_on

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if len(self.calls) + 1 == self.fail_on:
            self.calls.append(len(texts))
            raise RuntimeError("embedding backend died")
        return super().embed_documents(texts)


def _seed_file(settings: Settings) -> Path:
    return settings.corpus_dir / f"{SEED_ID}.txt"


def _edit_seed(settings: Settings, old: str, new: str) -> None:
    path = _seed_file(settings)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _assert_offsets_check_out(settings: Settings, report_id: str) -> None:
    store = ChromaStore(settings, create=False)
    report = store.get_report(report_id)
    assert report is not None
    chunks = store.get_chunks(sorted(store.chunk_ids(report_id)))
    assert chunks
    for c in chunks:
        assert report.text[c.start : c.end] == c.text


def test_first_ingest_then_nothing_changes(store_settings: Settings) -> None:
    first_embedder = CountingEmbedder(get_passage_embedder(store_settings))  # the real one, unremembered
    first = ingest(store_settings, progress=False, embedder=first_embedder)
    assert first.added == [SEED_ID] and first.ok
    n = first.chunks[SEED_ID]
    assert n > 10 and first.chunks_embedded == n
    assert sum(first_embedder.calls) >= n
    assert max(first_embedder.calls) <= store_settings.embedding.batch_size
    store = ChromaStore(store_settings)
    ids = store.chunk_ids(SEED_ID)
    assert store.count() == n == len(ids)

    again_embedder = CountingEmbedder(get_passage_embedder(store_settings))
    again = ingest(store_settings, progress=False, embedder=again_embedder)
    assert again.unchanged == [SEED_ID]
    assert again.added == again.updated == again.removed == []
    assert again_embedder.calls == []  # no embedding work at all
    assert again.chunks_embedded == again.chunks_deleted == 0
    assert store.chunk_ids(SEED_ID) == ids and store.count() == n
    _assert_offsets_check_out(store_settings, SEED_ID)


def test_search_ranks_regional_insights_first(store_settings: Settings, memo_embedder: Embedder) -> None:
    ingest(store_settings, progress=False, embedder=memo_embedder)
    passages = Retriever(store_settings).search("largest region", k=4)
    assert passages[0].section == "Regional Insights"
    assert OLD_REGION in passages[0].text
    assert all(0.0 <= p.score <= 1.0 for p in passages)
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    text = _seed_file(store_settings).read_text(encoding="utf-8")
    assert text[passages[0].start : passages[0].end] == passages[0].text


def test_changed_report_replaces_only_its_changed_chunks(
    store_settings: Settings, memo_embedder: Embedder
) -> None:
    ingest(store_settings, progress=False, embedder=memo_embedder)
    store = ChromaStore(store_settings)
    before = store.chunk_ids(SEED_ID)
    # A changed paragraph, plus a line at the top that shifts every later offset.
    _edit_seed(store_settings, OLD_REGION, NEW_REGION)
    _edit_seed(store_settings, "Main Layout\n", "Main Layout\nEdited copy of the page.\n")

    embedder = CountingEmbedder(memo_embedder)
    result = ingest(store_settings, progress=False, embedder=embedder)
    assert result.updated == [SEED_ID]
    after = store.chunk_ids(SEED_ID)
    assert after != before and len(after) == result.chunks[SEED_ID] == store.count()
    assert result.chunks_deleted == len(before - after) > 0
    assert 0 < result.chunks_embedded == len(after - before) < len(after)  # unchanged passages kept
    _assert_offsets_check_out(store_settings, SEED_ID)  # moved passages got their new offsets

    top = Retriever(store_settings).search("largest region", k=1)[0]
    assert NEW_REGION in top.text
    assert Catalogue(store_settings).get_report(SEED_ID).text == _seed_file(store_settings).read_text()
    assert ingest(store_settings, progress=False, embedder=memo_embedder).unchanged == [SEED_ID]


def test_removed_report_is_deleted_only_by_a_whole_corpus_ingest(
    store_settings: Settings, memo_embedder: Embedder
) -> None:
    other = store_settings.corpus_dir / "second-copy-market.txt"
    other.write_text(
        _seed_file(store_settings).read_text(encoding="utf-8") + "\nSecond copy.\n", encoding="utf-8"
    )
    result = ingest(store_settings, progress=False, embedder=memo_embedder)
    assert sorted(result.added) == sorted([SEED_ID, "second-copy-market"])
    store = ChromaStore(store_settings)
    n_other = store.count("second-copy-market")
    assert n_other > 0

    other.unlink()
    explicit = ingest(store_settings, [_seed_file(store_settings)], progress=False, embedder=memo_embedder)
    assert explicit.unchanged == [SEED_ID] and explicit.removed == []
    assert store.count("second-copy-market") == n_other

    whole = ingest(store_settings, progress=False, embedder=memo_embedder)
    assert whole.removed == ["second-copy-market"] and whole.unchanged == [SEED_ID]
    assert whole.chunks_deleted == n_other
    assert store.count("second-copy-market") == 0
    assert [r.id for r in store.report_records()] == [SEED_ID]


def test_failure_half_way_leaves_the_previous_index_answering(
    store_settings: Settings, memo_embedder: Embedder
) -> None:
    settings = store_settings.model_copy(update={"embedding": EmbeddingSettings(batch_size=2)})
    ingest(settings, progress=False, embedder=memo_embedder)
    store = ChromaStore(settings)
    old_ids = store.chunk_ids(SEED_ID)
    old_hash = store.report_records()[0].content_hash
    # Change several sections so the new version needs more than one batch.
    _edit_seed(settings, OLD_REGION, NEW_REGION)
    _edit_seed(settings, "The Oncology segment constitutes", "The Oncology segment forms")
    _edit_seed(settings, "The widespread adoption of", "The broad adoption of")

    # Calls: 1 = the section headings, 2 = first batch of passages, 3 = second batch: dies.
    failing = FailingEmbedder(memo_embedder, fail_on=3)
    with pytest.raises(RuntimeError, match="backend died"):
        ingest(settings, progress=False, embedder=failing)
    assert failing.calls[1] == 2 and len(failing.calls) == 3

    # The old version still answers: its record, its chunks, its passages and offsets.
    assert store.report_records()[0].content_hash == old_hash
    assert old_ids < store.chunk_ids(SEED_ID)  # the first new batch went in beside the old chunks
    top = Retriever(settings).search("largest region", k=1)[0]
    assert top.section == "Regional Insights"
    fresh = Catalogue(settings)
    old_report = fresh.get_report(SEED_ID)
    assert OLD_REGION in old_report.text
    for chunk in store.get_chunks(sorted(old_ids)):
        assert old_report.text[chunk.start : chunk.end] == chunk.text

    # The next ingest finishes the job and leaves exactly the new version.
    result = ingest(settings, progress=False, embedder=memo_embedder)
    assert result.updated == [SEED_ID]
    assert store.count() == result.chunks[SEED_ID] == len(store.chunk_ids(SEED_ID))
    assert NEW_REGION in Retriever(settings).search("largest region", k=1)[0].text
    _assert_offsets_check_out(settings, SEED_ID)


def test_bad_files_are_reported_and_do_not_stop_the_others(
    store_settings: Settings, memo_embedder: Embedder
) -> None:
    (store_settings.corpus_dir / "empty-report.txt").write_text("", encoding="utf-8")
    (store_settings.corpus_dir / "binary-report.txt").write_bytes(bytes(range(256)) * 20)
    result = ingest(store_settings, progress=False, embedder=memo_embedder)
    assert result.added == [SEED_ID]
    assert not result.ok
    assert sorted(Path(p).name for p in result.errors) == ["binary-report.txt", "empty-report.txt"]
    for path, message in result.errors.items():
        assert Path(path).name in message
    assert "2 failed" in result.summary()


def test_explicit_paths_and_folders(
    store_settings: Settings, tmp_path: Path, memo_embedder: Embedder
) -> None:
    missing = tmp_path / "nowhere.txt"
    result = ingest(
        store_settings, [store_settings.corpus_dir, missing], progress=False, embedder=memo_embedder
    )
    assert result.added == [SEED_ID]
    assert result.errors == {str(missing): f"{missing}: no such file or folder"}


def test_two_files_with_one_id_are_an_error(store_settings: Settings, memo_embedder: Embedder) -> None:
    text = _seed_file(store_settings).read_text(encoding="utf-8")
    (store_settings.corpus_dir / f"{SEED_ID}.md").write_text(text + "\nAnother edition.\n", encoding="utf-8")
    result = ingest(store_settings, progress=False, embedder=memo_embedder)
    assert len(result.added) == 1
    [(path, message)] = result.errors.items()
    assert "already taken" in message and path.endswith(".txt")


def test_missing_corpus_folder_is_a_report_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "no-corpus")
    with pytest.raises(ReportError, match="no-corpus"):
        ingest(settings, progress=False)


def test_reports_share_length_sorted_batches(store_settings: Settings, memo_embedder: Embedder) -> None:
    settings = store_settings.model_copy(update={"embedding": EmbeddingSettings(batch_size=16)})
    seed_text = _seed_file(settings).read_text(encoding="utf-8")
    for name in ("orbital-debris", "vertical-farming"):
        copy = seed_text.replace(
            "Clinical Trial Site Management Organization", name.replace("-", " ").title()
        )
        (settings.corpus_dir / f"{name}-market.txt").write_text(copy, encoding="utf-8")
    embedder = CountingEmbedder(memo_embedder)
    result = ingest(settings, progress=False, embedder=embedder)
    assert len(result.added) == 3 and result.ok
    total = sum(result.chunks.values())
    passage_calls = embedder.calls[1:]  # the first call embeds the section headings
    assert sum(passage_calls) == total == result.chunks_embedded
    assert passage_calls[:-1] == [16] * (len(passage_calls) - 1)  # full batches across reports
    store = ChromaStore(settings)
    for report_id, n in result.chunks.items():
        assert store.count(report_id) == n
        _assert_offsets_check_out(settings, report_id)
    # Each report's own vector is the normalised mean of its passage vectors.
    got = store.reports.get(ids=[SEED_ID], include=["embeddings"])
    mean = np.mean(store.get_vectors(sorted(store.chunk_ids(SEED_ID))), axis=0)
    assert np.allclose(got["embeddings"][0], mean / np.linalg.norm(mean), atol=1e-5)


def test_a_new_parser_version_re_stores_an_unchanged_report(store_settings, memo_embedder, monkeypatch):
    """Stored fact sheets never lag the parser: a parser bump re-reads reports whose text is unchanged."""
    import assistant.index.ingest as ingest_module
    import assistant.index.records as records_module
    from assistant.index.ingest import ingest

    ingest(store_settings, progress=False, embedder=memo_embedder)
    again = ingest(store_settings, progress=False, embedder=memo_embedder)
    assert again.unchanged and not again.updated
    monkeypatch.setattr(ingest_module, "PARSER_VERSION", records_module.PARSER_VERSION + 1)
    monkeypatch.setattr(records_module, "PARSER_VERSION", records_module.PARSER_VERSION + 1)
    bumped = ingest(store_settings, progress=False, embedder=memo_embedder)
    assert bumped.updated == again.unchanged
    assert bumped.chunks_embedded == 0  # same text, same chunks: nothing to embed again
