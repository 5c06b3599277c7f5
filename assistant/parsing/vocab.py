"""Publisher vocabulary kept as data in ``assistant/parsing/data``: headings, header keys, page
furniture, publishers, places, measures and instruction-like phrases.

Each file holds ``[section]`` lists, one phrase a line, ``#`` starting a comment. A new layout is a
data change here plus a fixture; the patterns that put these words in context stay in code.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

_SECTION = re.compile(r"\[[a-z-]+\]")  # lower-case only, so a phrase such as "[INST]" stays a phrase


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """``data/<name>.txt`` as section -> phrases, in file order."""
    own = resources.files("assistant.parsing").joinpath("data", f"{name}.txt")
    # a list the planner shares (the world's places) lives with the text layer's lists
    shared = resources.files("assistant.text").joinpath("data", f"{name}.txt")
    text = (own if own.is_file() else shared).read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if _SECTION.fullmatch(line):
            current = line[1:-1]
            found.setdefault(current, [])
            continue
        found.setdefault(current, []).append(line)
    return {key: tuple(values) for key, values in found.items()}


def phrases(name: str, section: str) -> tuple[str, ...]:
    """The phrases of one section; a missing section is an error in the data, not an empty list."""
    try:
        return sections(name)[section]
    except KeyError as exc:
        raise KeyError(f"assistant/parsing/data/{name}.txt has no [{section}] section") from exc


def alternation(items: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of the literal phrases (any run of spaces between words), longest first.

    The phrases are merged into a prefix tree ('Asia(?:\\s+Pacific)?'), so the pattern tries each
    position in one pass instead of once per phrase: Python's re does not do that for a plain
    alternation, and the place and key lists are long.
    """
    trie: dict[str, Any] = {}
    for item in set(items):
        node = trie
        for token in _tokens(item):
            node = node.setdefault(token, {})
        node[""] = {}
    return _emit(trie)


def _tokens(item: str) -> list[str]:
    """Characters of a phrase, a run of spaces as one ' ' token."""
    return list(re.sub(r"\s+", " ", item.strip()))


def _emit(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if key == " " else re.escape(key)) + _emit(child)
        for key, child in sorted(node.items())
        if key
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = f"(?:{body})?"  # greedy: the longer phrase is tried first
    return body


def pattern(name: str, section: str) -> str:
    """``alternation`` of one section, wrapped in a non-capturing group."""
    return f"(?:{alternation(phrases(name, section))})"


def table(name: str, section: str) -> list[tuple[str, ...]]:
    """Lines of one section split on '|': (name, alias, alias, ...)."""
    return [
        tuple(part.strip() for part in line.split("|") if part.strip()) for line in phrases(name, section)
    ]
