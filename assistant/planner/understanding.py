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
    picked_point,
    refers_back,
    refers_to_two_years,
    relative_years,
    sizes_compared,
    that_year,
)
from assistant.planner.forms import (
    ANYTHING_NEW,
    ASKS_TIME,
    AT_REPORTS_RATE,
    BARE_RATE,
    COUNT_OF_THINGS,
    COUNTRIES_OF,
    DID_WHAT,
    FACILITY,
    LARGEST_WORDS,
    PANDEMIC_HIT,
    PER_UNIT,
    PER_YEAR,
    PERCENT_CHANGE,
    RATE_CHECK,
    RATE_OFFSET,
    RATE_TO_MULTIPLY,
    SIZE_ASKED,
    WHO_OR_WHEN,
    YEAR_NUMBER,
    asks_concentration,
    pandemic_years,
)
from assistant.planner.intents import DERIVED_INTENTS, NUMERIC_INTENTS, RANKINGS, SIZE_INTENTS, Intent
from assistant.planner.limits import (
    BARE,
    POINT_INTENTS,
    RATE_WORDS,
    asks_deal_figure,
    table_may_hold,
    unanswerable,
)
from assistant.planner.lookups import (
    RELEASE_WORDS,
    asks_based,
    asks_definition,
    asks_exclusions,
    asks_player_membership,
    asks_players_from,
    asks_players_in_news,
    asks_publisher,
    asks_release,
    country_asked,
    counts_companies,
    described_name,
    mentioned_topic,
)
from assistant.planner.registry import KEYWORDS, settled_intent
from assistant.planner.scope import foreign_terms, other_market, other_segment
from assistant.planner.slots import (
    COMPANY_NOUNS,
    MARKET_NOUN,
    TIMES_AS,
    TOP_FEW,
    YEAR_ON_YEAR,
    Slots,
    asks_change,
    extract,
    match_entities,
    normalise,
)
from assistant.text.tokens import stems
from assistant.text.topics import topic_words

# Below this similarity to every intent example, no headline intent is meant: the question is
# answered from the prose, or declined when the prose holds nothing near it.
WEAK_INTENT = 0.55
# A follow-up this close to an intent's examples asks its own question ('and which segment grows fastest').
STRONG_INTENT = 0.7
# Above this the wording is one of the examples, whatever words it adds.
CERTAIN_INTENT = 0.85


