"""A message as the questions it asks: 'what's the top region and the fastest segment?' is two
parts, 'size in 2026 and 2028' one part over two years, 'since the CAGR is 9 %, what will 2029
be?' one part after a premise to check. Each part is read by ``understanding.decide``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from assistant.planner.acts import conversation_act
from assistant.planner.context import ReportContext
from assistant.planner.cues import (
    LEADER_WORDS,
    NAMES_A_KIND,
    STRONG_INTENT,
    TWO_YEAR_INTENTS,
    words_of_a_dimension,
)
from assistant.planner.decision import Decision, Plan
from assistant.planner.followup import POINTER, has_subject
from assistant.planner.intents import RANKINGS, SIZE_INTENTS, Intent
from assistant.planner.parts import COMPARING, clauses
from assistant.planner.premises import HYPOTHESIS, Premise, split_premise
from assistant.planner.registry import KEYWORDS, settled_intent
from assistant.planner.slots import Slots, addresses_the_assistant, extract, normalise
from assistant.planner.understanding import decide
from assistant.text.sentences import content_words


def plan(question: str, history: Sequence[dict[str, str]], ctx: ReportContext) -> Plan:
    """The message as the parts it asks, in order, and the premise it opens with, if any."""
    text = ctx.expand(normalise(ctx.without_source(question)))  # the source named, then acronyms spelt out
    # A message of one part is ranked by this text: its embedding is computed while the rules run.
    ctx.classifier.prefetch(ctx.plain(text))
    if conversation_act(text):
        return Plan([(question, Decision(Intent.SMALL_TALK, Slots(), 1.0))])
    if addresses_the_assistant(text):
        return Plan([(question, decide(question, history, ctx))])
    premise, rest = split_premise(text, ctx.vocabulary)
    if premise is not None and premise.kind == "publisher" and rest in (text, premise.clause):
        # 'this one's a grand view research report right?': who publishes it, checked against the name
        return Plan([(rest, Decision(Intent.PUBLISHER, Slots(), 1.0))], premise)
    if premise is not None and _ASKS_CAUSE.search(rest):
        rest = _about_the_real_leader(premise, rest, ctx)  # 'what drives its lead?': the real leader's
    if premise is not None and rest == text:
        # 'how many locations did wcg pick up when it bought heads': asked of the real buyer
        rest = _with_the_real_buyer(premise, rest, ctx)
    if premise is not None and rest != text:
        # The rest may point back at the premise ('given X's new site, what does it cover?'); a
        # deal the report gives to another buyer is asked about as the report tells it.
        clause = _as_the_report_tells_it(premise, rest, ctx)
        history = [*history, {"role": "user", "content": clause}]
    rest = _ASKS_SEVERAL.sub("", rest, count=1) or rest  # 'two things: the 2024 value, and ...'
    groups: list[str] = []
    for joiner, piece in clauses(rest, [e.name for e in ctx.vocabulary]):
        if groups and (
            not (_stands_alone(piece, ctx) or _own_topic(joiner, piece))
            or _supposes(groups[-1])
            or bool(_ONLY_POINTS.fullmatch(groups[-1]) or POINTER.fullmatch(groups[-1]))
            or (_OPEN_RANGE.search(groups[-1]) and _AND.match(joiner))
            # 'and between that year and 2031, how much growth in $': the span the next clause asks of
            or bool(_ONLY_SPAN.match(groups[-1]))
            # '2030 minus 2027, give it in m': the unit the clause before is to be given in
            or bool(_ONLY_UNIT.match(piece))
            # 'add up 2026, 2027 and 2028 values': the list of years goes on
            or (bool(_YEAR_LIST_TAIL.search(groups[-1])) and bool(_YEAR_LEAD.match(piece)))
            # 'the 2025 and 2031 numbers': two years of one ask
            or (bool(_ENDS_WITH_YEAR.search(groups[-1])) and bool(_YEAR_LEAD.match(piece)))
            or (COMPARING.match(joiner) and not _stands_alone(groups[-1], ctx))
            or bool(_FRAME_ONLY.fullmatch(groups[-1]))  # 'in the tufts data, what was ...'
            or _only_names(groups[-1], ctx)  # 'and europe, which countries does it break out?'
            or _only_the_market(piece, ctx)  # 'apac contribution to growth, vertical farming led lights'
        ):
            groups[-1] += joiner + piece
        else:
            groups.append(piece)
    asked = [g for g in groups if not conversation_act(g)]
    if asked and len(asked) < len(groups):
        groups = asked  # 'hi, what's this report about': the greeting is no part of its own
        rest = groups[0] if len(groups) == 1 else rest
    pointer = POINTER.match(groups[0])
    if len(groups) > 1 and pointer and pointer.end() < len(groups[0]):
        # 'the oct 2024 one, what's it called and who was the partner': every ask is of the one pointed at
        groups = [rest]
    if len(groups) == 1:
        return Plan([(rest, _with_premise_year(decide(rest, history, ctx), premise))], premise)
    parts: list[tuple[str, Decision]] = []
    running = list(history)
    ranked: tuple[Intent, str] | None = None  # the ranking the part before answered, and its leader
    for group in groups:
        # ('the dct stat + the ai stat': each statistic named by words of its own, asked of the report)
        decision = decide(group, history if _A_STAT.search(group) else running, ctx)
        if ranked is not None and _restates_the_ranking(decision, ranked):
            continue  # 'largest region and its share': the ranking by share already gives it
        parts.append((group, decision))
        # A later part may point back at an earlier one ('who acquired whom, and when?'), or into
        # the list it gives ('name the players and what the first one did').
        running = [*running, {"role": "user", "content": group}]
        names = ctx.named_by.get(decision.intent)
        if (
            decision.intent is Intent.LARGEST_REGION
            and not _OF_REGIONS.search(group)
            and (words_of_a_dimension(group, ctx) or NAMES_A_KIND.search(group))
        ):
            names = None  # 'which disease is the biggest + its share': not the region the report names
        by_figures = (
            decision.intent in RANKINGS
            and bool(_OF_REGIONS.search(group))
            and decision.intent in ctx.ranked_regions
        )
        if by_figures:
            # 'fastest growing region, its cagr and current share': the region the figures rank first
            names = (ctx.ranked_regions[decision.intent],)
        if names:
            running.append({"role": "assistant", "content": f"{decision.intent.value}: {', '.join(names)}."})
        ranked = (decision.intent, names[0]) if names and by_figures else None
    if len({d.intent for _, d in parts}) == 1 and _same_subjects(parts) and parts[0][1].intent in _REPEATABLE:
        whole = decide(rest, history, ctx)  # one ask several times: 'size in 2026 and 2028'
        if whole.intent is not Intent.PASSAGE:  # (a passage is no better reading than the parts')
            return Plan([(rest, whole)], premise)
    parts = _merge_adjacent_sizes(parts)
    _share_years(parts)
    _share_subjects(parts)
    return Plan(parts, premise)


def _restates_the_ranking(decision: Decision, ranked: tuple[Intent, str]) -> bool:
    """A part that asks of the leader just ranked only the figure it was ranked by: its share after
    'largest region', its rate after 'fastest growing region'."""
    intent, leader = ranked
    slots = decision.slots
    if decision.intent is not Intent.STATED_FIGURE or [e.name for e in slots.entities] != [leader]:
        return False
    if slots.asks_money or slots.years:
        return False
    if intent is Intent.LARGEST_REGION:
        return slots.asks_share and not slots.asks_growth
    return slots.asks_growth and not slots.asks_share


# Intents whose repeats are one question over several years, not several questions.
_REPEATABLE = SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE, Intent.CAGR}


_OF_REGIONS = re.compile(r"\b(?:regions?|regional|geograph\w*)\b", re.I)
_ASKS_CAUSE = re.compile(
    r"\b(why|driv\w*|behind|reasons?|explain\w*|caus\w*|how come|push\w*|fuel\w*|propel\w*)\b", re.I
)
_LEADER_KINDS = {"largest_region": Intent.LARGEST_REGION, "fastest_segment": Intent.FASTEST_SEGMENT}


def _with_premise_year(decision: Decision, premise: Premise | None) -> Decision:
    """'2031 is 9.8bn right? so what's the gain vs 2025': a change between two years, one of which the
    premise named."""
    two_years = decision.intent in TWO_YEAR_INTENTS or decision.slots.asks_growth
    if premise is None or not two_years or len(set(decision.slots.years)) != 1:
        return decision
    named = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", premise.clause)]
    years = sorted({*decision.slots.years, *named})
    if len(years) != 2:
        return decision
    intent = decision.intent if decision.intent in TWO_YEAR_INTENTS else Intent.GROWTH
    return replace(decision, intent=intent, slots=replace(decision.slots, years=years))


def _about_the_real_leader(premise: Premise | None, rest: str, ctx: ReportContext) -> str:
    """'given europe is the largest region, what drives its lead?': once the premise is corrected,
    the question is about the leader the report names, not the one the user assumed."""
    if premise is None or premise.subject is None or premise.kind not in _LEADER_KINDS:
        return rest
    named = ctx.named_by.get(_LEADER_KINDS[premise.kind], ())
    if not named or named[0].lower() == premise.subject.name.lower():
        return rest
    assumed = re.compile(r"\b" + r"\s+".join(map(re.escape, premise.subject.name.split())) + r"\b", re.I)
    return assumed.sub(named[0], rest)


def _as_the_report_tells_it(premise: Premise, rest: str, ctx: ReportContext) -> str:
    """'WCG acquired Heads': the report gives Heads to Veeda, so the clause the rest leans on names
    Veeda; 'cns being the fastest growing area - what's driving that?': what drives the lead is asked
    of the real leader ('europe leads - what's its growth rate?' still asks Europe's own figure)."""
    if premise.subject is not None and premise.kind in _LEADER_KINDS:
        return (
            _about_the_real_leader(premise, premise.clause, ctx)
            if _ASKS_CAUSE.search(rest)
            else premise.clause
        )
    return _with_the_real_buyer(premise, premise.clause, ctx)


def _with_the_real_buyer(premise: Premise, text: str, ctx: ReportContext) -> str:
    """``text`` with a deal's wrong buyer replaced by the one the report gives the target to."""
    if premise.kind not in ("deal", "development") or premise.subject is None:
        return text
    named = [ctx.development_companies[i] for i in sorted(ctx.news_in(premise.clause))]
    buyers = [n for n in named if n]
    if not buyers or any(premise.subject.name.lower() == b.lower() for b in buyers):
        return text
    said = re.compile(r"\b" + re.escape(premise.subject.name.split()[0]) + r"\w*(?:\s+[A-Z]\w*)*", re.I)
    return said.sub(buyers[0], text, count=1)


