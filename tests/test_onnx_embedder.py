"""The exported ONNX graph: equal to sentence-transformers, exported once, checked by its recorded
sha256, exported again when missing or damaged, and a failed export changes nothing.

The exports here go to temporary cache folders; the module exports once and each test copies that
folder, so only the tests about exporting pay for another export.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import assistant.index.onnx_export as onnx_export
from assistant.index.embeddings import _onnx_or_torch
from assistant.index.model_files import MODEL_NAME, WEIGHTS_FILE, extract_model
from assistant.index.onnx_embedder import OnnxEmbedder
from assistant.index.onnx_export import OnnxExportError, ensure_onnx_model
from assistant.index.onnx_model import digest_path, onnx_model_path, problem
from assistant.index.torch_embedder import SentenceTransformerEmbedder, shared_model
from tests.processes import cli_env

QUESTIONS = [
    "How big will the market be in 2029?",
    "cagr?",
    "which region leads",
    "What did the company acquire in March 2024, and how many sites did it add?",
    "Société Générale — 5.65 % CAGR (2026–2031)",
    "",
    "市场规模是多少",
]
PASSAGES = [
    "Regional Insights: North America maintains a dominant position in the market, driven by a dense "
    "network of research hospitals and a large pool of trial participants.",
    "Key Market Players\n- Company One\n- Company Two\n- Company Three",
    "Market Size (2025) USD 6.71 Billion; CAGR (2026-2031) 5.65%; Largest Market: North America.",
    "The report covers drivers, challenges and trends. " * 60,  # beyond the 256-token window
    "Regional Insights",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the extracted model and its freshly exported graph."""
    cache = tmp_path_factory.mktemp("onnx-cache")
    ensure_onnx_model(cache)
    return cache


@pytest.fixture
def cache(exported: Path, tmp_path: Path) -> Path:
    """A private copy of the exported cache folder, free to damage."""
    copy = tmp_path / "cache"
    shutil.copytree(exported, copy, ignore=shutil.ignore_patterns("*.lock"))
    return copy


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_missing_graph_is_exported_with_its_digest(exported: Path) -> None:
    graph = onnx_model_path(exported)
    assert graph.is_file() and graph.stat().st_size > 10_000_000
    assert problem(graph) is None
    assert digest_path(graph).read_text(encoding="ascii").split() == [
        onnx_export.sha256_file(graph),
        graph.name,
    ]
    assert _leftovers(exported) == []  # no temporary files left behind
    stamp = graph.stat().st_mtime_ns
    assert ensure_onnx_model(exported) == graph and graph.stat().st_mtime_ns == stamp  # not exported again


def test_vectors_equal_sentence_transformers(exported: Path) -> None:
    reference = SentenceTransformerEmbedder(shared_model(exported))
    onnx = OnnxEmbedder(onnx_model_path(exported), extract_model(exported), batch_size=4)
    texts = QUESTIONS + PASSAGES
    want = np.asarray(reference.embed_documents(texts))
    got_batches = np.asarray(onnx.embed_documents(texts))  # padded batches of 4
    got_single = np.asarray([onnx.embed_query(t) for t in texts])
    assert got_batches.shape == want.shape == (len(texts), 384)
    assert np.abs(got_batches - want).max() < 1e-5
    assert np.abs(got_single - want).max() < 1e-5


def _truncate(graph: Path) -> None:
    graph.write_bytes(graph.read_bytes()[: graph.stat().st_size // 2])


def _flip_a_byte(graph: Path) -> None:
    data = bytearray(graph.read_bytes())
    data[len(data) // 3] ^= 0xFF
    graph.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda g: g.unlink(), "missing"),
        (_truncate, "differs"),
        (_flip_a_byte, "differs"),
        (lambda g: digest_path(g).unlink(), "record is missing"),
        (lambda g: digest_path(g).write_text("0" * 64 + "  x\n"), "differs"),
    ],
    ids=["graph missing", "truncated", "byte changed", "record missing", "record edited"],
)
def test_damage_is_detected(cache: Path, damage, reason: str) -> None:
    graph = onnx_model_path(cache)
    assert problem(graph) is None
    damage(graph)
    assert reason in (problem(graph) or "")