# Intents that read the market's size series; a follow-up giving only a year keeps them.
_SERIES_INTENTS = SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE} | DERIVED_INTENTS
_SECTION_INTENTS = frozenset({Intent.DRIVERS, Intent.CHALLENGES, Intent.TRENDS, Intent.DEFINITION})
# Words that ask who stands behind the report: without one, nearness to 'who published it' misleads.
_ASKS_WHO = re.compile(
    r"\b(publish\w*|author\w*|wrote|written|who|whose|firm|source|by whom|released by|issued by|behind)\b",
    re.I,
)
# A figure as typed ('26%', '180 billion', '560,000'): the digits a sentence stating it holds.
_FIGURE_TYPED = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR_ONLY = re.compile(r"(19|20)\d\d")
# 'is that 62% about smos specifically?': a question about what a figure just quoted measures
_ABOUT_THAT_FIGURE = re.compile(
    r"\s*(?:so\s+|and\s+)?(?:is|was|does|did)\s+(?:that|this|the)\s+[\d.]+\s?%", re.I
)
# Where a figure comes from: its source, who found it, where the report says it.
_ASKS_ORIGIN = re.compile(
    r"\b(source|sourced|come from|comes from|who (says|said|reported|found|published)|according to whom"
    r"|whose (data|figure|stat|number|survey|study)|where (does|did|do) (it|the report|they) (say|get)"
    r"|put (it|that|this) out|who (put|released|issued|ran|did|measured)"
    r"|where(?:'s|’s| is| was| does| did)? (?:that|it|this)(?: \w+)? from)\b",
    re.I,
)
_WHY_GROWING = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+|ok\s+)?(?:why|how come|what makes)\b[^?]*?"
    r"\b(grow\w*|expand\w*|ris(e|es|ing)|increas\w*|boom\w*|tak(e|es|ing) off)\b"
    # "what's pushing that", 'what is driving it'
    r"|^\s*(?:and\s+|so\s+|ok\s+)?what(?:'s|s| is)\s+(?:pushing|driving|fu?ell?ing|propelling|behind)\s+"
    r"(?:that|it|this|them|those)\s*\??\s*$",
    re.I,
)
_ANNUAL_RATE = re.compile(r"\b(?:impl(?:y|ies|ied)|annual(?:i[sz]ed)?\s+growth|c\.?a\.?g\.?r)\b", re.I)
# Words that say what kind of thing a ranking ranks ('which region', 'what end use'): without one, a
# ranking asked right after a list ranks that list.
NAMES_A_KIND = re.compile(
    r"\b(?:regions?|regional|geograph\w*|countr\w*|continents?|segments?|types?|applications?|products?"
    r"|end[- ]?users?|end[- ]uses?|categor\w*|services?|phases?|areas?|companies|players|firms)\b",
    re.I,
)
_FASTEST_WORDS = re.compile(r"\b(?:fast\w*|quick\w*|grow\w*|rapid\w*)\b", re.I)
_FIGURE_WORD = re.compile(r"\b(?:number|figure|size|value|worth|revenue|sales)\b", re.I)
_IN_THE_NEWS = re.compile(
    r"\b(?:recent\s+)?(?:developments|news|announcements|deals)\b"
    # 'did any of the companies move into that area recently': what they did, not who they are
    r"|\b(?:move[sd]?|moving|expand(?:ed|ing)?|enter(?:ed|ing)?|invest(?:ed|ing)?|push(?:ed)?)\s+into\b"
    r"|\b(?:recently|lately)\b",
    re.I,
)
_SPLIT_ASK = re.compile(r"\b(?:shares|split|splits|breakdown|broken down)\b", re.I)
_RANKING_INTENTS = (Intent.LARGEST_REGION, Intent.FASTEST_SEGMENT, Intent.STATED_FIGURE)
_REGIONAL = re.compile(r"\b(?:regional|regions?|geographic\w*|countries)\b", re.I)
_BARE_ORDINAL = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:what'?s|whats|what is|who'?s|who is|which is|which'?s)?\s*(?:the\s+)?"
    # 'the 5th one', 'the last on the list', 'and the one after that'
    r"(?:\w+(?:\s+one)?|one\s+(?:after|before)\s+(?:that|it|this))"
    r"(?:\s+(?:on|in|of)\s+(?:the|that)\s+list)?\s*\??\s*$",
    re.I,
)
_OVER_WHAT_PERIOD = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:over|for|in|from)?\s*(?:what|which)\s+(?:period|years?|timeframe|time frame|dates?)\b"
    r"[^?]{0,30}\??\s*$|^\s*(?:and\s+)?(?:when was that|what year was that|since when)\s*\??\s*$",
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
_INSTEAD = re.compile(r"\binstead\b", re.I)
_RANKED_BY_SHARE = re.compile(
    r"\b(?:which|who|what)\b[^?]*\b(?:biggest|largest|top|highest|most|leading)\s+(?:mkt\s+|market\s+)?share\b"
    r"|\b(?:which|who)\b[^?]*\b(?:leads?|leader|biggest|largest|number one|no\.? ?1)\b",
    re.I,
)
# A question of question words alone: 'for how much and when', 'when and where?'
_ONLY_ASKS = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:for\s+)?(?:how much|when|where|who|why|how many|with whom|what for)"
    r"(?:\s*(?:,|and|&|\+)\s*(?:for\s+)?(?:how much|when|where|who|why|how many|with whom|what for))+\s*[?.!]*\s*$",
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
# 'gap between that and the 2033 forecast', 'that vs 2026': the year just discussed against another
# 'growth?', 'and its cagr', '$ value in 24', 'share in 2024?': a figure asked with no subject of its own
_BARE_METRIC = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?:(?P<metric>growth(?:\s+rate)?|cagr|share|value|size|worth|revenue|dollar\s+value|price|cost|amount)"
    r"|\$\s*value|\$|in\s+(?:\$|usd|dollars?)(?:\s+terms)?)"
    r"(?:\s+(?:in|for|by|of)\s+(?:'|’)?\d{2,4})?\s*[?.!]*\s*$",
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
# 'which single country is biggest', 'top country overall': every country, not the last region's
_ANY_COUNTRY = re.compile(r"\b(?:single|overall|globally|worldwide|in the world|of all|any)\b", re.I)
_LEAD_VERB = re.compile(r"\blead(?:s|ing)?\b|\btop\b|\bmain\b|\bkey\b", re.I)
_AGAINST_GLOBAL = re.compile(
    r"\b(?:vs\.?|versus|compared?|compare w/?|against|than|w/)\s+(?:the\s+)?(?:overall|whole|total|global|entire"
    r"|worldwide|market|mkt)\b",
    re.I,
)
_REASON_GIVEN = re.compile(
    r"\b(?:because|driven|due to|owing to|thanks to|supported by|fu?ell?ed by|as a result|on the back of)\b",
    re.I,
)
# 'why', 'why is it gaining', 'how come': why the one just ranked leads or grows
_WHY_OF_LEADER = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:why|how come)(?:\s+(?:is|are|does|do)\s+(?:it|that|they|this)"
    r"(?:\s+(?:one|segment|region))?(?:\s+[\w-]+){0,3})?\s*\??\s*$",
    re.I,
)
# 'and how many shipped': a question that names its own kind of figure
_OWN_MEASURE = re.compile(
    r"\b(?:how many|volume|units?|shipped|shipments?|sold|price|cost|count|number of|tonnes|tons)\b", re.I
)
# 'and the AI one': a point of the list named by a word of its own, and nothing else asked
_BARE_POINT = re.compile(
    r"^\s*(?:and|what about|how about|ok)?\s*the\s+[\w&'/-]+(?:\s+[\w&'/-]+){0,2}\s+one\s*\??\s*$", re.I
)
_SAME = re.compile(r"\b(?:same|again|also|too)\b", re.I)
_BARE_CHANGE = re.compile(
    r"^\s*(?:so|and|ok|then)?\s*(?:the|what(?:'s|s| is| was)?)?\s*(?:yoy|year over year|annual|%|percent(?:age)?)?\s*"
    r"(?:growth|change|increase|gain|difference|delta|jump|rise)(?:\s+(?:was|is|then|there|in %|in percent))?\s*\??\s*$",
    re.I,
)
# 'what about 9?', 'and 10': a bare number, read in the unit the question before used
_BARE_NUMBER = re.compile(r"^\s*(?:and|what about|how about|ok|so)?\s*(\d{1,4}(?:\.\d+)?)\s*\??\s*$", re.I)
_HOW_MUCH_MORE = re.compile(
    r"\bhow\s+much\s+(?:bigger|larger|higher|more|greater|smaller|lower)\b|\bminus\b|\bsubtract\w*|\btake\s+away\b",
    re.I,
)
_COUNTRIES_ASKED = re.compile(r"\b(?:which|what|top|leading|main|key)\s+(?:\w+\s+)?countr(?:y|ies)\b", re.I)
_NOW = re.compile(r"\b(?:now|today|currently|at present|at the moment|right now)\b", re.I)
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
_CONTROL = re.compile(r"\b(?:control\w*|concentrat\w*|consolidat\w*|fragment\w*)\b", re.I)
# 'ok and the largest?' after a ranking: the other ranking, asked bare
_BARE_RANKING = re.compile(
    r"^\s*(?:ok\s+|so\s+)?(?:and\s+|what about\s+)?(?:the\s+)?(?:(?:second|third|2nd|3rd|next)[- ]?)?"
    r"(?:largest|biggest|leading|fastest(?:[- ]growing)?|quickest|smallest|slowest)(?:\s+one)?"
    # ("and the slowest one's cagr?": the figure the ranking is by)
    r"(?:['’]?s?\s+(?:cagr|growth(?:\s+rate)?|rate|share))?\s*\??\s*$",
    re.I,
)
_AMOUNT_TOO = re.compile(r"\b(?:dollars?|usd|absolute|added|how much)\b|\$", re.I)
_COMPARE_WITH_PREVIOUS = re.compile(
    r"^\s*(?:and\s+|so\s+|now\s+|ok\s+)?(?:how\s+(?:does|do|did)\s+(?:it|that|this)\s+)?"
    r"(?:compare|compared|comparing|vs\.?|versus|against)\b(?:\s+(?:it|that|this))?"
    r"\s*(?:with|to|against|w)?\s*(?:the\s+)?(?:last|previous|prior|preceding)\s+(?:year|yr)\b"
    r"|^\s*(?:and\s+)?(?:vs\.?|versus|compared to|against)\s+(?:the\s+)?year before\b",
    re.I,
)
# 'the trial volume one - got numbers?': a point of the last list named by its words
_NAMED_POINT = re.compile(
    r"\bthe\s+[\w&'/-]+(?:\s+[\w&'/-]+){0,2}\s+(?:one|number|stat|statistic|figure|data point|thing|bit|issue|point)\b",
    re.I,
)
_WHICH = re.compile(r"\b(which|who|what region|what segment|leads?|leading|largest|biggest)\b", re.I)
_RATE_HOLDS = re.compile(
    r"\b(keeps?|kept|holds?|same|continues?|stays?|sustain\w*|unchanged|compound\w*)\b"
    r"|\bat (?:the report'?s|its|that|their|the stated|the given)(?: own)? (?:cagr|rate|growth rate|growth)\b",
    re.I,
)
_ASKS_RATE = re.compile(r"\b(rate|cagr|pace|how (fast|quickly))\b", re.I)
# The rate of what was just ranked: 'at what rate?', 'how fast?', 'its cagr?' (not 'what's the cagr',
# which asks the market's)
_ITS_RATE = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:at\s+)?(?:what|which)\s+(?:rate|pace)\b|\bhow (?:fast|quickly)\b"
    r"|\b(?:its|their)\s+(?:cagr|rate|pace|growth)\b|^\s*(?:and\s+)?(?:cagr|rate|growth rate)\s*\??\s*$",
    re.I,
)
_ONE = re.compile(r"\b(one|ones)\b", re.I)
# What a question naming a development's own name reads as, before that name settles it.
_NEWS_INTENTS = frozenset({Intent.DEVELOPMENTS, Intent.PASSAGE, Intent.KEY_PLAYERS, Intent.DEFINITION})
_MORE = re.compile(
    r"\b(tell me more|more (about|on|detail)|expand on|elaborate|explain (the|that|it))\b", re.I
)
_REASON_ASKED = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:why|how come|what'?s behind|what is behind|what explains|what'?s driving"
    r"|what is driving)\b",
    re.I,
)
_WHY_ASKED = re.compile(r"^\s*(?:and\s+|so\s+)?(?:why|how come)\b\s*\S", re.I)
_STATS = re.compile(r"\b(stats?|statistics?|numbers?|figures?|data|percent\w*|how (many|much))\b|%", re.I)
TWO_YEAR_INTENTS = frozenset({Intent.GROWTH, Intent.RATIO, Intent.AVERAGE_GAIN, Intent.CUMULATIVE})


