"""The one tokenizer's singular forms: report words and question words must meet."""

from __future__ import annotations

import pytest

from assistant.text.tokens import singular, stems


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("phases", "phase"),
        ("cases", "case"),
        ("diseases", "disease"),
        ("purchases", "purchase"),
        ("processes", "process"),
        ("classes", "class"),
        ("boxes", "box"),
        ("batches", "batch"),
        ("batteries", "battery"),
        ("systems", "system"),
        ("gases", "gas"),
        ("buses", "bus"),
        ("analysis", "analysis"),
        ("status", "status"),
    ],
)
def test_singular(plural, single):
    assert singular(plural) == single


def test_a_plural_question_meets_a_singular_heading():
    assert stems("which test phases and use cases") >= stems("Test Phase") | stems("Use Case")
