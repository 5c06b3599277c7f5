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
    "HybridSearcher",
    "IngestResult",
    "Report",
    "ReportChoice",
    "Retriever",
    "SeriesPoint",
    "Settings",
    "ingest",
    "parse_report",
]

_HOMES = {
    "Answer": "assistant.domain.answer",
    "Citation": "assistant.domain.answer",
    "Computation": "assistant.domain.answer",
    "SeriesPoint": "assistant.domain.answer",
    "Assistant": "assistant.agent.assistant",
    "AssistantError": "assistant.errors",
    "Catalogue": "assistant.index.catalogue",
    "HybridSearcher": "assistant.index.hybrid",
    "IngestResult": "assistant.index.ingest",
    "ReportChoice": "assistant.domain.answer",
    "ingest": "assistant.index.ingest",
    "Report": "assistant.domain.report",
    "Retriever": "assistant.index.dense",
    "Settings": "assistant.settings",
    "parse_report": "assistant.parsing.parse",
}

if TYPE_CHECKING:
    from assistant.agent.assistant import Assistant
    from assistant.domain.answer import Answer, Citation, Computation, ReportChoice, SeriesPoint
    from assistant.domain.report import Report
    from assistant.errors import AssistantError
    from assistant.index.catalogue import Catalogue
    from assistant.index.dense import Retriever
    from assistant.index.hybrid import HybridSearcher
    from assistant.index.ingest import IngestResult, ingest
    from assistant.parsing.parse import parse_report
    from assistant.settings import Settings


def __getattr__(name: str) -> Any:
    # Lazy: `import assistant` stays cheap, so `assistant --help` does not load torch.
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
