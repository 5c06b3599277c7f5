"""``assistant slack``: fails fast without tokens; serves signed events over HTTP as a real process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.cli.main import main
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, Bot, RecordingAssistant
from tests.slack.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]


def test_missing_tokens_fail_with_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert main(["slack", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: SLACK_BOT_TOKEN is not set")
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    assert main(["slack"]) == 1
    assert "SLACK_SIGNING_SECRET is not set" in capsys.readouterr().err


def test_the_command_warms_up_then_serves_a_signed_mention_end_to_end(
    fake_slack: FakeSlack, ingested_settings: Any, seed_assistant: Any
) -> None:
    # One answer in this process fills the data dir's cache of example vectors, as any earlier run
    # would have; the command still loads the model, the index and the planner itself.
    seed_assistant.ask("How big is the market?")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "ASSISTANT_SLACK_API_URL": fake_slack.url,
        "ASSISTANT_SLACK__PORT": str(port),
        "ASSISTANT_DATA_DIR": str(ingested_settings.data_dir),
        "ASSISTANT_CORPUS_DIR": str(ingested_settings.corpus_dir),
        "HF_HUB_OFFLINE": "1",
    }
    env.pop("SLACK_APP_TOKEN", None)
    process = subprocess.Popen(  # no --host: the endpoint binds loopback by default
        [sys.executable, "-m", "assistant", "-v", "slack"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stderr.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 240
        while True:  # bounded wait for the port to accept connections
            assert process.poll() is None, lines
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the bot never started listening"
                time.sleep(0.1)
        bot = Bot(f"http://127.0.0.1:{port}/slack/events", fake_slack, RecordingAssistant(None))
        event = bot.mention("how big will the market be in 2031?")
        update = bot.answer_to(event, timeout_s=60)
        assert f"{6.71 * 1.0565**6:.2f}" in update["text"]
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=60)
        reader.join(timeout=10)
    err = "".join(lines)
    warmed = next(i for i, line in enumerate(lines) if "warmed up: answered a first question" in line)
    listening = next(i for i, line in enumerate(lines) if "listening for Slack events on" in line)
    assert warmed < listening, err  # it says it is ready only once it is
    assert f"listening for Slack events on http://127.0.0.1:{port}/slack/events" in err
    assert "will be unused" not in err  # bolt's misleading notice is filtered
    assert "Traceback" not in err
    for secret in (BOT_TOKEN, SIGNING_SECRET):
        assert secret not in out + err
