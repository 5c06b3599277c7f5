"""Chat server under load: first answer after ready, then N clients asking for S seconds.

    .venv/bin/python benchmarks/bench_chat_load.py                     # fresh ingest of corpus/
    .venv/bin/python benchmarks/bench_chat_load.py --data-dir .data    # an ingested store
    .venv/bin/python benchmarks/bench_chat_load.py --client gradio     # gradio_client instead of REST
    .venv/bin/python benchmarks/bench_chat_load.py --url http://127.0.0.1:7860/   # a running server

Starts ``assistant chat`` in its own process (clients and server do not share a GIL) and waits for
its ready line ("Chat page: ..."), which it prints only after warming up. Then:

1. First answer: the first question after ready and nine more, one at a time, through
   ``POST /gradio_api/run/ask``; the first should take no longer than the tenth (goal < 1 s).
2. Load: ``--clients`` threads (default 20) ask questions back to back for ``--seconds`` (default 30)
   through the REST route (or ``gradio_client``, which queues and streams). Prints answers, errors
   and dropped requests (a reply without an answer; goal 0 and 0), answers per second, end-to-end
   latency p50 / p95 / max (goal p50 < 300 ms) and the load average before and after.

A benchmark, not a test: the figures depend on the machine and on what else it runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from gradio_client import Client

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from anywhere without installing

from benchmarks.stats import load, percentile  # noqa: E402 - needs ROOT on sys.path

FIRST_ANSWER_GOAL_S = 1.0
P50_GOAL_S = 0.3
READY = "Chat page: "
QUESTIONS = (
    *(f"How big will the market be in {year}?" for year in range(2026, 2036)),
    "What is the CAGR, and over which years?",
    "Which region is the largest?",
    "Which segment grows fastest?",
    "Who are the key players?",
    "What drives the market?",
    "What are the recent developments?",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def scratch_store() -> Path:
    """A fresh ingest of the bundled corpus in a temporary folder; returns the data dir."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.index.ingest import ingest
    from assistant.settings import Settings

    scratch = Path(tempfile.mkdtemp(prefix="bench-chat-"))
    corpus = scratch / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = Settings(data_dir=scratch / "data", corpus_dir=corpus)
    print(f"ingesting {corpus} into {settings.data_dir} ...", flush=True)
    ingest(settings)
    return settings.data_dir


class ChatServer:
    """``assistant chat`` in a subprocess over ``data_dir``, ready once it prints its address."""

    def __init__(self, data_dir: Path, timeout_s: float = 300.0, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.lines: list[str] = []
        run_env = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
            "GRADIO_ANALYTICS_ENABLED": "False",
            "ASSISTANT_DATA_DIR": str(data_dir),
            **(env or {}),
        }
        for name in ("ASSISTANT_CHROMA_URL", "ASSISTANT_UI__AUTH", "ASSISTANT_UI_AUTH"):
            run_env.pop(name, None)  # the embedded store, no login
        exe = str(Path(sys.executable).with_name("assistant"))
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            [exe, "chat", "--port", str(self.port)],
            env=run_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(timeout_s) or self.proc.poll() is not None:
            self.stop()
            raise SystemExit("assistant chat was not ready:\n" + "\n".join(self.lines[-20:]))
        self.ready_s = time.perf_counter() - started

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip())
            if line.startswith(READY):
                self._ready.set()
        self._ready.set()  # the process ended; the waiter sees poll() is not None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)


@dataclass
class Tally:
    """Shared results; ``latencies`` in seconds, one per answer."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dropped: int = 0
    sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def cpu_seconds(pid: int | None = None) -> float:
    """User plus system CPU time of process ``pid`` (this one when None), in seconds."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rest_ask(http: httpx.Client, url: str, question: str) -> dict | None:
    """One REST call of /ask; the answer JSON, or None when the reply holds no answer."""
    reply = http.post(f"{url}gradio_api/run/ask", json={"data": [question]}, timeout=120)
    reply.raise_for_status()
    data = reply.json().get("data") or [None]
    return data[0] if isinstance(data[0], dict) else None


def first_answers(url: str, count: int = 10) -> list[float]:
    """Seconds for each of ``count`` questions asked one at a time, the first right after ready."""
    times = []
    with httpx.Client() as http:
        for i in range(count):
            started = time.perf_counter()
            answer = rest_ask(http, url, QUESTIONS[i % len(QUESTIONS)])
            times.append(time.perf_counter() - started)
            if not answer or answer.get("status") != "answered":
                raise SystemExit(f"question {i + 1} was not answered: {answer}")
    return times


