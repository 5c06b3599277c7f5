"""A running assistant and a store changed by another process: an `assistant ingest` in another shell
is seen at the next question (catalogue, facts and passages), and a deleted store is said plainly.
Runs against the embedded store and a real `chroma run` server."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from assistant import Assistant
from assistant.errors import IndexError_
from assistant.index.catalogue import Catalogue
from assistant.index.embedder import Embedder
from assistant.index.ingest import ingest
from assistant.index.store import ChromaStore
from assistant.settings import Settings
from tests.processes import cli_env

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "clinical-trial-smo-market"
QUESTION = "How big will the market be in 2029?"
NEW_SENTENCE = "Lunar greenhouse operators became a new end-user group for site management services."


def ingest_in_another_process(settings: Settings) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", "--no-progress"],
        env=cli_env(settings),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_running_assistant_answers_from_the_store_another_process_updated(
    store_settings: Settings, memo_embedder: Embedder
):
    ingest(store_settings, progress=False, embedder=memo_embedder)
    assistant = Assistant(store_settings)
    before = assistant.ask(QUESTION)
    assert before.status == "answered" and "8.36" in before.text
    assert NEW_SENTENCE not in assistant.retriever.search(NEW_SENTENCE, k=1)[0].text

    seed = store_settings.corpus_dir / f"{SEED_ID}.txt"
    text = seed.read_text(encoding="utf-8").replace("6.71", "7.10")
    seed.write_text(
        text.replace("Regional Insights\n", f"Regional Insights\n{NEW_SENTENCE}\n", 1), encoding="utf-8"
    )
    done = ingest_in_another_process(store_settings)
    assert done.returncode == 0, done.stderr
    assert "1 updated" in done.stdout

    after = assistant.ask(QUESTION)
    # 7.10 x 1.0565^4 = 8.85: the new base year figure, from the reloaded report.
    assert after.status == "answered" and "8.85" in after.text and "8.36" not in after.text, after.text
    assert any("7.10" in c.quote for c in after.citations)
    assert NEW_SENTENCE in assistant.retriever.search(NEW_SENTENCE, k=1)[0].text  # fresh passages too
    assert assistant.catalogue.refresh_if_changed() is False  # nothing changed since


def test_an_unchanged_store_is_not_reloaded(ingested_settings: Settings):
    catalogue = Catalogue(ingested_settings)
    catalogue.list_reports()
    generation = catalogue.generation
    assert [catalogue.refresh_if_changed() for _ in range(3)] == [False, False, False]
    assert catalogue.generation == generation


def test_a_deleted_store_is_said_plainly(store_settings: Settings, memo_embedder: Embedder):
    ingest(store_settings, progress=False, embedder=memo_embedder)
    assistant = Assistant(store_settings)
    assert assistant.ask("What is the CAGR?").status == "answered"
    if store_settings.chroma_url is None:
        shutil.rmtree(store_settings.data_dir / "chroma")
    else:
        port = int(store_settings.chroma_url.rsplit(":", 1)[1])
        client = chromadb.HttpClient(
            host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False)
        )
        for collection in client.list_collections():
            client.delete_collection(collection.name)
    with pytest.raises(IndexError_, match="was deleted while in use.*assistant ingest"):
        assistant.ask("What is the CAGR?")


def test_each_ingest_that_changes_the_store_writes_a_new_stamp(store_settings: Settings, memo_embedder):
    ingest(store_settings, progress=False, embedder=memo_embedder)
    store = ChromaStore(store_settings, create=False)
    first = store.stamp()
    assert ingest(store_settings, progress=False, embedder=memo_embedder).unchanged == [SEED_ID]
    assert store.stamp() == first  # nothing changed, nothing to reload
    seed = store_settings.corpus_dir / f"{SEED_ID}.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA closing note.\n", encoding="utf-8")
    assert ingest(store_settings, progress=False, embedder=memo_embedder).updated == [SEED_ID]
    assert store.stamp() != first
