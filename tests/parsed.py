"""Reading a parsed report's quantity table in tests: its figures of one metric, by scope name."""

from __future__ import annotations

from assistant.domain.report import Quantity, Report


def figures_by_name(report: Report, metric: str) -> dict[str | None, Quantity]:
    """The report's figures of ``metric`` keyed by the name of what each is about (the last wins)."""
    return {q.scope.name: q for q in report.facts.quantities if q.metric == metric}
