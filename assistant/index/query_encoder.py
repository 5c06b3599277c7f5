"""A faster path for embedding one question: the transformer traced with TorchScript, mean pooling
and normalisation done directly, without ``SentenceTransformer.encode``'s per-call machinery.

On these 2-core machines one MiniLM forward pass is most of an answer's latency; tracing removes
the Python overhead of the model's modules (about a quarter of the pass) and calling the tokenizer
directly removes encode()'s batching and conversion. The traced encoder is checked against
``encode`` on probe texts of several lengths when it is built; if it disagrees, or cannot be built,
callers keep using ``encode``.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_PROBES = (
    "market size",
    "How big will the clinical trial site management market be in 2029?",
    "What did the company acquire in March 2024, and how many locations did the acquisition add "
    "across Europe, North America and the Asia Pacific region?",
)
TOLERANCE = 1e-5  # largest per-component difference from encode() accepted


def build_query_encoder(model: Any) -> Callable[[str], list[float]] | None:
    """A function text -> unit vector equal to ``model.encode``, or None when that can't be had."""
    try:
        import torch
        from sentence_transformers.models import Normalize, Pooling, Transformer

        modules = list(model)
        if not (
            len(modules) == 3
            and isinstance(modules[0], Transformer)
            and isinstance(modules[1], Pooling)
            and _pooling_mode(modules[1]) == "mean"
            and isinstance(modules[2], Normalize)
        ):
            return None  # only the plain mean-pooled, normalised layout is reproduced here
        tokenizer = model.tokenizer
        max_length = int(model.max_seq_length)
        network = _MeanPooled(modules[0].auto_model).eval()
        sample = tokenizer([_PROBES[1]], return_tensors="pt")
        with torch.inference_mode(), warnings.catch_warnings():
            # The trace records the shapes of one example; the probes below prove it generalises.
            warnings.simplefilter("ignore")
            traced = torch.jit.freeze(
                torch.jit.trace(network, (sample["input_ids"], sample["attention_mask"]), strict=False)
            )

        def encode(text: str) -> list[float]:
            batch = tokenizer([text], return_tensors="pt", truncation=True, max_length=max_length)
            with torch.inference_mode():
                return [float(x) for x in traced(batch["input_ids"], batch["attention_mask"])[0]]

        for probe in _PROBES:
            expected = model.encode([probe], normalize_embeddings=True, show_progress_bar=False)[0]
            got = encode(probe)
            if max(abs(float(a) - b) for a, b in zip(expected, got, strict=True)) > TOLERANCE:
                log.warning("traced query encoder disagrees with encode(); using encode()")
                return None
        return encode
    except Exception:  # any failure only means the slower, standard path
        log.warning("could not build the traced query encoder; using encode()", exc_info=True)
        return None


def _pooling_mode(pooling: Any) -> str | None:
    """'mean', 'cls', ...: newer sentence-transformers keep it in the config, older as a flag."""
    config = pooling.get_config_dict() if hasattr(pooling, "get_config_dict") else {}
    if "pooling_mode" in config:
        return str(config["pooling_mode"])
    return "mean" if config.get("pooling_mode_mean_tokens") else None


def _MeanPooled(transformer: Any) -> Any:  # noqa: N802 - builds a torch module class lazily
    import torch

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return MeanPooled()
