"""The package layout holds without tricks: no module of ``assistant`` reaches another through an
import hidden inside a function or behind ``TYPE_CHECKING`` (the import contracts in pyproject.toml
check the rest). The command line and the public API are exempt: they load what a command needs
only when it runs, so ``assistant --help`` stays quick."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXEMPT = ("assistant/__init__.py", "assistant/cli/")


def _modules() -> list[Path]:
    return [
        p
        for p in sorted((ROOT / "assistant").rglob("*.py"))
        if not any(p.relative_to(ROOT).as_posix().startswith(e) for e in EXEMPT)
    ]


def _internal(node: ast.Import | ast.ImportFrom) -> bool:
    names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
    return any(n == "assistant" or n.startswith(("assistant.", "tools")) for n in names)


def test_no_internal_import_inside_a_function():
    hidden = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import | ast.ImportFrom) and _internal(node):
                        hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []


def test_no_internal_import_behind_type_checking():
    guarded = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Import | ast.ImportFrom) and _internal(inner):
                        guarded.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert guarded == []
