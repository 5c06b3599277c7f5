"""Passage embedding at ingest: sentence-transformers (torch) against the exported ONNX graph.

    .venv/bin/python benchmarks/bench_embedders.py [--reports 4] [--runs 5] [--batch 32]

Embeds the chunks of a synthetic corpus (the seed report under several market names, cut as ingest
cuts it, sorted by length and embedded in batches as ingest does) with each backend, alternating
which goes first so drift in the machine's load hits both alike. Prints the median chunks/s of each,
and the largest difference between their vectors (must stay under 1e-5, or ingest could not switch
backends without changing the stored vectors). ``assistant/index/embeddings.py`` ingests with the
faster one (``INGEST_BACKEND``). Not a test: figures vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from benchmarks.stats import load  # noqa: E402 - needs ROOT on sys.path

SEED = ROOT / "corpus" / "clinical-trial-smo-market.txt"
MARKET = "Clinical Trial Site Management Organization"
NAMES = ["Orbital Debris Removal", "Vertical Farming", "Cold Chain Logistics", "Hearing Aid", "Smart Glass"]

Embed = Callable[[Sequence[str]], list[list[float]]]


def passages(reports: int) -> list[str]:
    """Chunk texts (with their headings, as ingest embeds them) of ``reports`` renamed seed copies."""
    from assistant.index.chunking import FULL_TEXT_SECTION, chunk_report
    from assistant.parsing.parse import parse_report
    from assistant.settings import Settings

    settings = Settings()
    texts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-embedders-") as tmp:
        for i in range(reports):
            name = f"{NAMES[i % len(NAMES)]} {i + 1}"
            path = Path(tmp) / f"{name.lower().replace(' ', '-')}-market.txt"
            path.write_text(SEED.read_text(encoding="utf-8").replace(MARKET, name), encoding="utf-8")
            for chunk in chunk_report(parse_report(path), settings.chunking):
                heading = None if chunk.section == FULL_TEXT_SECTION else chunk.section
                texts.append(f"{heading}: {chunk.text}" if heading else chunk.text)
    return texts


def backends(batch: int) -> dict[str, Embed]:
    """The ingest candidates, each loaded (and warmed) before timing."""
    from assistant.index.model_files import extract_model, writable_cache_dir
    from assistant.index.onnx_embedder import OnnxEmbedder
    from assistant.index.onnx_export import ensure_onnx_model
    from assistant.index.torch_embedder import SentenceTransformerEmbedder, shared_model

    cache = writable_cache_dir(ROOT / ".data")
    graph = ensure_onnx_model(cache)
    folder = extract_model(cache)
    found: dict[str, Embed] = {
        "torch (sentence-transformers)": SentenceTransformerEmbedder(
            shared_model(cache), batch_size=batch
        ).embed_documents,
        "onnx, every core": OnnxEmbedder(graph, folder, batch_size=batch, threads=0).embed_documents,
        "onnx, one thread": OnnxEmbedder(graph, folder, batch_size=batch, threads=1).embed_documents,
    }
    for embed in found.values():
        embed(["warm up the session and its thread pool"] * 4)
    return found


def in_batches(embed: Embed, texts: list[str], batch: int) -> tuple[float, list[list[float]]]:
    """Seconds to embed ``texts`` in length-sorted batches of ``batch``, and the vectors (in order)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors: list[list[float]] = [[] for _ in texts]
    started = time.perf_counter()
    for start in range(0, len(order), batch):
        part = order[start : start + batch]
        for i, vector in zip(part, embed([texts[i] for i in part]), strict=True):
            vectors[i] = vector
    return time.perf_counter() - started, vectors


def compare(reports: int, runs: int, batch: int) -> dict[str, float]:
    """Print and return the median chunks/s of each backend."""
    import numpy as np

    texts = passages(reports)
    found = backends(batch)
    seconds: dict[str, list[float]] = {label: [] for label in found}
    vectors: dict[str, list[list[float]]] = {}
    labels = list(found)
    for run in range(runs):
        for label in labels[run % len(labels) :] + labels[: run % len(labels)]:  # rotate who goes first
            elapsed, vectors[label] = in_batches(found[label], texts, batch)
            seconds[label].append(elapsed)
    reference = np.asarray(vectors[labels[0]])
    print(f"passage embedding, {len(texts)} chunks in batches of {batch}, {runs} runs ({load()}):")
    rates: dict[str, float] = {}
    for label in labels:
        median = statistics.median(seconds[label])
        rates[label] = len(texts) / median
        worst = float(np.abs(np.asarray(vectors[label]) - reference).max())
        runs_text = " ".join(f"{len(texts) / s:.1f}" for s in seconds[label])
        print(
            f"  {label:32s} median {rates[label]:6.1f} chunks/s   runs {runs_text}   "
            f"max |diff| from torch {worst:.1e}"
        )
    best = max(rates, key=rates.__getitem__)
    print(f"  fastest: {best} ({rates[best] / rates[labels[0]]:.2f}x torch)")
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=4, help="renamed seed copies to cut into chunks")
    parser.add_argument("--runs", type=int, default=5, help="repetitions per backend (medians are printed)")
    parser.add_argument("--batch", type=int, default=32, help="passages per batch (the ingest default)")
    args = parser.parse_args()
    compare(args.reports, args.runs, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