def client_loop(url: str, index: int, stop_at: float, tally: Tally, kind: str) -> None:
    """Ask questions back to back until ``stop_at`` (a monotonic time)."""
    try:
        if kind == "gradio":
            client = Client(url, verbose=False)
        else:
            http = httpx.Client()
    except Exception as exc:  # a client that cannot connect counts as an error; the run goes on
        with tally.lock:
            tally.errors.append(f"client {index}: connect: {type(exc).__name__}: {exc}")
        return
    n = index
    while time.monotonic() < stop_at:
        question = QUESTIONS[n % len(QUESTIONS)]
        n += 1
        with tally.lock:
            tally.sent += 1
        started = time.perf_counter()
        try:
            if kind == "gradio":
                data = client.predict(question, api_name="/ask")
            else:
                data = rest_ask(http, url, question)
        except Exception as exc:
            with tally.lock:
                tally.errors.append(f"client {index}: {question!r}: {type(exc).__name__}: {exc}")
            continue
        elapsed = time.perf_counter() - started
        with tally.lock:
            if not isinstance(data, dict):
                tally.dropped += 1
            elif data.get("status") != "answered":
                tally.errors.append(f"client {index}: {question!r}: status {data.get('status')}")
            else:
                tally.latencies.append(elapsed)


def run_load(url: str, clients: int, seconds: float, kind: str) -> tuple[Tally, float]:
    tally = Tally()
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client_loop, args=(url, i, stop_at, tally, kind), daemon=True)
        for i in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="benchmark this running server instead of starting one")
    parser.add_argument("--data-dir", type=Path, help="an ingested store (default: a fresh ingest)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to load it (default 30)")
    parser.add_argument("--client", choices=("rest", "gradio"), default="rest", help="how clients ask")
    args = parser.parse_args(argv)

    server: ChatServer | None = None
    scratch: Path | None = None
    if args.url:
        url = args.url
    else:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = scratch_store()
            scratch = data_dir.parent
        print(f"starting assistant chat over {data_dir} ({load()})", flush=True)
        server = ChatServer(data_dir)
        url = server.url
        print(f"ready after {server.ready_s:.1f} s: {server.lines[-2] if len(server.lines) > 1 else ''}")
    try:
        times = first_answers(url)
        first, tenth = times[0], times[-1]
        verdict = "met" if first < FIRST_ANSWER_GOAL_S else "MISSED"
        print(
            f"first answer after ready {first * 1000:.0f} ms, tenth {tenth * 1000:.0f} ms, "
            f"median of 2-10 {percentile(times[1:], 50) * 1000:.0f} ms (goal first < 1 s: {verdict})"
        )
        before = load()
        cpu_clients, cpu_server = cpu_seconds(), cpu_seconds(server.proc.pid) if server else 0.0
        tally, wall = run_load(url, args.clients, args.seconds, args.client)
        cpu_clients = cpu_seconds() - cpu_clients
        cpu_server = (cpu_seconds(server.proc.pid) if server else 0.0) - cpu_server
        after = load()
    finally:
        if server is not None:
            server.stop()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    lat = tally.latencies
    p50 = percentile(lat, 50) if lat else float("nan")
    print(f"{args.clients} {args.client} clients for {args.seconds:g} s (wall {wall:.1f} s)")
    print(
        f"  answers {len(lat)}, errors {len(tally.errors)}, dropped {tally.dropped} (goal 0 and 0), "
        f"{len(lat) / wall:.1f} answers/s"
    )
    if lat:
        verdict = "met" if p50 < P50_GOAL_S else "MISSED"
        print(
            f"  end to end p50 {p50 * 1000:.0f} ms, p95 {percentile(lat, 95) * 1000:.0f} ms, "
            f"max {max(lat) * 1000:.0f} ms (goal p50 < 300 ms: {verdict})"
        )
    if lat and server is not None:
        print(
            f"  CPU per answer: server {cpu_server / len(lat) * 1000:.1f} ms, "
            f"clients {cpu_clients / len(lat) * 1000:.1f} ms (both on this machine)"
        )
    print(f"  {before} before, {after} after")
    for error in tally.errors[:10]:
        print(f"  error: {error}")
    return 0 if not tally.errors and not tally.dropped else 1


if __name__ == "__main__":
    sys.exit(main())
