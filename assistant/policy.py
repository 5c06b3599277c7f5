"""The offline planner's decisions: which tools a question needs, in which order, and how the
answer is written from their results. Every number in an answer comes out of a tool result.

A script is a generator (see ``assistant.planner``): it yields batches of ``Call``s, receives their
``Result``s, and returns a ``Final``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from assistant.intents import Intent, IntentClassifier
from assistant.planner import Call, Final, Result, Script
from assistant.slots import Entity, Slots, extract

# Below this similarity to every intent example, no headline intent is meant: the question is
# answered from the prose, or declined when the prose holds nothing near it.
WEAK_INTENT = 0.55
SIZE_INTENTS = (Intent.SIZE_IN_YEAR, Intent.SIZE_BASE, Intent.SIZE_END)


NUMERIC_INTENTS = (*SIZE_INTENTS, Intent.GROWTH, Intent.TABLE, Intent.CAGR, Intent.DOUBLING)


@dataclass
class PolicyContext:
    """What the planner knows before calling any tool: how to read intents and the report's names."""

    classifier: IntentClassifier
    vocabulary: list[Entity]
    report_id: str
    search_k: int = 4
    market_words: frozenset[str] = frozenset()  # words of the market's own name, lower-case

    def plain(self, question: str) -> str:
        """The question with the market's name said as 'the market', so the name's words ('site
        management', 'clinical trial') do not pull the intent towards segments."""
        if not self.market_words:
            return question
        pattern = r"\b(?:%s)(?:[\s-]+(?:%s))+\b" % (("|".join(map(re.escape, sorted(self.market_words))),) * 2)
        return re.sub(pattern, "the market", question, flags=re.I)


@dataclass
class Decision:
    intent: Intent
    slots: Slots
    score: float
    unanswerable: str | None = None  # the reason, when the report cannot hold the answer
    notes: list[str] = field(default_factory=list)


def decide(question: str, history: Sequence[dict[str, str]], ctx: PolicyContext) -> Decision:
    """Classify the question, resolving follow-ups such as 'and in 2030?' from the conversation."""
    slots = extract(question, ctx.vocabulary)
    ranked = ctx.classifier.rank(ctx.plain(question))
    top = ranked[0]
    if slots.years and slots.asks_money and top.intent not in NUMERIC_INTENTS:
        # A year and a money word: a figure is wanted, whatever else the wording resembles.
        top = next((r for r in ranked if r.intent in NUMERIC_INTENTS), top)
    previous = _previous_question(history)
    elliptic = len(question.split()) <= 4 and top.score < WEAK_INTENT
    if previous and (slots.follow_up or elliptic):
        earlier = decide(previous, _before_last_question(history), ctx)
        merged = replace(
            earlier.slots,
            years=slots.years or earlier.slots.years,
            unit=slots.unit or earlier.slots.unit,
            entities=slots.entities or earlier.slots.entities,
            bad_years=slots.bad_years,
            injection=slots.injection,
        )
        intent = earlier.intent
        if earlier.intent in SIZE_INTENTS and merged.years:
            intent = Intent.SIZE_IN_YEAR
        return Decision(intent, merged, top.score, _unanswerable(intent, merged, top.score))
    intent = _refine(top.intent, slots) if top.score >= WEAK_INTENT else Intent.PASSAGE
    return Decision(intent, slots, top.score, _unanswerable(intent, slots, top.score))


def _refine(intent: Intent, slots: Slots) -> Intent:
    """Years settle which of the size questions is meant."""
    if intent in SIZE_INTENTS:
        if len(slots.years) >= 2 and slots.asks_money is False:
            return Intent.GROWTH
        return Intent.SIZE_IN_YEAR if slots.years else intent
    if intent is Intent.CAGR and slots.years and not slots.asks_share and _asks_size_words(slots):
        return Intent.SIZE_IN_YEAR
    return intent


def _asks_size_words(slots: Slots) -> bool:
    return slots.asks_money and len(slots.years) == 1


def _unanswerable(intent: Intent, slots: Slots, score: float) -> str | None:
    """Questions whose answer a market report of this kind does not hold."""
    companies = slots.specific("company")
    parts = slots.specific("region", "country", "segment")
    if slots.asks_unstated_attribute and (companies or intent in (Intent.KEY_PLAYERS, Intent.DEVELOPMENTS)):
        subject = companies[0].name if companies else "individual companies"
        return f"The report does not give figures such as revenue, staff or executives for {subject}."
    if parts and slots.asks_money:
        return (
            f"The report states a size and growth rate for the whole market only; it gives no dollar "
            f"value for {parts[0].name}."
        )
    if parts and slots.asks_share and intent in (*SIZE_INTENTS, Intent.GROWTH, Intent.CAGR):
        return f"The report gives no share or growth rate for {parts[0].name}."
    if parts and slots.asks_share and intent in (Intent.LARGEST_REGION, Intent.FASTEST_SEGMENT, Intent.SEGMENTATION):
        return f"The report names leading regions and segments but gives no share figure for {parts[0].name}."
    if companies and (slots.asks_money or slots.asks_share) and intent in (*SIZE_INTENTS, Intent.KEY_PLAYERS):
        return f"The report gives no market share or revenue for {companies[0].name}."
    return None


def _previous_question(history: Sequence[dict[str, str]]) -> str | None:
    for turn in reversed(history):
        if turn.get("role") == "user" and turn.get("content", "").strip():
            return turn["content"]
    return None


def _before_last_question(history: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    for i in range(len(history) - 1, -1, -1):
        if history[i].get("role") == "user":
            return list(history[:i])
    return []


def make_script_factory(ctx: PolicyContext) -> Callable[[str, list[dict[str, str]]], Script]:
    """The function the offline planner calls for every turn.

    The planner replays the script once per tool round, so the decision for a turn is kept (keyed by
    question and history) instead of being worked out again each round.
    """
    from assistant.policy_answers import answer

    decisions: dict[tuple[str, tuple[tuple[str, str], ...]], Decision] = {}

    def factory(question: str, history: list[dict[str, str]]) -> Script:
        key = (question, tuple((t.get("role", ""), t.get("content", "")) for t in history))
        decision = decisions.get(key)
        if decision is None:
            if len(decisions) >= 512:
                decisions.clear()
            decision = decisions[key] = decide(question, history, ctx)
        return answer(question, decision, ctx)

    return factory


__all__ = ["Call", "Decision", "Final", "PolicyContext", "Result", "decide", "make_script_factory"]
