"""The README shows `assistant --help`; this keeps it true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.cli.main import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"<!-- help:start -->\n```text\n(.*?)```\n<!-- help:end -->", re.S)


def current_help(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps to the terminal; pin it
    return build_parser().format_help()


def test_readme_help_matches_the_cli(monkeypatch):
    match = BLOCK.search(README.read_text(encoding="utf-8"))
    assert match, "README lacks the <!-- help:start --> block"
    assert match.group(1) == current_help(monkeypatch)


def test_every_command_is_listed(monkeypatch):
    text = current_help(monkeypatch)
    for command in ("ingest", "facts", "search", "ask", "reports", "chat", "slack", "faq", "eval"):
        assert command in text
