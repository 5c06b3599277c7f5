"""Pieces every answer script shares: declining with the nearest evidence, refusals, chart series."""

from __future__ import annotations

import re

from assistant.domain.answer import FinalDraft, SeriesPoint
from assistant.planner.calls import Result, Steps, search
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from assistant.text.sentences import best_sentences, content_words
from tools.forecast import TableResult

# Nearest evidence is shown only when it shares at least this many content words with the question
# (stems count half): a decline that quotes unrelated text reads as if it had answered.
EVIDENCE_FLOOR = 2.0


QUOTED_EVIDENCE_CHARS = 40  # shorter evidence is a name or a heading, which reads oddly quoted alone
_PROSE_END = re.compile(r"[.!?][\"'”’)]*\s*$")  # a sentence of prose, not a title or a heading


def decline(question: str, reason: str, ctx: ReportContext) -> Steps[FinalDraft]:
    """Unanswerable: say so, and show the nearest evidence the report holds when it is about the
    question."""
    draft = Draft()
    passages = yield from search(question, ctx.report_id, ctx.search_k)
    evidence = [s for s in best_sentences(passages, question, limit=2) if s.overlap >= EVIDENCE_FLOOR]
    text = reason + " It does not say, so I will not estimate a figure."
    if evidence and len(evidence[0].text) >= QUOTED_EVIDENCE_CHARS and _PROSE_END.search(evidence[0].text):
        # the nearest sentence quoted, so the reader sees what the report does say on the subject
        nearest, *more = evidence
        text += f" The nearest the report comes: “{nearest.text}” {draft.cite(nearest)}"
        text += f" (see also {' '.join(draft.cite(e) for e in more)})." if more else "."
    elif evidence:  # a name in a list, a title or heading: pointed at, not quoted
        text += " The nearest evidence in the report: " + " ".join(draft.cite(e) for e in evidence) + "."
    return draft.final(text, status="unanswerable")


def refused(result: Result) -> FinalDraft:
    return FinalDraft(status="rejected", text=f"I can't compute that: {result.message()}")


def series(table: Result) -> list[SeriesPoint]:
    if not isinstance(table.value, TableResult):
        return []
    unit = table.value.unit
    return [SeriesPoint(year=r.year, value=r.value, unit=unit, kind=r.kind) for r in table.value.rows]


NUMBER_ASK = re.compile(
    r"\b(how (many|much)|what (percent|percentage|share|proportion|number)|stats?|statistics?|figures?|data)\b|%",
    re.I,
)


def shares_words(question: str, text: str) -> int:
    return len(content_words(question) & content_words(text))
