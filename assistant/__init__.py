"""Report analyst assistant: grounded answers about market-research reports.

The public API is pinned by ``tests/test_public_api.py``; surfaces and evals use only these names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Catalogue",
    "Citation",
    "Computation",
    "Report",
    "Retriever",
    "SeriesPoint",
    "Settings",
    "parse_report",
]

_HOMES = {
    "Answer": "assistant.answer",
    "Citation": "assistant.answer",
    "Computation": "assistant.answer",
    "SeriesPoint": "assistant.answer",
    "Assistant": "assistant.agent",
    "AssistantError": "assistant.errors",
    "Catalogue": "assistant.catalogue",
    "Report": "assistant.report",
    "Retriever": "assistant.retrieval",
    "Settings": "assistant.settings",
    "parse_report": "assistant.parsing",
}

if TYPE_CHECKING:
    from assistant.agent import Assistant
    from assistant.answer import Answer, Citation, Computation, SeriesPoint
    from assistant.catalogue import Catalogue
    from assistant.errors import AssistantError
    from assistant.parsing import parse_report
    from assistant.report import Report
    from assistant.retrieval import Retriever
    from assistant.settings import Settings


def __getattr__(name: str) -> Any:
    # Lazy: `import assistant` stays cheap, so `assistant --help` does not load torch.
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
