"""Load benchmark of the chat page's /ask endpoint: N concurrent gradio_client clients for S seconds.

Prints the number of requests, errors (goal: 0) and client-side latency p50 / p95 / max in seconds.
A benchmark, not a test: the figures depend on the machine and on what else it runs.

    .venv/bin/python benchmarks/bench_chat_load.py                 # local server over a fresh ingest
    .venv/bin/python benchmarks/bench_chat_load.py --clients 20 --seconds 30 --concurrency 2
    .venv/bin/python benchmarks/bench_chat_load.py --url http://127.0.0.1:7860/   # a running server
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from anywhere without installing

QUESTIONS = (
    "How big will the market be in 2029?",
    "What is the CAGR, and over which years?",
    "Which region is the largest?",
    "Which segment grows fastest?",
    "Who are the key players?",
    "How big will the market be in 2033?",
)


@dataclass
class Tally:
    """Shared results; ``latencies`` in seconds, one per successful request."""

    latencies: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def client_loop(url: str, index: int, stop_at: float, tally: Tally, auth: tuple[str, str] | None) -> None:
    from gradio_client import Client

    try:
        client = Client(url, auth=auth, verbose=False)
    except Exception as exc:  # a client that cannot connect counts as an error, the run goes on
        with tally.lock:
            tally.errors.append(f"client {index}: connect: {type(exc).__name__}: {exc}")
        return
    n = index
    while time.monotonic() < stop_at:
        question = QUESTIONS[n % len(QUESTIONS)]
        n += 1
        started = time.perf_counter()
        try:
            data = client.predict(question, api_name="/ask")
        except Exception as exc:
            with tally.lock:
                tally.errors.append(f"client {index}: {question!r}: {type(exc).__name__}: {exc}")
            continue
        elapsed = time.perf_counter() - started
        with tally.lock:
            if not isinstance(data, dict) or data.get("status") != "answered":
                status = data.get("status") if isinstance(data, dict) else type(data).__name__
                tally.errors.append(f"client {index}: {question!r}: status {status}")
            else:
                tally.latencies.append(elapsed)
                tally.server_ms.append(float(data.get("latency_ms", 0.0)))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[max(0, min(98, round(q) - 1))]


def start_local_server(data_dir: Path | None, concurrency: int) -> tuple[object, str, Path | None]:
    """Serve the chat page over ``data_dir`` (or a fresh ingest of the bundled corpus)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    from assistant.agent.assistant import Assistant
    from assistant.index.ingest import ingest
    from assistant.settings import Settings
    from assistant.ui import build_app, serve

    scratch: Path | None = None
    if data_dir is None:
        scratch = Path(tempfile.mkdtemp(prefix="bench-chat-"))
        corpus = scratch / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        settings = Settings(data_dir=scratch / "data", corpus_dir=corpus)
        print(f"ingesting {corpus} into {settings.data_dir} ...", flush=True)
        ingest(settings)
    else:
        settings = Settings(data_dir=data_dir)
    settings.ui.auth = None
    assistant = Assistant(settings)
    assistant.ask(QUESTIONS[0])  # warm up: load the model before the clock starts
    demo = build_app(assistant, stream_delay_s=0.0, concurrency=concurrency)
    url = serve(demo, settings, port=free_port(), prevent_thread_lock=True)
    return demo, url, scratch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="benchmark this running server instead of starting one")
    parser.add_argument("--auth", help="user:password for a server with a login")
    parser.add_argument("--clients", type=int, default=20, help="concurrent API clients (default 20)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to run (default 30)")
    parser.add_argument("--data-dir", type=Path, help="use this ingested store (default: a fresh ingest)")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="answers the local server computes at once (default: the page's setting)",
    )
    args = parser.parse_args(argv)

    demo = None
    scratch: Path | None = None
    if args.url:
        url = args.url
    else:
        from assistant.ui.app import ANSWER_CONCURRENCY

        concurrency = args.concurrency or ANSWER_CONCURRENCY
        demo, url, scratch = start_local_server(args.data_dir, concurrency)
        print(f"local server {url} (answer concurrency {concurrency})", flush=True)
    auth = tuple(args.auth.split(":", 1)) if args.auth else None

    tally = Tally()
    stop_at = time.monotonic() + args.seconds
    threads = [
        threading.Thread(target=client_loop, args=(url, i, stop_at, tally, auth), daemon=True)
        for i in range(args.clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    if demo is not None:
        demo.close()  # type: ignore[attr-defined]
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)

    lat = tally.latencies
    print(f"clients {args.clients}, duration {wall:.1f} s (requests in flight at {args.seconds:g} s finish)")
    print(
        f"answers {len(lat)}, errors {len(tally.errors)} (goal 0), throughput {len(lat) / wall:.2f} answers/s"
    )
    print(
        f"latency p50 {percentile(lat, 50):.2f} s, p95 {percentile(lat, 95):.2f} s, "
        f"max {max(lat) if lat else float('nan'):.2f} s (client side, queueing included)"
    )
    print(
        f"server answer time p50 {percentile(tally.server_ms, 50) / 1000:.2f} s, "
        f"p95 {percentile(tally.server_ms, 95) / 1000:.2f} s (Answer.latency_ms)"
    )
    for error in tally.errors[:10]:
        print(f"  error: {error}")
    return 0 if not tally.errors else 1


if __name__ == "__main__":
    sys.exit(main())
