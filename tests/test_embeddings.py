"""The packaged all-MiniLM-L6-v2, loaded offline, once per process."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.index.embeddings import (
    HEADING_WEIGHT,
    MODEL_NAME,
    Embedder,
    extract_model,
    get_embedder,
    model_zip_path,
    passage_vectors,
)
from assistant.settings import EmbeddingSettings, Settings


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    return get_embedder(Settings(data_dir=tmp_path_factory.mktemp("emb")))


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_model_comes_from_the_installed_package_zip() -> None:
    path = model_zip_path()
    assert path.name == "model.zip" and path.parent.name == "all_minilm_l6_v2"
    assert path.stat().st_size > 10_000_000


def test_extraction_happens_once_into_a_versioned_folder(tmp_path: Path) -> None:
    folder = extract_model(tmp_path)
    weights = folder / "model.safetensors"
    assert weights.is_file() and (folder / "tokenizer.json").is_file()
    assert folder.name.startswith(MODEL_NAME)
    stamp = weights.stat().st_mtime_ns
    assert extract_model(tmp_path) == folder
    assert weights.stat().st_mtime_ns == stamp  # not extracted again
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no temporary folder left behind


def test_embedder_is_loaded_once_per_process(embedder: Embedder, tmp_path: Path) -> None:
    assert get_embedder(Settings(data_dir=tmp_path)) is embedder
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_documents_get_normalised_384_dimensional_vectors(embedder: Embedder) -> None:
    before = embedder.documents_embedded
    vectors = embedder.embed_documents(
        ["North America holds the largest share.", "The biggest region is North America.", "Pasta recipes."]
    )
    assert embedder.documents_embedded == before + 3
    assert [len(v) for v in vectors] == [384, 384, 384]
    for v in vectors:
        assert math.isclose(math.sqrt(_dot(v, v)), 1.0, abs_tol=1e-4)
    assert _dot(vectors[0], vectors[1]) > _dot(vectors[0], vectors[2]) + 0.3
    assert embedder.embed_documents([]) == []


def test_query_embeddings_are_cached(embedder: Embedder) -> None:
    hits, misses = embedder.query_cache_info()
    first = embedder.embed_query("Which region is the largest?")
    first.append(99.0)  # a caller mutating its list must not corrupt the cache
    second = embedder.embed_query("Which region is the largest?")
    assert len(second) == 384
    assert embedder.query_cache_info() == (hits + 1, misses + 1)
    doc = embedder.embed_documents(["Which region is the largest?"])[0]
    assert _dot(second, doc) > 0.999  # queries and documents share one space


def test_passage_vectors_blend_text_and_heading(embedder: Embedder) -> None:
    texts = ["North America maintains a dominant position.", "Plain text without a heading."]
    blended = passage_vectors(embedder, texts, ["Regional Insights", None])
    text_vec = embedder.embed_documents([f"Regional Insights: {texts[0]}"])[0]
    heading_vec = embedder.embed_documents(["Regional Insights"])[0]
    q = embedder.embed_query("largest region")
    w = HEADING_WEIGHT
    assert math.isclose(
        _dot(q, blended[0]), (1 - w) * _dot(q, text_vec) + w * _dot(q, heading_vec), abs_tol=1e-4
    )
    assert math.isclose(_dot(blended[1], blended[1]), 1.0, abs_tol=1e-4)  # no heading: plain unit vector


def test_only_the_packaged_model_is_accepted(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, embedding=EmbeddingSettings(model_name="bge-large"))
    with pytest.raises(ConfigError, match="bge-large"):
        get_embedder(settings)