def _same_subjects(parts: list[tuple[str, Decision]]) -> bool:
    """Every part asks of the same names, and for the same measure ('worth' twice, not 'worth' and
    'how many bottles')."""
    return (
        len({tuple(e.name for e in d.slots.entities) for _, d in parts}) == 1
        and len(
            {(d.slots.asks_share, d.slots.asks_growth, bool(_HOW_MANY.search(text))) for text, d in parts}
        )
        == 1
    )


_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)


def _merge_adjacent_sizes(parts: list[tuple[str, Decision]]) -> list[tuple[str, Decision]]:
    """'2025 value + 2031 forecast + who leads?': the two sizes are one part over two years."""
    merged: list[tuple[str, Decision]] = []
    for text, decision in parts:
        if merged and decision.intent in SIZE_INTENTS and merged[-1][1].intent in SIZE_INTENTS:
            earlier_text, earlier = merged[-1]
            # 'base yr size, the 2031 number': a size without a year is the base one, asked apart
            both_dated = bool(decision.slots.years) and bool(earlier.slots.years)
            if not decision.unanswerable and not earlier.unanswerable and both_dated:
                earlier.slots.years = list(dict.fromkeys([*earlier.slots.years, *decision.slots.years]))
                earlier.intent = Intent.SIZE_IN_YEAR
                merged[-1] = (f"{earlier_text} and {text}", earlier)
                continue
        merged.append((text, decision))
    return merged