# Answers that list names (players, news, segments, a ranking): 'the second one' after them is an
# item of the list, not a point of prose.
_NAME_LISTS = frozenset({Intent.DEVELOPMENTS, Intent.KEY_PLAYERS, Intent.SEGMENTATION, *RANKINGS})


def _news_of_players(question: str, first: IntentScore, second: IntentScore) -> bool:
    """Players and their news scored alike, and the question has a word of news: the news."""
    return (
        first.intent is Intent.KEY_PLAYERS
        and second.intent is Intent.DEVELOPMENTS
        and first.score - second.score < NEAR_TIE
        and any(intent is Intent.DEVELOPMENTS and pattern.search(question) for intent, pattern in KEYWORDS)
    )


NEAR_TIE = 0.05
_THEY = re.compile(r"\b(?:they|they'?ve|they'?re)\b", re.I)
MAX_POINTING_WORDS = 7  # 'which one grows fastest and why': short enough to lean on the list before
_RANKS = re.compile(r"\b(?:fastest|quickest|largest|biggest|smallest|slowest|leads?|leading|grows?)\b", re.I)


def _only_market_and_year(plain: str) -> bool:
    """Nothing but the market's name, a year and filler ('x market 2031?', 'x by 2030')."""
    words = re.findall(r"[a-z']+", re.sub(r"\b(19|20)\d\d\b", " ", plain.lower()))
    return all(w in BARE or w in _FIGURE_NOUNS for w in words)


_BASE_SIZE = re.compile(
    r"\b(?:base|current|latest)(?:[- ]year)?\s+(?:market\s+)?(?:size|value|figure)\b", re.I
)
_BARE_SIZE = re.compile(r"\b(size|worth|value|valuation|how big|how large)\b", re.I)
_FIGURE_NOUNS = frozenset(
    "number figure figures data estimate does do come comes out to be look looks like roughly approx "
    "approximately around get gets reach reaches hit land lands it been back would wouldve would've "
    "was were have had "
    # asked of the publisher or of the assistant: 'where do they see it landing by 2032', 'can you
    # give me a 2028 number'
    "landing end ending ends up see sees they them their where can could you me us give pls please so ok then "
    "rough ballpark a an "
    # 'and for 2025 specifically?'
    "specifically exactly precisely alone just only what's whats about".split()
)


# Verbs of listing: 'which phases does it cover', 'split by end user pls' still ask for the list.
_LISTING = frozenset(
    t[:6]
    for t in "cover covers covered include includes included offer offered split break show give list pls please plz".split()
)

_LEADER_WORDS = re.compile(
    r"\b(fastest|quickest|largest|biggest|lead|leads|leading|dominant|dominates|top|most)\b", re.I
)


def _names_dimension(question: str, ctx: ReportContext) -> bool:
    """The question names one of the dimensions the report lists segments for, as a list ('which
    phases', 'end users?', 'split by type'), not its leader."""
    if _LEADER_WORDS.search(question):
        return False
    asked = stems(question)
    return any(
        found and found <= asked for dim, found in ctx.dimension_stems.items() if dim in ctx.listed_dimensions
    )


_SECTION_NAMES = {
    Intent.DRIVERS: re.compile(r"\bdrivers?\b", re.I),
    Intent.CHALLENGES: re.compile(r"\b(challenges?|restraints?|headwinds?|barriers?)\b", re.I),
    Intent.TRENDS: re.compile(r"\b(trends?|opportunit\w*)\b", re.I),
}


def _named_section(question: str, top: IntentScore) -> Intent | None:
    """The part of the report a figure is asked from: the one the question names ('in the
    challenges bit'), else the drivers, challenges or trends the question reads as."""
    named = [intent for intent, pattern in _SECTION_NAMES.items() if pattern.search(question)]
    if len(named) == 1:
        return named[0]
    return top.intent if top.intent in POINT_INTENTS else None


def _leader_of_segments(question: str, ctx: ReportContext) -> Intent | None:
    """'which care setting leads?', 'fastest growing end user': the leader of a dimension other
    than the regions, ranked from the page's figures by the named-fact scripts."""
    if not _LEADER_WORDS.search(question):
        return None
    asked = stems(question)
    named = [dim for dim, found in ctx.segment_dimension_stems.items() if found and found <= asked]
    if not named:
        return None
    return (
        Intent.FASTEST_SEGMENT
        if re.search(r"\b(fastest|quickest)\b", question, re.I)
        else Intent.LARGEST_REGION
    )


def _in_dimension_names(term: str, ctx: ReportContext) -> bool:
    """A word of a segmentation dimension's name, in any number ('areas' for 'Therapeutic Area')."""
    return term in ctx.dimension_terms or stems(term) <= ctx.dimension_terms


