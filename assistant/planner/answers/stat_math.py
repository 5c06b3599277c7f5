"""Arithmetic on the figures of one quoted sentence: "how many more lens pairs were fitted in 2023
than in 2018?" of "3.9 million ... in 2023, up from about 1.7 million in 2018", "by what multiple is
the decentralised rate higher?" of "rising to 1.9% compared to 0.5%", or "what share did not
prioritise AI?" of "62% of respondents prioritising it". The sentence is quoted as it stands; the
difference, the ratio or the share left is worked out by a tool, never by the planner."""

from __future__ import annotations

import re

from assistant.domain.formatting import format_number, format_percent
from assistant.planner.calls import Call, Steps, ask
from assistant.planner.draft import Draft
from assistant.text.sentences import Sentence
from tools.derived import ComparisonResult, RemainderResult
from tools.schemas import CompareArgs, RemainderArgs

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


# the others asked for: 'what % did NOT prioritise it', 'share outside the eight profiled vendors'
_THE_OTHERS = re.compile(
    r"\b(?:not|never|didn'?t|don'?t|doesn'?t|haven'?t|hasn'?t|weren'?t|aren'?t|isn'?t|outside(?:\s+of)?"
    r"|excluding|besides|other\s+than|apart\s+from|rest|remaining|remainder|left\s+over)\b",
    re.I,
)
_SHARE_ASKED = re.compile(
    r"\b(?:what|which|how\s+much)\s+(?:share|percent\w*|proportion|portion|fraction|part)\b"
    r"|\bwhat\s*%|\bhow\s+many\s+percent|\bshare\b|%",
    re.I,
)


def share_left_of_stat(question: str, sentence: Sentence, draft: Draft) -> Steps[str]:
    """'That leaves 38% (100% - 62%).' when the question asks the share that does not do what the
    sentence's one percentage does; '' otherwise."""
    if not (_THE_OTHERS.search(question) and _SHARE_ASKED.search(question)):
        return ""
    percents = [value for value, kind in _figures(sentence.text) if kind == "percent"]
    if len(percents) != 1 or not 0 < percents[0] < 100:
        return ""
    result = yield from ask(Call("remaining_share", RemainderArgs(shares=percents)))
    left = result.value
    if not isinstance(left, RemainderResult):
        return ""
    draft.show_working(left.expression)
    return f"That leaves {format_percent(left.remainder)} (100% less {format_percent(percents[0])})."
