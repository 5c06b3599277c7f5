"""The environment of a command run in a fresh process by the tests: this machine's, with the
settings' data and corpus folders, and the Chroma server only when the settings name one."""

from __future__ import annotations

import os
from typing import Any


def cli_env(settings: Any, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
    }
    env.pop("ASSISTANT_CHROMA_URL", None)
    if settings.chroma_url:
        env["ASSISTANT_CHROMA_URL"] = settings.chroma_url
    return {**env, **extra}
