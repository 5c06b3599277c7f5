"""The public API is what surfaces and evals may import; changing it is a deliberate act."""

from __future__ import annotations

import assistant

PUBLIC = [
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


def test_exported_names_are_pinned():
    assert sorted(assistant.__all__) == sorted(PUBLIC)


def test_every_exported_name_resolves():
    for name in assistant.__all__:
        assert getattr(assistant, name) is not None, name


def test_unknown_attribute_is_an_attribute_error():
    try:
        assistant.no_such_name  # noqa: B018 - the access itself is the test
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