MIN_TOPIC_WORDS = 3


def _own_topic(joiner: str, piece: str) -> bool:
    """'..., and by how much did enrollment time go up?', '..., and the CRC turnover rate?': after a
    comma and 'and', a clause with words enough of its own asks about a topic of its own."""
    return "," in joiner and bool(_AND.search(joiner)) and len(content_words(piece)) >= MIN_TOPIC_WORDS


_LEAD_WORDS = re.compile(
    r"^\s*(?:(?:and|so|ok|okay|also|now|then|what about|how about|for|in|compare|comparing|contrast)\b[\s,]*)*",
    re.I,
)


def _only_the_market(clause: str, ctx: ReportContext) -> bool:
    """'..., vertical farming led grow lights': a clause that only names the market the rest is about."""
    words = set(re.findall(r"[a-z]+", _LEAD_WORDS.sub("", clause).lower()))
    market = ctx.market_words | {w.lower() for w in re.findall(r"[A-Za-z]+", ctx.market or "")}
    plural = {f"{w}s" for w in market}
    return bool(words) and words <= market | plural | {
        "the",
        "global",
        "market",
        "markets",
        "mkt",
        "industry",
    }


def _only_names(clause: str, ctx: ReportContext) -> bool:
    """'and europe', 'ok north america -', 'us, japan': a clause that only names what the next one
    asks about."""
    rest = _LEAD_WORDS.sub("", clause).strip(" ,:-–?")
    named = extract(rest, ctx.vocabulary).entities if rest else []
    if not named:
        return False
    name_words = {w for e in named for n in (e.name, *e.aliases) for w in re.findall(r"[a-z]+", n.lower())}
    return set(re.findall(r"[a-z]+", rest.lower())) <= name_words | {"the", "s", "and"}


