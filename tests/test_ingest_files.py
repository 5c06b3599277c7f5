"""What ingest does with awkward files: ids made of non-ASCII names, one id from two files across runs,
the same content under two names, hidden files, and paths that do not exist."""

from __future__ import annotations

import io
from pathlib import Path

from assistant.cli.main import main
from assistant.index.catalogue import Catalogue
from assistant.index.embedder import Embedder
from assistant.index.ingest import ingest
from assistant.index.store import ChromaStore
from assistant.settings import Settings

SEED_ID = "clinical-trial-smo-market"


def _variant(seed_text: str, tag: str) -> str:
    """The seed report with one distinguishing line, so its content hash is its own."""
    return seed_text + f"\nEdition note: {tag}.\n"


def test_non_ascii_names_keep_their_own_ids(settings: Settings, seed_text: str, memo_embedder: Embedder):
    folder = settings.corpus_dir
    (folder / f"{SEED_ID}.txt").unlink()
    names = ["Über Pumpen.txt", "Überwachung.txt", "市场报告.txt", "???.txt", "!!!.txt"]
    for name in names:
        (folder / name).write_text(_variant(seed_text, name), encoding="utf-8")
    result = ingest(settings, progress=False, embedder=memo_embedder)
    assert result.ok and len(result.added) == len(names), result
    assert {"über-pumpen", "überwachung", "市场报告"} <= set(result.added)
    assert sum(i.startswith("report-") for i in result.added) == 2
    stored = {r.id: Path(r.path).name for r in ChromaStore(settings).report_records()}
    assert sorted(stored.values()) == sorted(names)


def test_one_id_from_two_folders_across_runs_is_refused_unless_replaced(
    settings: Settings, seed_text: str, tmp_path: Path, memo_embedder: Embedder
):
    first, second = tmp_path / "north" / "report.txt", tmp_path / "south" / "report.txt"
    for path, tag in ((first, "north"), (second, "south")):
        path.parent.mkdir()
        path.write_text(_variant(seed_text, tag), encoding="utf-8")
    assert ingest(settings, [first], progress=False, embedder=memo_embedder).added == ["report"]

    refused = ingest(settings, [second], progress=False, embedder=memo_embedder)
    [(path, message)] = refused.errors.items()
    assert path == str(second) and str(first) in message and str(second) in message and "--replace" in message
    assert refused.added == refused.updated == []
    assert "Edition note: north." in Catalogue(settings).get_report("report").text  # nothing replaced

    replaced = ingest(settings, [second], progress=False, embedder=memo_embedder, replace=True)
    assert replaced.ok and replaced.updated == ["report"] and replaced.replaced == {"report": str(first)}
    assert "Edition note: south." in Catalogue(settings).get_report("report").text


def test_a_moved_file_updates_its_report(settings: Settings, seed_text: str, tmp_path: Path, memo_embedder):
    old = tmp_path / "old" / "report.txt"
    old.parent.mkdir()
    old.write_text(_variant(seed_text, "one"), encoding="utf-8")
    ingest(settings, [old], progress=False, embedder=memo_embedder)
    new = tmp_path / "new" / "report.txt"
    new.parent.mkdir()
    old.rename(new)
    new.write_text(_variant(seed_text, "two"), encoding="utf-8")
    result = ingest(settings, [new], progress=False, embedder=memo_embedder)
    assert result.ok and result.updated == ["report"]


def test_the_same_content_under_two_names_is_stored_once(settings: Settings, seed_text: str, memo_embedder):
    copy = settings.corpus_dir / "smo-copy.txt"
    copy.write_text(seed_text, encoding="utf-8")
    result = ingest(settings, progress=False, embedder=memo_embedder)
    assert result.ok and result.added == [SEED_ID]
    assert result.skipped == {
        str(copy): f"same content as {settings.corpus_dir / (SEED_ID + '.txt')} (report {SEED_ID}): skipped"
    }
    assert "1 skipped" in result.summary()

    # Across runs: a later copy is skipped against the stored report, which a whole-corpus ingest keeps.
    later = settings.corpus_dir / "aaa-first-by-name.txt"
    later.write_text(seed_text, encoding="utf-8")
    again = ingest(settings, progress=False, embedder=memo_embedder)
    assert again.unchanged == [SEED_ID] and again.removed == [] and again.added == []
    assert f"the stored report {SEED_ID}" in again.skipped[str(later)]
    assert [r.id for r in ChromaStore(settings).report_records()] == [SEED_ID]


def test_hidden_files_are_skipped_with_a_reason(settings: Settings, seed_text: str, memo_embedder):
    folder = settings.corpus_dir
    (folder / ".draft-market.txt").write_text(_variant(seed_text, "draft"), encoding="utf-8")
    (folder / ".trash").mkdir()
    for name in ("a.txt", "b.md"):
        (folder / ".trash" / name).write_text(_variant(seed_text, name), encoding="utf-8")
    result = ingest(settings, progress=False, embedder=memo_embedder)
    assert result.ok and result.added == [SEED_ID]
    assert "hidden file" in result.skipped[str(folder / ".draft-market.txt")]
    assert "2 report file(s)" in result.skipped[str(folder / ".trash")]


def test_a_missing_folder_is_one_error_and_exit_1(settings: Settings, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)
    missing = tmp_path / "no" / "such" / "folder"
    assert main(["ingest", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"error: {missing}: no such file or folder\n"
    assert not (settings.data_dir / "chroma").exists()  # nothing to read, so no store was made


def test_each_failed_file_is_reported_once(settings: Settings, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)
    (settings.corpus_dir / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["ingest", "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("broken.txt") == 1
    assert "1 added" in captured.out and "1 failed" in captured.out


def test_progress_names_the_model_load_and_each_file(settings: Settings, seed_text: str):
    (settings.corpus_dir / "orbital-kiln-market.txt").write_text(
        _variant(seed_text, "kiln"), encoding="utf-8"
    )
    shown = io.StringIO()
    result = ingest(settings, progress_file=shown)  # the real embedder: its load is what is shown
    assert result.ok and len(result.added) == 2
    text = shown.getvalue()
    loading = text.find("loading the embedding model")
    assert loading >= 0 and text.find("0/2") <= loading
    assert "orbital-kiln-market.txt" in text and f"{SEED_ID}.txt" in text
    assert "2/2" in text and "chunks embedded" in text


def test_a_file_named_twice_in_one_run_is_read_once(settings: Settings, seed_text, memo_embedder, tmp_path):
    folder = tmp_path / "named"
    folder.mkdir()
    path = folder / "report.txt"
    path.write_text(_variant(seed_text, "twice"), encoding="utf-8")
    result = ingest(settings, [path, folder], progress=False, embedder=memo_embedder)
    assert result.ok and result.added == ["report"]
    assert "named twice" in result.skipped[str(path)]
