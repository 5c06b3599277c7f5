"""`assistant ask` on the command line: readable and JSON output, batches, exit codes."""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli.main import main

JSON_KEYS = {"question", "status", "answer", "citations", "computations", "backend", "latency_ms"}


@pytest.fixture
def env(ingested_settings, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(ingested_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(ingested_settings.corpus_dir))


def test_readable_answer_with_numbered_sources(env, capsys):
    assert main(["ask", "How big will the market be in 2029?"]) == 0
    out = capsys.readouterr().out
    assert "8.36" in out and "Sources:" in out and "[1]" in out and "Working:" in out


def test_json_answer(env, capsys):
    assert main(["ask", "--json", "Which region leads?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= JSON_KEYS
    assert data["status"] == "answered" and "North America" in data["answer"]
    assert data["citations"][0]["quote"]


@pytest.mark.parametrize("question", ["", "   ", "q" * 5000])
def test_rejected_question_exits_2(env, capsys, question):
    assert main(["ask", "--json", question]) == 2
    assert json.loads(capsys.readouterr().out)["status"] == "rejected"


def test_batch_from_stdin_keeps_order_and_rejects_blank_lines(env, capsys, monkeypatch):
    lines = "market size 2030?\n\nwhat did veeda acquire\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["ask", "--json", "--batch", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["question"] for r in rows] == ["market size 2030?", "", "what did veeda acquire"]
    assert [r["status"] for r in rows] == ["answered", "rejected", "answered"]
    assert "8.83" in rows[0]["answer"] and "Heads" in rows[2]["answer"]


def test_batch_from_file(env, capsys, tmp_path):
    batch = tmp_path / "questions.txt"
    batch.write_text("cagr?\nwhich phases are covered\n", encoding="utf-8")
    assert main(["ask", "--json", "--batch", str(batch)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2 and "5.65" in rows[0]["answer"] and "Phase IV" in rows[1]["answer"]


def test_batch_needs_json_and_a_readable_file(env, capsys, tmp_path):
    assert main(["ask", "--batch", "-"]) == 1
    assert "--json" in capsys.readouterr().err
    assert main(["ask", "--json", "--batch", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_missing_index_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "empty"))
    assert main(["ask", "market size?"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "ingest" in err and len(err.splitlines()) == 1
