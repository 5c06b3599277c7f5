"""Ingest throughput against raw embedding of the same chunks by the ingest embedder, in the same run.

Runs alternate which of the two goes first, so drift in the machine's load hits both alike.

    .venv/bin/python benchmarks/bench_ingest.py [--reports 8] [--runs 5] [--server URL]

Builds a synthetic corpus of N reports from the seed (each a renamed market, so every report and
chunk is distinct), then for each run: ingests it into a fresh store and times it, and times the
ingest embedder's ``embed_documents`` on exactly the chunk texts that ingest stored (in batches of
the settings' batch size). Prints the medians in chunks/s and the overhead of ingest over raw encoding
(goal: at most 25 %). The overhead covers parsing, chunking, heading vectors, Chroma writes and the
report records. Not a test: figures vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.index.chunking import chunk_report  # noqa: E402
from assistant.index.embeddings import get_passage_embedder  # noqa: E402
from assistant.index.ingest import ingest  # noqa: E402
from assistant.index.store import ChromaStore  # noqa: E402
from assistant.parsing.parse import discover_reports, parse_report  # noqa: E402
from assistant.settings import Settings  # noqa: E402

SEED = ROOT / "corpus" / "clinical-trial-smo-market.txt"
MARKET = "Clinical Trial Site Management Organization"
NAMES = ["Orbital Debris Removal", "Vertical Farming", "Cold Chain Logistics", "Hearing Aid", "Smart Glass"]


def make_corpus(folder: Path, n: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    for i in range(n):
        name = f"{NAMES[i % len(NAMES)]} {i + 1}"
        body = text.replace(MARKET, name)
        body = re.sub(r"\b(\d+\.\d+)\b", lambda m, i=i: f"{float(m.group(1)) + i / 100:.2f}", body)
        (folder / f"{name.lower().replace(' ', '-')}-market.txt").write_text(body, encoding="utf-8")


def run_once(
    corpus: Path, data: Path, server: str | None, raw_first: bool = False
) -> tuple[float, float, int]:
    """One fresh ingest of ``corpus`` and one raw encode of its chunks: (ingest s, raw s, chunks)."""
    settings = Settings(data_dir=data, corpus_dir=corpus, chroma_url=server)
    if server:
        ChromaStore(settings).drop()
    embedder = get_passage_embedder(settings)
    batch = settings.embedding.batch_size
    reports = [parse_report(path) for path in discover_reports(corpus)]
    texts = [c.text for r in reports for c in chunk_report(r, settings.chunking)]

    def raw() -> float:
        t0 = time.perf_counter()
        for start in range(0, len(texts), batch):
            embedder.embed_documents(texts[start : start + batch])
        return time.perf_counter() - t0

    raw_s = raw() if raw_first else 0.0
    t0 = time.perf_counter()
    result = ingest(settings, progress=False)
    ingest_s = time.perf_counter() - t0
    assert result.ok and not result.unchanged, result.summary()
    assert len(texts) == result.chunks_embedded
    return ingest_s, raw_s or raw(), len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=8, help="synthetic reports in the corpus")
    parser.add_argument("--runs", type=int, default=5, help="repetitions (medians are printed)")
    parser.add_argument("--server", help="Chroma server URL (default: the embedded store)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        base = Path(tmp)
        corpus = base / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.reports)
        # One-time costs (model load, chromadb import, tiktoken tables) are paid before timing.
        warm = base / "warm-corpus"
        warm.mkdir()
        make_corpus(warm, 1)
        run_once(warm, base / "warm-data", args.server)
        rows = []
        for i in range(args.runs):
            ingest_s, raw_s, n = run_once(corpus, base / f"data-{i}", args.server, raw_first=i % 2 == 1)
            rows.append((ingest_s, raw_s, n))
            print(
                f"run {i + 1}: {n} chunks, ingest {ingest_s:.2f} s ({n / ingest_s:.1f}/s), "
                f"raw encode {raw_s:.2f} s ({n / raw_s:.1f}/s)"
            )
    n = rows[0][2]
    ingest_med = statistics.median(r[0] for r in rows)
    raw_med = statistics.median(r[1] for r in rows)
    overhead = ingest_med / raw_med - 1
    store = args.server or "embedded"
    print(f"\nstore: {store}; {args.reports} reports, {n} chunks, {args.runs} runs; cores: {os.cpu_count()}")
    print(f"median ingest      {n / ingest_med:8.1f} chunks/s  ({ingest_med:.2f} s)")
    backend = type(get_passage_embedder(Settings())).__name__
    print(f"median raw embedding{n / raw_med:7.1f} chunks/s  ({raw_med:.2f} s, {backend})")
    print(f"overhead           {overhead * 100:8.1f} %  (goal: at most 25 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
