"""Grading of answers and the metrics over them, per kind and overall.

Metrics (rates are fractions 0..1, latencies in milliseconds):

- accuracy: share of questions whose every check passes;
- abstention precision / recall: "declined" means status unanswerable or rejected; the positives are
  questions whose gold allows only declining, the negatives those whose gold allows only an answer;
- citation validity: share of citations whose quote equals the report text at its offsets;
- citation coverage: share of answered questions with at least one citation;
- ungrounded rate: share of answers with a number in no quote or computation (the answer's own
  ``ungrounded_numbers`` or this package's independent recompute);
- cited-section hit: share of questions with gold sections where a citation lies in one of them;
- routing accuracy: in a routed run, share of questions answered from the report they name (or,
  naming none, asked back about);
- retrieval recall@k / hit@k: gold sections among the sections of the top k passages;
- latency p50 / p95 of the final question of each item;
- conversations / conversations_right / conversation_accuracy: conversation records among the items
  (each turn is an item) and those whose every turn passed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from evals.checkers import DECLINED, CheckResult, check_answer, check_route, ungrounded_numbers
from evals.questions import KINDS, EvalItem
from evals.textmatch import normalize_heading

if TYPE_CHECKING:
    from assistant import Answer

ReportText = Callable[[str], str]


@dataclass
class Graded:
    """One question, the answer it got, and the verdicts."""

    item: EvalItem
    answer: Answer
    latency_ms: float
    checks: list[CheckResult]
    citations_valid: int
    citations_total: int
    ungrounded: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failures(self) -> list[str]:
        return [f"{c.name}: {c.detail}" for c in self.checks if not c.passed]


def citation_is_valid(citation: Any, report_text: ReportText) -> bool:
    """The quote is non-empty and equals the report text between its offsets."""
    if not citation.quote or citation.end <= citation.start:
        return False
    try:
        text = report_text(citation.report_id)
    except Exception:  # noqa: BLE001 - an unknown report id makes the citation invalid, not the run
        return False
    return bool(text[citation.start : citation.end] == citation.quote)


def grade(
    item: EvalItem, answer: Answer, latency_ms: float, report_text: ReportText, routed: bool = False
) -> Graded:
    """Grade one answer; in a ``routed`` run an item that names its report is also graded on routing."""
    valid = sum(citation_is_valid(c, report_text) for c in answer.citations)
    ungrounded = list(dict.fromkeys(list(answer.ungrounded_numbers) + ungrounded_numbers(answer)))
    checks = check_answer(answer, item.gold)
    if routed and item.names_report:
        checks.append(check_route(answer, item.report_id))
    return Graded(
        item=item,
        answer=answer,
        latency_ms=latency_ms,
        checks=checks,
        citations_valid=valid,
        citations_total=len(answer.citations),
        ungrounded=ungrounded,
    )


# ---------------------------------------------------------------- helpers


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100) of ``values``; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def section_matches(heading: str, gold_sections: Iterable[str]) -> bool:
    norm = normalize_heading(heading)
    return any(norm == normalize_heading(gold) for gold in gold_sections)


def _gold_statuses(item: EvalItem) -> set[str]:
    statuses = item.gold.get("status") or ["answered"]
    return {statuses} if isinstance(statuses, str) else set(statuses)


def expects_decline(item: EvalItem) -> bool | None:
    """True when gold allows only declining, False when only answering, None when either is fine."""
    statuses = _gold_statuses(item)
    if statuses <= DECLINED:
        return True
    if "answered" in statuses and not statuses & DECLINED:
        return False
    return None


# ---------------------------------------------------------------- aggregation


def summarize(graded: Sequence[Graded]) -> dict[str, Any]:
    """Metrics over ``graded`` (one group: a kind or everything)."""
    n = len(graded)
    tp = fp = fn = 0
    for g in graded:
        expected = expects_decline(g.item)
        declined = g.answer.status in DECLINED
        if expected is None:
            continue
        if declined and expected:
            tp += 1
        elif declined and not expected:
            fp += 1
        elif expected and not declined:
            fn += 1
    answered = [g for g in graded if g.answer.status == "answered"]
    with_sections = [g for g in graded if g.item.gold_sections]
    section_hits = sum(
        any(section_matches(c.section, g.item.gold_sections) for c in g.answer.citations)
        for g in with_sections
    )
    latencies = [g.latency_ms for g in graded]
    routes = [c.passed for g in graded for c in g.checks if c.name == "route"]
    conversations, conversations_right = conversation_counts(graded)
    return {
        "n": n,
        "accuracy": _ratio(sum(g.passed for g in graded), n),
        "abstention_precision": _ratio(tp, tp + fp),
        "abstention_recall": _ratio(tp, tp + fn),
        "citation_validity": _ratio(
            sum(g.citations_valid for g in graded), sum(g.citations_total for g in graded)
        ),
        "citations": sum(g.citations_total for g in graded),
        "citation_coverage": _ratio(sum(bool(g.answer.citations) for g in answered), len(answered)),
        "ungrounded_rate": _ratio(sum(bool(g.ungrounded) for g in graded), n),
        "cited_section_hit": _ratio(section_hits, len(with_sections)),
        "routing_accuracy": _ratio(sum(routes), len(routes)),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
        "conversations": conversations,
        "conversations_right": conversations_right,
        "conversation_accuracy": _ratio(conversations_right, conversations),
    }


def conversation_counts(graded: Sequence[Graded]) -> tuple[int, int]:
    """(conversations among ``graded``, those whose every turn passed)."""
    verdicts: dict[str, bool] = {}
    for g in graded:
        if g.item.conversation is not None:
            verdicts[g.item.conversation] = verdicts.get(g.item.conversation, True) and g.passed
    return len(verdicts), sum(verdicts.values())


def by_kind(graded: Sequence[Graded]) -> dict[str, dict[str, Any]]:
    """Metrics per kind (in the canonical kind order) and under ``overall``."""
    groups: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        members = [g for g in graded if g.item.kind == kind]
        if members:
            groups[kind] = summarize(members)
    groups["overall"] = summarize(graded)
    return groups


@dataclass(frozen=True)
class RetrievalHit:
    """The sections of the top-k passages retrieved for one item."""

    item: EvalItem
    sections: list[str]


def retrieval_metrics(hits: Sequence[RetrievalHit], k: int) -> dict[str, dict[str, Any]]:
    """recall@k (share of gold sections retrieved, averaged) and hit@k (any gold section), per kind."""

    def one(group: Sequence[RetrievalHit]) -> dict[str, Any]:
        scored = [h for h in group if h.item.gold_sections]
        recalls = []
        any_hits = 0
        for h in scored:
            found = [
                gold
                for gold in h.item.gold_sections
                if any(section_matches(s, [gold]) for s in h.sections[:k])
            ]
            recalls.append(len(found) / len(h.item.gold_sections))
            any_hits += bool(found)
        return {
            "n": len(scored),
            f"recall@{k}": sum(recalls) / len(recalls) if recalls else None,
            f"hit@{k}": _ratio(any_hits, len(scored)),
        }

    groups: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        members = [h for h in hits if h.item.kind == kind]
        if any(h.item.gold_sections for h in members):
            groups[kind] = one(members)
    groups["overall"] = one(hits)
    return groups