def test_a_damaged_graph_is_exported_again_and_still_answers(cache: Path) -> None:
    graph = onnx_model_path(cache)
    _truncate(graph)
    assert ensure_onnx_model(cache) == graph
    assert problem(graph) is None and _leftovers(cache) == []
    onnx = OnnxEmbedder(graph, extract_model(cache))
    reference = SentenceTransformerEmbedder(shared_model(cache))
    question = "How big will the market be in 2029?"
    assert np.abs(np.asarray(onnx.embed_query(question)) - reference.embed_query(question)).max() < 1e-5


def _one_line(message: str) -> None:
    assert message and "\n" not in message
    assert message.startswith(f"cannot export {MODEL_NAME} to ONNX at ")


def test_a_failed_export_leaves_the_previous_file_and_says_why(cache: Path) -> None:
    graph = onnx_model_path(cache)
    _flip_a_byte(graph)
    damaged, record = graph.read_bytes(), digest_path(graph).read_bytes()
    weights = extract_model(cache) / WEIGHTS_FILE  # the export reads the weights: make them wrong
    weights.write_bytes(weights.read_bytes()[:-1] + b"\x00")
    with pytest.raises(OnnxExportError) as failure:
        ensure_onnx_model(cache)
    _one_line(str(failure.value))
    assert "sha256" in str(failure.value)
    assert graph.read_bytes() == damaged and digest_path(graph).read_bytes() == record
    assert _leftovers(cache) == []


def test_a_failure_while_writing_leaves_the_previous_file(cache: Path, monkeypatch) -> None:
    graph = onnx_model_path(cache)
    _truncate(graph)
    before, record = graph.read_bytes(), digest_path(graph).read_bytes()

    def half_written(model, path: Path) -> None:  # a disk that fills up half-way through
        path.write_bytes(b"\x08\x07" * 1000)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(onnx_export, "write_graph", half_written)
    with pytest.raises(OnnxExportError, match="No space left on device") as failure:
        ensure_onnx_model(cache)
    _one_line(str(failure.value))
    assert graph.read_bytes() == before and digest_path(graph).read_bytes() == record
    assert _leftovers(cache) == []


def test_when_the_export_fails_questions_fall_back_to_sentence_transformers(
    cache: Path, monkeypatch, caplog
) -> None:
    _truncate(onnx_model_path(cache))

    def failing(model, path: Path) -> None:
        raise RuntimeError("exporter unavailable\n(details on a second line)")

    monkeypatch.setattr(onnx_export, "write_graph", failing)
    with caplog.at_level(logging.WARNING):
        embedder = _onnx_or_torch(MODEL_NAME, 32, cache, threads=1)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    [warning] = [r for r in caplog.records if "cannot export" in r.getMessage()]
    assert "\n" not in warning.getMessage()
    assert "exporter unavailable (details on a second line)" in warning.getMessage()
    assert len(embedder.embed_query("which region leads")) == 384


def test_a_question_after_the_graph_was_truncated_is_answered_and_repairs_it(
    exported: Path, ingested_settings, tmp_path: Path
) -> None:
    """End to end in a fresh process: the damaged file is noticed, exported again, and the answer given."""
    xdg = tmp_path / "xdg"
    cache = xdg / "report-analyst-assistant" / "models"
    shutil.copytree(exported, cache, ignore=shutil.ignore_patterns("*.lock"))
    graph = onnx_model_path(cache)
    _truncate(graph)
    env = cli_env(ingested_settings, XDG_CACHE_HOME=str(xdg), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "How big will the market be in 2029?"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "8.36" in proc.stdout
    [notice] = [line for line in proc.stderr.splitlines() if "exporting" in line]
    assert "differs from the recorded one" in notice
    assert problem(graph) is None and _leftovers(cache) == []
