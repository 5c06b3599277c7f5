"""Export the packaged MiniLM to ONNX once, from sentence-transformers' own loaded model.

The graph is the model's transformer followed by its mean pooling and normalisation, exported with
``torch.onnx.export`` (the TorchScript exporter), so one ``session.run`` gives the vector
``SentenceTransformer.encode(..., normalize_embeddings=True)`` gives. Before it is used, the export
is checked against ``encode`` on probe texts of several lengths (largest difference under 1e-5).

The export writes to a temporary file in the target folder, records its sha256 beside it and renames
both into place, so a crash or a failure leaves the previous file untouched; the failure is one
``OnnxExportError`` line. Torch is imported here only, and only when an export is needed.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.index.model_files import MODEL_NAME, check_weights, extract_model, sha256_file
from assistant.index.onnx_embedder import OnnxEmbedder
from assistant.index.onnx_model import (
    INPUT_NAMES,
    OUTPUT_NAME,
    digest_path,
    digest_record,
    onnx_model_path,
    problem,
)
from assistant.index.torch_embedder import load_model

log = logging.getLogger(__name__)

TOLERANCE = 1e-5  # largest per-component difference from encode() accepted
OPSET = 17
_PROBES = (
    "a",
    "How big will the market be in 2029?",
    "Which companies lead, and what did they announce? " * 40,  # longer than the model's window
    "Société Générale — 5.65 % CAGR (2026–2031) 🚀",
)


class OnnxExportError(ConfigError):
    """The ONNX export failed; the previous file, if any, was left as it was."""


def ensure_onnx_model(cache_dir: Path) -> Path:
    """The intact exported graph under ``cache_dir``, exported first if it is missing or damaged.

    Raises OnnxExportError (one line, saying why) when an export was needed and failed.
    """
    target = onnx_model_path(cache_dir)
    if problem(target) is None:
        return target
    with _export_lock(target):
        why = problem(target)  # another process may have exported it while we waited
        if why is not None:
            log.warning("exporting %s to ONNX at %s (%s); this imports torch, once", MODEL_NAME, target, why)
            export_onnx(cache_dir, target)
    return target


@contextlib.contextmanager
def _export_lock(target: Path) -> Iterator[None]:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(target.with_name(target.name + ".lock"), "a")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OnnxExportError(_failure(target, exc)) from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def export_onnx(cache_dir: Path, target: Path) -> None:
    """Export the packaged model to ``target`` and record its sha256; OnnxExportError on failure."""
    temporary: list[Path] = []
    try:
        folder = extract_model(cache_dir)
        check_weights(folder)  # the weights are read again here: check them whole again too
        model = load_model(cache_dir)  # not kept: a question process needs it only for this
        graph = _temporary(target, temporary, ".onnx")
        write_graph(model, graph)
        _check_against_encode(model, graph, folder)
        record = _temporary(target, temporary, ".sha256")
        record.write_text(digest_record(sha256_file(graph), target), encoding="ascii")
        os.replace(graph, target)
        os.replace(record, digest_path(target))
    except Exception as exc:  # any failure: one line, and nothing of the attempt left behind
        raise OnnxExportError(_failure(target, exc)) from exc
    finally:
        for path in temporary:
            path.unlink(missing_ok=True)
    log.info("exported %s to %s", MODEL_NAME, target)


def _temporary(target: Path, created: list[Path], suffix: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=suffix, dir=target.parent)
    os.close(fd)
    created.append(Path(name))
    return Path(name)


def _failure(target: Path, exc: BaseException) -> str:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return f"cannot export {MODEL_NAME} to ONNX at {target}: {reason}"


def write_graph(model: Any, path: Path) -> None:
    """Write ``model``'s graph (transformer, mean pooling, normalisation) to ``path`` as ONNX."""
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
        raise ValueError("only a mean-pooled, normalised transformer can be exported")
    network = _mean_pooled(modules[0].auto_model).eval()
    sample = model.tokenizer([_PROBES[1], _PROBES[0]], padding=True, return_tensors="pt")
    args = tuple(sample[name] for name in INPUT_NAMES)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's notes on tracing and deprecations
        torch.onnx.export(
            network,
            args,
            str(path),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes={**axes, OUTPUT_NAME: {0: "batch"}},
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def _check_against_encode(model: Any, graph: Path, folder: Path) -> None:
    exported = OnnxEmbedder(graph, folder, threads=1)
    expected = model.encode(list(_PROBES), normalize_embeddings=True, show_progress_bar=False)
    for probe, want in zip(_PROBES, expected, strict=True):
        got = exported.embed_query(probe)
        worst = max(abs(float(a) - b) for a, b in zip(want, got, strict=True))
        if worst > TOLERANCE:
            raise ValueError(f"the exported graph differs from encode() by {worst:.2g} on {probe[:30]!r}")


def _pooling_mode(pooling: Any) -> str | None:
    """'mean', 'cls', ...: newer sentence-transformers keep it in the config, older as a flag."""
    config = pooling.get_config_dict() if hasattr(pooling, "get_config_dict") else {}
    if "pooling_mode" in config:
        return str(config["pooling_mode"])
    return "mean" if config.get("pooling_mode_mean_tokens") else None


def _mean_pooled(transformer: Any) -> Any:
    """The transformer with mean pooling and L2 normalisation, as one torch module."""
    import torch

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return MeanPooled()
