"""Which report a question is about, when the catalogue holds more than one.

A question that names its market ("the CRO market", "ornamental fish feed") goes to that report; one
that names none, or several equally, is ambiguous and gets a question back with the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.catalogue import ReportSummary

_STOP = frozenset(
    "a an the of in on for and or to by is are was what which how will be market markets global report "
    "size share growth cagr forecast industry".split()
)
_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")


@dataclass
class Route:
    report_id: str | None
    candidates: list[ReportSummary] = field(default_factory=list)


def _terms(summary: ReportSummary) -> set[str]:
    text = f"{summary.market or ''} {summary.title} {summary.id.replace('-', ' ')}"
    terms = {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}
    terms |= {a.lower() for a in _ACRONYM.findall(summary.title)}
    return terms


def route(question: str, reports: Sequence[ReportSummary], history_questions: Sequence[str] = ()) -> Route:
    """Pick the report ``question`` names; fall back to the conversation's earlier questions."""
    if len(reports) == 1:
        return Route(reports[0].id)
    for text in (question, *reversed(history_questions)):
        words = set(re.findall(r"[a-z0-9]+", text.lower()))
        scored = sorted(((len(words & _terms(r)), r.id, r) for r in reports), key=lambda s: (-s[0], s[1]))
        if scored and scored[0][0] > 0:
            best = scored[0][0]
            tied = [r for score, _, r in scored if score == best]
            if len(tied) == 1:
                return Route(tied[0].id)
            return Route(None, tied)
    return Route(None, list(reports))
