"""The packaged MiniLM run by sentence-transformers (torch): the reference the ONNX graph is exported
from and checked against, and an ingest backend.

Importing torch takes about ten seconds on these machines, so nothing on the question path imports
this module's dependencies: they are imported inside ``load_model``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.index.embedder import QueryCache
from assistant.index.model_files import MODEL_NAME, extract_model

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

SMALL_BATCH = 4  # batches up to this many texts are encoded on one thread (see _encode)


def load_model(cache_dir: Path | None = None) -> SentenceTransformer:
    """Load the packaged MiniLM with sentence-transformers on the CPU, hub access switched off."""
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


@lru_cache(maxsize=2)
def shared_model(cache_dir: Path) -> SentenceTransformer:
    """The process-wide loaded model (the export and a torch embedder share one copy)."""
    return load_model(cache_dir)


class SentenceTransformerEmbedder:
    """``Embedder`` over a loaded ``SentenceTransformer``.

    ``documents_embedded`` and ``batches`` count the work done, so callers (and tests) can see
    whether an ingest embedded anything.
    """

    def __init__(self, model: SentenceTransformer, name: str = MODEL_NAME, batch_size: int = 32) -> None:
        self.model = model
        self._name = name
        self.batch_size = batch_size
        self.documents_embedded = 0
        self.batches = 0
        self._lock = threading.Lock()  # one forward pass at a time: torch already uses every core
        self._queries = QueryCache(lambda text, _releasing: self._encode([text])[0])

    @property
    def name(self) -> str:
        return self._name

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

    def embed_query(self, text: str) -> list[float]:
        """Embed a question; repeated questions come from an in-memory LRU cache."""
        return self._queries(text)

    def query_cache_info(self) -> tuple[int, int]:
        """(hits, misses) of the question cache."""
        return self._queries.info()
