"""Which embedder does what, and the stored vectors of passages.

Questions (the intent classifier, search) are embedded by the packaged MiniLM exported to ONNX and
run with onnxruntime on one thread: no torch, so a cold question costs about an ``import chromadb``.
The export is made once, with torch, at the first ingest or the first question that finds it missing
or damaged (``onnx_export``). Ingest embeds passages with the backend that measured faster on
passage batches (``benchmarks/bench_embedders.py``); both give the same vectors to within 1e-5.
If an export fails, the failure is logged as one line and sentence-transformers embeds instead.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import MutableMapping, Sequence
from functools import lru_cache
from pathlib import Path

from assistant.errors import ConfigError
from assistant.index.embedder import Embedder
from assistant.index.model_files import MODEL_NAME, extract_model, writable_cache_dir
from assistant.index.onnx_embedder import OnnxEmbedder
from assistant.index.onnx_export import OnnxExportError, ensure_onnx_model
from assistant.index.torch_embedder import SentenceTransformerEmbedder, shared_model
from assistant.settings import Settings

log = logging.getLogger(__name__)

# Share of a passage's stored vector that comes from its section heading (see passage_vectors).
# Changing it changes stored vectors: bump chunking.CHUNKER_VERSION so ingest re-embeds.
HEADING_WEIGHT = 0.5
# The ingest backend: "onnx" or "torch", whichever embeds passage batches faster
# (benchmarks/bench_embedders.py; figures in docs/benchmarks.md).
INGEST_BACKEND = "onnx"
_LOADING = threading.Lock()  # threads asking at once (a chat server's first questions) share one load


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide question embedder for ``settings`` (ONNX on one thread; loaded once).

    The model is extracted (and exported) to the user cache folder, or under the data dir when that
    is not writable.
    """
    with _LOADING:
        return _question_embedder(
            settings.embedding.model_name,
            settings.embedding.batch_size,
            writable_cache_dir(settings.data_dir),
        )


def get_passage_embedder(settings: Settings) -> Embedder:
    """The ingest embedder for ``settings``: ``INGEST_BACKEND`` on every core (loaded once)."""
    with _LOADING:
        return _passage_embedder(
            settings.embedding.model_name,
            settings.embedding.batch_size,
            writable_cache_dir(settings.data_dir),
        )


def _check_name(model_name: str) -> None:
    if model_name != MODEL_NAME:
        raise ConfigError(
            f"embedding model {model_name!r} is not available offline; only {MODEL_NAME!r} is packaged"
        )


@lru_cache(maxsize=4)
def _question_embedder(model_name: str, batch_size: int, cache_dir: Path) -> Embedder:
    _check_name(model_name)
    return _onnx_or_torch(model_name, batch_size, cache_dir, threads=1)


@lru_cache(maxsize=4)
def _passage_embedder(model_name: str, batch_size: int, cache_dir: Path) -> Embedder:
    _check_name(model_name)
    if INGEST_BACKEND == "torch":
        ensure_or_warn(cache_dir)  # ingest loads torch anyway: export now, not on the first question
        return SentenceTransformerEmbedder(shared_model(cache_dir), model_name, batch_size)
    return _onnx_or_torch(model_name, batch_size, cache_dir, threads=0)


def ensure_or_warn(cache_dir: Path) -> Path | None:
    """The intact exported graph, exporting it if needed; None (and one warning line) on failure."""
    try:
        return ensure_onnx_model(cache_dir)
    except OnnxExportError as exc:
        log.warning("%s; embedding with sentence-transformers instead", exc)
        return None


def _onnx_or_torch(model_name: str, batch_size: int, cache_dir: Path, threads: int) -> Embedder:
    graph = ensure_or_warn(cache_dir)
    if graph is not None:
        folder = extract_model(cache_dir)
        try:
            return OnnxEmbedder(graph, folder, model_name, batch_size, threads)
        except Exception as exc:  # an intact file onnxruntime cannot load: answer all the same
            reason = " ".join(str(exc).split())
            log.warning(
                "cannot load %s with onnxruntime (%s); embedding with sentence-transformers", graph, reason
            )
    return SentenceTransformerEmbedder(shared_model(cache_dir), model_name, batch_size)


def embed_headings(
    embedder: Embedder, headings: Sequence[str], known: MutableMapping[str, list[float]]
) -> dict[str, list[float]]:
    """Vectors of section headings; headings repeat across reports, so each is embedded once
    (``known`` keeps them between calls)."""
    missing = sorted({h for h in headings if h not in known})
    if missing:
        known.update(zip(missing, embedder.embed_documents(missing), strict=True))
    return {h: known[h] for h in headings}


def passage_vectors(
    embedder: Embedder,
    texts: Sequence[str],
    headings: Sequence[str | None],
    known_headings: MutableMapping[str, list[float]] | None = None,
) -> list[list[float]]:
    """Stored vectors of passages: ``(1 - w) * e("heading: text") + w * e(heading)``, w = HEADING_WEIGHT.

    MiniLM matches a short question ("largest region") to lists of names (a table of contents, a
    segmentation list) better than to the prose that answers it; blending in the section heading's
    vector fixes that. The store ranks by inner product, so the score of a unit query q is exactly
    ``(1 - w) * cos(q, passage) + w * cos(q, heading)``. A passage without a heading (None) keeps
    its plain unit vector. ``known_headings`` carries heading vectors between calls.
    """
    inputs = [f"{h}: {t}" if h else t for t, h in zip(texts, headings, strict=True)]
    vectors = embedder.embed_documents(inputs)
    known = {} if known_headings is None else known_headings
    named = embed_headings(embedder, [h for h in headings if h], known)
    w = HEADING_WEIGHT
    return [
        [(1 - w) * x + w * y for x, y in zip(vec, named[h], strict=True)] if h else vec
        for vec, h in zip(vectors, headings, strict=True)
    ]
