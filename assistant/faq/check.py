"""The ``--check`` verdict: may this FAQ be published?

A problem is any of: a generated answer that disagrees with the report's own FAQ answer (or, for a
standard question the FAQ does not cover, with the headline fact the report states), a citation
that does not check out against the report text (``report.text[start:end] == quote``, from this
report), or a number the answer's grounding guard could not ground (``Answer.ungrounded_numbers``).

A warning (printed, but not failing the check) is an answer on drivers, challenges, trends, recent
developments or key players that cites nothing from the report's own section on that topic (likely
off-topic, though not provably wrong), or an answer that repeats an earlier one and is therefore
published as not answered.

``comparison_lines`` is the check's report of what each answer was compared with and found; the
published formats leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.domain.report import Report
from assistant.faq.generate import FaqDocument

ProblemKind = Literal["disagreement", "citation", "ungrounded", "off_topic", "duplicate"]

# Topic -> word its section's heading holds ('Key Market Drivers').
_TOPIC_SECTIONS = {
    "drivers": "driver",
    "challenges": "challenge",
    "trends": "trend",
    "recent_developments": "development",
    "key_players": "player",
}


@dataclass(frozen=True)
class Problem:
    """One reason not to publish; ``line()`` is the one-line form printed on stderr."""

    key: str
    kind: ProblemKind
    message: str

    def line(self) -> str:
        return f"{self.key}: {self.kind}: {self.message}"


def check_faq(document: FaqDocument, report: Report) -> list[Problem]:
    """Every problem in ``document``, in entry order; empty means publishable."""
    problems: list[Problem] = []
    for entry in document.entries:
        if entry.comparison is not None:
            for disagreement in entry.comparison.disagreements:
                problems.append(Problem(entry.key, "disagreement", disagreement))
        for number, citation in enumerate(entry.answer.citations, start=1):
            reason = _citation_fault(report, citation.report_id, citation.start, citation.end, citation.quote)
            if reason:
                problems.append(Problem(entry.key, "citation", f"citation [{number}] {reason}"))
        for value in entry.answer.ungrounded_numbers:
            problems.append(
                Problem(entry.key, "ungrounded", f"the number {value} is in no cited quote or computation")
            )
    return problems


def duplicate_warnings(document: FaqDocument) -> list[Problem]:
    """Answers that repeat an earlier answer (kept out of the published answers)."""
    questions = {e.key: e.question for e in document.entries}
    return [
        Problem(
            entry.key,
            "duplicate",
            f"the answer repeats the answer to {entry.duplicate_of} ({questions[entry.duplicate_of]!r}); "
            "published as not answered",
        )
        for entry in document.duplicates
        if entry.duplicate_of is not None
    ]


def comparison_lines(document: FaqDocument) -> list[str]:
    """One line per compared answer: what the report says and whether the answer agrees."""
    lines = []
    for entry in document.entries:
        comparison = entry.comparison
        if comparison is None:
            continue
        against = "the report's own FAQ" if comparison.source == "report_faq" else "the report's stated facts"
        if comparison.agrees:
            points = "; ".join(comparison.agreements) or "nothing to compare"
            lines.append(f"{entry.key}: agrees with {against}: {points}")
        else:
            lines.append(f"{entry.key}: disagrees with {against}: {'; '.join(comparison.disagreements)}")
    return lines


def off_topic_warnings(document: FaqDocument, report: Report) -> list[Problem]:
    """Answers on a sectioned topic that cite nothing from the report's section on it."""
    warnings: list[Problem] = []
    for entry in document.answered:
        word = _TOPIC_SECTIONS.get(entry.topic or "")
        if word is None:
            continue
        sections = [s for s in report.sections if word in s.heading.lower()]
        if not sections:
            continue  # the report has no such section to hold the answer to
        if any(s.start <= c.start < s.end for c in entry.answer.citations for s in sections):
            continue
        headings = " or ".join(repr(s.heading) for s in sections)
        warnings.append(
            Problem(entry.key, "off_topic", f"the answer cites nothing from the {headings} section")
        )
    return warnings


def summary(document: FaqDocument, warnings: int = 0) -> str:
    """One line for a passing check: what was verified."""
    sources = [e.comparison.source for e in document.entries if e.comparison is not None]
    citations = sum(len(e.answer.citations) for e in document.entries)
    return (
        f"faq check passed for {document.report_id}: {len(document.entries)} questions "
        f"({len(document.answered)} answered, "
        f"{len(document.unanswered) - len(document.duplicates)} not answered by the report"
        + (f", {len(document.duplicates)} withheld as repeats" if document.duplicates else "")
        + "), "
        f"{sources.count('report_faq')} agree with the report's own FAQ and "
        f"{sources.count('fact_sheet')} with its stated facts, {citations} citations verified, "
        "no ungrounded numbers" + (f"; {warnings} warning(s)" if warnings else "")
    )


def _citation_fault(report: Report, report_id: str, start: int, end: int, quote: str) -> str | None:
    if report_id != report.id:
        return f"cites report {report_id!r}, not {report.id!r}"
    if not 0 <= start < end <= len(report.text):
        return f"has offsets {start}-{end} outside the report text ({len(report.text)} characters)"
    if report.text[start:end] != quote:
        return f"quote {_short(quote)} does not match the report text at {start}-{end}"
    return None


def _short(text: str, limit: int = 60) -> str:
    """A quote on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
