"""The packaged MiniLM as an exported ONNX graph, run with onnxruntime and the model's own tokenizer
(the ``tokenizers`` package), without torch.

The graph holds the transformer, mean pooling and normalisation (see ``onnx_export``), so a text's
vector is one ``session.run``. Tokenisation reproduces sentence-transformers': truncation to the
model's ``max_seq_length`` and padding to the longest text of a batch. (The packaged
``tokenizer.json`` says 128 tokens and fixed padding; sentence-transformers overrides both, and so
does this module.)
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.embedder import QueryCache
from assistant.index.model_files import MODEL_NAME, max_seq_length
from assistant.index.onnx_model import INPUT_NAMES, OUTPUT_NAME

if TYPE_CHECKING:
    from tokenizers import Tokenizer


def load_tokenizer(model_folder: Path) -> Tokenizer:
    """The model's fast tokenizer, set to truncate and pad as sentence-transformers does."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_seq_length(model_folder))
    pad_token = _pad_token(model_folder, tokenizer)
    pad_id = tokenizer.token_to_id(pad_token)
    if pad_id is None:
        raise ValueError(f"{model_folder}: the padding token {pad_token!r} is not in the vocabulary")
    tokenizer.enable_padding(pad_id=pad_id, pad_token=pad_token)  # to the longest text of a batch
    return tokenizer


def _pad_token(model_folder: Path, tokenizer: Tokenizer) -> str:
    config_path = model_folder / "tokenizer_config.json"
    if config_path.is_file():
        token = json.loads(config_path.read_text(encoding="utf-8")).get("pad_token")
        if isinstance(token, str):
            return token
    padding = tokenizer.padding or {}
    return str(padding.get("pad_token", "[PAD]"))


def _lowercases(model_folder: Path) -> bool:
    config = json.loads((model_folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return bool(config.get("do_lower_case", False))


class OnnxEmbedder:
    """``Embedder`` over the exported graph.

    ``threads`` is onnxruntime's intra-op thread count: 1 for questions (a single short text is
    faster on one thread than split across busy cores), 0 for onnxruntime's default (every core) at
    ingest. ``documents_embedded`` and ``batches`` count the work done.
    """

    def __init__(
        self,
        model_path: Path,
        model_folder: Path,
        name: str = MODEL_NAME,
        batch_size: int = 32,
        threads: int = 1,
    ) -> None:
        import onnxruntime

        self._name = name
        self.model_path = model_path
        self.batch_size = batch_size
        self.documents_embedded = 0
        self.batches = 0
        self._tokenizer = load_tokenizer(model_folder)
        self._lower = _lowercases(model_folder)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle pool threads sleep instead of spinning: on cores shared with other work, spinning only
        # takes time from it (measured: more passages per second without it).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3  # errors only: its notes would clutter every command's stderr
        self._session = onnxruntime.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = [i.name for i in self._session.get_inputs()]
        unknown = set(self._inputs) - set(INPUT_NAMES)
        if unknown:
            raise ValueError(f"{model_path}: unexpected graph inputs {sorted(unknown)}")
        self._lock = threading.Lock()  # guards the counters; runs themselves may overlap
        self._queries = QueryCache(lambda text, releasing: self._run([text], releasing)[0])

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        width = self._session.get_outputs()[0].shape[-1]
        return int(width) if isinstance(width, int) else len(self.embed_query("dimension"))

    def _run(self, texts: list[str], releasing: Callable[[], None] | None = None) -> np.ndarray:
        if self._lower:
            texts = [t.lower() for t in texts]
        encodings = self._tokenizer.encode_batch(texts)
        columns: dict[str, Any] = {
            "input_ids": [e.ids for e in encodings],
            "attention_mask": [e.attention_mask for e in encodings],
            "token_type_ids": [e.type_ids for e in encodings],
        }
        feed = {name: np.asarray(columns[name], dtype=np.int64) for name in self._inputs}
        if releasing is not None:
            releasing()  # the run below releases the GIL
        (vectors,) = self._session.run([OUTPUT_NAME], feed)
        return np.asarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages in batches of ``batch_size``; one unit-length vector per text."""
        texts = list(texts)
        if not texts:
            return []
        rows: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            rows.extend(self._run(texts[start : start + self.batch_size]).tolist())
        with self._lock:
            self.documents_embedded += len(texts)
            self.batches += 1
        return rows

    def embed_query(self, text: str) -> list[float]:
        """Embed a question; repeated questions come from an in-memory LRU cache."""
        return self._queries(text)

    def prefetch_query(self, text: str) -> None:
        """Start embedding a question in the background; ``embed_query`` then waits for it."""
        self._queries.prefetch(text)

    def query_cache_info(self) -> tuple[int, int]:
        """(hits, misses) of the question cache."""
        return self._queries.info()
