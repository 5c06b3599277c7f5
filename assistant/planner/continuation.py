"""Reading a question that leans on the conversation ('and in 2030?', 'the second one?', 'why?'):
which earlier question it continues, and what it takes from it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.planner.classifier import IntentScore
from assistant.planner.context import ReportContext
from assistant.planner.cues import (
    AGAINST_GLOBAL,
    ANY_COUNTRY,
    ASKS_RATE,
    BARE_METRIC,
    BARE_RANKING,
    CERTAIN_INTENT,
    COUNTRIES_ASKED,
    FASTEST_WORDS,
    LEADER_WORDS,
    NAMED_POINT,
    NAMES_A_KIND,
    RATE_HOLDS,
    SAYS_ONE,
    SAYS_THEY,
    SECTION_INTENTS,
    STATS,
    STRONG_INTENT,
    TWO_YEAR_INTENTS,
    WHY_GROWING,
    before_last_question,
    names_dimension,
    previous_question,
    refine,
)
from assistant.planner.decision import Decision
from assistant.planner.followup import (
    POINTER,
    SUM_OF_TWO,
    THAT_RATE,
    THAT_YEAR,
    GivenFigure,
    asks_when,
    cited_source,
    entities_in_last_answer,
    figure_pointed_before,
    figures_of_last_answer,
    first_year,
    given_figures,
    given_years,
    has_ordinal,
    has_subject,
    last_answer,
    last_two_years,
    ordinal_item,
    ordinal_pick,
    picked_point,
    refers_back,
    refers_to_two_years,
    relative_years,
    sizes_compared,
    that_year,
)
from assistant.planner.forms import (
    BARE_RATE,
    DID_WHAT,
    LARGEST_WORDS,
    RATE_OFFSET,
    SIZE_ASKED,
    WHO_OR_WHEN,
)
from assistant.planner.intents import DERIVED_INTENTS, NUMERIC_INTENTS, RANKINGS, SIZE_INTENTS, Intent
from assistant.planner.limits import (
    RATE_WORDS,
    asks_deal_figure,
    table_may_hold,
    unanswerable,
)
from assistant.planner.registry import KEYWORDS
from assistant.planner.slots import (
    MARKET_NOUN,
    TIMES_AS,
    Slots,
    match_entities,
)

_RANKED_ONE = re.compile(
    r"\b(?:fastest|quickest|slowest|largest|biggest|smallest|leading|top|bottom|faster|bigger|larger|smaller)\b",
    re.I,
)
_HOW_BIG = re.compile(r"\b(?:how\s+(?:big|large)|size|worth|valued?)\b", re.I)
_FIGURE_INTENTS = NUMERIC_INTENTS | {Intent.STATED_FIGURE}
# 'how many bottles', not 'how many times bigger' or 'how many $': a count of things
_COUNTS_THINGS = re.compile(
    r"\bhow many\s+(?!times\b|years?\b|more\b|percent|pts\b|points\b|dollars\b|usd\b|millions?\b|billions?\b"
    r"|bn\b|mn?\b)[a-z]",
    re.I,
)
# Reads a question in its conversation; passed in, since a follow-up re-reads the questions before it.
Decide = Callable[[str, Sequence[dict[str, str]], ReportContext], Decision]

# Intents that read the market's size series; a follow-up giving only a year keeps them.
_SERIES_INTENTS = SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE} | DERIVED_INTENTS

_FIGURE_WORD = re.compile(r"\b(?:number|figure|size|value|worth|revenue|sales)\b", re.I)

_BARE_ORDINAL = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:what'?s|whats|what is|who'?s|who is|which is|which'?s)?\s*(?:the\s+)?"
    # 'the 5th one', 'the last on the list', 'and the one after that'
    r"(?:\w+(?:\s+one)?|one\s+(?:after|before)\s+(?:that|it|this))"
    r"(?:\s+(?:on|in|of)\s+(?:the|that)\s+list)?\s*\??\s*$",
    re.I,
)

_WHOLE_MARKET = re.compile(r"\b(global|overall|whole market|total market|worldwide|entire market)\b", re.I)

_MORE_THAN = re.compile(
    r"\bhow much (?:more|less|higher|lower|bigger|smaller|above|below)\b[^?]*\bthan\b"
    r"|\b(?:difference|gap) (?:from|to|with|versus|vs\.?) the report'?s\b"
    # 'how far short of the forecast is that', 'how far below their number'
    r"|\bhow (?:far|much) (?:short of|below|above|under|over|off)\b[^?]*\b(?:forecast|report|their|its own)\b",
    re.I,
)

_RANKED_BY_SHARE = re.compile(
    r"\b(?:which|who|what)\b[^?]*\b(?:biggest|largest|top|highest|most|leading)\s+(?:mkt\s+|market\s+)?share\b"
    r"|\b(?:which|who)\b[^?]*\b(?:leads?|leader|biggest|largest|number one|no\.? ?1)\b"
    # "what's the biggest one's revenue?" after the players: a company's figure, ranked
    r"|\b(?:biggest|largest|top|leading)\s+(?:one|company|player|firm)['’]?s?\b[^?]*\b(?:revenue|sales|share|turnover)\b",
    re.I,
)

# 'na share in 24?' then 'compare w europe': the same figure of another part, beside the first
_COMPARE_PART = re.compile(
    r"^\s*(?:and\s+|so\s+|now\s+)?(?:how\s+(?:does|do|did|is)\s+(?:it|that|this)\s+)?"
    r"(?:compare[sd]?|comparing|vs\.?|versus|against)\b(?:\s+(?:it|that|this|them))?\s*(?:with|w/|w|to|against)?\s",
    re.I,
)

_COMPARE_WITH = re.compile(
    r"^\s*(?:and\s+|so\s+|now\s+)?(?:how\s+(?:does|do|did)\s+(?:it|that|this)\s+)?"
    r"(?:compare|compared|comparing|vs\.?|versus|against)\b(?:\s+(?:it|that|this))?"
    r"\s*(?:with|w/|w|to|against)?\s*(?:the\s+)?(?:19|20)\d\d\b",
    re.I,
)

_BARE_METRICS = {
    "growth": "cagr",
    "cagr": "cagr",
    "share": "share",
    "value": "market_size",
    "size": "market_size",
    "worth": "market_size",
    "revenue": "market_size",
    "dollar": "market_size",
    "price": "price",
    "cost": "price",
    "amount": "market_size",
}

_LEAD_VERB = re.compile(r"\blead(?:s|ing)?\b|\btop\b|\bmain\b|\bkey\b", re.I)

# 'and how many shipped': a question that names its own kind of figure
_OWN_MEASURE = re.compile(
    r"\b(?:how many|volume|units?|shipped|shipments?|sold|price|cost|count|number of|tonnes|tons)\b", re.I
)

# 'and the AI one': a point of the list named by a word of its own, and nothing else asked
_BARE_POINT = re.compile(
    r"^\s*(?:and|what about|how about|ok)?\s*the\s+[\w&'/-]+(?:\s+[\w&'/-]+){0,2}\s+one\s*\??\s*$", re.I
)

_SAME = re.compile(r"\b(?:same|again|also|too)\b", re.I)

# 'what about 9?', 'and 10': a bare number, read in the unit the question before used
_BARE_NUMBER = re.compile(r"^\s*(?:and|what about|how about|ok|so)?\s*(\d{1,4}(?:\.\d+)?)\s*\??\s*$", re.I)

_THAT_AND_YEAR = re.compile(
    r"\b(?:between|from)\s+(?:that|this|it)(?:\s+(?:same\s+)?year)?\s+(?:and|to|vs\.?)\s+(?:the\s+)?(?:19|20)\d\d\b"
    r"|\b(?:that|this)\s+(?:vs\.?|versus|against)\s+(?:the\s+)?(?:19|20)\d\d\b"
    # 'how much is that up from 24', 'and the $ gap to 2034': from or to the year just asked about
    r"|\b(?:that|this|it)\b.{0,20}?\b(?:up|down|more|less|higher|lower|bigger|smaller)\s+(?:from|than|on|vs\.?|over)"
    r"\s+(?:the\s+)?['’]?(?:(?:19|20)\d\d|\d\d)\b"
    r"|\b(?:gap|difference|change|growth|increase|rise|jump)\s+(?:to|until|till|through|thru)\s+(?:the\s+)?"
    r"['’]?(?:(?:19|20)\d\d|\d\d)\b",
    re.I,
)

_COMPARE_WITH_PREVIOUS = re.compile(
    r"^\s*(?:and\s+|so\s+|now\s+|ok\s+)?(?:how\s+(?:does|do|did)\s+(?:it|that|this)\s+)?"
    r"(?:compare|compared|comparing|vs\.?|versus|against)\b(?:\s+(?:it|that|this))?"
    r"\s*(?:with|to|against|w)?\s*(?:the\s+)?(?:last|previous|prior|preceding)\s+(?:year|yr)\b"
    r"|^\s*(?:and\s+)?(?:vs\.?|versus|compared to|against)\s+(?:the\s+)?year before\b",
    re.I,
)

# The rate of what was just ranked: 'at what rate?', 'how fast?', 'its cagr?' (not 'what's the cagr',
# which asks the market's)
_ITS_RATE = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:at\s+)?(?:what|which)\s+(?:rate|pace)\b|\bhow (?:fast|quickly)\b"
    r"|\b(?:its|their)\s+(?:cagr|rate|pace|growth)\b|^\s*(?:and\s+)?(?:cagr|rate|growth rate)\s*\??\s*$",
    re.I,
)

_MORE = re.compile(
    r"\b(tell me more|more (about|on|detail)|expand on|elaborate|explain (the|that|it))\b", re.I
)

_WHY_ASKED = re.compile(r"^\s*(?:and\s+|so\s+)?(?:why|how come)\b\s*\S", re.I)

# Answers that list names (players, news, segments, a ranking): 'the second one' after them is an
# item of the list, not a point of prose.
_NAME_LISTS = frozenset({Intent.DEVELOPMENTS, Intent.KEY_PLAYERS, Intent.SEGMENTATION, *RANKINGS})


def _asked_metric(question: str, decision: Decision) -> str:
    """The kind of figure a question about a region or segment asked: its rate, share or value."""
    if decision.slots.asks_share:
        return "share"
    if decision.slots.asks_growth or RATE_WORDS.search(question):
        return "cagr"
    return ""


def _news_quoted(answer: str, ctx: ReportContext) -> frozenset[int]:
    """The recent developments whose company the answer names."""
    return frozenset(
        i for i, company in enumerate(ctx.development_companies) if company and company in answer
    )


# an action asked of a company pointed at: its news, whatever year it names
_DID_SOMETHING = re.compile(
    r"\b(?:did|do|does|done|doing|announced?|launched?|happened|up\s+to|something|anything)\b", re.I
)


_AS_A_SHARE_OF = re.compile(
    r"\b(?:as\s+an?\s+(?:share|percent\w*|%|proportion|fraction)|in\s+(?:percent\w*|%)|percentage)\b", re.I
)
_SUM_OF_THEM = re.compile(
    r"\b(?:sum|total|add(?:ed)?\s+(?:them\s+)?up|cumulative|altogether|combined)\b", re.I
)
_ORDINAL_ONE = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?:one|year|value|figure)\b", re.I
)


def _after_a_year_list(question: str, slots: Slots, earlier: Decision) -> Decision | None:
    """After a year-by-year table: 'sum of those?' adds its years up, 'and the 2nd one again?' is
    that year's size, 'like 2020?' a year of its own (declined before the base, as a single year is)."""
    years = sorted(set(earlier.slots.years))
    if len(years) < 2:
        return None
    first, last = years[0], years[-1]
    if _SUM_OF_THEM.search(question) and not slots.years:
        return Decision(Intent.CUMULATIVE, replace(slots, years=[first, last]), CERTAIN_INTENT)
    if _ORDINAL_ONE.search(question) and not slots.years:
        picked = ordinal_pick(question, [str(year) for year in range(first, last + 1)])
        if picked is not None:
            return Decision(Intent.SIZE_IN_YEAR, replace(slots, years=[int(picked)]), CERTAIN_INTENT)
    own = [y for y in slots.years if y < first]
    if own and len(set(slots.years)) <= 2:
        # 'what was it before 2025, like 2020?': the year it names, as a single year is answered
        return Decision(Intent.SIZE_IN_YEAR, replace(slots, years=[min(own)]), CERTAIN_INTENT)
    return None


