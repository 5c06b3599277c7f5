"""The packaged all-MiniLM-L6-v2: found, checked whole, extracted once, and served to questions by the
ONNX embedder, once per process."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from assistant.errors import ConfigError
from assistant.index.embedder import Embedder, PrefetchingEmbedder
from assistant.index.embeddings import HEADING_WEIGHT, get_embedder, get_passage_embedder, passage_vectors
from assistant.index.model_files import (
    MODEL_NAME,
    WEIGHTS_FILE,
    WEIGHTS_SHA256,
    check_weights,
    extract_model,
    model_zip_path,
    sha256_file,
)
from assistant.index.onnx_embedder import OnnxEmbedder
from assistant.settings import EmbeddingSettings, Settings


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> OnnxEmbedder:
    found = get_embedder(Settings(data_dir=tmp_path_factory.mktemp("emb")))
    assert isinstance(found, OnnxEmbedder)
    return found


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_model_comes_from_the_installed_package_zip() -> None:
    path = model_zip_path()
    assert path.name == "model.zip" and path.parent.name == "all_minilm_l6_v2"
    assert path.stat().st_size > 10_000_000


def test_extraction_happens_once_into_a_versioned_folder(tmp_path: Path) -> None:
    folder = extract_model(tmp_path)
    weights = folder / WEIGHTS_FILE
    assert weights.is_file() and (folder / "tokenizer.json").is_file()
    assert folder.name.startswith(MODEL_NAME)
    stamp = weights.stat().st_mtime_ns
    assert extract_model(tmp_path) == folder
    assert weights.stat().st_mtime_ns == stamp  # not extracted again
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no temporary folder left behind
    assert sha256_file(weights) == WEIGHTS_SHA256  # the whole 64-hex digest, not a prefix


def test_weights_are_checked_whole(tmp_path: Path) -> None:
    assert len(WEIGHTS_SHA256) == 64 and int(WEIGHTS_SHA256, 16) >= 0
    folder = tmp_path / "copy"
    shutil.copytree(extract_model(tmp_path / "cache"), folder)
    check_weights(folder)
    weights = folder / WEIGHTS_FILE
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit in the middle: a prefix/suffix check would miss it
    weights.write_bytes(bytes(data))
    with pytest.raises(ConfigError, match=f"expected {WEIGHTS_SHA256}"):
        check_weights(folder)


def test_questions_get_one_onnx_embedder_per_process(embedder: OnnxEmbedder, tmp_path: Path) -> None:
    assert get_embedder(Settings(data_dir=tmp_path)) is embedder
    assert isinstance(embedder, Embedder)
    assert embedder.name == MODEL_NAME and embedder.dimension == 384
    assert isinstance(get_passage_embedder(Settings(data_dir=tmp_path)), Embedder)


def test_documents_get_normalised_384_dimensional_vectors(embedder: OnnxEmbedder) -> None:
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


def test_query_embeddings_are_cached(embedder: OnnxEmbedder) -> None:
    hits, misses = embedder.query_cache_info()
    first = embedder.embed_query("Which region is the largest?")
    first.append(99.0)  # a caller mutating its list must not corrupt the cache
    second = embedder.embed_query("Which region is the largest?")
    assert len(second) == 384
    assert embedder.query_cache_info() == (hits + 1, misses + 1)
    doc = embedder.embed_documents(["Which region is the largest?"])[0]
    assert max(abs(a - b) for a, b in zip(second, doc, strict=True)) < 1e-6  # one space, one vector


def test_the_onnx_embedder_prefetches_the_vector_it_would_compute(embedder: OnnxEmbedder) -> None:
    assert isinstance(embedder, PrefetchingEmbedder)
    question = "how fast does the smallest region grow, roughly?"
    embedder.prefetch_query(question)
    hits, misses = embedder.query_cache_info()
    prefetched = embedder.embed_query(question)
    computed = embedder.embed_documents([question])[0]
    assert max(abs(a - b) for a, b in zip(prefetched, computed, strict=True)) < 1e-6
    assert embedder.query_cache_info() == (hits, misses + 1)


def test_passage_vectors_blend_text_and_heading(embedder: OnnxEmbedder) -> None:
    texts = ["North America maintains a dominant position.", "Plain text without a heading."]
    known: dict[str, list[float]] = {}
    blended = passage_vectors(embedder, texts, ["Regional Insights", None], known)
    assert list(known) == ["Regional Insights"]  # kept for the next batch
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
    with pytest.raises(ConfigError, match="bge-large"):
        get_passage_embedder(settings)


def test_the_hashing_fake_is_a_deterministic_unit_embedder() -> None:
    fake = HashingEmbedder()
    assert isinstance(fake, Embedder) and fake.dimension == 384
    a, b, c = fake.embed_documents(["market size in 2029", "the market size in 2029", "pasta recipes"])
    assert (
        fake.embed_query("market size in 2029") == a == HashingEmbedder().embed_query("market size in 2029")
    )
    assert math.isclose(_dot(a, a), 1.0, abs_tol=1e-6) and math.isclose(_dot(c, c), 1.0, abs_tol=1e-6)
    assert _dot(a, b) > 0.5 > _dot(a, c)
    assert fake.calls == [3] and fake.documents_embedded == 3
