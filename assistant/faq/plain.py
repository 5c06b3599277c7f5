"""An answer's text as plain prose for structured data (schema.org JSON-LD): no citation markers and
no arithmetic. The working of a computed figure belongs beside the answer, not inside it.
"""

from __future__ import annotations

import re

from assistant.domain.answer import Answer

_MARKER = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
# Arithmetic written out: '6.71 x 1.0565^4 = 8.36', '(9.33 / 6.71)^(1/6) - 1 = 5.65 %'. An operand is a
# number or a bracketed group; operators are x, ×, *, /, ^, + and -, and the whole ends in '= result'.
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_OPERAND = rf"\(?{_NUMBER}(?:\s*[x×*/^+\-]\s*\(?{_NUMBER}\)?)*\)?"
_FORMULA = re.compile(rf"{_OPERAND}(?:\s*(?:[×*/^+\-]|x(?=\s*[\d(]))\s*{_OPERAND})+\s*=\s*{_NUMBER}(?:\s*%)?")
_EMPTY_BRACKETS = re.compile(r"\s*\(\s*\)")
_DANGLING = re.compile(r"\s*[:;,]\s*(?=[.;)]|$)")
_DANGLING_WORD = re.compile(r",?\s+(?:and|or|so|giving|that is)\s*(?=[.;)]|$)")  # '..., and.' once emptied


def without_formulas(text: str, formulas: list[str], written_out: bool = True) -> str:
    """``text`` without the given ``formulas`` and, if ``written_out``, any other calculation in it."""
    for formula in sorted({f.strip() for f in formulas if f.strip()}, key=len, reverse=True):
        text = text.replace(formula, " ")
    if written_out:
        text = _FORMULA.sub(" ", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = _DANGLING_WORD.sub("", " ".join(text.split()))
    text = _DANGLING.sub("", text)
    return re.sub(r"\s+([.,;:])", r"\1", " ".join(text.split()))


def plain_text(answer: Answer) -> str:
    """The answer's prose without citation markers or formulas (for structured data)."""
    formulas = [*answer.working, *(c.expression for c in answer.computations)]
    return without_formulas(_MARKER.sub("", answer.text), formulas).strip()


def text_beside_working(answer: Answer) -> str:
    """The answer's text, markers kept, without the formulas its working shows beside it."""
    if not answer.working:
        return answer.text
    return without_formulas(answer.text, answer.working, written_out=False).strip()