def _stands_alone(clause: str, ctx: ReportContext) -> bool:
    """Whether a clause asks something by itself, rather than adding a year or a name to the last."""
    if len(clause.split()) < 2 and not any(p.search(clause) for _, p in KEYWORDS):
        return False
    if _ASKS_ABOUT_IT.fullmatch(clause):
        return False  # 'and the 42% stat, who said that': asked of the clause before
    slots = extract(clause, ctx.vocabulary)
    if settled_intent(clause, slots, follow_up=False):
        return True
    if _QUESTION_FORM.match(clause) and len(clause.split()) >= 3:
        return True
    if any(pattern.search(clause) for _, pattern in KEYWORDS):
        return True
    if (slots.asks_share or slots.asks_money) and slots.entities:
        return True  # 'and Europe's share of it'
    if _ITS_FIGURE.match(clause):
        return True  # 'and its 2031 value': a figure of what the clause before named
    if _A_STAT.search(clause):
        return True  # 'the dct diversity stat + the ai investment stat': each a statistic of its own
    if _A_COUNT.match(clause):
        return True  # 'europe's share and the number of users there': a count of its own
    if LEADER_WORDS.search(clause) and (NAMES_A_KIND.search(clause) or words_of_a_dimension(clause, ctx)):
        return True  # '2024 size, the cagr and the biggest product type': a ranking of its own
    if slots.years and _DATED_FIGURE.search(clause):
        return True  # 'base yr size, the 2031 number': a year's figure of its own
    if len(clause.split()) >= 3 and _PLACED_FIGURE.search(clause):
        return True  # '+ expected size at the end of it': a figure at a point of the forecast
    top = ctx.classifier.rank(ctx.plain(clause), ctx.plain(ctx.as_typed(clause)))[0]
    return top.score >= STRONG_INTENT and has_subject(clause) and top.intent is not Intent.PASSAGE


