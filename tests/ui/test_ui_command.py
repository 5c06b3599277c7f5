"""``assistant chat``: options, a malformed login setting, an unknown report, and a real server
started from the command line that warms up before it listens."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from assistant.cli.main import build_parser, main
from tests.ui.ui_helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE_S = 240  # generous: a cold machine imports torch and gradio first; not a speed check


def test_chat_options():
    args = build_parser().parse_args(["chat", "--host", "0.0.0.0", "--port", "9000", "--report", "r1"])
    assert (args.host, args.port, args.report) == ("0.0.0.0", 9000, "r1")
    defaults = build_parser().parse_args(["chat"])
    assert (defaults.host, defaults.port, defaults.report) == (None, None, None)


def test_malformed_auth_fails_fast_with_one_line(monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_UI_AUTH", "analyst-without-password")
    assert main(["chat"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ASSISTANT_UI_AUTH must look like 'user:password'")
    assert "Traceback" not in err and "analyst-without-password" not in err


def _env(settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        ASSISTANT_DATA_DIR=str(settings.data_dir),
        ASSISTANT_CORPUS_DIR=str(settings.corpus_dir),
        HF_HUB_OFFLINE="1",
        GRADIO_ANALYTICS_ENABLED="False",
    )
    return env


def test_unknown_report_is_a_one_line_error(ui_settings, monkeypatch, capsys):
    for name, value in _env(ui_settings).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("ASSISTANT_UI_AUTH", raising=False)
    assert main(["chat", "--port", str(free_port()), "--report", "no-such-report"]) == 1
    err = capsys.readouterr().err
    assert err.strip().startswith("error: ") and "no-such-report" in err and "Traceback" not in err


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_chat_command_warms_up_before_it_listens_then_serves(ui_settings, warm_assistant):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "-v", "chat", "--port", str(port)],
        cwd=ROOT,
        env=_env(ui_settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append((time.monotonic(), line.rstrip()))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        first_listening = None
        deadline = time.monotonic() + START_DEADLINE_S
        while not any(text.startswith("Chat page: ") for _, text in lines):
            if server.poll() is not None:
                time.sleep(0.5)
                pytest.fail("the server exited:\n" + "\n".join(t for _, t in lines))
            if first_listening is None and _listening(port):
                first_listening = time.monotonic()
            if time.monotonic() > deadline:
                pytest.fail(f"the chat page was not ready within {START_DEADLINE_S} s")
            time.sleep(0.1)
        texts = [text for _, text in lines]
        warmed = next(i for i, t in enumerate(texts) if t.startswith("Warmed up: "))
        ready = next(i for i, t in enumerate(texts) if t.startswith("Chat page: "))
        serving = next(i for i, t in enumerate(texts) if "serving the chat page on" in t)
        assert warmed < serving < ready, texts
        assert "Warmed up: 3 questions about" in texts[warmed]
        warmed_at = lines[warmed][0]
        assert first_listening is None or first_listening >= warmed_at, "it listened before warming up"
        url = f"http://127.0.0.1:{port}/"
        config = httpx.get(f"{url}config", timeout=30).json()
        assert config["title"] == "Report analyst assistant" and config.get("analytics_enabled") is False
        assert any(dep.get("api_name") == "ask" for dep in config["dependencies"])
        assert warm_assistant.report().title in httpx.get(f"{url}config", timeout=30).text
        data = Client(url, verbose=False).predict("Which region is the largest?", api_name="/ask")
        assert data["status"] == "answered"
    finally:
        server.terminate()
        server.wait(timeout=30)
