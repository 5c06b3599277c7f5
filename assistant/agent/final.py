"""From a model's final draft to a verified ``Answer``: the one path every backend takes.

The offline planner hands over a typed ``FinalDraft``; for an LLM backend the draft is built from its
tool calls (the fact quotes it looked up, and the sentences of the passages it read that best match
what it wrote). Then every quote is checked against the report text at its offsets, and every number
in the text against the quotes and computations.
"""

from __future__ import annotations

import logging

from pydantic import BaseModel

from assistant.agent.grounding import guard, numbers_in
from assistant.agent.prompts import UNANSWERABLE_MARK
from assistant.agent.toolcalls import ToolRecord
from assistant.domain.answer import Answer, Citation, Computation, FinalDraft, QuoteRef, SeriesPoint
from assistant.domain.report import Report
from assistant.text.sentences import best_sentences
from tools import COMPUTING_TOOLS
from tools.facts import FactResult
from tools.forecast import TableResult
from tools.search import SearchResult

log = logging.getLogger(__name__)

# A passage sentence counts as the LLM's source when it shares this many content words with its answer.
LLM_SOURCE_OVERLAP = 2.0


def computations(records: list[ToolRecord]) -> list[Computation]:
    """Every successful forecast-tool call, with its inputs, output and working."""
    found = []
    for record in records:
        if record.name in COMPUTING_TOOLS and isinstance(record.result, BaseModel):
            output = record.result.model_dump(mode="json")
            expression = str(output.get("expression", ""))
            found.append(
                Computation(tool=record.name, inputs=record.args, output=output, expression=expression)
            )
    return found


def draft_from_records(reply: str, records: list[ToolRecord]) -> FinalDraft:
    """An LLM's answer as a draft: its text, the quotes its tool calls returned, its working."""
    text = reply.strip()
    status = "answered"
    if text.upper().startswith(UNANSWERABLE_MARK):
        status, text = "unanswerable", text[len(UNANSWERABLE_MARK) :].strip()
    quotes: list[QuoteRef] = []
    series: list[SeriesPoint] = []
    for record in records:
        result = record.result
        if isinstance(result, FactResult) and result.found:
            quotes.extend(QuoteRef(start=q.start, end=q.end, text=q.text) for q in result.quotes)
        elif isinstance(result, SearchResult):
            for sentence in best_sentences(result.passages, text, limit=2):
                if sentence.overlap >= LLM_SOURCE_OVERLAP:
                    quotes.append(QuoteRef(start=sentence.start, end=sentence.end, text=sentence.text))
        elif isinstance(result, TableResult):
            series = [
                SeriesPoint(year=r.year, value=r.value, unit=result.unit, kind=r.kind) for r in result.rows
            ]
    working = [c.expression for c in computations(records) if c.expression and c.tool != "size_table"]
    return FinalDraft(text=text, status=status, quotes=quotes, series=series, working=working)


def verified_citations(quotes: list[QuoteRef], report: Report) -> list[Citation]:
    """Citations whose quote is exactly the report text at their offsets; others are dropped."""
    citations: list[Citation] = []
    for ref in quotes:
        if any(ref.start < span.end and span.start < ref.end for span in report.suspect_spans):
            # Text in the report that addresses the assistant is never evidence.
            log.warning("dropped a citation inside a passage that addresses the assistant")
            continue
        actual = report.text[ref.start : ref.end]
        quote = ref.text or actual
        if not actual or quote != actual:
            log.warning("dropped a citation that does not match the report at %d-%d", ref.start, ref.end)
            continue
        section = report.section_at(ref.start)
        citations.append(
            Citation(
                report_id=report.id,
                section=section.heading if section else "",
                quote=quote,
                start=ref.start,
                end=ref.end,
            )
        )
    return citations


def to_answer(question: str, draft: FinalDraft, report: Report, records: list[ToolRecord]) -> Answer:
    """The checked answer: verified citations, numbers guarded against quotes and computations."""
    citations = verified_citations(draft.quotes, report)
    used = computations(records)
    text, ungrounded = draft.text, list[str]()
    if draft.status != "rejected":  # a refusal echoes the user's input and limits, not report figures
        # Only numbers the question itself holds may be echoed back.
        echoed = [n for n in draft.echoed if n in numbers_in(question)]
        text, ungrounded = guard(text, citations, used, echoed)
    return Answer(
        question=question,
        status=draft.status,
        text=text,
        citations=citations,
        computations=used,
        series=draft.series,
        report_id=report.id,
        ungrounded_numbers=ungrounded,
        unanswered_parts=draft.unanswered_parts,
        working=draft.working,
    )
