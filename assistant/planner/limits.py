"""What a market report of this kind cannot answer (a company's revenue, a region's figure the page
does not give), and which questions the page's quantity table may answer instead of the prose."""

from __future__ import annotations

import re

from assistant.planner.cues import NAMED_POINT
from assistant.planner.intents import NUMERIC_INTENTS, Intent
from assistant.planner.slots import Entity, Slots

# What moves the market or holds it back: asked of a region, still prose, never a figure.
POINT_INTENTS = frozenset({Intent.DRIVERS, Intent.CHALLENGES, Intent.TRENDS})

# Words that ask for a growth rate, not a size.
RATE_WORDS = re.compile(
    r"\bc\.?a\.?g\.?r\b|growth rate|annual growth|how (fast|quickly)|rate of growth", re.I
)


# Filler around a market's name in a question that wants its figure ('us x market size in 2024').
BARE = frozenset(
    "the market by in for of at around forecast forecasts forecasted outlook estimate estimated projection "
    "projected expected value size worth total usd eur mn bn million billion trillion what whats what's how "
    "about and market's is are was will be".split()
)


def only_market_named(plain: str, named: list[Entity]) -> bool:
    """Nothing but the market's name and the regions or segments named ('us x market', 'x in europe')."""
    text = plain.lower()
    for entity in named:
        text = re.sub(re.escape(entity.name.lower()), " ", text)
    words = re.findall(r"[a-z']+", re.sub(r"\b(19|20)\d\d\b", " ", text))
    return "market" in words and all(w in BARE or w in ("us", "u") for w in words)


# What a company's own figures are called; any other figure asked of a company ('how much did it
# pay', 'deal value', 'price') may be stated in its recent developments.
_OWN_FIGURE = re.compile(
    r"\b(revenues?|sales|turnover|earnings|income|profits?|margins?|share|valuation|market cap\w*"
    r"|employees|staff|headcount|ceo|worth)\b",
    re.I,
)


def asks_deal_figure(question: str, slots: Slots) -> bool:
    """A figure asked of a named company that is not its own revenue or share: what it paid, a
    product's price, how many stores a deal reached. The report's developments may state it."""
    return bool(slots.specific("company")) and slots.asks_money and not _OWN_FIGURE.search(question)


def unanswerable(intent: Intent, slots: Slots) -> str | None:
    """Questions whose answer a market report of this kind does not hold."""
    reason = _unanswerable(intent, slots)
    # 'for Acme Inc..': a name's own full stop ends the sentence
    return reason[:-1] if reason and reason.endswith("..") else reason


def _unanswerable(intent: Intent, slots: Slots) -> str | None:
    if intent is Intent.WHAT_IF:
        return None  # computed on the user's own figure, whatever it is about
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
    if (
        parts
        and intent in NUMERIC_INTENTS
        and slots.asks_growth
        and not (slots.asks_share or slots.asks_money)
    ):
        return f"The report gives no growth rate for {parts[0].name}."
    if parts and intent in NUMERIC_INTENTS:
        return f"The report gives no size, share or growth rate for {parts[0].name}; its figures cover the whole market."
    named_facts = (Intent.LARGEST_REGION, Intent.FASTEST_SEGMENT, Intent.SEGMENTATION, Intent.DEVELOPMENTS)
    if parts and slots.asks_growth and intent not in named_facts and intent not in POINT_INTENTS:
        return f"The report gives a growth rate for the whole market only, none for {parts[0].name}."
    if parts and slots.asks_share and intent in named_facts[:3]:
        return f"The report names leading regions and segments but gives no share figure for {parts[0].name}."
    if companies and (slots.asks_money or slots.asks_share):
        return f"The report gives no market share or revenue for {companies[0].name}."
    if slots.asks_unstated_attribute and intent not in NUMERIC_INTENTS and not parts:
        return "The report gives no figures such as profits, margins, revenue or staff for the market's companies."
    return None


# 'the australian and indian figures for 2023': whatever figures the page states of them
_FIGURES_ASKED = re.compile(r"\b(?:figures?|numbers?|stats|statistics|data)\b", re.I)


def table_may_hold(intent: Intent, slots: Slots, question: str, plain: str = "") -> bool:
    """A figure about a region, country or segment (not a company's): the quantity table may state it.
    'us smart irrigation market' asks for one too: nothing but a place and the market's name."""
    scoped = slots.specific("region", "country", "segment")
    figure = (
        slots.asks_money
        or slots.asks_share
        or bool(RATE_WORDS.search(question))
        or slots.asks_growth
        or intent in NUMERIC_INTENTS
        # ('the retrofit one - got numbers?' names a point of the last list, not a part)
        or bool(_FIGURES_ASKED.search(question) and not NAMED_POINT.search(question))
        or (bool(plain) and only_market_named(plain, scoped))
    )
    return (
        bool(scoped)
        and figure
        and not slots.specific("company")
        and not _WHY.match(question)
        # 'what drives growth in asia' is prose; 'packaging share' and 'apac growth?' are figures
        # whatever they resemble
        and (
            intent not in POINT_INTENTS
            or slots.asks_share
            or slots.asks_money
            or (slots.asks_growth and not _CAUSE.search(question))
        )
    )


_CAUSE = re.compile(r"\b(why|driv\w*|behind|reasons?|fuel\w*|caus\w*|explain\w*|factors?|what makes)\b", re.I)


_WHY = re.compile(
    r"^\s*(why|what (drives|is driving|are driving|explains|is behind|lies behind)|whats behind|how come)\b",
    re.I,
)
