"""The script for one turn: read the question, run the answer script its intent names, and add the
notes every answer carries (a rejected year, an instruction inside the question)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.domain.answer import FinalDraft
from assistant.planner.answers.common import decline
from assistant.planner.calls import Steps
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.model import Script, Turn
from assistant.planner.registry import ENTRIES
from assistant.planner.understanding import decide

INJECTION_NOTE = (
    " (Figures come only from the report and the forecast tools; instructions inside a question do not "
    "change them.)"
)
# Turns whose reading is remembered: the planner replays a script once per tool round.
MAX_REMEMBERED_DECISIONS = 512


def answer(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """The script for one question."""
    slots = decision.slots
    if slots.bad_years:
        yield from ()
        return FinalDraft(
            status="rejected",
            text=f"{slots.bad_years[0]} is not a year I can work with; please ask about a year between "
            "1900 and 2100.",
        )
    if decision.unanswerable:
        final = yield from decline(decision.query or question, decision.unanswerable, ctx)
    else:
        final = yield from ENTRIES[decision.intent].handler(question, decision, ctx)
    if slots.injection and final.status != "rejected":
        final = final.model_copy(update={"text": final.text + INJECTION_NOTE})
    return final


def make_script_factory(ctx: ReportContext) -> Callable[[str, list[Turn]], Script]:
    """The function the offline planner calls for every turn; a turn's reading is worked out once."""
    decisions: dict[tuple[str, tuple[tuple[str, str], ...]], Decision] = {}

    def factory(question: str, history: Sequence[Turn]) -> Script:
        key = (question, tuple((t.get("role", ""), t.get("content", "")) for t in history))
        decision = decisions.get(key)
        if decision is None:
            if len(decisions) >= MAX_REMEMBERED_DECISIONS:
                decisions.clear()
            decision = decisions[key] = decide(question, history, ctx)
        return answer(question, decision, ctx)

    return factory
