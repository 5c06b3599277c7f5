"""`assistant faq` end to end through ``assistant.cli.main.main``: formats, --out, --check, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.errors import InputError
from assistant.faq import write_atomic

SEED_NAME = "clinical-trial-smo-market.txt"
FAQ_LINE = "was estimated to be USD 6.71 Billion in 2025."


def _use(monkeypatch: pytest.MonkeyPatch, settings) -> None:
    """Point the command's own Settings() at a corpus and data dir."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))


def test_check_passes_on_the_seed(monkeypatch, capsys, ingested_settings, tmp_path: Path) -> None:
    _use(monkeypatch, ingested_settings)
    out = tmp_path / "faq.html"
    assert main(["faq", "--format", "html", "--out", str(out), "--check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("faq check passed for clinical-trial-smo-market: ")
    assert "4 agree with the report's own FAQ and 2 with its stated facts" in captured.out
    assert all(line.startswith("faq check: warning: ") for line in captured.err.splitlines())
    assert out.read_text(encoding="utf-8").startswith('<section class="report-faq"')


def test_check_fails_on_a_corrupted_faq(monkeypatch, capsys, settings, tmp_path: Path) -> None:
    from assistant.index.ingest import ingest

    seed = settings.corpus_dir / SEED_NAME
    text = seed.read_text(encoding="utf-8")
    assert text.count(FAQ_LINE) == 1
    seed.write_text(text.replace(FAQ_LINE, "was estimated to be USD 7.00 Billion in 2025."), encoding="utf-8")
    ingest(settings)
    _use(monkeypatch, settings)
    out = tmp_path / "faq.json"
    assert main(["faq", "--check", "--format", "json", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert (
        "faq check: market_size: disagreement: money: the report's FAQ says USD 7.00 Billion, "
        "the generated answer says USD 6.71 billion" in lines
    ), captured.err
    assert lines[-1] == "faq check failed for clinical-trial-smo-market: 1 problem(s); nothing written"
    assert captured.out == ""
    assert not out.exists()


def test_stdout_and_out_give_the_same_bytes_run_after_run(
    monkeypatch, capsysbinary, ingested_settings, tmp_path
):
    _use(monkeypatch, ingested_settings)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["faq", "--format", "json", "--out", str(first)]) == 0
    assert main(["faq", "--format", "json", "--out", str(second)]) == 0
    assert main(["faq", "--format", "json"]) == 0
    printed = capsysbinary.readouterr().out
    assert first.read_bytes() == second.read_bytes() == printed
    summary = json.loads(printed)["summary"]
    assert summary["compared_with_report_faq"] == 4
    assert (
        summary["agree_with_the_report"]
        == summary["compared_with_report_faq"] + summary["compared_with_fact_sheet"]
    )


def test_out_into_a_missing_folder_is_a_clear_error(monkeypatch, capsys, ingested_settings, tmp_path) -> None:
    _use(monkeypatch, ingested_settings)
    target = tmp_path / "nowhere" / "faq.md"
    assert main(["faq", "--out", str(target)]) == 1
    assert capsys.readouterr().err == f"error: cannot write {target}: folder {target.parent} does not exist\n"


def test_unknown_report_is_a_clear_error(monkeypatch, capsys, ingested_settings) -> None:
    _use(monkeypatch, ingested_settings)
    assert main(["faq", "--report", "no-such-report"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no-such-report" in err


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "faq.md"
    write_atomic(target, "old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "new text with a lone surrogate \ud800 that cannot be encoded")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faq.md"]


def test_atomic_write_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="it is a folder"):
        write_atomic(tmp_path, "x")
