"""Reading a question: which intent it asks, its particulars, whether it leans on the conversation
('and in 2030?'), and whether the report can hold its answer at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.planner.classifier import IntentScore
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.followup import (
    conversation_years,
    entities_in_last_answer,
    has_subject,
    refers_back,
    relative_years,
)
from assistant.planner.intents import NUMERIC_INTENTS, SIZE_INTENTS, Intent
from assistant.planner.scope import foreign_terms, other_market
from assistant.planner.slots import Slots, extract, normalise

# Below this similarity to every intent example, no headline intent is meant: the question is
# answered from the prose, or declined when the prose holds nothing near it.
WEAK_INTENT = 0.55
# A follow-up this close to an intent's examples asks its own question ('and which segment grows fastest').
STRONG_INTENT = 0.7
# Above this the wording is one of the examples, whatever words it adds.
CERTAIN_INTENT = 0.85


def decide(question: str, history: Sequence[dict[str, str]], ctx: ReportContext) -> Decision:
    """Classify the question, resolving follow-ups such as 'and in 2030?' from the conversation."""
    question = ctx.expand(normalise(question))
    slots = extract(question, ctx.vocabulary)
    if slots.injection:
        # Read only the question the message ends with; the text before it tries to set figures.
        question = _last_question(question)
        slots = replace(extract(question, ctx.vocabulary), injection=True)
    ranked = ctx.classifier.rank(ctx.plain(question))
    top = ranked[0]
    foreign = foreign_terms(question, ctx.report_terms, ctx.known_terms)
    if bool(slots.years) and slots.asks_figure and not slots.follow_up and not foreign:
        # A year and a money or forecast word: a figure is wanted, whatever else the wording resembles.
        best = next((r for r in ranked if r.intent in NUMERIC_INTENTS), top)
        top = IntentScore(best.intent, max(best.score, WEAK_INTENT))
    elif foreign and top.intent in NUMERIC_INTENTS and top.score < CERTAIN_INTENT:
        # 'how much did enrollment time increase': a figure about something the prose discusses.
        top = IntentScore(Intent.PASSAGE, WEAK_INTENT)
    elif _RATE_WORDS.search(question) and top.intent in SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE}:
        # 'cagr between 2026 and 2031', 'how fast will it grow each year': a rate, not sizes.
        top = IntentScore(Intent.CAGR, top.score)
    elif slots.specific("company") and top.score < STRONG_INTENT and not slots.asks_unstated_attribute:
        # Companies appear in the report as key players and in its recent developments.
        top = IntentScore(Intent.DEVELOPMENTS, WEAK_INTENT)
    previous = _previous_question(history)
    elliptic = len(question.split()) <= 4 and (top.score < WEAK_INTENT or not has_subject(question))
    if previous and (slots.follow_up or elliptic or refers_back(question)):
        return _follow_up(question, slots, top, history, previous, ctx)
    intent = _refine(top.intent, slots) if top.score >= WEAK_INTENT else Intent.PASSAGE
    reason = _unanswerable(intent, slots) or _elsewhere(question, ctx)
    # The search reads the question as the classifier did, so its embedding is computed once.
    return Decision(intent, slots, top.score, reason, query=ctx.plain(question))


_RATE_WORDS = re.compile(
    r"\bc\.?a\.?g\.?r\b|growth rate|annual growth|how (fast|quickly)|rate of growth", re.I
)


def _last_question(text: str) -> str:
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
    asked = [p for p in parts if p.endswith("?")]
    return (asked or parts or [text])[-1]


def _elsewhere(question: str, ctx: ReportContext) -> str | None:
    name = other_market(question, ctx.market_words, ctx.entity_words)
    if name is None:
        return None
    return f"This report does not cover the {name} market; its figures are for its own market only."


def _follow_up(
    question: str,
    slots: Slots,
    top: IntentScore,
    history: Sequence[dict[str, str]],
    previous: str,
    ctx: ReportContext,
) -> Decision:
    """A question that leans on the conversation: its own intent when it states one ('and the
    fastest growing segment?'), else the earlier question's; particulars it lacks come from before."""
    earlier = decide(previous, _before_last_question(history), ctx)
    own = top.score >= STRONG_INTENT and has_subject(question)
    intent = _refine(top.intent, slots) if own else earlier.intent
    years = (
        slots.years or relative_years(question, earlier.slots.years) or ([] if own else earlier.slots.years)
    )
    if intent is Intent.GROWTH and len(years) < 2:
        years = sorted(set(conversation_years(history) + years))
    entities = slots.entities
    if not entities and refers_back(question):
        entities = entities_in_last_answer(history, ctx.vocabulary) or earlier.slots.entities
    merged = replace(
        slots,
        years=years,
        unit=slots.unit or earlier.slots.unit,
        entities=entities or ([] if own else earlier.slots.entities),
    )
    if intent in SIZE_INTENTS and merged.years:
        intent = Intent.SIZE_IN_YEAR
    query = ctx.plain(question) if own else f"{earlier.query} {ctx.plain(question)}"
    return Decision(intent, merged, top.score, _unanswerable(intent, merged), query=query)


def _refine(intent: Intent, slots: Slots) -> Intent:
    """Years settle which of the size questions is meant."""
    if intent is Intent.GROWTH and not slots.asks_growth and len(slots.years) < 2:
        return Intent.SIZE_IN_YEAR if slots.years else Intent.SIZE_BASE
    if intent in SIZE_INTENTS:
        if len(slots.years) >= 2 and slots.asks_money is False:
            return Intent.GROWTH
        return Intent.SIZE_IN_YEAR if slots.years else intent
    if intent is Intent.CAGR and slots.years and not slots.asks_share and _asks_size_words(slots):
        return Intent.SIZE_IN_YEAR
    return intent


def _asks_size_words(slots: Slots) -> bool:
    return slots.asks_money and len(slots.years) == 1


def _unanswerable(intent: Intent, slots: Slots) -> str | None:
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
    if parts and intent in NUMERIC_INTENTS:
        return f"The report gives no size, share or growth rate for {parts[0].name}; its figures cover the whole market."
    named_facts = (Intent.LARGEST_REGION, Intent.FASTEST_SEGMENT, Intent.SEGMENTATION, Intent.DEVELOPMENTS)
    if parts and slots.asks_growth and intent not in named_facts:
        return f"The report gives a growth rate for the whole market only, none for {parts[0].name}."
    if parts and slots.asks_share and intent in named_facts[:3]:
        return f"The report names leading regions and segments but gives no share figure for {parts[0].name}."
    if companies and (slots.asks_money or slots.asks_share):
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
