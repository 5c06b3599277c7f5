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
    *report, summary = captured.out.splitlines()
    assert summary.startswith("faq check passed for clinical-trial-smo-market: ")
    assert "4 agree with the report's own FAQ and 2 with its stated facts" in summary
    # What the answers were compared with is the check's report, not part of the page.
    assert (
        "faq check: market_size: agrees with the report's own FAQ: money USD 6.71 Billion "
        "(generated: USD 6.71 billion); year 2025 (generated: 2025)"
    ) in report
    assert "faq check: forecast_end: agrees with the report's stated facts: " in "\n".join(report)
    assert len(report) == 6
    assert all(line.startswith("faq check: warning: ") for line in captured.err.splitlines())
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<section class="report-faq"' in page
    assert "agrees" not in page


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


def test_all_formats_in_one_run_equal_each_format_alone(
    monkeypatch, capsysbinary, ingested_settings, tmp_path: Path
) -> None:
    _use(monkeypatch, ingested_settings)
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "clinical-trial-smo-market.md").write_text("old\n", encoding="utf-8")
    assert main(["faq", "--format", "all", "--out", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"clinical-trial-smo-market.{ext}" for ext in ("html", "json", "jsonld", "md")]
    capsysbinary.readouterr()
    for fmt in ("md", "json", "jsonld", "html"):
        assert main(["faq", "--format", fmt]) == 0
        written = (folder / f"clinical-trial-smo-market.{fmt}").read_bytes()
        assert written == capsysbinary.readouterr().out, fmt


def test_all_formats_need_an_existing_folder(monkeypatch, capsys, ingested_settings, tmp_path) -> None:
    _use(monkeypatch, ingested_settings)
    assert main(["faq", "--format", "all"]) == 1
    assert capsys.readouterr().err == "error: --format all writes one file per format; give --out DIR\n"
    missing = tmp_path / "missing"
    assert main(["faq", "--format", "all", "--out", str(missing)]) == 1
    assert (
        capsys.readouterr().err == f"error: --format all writes into a folder, and {missing} does not exist\n"
    )


def test_check_failure_with_all_formats_writes_nothing(monkeypatch, capsys, settings, tmp_path) -> None:
    from assistant.index.ingest import ingest

    seed = settings.corpus_dir / SEED_NAME
    seed.write_text(
        seed.read_text(encoding="utf-8").replace(FAQ_LINE, "was estimated to be USD 7.00 Billion in 2025."),
        encoding="utf-8",
    )
    ingest(settings)
    _use(monkeypatch, settings)
    folder = tmp_path / "published"
    folder.mkdir()
    assert main(["faq", "--check", "--format", "all", "--out", str(folder)]) == 1
    assert list(folder.iterdir()) == []
    assert capsys.readouterr().err.strip().endswith("1 problem(s); nothing written")


def test_css_replaces_the_packaged_stylesheet(monkeypatch, capsys, ingested_settings, tmp_path) -> None:
    _use(monkeypatch, ingested_settings)
    css = tmp_path / "site.css"
    css.write_text(".report-faq { font-family: Georgia, serif; }\n", encoding="utf-8")
    out = tmp_path / "faq.html"
    assert main(["faq", "--format", "html", "--css", str(css), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<style>\n.report-faq { font-family: Georgia, serif; }\n</style>" in page
    assert main(["faq", "--format", "html", "--css", str(tmp_path / "none.css")]) == 1
    assert capsys.readouterr().err.startswith(f"error: cannot read stylesheet {tmp_path / 'none.css'}: ")