_ORGANISATIONS = re.compile(
    r"\b(compan(y|ies)|organi[sz]ations?|firms?|players?|vendors?|manufacturers?)\b", re.I
)
_COMPANY_RANK = re.compile(
    r"\b(which|what|who)\b[^?]*\b(firm|company|player|vendor|provider|competitor|brand)\b[^?]*"
    r"(?:\b(?:biggest|largest|leading|top|dominant|leads|dominates|number one|no\.? ?1|market leader|most share)\b|#\s?1\b)"
    r"|\b(biggest|largest|leading|top|dominant)\s+(firm|company|player|vendor|provider|competitor|brand)\b"
    # 'who leads the market?': 'who' asks for a company, never a region
    r"|^\s*(?:so\s+|and\s+)?who\s+(?:leads|dominates|is\s+(?:the\s+)?(?:market\s+)?leader|is\s+(?:the\s+)?"
    r"(?:biggest|largest|top|number one))\b(?![^?]*\b(?:region\w*|geograph\w*|countr\w*|segment\w*))"
    # "who's #1"
    r"|^\s*(?:so\s+|and\s+)?who(?:'s|’s|s|\s+is)\s+(?:the\s+)?(?:#\s?1|no\.?\s?1|number\s+one)\b"
    r"(?![^?]*\b(?:region\w*|geograph\w*|countr\w*|segment\w*))",
    re.I,
)