def follow_up(
    question: str,
    slots: Slots,
    top: IntentScore,
    history: Sequence[dict[str, str]],
    previous: str,
    ctx: ReportContext,
    decide: Decide,
    settled: bool = False,
) -> Decision:
    """A question that leans on the conversation: its own intent when it states one ('and the
    fastest growing segment?'), else the earlier question's; particulars it lacks come from before."""
    source = cited_source(question, history)
    if source:
        # 'who published it?' after a quoted study: the sentence naming who stated it, and when.
        return Decision(Intent.PASSAGE, slots, top.score, query=ctx.plain(source))
    earlier = decide(previous, before_last_question(history), ctx)
    if (
        earlier.intent is Intent.KEY_PLAYERS
        and _RANKED_BY_SHARE.search(question)
        and not slots.specific("region", "country", "segment")
    ):
        # 'who are the main cos and which one has the biggest mkt share': a ranking of those companies
        decision = Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT, query=ctx.plain(question))
        decision.asks_company_rank = True
        return decision
    ranked_question = previous
    if earlier.intent is Intent.SOURCE and earlier.earlier is not None:
        # 'source?' or 'why?' then 'and the other one?': what the source was asked of, in its words
        ranked_question = earlier.earlier_question or previous
        earlier = earlier.earlier
    if earlier.intent in SECTION_INTENTS and _BARE_ORDINAL.match(question) and has_ordinal(question):
        # 'drivers pls' then 'the second one?': that point of the list, with what the report says after it
        point = picked_point(question, None, history)
        if point:
            decision = Decision(
                Intent.PASSAGE, slots, 1.0, query=f"{ctx.plain(point[:300])} {ctx.plain(question)}"
            )
            decision.elaborate = True
            return decision
    if earlier.intent is Intent.GROWTH and _AS_A_SHARE_OF.search(question) and not slots.entities:
        # 'diff between those two?' then 'and as a share of the 2025 value?': the change in percent,
        # which the same two years' answer states
        years = sorted(set(earlier.slots.years))
        if len(years) >= 2 and (not slots.years or set(slots.years) <= set(years)):
            return Decision(Intent.GROWTH, replace(slots, years=[years[0], years[-1]]), CERTAIN_INTENT)
    if earlier.intent in (Intent.TABLE, Intent.CUMULATIVE) and not slots.entities:
        of_the_list = _after_a_year_list(question, slots, earlier)
        if of_the_list is not None:
            return of_the_list
    if WHY_GROWING.match(question) and not slots.specific("company"):
        # 'oncology is the fastest grower' then "what's pushing that": what drives that part (or the market)
        parts = (
            slots.specific("region", "country", "segment")
            or earlier.slots.specific("region", "country", "segment")
            # 'fastest growing region?' then "what's behind that": the one the answer named
            or (entities_in_last_answer(history, ctx.vocabulary)[:1] if earlier.intent in RANKINGS else [])
        )
        return Decision(
            Intent.DRIVERS,
            replace(slots, entities=parts),
            1.0,
            # (the market's own drivers are asked in the question's words alone)
            query=f"{earlier.query} {ctx.plain(question)}" if parts else ctx.plain(question),
        )
    if earlier.intent is Intent.WHAT_IF and slots.percents and _SAME.search(question):
        # 'say NA is half of that' then 'same half of the 2031 number?': the supposition again, that year
        carried = replace(
            slots,
            entities=slots.entities or earlier.slots.entities,
            years=slots.years or earlier.slots.years,
        )
        return Decision(Intent.WHAT_IF, carried, 1.0, query=ctx.plain(question))
    if earlier.intent is Intent.COMPARE_EARLIER and slots.percents and BARE_RATE.match(question):
        # 'if it were 7% whats 2031', 'how far above the forecast is that', then 'and at 3%?': the
        # what-if again at the new rate
        before = before_last_question(history)
        if (prior := previous_question(before)) is not None:
            what_if = decide(prior, before_last_question(before), ctx)
            if what_if.intent is Intent.WHAT_IF:
                return Decision(
                    Intent.WHAT_IF, replace(slots, years=what_if.slots.years), 1.0, query=question
                )
    quoted_news = _news_quoted(last_answer(history), ctx) if earlier.mentions else frozenset()
    if quoted_news and WHO_OR_WHEN.search(question):
        # 'anything about AI?' quoted a launch; 'which company, and when was it': that development
        decision = Decision(Intent.DEVELOPMENTS, slots, 1.0, query=ctx.plain(question))
        decision.news, decision.asks_when = quoted_news, asks_when(question)
        return decision
    keyword = any(intent is top.intent and pattern.search(question) for intent, pattern in KEYWORDS)
    own = (
        settled
        or keyword
        or (top.score >= STRONG_INTENT and has_subject(question))
        # 'also which trial phases do they break it out by': a list of the report's own, whatever 'it'
        # is, unless 'it' is a company's news ('what therapy areas does the new site cover?')
        or (
            top.intent is Intent.SEGMENTATION
            and names_dimension(question, ctx)
            and earlier.intent not in (Intent.DEVELOPMENTS, Intent.KEY_PLAYERS)
        )
        # after an overview ('what's this report about?'), 'how big is it' asks of the market itself
        or earlier.intent is Intent.OVERVIEW
        # 'what market does it cover' then 'how big is it?': the market's size, not more of the definition
        or (earlier.intent is Intent.DEFINITION and bool(_HOW_BIG.search(question)))
        # 'the us market's worth' then 'how many bottles were sold there': a count, not that figure again
        or (earlier.intent in _FIGURE_INTENTS and bool(_COUNTS_THINGS.search(question)))
    )
    intent = refine(top.intent, slots) if own else earlier.intent
    if own and _COUNTS_THINGS.search(question) and top.score < STRONG_INTENT and not settled:
        intent = Intent.PASSAGE  # a count the prose may state, near a figure's wording only
    if intent is Intent.KEY_PLAYERS and DID_WHAT.search(question):
        intent = Intent.DEVELOPMENTS  # 'which of them are in the news' then 'what did that company do?'
    if not own and (
        (earlier.intent is Intent.SEGMENTATION and LEADER_WORDS.search(question))
        or (earlier.intent in RANKINGS and BARE_RANKING.match(question))
        # 'biggest region?', 'and its share?', then 'the smallest one?': a ranking again
        or (bool(SAYS_ONE.search(question) and _RANKED_ONE.search(question)) and not slots.entities)
    ):
        # 'which product types' then 'which ones biggest': a ranking of that list
        intent = Intent.FASTEST_SEGMENT if FASTEST_WORDS.search(question) else Intent.LARGEST_REGION
    when = asks_when(question) and not has_subject(question)
    if (
        not own
        and slots.years
        and intent not in _SERIES_INTENTS
        and not when
        and intent is not Intent.DEVELOPMENTS
    ):
        intent = Intent.SIZE_IN_YEAR  # 'which segment grows fastest?' then 'and in 2030?': the size that year
    if RATE_OFFSET.search(question):
        intent = Intent.WHAT_IF  # 'and if the rate were 3 pts higher, that same year?'
    bare_size = _BARE_NUMBER.match(question)
    if intent is Intent.THRESHOLD_YEAR and not slots.amounts and earlier.slots.amounts and bare_size:
        # 'first year mkt tops 8.5bn' then 'what about 9?': that size, in the unit asked before
        slots = replace(slots, amounts=[replace(earlier.slots.amounts[0], value=float(bare_size.group(1)))])
    if not own and intent is Intent.THRESHOLD_YEAR and len(set(slots.years)) == 1 and not slots.amounts:
        intent = Intent.SIZE_IN_YEAR  # 'when does it pass 10bn' then 'what's 2033 exactly then'
    if not own and earlier.intent is Intent.WHAT_IF and not slots.percents:
        intent = Intent.SIZE_IN_YEAR  # 'and at the report's own rate?'
    if intent is Intent.CAGR and len(set(slots.years)) == 1 and RATE_HOLDS.search(question):
        intent = Intent.SIZE_IN_YEAR  # 'compound that to 2030 at the report's cagr': the size then
    more_on = bool(_MORE.search(question)) and earlier.intent in SECTION_INTENTS
    news_pointer = earlier.intent is Intent.DEVELOPMENTS and bool(POINTER.match(question))
    if news_pointer:
        intent = Intent.DEVELOPMENTS  # 'the chile one - where n how big': a development of that list
    # 'who's it supplying' after one of the news: still that news, not a figure of a place it names
    about_news = intent is Intent.DEVELOPMENTS and earlier.intent is Intent.DEVELOPMENTS
    if more_on:
        intent = Intent.PASSAGE  # 'tell me more about the first': that point, and what follows it
    # 'more on the first one' then 'what numbers do they give for it': that point still
    pointable = (
        earlier.intent in SECTION_INTENTS
        or earlier.figure_near_point
        or earlier.elaborate
        # 'and the ai one - what % prioritise it' a few turns after the figure of another point; 'and
        # the AI one' alone, too
        or bool((STATS.search(question) or _BARE_POINT.match(question)) and figure_pointed_before(history))
    )
    named_point = NAMED_POINT.search(ctx.as_typed(question)) if pointable else None
    # 'ok and the zips/buttons thing, what's the issue' a turn after a list of points: that point
    loose_point = (
        None if pointable or earlier.intent in _NAME_LISTS else NAMED_POINT.search(ctx.as_typed(question))
    )
    if loose_point and not picked_point(question, ctx.expand(loose_point.group(0)), history):
        loose_point = None
    stats_on = (
        bool(named_point and STATS.search(question))
        or not own
        and (
            (bool(STATS.search(question)) and (intent in SECTION_INTENTS or earlier.elaborate))
            # 'what figure does it give for the first one?' then 'and the second' (or 'and the dct
            # one'): the next point's figure
            or (earlier.figure_near_point and (has_ordinal(question) or named_point is not None))
        )
        or bool(named_point and _BARE_POINT.match(question) and figure_pointed_before(history))
    )
    if stats_on:
        intent = Intent.PASSAGE  # 'any stats on that?' after the drivers: a figure from that part
    if not own and intent is Intent.DEFINITION and _WHY_ASKED.match(question):
        intent = Intent.PASSAGE  # 'what do they do?' then 'why are sponsors hiring them?': the reason
    if (
        not own
        and _WHY_ASKED.match(question)
        and intent in (Intent.STATED_FIGURE, Intent.CAGR, *SIZE_INTENTS)
        # ('why that number?' after the market's size asks what it rests on)
        and earlier.slots.specific("region", "country", "segment")
    ):
        intent = Intent.DRIVERS  # 'its growth rate?' then 'why's demand strong there': what drives it
    years = (
        slots.years
        or relative_years(question, earlier.slots.years)
        or that_year(question, history)
        # 'and 2029?' then 'what if it were 8% a year instead': the year just discussed, at that rate
        or ([] if own and intent is not Intent.WHAT_IF else earlier.slots.years)
    )
    if len(set(slots.years)) == 1 and THAT_YEAR.search(question):
        # 'first year it tops 9bn' then 'avg yearly gain from 2025 up to that yr': from one to the other
        years = sorted({*slots.years, *that_year(question, history)})
    if (
        THAT_YEAR.search(question)
        and len(set(years)) == 1
        and intent in DERIVED_INTENTS
        and not slots.percents
        and not RATE_OFFSET.search(question)
    ):
        intent = Intent.SIZE_IN_YEAR  # 'when does it pass 8bn?' then 'how much would it be in that year'
    last_year = earlier.slots.years[-1:] or first_year(last_answer(history))
    if (
        (_COMPARE_WITH.match(question) or _THAT_AND_YEAR.search(question))
        and len(set(slots.years)) == 1
        and last_year
    ):
        # 'size in 2031?' then 'compare with 2026': the change between the two years
        years = sorted({*last_year, *slots.years})
        intent = Intent.GROWTH if len(years) == 2 else intent
    elif _COMPARE_WITH_PREVIOUS.match(question) and not slots.years and last_year:
        # 'whats the 2025 number' then 'compare with last year': the change from the year before
        years = [last_year[0] - 1, last_year[0]]
        intent = Intent.GROWTH
    percents = slots.percents
    assumed_rate = False
    said_before = earlier.slots.percents or (_users_rate(history) if THAT_RATE.search(question) else [])
    if not percents and THAT_RATE.search(question) and said_before:
        # 'and 2031 at that rate?' after a what-if: the rate the user assumed before ('when does it
        # cross 12bn at that rate?' asks the year at that rate); 'and with my number?' a few turns on
        percents, assumed_rate = said_before, True
        intent = intent if intent is Intent.THRESHOLD_YEAR and slots.amounts else Intent.WHAT_IF
    # 'what about 2030 if it grows at that rate': one year's size at a rate, not a change between years
    projecting = len(set(slots.years)) == 1 and bool(RATE_HOLDS.search(question))
    if (
        intent is Intent.CAGR
        and len(set(slots.years)) == 1
        and refers_back(question)
        and len(set(earlier.slots.years)) == 1
        and earlier.slots.years[0] != slots.years[0]
    ):
        # '2020 number' then 'what growth rate does that imply thru 2024?': the rate between the two years
        years = sorted({earlier.slots.years[0], slots.years[0]})
    if (
        earlier.intent in (Intent.GROWTH, Intent.COMPARE_EARLIER)
        and ASKS_RATE.search(question)
        and not slots.years
        and len(last_two_years(history)) == 2
    ):
        intent = Intent.CAGR  # 'what annual rate does that work out to' after the change between two years
        years = last_two_years(history)  # ('as a cagr?': between those two years)
    if not own and slots.asks_growth and intent in SIZE_INTENTS and not projecting:
        intent = Intent.GROWTH  # 'difference?' after two sizes
    if (
        not own
        and intent in TWO_YEAR_INTENTS
        and len(set(slots.years)) == 1
        and not refers_to_two_years(question)
        and not slots.asks_growth
        and not _COMPARE_WITH.match(question)
        and not _THAT_AND_YEAR.search(question)
    ):
        intent = Intent.SIZE_IN_YEAR  # '% growth 2026-2027?' then 'ok and 2030?': that year's size
    elif refers_to_two_years(question) or (intent in TWO_YEAR_INTENTS and len(set(years)) < 2):
        # 'when does it clear 8bn', 'and 9bn?', then 'those two years': the years the answers gave
        answered = given_years(history) if earlier.intent is Intent.THRESHOLD_YEAR else []
        years = (answered if len(answered) == 2 else []) or last_two_years(history) or years
        if intent in SIZE_INTENTS and len(years) == 2 and not own:
            intent = Intent.GROWTH  # 'and the change between them?'
    if intent is Intent.YEAR_SPAN and len(set(years)) + len(slots.year_refs) < 2:
        years = given_years(history) or years  # 'how many years between those' after two dated answers
    compared: tuple[GivenFigure, ...] = ()
    if SUM_OF_TWO.search(question) and not slots.years:
        # 'sum those two' after two sizes: the figures the last two answers led with
        # ('ratio of those two years' then 'and the sum of them?': the two sizes that answer compared)
        compared_sizes = sizes_compared(history) if earlier.intent in (Intent.RATIO, Intent.GROWTH) else []
        figures = compared_sizes or given_figures(history)
        if len(figures) == 2:
            intent, compared = Intent.COMPARE_EARLIER, tuple(figures)
    elif (
        (_MORE_THAN.search(question) and not slots.years)
        or (earlier.intent is Intent.WHAT_IF and slots.points_at_two)
        # 'so how many x is that' after a statistic of two rates ('1.9% compared to 0.5%')
        or (
            TIMES_AS.search(question)
            and not slots.years
            and refers_back(question)
            and not refers_to_two_years(question)  # 'ratio of the sizes in those two years': of years
            # (sizes of years are compared by the ratio of those years; two rates have no years)
            and all(f.unit == "percent" for f in figures_of_last_answer(history))
        )
    ):
        # 'how much more is that than the report's number?', 'gap between those two 2029 numbers'
        # after a what-if: the two figures the last answer gave
        figures = figures_of_last_answer(history)
        if len(figures) == 2:
            intent, compared = Intent.COMPARE_EARLIER, tuple(figures)
    elif intent is Intent.GROWTH and slots.points_at_two and len(set(years)) < 2:
        # 'difference between the two' when the two were not sizes of years the user named
        figures = given_figures(history)
        if len(figures) == 2 and figures[0].value != figures[1].value:
            intent, compared = Intent.COMPARE_EARLIER, tuple(figures)
    entities = slots.entities
    parts_before = earlier.slots.specific("region", "country", "segment")
    if (
        not slots.specific("region", "country", "segment")
        and parts_before
        and AGAINST_GLOBAL.search(question)
        and (slots.asks_growth or RATE_WORDS.search(question))
    ):
        # 'apac cagr' then 'how does the growth compare w/ global?': its rate against the market's (of
        # the region the conversation is about, before the countries it named)
        subject = [e for e in parts_before if e.kind == "region"][:1] or parts_before[:1]
        carried = replace(slots, entities=subject, years=[])
        decision = Decision(
            Intent.STATED_FIGURE, carried, 1.0, query=f"{earlier.query} {ctx.plain(question)}"
        )
        decision.metric = "cagr"
        return decision
    bare = BARE_METRIC.match(question)
    if bare and not slots.entities and parts_before and earlier.intent is not Intent.DEVELOPMENTS:
        # 'scalp treatment bars - share?' then 'growth?' or '$ value in 24': that part's own figure
        carried = replace(slots, entities=list(parts_before), years=slots.years)
        decision = Decision(
            Intent.STATED_FIGURE, carried, 1.0, query=f"{earlier.query} {ctx.plain(question)}"
        )
        decision.metric = (
            _BARE_METRICS[bare.group("metric").lower().split()[0].strip("$")]
            if bare.group("metric")
            else "market_size"
        )
        if decision.metric == "market_size":
            decision.slots = replace(carried, asks_money=True)
        return decision
    compared_part = bool(
        _COMPARE_PART.match(question) and slots.specific("region", "country", "segment") and parts_before
    )
    if compared_part:
        entities = [*(e for e in parts_before if e not in entities), *entities]
    listed = ordinal_item(question, history, ctx.vocabulary)
    named_item = ""
    if listed and listed in ctx.listed_dimensions:
        intent, named_item = Intent.SEGMENTATION, listed  # 'list whats in the 2nd one': that list
    elif listed:
        entities = [e for e in match_entities(listed, ctx.vocabulary) if not e.in_market_name] or entities
        if _BARE_ORDINAL.match(question) and earlier.intent in (Intent.KEY_PLAYERS, Intent.SEGMENTATION):
            named_item = listed  # 'whats the 5th one': which player (or segment) that is
        elif not own and intent is Intent.KEY_PLAYERS:
            intent = Intent.DEVELOPMENTS  # 'what did the second one announce?'
        elif (
            any(e.kind == "company" for e in entities)
            and _DID_SOMETHING.search(question)
            and not (slots.asks_money or slots.asks_share)
        ):
            intent = Intent.DEVELOPMENTS  # 'the first one did something in 2024 right? what was it'
    # 'what did they do' after companies were named: those companies (not the report's authors)
    of_companies = bool(SAYS_THEY.search(question)) and earlier.intent in (
        Intent.KEY_PLAYERS,
        Intent.DEVELOPMENTS,
    )
    regions_before = earlier.slots.specific("region")
    if (
        not entities
        and COUNTRIES_ASKED.search(question)
        and len(regions_before) == 1
        and not ANY_COUNTRY.search(question)
    ):
        entities = list(regions_before)  # 'apac share' then 'which countries lead': those of Asia Pacific
        if LARGEST_WORDS.search(question) or _LEAD_VERB.search(question):
            intent = Intent.LARGEST_REGION
    if not entities and (refers_back(question) or of_companies) and earlier.intent is not Intent.OVERVIEW:
        # after an overview of the market, 'it' is the market, not a region the overview named
        entities = entities_in_last_answer(history, ctx.vocabulary) or earlier.slots.entities
    ranked_last = earlier.intent in RANKINGS
    if not entities and ranked_last and _ITS_RATE.search(question):
        # 'at what rate?' after 'Asia Pacific is the fastest-growing region': that region's rate
        entities = entities_in_last_answer(history, ctx.vocabulary)[:1]
    of_development = (
        earlier.intent is Intent.DEVELOPMENTS
        and intent is Intent.STATED_FIGURE
        and not slots.specific("region", "country", "segment")
    )
    if of_development:
        # 'price?' or 'how many units?' after a launch: the figure that development states
        intent, entities = Intent.DEVELOPMENTS, entities or earlier.slots.entities
    # 'whats the global number for 2031': the whole market, whatever was named before
    whole_market = bool(_WHOLE_MARKET.search(question)) and not slots.entities
    merged = replace(
        slots,
        years=years,
        percents=percents,
        unit=slots.unit or earlier.slots.unit,
        # 'so europe's value in 2034?' then 'compare that w apac in 2034': a value again
        # ('what's NA worth' then 'north america share?': a share, not a value; 'and in 2030 at its
        # own cagr?': a value still)
        asks_money=slots.asks_money
        or (projecting and not slots.asks_share)
        or (
            not own
            and not about_news  # 'who's it supplying' after 'the chile one - how big': no figure now
            and not slots.asks_share
            and not RATE_WORDS.search(question)
            and earlier.slots.asks_money
        ),
        entities=entities or ([] if own or whole_market else earlier.slots.entities),
        asks_share=slots.asks_share or (compared_part and earlier.slots.asks_share),
    )
    if intent in SIZE_INTENTS and merged.years:
        intent = Intent.SIZE_IN_YEAR
    query = ctx.plain(question) if own else f"{earlier.query} {ctx.plain(question)}"
    if stats_on or more_on or (loose_point and intent is Intent.PASSAGE):
        # Near what was just said ('the second one': that point of the list).
        named_point = named_point or loose_point
        phrase = ctx.expand(named_point.group(0)) if named_point else None
        # 'the complexity stat from the overview': a point the last list does not hold is looked for
        point = picked_point(question, phrase, history) or ("" if named_point else last_answer(history))
        query = f"{ctx.plain(point[:300])} {ctx.plain(question)}".strip()
    if ranked_last and merged.specific("region", "country", "segment") and ASKS_RATE.search(question):
        # the page's quantity table holds the rate of what the ranking answer named
        fallback = unanswerable(Intent.CAGR, merged)
        return Decision(Intent.STATED_FIGURE, merged, top.score, query=f"cagr {query}", fallback=fallback)
    if (
        not own
        and earlier.intent in RANKINGS
        and slots.specific("region", "country", "segment")
        and len(question.split()) <= 5
    ):
        # 'which region is biggest' then 'and europe?': the figure the ranking is by, of that one
        metric = "cagr" if earlier.intent is Intent.FASTEST_SEGMENT else "share"
        if slots.asks_share or ASKS_RATE.search(question):  # "NA's share" names its own figure
            metric = "share" if slots.asks_share else "cagr"
        decision = Decision(Intent.STATED_FIGURE, merged, top.score, query=query)
        decision.metric = metric
        return decision
    own_figure = (
        slots.asks_share
        or merged.asks_money
        or bool(ASKS_RATE.search(question))
        # 'cloud share? and its growth?': its own rate ('which of those grows fastest' ranks them)
        or (slots.asks_growth and not slots.years and not FASTEST_WORDS.search(question))
        # 'whats the US number on its own': a figure of the place the question names
        or bool(slots.specific("region", "country", "segment") and _FIGURE_WORD.search(question))
        # 'jaw plates?', 'its growth?', then 'so what would it be by 2031?': that part's size that year
        or bool(intent in SIZE_INTENTS and slots.years and merged.specific("region", "country", "segment"))
    )
    # 'anything recent in australia?' then 'how much?': the figure of that news, not of the place
    of_news = (
        earlier.intent is Intent.DEVELOPMENTS
        and not slots.specific("region", "country", "segment")
        and not slots.years  # 'what's its size in 2031' asks of the place again
        and not SIZE_ASKED.search(question)
        # 'that tech segment's cagr?' after a funding round: the rate of the segment it pointed at
        and not (ASKS_RATE.search(question) and merged.specific("region", "country", "segment"))
    )
    if (
        # ('that tech segment's cagr?': a rate asked of a part is its own, whatever the keyword)
        (not settled or (intent is Intent.CAGR and not merged.years))
        and own_figure
        and not news_pointer
        and not of_news
        and intent is not Intent.STATED_FIGURE
        and (parts := merged.specific("region", "country", "segment"))
        # (a company the conversation named before is no part: 'that tech segment's cagr?' after its news)
        and (
            table_may_hold(intent, replace(merged, entities=parts), question) or _FIGURE_WORD.search(question)
        )
    ):
        merged = replace(merged, entities=parts) if ASKS_RATE.search(question) else merged
        # 'since asia pacific is the biggest region, what share does it have?': its own figure
        fallback = unanswerable(intent, merged)
        return Decision(Intent.STATED_FIGURE, merged, top.score, query=query, fallback=fallback)
    reason = None if news_pointer else unanswerable(intent, merged)
    if reason and of_news and intent is Intent.DEVELOPMENTS:
        reason, fallback = None, reason  # 'how much?' after the news of a place: what that news states
    elif (
        reason and asks_deal_figure(question, merged) and intent in (Intent.DEVELOPMENTS, Intent.KEY_PLAYERS)
    ):
        # 'for how much?' after a company's acquisition: its developments may say; decline if not
        intent, reason, fallback = Intent.DEVELOPMENTS, None, reason
    elif intent is Intent.STATED_FIGURE:
        # 'whats that in usd' after a region's share: the table, or its share of the size, may give it
        reason, fallback = None, reason
    else:
        fallback = None
    decision = Decision(intent, merged, top.score, reason, query=query, fallback=fallback)
    if (
        intent is Intent.STATED_FIGURE
        and earlier.intent is Intent.STATED_FIGURE
        and not (own_figure or slots.years or _FIGURE_WORD.search(question) or _OWN_MEASURE.search(question))
    ):
        # 'uk growth outlook' then 'and europe overall?': the kind of figure asked before, of this one
        decision.metric = earlier.metric or _asked_metric(previous, earlier)
    decision.asks_when = when
    decision.elaborate = more_on
    decision.figure_near_point = stats_on
    decision.compared = compared
    if named_item:
        decision.intent, decision.item = earlier.intent, named_item
    decision.assumed_rate = assumed_rate
    if of_development or intent is Intent.DEVELOPMENTS:
        # 'which of those was an acquisition': the news it points at, else the news pointed at before
        decision.news = (ctx.news_in(question) if not MARKET_NOUN.search(question) else frozenset()) or (
            earlier.news if of_development or not own else frozenset()
        )
        if about_news and not listed and not slots.entities:
            # 'where'd they first sell it' after 'the oct 2024 one': the date that picked it still picks it
            decision.earlier_question = f"{earlier.earlier_question} {previous}".strip()
        elif listed:
            decision.earlier_question = listed  # 'the last one': that entry of the list, by its date
    if (
        intent in RANKINGS
        and earlier.intent in RANKINGS
        and (SAYS_ONE.search(question) or not NAMES_A_KIND.search(question))
    ):
        # 'which region leads?' then 'and the fastest growing one?'; what the one before ranked, too
        decision.scope_from = f"{earlier.scope_from} {ranked_question}".strip()
    elif intent in RANKINGS and earlier.intent is Intent.SEGMENTATION and not NAMES_A_KIND.search(question):
        decision.scope_from = previous  # 'what product types does it track' then 'which ones biggest'
    elif (
        intent in RANKINGS
        and not NAMES_A_KIND.search(question)
        and not names_dimension(question, ctx)
        and not ANY_COUNTRY.search(question)  # 'which one leads overall': of the whole market
    ):
        # 'biggest region?', 'its cagr?', then 'the fastest growing one?': the kind last named
        decision.scope_from = _kind_named_before(history, ctx)
    return decision


def _kind_named_before(history: Sequence[dict[str, str]], ctx: ReportContext) -> str:
    """The latest of the user's recent questions that names a kind of part ('which region leads')."""
    asked = [t.get("content", "") for t in history if t.get("role") == "user"]
    return next(
        (q for q in reversed(asked[-_LOOK_BACK:]) if NAMES_A_KIND.search(q) or names_dimension(q, ctx)), ""
    )


_LOOK_BACK = 4  # questions: further back, 'the fastest growing one' no longer leans on them


def _users_rate(history: Sequence[dict[str, str]]) -> list[float]:
    """The last growth rate the user named in the conversation ('this mkt grows around 6.5% a year')."""
    for turn in reversed(history):
        if turn.get("role") == "user" and (said := _RATE_SAID.findall(turn.get("content", ""))):
            return [float(said[-1])]
    return []


_RATE_SAID = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent|pct)")
