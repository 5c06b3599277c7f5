"""The disk cache of the intent examples' vectors: a hit returns exactly what the embedder gave.

The cache does not care which embedder it wraps, so these tests use the hashing fake.
"""

from __future__ import annotations

from pathlib import Path

from fakes import HashingEmbedder

from assistant.index.vector_cache import cache_key, cached_embed

TEXTS = ["how big will the market be in 2029", "which region leads the market"]


def test_second_call_reads_the_vectors_back_without_embedding(tmp_path: Path):
    embedder = HashingEmbedder()
    embed = cached_embed(embedder.embed_documents, tmp_path / "cache", embedder.name)
    first = embed(TEXTS)
    before = embedder.documents_embedded
    second = embed(TEXTS)
    assert embedder.documents_embedded == before, "a cache hit embeds nothing"
    assert second == first == embedder.embed_documents(TEXTS)
    assert len(list((tmp_path / "cache").glob("vectors-*.npy"))) == 1


def test_other_texts_or_model_miss_the_cache(tmp_path: Path):
    assert cache_key("all-MiniLM-L6-v2", TEXTS) != cache_key("all-MiniLM-L6-v2", TEXTS[:1])
    assert cache_key("all-MiniLM-L6-v2", TEXTS) != cache_key("other-model", TEXTS)
    assert cache_key("m", ["ab", "c"]) != cache_key("m", ["a", "bc"])
    embedder = HashingEmbedder()
    embed = cached_embed(embedder.embed_documents, tmp_path, embedder.name)
    embed(TEXTS)
    before = embedder.documents_embedded
    assert embed(TEXTS[:1]) == embedder.embed_documents(TEXTS[:1])
    assert embedder.documents_embedded > before


def test_a_corrupt_or_unwritable_cache_only_costs_the_embedding(tmp_path: Path):
    embedder = HashingEmbedder()
    embed = cached_embed(embedder.embed_documents, tmp_path, embedder.name)
    expected = embed(TEXTS)
    (cached,) = tmp_path.glob("vectors-*.npy")
    cached.write_bytes(b"not a numpy file")
    assert embed(TEXTS) == expected
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert cached_embed(embedder.embed_documents, blocked / "cache", embedder.name)(TEXTS) == expected
