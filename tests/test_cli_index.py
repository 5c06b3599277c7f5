"""The index commands of the CLI contract: ingest, facts, search, reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.settings import Settings
from tests.processes import cli_env

SEED_ID = "clinical-trial-smo-market"
KEY_PLAYERS = [
    "WCG Clinical",
    "Elligo Health Research",
    "Clinixir",
    "ClinChoice",
    "FOMAT Medical Research",
    "SGS Societe Generale de Surveillance SA.",
    "Kv Clinical Research",
    "SMO PHARMINA",
    "Xylem Clinical Research Pvt. Ltd.",
    "CMIC Holdings Co., LTD",
]


@pytest.fixture
def use_settings(monkeypatch: pytest.MonkeyPatch):
    """Point the CLI (which builds Settings() from the environment) at the given settings."""

    def apply(settings: Settings) -> None:
        monkeypatch.setenv("ASSISTANT_DATA_DIR", str(settings.data_dir))
        monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
        monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)

    return apply


def _file_text(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _check_span(span: dict, contains: str) -> None:
    assert _file_text(span["file"])[span["start"] : span["end"]] == span["text"]
    assert contains in span["text"]


def test_facts_json_gives_the_seed_headline_facts_with_spans(ingested_settings, use_settings, capsys) -> None:
    use_settings(ingested_settings)
    assert main(["facts", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    [report] = payload["reports"]
    assert report["id"] == SEED_ID
    facts = report["facts"]

    size, cagr, end = facts["market_size"], facts["cagr"], facts["forecast_end"]
    assert (size["amount"], size["unit"], size["currency"], size["year"]) == (6.71, "billion", "USD", 2025)
    _check_span(size["span"], "6.71")
    assert (cagr["percent"], cagr["start_year"], cagr["end_year"]) == (5.65, 2026, 2031)
    _check_span(cagr["span"], "5.65")
    assert (end["amount"], end["unit"], end["year"]) == (9.33, "billion", 2031)
    _check_span(end["span"], "9.33")
    assert facts["largest_region"]["name"] == "North America"
    _check_span(facts["largest_region"]["span"], "North America")
    assert facts["fastest_segment"]["name"] == "Oncology"
    _check_span(facts["fastest_segment"]["span"], "Oncology")
    assert [p["name"] for p in facts["key_players"]] == KEY_PLAYERS
    for player in facts["key_players"]:
        _check_span(player["span"], player["name"])

    assert len(report["faq"]) == 4
    for pair in report["faq"]:
        _check_span(pair["span"], pair["answer"][:20])
    assert report["consistency"]["status"] == "agree"


def test_facts_table_and_unknown_report(ingested_settings, use_settings, capsys) -> None:
    use_settings(ingested_settings)
    assert main(["facts"]) == 0
    out = capsys.readouterr().out
    assert "USD 6.71 billion (2025)" in out and "North America" in out and "Consistency: agree" in out
    assert main(["facts", "--report", "no-such-report"]) == 1
    assert "no-such-report" in capsys.readouterr().err


def test_search_json(ingested_settings, use_settings, capsys) -> None:
    use_settings(ingested_settings)
    assert main(["search", "largest region", "-k", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    passages = payload["passages"]
    assert len(passages) == 3
    assert passages[0]["section"] == "Regional Insights"
    text = _file_text(str(ingested_settings.corpus_dir / f"{SEED_ID}.txt"))
    for p in passages:
        assert p["report_id"] == SEED_ID and 0 <= p["score"] <= 1
        assert text[p["start"] : p["end"]] == p["text"]
    assert main(["search", "largest region", "--report", "elsewhere"]) == 1
    assert "elsewhere" in capsys.readouterr().err


def test_reports_lists_the_catalogue(ingested_settings, use_settings, capsys) -> None:
    use_settings(ingested_settings)
    assert main(["reports", "--json"]) == 0
    [summary] = json.loads(capsys.readouterr().out)["reports"]
    assert summary["id"] == SEED_ID and summary["chunks"] > 10 and summary["publisher"] == "TechSci Research"
    assert main(["reports"]) == 0
    assert SEED_ID in capsys.readouterr().out


def test_ingest_prints_a_summary_and_fails_on_bad_files(settings: Settings, use_settings, capsys) -> None:
    use_settings(settings)
    assert main(["ingest"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ingested 1 report(s): 1 added") and out.count("\n") == 1
    assert main(["ingest"]) == 0
    assert "1 unchanged" in capsys.readouterr().out
    bad = settings.corpus_dir / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["ingest", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "1 failed" in captured.out and "broken.txt" in captured.err


def test_commands_before_any_ingest_say_to_ingest(settings: Settings, use_settings, capsys) -> None:
    use_settings(settings)
    for argv in (["facts", "--json"], ["search", "largest region"], ["reports"]):
        assert main(argv) == 1
        assert "assistant ingest" in capsys.readouterr().err


def test_search_json_stdout_is_clean_in_a_fresh_process(ingested_settings) -> None:
    """Nothing but JSON reaches stdout (the model package prints on import; we never import it)."""
    env = cli_env(ingested_settings, HF_HUB_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "search", "fastest growing segment", "-k", "2", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    # The passages holding the exact phrase come first (the report's header and its own FAQ).
    assert "fastest growing segment" in payload["passages"][0]["text"].lower()
    assert "Loading weights" not in proc.stderr


def test_ingest_refuses_a_second_file_for_a_stored_id_until_replace(
    settings: Settings, use_settings, tmp_path, capsys
) -> None:
    use_settings(settings)
    text = (settings.corpus_dir / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "a" / "pumps.txt", tmp_path / "b" / "pumps.txt"
    for path, tag in ((first, "a"), (second, "b")):
        path.parent.mkdir()
        path.write_text(text + f"\nCopy {tag}.\n", encoding="utf-8")
    assert main(["ingest", "--no-progress", str(first)]) == 0
    capsys.readouterr()
    assert main(["ingest", "--no-progress", str(second)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {second}: report id 'pumps' is already stored from {first}")
    assert "--replace" in err
    assert main(["ingest", "--no-progress", "--replace", str(second)]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"replaced: pumps (was read from {first})\n"
    assert "1 updated" in captured.out


def test_ingest_says_which_copy_it_skipped(settings: Settings, use_settings, capsys) -> None:
    use_settings(settings)
    copy = settings.corpus_dir / "smo-copy.txt"
    copy.write_text((settings.corpus_dir / f"{SEED_ID}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["ingest", "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"skipped: {copy}: same content as ")
    assert "1 added" in captured.out and "1 skipped" in captured.out
