"""Publisher vocabulary kept as data in ``assistant/parsing/data``: headings, header keys, page
furniture, publishers, places, measures and instruction-like phrases.

Each file holds ``[section]`` lists, one phrase a line, ``#`` starting a comment. A new layout is a
data change here plus a fixture; the patterns that put these words in context stay in code.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SECTION = re.compile(r"\[[a-z-]+\]")  # lower-case only, so a phrase such as "[INST]" stays a phrase


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """``data/<name>.txt`` as section -> phrases, in file order."""
    text = resources.files("assistant.parsing").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
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
    """A regex alternation of literal phrases, longest first, any run of spaces between words."""
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in item.split()) for item in ordered)


def pattern(name: str, section: str) -> str:
    """``alternation`` of one section, wrapped in a non-capturing group."""
    return f"(?:{alternation(phrases(name, section))})"


def table(name: str, section: str) -> list[tuple[str, ...]]:
    """Lines of one section split on '|': (name, alias, alias, ...)."""
    return [
        tuple(part.strip() for part in line.split("|") if part.strip()) for line in phrases(name, section)
    ]
