"""Word lists kept as data files in ``assistant/text/data``: one list per file, words separated by
spaces or lines, ``#`` starts a comment. Editing a list is a data change, not a code change."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("assistant.text").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@cache
def word_list(name: str) -> frozenset[str]:
    """Every word of ``data/<name>.txt``."""
    return frozenset(word for line in _lines(name) for word in line.split())


@cache
def word_map(name: str) -> dict[str, str]:
    """``data/<name>.txt`` read as one mapping per line: the first word to the rest of the line."""
    pairs = (line.split(maxsplit=1) for line in _lines(name))
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


@cache
def phrase_list(name: str) -> tuple[str, ...]:
    """``data/<name>.txt`` read as one phrase per line, in file order."""
    return tuple(_lines(name))


@cache
def place_spellings(section: str) -> tuple[tuple[str, ...], ...]:
    """Every spelling of each place in a section of ``data/world-places.txt`` ('regions',
    'countries'), the name first."""
    rows: list[tuple[str, ...]] = []
    current = ""
    for line in _lines("world-places"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == section:
            rows.append(tuple(name.strip() for name in line.split("|") if name.strip()))
    return tuple(rows)


def place_names(section: str) -> tuple[str, ...]:
    """The first spelling of each place in a section of ``data/world-places.txt``."""
    return tuple(row[0] for row in place_spellings(section))


@cache
def subdivisions() -> dict[str, str]:
    """Each state, province or nation of ``data/subdivisions.txt`` (lower case) to its country."""
    found: dict[str, str] = {}
    for line in _lines("subdivisions"):
        country, *parts = (name.strip() for name in line.split("|"))
        found.update({part.lower(): country for part in parts if part})
    return found