_ASKS_ABOUT_IT = re.compile(
    r"\s*(?:and\s+)?(?:who|whose|where|when|source|what year|which year)(?:'s|’s)?\b(?:\s+\w+){0,3}?\s+"
    r"(?:that|it|this|them)(?:\s+(?:from|come from|came from|said|say|stated))?\s*\??\s*",
    re.I,
)
_PLACED_FIGURE = re.compile(
    r"\b(?:size|value|worth|revenue)\b.{0,30}\b(?:end|start|beginning|base|close|last year|first year)\b",
    re.I,
)
_BASE_ASKED = re.compile(r"\b(base|current|today|latest|now)\b", re.I)
_DATED_FIGURE = re.compile(r"\b(number|figure|forecast|estimate|value|size|projection)\b", re.I)
_ITS_FIGURE = re.compile(
    r"^\s*(its|their)\s+((19|20)\d\d\s+)?(value|size|share|growth|growth rate|cagr|revenue|worth|figure)\b",
    re.I,
)


# 'the spread between the 2023 value' + 'and' + 'the end of the forecast': the 'and' closes the range.
_YEAR_LIST_TAIL = re.compile(r"(?:19|20)\d\d\s*,\s*(?:19|20)\d\d\s*$")
_ENDS_WITH_YEAR = re.compile(r"\b(?:19|20)\d\d\s*$")
_YEAR_LEAD = re.compile(r"^\s*(?:19|20)\d\d\b")
_OPEN_RANGE = re.compile(r"\bbetween\b(?!.*\b(?:and|&)\b)", re.I)
_ONLY_UNIT = re.compile(
    r"\s*(?:and\s+|pls\s+|please\s+)?(?:give|show|put|express|make)?\s*(?:it|that|them|this|the answer)?\s*"
    r"in\s+(?:usd\s*|\$\s*)?(?:m|mn|mln|millions?|bn|billions?|k|thousands?)\s*(?:pls|please)?\s*[?.!]*\s*$",
    re.I,
)
_A_STAT = re.compile(
    r"\bthe\s+[\w&'/-]+(?:\s+[\w&'/-]+){0,3}\s+(?:stat|statistic|figure|number|data point|survey)s?\b", re.I
)
_A_COUNT = re.compile(r"\s*(?:and\s+|also\s+)?(?:the\s+)?(?:number|count|no\.)\s+of\s+[a-z]", re.I)
_AND = re.compile(r"^,?\s*(?:and|&)\s*$", re.I)
# a lead-in that announces several asks: 'two things:', 'quick qs -', 'a couple of questions:'
_ASKS_SEVERAL = re.compile(
    r"^\s*(?:(?:two|three|four|2|3|4|a\s+couple\s+of|a\s+few|some)\s+(?:things|questions|qs|q's)"
    r"|quick\s+(?:qs?|questions?))\s*(?:please|pls)?\s*[:\-–—]\s*",
    re.I,
)
# a frame for what follows, asking nothing itself: 'in the tufts data', 'according to the report'
_FRAME_ONLY = re.compile(
    r"\s*(?:so\s+|and\s+|ok\s+)?(?:in|from|according\s+to|based\s+on|per|within|regarding|as\s+for)\s+"
    r"(?!.*\b(?:what|which|how|who|whom|when|where|why)\b)[\w .&'/-]{1,40}"
    # 'On average, how many dollars ...', 'roughly, ...', 'in one line, ...': how the answer is wanted
    r"|\s*(?:so\s+|and\s+|ok\s+)?(?:on\s+average|roughly|approximately|overall|all\s+in\s+all|in\s+short|briefly"
    r"|quickly|in\s+a\s+nutshell|in\s+one\s+(?:line|sentence)|ballpark|in\s+total|altogether)",
    re.I,
)
_YEAR_WORDS = r"(?:(?:19|20)\d\d|that\s+year|then|now|today|the\s+base\s+year|the\s+first|the\s+last)"
_ONLY_SPAN = re.compile(
    rf"\s*(?:and|so|ok|then|now)?\s*(?:between|from)\s+{_YEAR_WORDS}\s+(?:and|to|-|through|thru)\s+{_YEAR_WORDS}"
    r"\s*[,:;-]*\s*$",
    re.I,
)


