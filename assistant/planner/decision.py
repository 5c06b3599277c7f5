"""What the planner decided a question (or one part of it) asks."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.planner.followup import GivenFigure
from assistant.planner.intents import Intent
from assistant.planner.premises import Premise
from assistant.planner.slots import Slots

# Decision.metric for 'tell me about asia pacific': every figure the page states of that part
OVERVIEW = "overview"


@dataclass
class Decision:
    intent: Intent
    slots: Slots
    score: float
    unanswerable: str | None = None  # the reason, when the report cannot hold the answer
    query: str = ""  # what to search for: the question, with the earlier one for a follow-up
    earlier: Decision | None = None  # the previous question's reading, for 'what's the source?'
    # the question before, for 'what's the source?'; for a follow-up about one development, the words
    # that picked it ('the oct 2024 one'), which pick it again
    earlier_question: str = ""
    asks_when: bool = False  # 'when?' after a development: the date comes first
    asks_company_rank: bool = False  # 'which firm is the biggest?': the report gives no shares
    asks_concentration: bool = False  # 'top 5 players combined share?': what the largest hold together
    asks_company_count: bool = False  # 'how many vendors are there?': the report gives no count
    fallback: str | None = None  # why the report cannot answer, if the quantity table has nothing
    elaborate: bool = False  # 'tell me more about the first': the sentences after that point too
    # 'any stats on that?': a figure stated in the section of the point just made, however few of
    # the question's words it shares.
    figure_near_point: bool = False
    # 'difference between the two': the figures the last two answers led with.
    compared: tuple[GivenFigure, ...] = ()
    describes: str = ""  # 'what kind of company is glacia': the name whose description is wanted
    news: frozenset[int] = frozenset()  # the developments the question names by a name of their own
    states: tuple[str, ...] = ()  # 'the source for the 26% stat': figures the sentence wanted states
    section: Intent | None = None  # 'any hard numbers in the challenges bit?': the part asked about
    assumed_rate: bool = False  # 'at that rate': the percent is the user's earlier assumption
    scope_from: str = ""  # 'and the fastest growing one?': the earlier question whose scope 'one' ranks
    item: str = ""  # 'whats the 5th one' after the players: the one named
    metric: str = ""  # the kind of figure a follow-up asks without saying ('and europe?' after a ranking)
    topic: str = ""  # 'the decentralised trials market' of a report that only discusses them
    mentions: str = ""  # 'anything about AI in there?': what the sentences quoted must name
    asks_exclusions: bool = False  # 'what's excluded from the numbers?': what the report leaves out
    share_of_year: int | None = None  # 'that as a % of the 2025 size?': the earlier answer's amount of it


@dataclass
class Plan:
    """A message read as one or more parts, answered in the order asked, after any premise check."""

    parts: list[tuple[str, Decision]] = field(default_factory=list)
    premise: Premise | None = None
