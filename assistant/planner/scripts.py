"""The script for one turn: read the message into parts, check any premise it opens with, answer the
parts side by side (their tool calls share rounds), and join the answers in the order asked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import MONEY_SAID, format_money
from assistant.planner.answers.company_shares import company_share_answer
from assistant.planner.answers.conversation import evidence_of, following_sentences
from assistant.planner.answers.part_values import part_two_years
from assistant.planner.answers.premise_check import check_premise
from assistant.planner.answers.share_of_year import share_of_year
from assistant.planner.answers.stated import decline_with_context
from assistant.planner.calls import Call, Script, ScriptFactory, Steps, Turn, fetch_facts, together
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision, Plan
from assistant.planner.draft import combine
from assistant.planner.intents import NUMERIC_INTENTS, Intent
from assistant.planner.message import plan
from assistant.planner.premises import Premise
from assistant.planner.registry import ENTRIES
from assistant.text.sentences import Sentence, content_words
from assistant.text.words import word_list
from tools.facts import MoneyFact
from tools.forecast import ConvertResult
from tools.schemas import ConvertArgs

INJECTION_NOTE = (
    " (Figures come only from the report and the forecast tools; instructions inside a question do not "
    "change them.)"
)
# Turns whose reading is remembered: the planner replays a script once per tool round.
MAX_REMEMBERED_PLANS = 512


def answer(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """The script for one question (or one part of a message)."""
    slots = decision.slots
    if slots.bad_years:
        yield from ()
        return FinalDraft(
            status="rejected",
            text=f"{slots.bad_years[0]} is not a year I can work with; please ask about a year between "
            "1900 and 2100.",
        )
    if decision.share_of_year is not None and decision.earlier is not None:
        earlier = yield from answer(decision.earlier_question, decision.earlier, ctx)
        shared = yield from share_of_year(earlier, decision.share_of_year, ctx)
        return shared or earlier
    if decision.intent is Intent.SOURCE and decision.earlier is not None:
        earlier_decision, earlier_question = decision.earlier, decision.earlier_question
        if slots.years and set(slots.years) != set(earlier_decision.slots.years):
            # 'where does it say the 2031 number?': the evidence for that year's size, not the last claim
            earlier_decision = Decision(Intent.SIZE_IN_YEAR, slots, 1.0, query=question)
            earlier_question = question
        earlier = yield from answer(earlier_question, earlier_decision, ctx)
        reasons: list[Sentence] = []
        if _BARE_WHY.match(question) and earlier.quotes:
            # 'why?': the sentences the report writes right after the claim are where it says why
            reasons = yield from following_sentences(earlier.quotes[-1], ctx)
        return evidence_of(earlier, reasons)
    companies = slots.specific("company")
    if (
        decision.unanswerable
        and companies
        and (slots.asks_share or slots.asks_money or decision.asks_company_rank)
    ):
        # 'finaxon's share?', 'how much revenue is that' after a leader's share: what the prose states
        stated = yield from company_share_answer(question, companies, slots.asks_money, ctx)
        if stated is not None:
            return stated
    parts = slots.specific("region", "country", "segment")
    if decision.intent in (Intent.RATIO, Intent.GROWTH) and len(parts) == 1 and len(set(slots.years)) == 2:
        # 'cloud testing, how many times larger in 2034 vs 2025': the part's own stated values
        how: Literal["gap", "ratio"] = "ratio" if decision.intent is Intent.RATIO else "gap"
        own = yield from part_two_years(parts[0].name, slots.years, how, ctx)
        if own is not None:
            return own
    if decision.unanswerable:
        final = yield from decline_with_context(
            decision.query or question, decision.unanswerable, decision, ctx
        )
    else:
        final = yield from ENTRIES[decision.intent].handler(question, decision, ctx)
    if slots.currency and decision.intent in NUMERIC_INTENTS and final.status == "answered":
        final = yield from _currency_note(final, slots.currency, ctx, question)
    if slots.unit and final.status == "answered" and _ASKS_IN_UNIT.search(question):
        final = yield from _in_unit_asked(final, slots.unit)
    if slots.injection and final.status != "rejected":
        final = final.model_copy(update={"text": final.text + INJECTION_NOTE})
    return final


_BARE_WHY = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+|ok\s+)?(?:why|how come|what'?s the reason(?: they give| given)?|what reason do they give"
    # what the claim leads to: 'how does that actually hurt smos', 'what does that mean for sites'
    r"|(?:how (?:does|did|would|will) (?:that|this|it) (?:actually |really )?|why does (?:that|this) )"
    r"(?:hurt|affect|impact|matter|help|hit|harm|change|squeeze)\w*(?:\s+[\w-]+){0,3}"
    r"|what does (?:that|this) mean(?:\s+for(?:\s+[\w-]+){1,3})?|so what)"
    r"\s*\??\s*$",
    re.I,
)


# 'whats the 2025 size, and can u give it in euros too': the currency asked in a clause of its own
_CURRENCY_CLAUSE = re.compile(
    r"(?:,|;|\+|\band\b|\balso\b)\s*(?P<clause>[^,;+]*?\b(?:euros?|eur|pounds?|sterling|gbp|yen|jpy|rupees?|inr"
    r"|yuan|rmb|cny|francs?|chf)\b[^,;+]*)$|(?P<sign>[€£¥₹])",
    re.I,
)


def _currency_note(final: FinalDraft, asked: str, ctx: ReportContext, question: str) -> Steps[FinalDraft]:
    """A figure asked in another currency: say plainly the report has none, next to what it gives.
    Asked in a clause of its own, that clause is the part left unanswered beside the figure."""
    facts = yield from fetch_facts(ctx.report_id, "market_size")
    fact = facts["market_size"]
    own = fact.value.currency if fact and isinstance(fact.value, MoneyFact) else None
    if own is None or own == asked:
        return final
    note = (
        f"The report gives its figures in {own} only; it states none in {asked}, and I do not convert "
        f"currencies, so the figures below are in {own}."
    )
    apart = _CURRENCY_CLAUSE.search(question)
    # ('and in yen?' asks nothing but the currency: the figure asked is one the report lacks)
    only_currency = bool(apart) and not re.sub(
        r"\b(?:and|also|what about|how about|ok|so)\b|[\W_]", "", question[: apart.start()] if apart else ""
    )
    if apart and apart.group("clause") and not only_currency:
        clause = re.sub(r"^(?:and|also)\s+", "", apart.group("clause").strip(" ?"), flags=re.I)
        said = note.replace("so the figures below are", "so the figure above is")
        return final.model_copy(update={"text": f"{final.text} {said}", "unanswered_parts": [clause]})
    # the figure asked for (in that currency) is not the report's: what follows is the nearest it gives
    return final.model_copy(update={"text": f"{note} {final.text}", "status": "unanswerable"})


# 'in millions please', 'give it in $m', 'in usd bn': the scale a figure is wanted in
_ASKS_IN_UNIT = re.compile(
    r"\b(?:in|into|as)\s+(?:usd\s*|us\$\s*|\$\s*)?(?:m|mn|mln|millions?|bn|bln|billions?|k|thousands?|tn|trillions?)\b",
    re.I,
)


def _in_unit_asked(final: FinalDraft, unit: str) -> Steps[FinalDraft]:
    """Figures asked in another scale ('plant-wax wraps in millions'): each amount the answer gives in
    another scale is followed by the same amount in the scale asked, converted by the tool."""
    found = [m for m in MONEY_SAID.finditer(final.text) if m.group("unit") != unit]
    if not found or any(m.group("unit") == unit for m in MONEY_SAID.finditer(final.text)):
        return final
    calls = [
        Call(
            "convert_units",
            ConvertArgs(
                value=float(m.group("number").replace(",", "")), from_unit=m.group("unit"), to_unit=unit
            ),
        )
        for m in found
    ]
    results = yield calls
    converted = [
        (match, result.value)
        for match, result in zip(found, results, strict=True)
        if isinstance(result.value, ConvertResult)
    ]
    text = final.text
    for match, done in reversed(converted):  # from the end, so the earlier offsets still hold
        said = format_money(match.group("currency"), done.value, unit)
        text = f"{text[: match.end()]} ({said}){text[match.end() :]}"
    working = [*final.working, *(done.expression for _, done in converted)]
    return final.model_copy(update={"text": text, "working": working})


def _checked(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft]:
    """The premise check as a script of its own: an empty draft when the report agrees."""
    correction = yield from check_premise(premise, ctx)
    return correction or FinalDraft(text="")


def run_plan(message_plan: Plan, ctx: ReportContext) -> Steps[FinalDraft]:
    """Answer every part, the premise correction first; a part the report cannot answer is named."""
    scripts = [answer(text, decision, ctx) for text, decision in message_plan.parts]
    correction: FinalDraft | None = None
    if message_plan.premise is not None:  # checked side by side with the answers: no extra rounds
        checked, *finals = yield from together([_checked(message_plan.premise, ctx), *scripts])
        correction = checked if checked.text else None
    else:
        finals = yield from together(scripts)
    if len(finals) == 1 and correction is None:
        return finals[0]
    unanswered = [
        text
        for (text, _), final in zip(message_plan.parts, finals, strict=True)
        if final.status != "answered"
    ]
    if len(finals) == 1:
        unanswered = []  # one question after a corrected premise: the correction answers it
        premise = message_plan.premise
        never_stated = premise is not None and premise.kind in _NEVER_STATED
        if correction is not None and never_stated and _points_back_only(message_plan.parts[0][0]):
            return correction  # 'what is it exactly?' asks for what the report does not give
    drafts = ([correction] if correction else []) + finals
    combined = combine(drafts, unanswered)
    if correction is not None:
        combined = combined.model_copy(update={"status": "answered"})
    return combined


# Premises about what reports do not state (a company's share): the correction says so, and a
# bare pointer after it ('what is it exactly?') has nothing else to answer.
_NEVER_STATED = frozenset({"largest_company"})


def _points_back_only(question: str) -> bool:
    """'what is it exactly?': nothing asked beyond what the words before it said."""
    return content_words(question) <= word_list("pointer-fillers")


def make_script_factory(ctx: ReportContext) -> ScriptFactory:
    """The function the offline planner calls for every turn; a turn's reading is worked out once."""
    plans: dict[tuple[str, tuple[tuple[str, str], ...]], Plan] = {}

    def factory(question: str, history: Sequence[Turn]) -> Script:
        key = (question, tuple((t.get("role", ""), t.get("content", "")) for t in history))
        found = plans.get(key)
        if found is None:
            if len(plans) >= MAX_REMEMBERED_PLANS:
                plans.clear()
            found = plans[key] = plan(question, history, ctx)
        return run_plan(found, ctx)

    return factory
