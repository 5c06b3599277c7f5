"""Memory of the chat server over many questions from many users: does it level off?

    .venv/bin/python benchmarks/bench_memory.py                        # fresh ingest, 2,000 questions
    .venv/bin/python benchmarks/bench_memory.py --data .data --questions 4000 --users 300
    .venv/bin/python benchmarks/bench_memory.py --data .data/bench/store-1000 --questions 2000

Starts ``assistant chat`` in a subprocess (``bench_chat_load.ChatServer``), then asks ``--questions``
questions through ``POST /gradio_api/run/ask``, each user (``--users``, default: a new user for every
question, the worst case) with its own Gradio session, as a browser or a ``gradio_client`` has. VmRSS of the
server is read from /proc every ``--every`` questions and printed as a series, with VmHWM (peak)
at the end. The server's per-session state is bounded (``ui.app.SESSION_CAPACITY`` Gradio sessions,
``ui.conversation`` conversations with an idle expiry), so VmRSS should level off once that many
users have come: the growth over the second half of the run is printed with the goal (under 5 %).
For a catalogue (a store-N beside a synthetic catalogue's manifest) the questions go round its
reports. Not a test: one run's figures; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_chat_load import QUESTIONS, ChatServer, scratch_store  # noqa: E402
from benchmarks.stats import load  # noqa: E402

GOAL_MB = 1.2 * 1024  # peak memory of the chat server
PLATEAU_GROWTH = 0.05  # VmRSS may grow at most this much over the second half of the run


def status_kb(pid: int, key: str) -> int:
    """A ``kB`` field of /proc/<pid>/status (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith(key + ":")), 0)
    except OSError:
        return 0


def questions_for(data: Path) -> list[str]:
    """The seed questions, or for a synthetic catalogue's store one question per report."""
    manifest = data.parent / "catalogue-1000" / "manifest.json"
    if data.name.startswith("store-") and manifest.exists():
        size = int(data.name.split("-")[1])
        reports = json.loads(manifest.read_text())["reports"][:size]
        return [f"How big will the {r['market']} market be in {r['base_year'] + 2}?" for r in reports]
    return list(QUESTIONS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, help="an ingested data dir (default: a fresh ingest)")
    parser.add_argument("--questions", type=int, default=2000, help="questions asked (default 2,000)")
    parser.add_argument("--users", type=int, default=None, help="distinct users (default: one a question)")
    parser.add_argument("--every", type=int, default=200, help="questions between two readings")
    args = parser.parse_args(argv)
    users = args.users or args.questions
    scratch = None
    data = args.data
    if data is None:
        data = scratch_store()
        scratch = data.parent
    questions = questions_for(data)
    server = ChatServer(data)
    pid = server.proc.pid
    readings: list[tuple[int, int]] = [(0, status_kb(pid, "VmRSS"))]
    errors = 0
    started = time.perf_counter()
    try:
        with httpx.Client(timeout=120) as http:
            for i in range(args.questions):
                body = {"data": [questions[i % len(questions)]], "session_hash": f"user-{i % users}"}
                reply = http.post(f"{server.url}gradio_api/run/ask", json=body)
                answer = reply.json().get("data", [None])[0] if reply.status_code == 200 else None
                if not isinstance(answer, dict) or answer.get("status") == "rejected":
                    errors += 1
                if (i + 1) % args.every == 0:
                    readings.append((i + 1, status_kb(pid, "VmRSS")))
        peak = status_kb(pid, "VmHWM")
    finally:
        server.stop()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    seconds = time.perf_counter() - started
    print(f"assistant chat over {data} ({load()})")
    print(
        f"  ready after {server.ready_s:.1f} s; {args.questions:,} questions from {users:,} users in {seconds:.0f} s"
    )
    print(f"  errors {errors}")
    print("  VmRSS after n questions:")
    for count, kb in readings:
        print(f"    {count:>6,}  {kb / 1024:7.0f} MB")
    half = readings[len(readings) // 2][1]
    last = readings[-1][1]
    growth = (last - half) / half if half else 0.0
    verdict = "levelled off" if growth < PLATEAU_GROWTH else "STILL GROWING"
    print(
        f"  second half: {half / 1024:.0f} -> {last / 1024:.0f} MB ({growth:+.1%}; goal under "
        f"{PLATEAU_GROWTH:.0%}): {verdict}"
    )
    print(
        f"  peak VmHWM {peak / 1024:.0f} MB (goal <= {GOAL_MB:.0f} MB: {'met' if peak <= GOAL_MB * 1024 else 'MISSED'})"
    )
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
