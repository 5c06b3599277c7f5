"""What the planner decided a question (or one part of it) asks."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.planner.intents import Intent
from assistant.planner.slots import Slots


@dataclass
class Decision:
    intent: Intent
    slots: Slots
    score: float
    unanswerable: str | None = None  # the reason, when the report cannot hold the answer
    query: str = ""  # what to search for: the question, with the earlier one for a follow-up