def _supposes(clause: str) -> bool:
    """'imagine the cagr were 8 %': a supposition that the question after it is asked under."""
    return (
        bool(HYPOTHESIS.search(clause))
        and "?" not in clause
        and (not _QUESTION_FORM.match(clause) or bool(_WHAT_IF.match(clause)))
    )


# 'and the last one, how many did it add': a clause that only points at an item of the last list
_ONLY_POINTS = re.compile(
    r"\s*(?:and|so|ok|okay|now|then|also)?\s*(?:(?:going\s+)?back\s+to|what\s+about|re|about|for|on)?\s*"
    r"the\s+(?:first|second|third|fourth|fifth|sixth|last|latter|former|1st|2nd|3rd|4th|5th|6th)"
    r"(?:\s+(?:one|company|player|item|development|point|driver|trend|challenge))?\s*[,:;-]*\s*",
    re.I,
)
_WHAT_IF = re.compile(r"^\s*(?:and\s+|so\s+)?what[- ]if\b", re.I)


_QUESTION_FORM = re.compile(
    # ('by how much did it rise?', 'in which year ...')
    r"^\s*(?:also\s+|plus\s+|and\s+also\s+|and\s+|so\s+)?(?:(?:by|in)\s+(?=(?:what|which|how)\b))?"
    r"(what|what's|whats|which|who|whom|whose|how|when|where|why|is|are|was|were|does|do|did|can|could"
    r"|will|would|list|tell|give|show|name|describe|explain)\b",
    re.I,
)


_WHOLE = re.compile(r"\b(?:market|overall|global|whole|total|industry)\b", re.I)
_OF_A_PART = (Intent.CAGR, Intent.STATED_FIGURE)


def _share_subjects(parts: list[tuple[str, Decision]]) -> None:
    """'apac share and cagr': a part asking a rate or share of no one takes the region or segment
    the part before it named, unless it names the whole market; a part asking about a deal of no
    one, the company of the deal before it."""
    for (before_text, before), (text, decision) in pairwise(parts):
        ranks = decision.intent in RANKINGS
        listed_before = before.intent is Intent.SEGMENTATION or NAMES_A_KIND.search(before_text)
        if ranks and listed_before and not NAMES_A_KIND.search(text):
            # 'list the service segments and tell me which is the largest', 'biggest region and
            # fastest growing one': of the kind the part before names
            decision.scope_from = before_text
            continue
        if decision.intent is before.intent is Intent.DEVELOPMENTS and not decision.slots.entities:
            # 'when did veeda close it, and what was the deal value': the same deal
            decision.slots.entities = list(before.slots.entities)
            decision.news = decision.news or before.news
            continue
        named = before.slots.specific("region", "country", "segment")
        if (
            named
            and not decision.slots.entities
            and decision.intent in _OF_A_PART
            and not _WHOLE.search(text)
        ):
            decision.slots.entities = list(named)
            decision.intent = Intent.STATED_FIGURE  # the figure the page states for it


def _share_years(parts: list[tuple[str, Decision]]) -> None:
    """'size and growth in 2030': a year said once applies to the parts that read years but name
    none; a part comparing two years takes the other parts' years ('2031 size and % growth from 2025')."""
    years = list(dict.fromkeys(y for _, d in parts for y in d.slots.years))
    if not years:
        return
    for text, decision in parts:
        # 'base yr size, the 2031 number': the base year's size is asked for itself
        if not decision.slots.years and decision.intent in SIZE_INTENTS and not _BASE_ASKED.search(text):
            decision.slots.years = list(years)
            decision.intent = Intent.SIZE_IN_YEAR
        elif decision.intent in TWO_YEAR_INTENTS and len(set(decision.slots.years)) < 2:
            decision.slots.years = sorted(set([*decision.slots.years, *years]))
