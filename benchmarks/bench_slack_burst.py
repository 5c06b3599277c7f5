"""Burst benchmark of the Slack bot: N signed mentions sent at once over C connections to `assistant slack`.

The bot runs as its own process (`python -m assistant slack`, HTTP mode) against the local fake Slack
Web API from the tests; this process sends the events and watches the fake for the answers. Prints
the start-up time (process start to "listening", warm-up included), acknowledgement latency p50 / p95
/ max and how many took over Slack's 3 s, the time from the first event to the last answer, and the
errors (goal: 0): refused or failed requests, apologies or busy notices, invalid blocks, missing answers.
A benchmark, not a test: the figures depend on the machine and on what else it runs.

    .venv/bin/python benchmarks/bench_slack_burst.py                       # a fresh ingest of corpus/
    .venv/bin/python benchmarks/bench_slack_burst.py --events 50 --connections 25 --workers 4
    .venv/bin/python benchmarks/bench_slack_burst.py --data-dir .data      # an existing store
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from anywhere without installing

from benchmarks.stats import load, percentile  # noqa: E402 - needs ROOT on sys.path
from tests.slack.fake_slack import FakeSlack, event_body, sign, start_fake_slack  # noqa: E402

BOT_TOKEN = "xoxb-0000-0000-benchmarktoken"
SIGNING_SECRET = "benchmark-signing-secret-0123456789"
PLACEHOLDER = "Looking that up…"
QUESTIONS = (
    "How big will the market be in 2029?",
    "What is the CAGR, and over which years?",
    "Which region is the largest?",
    "Which segment grows fastest?",
    "Who are the key players?",
    "How big will the market be in 2033?",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ingested_data_dir(work: Path) -> Path:
    """Ingest the bundled corpus into ``work`` (the embedded store) and return the data dir."""
    from assistant import Settings, ingest

    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = Settings(data_dir=work / "data", corpus_dir=corpus)
    ingest(settings)
    return settings.data_dir


def start_bot(
    fake: FakeSlack, data_dir: Path, port: int, workers: int
) -> tuple[subprocess.Popen[str], float]:
    """Start `assistant slack` and wait for its "listening" line; return the process and seconds taken."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "ASSISTANT_SLACK_API_URL": fake.url,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_SLACK__WORKERS": str(workers),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    env.pop("SLACK_APP_TOKEN", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "slack", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "listening for Slack events" in line:
            # Keep draining stderr so the bot never blocks on a full pipe.
            threading.Thread(target=lambda: [None for _ in process.stderr or ()], daemon=True).start()
            return process, time.perf_counter() - started
        sys.stderr.write(line)
    raise SystemExit(f"the bot exited before listening (code {process.wait()})")


def make_events(fake: FakeSlack, count: int) -> list[dict[str, Any]]:
    """``count`` mentions, each a new message in one of a few channels, as people would post them."""
    events = []
    for n in range(count):
        channel = f"C{n % 5:07d}"
        text = f"<@UBOT0001> {QUESTIONS[n % len(QUESTIONS)]}"
        ts = fake.add_user_message(channel, text)
        events.append({"type": "app_mention", "user": "UHUMAN1", "text": text, "ts": ts, "channel": channel})
    return events


def send_burst(port: int, events: list[dict[str, Any]], connections: int) -> tuple[list[float], list[str]]:
    """Send every event at once over ``connections`` keep-alive connections; ack latencies and errors."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(connections)

    def sender(share: list[dict[str, Any]]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        barrier.wait()
        for event in share:
            body = event_body(event, f"Ev{event['channel']}{event['ts']}")
            headers = {"Content-Type": "application/json", **sign(SIGNING_SECRET, body)}
            started = time.perf_counter()
            try:
                connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError as exc:
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            with lock:
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    errors.append(f"HTTP {status}")
        connection.close()

    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(sender, [events[i::connections] for i in range(connections)]))
    return latencies, errors


def answer_of(fake: FakeSlack, event: dict[str, Any]) -> str | None:
    """The bot's reply in the event's thread once it is no longer the placeholder."""
    for message in fake.thread(event["channel"], event["ts"]):
        if message.get("bot_id") and message["ts"] != event["ts"] and message["text"] != PLACEHOLDER:
            return str(message["text"])
    return None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=50, help="mentions sent at once (default 50)")
    parser.add_argument("--connections", type=int, default=25, help="connections they share (default 25)")
    parser.add_argument(
        "--workers", type=int, default=4, help="questions the bot answers at once (default 4)"
    )
    parser.add_argument("--data-dir", type=Path, help="an ingested store (default: ingest corpus/ afresh)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for all answers")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-slack-"))
    fake, fake_server = start_fake_slack(BOT_TOKEN)
    process: subprocess.Popen[str] | None = None
    try:
        data_dir = args.data_dir or ingested_data_dir(work)
        port = free_port()
        process, startup_s = start_bot(fake, data_dir, port, args.workers)
        events = make_events(fake, args.events)
        first_sent = time.perf_counter()
        latencies, errors = send_burst(port, events, min(args.connections, args.events))
        deadline = first_sent + args.timeout
        answers: dict[int, str] = {}
        while len(answers) < len(events) and time.perf_counter() < deadline:
            for n, event in enumerate(events):
                if n not in answers and (text := answer_of(fake, event)) is not None:
                    answers[n] = text
            time.sleep(0.05)
        all_answered_s = time.perf_counter() - first_sent
        failed = [t for t in answers.values() if t.startswith("Sorry")]
        missing = len(events) - len(answers)
        errors += [f"apology or busy notice: {t[:60]}" for t in failed]
        errors += [f"invalid blocks: {p}" for p in fake.invalid]
        errors += [f"{missing} event(s) never answered"] if missing else []
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=60)
        fake_server.shutdown()
        fake_server.server_close()
        shutil.rmtree(work, ignore_errors=True)

    slow = sum(1 for s in latencies if s > 3.0)
    ms = [s * 1000 for s in latencies] or [0.0]
    print(load())
    print(
        f"events {len(events)} over {min(args.connections, args.events)} connections, workers {args.workers}"
    )
    print(f"startup to listening (warm-up included): {startup_s:.1f} s")
    print(
        f"ack latency: p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, "
        f"max {max(ms):.0f} ms; over 3 s: {slow}"
    )
    print(f"time from first event to all answers: {all_answered_s:.1f} s ({len(answers)} answered)")
    print(f"errors: {len(errors)}")
    for error in errors[:20]:
        print(f"  {error}")
    return 1 if errors or slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
