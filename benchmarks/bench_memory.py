"""Peak memory of the chat server: ``assistant chat`` in a subprocess, VmHWM from /proc (goal <= 1.2 GB).

    .venv/bin/python benchmarks/bench_memory.py                          # the seed store
    .venv/bin/python benchmarks/bench_memory.py --data .data/bench/store-1000 --questions 40

Starts the chat page on a free loopback port over the given data dir, waits until it answers, asks
questions through its /ask endpoint (gradio_client) so the model, the store and the planner are all
loaded, then reads VmHWM (peak resident set) and VmRSS of the server process and of any children
from /proc/<pid>/status, and stops the server. For a catalogue the questions cycle through its
reports, so each report's planner and lexical index are built. Not a test: one run's figures.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 1.2 * 1024
SEED_QUESTIONS = (
    "How big will the market be in 2029?",
    "What is the CAGR?",
    "Which region is the largest?",
    "Who are the key players?",
    "What are the recent developments?",
    "What drives the market?",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def status_kb(pid: int, key: str) -> int:
    """A ``kB`` field of /proc/<pid>/status (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith(key + ":")), 0)
    except OSError:
        return 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in children(c)]


def questions_for(data: Path, count: int) -> list[tuple[str, str | None]]:
    """Questions and the report each names: the catalogue's markets when there is a manifest of a
    synthetic catalogue beside the store, else the seed questions."""
    manifest = data.parent / "catalogue-1000" / "manifest.json"
    if data.name.startswith("store-") and manifest.exists():
        size = int(data.name.split("-")[1])
        reports = json.loads(manifest.read_text())["reports"][:size]
        return [
            (f"How big will the {r['market']} market be in {r['base_year'] + 2 + i % 5}?", r["id"])
            for i, r in zip(range(count), reports * (count // max(len(reports), 1) + 1), strict=False)
        ]
    return [(q, None) for q in SEED_QUESTIONS[:count]]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT / ".data" / "bench" / "seed", help="data dir")
    parser.add_argument("--questions", type=int, default=6, help="questions asked through /ask")
    parser.add_argument("--timeout", type=float, default=240, help="seconds to wait for the page")
    args = parser.parse_args()
    if not (args.data / "chroma").exists():
        raise SystemExit(
            f"{args.data} holds no store; run benchmarks/bench_answer.py or bench_catalogue.py first"
        )
    port = free_port()
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ASSISTANT_DATA_DIR": str(args.data),
        "ASSISTANT_CORPUS_DIR": str(args.data / "corpus"),
    }
    for name in ("ASSISTANT_CHROMA_URL", "ASSISTANT_UI__AUTH", "ASSISTANT_UI_AUTH"):  # embedded, no login
        env.pop(name, None)
    exe = str(Path(sys.executable).with_name("assistant"))
    log = open(args.data.parent / f"chat-{port}.log", "wb")  # noqa: SIM115 - open while the server runs
    started = time.perf_counter()
    proc = subprocess.Popen([exe, "chat", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"assistant chat exited ({proc.returncode}); see {log.name}")
            try:
                with urllib.request.urlopen(url, timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.perf_counter() - started > args.timeout:
                raise SystemExit(f"the chat page did not answer within {args.timeout:.0f} s; see {log.name}")
            time.sleep(0.5)
        ready = time.perf_counter() - started
        idle_kb = status_kb(proc.pid, "VmHWM")
        from gradio_client import Client

        client = Client(url, verbose=False)
        asked = questions_for(args.data, args.questions)
        misrouted = 0
        for question, report_id in asked:
            data = client.predict(question, api_name="/ask")
            if report_id is not None and data.get("report_id") != report_id:
                misrouted += 1
        pids = [proc.pid, *children(proc.pid)]
        peak = {pid: status_kb(pid, "VmHWM") for pid in pids}
        rss = {pid: status_kb(pid, "VmRSS") for pid in pids}
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
        log.close()
    one, five, fifteen = os.getloadavg()
    print(f"assistant chat over {args.data} (load average {one:.2f} {five:.2f} {fifteen:.2f})")
    print(f"  page answered after {ready:.1f} s; VmHWM then {idle_kb / 1024:.0f} MB")
    print(f"  after {len(asked)} questions through /ask ({misrouted} misrouted):")
    for pid in pids:
        role = "server" if pid == proc.pid else "child"
        print(f"    {role} pid {pid}: VmHWM {peak[pid] / 1024:.0f} MB, VmRSS {rss[pid] / 1024:.0f} MB")
    total = sum(peak.values()) / 1024
    print(
        f"  peak (sum of VmHWM) {total:.0f} MB; goal <= {GOAL_MB:.0f} MB: {'met' if total <= GOAL_MB else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
