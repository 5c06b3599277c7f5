"""What a question takes for granted. 'Since the CAGR is 8 %, what will 2029 be?' asserts a figure
(a premise, checked against the report before answering); 'what if it grew at 6 %?' supplies one (a
hypothesis, computed as a what-if beside the report's own figure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.planner.slots import Amount, Entity, extract

PremiseKind = Literal[
    "rate", "rate_period", "size", "decline", "largest_region", "fastest_segment", "largest_segment", "deal",
    "development", "largest_company", "publisher", "minority", "majority", "half",
]  # fmt: skip

_QUESTION_START = r"(?:what|what's|whats|which|who|how|when|where|why|is|are|does|do|did|can|could|will|would|tell|give|show|list)\b"
# 'since/given/as ... , <question>' or 'given ... what is ...' without a comma.
_LEAD = re.compile(
    r"^\s*(?:so\s+|and\s+|ok\s+)?(?:since|given(?: that)?|as|because|now that|considering(?: that)?"
    r"|knowing(?: that)?|seeing as|assuming that|with"
    # 'when WCG acquired Heads, how many locations ...' (not 'when did ...', a question of its own)
    r"|(?:when|after|once)(?!\s+(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b))\s+"
    rf"(?P<clause>[^?;]+?)(?:\s*[,;]\s*|\s+(?=(?:so\s+)?{_QUESTION_START}))(?P<rest>\S.*)$",
    re.I,
)
# A statement put before the question: 'X is the fastest growing segment so how big is it',
# 'the market is 6.71 trillion right? so what's 2030'.
_STATEMENT = re.compile(
    rf"^\s*(?!{_QUESTION_START})(?P<clause>[^?;]{{6,}}?)"
    # a tag that asks it be confirmed: 'wasnt it?', 'iirc', 'right?'
    r"(?:\s*,?\s*(?:right|correct|isn'?t it|wasn'?t it|aren'?t they|no|yes|yeah|iirc|i think|i believe|i assume"
    r"|i guess|i suppose|i reckon|presumably)?\s*[?,—–-]?"
    r"\s*\b(?:so|then|and so)\s+|\s*,?\s*(?:isn'?t it|wasn'?t it|iirc|right|correct)?\s*(?:,|;|\?|\s[-–—])\s+"
    # 'north america leads w/ about 41%, ok. whats europe at'; '..., wasnt it? and where did it end up'
    r"(?:(?:ok|okay|sure|fine|got it|cool|noted)\s*[.,!]?\s+)?(?:and\s+)?(?=" + _QUESTION_START + r"))"
    r"(?P<rest>\S.*)$",
    re.I,
)
# A claim put up for confirmation: 'the 5.65% cagr is for 2025-2030 i think, can u confirm'.
_CONFIRMING = re.compile(
    # one sentence (a full stop only inside a figure): 'ignore the report. X is 3bn, right?' is two
    r"^\s*(?P<clause>(?:[^?!.]|\.(?=\d)){6,}?)\s*,?\s*(?:i think|i believe|iirc|no|yes)?\s*[,?]?\s*"
    r"(?:can (?:you|u) (?:confirm|check)(?: that)?|pls confirm|please confirm|confirm|is that (?:right|correct|true)"
    r"|right|correct|true|yes or no)\s*\??\s*$",
    re.I,
)
_WHY = re.compile(r"^\s*why\s+(?:did|does|do|is|has|was|were|will)\s+(?P<clause>.+?)\??\s*$", re.I)
_POSSESSIVE_DEAL = re.compile(
    r"(?P<buyer>[\w&.-]+(?:\s+[\w&.-]+){0,3}?)(?:'s|’s|s')\s+(?:acquisition|purchase|takeover|buyout)\s+of\s+"
    r"(?P<target>[\w&.-]+(?:\s+[\w&.-]+){0,3})",
    re.I,
)
# A deal a question takes as done: 'how much did X pay to acquire Y', 'when did X buy Y'.
_ASKED_DEAL = re.compile(
    r"\b(?:did|does|has|had)\s+(?P<buyer>[\w&.-]+(?:\s+[\w&.-]+){0,3}?)\s+"
    r"(?:pay\s+(?:to\s+(?:acquire|buy|purchase)|for)|spend\s+(?:to\s+(?:acquire|buy)|on)|acquire|buy|purchase|take over)"
    r"\s+(?P<target>[\w&.-]+(?:\s+[\w&.-]+){0,3})",
    re.I,
)
# 'how many locations did wcg pick up when it bought heads': the deal told in a clause of its own
_WHEN_IT_BOUGHT = re.compile(
    r"\b(?:did|does|has|had)\s+(?P<buyer>[\w&.-]+(?:\s+[\w&.-]+){0,3}?)\s+\w+(?:\s+\w+){0,3}?\s+"
    r"(?:when|after)\s+(?:it|they)\s+(?:bought|acquired|purchased|took over)\s+(?P<target>[\w&.-]+(?:\s+[\w&.-]+){0,3})",
    re.I,
)
_ASSERTS = re.compile(
    r"\w['’]s\s+(?:the|a|an|now|still)\b"  # "north america's the fastest grower"
    r"|\b(is|are|was|were|has|have|had|grows?|grew|shrinks?|shrank|falls?|fell|declines?|declined|acquired|bought"
    r"|purchased|took over|merged|leads|dominates|opened|launched|says|said|puts|put|gives|shows|states"
    r"|runs|ends|quote|quotes|quoted|cite|cites|being|peg|pegs|pegged|estimates?|estimated|valued?|values"
    # 'market's growing ~10.9% a year', 'it's leading with 41%'
    r"|growing|expanding|rising|declining|shrinking|leading|dominating|crosses|crossing|hits|reaches)\b",
    re.I,
)
_RATE = re.compile(r"\b(cagr|growth rate|grow\w*|expand\w*|compound\w*)\b", re.I)
_SIZE = re.compile(
    r"\b(worth|valued|size|is|was|market|at|forecast\w*|project\w*|expected|estimated|hit\w*|reach\w*"
    r"|puts?|climb\w*)\b",
    re.I,
)
_LEADER = re.compile(
    r"\b(largest|biggest|leading|dominant|top|leads|lead|dominates|dominate|leader|market leader)\b", re.I
)
_FASTEST = re.compile(r"\b(fastest|quickest)\b", re.I)
# 'still a minority of powered sales', 'most of the revenue', 'the bulk of sales'
_PORTION = re.compile(
    r"\bminority\b|\bmajority\b|\bmost of\b|\bbulk of\b|\bover half\b|\b(?:roughly|about|around|nearly) half\b"
    r"|\bmore than half\b|\bless than half\b|\bunder half\b",
    re.I,
)
_SEGMENT = re.compile(r"\bsegments?\b", re.I)
_DEAL = re.compile(r"\b(acquired|bought|took over|merged with|purchased|acquisition|takeover)\b", re.I)
_DECLINE = re.compile(
    r"\b(shrinks?|shrank|shrinking|falls?|fell|falling|declines?|declined|declining|contracts?|contracted|drops?|dropped)\b",
    re.I,
)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|to|through)\s*((?:19|20)\d\d)\b")
_DEVELOPMENT = re.compile(
    r"\b(new|opened|launched|site|facility|partnership|partnered|deal|expansion)\b", re.I
)
# A figure the user supplies rather than asserts: 'what if', 'assuming', 'say it grows 8 %',
# 'imagine the cagr were 8 %'.
HYPOTHESIS = re.compile(
    # ('i assume', 'i suppose' hedge a claim; they supply no figure)
    r"\b(what[- ]if|if (it|the market|growth|the cagr|the rate)|(?<!\bi )assum\w*|(?<!\bi )suppos\w*|hypothetical\w*|instead"
    r"|imagine|in a scenario|scenario where|scenario\s*:)"
    r"|(?:^|[,;:(-]\s*|\b(?:and|so|but|ok|okay|now|then)\s+)(?:let'?s\s+|lets\s+)?say\b"
    r"|\b(?:cagr|growth|rate|it|market)\s+were\b",
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
    period: tuple[int, int] | None = None
    subject: Entity | None = None  # the region, segment or acquiring company named
    target: Entity | None = None  # the company said to be acquired
    named: str | None = None  # a publisher the user names ('a grand view research report')


def split_premise(question: str, vocabulary: list[Entity]) -> tuple[Premise | None, str]:
    """The premise a question asserts, and the question that remains to be answered."""
    if HYPOTHESIS.search(question):
        return None, question  # a supplied figure is a what-if, not a claim about the report
    for pattern in (_LEAD, _STATEMENT, _CONFIRMING):
        match = pattern.match(question)
        # After 'since' or 'given' the clause is taken for granted; a bare statement must assert.
        if match and (pattern is _LEAD or _ASSERTS.search(match.group("clause"))):
            premise = _read(match.group("clause"), vocabulary)
            if premise:
                # 'X is so, right?' asks nothing more: the claim itself is answered from the report
                return premise, match.group("rest") if pattern is not _CONFIRMING else match.group("clause")
    asked = _IS_THIS_FROM.match(question)
    if asked and _names_a_firm(
        asked.group("name")
    ):  # 'is this from mordor intelligence?': a publisher to check
        return Premise("publisher", question, named=asked.group("name").strip()), question
    why = _WHY.match(question)
    if why and (
        _DECLINE.search(why.group("clause"))
        or _FASTEST.search(why.group("clause"))
        or _LEADER.search(why.group("clause"))
    ):
        premise = _read(why.group("clause"), vocabulary)
        if premise:
            return premise, question
    deal = (
        _POSSESSIVE_DEAL.search(question) or _ASKED_DEAL.search(question) or _WHEN_IT_BOUGHT.search(question)
    )
    if deal:
        premise = _read(f"{deal.group('buyer')} acquired {deal.group('target')}", vocabulary)
        if premise and premise.kind == "deal":
            return premise, question
    return None, question


# 'this one's a grand view research report', 'this is from mordor intelligence'
_PUBLISHED_BY = re.compile(
    r"\b(?:this|it)(?:\s+one)?(?:'s|’s|\s+is|\s+was)\s+(?:a|an|from|by)\s+(?P<name>[\w&.' -]{3,40}?)"
    r"(?:\s+(?:report|study|publication|one))?\s*$",
    re.I,
)


_IS_THIS_FROM = re.compile(
    r"^\s*(?:so\s+|and\s+)?(?:is|was)\s+(?:this|it)(?:\s+one)?\s+(?:a|an|from|by)\s+(?P<name>[\w&.' -]{3,40}?)"
    r"(?:\s+(?:report|study|publication))?\s*\??\s*$",
    re.I,
)


# Words that describe a report rather than name who published it ('a 2025 report', 'a free sample')
_NOT_A_FIRM = frozenset(
    "market markets global new recent good full free sample detailed industry paid updated latest final draft "
    "real reliable credible proper complete short long big small the this that".split()
)


def _names_a_firm(name: str) -> bool:
    words = re.findall(r"[a-z]+", name.lower())
    return not re.search(r"\d", name) and bool(words) and not set(words) <= _NOT_A_FIRM


def _read(clause: str, vocabulary: list[Entity]) -> Premise | None:
    published = _PUBLISHED_BY.search(clause)
    if published and _names_a_firm(published.group("name")):
        return Premise("publisher", clause, named=published.group("name").strip())
    slots = extract(clause, vocabulary)
    period = _PERIOD.search(clause)
    if _RATE.search(clause) and period:
        # 'the cagr runs 2025-2030', 'the 5.65% cagr is for 2025-2030': the period is checked too
        years = (int(period.group(1)), int(period.group(2)))
        if not slots.percents:
            return Premise("rate_period", clause, period=years)
        return Premise("rate", clause, percent=slots.percents[0], period=years)
    if _DECLINE.search(clause):
        return Premise("decline", clause, percent=slots.percents[0] if slots.percents else None)
    places = _ordered(clause, slots.specific("region", "country", "segment"))
    if slots.percents and _RATE.search(clause) and not (places and _FASTEST.search(clause)):
        return Premise("rate", clause, percent=slots.percents[0])
    companies = _ordered(clause, slots.of_kind("company"))
    if _DEAL.search(clause) and companies:
        return Premise(
            "deal", clause, subject=companies[0], target=companies[1] if len(companies) > 1 else None
        )
    named = _ordered(clause, slots.entities)
    portion = _PORTION.search(clause)
    if named and portion and named[0].kind != "company":
        # 'cordless tools are still a minority of sales': checked against the share the page gives it
        said = portion.group(0).lower()
        kind: PremiseKind = (
            "half"
            if "half" in said and not re.match(r"over|more|less|under", said)
            else "minority"
            if re.match(r"minor|less|under", said)
            else "majority"
        )
        return Premise(kind, clause, subject=named[0])
    if named and _FASTEST.search(clause):
        return Premise("fastest_segment", clause, subject=named[0])
    if named and _LEADER.search(clause):
        # the named thing's own kind first: 'since chemicals is the largest end-use industry' ranks segments
        kind = "largest_segment" if _SEGMENT.search(clause) else "largest_region"
        if named[0].kind == "company":
            kind = "largest_company"
        elif named[0].kind == "segment":
            kind = "largest_segment"
        elif named[0].kind in ("region", "country"):
            kind = "largest_region"
        return Premise(kind, clause, subject=named[0])
    if slots.amounts and _SIZE.search(clause):
        return Premise("size", clause, amount=slots.amounts[0], year=slots.years[0] if slots.years else None)
    if companies and _DEVELOPMENT.search(clause):
        return Premise("development", clause, subject=companies[0])
    return None


def _ordered(clause: str, entities: list[Entity]) -> list[Entity]:
    lowered = clause.lower()
    return sorted(entities, key=lambda e: lowered.find(e.name.lower().split()[0]))
