"""Words, patterns and thresholds by which both a fresh question and a follow-up are read."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.planner.context import ReportContext
from assistant.planner.intents import SIZE_INTENTS, Intent
from assistant.planner.slots import Slots
from assistant.text.tokens import stems

# Below this similarity to every intent example, no headline intent is meant: the question is
# answered from the prose, or declined when the prose holds nothing near it.
WEAK_INTENT = 0.55

# A follow-up this close to an intent's examples asks its own question ('and which segment grows fastest').
STRONG_INTENT = 0.7

# Above this the wording is one of the examples, whatever words it adds.
CERTAIN_INTENT = 0.85

SECTION_INTENTS = frozenset({Intent.DRIVERS, Intent.CHALLENGES, Intent.TRENDS, Intent.DEFINITION})

WHY_GROWING = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+|ok\s+)?(?:why|how come|what makes)\b[^?]*?"
    r"\b(grow\w*|expand\w*|ris(e|es|ing)|increas\w*|boom\w*|tak(e|es|ing) off)\b"
    # "what's pushing that", 'what is driving it'
    r"|^\s*(?:and\s+|so\s+|ok\s+)?what(?:'s|s| is)\s+(?:pushing|driving|fu?ell?ing|propelling|behind)\s+"
    r"(?:that|it|this|them|those)\s*\??\s*$",
    re.I,
)

# Words that say what kind of thing a ranking ranks ('which region', 'what end use'): without one, a
# ranking asked right after a list ranks that list.
NAMES_A_KIND = re.compile(
    r"\b(?:regions?|regional|geograph\w*|countr\w*|continents?|segments?|types?|applications?|products?"
    r"|end[- ]?users?|end[- ]uses?|categor\w*|services?|phases?|areas?|companies|players|firms)\b",
    re.I,
)

FASTEST_WORDS = re.compile(r"\b(?:fast\w*|quick\w*|grow\w*|rapid\w*)\b", re.I)

# 'gap between that and the 2033 forecast', 'that vs 2026': the year just discussed against another
# 'growth?', 'and its cagr', '$ value in 24', 'share in 2024?': a figure asked with no subject of its own
BARE_METRIC = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?:(?P<metric>growth(?:\s+rate)?|cagr|share|value|size|worth|revenue|dollar\s+value|price|cost|amount)"
    r"|\$\s*value|\$|in\s+(?:\$|usd|dollars?)(?:\s+terms)?)"
    r"(?:\s+(?:in|for|by|of)\s+(?:'|’)?\d{2,4})?\s*[?.!]*\s*$",
    re.I,
)

# 'which single country is biggest', 'top country overall': every country, not the last region's
ANY_COUNTRY = re.compile(r"\b(?:single|overall|globally|worldwide|in the world|of all|any)\b", re.I)

AGAINST_GLOBAL = re.compile(
    r"\b(?:vs\.?|versus|compared?|compare w/?|against|than|w/)\s+(?:the\s+)?(?:overall|whole|total|global|entire"
    r"|worldwide|market|mkt)\b",
    re.I,
)

COUNTRIES_ASKED = re.compile(r"\b(?:which|what|top|leading|main|key)\s+(?:\w+\s+)?countr(?:y|ies)\b", re.I)

# 'ok and the largest?' after a ranking: the other ranking, asked bare
BARE_RANKING = re.compile(
    r"^\s*(?:ok\s+|so\s+)?(?:and\s+|what about\s+)?(?:the\s+)?(?:(?:second|third|2nd|3rd|next)[- ]?)?"
    r"(?:largest|biggest|leading|fastest(?:[- ]growing)?|quickest|smallest|slowest)(?:\s+one)?"
    # ("and the slowest one's cagr?": the figure the ranking is by)
    r"(?:['’]?s?\s+(?:cagr|growth(?:\s+rate)?|rate|share))?\s*\??\s*$",
    re.I,
)

# 'the trial volume one - got numbers?': a point of the last list named by its words
NAMED_POINT = re.compile(
    r"\bthe\s+[\w&'/-]+(?:\s+[\w&'/-]+){0,2}\s+(?:one|number|stat|statistic|figure|data point|thing|bit|issue|point)\b",
    re.I,
)

RATE_HOLDS = re.compile(
    r"\b(keeps?|kept|holds?|same|continues?|stays?|sustain\w*|unchanged|compound\w*)\b"
    r"|\bat (?:the report'?s|its|that|their|the stated|the given)(?: own)? (?:cagr|rate|growth rate|growth)\b",
    re.I,
)

ASKS_RATE = re.compile(r"\b(rate|cagr|pace|how (fast|quickly))\b", re.I)

SAYS_ONE = re.compile(r"\b(one|ones)\b", re.I)

STATS = re.compile(r"\b(stats?|statistics?|numbers?|figures?|data|percent\w*|how (many|much))\b|%", re.I)

TWO_YEAR_INTENTS = frozenset({Intent.GROWTH, Intent.RATIO, Intent.AVERAGE_GAIN, Intent.CUMULATIVE})

SAYS_THEY = re.compile(r"\b(?:they|they'?ve|they'?re)\b", re.I)

LEADER_WORDS = re.compile(
    r"\b(fastest|quickest|largest|biggest|faster|quicker|larger|bigger|lead|leads|leading|dominant|dominates"
    r"|top|most)\b",
    re.I,
)


def names_dimension(question: str, ctx: ReportContext) -> bool:
    """The question names one of the dimensions the report lists segments for, as a list ('which
    phases', 'end users?', 'split by type'), not its leader."""
    if LEADER_WORDS.search(question):
        return False
    asked = stems(question)
    return any(
        found and found <= asked for dim, found in ctx.dimension_stems.items() if dim in ctx.listed_dimensions
    )


def words_of_a_dimension(text: str, ctx: ReportContext) -> bool:
    """The text names one of the report's segment dimensions ('installation type'), as a list or in
    a ranking ('the biggest installation type')."""
    said = stems(text)
    return any(found and found <= said for found in ctx.segment_dimension_stems.values())


def refine(intent: Intent, slots: Slots) -> Intent:
    """Years settle which of the size questions is meant."""
    if intent is Intent.GROWTH and not slots.asks_growth and len(slots.years) < 2:
        return Intent.SIZE_IN_YEAR if slots.years else Intent.SIZE_BASE
    if intent in SIZE_INTENTS:
        # 'how many $ does the market add between 2024 and 2033': the change, asked in money
        if len(slots.years) >= 2 and (slots.asks_money is False or slots.asks_growth):
            return Intent.GROWTH
        return Intent.SIZE_IN_YEAR if slots.years else intent
    if intent is Intent.CAGR and slots.years and not slots.asks_share and asks_size_words(slots):
        return Intent.SIZE_IN_YEAR
    return intent


def asks_size_words(slots: Slots) -> bool:
    return slots.asks_money and len(slots.years) == 1


def previous_question(history: Sequence[dict[str, str]]) -> str | None:
    for turn in reversed(history):
        if turn.get("role") == "user" and turn.get("content", "").strip():
            return turn["content"]
    return None


def before_last_question(history: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    for i in range(len(history) - 1, -1, -1):
        if history[i].get("role") == "user":
            return list(history[:i])
    return []
