"""Each command imports only what it uses: a question never loads torch, nor LangChain when the offline
planner answers it, and the listing commands load neither the model nor the web and LLM stacks. Checked in fresh processes through ``sys.modules``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import cli_env

ROOT = Path(__file__).resolve().parent.parent
TORCH = {"torch", "transformers", "sentence_transformers"}
MODEL = {"onnxruntime", "tokenizers"}
WEB_AND_LLM = {"gradio", "langchain", "langchain_core", "slack_bolt", "matplotlib"}
PARSER = {"assistant.parsing.parse", "tiktoken"}  # reading and chunking report files
MARK = "modules-loaded:"

# Runs a command in this process, then reports which of the watched top-level packages it imported.
PROBE = f"""
import json, sys
from assistant.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
watched = {sorted(TORCH | MODEL | WEB_AND_LLM | PARSER | {"chromadb"})!r}
loaded = sorted(name for name in watched if name in sys.modules)
print({MARK!r} + json.dumps({{"code": code, "loaded": loaded}}), file=sys.stderr)
"""


def _run(args: list[str], settings) -> tuple[int, set[str], str]:
    env = cli_env(settings, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    lines = [line for line in proc.stderr.splitlines() if line.startswith(MARK)]
    assert lines, proc.stderr
    report = json.loads(lines[-1][len(MARK) :])
    return report["code"], set(report["loaded"]), proc.stdout


def test_a_question_is_answered_without_torch(ingested_settings) -> None:
    code, loaded, out = _run(["ask", "How big will the market be in 2029?"], ingested_settings)
    assert code == 0 and "8.36" in out
    assert loaded >= MODEL  # answered by the ONNX embedder ...
    assert not loaded & TORCH  # ... and torch, transformers and sentence-transformers never loaded
    assert not loaded & WEB_AND_LLM  # the offline planner calls the tools without LangChain
    assert not loaded & PARSER  # stored reports are read, not parsed, and nothing was searched


def test_search_embeds_without_torch(ingested_settings) -> None:
    code, loaded, out = _run(["search", "largest region", "-k", "1"], ingested_settings)
    assert code == 0 and "Regional Insights" in out
    assert loaded >= MODEL and not loaded & TORCH
    assert not loaded & WEB_AND_LLM


def test_ingest_needs_no_torch_once_the_model_is_exported(ingested_settings, tmp_path: Path) -> None:
    fresh = ingested_settings.model_copy(update={"data_dir": tmp_path / "data"})
    code, loaded, out = _run(["ingest"], fresh)
    assert code == 0 and "1 added" in out
    assert loaded >= MODEL and not loaded & TORCH
    assert not loaded & WEB_AND_LLM


@pytest.mark.parametrize("args", [["--help"], ["facts"], ["reports"], ["ask", "--help"]])
def test_listing_commands_load_no_model_and_no_web_or_llm_stack(ingested_settings, args) -> None:
    code, loaded, out = _run(args, ingested_settings)
    assert code == 0 and out.strip()
    assert not loaded & (TORCH | MODEL | WEB_AND_LLM)
    if args[0] in ("facts", "reports"):
        assert "chromadb" in loaded  # they did read the store
