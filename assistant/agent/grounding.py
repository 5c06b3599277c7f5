"""Number-grounding guard: every number in an answer must come from a cited quote or a computation.

Numbers are compared as values (``8,360`` equals ``8360.0``), so formatting differences do not count
as inventions. Citation markers such as ``[1]`` are not numbers of the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from assistant.domain.answer import Citation, Computation

# not a number inside a name ('K-12 schools', 'COVID-19', '3-NOP', '3D scanning', '5G'): no figure,
# nothing to ground; a figure written with its scale ('4.1bn', '12m', '1.4x') is still one
_NOT_IN_NAME = r"(?!-[A-Za-z])(?!(?!(?:bn|mn|tn|[bmktx])\b)[A-Za-z])"
_NUMBER = re.compile(
    rf"(?<![\w.])(?<![A-Za-z]-)\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?{_NOT_IN_NAME}"
    rf"|(?<![\w.])(?<![A-Za-z]-)\d+(?:\.\d+)?{_NOT_IN_NAME}"
)
_MARKER = re.compile(r"\[\d+\]")
UNGROUNDED_MARK = "[number removed]"


def _value(token: str) -> Decimal | None:
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def numbers_in(text: str) -> list[str]:
    """Number tokens in ``text``, citation markers excluded."""
    return [m.group(0) for m in _NUMBER.finditer(_MARKER.sub(" ", text))]


@lru_cache(maxsize=8192)
def _float_values(value: float) -> tuple[Decimal, ...]:
    """A float output as evidence: its value, and its value rounded as the tools show it (8.3599999
    is shown 8.36). Remembered: a report's tables give the same figures question after question."""
    number = _value(repr(value))
    return () if number is None else (number, round(number, 2))


@lru_cache(maxsize=8192)
def _text_values(text: str) -> tuple[Decimal, ...]:
    """The number values written in ``text`` (a quote, a working line), remembered likewise."""
    return tuple(number for token in numbers_in(text) if (number := _value(token)) is not None)


def _collect(value: Any, into: set[Decimal]) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, float):
        into.update(_float_values(value))
    elif isinstance(value, int):
        number = Decimal(value)
        into.update((number, round(number, 2)))
    elif isinstance(value, str):
        into.update(_text_values(value))
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, into)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, into)


def evidence_numbers(citations: Iterable[Citation], computations: Iterable[Computation]) -> set[Decimal]:
    """Every number value that appears in a quote or a computation's inputs, output or working."""
    found: set[Decimal] = set()
    for citation in citations:
        _collect(citation.quote, found)
    for computation in computations:
        _collect(computation.inputs, found)
        _collect(computation.output, found)
        _collect(computation.expression, found)
    return found


def ungrounded_numbers(text: str, evidence: set[Decimal]) -> list[str]:
    """Number tokens of ``text`` whose value is in no evidence."""
    missing: list[str] = []
    for token in numbers_in(text):
        value = _value(token)
        if value is not None and value not in evidence and token not in missing:
            missing.append(token)
    return missing


def guard(
    text: str, citations: list[Citation], computations: list[Computation], echoed: Iterable[str] = ()
) -> tuple[str, list[str]]:
    """Remove ungrounded numbers from ``text``; return the cleaned text and what was removed.

    ``echoed`` are numbers the answer repeats from the user's own question (a premise it corrects);
    they are the user's words, not claims about the report.
    """
    evidence = evidence_numbers(citations, computations)
    for token in echoed:
        value = _value(token)
        if value is not None:
            evidence.add(value)
    missing = ungrounded_numbers(text, evidence)
    if not missing:
        return text, []
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(token) for token in missing) + r")(?![\d])")
    cleaned = pattern.sub(UNGROUNDED_MARK, text)
    note = (
        "\n\nNote: the model wrote figures that appear in no quote or computation; "
        "they were removed and should not be relied on."
    )
    return cleaned + note, missing
