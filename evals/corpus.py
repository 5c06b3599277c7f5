"""A question set's own corpus: a folder of report pages ingested into a data dir of the evaluation's own.

``prepare_corpus(settings, folder, set_name)`` returns settings that point at
``<data_dir>/eval-<set>`` (always an embedded store, never the user's Chroma server) and brings that
store in line with the folder by running the public ``assistant ingest`` command on it: unchanged pages
cost a parse, pages no longer in the folder are removed, so the store holds exactly the folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from evals.questions import EvalSetError

if TYPE_CHECKING:
    from assistant import Settings

INGEST_TIMEOUT_S = 1800  # a generous bound: a few hundred pages embed in minutes on two cores


class EvalCorpusError(EvalSetError):
    """The corpus folder is missing, empty, or could not be ingested; the message says which and why."""


def eval_data_dir(settings: Settings, set_name: str) -> Path:
    """``<data_dir>/eval-<set>``: the set's own store, apart from the reports the user ingested."""
    slug = re.sub(r"[^a-z0-9]+", "-", Path(set_name).stem.lower()).strip("-") or "set"
    return settings.data_dir / f"eval-{slug}"


def corpus_settings(settings: Settings, folder: Path, set_name: str) -> Settings:
    """Settings for a run over ``folder``: its own embedded store; chunking and embedding unchanged."""
    return settings.model_copy(
        update={
            "data_dir": eval_data_dir(settings, set_name),
            "corpus_dir": folder.resolve(),
            # A server's collection holds the user's reports; ingesting a folder there would remove them.
            "chroma_url": None,
        }
    )


def ingest_environment(settings: Settings) -> dict[str, str]:
    """The environment for ``assistant ingest``: what shapes the store, and no other ASSISTANT_ variable."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ASSISTANT_")}
    env["ASSISTANT_DATA_DIR"] = str(settings.data_dir)
    env["ASSISTANT_CORPUS_DIR"] = str(settings.corpus_dir)
    for group in ("chunking", "embedding"):  # one variable per field, as the settings read them
        for key, value in getattr(settings, group).model_dump().items():
            text = value if isinstance(value, str) else json.dumps(value)
            env[f"ASSISTANT_{group.upper()}__{key.upper()}"] = text
    return env


def ingest_corpus(settings: Settings, progress: Callable[[str], None] | None = None) -> str:
    """Run ``assistant ingest`` over ``settings.corpus_dir`` into ``settings.data_dir``; returns its summary."""
    folder = settings.corpus_dir
    if not folder.is_dir():
        raise EvalCorpusError(f"corpus folder {folder} does not exist")
    command = [sys.executable, "-m", "assistant", "ingest", "--no-progress"]
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
            command,
            env=ingest_environment(settings),
            capture_output=True,
            text=True,
            timeout=INGEST_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise EvalCorpusError(f"ingest of {folder} took longer than {INGEST_TIMEOUT_S} s") from exc
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        detail = "; ".join(errors) or done.stderr.strip()[-500:] or f"exit code {done.returncode}"
        raise EvalCorpusError(f"ingest of {folder} failed: {detail}")
    if progress:
        progress(f"corpus {folder}: {summary}")
    return summary


def prepare_corpus(
    settings: Settings, folder: Path, set_name: str, progress: Callable[[str], None] | None = None
) -> Settings:
    """Settings whose store holds exactly the pages in ``folder`` (ingested now if anything changed)."""
    from assistant import Catalogue

    prepared = corpus_settings(settings, folder, set_name)
    ingest_corpus(prepared, progress)
    if not Catalogue(prepared).ids():
        raise EvalCorpusError(
            f"corpus folder {prepared.corpus_dir} holds no report pages (.txt, .md, .html, .pdf)"
        )
    return prepared
