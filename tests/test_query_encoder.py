"""The traced question encoder gives the vectors the packaged model's encode() gives."""

from __future__ import annotations

import pytest

from assistant.index.embeddings import get_embedder
from assistant.index.query_encoder import build_query_encoder


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    from assistant.settings import Settings

    return get_embedder(Settings(data_dir=tmp_path_factory.mktemp("qe"))).model


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "How big will the market be in 2029?",
        "which region leads " * 200,  # longer than the model's window: truncated alike
        "Société Générale — 5.65 % CAGR (2026–2031)",
    ],
)
def test_traced_encoder_matches_encode(model, text):
    encode = build_query_encoder(model)
    assert encode is not None
    expected = model.encode([text], normalize_embeddings=True, show_progress_bar=False)[0]
    got = encode(text)
    assert len(got) == len(expected) == 384
    assert max(abs(float(a) - b) for a, b in zip(expected, got, strict=True)) < 1e-5


def test_an_unsupported_model_layout_falls_back(model):
    class NotAModel(list):
        tokenizer = None

    assert build_query_encoder(NotAModel()) is None


def test_embedder_questions_use_it_and_agree_with_documents(tmp_path):
    from assistant.settings import Settings

    embedder = get_embedder(Settings(data_dir=tmp_path))
    embedder.embed_query("a first question, embedded the standard way")
    question = "what are the key market drivers"
    via_query = embedder.embed_query(question)
    assert embedder.traced_queries
    via_documents = embedder.embed_documents([question])[0]
    assert max(abs(a - b) for a, b in zip(via_query, via_documents, strict=True)) < 1e-5
