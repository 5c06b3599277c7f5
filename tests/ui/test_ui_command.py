"""``assistant chat``: options, a malformed login setting, and a real server started from the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.cli.main import build_parser, main
from tests.ui.ui_helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE_S = 180  # generous: a cold machine imports torch and gradio first; not a speed check


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


def test_unknown_report_is_a_one_line_error(ui_settings):
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "chat", "--port", str(free_port()), "--report", "no-such-report"],
        cwd=ROOT,
        env=_env(ui_settings),
        capture_output=True,
        text=True,
        timeout=START_DEADLINE_S,
    )
    assert done.returncode == 1
    assert done.stderr.strip().startswith("error: ") and "no-such-report" in done.stderr
    assert "Traceback" not in done.stderr


def test_chat_command_serves_the_page_and_api_on_loopback(ui_settings, warm_assistant):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "chat", "--port", str(port)],
        cwd=ROOT,
        env=_env(ui_settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + START_DEADLINE_S
        while True:
            if server.poll() is not None:
                pytest.fail(f"the server exited: {server.stdout.read() if server.stdout else ''}")
            try:
                if httpx.get(url, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the chat page did not come up within {START_DEADLINE_S} s")
            time.sleep(0.5)
        config = httpx.get(f"{url}config", timeout=30).json()
        assert config["title"] == "Report analyst assistant"
        assert config.get("analytics_enabled") is False
        assert any(dep.get("api_name") == "ask" for dep in config["dependencies"])
        title = warm_assistant.report().title
        assert title in httpx.get(f"{url}config", timeout=30).text
    finally:
        server.terminate()
        server.wait(timeout=30)
