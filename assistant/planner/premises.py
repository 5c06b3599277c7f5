"""What a question takes for granted. 'Since the CAGR is 8 %, what will 2029 be?' asserts a figure
(a premise, checked against the report before answering); 'what if it grew at 6 %?' supplies one (a
hypothesis, computed as a what-if beside the report's own figure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.planner.slots import Amount, Entity, Slots, extract

PremiseKind = Literal["rate", "size", "largest_region", "fastest_segment", "deal"]

_LEAD = re.compile(
    r"^\s*(?:since|given(?: that)?|as|because|now that|considering(?: that)?|knowing(?: that)?|seeing as)\s+"
    r"(?P<clause>[^,;?]+?)\s*[,;]\s*(?P<rest>\S.*)$",
    re.I,
)
_RATE = re.compile(r"\b(cagr|growth rate|grow\w*|growing|expand\w*)\b", re.I)
_SIZE = re.compile(r"\b(worth|valued|size|is|was)\b", re.I)
_LEADER = re.compile(r"\b(largest|biggest|leading|dominant|top|leads|dominates)\b", re.I)
_FASTEST = re.compile(r"\b(fastest|quickest)\b", re.I)
_DEAL = re.compile(r"\b(acquired|bought|took over|merged with|purchased)\b", re.I)
HYPOTHESIS = re.compile(
    r"\b(what if|if (it|the market|growth|the cagr)|assum\w*|suppose|supposing|hypothetically|instead)\b",
    re.I,
)


@dataclass(frozen=True)
class Premise:
    """A fact the question asserts, as written, with what it asserts."""

    kind: PremiseKind
    clause: str
    percent: float | None = None
    amount: Amount | None = None
    year: int | None = None
    subject: Entity | None = None  # the region, segment or acquiring company named
    target: Entity | None = None  # the company said to be acquired


def split_premise(question: str, vocabulary: list[Entity]) -> tuple[Premise | None, str]:
    """The premise a question opens with, and the question that follows it."""
    match = _LEAD.match(question)
    if not match:
        return None, question
    clause, rest = match.group("clause"), match.group("rest")
    slots = extract(clause, vocabulary)
    premise = _read(clause, slots)
    return (premise, rest) if premise else (None, question)


def _read(clause: str, slots: Slots) -> Premise | None:
    if slots.percents and _RATE.search(clause):
        return Premise("rate", clause, percent=slots.percents[0])
    companies = slots.of_kind("company")
    if _DEAL.search(clause) and companies:
        ordered = sorted(companies, key=lambda e: clause.lower().find(e.name.lower().split()[0]))
        return Premise("deal", clause, subject=ordered[0], target=ordered[1] if len(ordered) > 1 else None)
    regions = slots.of_kind("region", "country")
    if regions and _LEADER.search(clause):
        return Premise("largest_region", clause, subject=regions[0])
    segments = slots.specific("segment")
    if segments and _FASTEST.search(clause):
        return Premise("fastest_segment", clause, subject=segments[0])
    if slots.amounts and _SIZE.search(clause):
        return Premise("size", clause, amount=slots.amounts[0], year=slots.years[0] if slots.years else None)
    return None
