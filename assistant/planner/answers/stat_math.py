"""Arithmetic on the two figures of one quoted sentence: "how many more lens pairs were fitted in 2023
than in 2018?" of "3.9 million ... in 2023, up from about 1.7 million in 2018", or "by what multiple is
the decentralised rate higher?" of "rising to 1.9% compared to 0.5%". The sentence is quoted as it
stands; the difference or the ratio is worked out by the comparison tool, never by the planner."""

from __future__ import annotations

import re

from assistant.domain.formatting import format_number
from assistant.planner.calls import Call, Steps, ask
from assistant.planner.draft import Draft
from assistant.text.sentences import Sentence
from tools.derived import ComparisonResult
from tools.schemas import CompareArgs

# a comparison of two figures asked: 'how many more', 'by what multiple', 'gap in points'
_COMPARES = re.compile(
    r"\bhow\s+(?:many|much)\s+(?:more|fewer|less|higher|lower|bigger)\b|\bby\s+what\s+(?:multiple|factor)\b"
    r"|\bhow\s+many\s+times\b|\b(?:multiple|gap|difference|ratio|percentage\s+points?)\b|\btimes\s+(?:higher|more|as)\b",
    re.I,
)
_RATIO = re.compile(r"\b(?:multiple|factor|times|ratio)\b", re.I)
# a figure of a statistic: a percent, or a number with its scale word; years and list numbers are not
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<pct>%|per\s?cent)|\s+(?P<scale>thousand|million|billion))?"
    r"(?![\w.]?\d)",
    re.I,
)
_SCALES = ("thousand", "million", "billion")


def _figures(text: str) -> list[tuple[float, str]]:
    """(value, kind) of each figure: kind is 'percent', a scale word, or 'plain'; years left out."""
    found = []
    for match in _FIGURE.finditer(text):
        raw = match.group("n").replace(",", "")
        if match.group("pct"):
            kind = "percent"
        elif match.group("scale"):
            kind = match.group("scale").lower()
        else:
            if len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100:
                continue  # a year
            kind = "plain"
        found.append((float(raw), kind))
    return found


def figures_compared(question: str, sentence: Sentence, draft: Draft) -> Steps[str]:
    """'That is a difference of 2.20 million.' when the question compares two figures and
    the sentence states exactly two of one kind; '' otherwise."""
    if not _COMPARES.search(question):
        return ""
    figures = _figures(sentence.text)
    kinds = {kind for _, kind in figures}
    if len(figures) != 2 or len(kinds) != 1:
        return ""
    (kind,) = kinds
    high, low = sorted((value for value, _ in figures), reverse=True)
    result = yield from ask(
        Call(
            "compare_values",
            CompareArgs(first_value=high, second_value=low, first_label="higher", second_label="lower"),
        )
    )
    compared = result.value
    if not isinstance(compared, ComparisonResult):
        return ""
    draft.show_working(compared.expression)
    if _RATIO.search(question) and compared.ratio is not None:
        shown = "%" if kind == "percent" else (f" {kind}" if kind in _SCALES else "")
        return f"That is {compared.ratio:g} times: {format_number(high)}{shown} against {format_number(low)}{shown}."
    if kind == "percent":
        return f"That is a gap of {format_number(compared.difference)} percentage points."
    if kind in _SCALES:
        return f"That is a difference of {format_number(compared.difference)} {kind}."
    return f"That is a difference of {format_number(compared.difference)}."
