"""Where the exported ONNX graph of the packaged model lives, and whether it is intact.

The file is named after the sha256 of the weights it was exported from (and the export format), so
other weights or a changed export never reuse it. Beside it, ``<file>.sha256`` records the sha256 of
the exported bytes (in ``sha256sum`` format); a missing, truncated or edited file no longer matches
its record and is exported again. Nothing here imports torch.
"""

from __future__ import annotations

from pathlib import Path

from assistant.index.model_files import MODEL_NAME, WEIGHTS_SHA256, sha256_file

# Bump when the exported graph changes (inputs, outputs, pooling): older files are then ignored.
EXPORT_FORMAT = 1
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "sentence_embedding"


def onnx_model_path(cache_dir: Path) -> Path:
    """The exported graph's path under ``cache_dir``, keyed by the weights' sha256."""
    return cache_dir / f"{MODEL_NAME}-{WEIGHTS_SHA256[:16]}-onnx{EXPORT_FORMAT}.onnx"


def digest_path(model_path: Path) -> Path:
    """The file recording ``model_path``'s sha256."""
    return model_path.with_name(model_path.name + ".sha256")


def digest_record(digest: str, model_path: Path) -> str:
    """The text of a digest file: one ``sha256sum`` line."""
    return f"{digest}  {model_path.name}\n"


def recorded_digest(model_path: Path) -> str | None:
    """The sha256 recorded beside ``model_path``, or None when there is no readable record."""
    try:
        fields = digest_path(model_path).read_text(encoding="ascii").split()
    except (OSError, UnicodeError):
        return None
    return fields[0].lower() if fields else None


def problem(model_path: Path) -> str | None:
    """Why ``model_path`` cannot be used ("missing", ...), or None when it is intact."""
    if not model_path.is_file():
        return "missing"
    expected = recorded_digest(model_path)
    if expected is None:
        return "its sha256 record is missing"
    if sha256_file(model_path) != expected:
        return "its sha256 differs from the recorded one (truncated or altered)"
    return None
