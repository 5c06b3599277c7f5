"""Shared fixtures: real parts everywhere (real Chroma on tmp_path, the packaged MiniLM, tiktoken)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Belt and braces: nothing in the test run may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "clinical-trial-smo-market.txt"
SEED_ID = "clinical-trial-smo-market"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A private corpus folder holding a copy of the seed report."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def settings(tmp_path: Path, corpus_dir: Path):
    """Settings pointing at a fresh data dir and a private corpus."""
    from assistant.settings import Settings

    return Settings(data_dir=tmp_path / "data", corpus_dir=corpus_dir)


@pytest.fixture(scope="session")
def ingested_settings(tmp_path_factory: pytest.TempPathFactory):
    """Settings with the seed report already ingested into an embedded store (shared, read-only)."""
    from assistant.ingest import ingest
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("ingested")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    settings = Settings(data_dir=base / "data", corpus_dir=corpus)
    ingest(settings)
    return settings


@pytest.fixture(scope="session")
def seed_assistant(ingested_settings):
    """One offline Assistant over the ingested seed report, shared by answering tests."""
    from assistant import Assistant

    return Assistant(ingested_settings)
