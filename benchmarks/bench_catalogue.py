"""Catalogue scale: question latency with 1, 100 and 1,000 reports in the store, embedded against a
Chroma server, and (through benchmarks/bench_ingest.py) ingest throughput against raw embedding by
the ingest embedder.

    .venv/bin/python benchmarks/bench_catalogue.py                      # everything, a few minutes once cached
    .venv/bin/python benchmarks/bench_catalogue.py --sizes 1,100 --no-server --no-ingest

The synthetic catalogue (benchmarks/synth_catalogue.py, seed 7) and one store per size are kept under
.data/bench, so only the first run embeds (a few thousand passages); passage vectors are remembered
in .data/bench/memo-vectors.npz so the smaller stores and the server reuse them.

Each store size is measured in a fresh process holding one ``Assistant``: after three warm-up
questions, every question of a set is asked once (so its embedding is computed) and timed:

- "same report": questions about one report that every store holds, so the sizes are comparable
  (goal: p50 at 1,000 reports at most twice that at 1);
- "a new report each": each question about a different report, the first touch of that report
  (its record read from the store, its planner and lexical index built).

The server figures come from ``chroma run --path TMP --host 127.0.0.1 --port FREE`` started here and
stopped at the end, holding the 100-report catalogue. Not a test: medians from one run on 2 shared
cores, printed with the load average.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.stats import load, percentile  # noqa: E402 - needs ROOT on sys.path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from benchmarks.synth_catalogue import generate  # noqa: E402

BENCH = ROOT / ".data" / "bench"
SEED = 7
CATALOGUE = 1000  # reports generated; every store holds a prefix of them, so stores stay comparable
QUESTIONS_PER_SET = 30
TEMPLATES = (
    "How big will the {m} market be in {y}?",
    "What is the CAGR of the {m} market?",
    "Which region leads the {m} market?",
    "Who are the key players in the {m} market?",
    "Which segment of the {m} market grows fastest?",
    "How much will the {m} market grow between {y0} and {y}?",
    "What are the recent developments in the {m} market?",
    "What drives demand in the {m} market?",
    "{m} market size in {y} in millions?",
    "When will the {m} market double?",
)


def questions(truths: list[dict[str, Any]], count: int, offset: int) -> list[tuple[str, str]]:
    """``count`` distinct (question, report id) pairs cycling through ``truths`` and the templates."""
    out = []
    for i in range(count):
        t = truths[i % len(truths)]
        template = TEMPLATES[(i + offset) % len(TEMPLATES)]
        year = t["base_year"] + 1 + (i + offset) % 9
        out.append((template.format(m=t["market"], y=year, y0=t["base_year"] + 1), t["id"]))
    return out


# --- stores ----------------------------------------------------------------------------------------


class _Memo:
    """Passage vectors remembered on disk by text, shared by every store this script builds."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        self.path = path
        self.vectors: dict[str, Any] = {}
        self.added = 0
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                self.vectors = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))

    def embedder(self) -> Any:
        from assistant.index.embeddings import get_passage_embedder
        from assistant.settings import Settings

        base = get_passage_embedder(Settings(data_dir=BENCH))
        memo = self

        class MemoEmbedder:
            name = base.name
            dimension = base.dimension

            def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
                missing = [t for t in dict.fromkeys(texts) if t not in memo.vectors]
                if missing:
                    memo.vectors.update(zip(missing, base.embed_documents(missing), strict=True))
                    memo.added += len(missing)
                return [[float(x) for x in memo.vectors[t]] for t in texts]

            def embed_query(self, text: str) -> list[float]:
                return base.embed_query(text)

        return MemoEmbedder()

    def save(self) -> None:
        import numpy as np

        if not self.added:
            return
        texts = list(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(
            tmp, texts=np.array(texts), vectors=np.asarray([self.vectors[t] for t in texts], dtype=np.float32)
        )
        os.replace(tmp, self.path)


def _fingerprint(files: list[Path], settings: Any) -> str:
    """What a finished store holds: the files' bytes and what shapes the index."""
    from assistant.index.chunking import CHUNKER_VERSION
    from assistant.index.store import index_suffix
    from assistant.parsing.version import PARSER_VERSION

    digest = hashlib.sha256(f"{index_suffix(settings)}\0{CHUNKER_VERSION}\0{PARSER_VERSION}\0".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_store(data: Path, files: list[Path], memo: _Memo, chroma_url: str | None = None) -> float:
    """Ingest ``files`` into the store at ``data`` (or the server); returns the seconds it took.

    An embedded store that a previous run finished for the same files is used as it is (checking
    1,000 reports one by one would take minutes)."""
    from assistant.index.ingest import ingest
    from assistant.settings import Settings

    settings = Settings(data_dir=data, corpus_dir=data / "corpus", chroma_url=chroma_url)
    started = time.perf_counter()
    marker = data / "bench-ready.txt"
    fingerprint = _fingerprint(files, settings)
    if chroma_url is None and marker.exists() and marker.read_text() == fingerprint:
        return time.perf_counter() - started
    result = ingest(settings, files, progress=True, embedder=memo.embedder())
    if not result.ok:
        raise SystemExit(f"ingest into {chroma_url or data} failed: {list(result.errors.values())[:3]}")
    memo.save()
    if chroma_url is None:
        marker.write_text(fingerprint)
    return time.perf_counter() - started


# --- one size, measured in its own process ---------------------------------------------------------


def measure(data: Path, truths: list[dict[str, Any]], chroma_url: str | None) -> dict[str, Any]:
    """Runs inside the child process: warm up, then time each question once."""
    from assistant import Assistant
    from assistant.settings import Settings

    settings = Settings(data_dir=data, corpus_dir=data / "corpus", chroma_url=chroma_url)
    started = time.perf_counter()
    assistant = Assistant(settings)
    first = truths[0]
    for question, _ in questions([first], 3, offset=7):
        assistant.ask(question + " (warm-up)")
    ready_s = time.perf_counter() - started
    result: dict[str, Any] = {"reports": len(assistant.reports()), "ready_s": ready_s}
    sets = {"same report": questions([first], QUESTIONS_PER_SET, offset=0)}
    if len(truths) > QUESTIONS_PER_SET:
        sets["a new report each"] = questions(truths[1 : QUESTIONS_PER_SET + 1], QUESTIONS_PER_SET, offset=3)
    for label, asked in sets.items():
        times, wrong = [], []
        for question, report_id in asked:
            t0 = time.perf_counter()
            answer = assistant.ask(question)
            times.append((time.perf_counter() - t0) * 1000)
            if answer.report_id != report_id:
                wrong.append((question, answer.report_id))
        result[label] = {"ms": times, "wrong": wrong}
    with open("/proc/self/status") as fh:
        result["vmhwm_mb"] = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM")) / 1024
    return result


def run_child(data: Path, folder: Path, size: int, chroma_url: str | None) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        str(data),
        "--child-catalogue",
        str(folder),
        "--child-size",
        str(size),
    ]
    if chroma_url:
        cmd += ["--child-server", chroma_url]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"measuring {size} reports failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the Chroma server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).with_name("chroma")
    log = open(path.parent / "chroma.log", "wb")  # noqa: SIM115 - open while the server runs
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as reply:
                if reply.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"chroma run on port {port} did not start; see {path.parent / 'chroma.log'}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


# --- report ----------------------------------------------------------------------------------------


def row(label: str, result: dict[str, Any], key: str) -> str:
    ms = result[key]["ms"]
    wrong = len(result[key]["wrong"])
    return (
        f"  {label:28s} {key:18s} p50 {statistics.median(ms):7.1f} ms  p95 {percentile(ms, 95):7.1f} ms  "
        f"max {max(ms):7.1f} ms  misrouted {wrong}/{len(ms)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1,100,1000", help="store sizes to measure (comma-separated)")
    parser.add_argument("--no-server", action="store_true", help="skip the Chroma server comparison")
    parser.add_argument("--no-ingest", action="store_true", help="skip benchmarks/bench_ingest.py")
    parser.add_argument("--ingest-reports", type=int, default=6, help="reports for bench_ingest.py")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-catalogue", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-server", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    n = max(CATALOGUE, *sizes)
    folder = BENCH / f"catalogue-{n}"
    if args.child:
        truths = json.loads((args.child_catalogue / "manifest.json").read_text())["reports"][
            : args.child_size
        ]
        print(json.dumps(measure(args.child, truths, args.child_server)))
        return 0

    truths = [t.__dict__ for t in generate(n, SEED, folder)]
    memo = _Memo(BENCH / "memo-vectors.npz")
    print(f"synthetic catalogue: {len(truths)} reports in {folder} (seed {SEED}); {load()}")
    results: dict[str, dict[str, Any]] = {}
    for size in sizes:
        data = BENCH / f"store-{size}"
        built = build_store(data, [folder / t["file"] for t in truths[:size]], memo)
        print(f"store of {size} reports ready in {built:.1f} s ({data})", flush=True)
        results[f"embedded, {size} reports"] = run_child(data, folder, size, None)
    if not args.no_server:
        size = 100 if 100 in sizes else sizes[-1]
        with tempfile.TemporaryDirectory(prefix="bench-chroma-") as tmp:
            proc, url = start_server(Path(tmp) / "data")
            try:
                built = build_store(
                    Path(tmp) / "client", [folder / t["file"] for t in truths[:size]], memo, url
                )
                print(f"server store of {size} reports ready in {built:.1f} s ({url})", flush=True)
                results[f"server, {size} reports"] = run_child(Path(tmp) / "client", folder, size, url)
            finally:
                stop_server(proc)

    print(f"\nquestion latency, each question once ({QUESTIONS_PER_SET} per set; {load()}):")
    for label, result in results.items():
        for key in ("same report", "a new report each"):
            if key in result:
                print(row(label, result, key))
        print(
            f"  {'':28s} ready (model, store, warm-up) {result['ready_s']:.1f} s; VmHWM {result['vmhwm_mb']:.0f} MB"
        )
    p50 = {label: statistics.median(r["same report"]["ms"]) for label, r in results.items()}
    one, most = f"embedded, {sizes[0]} reports", f"embedded, {sizes[-1]} reports"
    if one in p50 and most in p50 and one != most:
        print(
            f"\nratio p50 {sizes[-1]} / {sizes[0]} reports (same report): {p50[most] / p50[one]:.2f} (goal <= 2)"
        )
    server = next((label for label in p50 if label.startswith("server")), None)
    if server:
        embedded = f"embedded, {server.split(', ')[1]}"
        print(f"ratio p50 server / embedded ({server.split(', ')[1]}): {p50[server] / p50[embedded]:.2f}")
    for result in results.values():
        for key in ("same report", "a new report each"):
            for question, got in result.get(key, {}).get("wrong", [])[:3]:
                print(f"  misrouted: {question!r} -> {got}")
    if not args.no_ingest:
        print("\ningest throughput (benchmarks/bench_ingest.py):", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "bench_ingest.py"),
                "--reports",
                str(args.ingest_reports),
            ],
            check=False,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
