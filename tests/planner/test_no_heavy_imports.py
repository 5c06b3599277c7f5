"""The planner's unit tests run on fakes: neither torch nor Chroma is loaded for them."""

from __future__ import annotations

import subprocess
import sys


def test_planner_and_tools_load_without_torch_or_chroma():
    code = (
        "import sys, assistant.planner.factory, assistant.agent.final, tools; "
        "print(sorted(m for m in ('torch', 'chromadb', 'sentence_transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
