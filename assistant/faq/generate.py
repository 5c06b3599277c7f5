"""Write a report's FAQ with the Assistant: the report's own FAQ questions first, then the standard
analyst questions on topics the report's FAQ does not already cover.

Each answer is compared with what the report itself says: its own FAQ answer for its own questions,
its stated headline fact (size, CAGR, region, ...) for standard questions on such a topic.

Every answer comes from ``assistant.ask`` (the same path as every other surface), one question at a
time with no history, so the result depends only on the corpus and the settings. An answer that
repeats an earlier one word for word is kept out of the published answers (``duplicate_of``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.domain.answer import Answer
from assistant.domain.report import Report
from assistant.faq.compare import Comparison, compare_answer
from assistant.faq.duplicates import first_repeated
from assistant.faq.questions import STANDARD_QUESTIONS, StandardQuestion
from assistant.faq.reference import fact_statement


class AnswersQuestions(Protocol):
    """The part of ``assistant.Assistant`` the FAQ generator uses."""

    def ask(self, question: str, *, report_id: str | None = None) -> Answer: ...

    def report(self, report_id: str | None = None) -> Report: ...


class FaqEntry(BaseModel):
    """One question of the published FAQ with its generated answer."""

    key: str = Field(description="Stable id: the topic, or 'report-N' for a report question without one.")
    question: str
    origin: Literal["report", "standard"] = Field(
        description="From the report's own FAQ or the standard list."
    )
    question_source: Literal["report", "reconstructed", "standard"] = Field(
        description="'reconstructed' when the report shows only the answer and the parser wrote the question."
    )
    topic: str | None = None
    answer: Answer
    comparison: Comparison | None = Field(
        None, description="Against the report's own FAQ answer, else its stated fact on the topic, if any."
    )
    duplicate_of: str | None = Field(
        None, description="Key of an earlier entry whose answer this one repeats; then it is not published."
    )

    @property
    def published(self) -> bool:
        """Answered, and not a repeat of an earlier answer."""
        return self.answer.status == "answered" and self.duplicate_of is None


class FaqDocument(BaseModel):
    """The generated FAQ of one report."""

    report_id: str
    title: str
    market: str | None = None
    publisher: str | None = None
    content_hash: str = Field(description="sha256 of the report text the answers were written from.")
    entries: list[FaqEntry] = Field(default_factory=list)

    @property
    def answered(self) -> list[FaqEntry]:
        """The published answers: answered and not repeating an earlier one."""
        return [e for e in self.entries if e.published]

    @property
    def unanswered(self) -> list[FaqEntry]:
        """Questions the report does not answer, and those whose answer repeats an earlier one."""
        return [e for e in self.entries if not e.published]

    @property
    def duplicates(self) -> list[FaqEntry]:
        return [e for e in self.entries if e.duplicate_of is not None]


def generate_faq(
    assistant: AnswersQuestions,
    report_id: str | None = None,
    standard: Sequence[StandardQuestion] = STANDARD_QUESTIONS,
) -> FaqDocument:
    """Answer the report's own FAQ and the ``standard`` questions; compare with the report's answers.

    Raises whatever ``assistant.report`` raises for an unknown report (ReportNotFoundError).
    """
    report = assistant.report(report_id)
    entries: list[FaqEntry] = []
    keys: set[str] = set()
    for number, pair in enumerate(report.faq, start=1):
        key = pair.topic if pair.topic and pair.topic not in keys else f"report-{number}"
        keys.add(key)
        answer = assistant.ask(pair.question, report_id=report.id)
        entries.append(
            FaqEntry(
                key=key,
                question=pair.question,
                origin="report",
                question_source=pair.question_source,
                topic=pair.topic,
                answer=answer,
                comparison=compare_answer(report, pair.answer, answer),
            )
        )
    covered = {pair.topic for pair in report.faq if pair.topic}
    for item in standard:
        if item.topic in covered or item.key in keys:
            continue  # the report's own question on this topic stands in for it
        keys.add(item.key)
        question = item.render(report)
        answer = assistant.ask(question, report_id=report.id)
        # No FAQ answer on this topic: compare with the headline fact the report states, if any.
        stated = fact_statement(report, item.topic)
        entries.append(
            FaqEntry(
                key=item.key,
                question=question,
                origin="standard",
                question_source="standard",
                topic=item.topic,
                answer=answer,
                comparison=None if stated is None else compare_answer(report, stated, answer, "fact_sheet"),
            )
        )
    for number, entry in enumerate(entries):
        entry.duplicate_of = first_repeated(entry.answer, [(e.key, e.answer) for e in entries[:number]])
    return FaqDocument(
        report_id=report.id,
        title=report.title,
        market=report.market,
        publisher=report.publisher,
        content_hash=report.content_hash,
        entries=entries,
    )
