"""Mistakes on the command line get one clear line: typos with a suggestion, bad settings naming the
variable and what it accepts, undecodable input rejected per line; and no library noise on stderr."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def env(ingested_settings, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(ingested_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(ingested_settings.corpus_dir))
    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)


def _usage_error(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err


def test_a_mistyped_command_gets_a_suggestion(capsys) -> None:
    err = _usage_error(capsys, ["aks", "cagr?"])
    assert err.startswith("usage: assistant [-h]")
    assert "invalid choice: 'aks'" in err and "did you mean 'ask'?" in err


def test_a_mistyped_flag_gets_the_commands_usage_and_a_suggestion(capsys) -> None:
    err = _usage_error(capsys, ["ask", "--jsn", "cagr?"])
    assert err.startswith("usage: assistant ask ")
    assert err.strip().endswith("assistant ask: error: unrecognized arguments: --jsn; did you mean --json?")


def test_a_mistyped_top_level_flag_gets_the_top_level_usage(capsys) -> None:
    err = _usage_error(capsys, ["--verbsoe", "ask", "cagr?"])
    assert err.startswith("usage: assistant [-h]") and "did you mean --verbose?" in err


def test_a_mistyped_choice_gets_a_suggestion(capsys) -> None:
    err = _usage_error(capsys, ["faq", "--format", "jsnold"])
    assert err.startswith("usage: assistant faq ") and "did you mean 'jsonld'?" in err


def test_nonsense_gets_no_suggestion(capsys) -> None:
    err = _usage_error(capsys, ["search", "x", "--zzzzzz"])
    assert "unrecognized arguments: --zzzzzz" in err and "did you mean" not in err


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        (
            "ASSISTANT_UI__PORT",
            "abc",
            "ASSISTANT_UI__PORT='abc' is not valid: a whole number from 1 to 65535",
        ),
        (
            "ASSISTANT_CHUNKING__MAX_TOKENS",
            "5",
            "ASSISTANT_CHUNKING__MAX_TOKENS='5' is not valid: a whole number from 16 to 2000",
        ),
        (
            "ASSISTANT_CHROMA_URL",
            "http://127.0.0.1:99999",
            "ASSISTANT_CHROMA_URL='http://127.0.0.1:99999' is not valid: an http(s) URL with a host and a "
            "port from 1 to 65535",
        ),
        (
            "ASSISTANT_AGENT__SEARCHK",
            "9",
            "unknown setting ASSISTANT_AGENT__SEARCHK; did you mean ASSISTANT_AGENT__SEARCH_K?",
        ),
        (
            "ASSISTANT_DATADIR",
            "/tmp/x",
            "unknown setting ASSISTANT_DATADIR; did you mean ASSISTANT_DATA_DIR?",
        ),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(env, monkeypatch, capsys, variable, value, expected) -> None:
    monkeypatch.setenv(variable, value)
    assert main(["reports"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {expected}") and err.count("\n") == 1, err


def _busy_port() -> tuple[socket.socket, int]:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    return holder, holder.getsockname()[1]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--port", "99999"],
            "error: --port/ASSISTANT_UI__PORT 99999 is not valid: a whole number from 1 to 65535",
        ),
        (["--port", "0"], "error: --port/ASSISTANT_UI__PORT 0 is not valid: a whole number from 1 to 65535"),
        (["--host", "999.1.1.1"], "error: --host/ASSISTANT_UI__HOST '999.1.1.1' is not valid: an IP address"),
        (
            ["--host", "192.0.2.1"],
            "error: --host/ASSISTANT_UI__HOST '192.0.2.1' is not valid: an address of this machine",
        ),
    ],
)
def test_chat_refuses_an_address_it_cannot_listen_on(env, capsys, argv, expected) -> None:
    assert main(["chat", *argv, *([] if "--port" in argv else ["--port", "8"])]) == 1
    err = capsys.readouterr().err
    assert err.startswith(expected) and err.count("\n") == 1, err


def test_chat_refuses_a_port_in_use(env, capsys) -> None:
    holder, port = _busy_port()
    with holder:
        assert main(["chat", "--host", "127.0.0.1", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"error: --port/ASSISTANT_UI__PORT {port} is not available on 127.0.0.1: the port is in use; choose another (a whole number from 1 to 65535)\n"
    )


def test_a_bad_line_in_a_batch_is_rejected_and_the_batch_goes_on(env, monkeypatch, capsys) -> None:
    batch = b"cagr?\nbad \xff\xfe line\nwhich region leads?\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(batch), encoding="utf-8"))
    assert main(["ask", "--json", "--batch", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in rows] == ["answered", "rejected", "answered"]
    assert rows[1]["question"] == "bad \ufffd\ufffd line"
    assert rows[1]["answer"] == "line 2 is not valid UTF-8 (byte 0xff at offset 4); re-encode it as UTF-8"
    assert "North America" in rows[2]["answer"]


def test_a_bad_line_in_a_batch_file_is_rejected_too(env, capsys, tmp_path) -> None:
    batch = tmp_path / "questions.txt"
    batch.write_bytes(b"\xc3(\ncagr?\n")
    assert main(["ask", "--json", "--batch", str(batch)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in rows] == ["rejected", "answered"]


def test_an_undecodable_argument_is_rejected_in_one_line(env, capsys) -> None:
    question = b"bad \xff question".decode("utf-8", errors="surrogateescape")  # how argv holds it
    assert main(["ask", question]) == 2
    out = capsys.readouterr().out
    assert (
        out == "[rejected] the question is not valid UTF-8 (byte 0xff at offset 4); re-encode it as UTF-8\n"
    )


def _run(argv: list[str], settings, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ASSISTANT_", "TRANSFORMERS_VERBOSITY", "PYTEST"))
    }
    env.update(
        ASSISTANT_DATA_DIR=str(settings.data_dir),
        ASSISTANT_CORPUS_DIR=str(settings.corpus_dir),
        HF_HUB_OFFLINE="1",
        **(extra_env or {}),
    )
    return subprocess.run(
        [sys.executable, "-m", "assistant", *argv],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "Which region leads?"],
        ["search", "El Paso", "-k", "2"],
        ["facts"],
        ["reports"],
        ["ingest"],  # the report is unchanged, so nothing is written
    ],
)
def test_no_library_noise_on_stderr(ingested_settings, argv) -> None:
    proc = _run(argv, ingested_settings)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.strip()
    assert proc.stderr.decode() == ""


def test_an_undecodable_argument_in_a_real_process(ingested_settings) -> None:
    proc = _run(["ask", "--json", "bad \udcff question"], ingested_settings)
    assert proc.returncode == 2, proc.stderr.decode()
    assert json.loads(proc.stdout)["status"] == "rejected"
    assert proc.stderr.decode() == ""
