"""`assistant search`: passages holding the query's exact words rank first, on the bundled report
and across reports; the phrase in order beats the words scattered."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.index.chunking import Chunk
from assistant.index.lexical import ALL_WORDS, PHRASE, LexicalIndex

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reports"


def _search(capsys, *argv: str) -> list[dict]:
    assert main(["search", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["passages"]


@pytest.fixture
def env(ingested_settings, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(ingested_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(ingested_settings.corpus_dir))
    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)


@pytest.mark.parametrize("query", ["El Paso", "Veeda", "ClinicalTrials.gov", "Luminis Health"])
def test_a_name_finds_the_passage_that_names_it_first(env, capsys, query: str) -> None:
    passages = _search(capsys, query, "-k", "2")
    assert query.lower() in passages[0]["text"].lower(), [p["section"] for p in passages]


def test_the_report_option_ranks_the_same_way(env, capsys) -> None:
    passages = _search(capsys, "El Paso", "-k", "2", "--report", "clinical-trial-smo-market")
    assert "El Paso" in passages[0]["text"]


def test_a_phrase_in_order_comes_before_its_words_scattered() -> None:
    def chunk(start: int, text: str) -> Chunk:
        return Chunk(
            id=str(start), report_id="r", section="s", start=start, end=start + len(text), text=text, tokens=9
        )

    scattered = chunk(0, "Paso robles wine from El Dorado county is sold in the region.")
    together = chunk(100, "A site opened in El Paso, Texas.")
    unrelated = chunk(200, "North America leads the market.")
    index = LexicalIndex([scattered, together, unrelated])
    assert index.exact("el paso") == [(scattered, ALL_WORDS), (together, PHRASE)]
    assert index.exact("the of") == []  # stop words alone match nothing


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, memo_embedder):
    from assistant.index.ingest import ingest
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("two-reports")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / seed_path.name)
    shutil.copy(FIXTURES / "moonlight-fabric-market.txt", corpus)
    settings = Settings(data_dir=base / "data", corpus_dir=corpus)
    ingest(settings, progress=False, embedder=memo_embedder)
    return settings


def test_across_reports_an_exact_phrase_of_another_report_comes_first(
    two_reports, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(two_reports.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(two_reports.corpus_dir))
    passages = _search(capsys, "glowing curtains", "-k", "3")
    assert passages[0]["report_id"] == "moonlight-fabric-market"
    assert "glowing curtains" in passages[0]["text"]
