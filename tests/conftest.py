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
    from assistant.index.ingest import ingest
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


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    """A real `chroma run` on loopback for the session; yields its URL and is stopped at the end."""
    import subprocess
    import sys
    import time
    import urllib.request

    exe = Path(sys.executable).with_name("chroma")
    if not exe.exists():
        pytest.fail(f"{exe} not found: the chromadb package ships the `chroma` command")
    base = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(base / "server.log", "wb")  # noqa: SIM115 - stays open while the server runs
    cmd = [str(exe), "run", "--path", str(base / "data"), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = (base / "server.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"chroma server on port {port} did not answer its heartbeat:\n{tail}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


@pytest.fixture(params=["embedded", "server"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path, corpus_dir: Path):
    """Settings for a fresh, empty store: embedded Chroma on tmp_path, or the session's Chroma server."""
    from assistant.settings import Settings

    if request.param == "embedded":
        return Settings(data_dir=tmp_path / "data", corpus_dir=corpus_dir)
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    url = request.getfixturevalue("chroma_server")
    port = int(url.rsplit(":", 1)[1])
    client = chromadb.HttpClient(
        host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False)
    )
    for collection in client.list_collections():  # each test starts from an empty server
        client.delete_collection(collection.name)
    return Settings(data_dir=tmp_path / "data", corpus_dir=corpus_dir, chroma_url=url)


@pytest.fixture(scope="session")
def memo_embedder():
    """The real packaged ingest embedder, remembering passage vectors across tests (for speed only).

    Pass it as ``embedder=`` where a test is not about embedding itself; its ``documents_embedded``
    counter still counts every text asked for, remembered or not.
    """
    from assistant.index.embeddings import get_passage_embedder
    from assistant.settings import Settings

    base = get_passage_embedder(Settings())

    class MemoEmbedder:
        def __init__(self) -> None:
            self.memory: dict[str, list[float]] = {}
            self.documents_embedded = 0
            self.name = base.name
            self.dimension = base.dimension

        def embed_documents(self, texts):
            texts = list(texts)
            self.documents_embedded += len(texts)
            missing = [t for t in dict.fromkeys(texts) if t not in self.memory]
            if missing:
                self.memory.update(zip(missing, base.embed_documents(missing), strict=True))
            return [list(self.memory[t]) for t in texts]

        def embed_query(self, text):
            return base.embed_query(text)

    return MemoEmbedder()