def decide(question: str, history: Sequence[dict[str, str]], ctx: ReportContext) -> Decision:
    """Classify the question, resolving follow-ups such as 'and in 2030?' from the conversation."""
    typed = ctx.as_typed(normalise(ctx.without_source(question)))
    question = ctx.expand(typed)
    slots = extract(question, ctx.vocabulary)
    if slots.injection:
        # Read only the question the message ends with; the text before it tries to set figures.
        question, typed = _last_question(question), _last_question(typed)
        slots = replace(extract(question, ctx.vocabulary), injection=True)
    slots = _with_now(question, slots, ctx)
    if not slots.asks_figure and slots.years:
        # 'a 2035 number for biochar soil conditioners': the market named by its own name asks its figure
        slots = replace(slots, asks_figure=extract(ctx.plain(question), []).asks_figure)
    if slots.asks_growth and not asks_change(ctx.plain(question)):
        # 'us plant growth regulators market': the word belongs to the market's name
        slots = replace(slots, asks_growth=False)
    if len(set(slots.years)) == 2 and PERCENT_CHANGE.search(question) and not PER_YEAR.search(question):
        # '% growth from 2022 to 2024?': the change over the span, not its yearly rate
        return Decision(Intent.GROWTH, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if (
        not slots.years
        and slots.asks_share
        and len(slots.specific("region", "country", "segment")) >= 2
        and TIMES_AS.search(question)
    ):
        # 'europe's share is how many times mea's?': the two shares compared, not two years' sizes
        return Decision(Intent.STATED_FIGURE, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if asks_concentration(question) and not slots.specific("company"):
        # 'top 5 players combined, how much revenue is that?': the share the page gives the largest together
        decision = Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT, query=ctx.plain(question))
        decision.asks_concentration = True
        return decision
    if YEAR_NUMBER.match(question) and not slots.entities and not slots.percents:
        return Decision(Intent.SIZE_IN_YEAR, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if (
        AT_REPORTS_RATE.search(question)
        and len(set(slots.years)) == 1
        and not slots.percents
        and not slots.specific("region", "country", "segment", "company")
    ):
        # 'ok with the real rate what's 2030': that year's size at the report's own CAGR
        return Decision(Intent.SIZE_IN_YEAR, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if PER_UNIT.search(question) and not slots.specific("region", "country", "segment", "company"):
        # 'avg revenue per machine?': a price the page states, else its size over the units it counts
        decision = Decision(Intent.STATED_FIGURE, slots, CERTAIN_INTENT, query=ctx.plain(question))
        decision.metric = "price"
        return decision
    if len(set(slots.years)) == 2 and slots.percents and RATE_CHECK.search(question):
        # 'does the 9.2% tie out if you go 2025 value -> 2033 value?': the rate the two sizes imply
        return Decision(Intent.CAGR, replace(slots, percents=[]), CERTAIN_INTENT, query=ctx.plain(question))
    if slots.years and RATE_TO_MULTIPLY.search(question) and not ASKS_TIME.search(question):
        # 'what growth rate would double the 2024 market by 2032': the rate a multiple of it needs
        return Decision(Intent.REQUIRED_RATE, slots, CERTAIN_INTENT)
    if not slots.years and PANDEMIC_HIT.search(question) and (years := pandemic_years(ctx.size_years)):
        # 'how hard did covid hit sales?': the change from the year before the pandemic to its first year
        return Decision(
            Intent.GROWTH, replace(slots, years=list(years)), CERTAIN_INTENT, query=ctx.plain(question)
        )
    previous = _previous_question(history)
    # 'published where and when' after a quoted study asks the study's source, not the report's publisher
    quoted_study = bool(previous and cited_source(question, history))
    if asks_publisher(question) and not (previous and refers_back(question)) and not quoted_study:
        return Decision(Intent.PUBLISHER, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if (
        slots.specific("region")
        and COUNTRIES_OF.search(question)
        and not (slots.asks_money or slots.asks_share or slots.years)
    ):
        # 'apac country coverage': the countries the report lists under that region
        return Decision(Intent.SEGMENTATION, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if ANYTHING_NEW.search(question) and not slots.asks_money and not slots.asks_share:
        # 'anything recent in australia?', 'what's new with acme': the news, of that place or firm
        return Decision(Intent.DEVELOPMENTS, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if asks_exclusions(question) and not slots.specific("region", "country", "segment", "company"):
        # 'what's excluded from the numbers?': the sentences that say what the report leaves out
        decision = Decision(
            Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"excluded scope {ctx.plain(question)}"
        )
        decision.asks_exclusions = True
        return decision
    if (topic := mentioned_topic(question)) is not None:
        # 'anything about AI in there?': the sentences that name it, or that the report does not
        return Decision(
            Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{topic} {ctx.plain(question)}", mentions=topic
        )
    defined = slots.specific("segment", "region", "country") if asks_definition(question) else []
    if defined:
        # 'what counts as a large enterprise here': the sentence that names it, with what it covers
        term = defined[0].name
        return Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{term} {question}", describes=term)
    if (name := described_name(question)) is not None and not slots.specific("region", "country", "segment"):
        return Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{name} {question}", describes=name)
    from_country = asks_players_from(question) and country_asked(
        question, [e.name for e in slots.of_kind("country")]
    )
    if from_country and "key players" in last_answer(history):
        # 'which ones are uk based' after the players: those the page places in that country
        return Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT)
    if asks_players_in_news(question) or (asks_player_membership(question) and slots.specific("company")):
        # 'is headlands on the key players list?', 'which of those cos show up in the developments'
        return Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT)
    if counts_companies(question, ctx.acronyms):
        return Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT, asks_company_count=True)
    if (
        YEAR_ON_YEAR.search(question)
        and len(set(slots.years)) == 1
        and not slots.specific("region", "country", "segment")
        and not slots.percents  # 'at 8% yoy whats 2029 look like': the user's own rate, a what-if
    ):
        return Decision(Intent.CAGR, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if asks_release(question):
        return Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{question} {RELEASE_WORDS}")
    settled = settled_intent(question, slots, follow_up=previous is not None)
    # 'the orbit's price': a name only the developments use; 'market in kenya' asks the market's figure
    news = frozenset() if MARKET_NOUN.search(question) else ctx.news_in(question)
    if (
        settled is Intent.STATED_FIGURE
        and RATE_WORDS.search(question)
        and len(set(slots.years)) >= 2
        and not slots.entities
    ):
        # 'hist cagr 2018-23': the rate between the two years' sizes (a rate the page states for
        # exactly those years is quoted by the CAGR answer)
        settled = Intent.CAGR
    if (
        (news or slots.specific("company"))
        and settled is Intent.STATED_FIGURE
        and not slots.specific("region", "country", "segment")
    ):
        settled = None  # 'the orbit's price': a figure of the development that names it, not the market's
    checks_figure = bool(previous and _ABOUT_THAT_FIGURE.match(question) and slots.percents)
    if (slots.percents or slots.amounts) and (_ASKS_ORIGIN.search(question) or checks_figure):
        # 'who's the source for the 26% stat': the sentence that states that figure, with its source;
        # 'is that 62% about smos specifically?': that sentence says what the figure measures
        decision = Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=ctx.plain(question))
        decision.states = tuple(f for f in _FIGURE_TYPED.findall(question) if not _YEAR_ONLY.fullmatch(f))
        return decision
    if (
        previous
        and settled is Intent.STATED_FIGURE
        and _NAMED_POINT.search(question)
        and _STATS.search(question)
    ):
        settled = None  # 'the trial volume one - got numbers?' names a point of the list, not a volume
    if previous is not None and settled is None and _OVER_WHAT_PERIOD.match(question):
        earlier = decide(previous, _before_last_question(history), ctx)
        if earlier.intent is Intent.PASSAGE:
            # 'over what period was that?' after a statistic: the passage that states it, years and all
            return Decision(Intent.SOURCE, slots, 1.0, earlier=earlier, earlier_question=previous)
    if (
        previous is not None
        and _BARE_RANKING.match(question)
        and not slots.specific("region", "country", "segment")
    ):
        earlier = decide(previous, _before_last_question(history), ctx)
        if earlier.intent in RANKINGS:
            # 'fastest growing equipment type' then 'and the slowest one's cagr?': the same ranking's other end
            fastest = _FASTEST_WORDS.search(question) or re.search(r"\bslowest\b", question, re.I)
            ranking = Intent.FASTEST_SEGMENT if fastest else Intent.LARGEST_REGION
            decision = Decision(ranking, slots, 1.0, query=ctx.plain(question))
            decision.scope_from = f"{earlier.scope_from} {previous}".strip()
            return decision
    if (
        previous is not None
        and _WHY_OF_LEADER.match(question)
        and not slots.specific("region", "country", "segment")
    ):
        earlier = decide(previous, _before_last_question(history), ctx)
        named = entities_in_last_answer(history, ctx.vocabulary)[:1] if earlier.intent in RANKINGS else []
        # (an answer that quoted the report's own reason goes on from it, as the source answer does)
        explained = last_answer(history).partition("The report explains:")[2]
        if named and not _REASON_GIVEN.search(explained):
            # 'fastest growing service line?' then 'why': what drives the one the answer named
            query = f"{named[0].name} why growing drivers"
            return Decision(Intent.DRIVERS, replace(slots, entities=named), 1.0, query=query)
    if settled is Intent.SOURCE and previous is not None:
        earlier = decide(previous, _before_last_question(history), ctx)
        if not (_STATS.search(question) and earlier.intent in _SECTION_INTENTS):
            return Decision(Intent.SOURCE, slots, 1.0, earlier=earlier, earlier_question=previous)
        settled = None  # 'any number backing that up?' after the challenges: a figure from that part
    # A question its own words settle is not embedded: ranking the intents would change nothing.
    # An acronym's spelt-out name ('... Pharmaceutical Manufacturers ...') is no intent's keyword.
    ranked = ctx.classifier.rank(ctx.plain(question), ctx.plain(typed)) if settled is None else []
    top = ranked[0] if ranked else IntentScore(Intent.PASSAGE, 0.0)
    if len(ranked) >= 2 and _news_of_players(question, ranked[0], ranked[1]):
        top = ranked[1]  # 'any recent moves by the players?': what they did, not who they are
    foreign = foreign_terms(question, ctx.report_terms, ctx.known_terms)
    if settled is not None:
        top = IntentScore(settled, CERTAIN_INTENT)
    elif (
        news
        and (top.score < STRONG_INTENT or top.intent in _NEWS_INTENTS)
        and not slots.specific("region", "country", "segment")
    ):
        # 'how much does the orbit cost': a name only the recent developments use
        top = IntentScore(Intent.DEVELOPMENTS, STRONG_INTENT)
    elif (leader := _leader_of_segments(question, ctx)) is not None and not slots.specific("company"):
        top = IntentScore(leader, max(top.score, STRONG_INTENT))
    elif asks_based(question) and (slots.specific("company") or COMPANY_NOUNS.search(question)):
        # 'carrago hq?', 'key cos + where they're based': where the players are, as the page lists them
        top = IntentScore(Intent.KEY_PLAYERS, CERTAIN_INTENT)
    elif _COMPANY_RANK.search(question) and not slots.specific("company"):
        decision = Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT, asks_company_rank=True)
        decision.query = ctx.plain(question)
        return decision
    elif top.intent is Intent.KEY_PLAYERS and _IN_THE_NEWS.search(question):
        # 'which firms show up under recent developments': the companies of the news, with their news
        top = IntentScore(Intent.DEVELOPMENTS, max(top.score, STRONG_INTENT))
    elif (
        top.intent is Intent.SEGMENTATION
        and _ORGANISATIONS.search(question)
        and not _names_dimension(question, ctx)
    ):
        # 'which organisations are covered': the companies the report names, not its segments
        top = IntentScore(Intent.KEY_PLAYERS, max(top.score, STRONG_INTENT))
    elif (
        _names_dimension(question, ctx)
        and not [t for t in foreign if t not in _LISTING and not _in_dimension_names(t, ctx)]
        and not slots.asks_figure
        and not slots.asks_share
        and not slots.specific("company")
    ):
        # 'which product types does it cover', 'end users?': the report's own segmentation.
        top = IntentScore(Intent.SEGMENTATION, max(top.score, STRONG_INTENT))
    elif (
        TOP_FEW.search(question)
        and not slots.specific("company")
        and not COMPANY_NOUNS.search(question)
        and not _CONTROL.search(question)  # 'top 5 control what?': the companies' concentration
        and (_REGIONAL.search(question) or _names_dimension(question, ctx))
    ):
        # 'top two regions by share': the leaders by the page's figures, not every share
        ranking = Intent.FASTEST_SEGMENT if _FASTEST_WORDS.search(question) else Intent.LARGEST_REGION
        top = IntentScore(ranking, max(top.score, STRONG_INTENT))
    elif (
        _SPLIT_ASK.search(question)
        and not slots.entities
        and (top.intent in _RANKING_INTENTS or _REGIONAL.search(question) or _names_dimension(question, ctx))
    ):
        # 'what are the regional shares': every region's share, not the leader's
        top = IntentScore(Intent.SEGMENTATION, max(top.score, STRONG_INTENT))
    elif slots.asks_growth and slots.year_refs and len(set(slots.years)) + len(slots.year_refs) >= 2:
        # 'spread between the base year and the end of the forecast': the change between those years.
        top = IntentScore(Intent.GROWTH, STRONG_INTENT)
    elif (
        len(set(slots.years)) >= 2
        and _HOW_MUCH_MORE.search(question)
        and not TIMES_AS.search(question)
        and not slots.specific("region", "country", "segment")
    ):
        # 'how much bigger is 2033 vs 2025 in $m': the change in size between the two years
        top = IntentScore(Intent.GROWTH, STRONG_INTENT)
    elif len(set(slots.years)) >= 2 and slots.asks_growth and not foreign and top.score < STRONG_INTENT:
        # 'delta between 2027 and 2029': the change in size between the two; 'implied annual growth
        # 2019 to 2023' a rate, unless the amount is asked too ('dollars added and the annual rate')
        rate_only = _ANNUAL_RATE.search(question) and not _AMOUNT_TOO.search(question)
        top = IntentScore(Intent.CAGR if rate_only else Intent.GROWTH, STRONG_INTENT)
    elif not slots.years and (
        _BASE_SIZE.search(question)
        or _BARE_SIZE.search(question)
        and _only_market_and_year(ctx.plain(question))
    ):
        # 'size', 'market size?': the market's size, as the report states it
        top = IntentScore(Intent.SIZE_BASE, max(top.score, STRONG_INTENT))
    elif slots.years and _only_market_and_year(ctx.plain(question)):
        # 'surgical smoke evacuation 2031', 'kitchen robotics by 2030': the market's size that year.
        top = IntentScore(Intent.SIZE_IN_YEAR, max(top.score, STRONG_INTENT))
    elif (
        bool(slots.years)
        and (slots.asks_figure or slots.unit)
        and not slots.follow_up
        and (not foreign or slots.unit)
    ):
        # A year and a money or forecast word, or a unit ('can u do 2030 but in millions pls'): a
        # figure is wanted, whatever else the wording resembles.
        best = next((r for r in ranked if r.intent in NUMERIC_INTENTS), top)
        top = IntentScore(best.intent, max(best.score, WEAK_INTENT))
    elif foreign and top.intent in NUMERIC_INTENTS and top.score < CERTAIN_INTENT:
        # 'how much did waiting time increase': a figure about something the prose discusses.
        top = IntentScore(Intent.PASSAGE, WEAK_INTENT)
    elif RATE_WORDS.search(question) and top.intent in SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE}:
        # 'cagr between 2026 and 2031', 'how fast will it grow each year': a rate, not sizes.
        top = IntentScore(Intent.CAGR, top.score)
    elif slots.specific("company") and top.score < STRONG_INTENT and not slots.asks_unstated_attribute:
        # Companies appear in the report as key players and in its recent developments.
        top = IntentScore(Intent.DEVELOPMENTS, WEAK_INTENT)
    if (
        top.intent is Intent.FASTEST_SEGMENT
        and LARGEST_WORDS.search(question)
        and not _FASTEST_WORDS.search(question)
    ):
        top = IntentScore(Intent.LARGEST_REGION, top.score)  # 'biggest service segment?': by size, not growth
    if _WHY_GROWING.match(question) and not slots.specific("company"):
        # 'why is it growing?', 'so why's the market expanding': what drives it
        top = IntentScore(Intent.DRIVERS, CERTAIN_INTENT)
    elif (
        (section := _named_section(question, top))
        and _STATS.search(question)
        and not slots.specific("region", "country")
        and not (slots.asks_share and slots.entities)  # 'how much of demand is home care': its share
        and not BARE_RATE.match(question)  # 'and at 3%?': a rate to compute at, no statistic
        and not THAT_RATE.search(question)  # 'and with my number?': the user's rate, no statistic
    ):
        # 'the r&d spend driver - what number does it lean on?': the figure behind that point
        decision = Decision(Intent.PASSAGE, slots, top.score, query=ctx.plain(question))
        decision.figure_near_point, decision.section = True, section
        return decision
    if top.intent is Intent.PUBLISHER and not _ASKS_WHO.search(question):
        # 'how many studies does the report say were listed': near 'who published it' in wording only
        top = next((r for r in ranked if r.intent is not Intent.PUBLISHER), IntentScore(Intent.PASSAGE, 0.0))
    elliptic = len(question.split()) <= 4 and (top.score < WEAK_INTENT or not has_subject(question))
    pointing = (
        refers_back(question)
        or refers_to_two_years(question)
        or ordinal_item(question, history, ctx.vocabulary)
        or bool(_NAMED_POINT.search(typed))  # 'the trial volume one': a point of the last list
        or (bool(_ONE.search(question)) and len(question.split()) <= 5)  # 'which ones biggest'
        # 'which one grows fastest and why': a ranking of the list before
        or (
            bool(_ONE.search(question) and _RANKS.search(question))
            and len(question.split()) <= MAX_POINTING_WORDS
        )
        or bool(_BARE_RANKING.match(question))  # 'second biggest' after a ranking: of the same kind
        or bool(POINTER.match(question))  # 'the jv - which companies': one item of the last list
        or bool(THAT_YEAR.search(question))  # 'what if it grew 7%, same yr': the year just discussed
        or bool(THAT_RATE.search(question))  # 'and with my number?': the rate named before
        or bool(_INSTEAD.search(question))  # 'what if growth were only 3% instead': of what was just asked
        or bool(_ONLY_ASKS.match(question))  # 'for how much and when': of what was just said
        or (
            bool(_THEY.search(question)) and len(question.split()) <= MAX_POINTING_WORDS
        )  # 'what did they do'
        # 'at what rate?' right after a ranking answer: the rate of what it ranked first
        or (len(question.split()) <= 4 and bool(_ASKS_RATE.search(question)) and not slots.entities)
        # 'mkt value 2023?', 'and 24', then 'so yoy growth was?': the change between those years
        or (bool(_BARE_CHANGE.match(question)) and not slots.years)
        # 'which countries lead' after a region: the countries of that region
        or (
            bool(_COUNTRIES_ASKED.search(question))
            and not _ANY_COUNTRY.search(question)
            and not slots.specific("region", "country")
        )
    )
    # 'how does the growth compare w/ global?': of what was just asked about
    against_global = bool(_AGAINST_GLOBAL.search(question)) and not slots.specific(
        "region", "country", "segment"
    )
    if previous and (
        slots.follow_up or elliptic or pointing or against_global or _BARE_METRIC.match(question)
    ):
        return _follow_up(question, slots, top, history, previous, ctx, settled is not None)
    intent = _refine(top.intent, slots) if top.score >= WEAK_INTENT else Intent.PASSAGE
    if (
        intent in RANKINGS
        and slots.asks_share
        and slots.specific("region", "country", "segment")
        and not _WHICH.search(question)
    ):
        intent = Intent.STATED_FIGURE  # 'what % of the market does north america hold': its share
    if intent is Intent.CAGR and len(set(slots.years)) == 1 and _RATE_HOLDS.search(question):
        intent = Intent.SIZE_IN_YEAR  # 'if it keeps the same cagr, what's 2036 look like': the size then
    reason = unanswerable(intent, slots) or (None if settled else _elsewhere(question, ctx))
    if reason is None and intent in _MARKET_FIGURES and not slots.specific("region", "country", "segment"):
        reason = _no_such_segment(question, ctx)
    if reason is None and intent in _MARKET_FIGURES and COUNT_OF_THINGS.search(question) and not settled:
        # 'how many objects get digitised each year?': a count the page states, not its money figures
        intent = Intent.STATED_FIGURE
    topic = other_market(question, ctx.market_words, ctx.entity_words) if reason and not settled else None
    if topic and _discussed(topic, ctx):
        # 'the decentralised trials market' of a report that discusses them: what it says of them
        decision = Decision(Intent.PASSAGE, slots, top.score, query=f"{topic} {ctx.plain(question)}")
        decision.topic = topic
        decision.fallback = reason
        return decision
    companies = slots.specific("company")
    unnamed = re.sub("|".join(re.escape(c.name) for c in companies) or "$^", " ", question, flags=re.I)
    if reason and companies and FACILITY.search(unnamed) and settled is None:
        # 'halvorsen poland centre: city, headcount?': the staff of a site its developments opened
        decision = Decision(Intent.DEVELOPMENTS, slots, top.score, query=ctx.plain(question), fallback=reason)
        decision.news = news
        return decision
    if asks_deal_figure(question, slots) and settled is None:
        # 'how much did tondo pay for hedgehog': its developments may say; decline only if they do not
        decision = Decision(Intent.DEVELOPMENTS, slots, top.score, query=ctx.plain(question), fallback=reason)
        decision.news = news
        return decision
    if news and intent is Intent.DEVELOPMENTS:
        decision = Decision(intent, slots, top.score, reason, query=ctx.plain(question))
        decision.news = news
        return decision
    if _REASON_ASKED.match(question) and intent in (*_RANKING_INTENTS, Intent.CAGR) and slots.entities:
        # 'what's behind oncology growing fastest': the reasons the report gives, not the rate
        return Decision(Intent.DRIVERS, slots, top.score, query=ctx.plain(question))
    if settled in (None, Intent.STATED_FIGURE) and table_may_hold(
        intent, slots, question, ctx.plain(question)
    ):
        # A region's or segment's figure: the page's quantity table may state it; decline only if not.
        decision = Decision(
            Intent.STATED_FIGURE, slots, top.score, query=ctx.plain(question), fallback=reason
        )
        return decision
    # The search reads the question as the classifier did, so its embedding is computed once.
    return Decision(intent, slots, top.score, reason, query=ctx.plain(question))


def _asked_metric(question: str, decision: Decision) -> str:
    """The kind of figure a question about a region or segment asked: its rate, share or value."""
    if decision.slots.asks_share:
        return "share"
    if decision.slots.asks_growth or RATE_WORDS.search(question):
        return "cagr"
    return ""


def _with_now(question: str, slots: Slots, ctx: ReportContext) -> Slots:
    """'size now and in 2031', 'grow from now to 2030': 'now' is the report's base year, beside a later
    year the question names."""
    years = sorted(set(slots.years))
    if not (_NOW.search(question) and ctx.base_year and len(years) == 1 and ctx.base_year < years[0]):
        return slots
    return replace(slots, years=[ctx.base_year, *years])


def _last_question(text: str) -> str:
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
    asked = [p for p in parts if p.endswith("?")]
    return (asked or parts or [text])[-1]


def _discussed(topic: str, ctx: ReportContext) -> bool:
    """Every word of ``topic`` is a word of the report, in any spelling ('decentralised')."""
    words = topic_words(topic)
    return bool(words) and all(any(t.startswith(w) for t in ctx.report_terms) for w in words)


def _elsewhere(question: str, ctx: ReportContext) -> str | None:
    name = other_market(question, ctx.market_words, ctx.entity_words)
    if name is None:
        return None
    return f"This report does not cover the {name} market; its figures are for its own market only."


# What the whole market's figures answer: asked of a segment the page does not name, they answer nothing
_MARKET_FIGURES = frozenset({*SIZE_INTENTS, Intent.CAGR, Intent.GROWTH, Intent.DOUBLING, Intent.TABLE})


def _no_such_segment(question: str, ctx: ReportContext) -> str | None:
    name = other_segment(question, ctx.market_words, ctx.entity_words)
    if name is None:
        return None
    return (
        f"The report names no {name} segment; its figures are for the whole market and the segments it names."
    )


def _news_quoted(answer: str, ctx: ReportContext) -> frozenset[int]:
    """The recent developments whose company the answer names."""
    return frozenset(
        i for i, company in enumerate(ctx.development_companies) if company and company in answer
    )


def _follow_up(
    question: str,
    slots: Slots,
    top: IntentScore,
    history: Sequence[dict[str, str]],
    previous: str,
    ctx: ReportContext,
    settled: bool = False,
) -> Decision:
    """A question that leans on the conversation: its own intent when it states one ('and the
    fastest growing segment?'), else the earlier question's; particulars it lacks come from before."""
    source = cited_source(question, history)
    if source:
        # 'who published it?' after a quoted study: the sentence naming who stated it, and when.
        return Decision(Intent.PASSAGE, slots, top.score, query=ctx.plain(source))
    earlier = decide(previous, _before_last_question(history), ctx)
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
    if earlier.intent in _SECTION_INTENTS and _BARE_ORDINAL.match(question) and has_ordinal(question):
        # 'drivers pls' then 'the second one?': that point of the list, with what the report says after it
        point = picked_point(question, None, history)
        if point:
            decision = Decision(
                Intent.PASSAGE, slots, 1.0, query=f"{ctx.plain(point[:300])} {ctx.plain(question)}"
            )
            decision.elaborate = True
            return decision
    if _WHY_GROWING.match(question) and not slots.specific("company"):
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
        before = _before_last_question(history)
        if (prior := _previous_question(before)) is not None:
            what_if = decide(prior, _before_last_question(before), ctx)
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
            and _names_dimension(question, ctx)
            and earlier.intent not in (Intent.DEVELOPMENTS, Intent.KEY_PLAYERS)
        )
        # after an overview ('what's this report about?'), 'how big is it' asks of the market itself
        or earlier.intent is Intent.OVERVIEW
    )
    intent = _refine(top.intent, slots) if own else earlier.intent
    if intent is Intent.KEY_PLAYERS and DID_WHAT.search(question):
        intent = Intent.DEVELOPMENTS  # 'which of them are in the news' then 'what did that company do?'
    if not own and (
        (earlier.intent is Intent.SEGMENTATION and _LEADER_WORDS.search(question))
        or (earlier.intent in RANKINGS and _BARE_RANKING.match(question))
    ):
        # 'which product types' then 'which ones biggest': a ranking of that list
        intent = Intent.FASTEST_SEGMENT if _FASTEST_WORDS.search(question) else Intent.LARGEST_REGION
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
    if intent is Intent.CAGR and len(set(slots.years)) == 1 and _RATE_HOLDS.search(question):
        intent = Intent.SIZE_IN_YEAR  # 'compound that to 2030 at the report's cagr': the size then
    more_on = bool(_MORE.search(question)) and earlier.intent in _SECTION_INTENTS
    news_pointer = earlier.intent is Intent.DEVELOPMENTS and bool(POINTER.match(question))
    if news_pointer:
        intent = Intent.DEVELOPMENTS  # 'the chile one - where n how big': a development of that list
    # 'who's it supplying' after one of the news: still that news, not a figure of a place it names
    about_news = intent is Intent.DEVELOPMENTS and earlier.intent is Intent.DEVELOPMENTS
    if more_on:
        intent = Intent.PASSAGE  # 'tell me more about the first': that point, and what follows it
    # 'more on the first one' then 'what numbers do they give for it': that point still
    pointable = (
        earlier.intent in _SECTION_INTENTS
        or earlier.figure_near_point
        or earlier.elaborate
        # 'and the ai one - what % prioritise it' a few turns after the figure of another point; 'and
        # the AI one' alone, too
        or bool((_STATS.search(question) or _BARE_POINT.match(question)) and figure_pointed_before(history))
    )
    named_point = _NAMED_POINT.search(ctx.as_typed(question)) if pointable else None
    # 'ok and the zips/buttons thing, what's the issue' a turn after a list of points: that point
    loose_point = (
        None if pointable or earlier.intent in _NAME_LISTS else _NAMED_POINT.search(ctx.as_typed(question))
    )
    if loose_point and not picked_point(question, ctx.expand(loose_point.group(0)), history):
        loose_point = None
    stats_on = (
        bool(named_point and _STATS.search(question))
        or not own
        and (
            (bool(_STATS.search(question)) and (intent in _SECTION_INTENTS or earlier.elaborate))
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
    projecting = len(set(slots.years)) == 1 and bool(_RATE_HOLDS.search(question))
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
        and _ASKS_RATE.search(question)
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
        and _AGAINST_GLOBAL.search(question)
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
    bare = _BARE_METRIC.match(question)
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
    # 'what did they do' after companies were named: those companies (not the report's authors)
    of_companies = bool(_THEY.search(question)) and earlier.intent in (
        Intent.KEY_PLAYERS,
        Intent.DEVELOPMENTS,
    )
    regions_before = earlier.slots.specific("region")
    if (
        not entities
        and _COUNTRIES_ASKED.search(question)
        and len(regions_before) == 1
        and not _ANY_COUNTRY.search(question)
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
    if ranked_last and merged.specific("region", "country", "segment") and _ASKS_RATE.search(question):
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
        if slots.asks_share or _ASKS_RATE.search(question):  # "NA's share" names its own figure
            metric = "share" if slots.asks_share else "cagr"
        decision = Decision(Intent.STATED_FIGURE, merged, top.score, query=query)
        decision.metric = metric
        return decision
    own_figure = (
        slots.asks_share
        or merged.asks_money
        or bool(_ASKS_RATE.search(question))
        # 'cloud share? and its growth?': its own rate ('which of those grows fastest' ranks them)
        or (slots.asks_growth and not slots.years and not _FASTEST_WORDS.search(question))
        # 'whats the US number on its own': a figure of the place the question names
        or bool(slots.specific("region", "country", "segment") and _FIGURE_WORD.search(question))
    )
    # 'anything recent in australia?' then 'how much?': the figure of that news, not of the place
    of_news = (
        earlier.intent is Intent.DEVELOPMENTS
        and not slots.specific("region", "country", "segment")
        and not slots.years  # 'what's its size in 2031' asks of the place again
        and not SIZE_ASKED.search(question)
        # 'that tech segment's cagr?' after a funding round: the rate of the segment it pointed at
        and not (_ASKS_RATE.search(question) and merged.specific("region", "country", "segment"))
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
        merged = replace(merged, entities=parts) if _ASKS_RATE.search(question) else merged
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
        and (_ONE.search(question) or not NAMES_A_KIND.search(question))
    ):
        # 'which region leads?' then 'and the fastest growing one?'; what the one before ranked, too
        decision.scope_from = f"{earlier.scope_from} {ranked_question}".strip()
    elif intent in RANKINGS and earlier.intent is Intent.SEGMENTATION and not NAMES_A_KIND.search(question):
        decision.scope_from = previous  # 'what product types does it track' then 'which ones biggest'
    return decision


def _users_rate(history: Sequence[dict[str, str]]) -> list[float]:
    """The last growth rate the user named in the conversation ('this mkt grows around 6.5% a year')."""
    for turn in reversed(history):
        if turn.get("role") == "user" and (said := _RATE_SAID.findall(turn.get("content", ""))):
            return [float(said[-1])]
    return []


_RATE_SAID = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent|pct)")


def _refine(intent: Intent, slots: Slots) -> Intent:
    """Years settle which of the size questions is meant."""
    if intent is Intent.GROWTH and not slots.asks_growth and len(slots.years) < 2:
        return Intent.SIZE_IN_YEAR if slots.years else Intent.SIZE_BASE
    if intent in SIZE_INTENTS:
        # 'how many $ does the market add between 2024 and 2033': the change, asked in money
        if len(slots.years) >= 2 and (slots.asks_money is False or slots.asks_growth):
            return Intent.GROWTH
        return Intent.SIZE_IN_YEAR if slots.years else intent
    if intent is Intent.CAGR and slots.years and not slots.asks_share and _asks_size_words(slots):
        return Intent.SIZE_IN_YEAR
    return intent


def _asks_size_words(slots: Slots) -> bool:
    return slots.asks_money and len(slots.years) == 1


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
