"""Reading a question: which intent it asks, its particulars, whether it leans on the conversation
('and in 2030?'), and whether the report can hold its answer at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.planner.classifier import IntentScore
from assistant.planner.context import ReportContext
from assistant.planner.continuation import follow_up
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
    WEAK_INTENT,
    WHY_GROWING,
    before_last_question,
    names_dimension,
    previous_question,
    refine,
    words_of_a_dimension,
)
from assistant.planner.decision import OVERVIEW, Decision
from assistant.planner.followup import (
    POINTER,
    THAT_RATE,
    THAT_YEAR,
    WHY_OF_POINT,
    cited_source,
    entities_in_last_answer,
    has_subject,
    last_answer,
    ordinal_item,
    point_by_word,
    refers_back,
    refers_to_two_years,
)
from assistant.planner.forms import (
    ANYTHING_NEW,
    AS_SHARE_OF_YEAR,
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
    RATE_TO_MULTIPLY,
    SIZE_ASKED,
    YEAR_NUMBER,
    asks_concentration,
    pandemic_years,
)
from assistant.planner.intents import NUMERIC_INTENTS, RANKINGS, SIZE_INTENTS, Intent
from assistant.planner.limits import (
    BARE,
    POINT_INTENTS,
    RATE_WORDS,
    asks_deal_figure,
    table_may_hold,
    unanswerable,
)
from assistant.planner.lookups import (
    CUSTOMIZATION_WORDS,
    RELEASE_WORDS,
    asks_based,
    asks_customization,
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
    MIN_STAT_WORDS,
    NAMED_STAT,
    TIMES_AS,
    TOP_FEW,
    YEAR_ON_YEAR,
    Entity,
    Slots,
    asks_change,
    extract,
    match_entities,
    normalise,
)
from assistant.text.sentences import content_words
from assistant.text.tokens import stems
from assistant.text.topics import topic_words

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
_ANNUAL_RATE = re.compile(r"\b(?:impl(?:y|ies|ied)|annual(?:i[sz]ed)?\s+growth|c\.?a\.?g\.?r)\b", re.I)
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
_OVER_WHAT_PERIOD = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:over|for|in|from)?\s*(?:what|which)\s+(?:period|years?|timeframe|time frame|dates?)\b"
    r"[^?]{0,30}\??\s*$|^\s*(?:and\s+)?(?:when was that|what year was that|since when)\s*\??\s*$",
    re.I,
)
_INSTEAD = re.compile(r"\binstead\b", re.I)
# A question of question words alone: 'for how much and when', 'when and where?'
_ONLY_ASKS = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:for\s+)?(?:how much|when|where|who|why|how many|with whom|what for)"
    r"(?:\s*(?:,|and|&|\+)\s*(?:for\s+)?(?:how much|when|where|who|why|how many|with whom|what for))+\s*[?.!]*\s*$",
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
_BARE_CHANGE = re.compile(
    r"^\s*(?:so|and|ok|then)?\s*(?:the|what(?:'s|s| is| was)?)?\s*(?:yoy|year over year|annual|%|percent(?:age)?)?\s*"
    r"(?:growth|change|increase|gain|difference|delta|jump|rise)(?:\s+(?:was|is|then|there|in %|in percent))?\s*\??\s*$",
    re.I,
)
_HOW_MUCH_MORE = re.compile(
    r"\bhow\s+much\s+(?:bigger|larger|higher|more|greater|smaller|lower)\b|\bminus\b|\bsubtract\w*|\btake\s+away\b",
    re.I,
)
_NOW = re.compile(r"\b(?:now|today|currently|at present|at the moment|right now)\b", re.I)
_CONTROL = re.compile(r"\b(?:control\w*|concentrat\w*|consolidat\w*|fragment\w*)\b", re.I)
_AMOUNT_TOO = re.compile(r"\b(?:dollars?|usd|absolute|added|how much)\b|\$", re.I)
_WHICH = re.compile(r"\b(which|who|what region|what segment|leads?|leading|largest|biggest)\b", re.I)
# What a question naming a development's own name reads as, before that name settles it.
_NEWS_INTENTS = frozenset({Intent.DEVELOPMENTS, Intent.PASSAGE, Intent.KEY_PLAYERS, Intent.DEFINITION})
_REASON_ASKED = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:why|how come|what'?s behind|what is behind|what explains|what'?s driving"
    r"|what is driving)\b",
    re.I,
)


def _news_of_players(question: str, first: IntentScore, second: IntentScore) -> bool:
    """Players and their news scored alike, and the question has a word of news: the news."""
    return (
        first.intent is Intent.KEY_PLAYERS
        and second.intent is Intent.DEVELOPMENTS
        and first.score - second.score < NEAR_TIE
        and any(intent is Intent.DEVELOPMENTS and pattern.search(question) for intent, pattern in KEYWORDS)
    )


NEAR_TIE = 0.05
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

_SECTION_NAMES = {
    Intent.DRIVERS: re.compile(r"\bdrivers?\b", re.I),
    Intent.CHALLENGES: re.compile(r"\b(challenges?|restraints?|headwinds?|barriers?)\b", re.I),
    Intent.TRENDS: re.compile(r"\b(trends?|opportunit\w*)\b", re.I),
}


def _one_section_named(question: str) -> Intent | None:
    named = [intent for intent, pattern in _SECTION_NAMES.items() if pattern.search(question)]
    return named[0] if len(named) == 1 else None


_AMOUNT_OF_THEM = re.compile(r"\bhow\s+much\b|\b(?:spend|spent|spending|invest\w*|budgets?)\b", re.I)
_THEIR_SHARE_TOGETHER = re.compile(
    r"\b(?:together|combined|collectively|jointly|between them|in total|outside(?:\s+of)?|rest|remaining|other than"
    r"|excluding|beyond)\b",
    re.I,
)
_NAMES_ASKED = re.compile(r"\b(?:who|which|name|names|list|players?)\b", re.I)


_ASKS_WHO_DID = re.compile(r"^\s*(?:and\s+)?(?:who|which\s+(?:company|firm))\b", re.I)


_TELL_ME = re.compile(
    r"^\s*(?:and\s+|ok\s+|so\s+)?(?:(?:can\s+you\s+|pls\s+|please\s+)?tell\s+me\s+(?:more\s+)?about"
    r"|give\s+me\s+(?:an?\s+)?(?:overview|rundown|summary)\s+of|overview\s+of|info\s+on)\s+",
    re.I,
)


def _ranks_parts_by_rate(question: str, slots: Slots) -> bool:
    """'which country has the highest growth rate': a ranking of parts by their rates, not the CAGR."""
    return bool(
        _WHICH_PART.search(question)
        and NAMES_A_KIND.search(question)
        and _TOP_RATE.search(question)
        and not slots.entities
    )


def _names_another_stat(question: str, history: Sequence[dict[str, str]], ctx: ReportContext) -> bool:
    """A statistic named by two words or more that no answer so far has used."""
    stat = NAMED_STAT.search(question)
    if stat is None:
        return False
    words = {w for w in content_words(stat.group("words")) if w.isalpha()} - ctx.market_words
    if len(words) < MIN_STAT_WORDS or words & _POINTER_WORDS:
        return (
            False  # 'the global number'; 'and the pulmonologist one - figure ...' points into the last list
        )
    said_before = content_words(
        " ".join(t.get("content", "") for t in history if t.get("role") == "assistant")
    )
    return not words & said_before


_POINTER_WORDS = frozenset({"one", "ones", "that", "this", "other", "first", "second", "last"})
_COUNTED = re.compile(r"\bhow\s+many\s+(?P<what>[a-z-]+(?:\s+[a-z-]+)?)", re.I)
_SIZE_NOUN = re.compile(r"\b(?:revenue|revenues|size|worth|value|sales)\b", re.I)
_COMPARES_PARTS = re.compile(r"\bcompar\w*|\bvs\.?(?=\s|$)|\bversus\b|\bstack up\b", re.I)
# A question that opens by asking for a rate, whatever years it names after
_ASKS_RATE_ITSELF = re.compile(
    r"\s*(?:so\s+|and\s+|ok\s+)?(?:at\s+)?what\s+(?:(?:annual|yearly|compound(?:ed)?|average)\s+)*(?:growth\s+)?rate\b"
    r"|\s*how\s+(?:fast|quickly)\b",
    re.I,
)
# 'what are the numbers for latin america?', 'mining stats': whatever the page states of it
_ALL_ITS_FIGURES = re.compile(r"\b(?:numbers|figures|stats|statistics|key facts|data points)\b", re.I)


def _ranks_places_by_speed(question: str, slots: Slots) -> bool:
    """'where is the market growing fastest?': the regions ranked by their rates, not the market's CAGR
    or its largest region."""
    return bool(
        _WHERE.search(question)
        and _SPEED_TOP.search(question)
        and not _SIZE_TOP.search(question)
        and not slots.entities
    )


_WHERE = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?where\b|\b(?:regionally|geographically)\b|\bwhich (?:part of the world|geograph\w*)",
    re.I,
)
_SPEED_TOP = re.compile(r"\b(?:fastest|quickest|most rapid\w*|most quickly|highest growth)\b", re.I)
_SIZE_TOP = re.compile(r"\b(?:largest|biggest|leading|dominant|most revenue|highest share)\b", re.I)
_WHICH_PART = re.compile(r"\b(?:which|what)\b", re.I)
_TOP_RATE = re.compile(r"\b(?:highest|strongest|fastest|quickest|top|best)\b", re.I)


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
    if not LEADER_WORDS.search(question) or not words_of_a_dimension(question, ctx):
        return None
    return (
        Intent.FASTEST_SEGMENT
        if re.search(r"\b(fastest|quickest|faster|quicker)\b|\bgrow", question, re.I)
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


_MARKET_ITSELF = r"(?:it|the\s+(?:whole\s+|global\s+)?market|this\s+market|the\s+industry)"
_IT_VALUED = re.compile(
    rf"\b(?:{_MARKET_ITSELF}\s+(?:was|is|will\s+be|be|'s)|(?:was|is|will)\s+{_MARKET_ITSELF}(?:\s+be)?)\s+"
    r"(?:valued|worth|sized)\b",
    re.I,
)
# 'the region', 'that country': a place the conversation named, pointed at
_THE_PLACE = re.compile(r"\b(?:the|that|this)\s+(?:region|country)\b(?!\s+(?:with|that|which|where))", re.I)
_NAMES_THE_MARKET = re.compile(r"\b(?:the|this|whole|global|overall)\s+(?:market|mkt|industry)\b", re.I)
# 'in that region', 'there', 'in that country': the place the question before named
_AT_THAT_PLACE = re.compile(
    r"\b(?:that|this|the\s+same)\s+(?:region|country|market|area|geography)\b|\bthere\b", re.I
)
# Words that leave a question naming only parts and years ('and europe in 2030?', 'apac for 2031 pls')
_BARE_WORDS = frozenset(
    "what about how and in for the of by ok so then s year yr pls please value size".split()
)


def _segments_of_dimension_asked(question: str, ctx: ReportContext) -> list[Entity]:
    """The segments of the one dimension the question names ('the material segments')."""
    asked = stems(question)
    named = [dim for dim, found in ctx.segment_dimension_stems.items() if found and found <= asked]
    if len(named) != 1:
        return []
    return [e for e in ctx.vocabulary if e.kind == "segment" and e.dimension == named[0]]


def _only_parts_and_years(question: str, slots: Slots) -> bool:
    """'manual chutes in 2033?': a question of nothing but the parts it names and years."""
    parts = slots.specific("region", "country", "segment")
    if not parts or len(parts) != len(slots.entities):
        return False
    named = {w for e in parts for n in (e.name, *e.aliases) for w in re.findall(r"[a-z]+", n.lower())}
    words = re.findall(r"[a-z]+", re.sub(r"\b\d{4}\b", " ", question.lower()))
    return bool(words) and set(words) <= named | _BARE_WORDS


def decide(question: str, history: Sequence[dict[str, str]], ctx: ReportContext) -> Decision:
    """Classify the question, resolving follow-ups such as 'and in 2030?' from the conversation."""
    typed = ctx.as_typed(normalise(ctx.without_source(question)))
    question = ctx.expand(typed)
    # The text the intents are ranked by (and most searches use), embedded while the rules below run.
    ctx.classifier.prefetch(ctx.plain(question))
    slots = extract(question, ctx.vocabulary)
    if slots.injection:
        # Read only the question the message ends with; the text before it tries to set figures.
        question, typed = _last_question(question), _last_question(typed)
        slots = replace(extract(question, ctx.vocabulary), injection=True)
    slots = _with_now(question, slots, ctx)
    the_place = _THE_PLACE.search(question) if history else None
    if the_place and not slots.specific("region", "country"):
        # 'biggest region?' then 'how big will the region be in 2030': the region the answer named
        kind = "country" if "countr" in the_place.group().lower() else "region"
        named = [e for e in entities_in_last_answer(history, ctx.vocabulary) if e.kind == kind][:1]
        slots = replace(slots, entities=[*slots.entities, *named]) if named else slots
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
        len(set(slots.years)) == 2
        and slots.asks_growth
        and slots.asks_money
        and slots.asks_figure  # of the market's size: 'how much did time to enrollment increase' is not
        and not (slots.entities or slots.percents or PER_YEAR.search(question) or RATE_WORDS.search(question))
        and settled_intent(question, slots, follow_up=False) in (None, Intent.GROWTH)
    ):
        # 'how much is the 2029 size up in $ from 2025?': the market's change between the two years
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
    valued = _IT_VALUED.search(question)
    if (
        valued
        and len(set(slots.years)) == 1
        and not (slots.entities or slots.percents)
        # ('what was it worth in 2024' after a segment: 'it' is that segment, read below)
        and not (history and re.search(r"\bit\b", valued.group(), re.I))
    ):
        # 'transformer oil regen services - what was it valued at in 2024?': the market's size that year
        return Decision(Intent.SIZE_IN_YEAR, slots, CERTAIN_INTENT, query=ctx.plain(question))
    if slots.years and not slots.percents and not history and _only_parts_and_years(question, slots):
        # 'manual chutes in 2033?' (asked afresh): the figure the page gives that part for the year
        return Decision(
            Intent.STATED_FIGURE, replace(slots, asks_money=True), CERTAIN_INTENT, query=ctx.plain(question)
        )
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
    previous = previous_question(history)
    of_year = AS_SHARE_OF_YEAR.match(question) if previous else None
    if previous and of_year:
        # 'so what's 2029 then' and 'as a share of the 2031 number?': that answer's amount, of that year
        earlier = decide(previous, before_last_question(history), ctx)
        decision = Decision(earlier.intent, earlier.slots, 1.0, earlier=earlier, earlier_question=previous)
        decision.share_of_year = int(of_year.group("year"))
        return decision
    if previous and _names_another_stat(question, history, ctx):
        # 'and the enrolment time stat - how much did it go up?': a statistic named by words of its
        # own, not the one just quoted
        return decide(question, [], ctx)
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
        if previous and _AT_THAT_PLACE.search(question) and not slots.specific("region", "country"):
            # 'apac countries covered?' then 'has anyone expanded in that region recently?'
            places = ctx.expand(normalise(previous))
            slots = replace(
                slots,
                entities=[*slots.entities, *extract(places, ctx.vocabulary).specific("region", "country")],
            )
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
    told = slots.specific("segment", "region", "country")
    listed = _segments_of_dimension_asked(question, ctx) if not told else []
    if (
        listed
        and (_TELL_ME.match(question) or _ALL_ITS_FIGURES.search(question))
        and not (slots.asks_money or slots.asks_share or slots.years or slots.asks_growth)
    ):
        # 'tell me about the material segments': each segment of that dimension, with its figures
        decision = Decision(Intent.STATED_FIGURE, replace(slots, entities=listed), CERTAIN_INTENT)
        decision.metric = OVERVIEW
        decision.query = ctx.plain(question)
        return decision
    if (
        (_TELL_ME.match(question) or (_ALL_ITS_FIGURES.search(question) and not NAMED_POINT.search(question)))
        and len(told) == 1
        and not (slots.asks_money or slots.asks_share or slots.years or slots.asks_growth)
        and not RATE_WORDS.search(question)
    ):
        # 'tell me about asia pacific': every figure the page states of it, each quoted
        decision = Decision(Intent.STATED_FIGURE, slots, CERTAIN_INTENT, query=ctx.plain(question))
        decision.metric = OVERVIEW
        return decision
    if (
        len(told) >= 2
        and _COMPARES_PARTS.search(question)
        and not (slots.asks_money or slots.asks_share or slots.asks_growth or slots.years)
        and not RATE_WORDS.search(question)
        and not TIMES_AS.search(question)
    ):
        # 'how does germany compare with china', 'apac vs europe?': each one's figures side by side
        decision = Decision(Intent.STATED_FIGURE, slots, CERTAIN_INTENT, query=ctx.plain(question))
        decision.metric = OVERVIEW
        return decision
    defined = slots.specific("segment", "region", "country") if asks_definition(question) else []
    if defined:
        # 'what counts as a large enterprise here': the sentence that names it, with what it covers
        term = defined[0].name
        return Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{term} {question}", describes=term)
    if (
        previous
        and WHY_OF_POINT.match(question)
        and (point := point_by_word(question, history, ctx.market_words)) is not None
    ):
        # 'what holds it back?' then 'why is utilisation a problem?': that point, and what follows it
        decision = Decision(
            Intent.PASSAGE, slots, 1.0, query=f"{ctx.plain(point[:300])} {ctx.plain(question)}"
        )
        decision.elaborate = True
        return decision
    if (name := described_name(question)) is not None and not slots.specific("region", "country", "segment"):
        return Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{name} {question}", describes=name)
    from_country = asks_players_from(question) and country_asked(
        question, [e.name for e in slots.of_kind("country")]
    )
    if from_country and "key players" in last_answer(history):
        # 'which ones are uk based' after the players: those the page places in that country
        return Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT)
    pointed = (
        ordinal_item(question, history, ctx.vocabulary)
        if previous and asks_players_in_news(question)
        else None
    )
    one_player = (
        [e for e in match_entities(pointed, ctx.vocabulary) if e.kind == "company"] if pointed else []
    )
    if one_player:
        # 'is the last one on that list in the recent developments too?': that player's news
        return Decision(Intent.DEVELOPMENTS, replace(slots, entities=one_player[:1]), CERTAIN_INTENT)
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
    if asks_customization(question):
        # 'can i get extra companies profiled?': the customizations the publisher offers
        return Decision(Intent.PASSAGE, slots, CERTAIN_INTENT, query=f"{question} {CUSTOMIZATION_WORDS}")
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
    if (
        settled is Intent.STATED_FIGURE
        and words_of_a_dimension(question, ctx)
        and not (
            slots.asks_figure or slots.asks_share or slots.asks_money or COUNT_OF_THINGS.search(question)
        )
    ):
        settled = None  # 'what installation types are there?': the report's list, not a volume figure
    if settled is Intent.OVERVIEW and (section := _one_section_named(question)) is not None:
        settled = section  # 'could you summarise the opportunities': that part of the report
    if (
        settled is None
        and _ASKS_RATE_ITSELF.match(question)
        and not (slots.amounts or slots.percents or slots.asks_money)
        and not slots.specific("region", "country", "segment", "company")
    ):
        settled = Intent.CAGR  # 'at what annual rate is the market expected to expand through 2031'
    if settled is Intent.RATIO and len(slots.specific("region", "country", "segment")) == 2:
        settled = Intent.STATED_FIGURE  # 'apac to europe revenue ratio': two parts' figures, not two years
    if settled is Intent.CAGR and _ranks_parts_by_rate(question, slots):
        settled = Intent.FASTEST_SEGMENT
    if settled in (None, Intent.CAGR, Intent.LARGEST_REGION) and _ranks_places_by_speed(question, slots):
        settled = Intent.FASTEST_SEGMENT  # 'where is demand rising fastest, regionally?': the regions' rates
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
        and NAMED_POINT.search(question)
        and STATS.search(question)
    ):
        settled = None  # 'the trial volume one - got numbers?' names a point of the list, not a volume
    if previous is not None and settled is None and _OVER_WHAT_PERIOD.match(question):
        earlier = decide(previous, before_last_question(history), ctx)
        if earlier.intent is Intent.PASSAGE:
            # 'over what period was that?' after a statistic: the passage that states it, years and all
            return Decision(Intent.SOURCE, slots, 1.0, earlier=earlier, earlier_question=previous)
    if (
        previous is not None
        and BARE_RANKING.match(question)
        and not slots.specific("region", "country", "segment")
    ):
        earlier = decide(previous, before_last_question(history), ctx)
        if earlier.intent in RANKINGS:
            # 'fastest growing equipment type' then 'and the slowest one's cagr?': the same ranking's other end
            fastest = FASTEST_WORDS.search(question) or re.search(r"\bslowest\b", question, re.I)
            ranking = Intent.FASTEST_SEGMENT if fastest else Intent.LARGEST_REGION
            decision = Decision(ranking, slots, 1.0, query=ctx.plain(question))
            decision.scope_from = f"{earlier.scope_from} {previous}".strip()
            return decision
    if (
        previous is not None
        and _WHY_OF_LEADER.match(question)
        and not slots.specific("region", "country", "segment")
    ):
        earlier = decide(previous, before_last_question(history), ctx)
        named = entities_in_last_answer(history, ctx.vocabulary)[:1] if earlier.intent in RANKINGS else []
        # (an answer that quoted the report's own reason goes on from it, as the source answer does)
        explained = last_answer(history).partition("The report explains:")[2]
        if named and not _REASON_GIVEN.search(explained):
            # 'fastest growing service line?' then 'why': what drives the one the answer named
            query = f"{named[0].name} why growing drivers"
            return Decision(Intent.DRIVERS, replace(slots, entities=named), 1.0, query=query)
    if settled is Intent.SOURCE and previous is not None:
        earlier = decide(previous, before_last_question(history), ctx)
        if not (STATS.search(question) and earlier.intent in SECTION_INTENTS):
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
    elif top.intent is Intent.CAGR and _ranks_parts_by_rate(question, slots):
        top = IntentScore(Intent.FASTEST_SEGMENT, max(top.score, STRONG_INTENT))
    elif _COMPANY_RANK.search(question) and not slots.specific("company"):
        decision = Decision(Intent.KEY_PLAYERS, slots, CERTAIN_INTENT, asks_company_rank=True)
        decision.query = ctx.plain(question)
        return decision
    elif (leader := _leader_of_segments(question, ctx)) is not None and not slots.specific("company"):
        top = IntentScore(leader, max(top.score, STRONG_INTENT))
    elif asks_based(question) and (slots.specific("company") or COMPANY_NOUNS.search(question)):
        # 'carrago hq?', 'key cos + where they're based': where the players are, as the page lists them
        top = IntentScore(Intent.KEY_PLAYERS, CERTAIN_INTENT)
    elif top.intent is Intent.KEY_PLAYERS and _IN_THE_NEWS.search(question):
        # 'which firms show up under recent developments': the companies of the news, with their news
        top = IntentScore(Intent.DEVELOPMENTS, max(top.score, STRONG_INTENT))
    elif (
        top.intent is Intent.SEGMENTATION
        and _ORGANISATIONS.search(question)
        and not names_dimension(question, ctx)
    ):
        # 'which organisations are covered': the companies the report names, not its segments
        top = IntentScore(Intent.KEY_PLAYERS, max(top.score, STRONG_INTENT))
    elif (
        names_dimension(question, ctx)
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
        and (_REGIONAL.search(question) or names_dimension(question, ctx))
    ):
        # 'top two regions by share': the leaders by the page's figures, not every share
        ranking = Intent.FASTEST_SEGMENT if FASTEST_WORDS.search(question) else Intent.LARGEST_REGION
        top = IntentScore(ranking, max(top.score, STRONG_INTENT))
    elif (
        _SPLIT_ASK.search(question)
        and not slots.entities
        and (top.intent in _RANKING_INTENTS or _REGIONAL.search(question) or names_dimension(question, ctx))
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
        and not FASTEST_WORDS.search(question)
    ):
        top = IntentScore(Intent.LARGEST_REGION, top.score)  # 'biggest service segment?': by size, not growth
    if WHY_GROWING.match(question) and not slots.specific("company"):
        # 'why is it growing?', 'so why's the market expanding': what drives it
        top = IntentScore(Intent.DRIVERS, CERTAIN_INTENT)
    elif (
        (section := _named_section(question, top))
        and STATS.search(question)
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
    elliptic = (
        len(question.split()) <= 4
        and (top.score < WEAK_INTENT or not has_subject(question))
        and not (news and _ASKS_WHO_DID.search(question))  # 'who bought truetrace?' names its own subject
    )
    pointing = (
        refers_back(question)
        or refers_to_two_years(question)
        or ordinal_item(question, history, ctx.vocabulary)
        or bool(NAMED_POINT.search(typed))  # 'the trial volume one': a point of the last list
        or (bool(SAYS_ONE.search(question)) and len(question.split()) <= 5)  # 'which ones biggest'
        # 'which one grows fastest and why': a ranking of the list before
        or (
            bool(SAYS_ONE.search(question) and _RANKS.search(question))
            and len(question.split()) <= MAX_POINTING_WORDS
        )
        or bool(BARE_RANKING.match(question))  # 'second biggest' after a ranking: of the same kind
        # 'which grows faster?' after the deployment segments: a ranking of what was just discussed
        or (
            bool(_RANKS.search(question))
            and not NAMES_A_KIND.search(question)
            and not ANY_COUNTRY.search(question)  # 'which one leads overall': of the whole market
            and not slots.entities
            and len(question.split()) <= MAX_POINTING_WORDS
        )
        or bool(POINTER.match(question))  # 'the jv - which companies': one item of the last list
        or bool(THAT_YEAR.search(question))  # 'what if it grew 7%, same yr': the year just discussed
        or bool(THAT_RATE.search(question))  # 'and with my number?': the rate named before
        or bool(_INSTEAD.search(question))  # 'what if growth were only 3% instead': of what was just asked
        or bool(_ONLY_ASKS.match(question))  # 'for how much and when': of what was just said
        or (
            bool(SAYS_THEY.search(question))
            # 'what did they buy, and for how much?': what the company just named did, however long
            and (len(question.split()) <= MAX_POINTING_WORDS or bool(DID_WHAT.search(question)))
        )  # 'what did they do'
        # 'at what rate?' right after a ranking answer: the rate of what it ranked first
        or (len(question.split()) <= 4 and bool(ASKS_RATE.search(question)) and not slots.entities)
        # 'mkt value 2023?', 'and 24', then 'so yoy growth was?': the change between those years
        or (bool(_BARE_CHANGE.match(question)) and not slots.years)
        # 'which countries lead' after a region: the countries of that region
        or (
            bool(COUNTRIES_ASKED.search(question))
            and not ANY_COUNTRY.search(question)
            and not slots.specific("region", "country")
        )
    )
    # 'how does the growth compare w/ global?': of what was just asked about
    against_global = bool(AGAINST_GLOBAL.search(question)) and not slots.specific(
        "region", "country", "segment"
    )
    if previous and (
        slots.follow_up or elliptic or pointing or against_global or BARE_METRIC.match(question)
    ):
        return follow_up(question, slots, top, history, previous, ctx, decide, settled is not None)
    intent = refine(top.intent, slots) if top.score >= WEAK_INTENT else Intent.PASSAGE
    counted = _COUNTED.search(question)
    if (
        intent is Intent.SEGMENTATION
        and counted
        and not NAMES_A_KIND.search(counted.group("what"))
        and not words_of_a_dimension(counted.group("what"), ctx)
    ):
        intent = Intent.PASSAGE  # 'how many studies did clinicaltrials.gov list?': a count the prose states
    if intent is Intent.FORECAST_PERIOD and (slots.asks_money or _SIZE_NOUN.search(question)):
        intent = Intent.SIZE_BASE  # 'what revenue does it forecast for the end of the forecast period?'
    if (
        intent is Intent.KEY_PLAYERS
        and _AMOUNT_OF_THEM.search(question)
        and not _NAMES_ASKED.search(question)
    ):
        # 'how much did the top 10 brands spend on marketing?': a figure the prose states, not the list
        intent = Intent.PASSAGE
    if (
        intent is Intent.KEY_PLAYERS
        and slots.asks_share
        and _THEIR_SHARE_TOGETHER.search(question)
        and not slots.specific("company")
    ):
        # 'share held by the eight profiled vendors', 'share outside them': the sentence that states
        # the players' combined share, not the list
        intent = Intent.PASSAGE
        slots = replace(slots, asks_unstated_attribute=False)
    if intent is Intent.RATIO and not slots.years and not slots.entities and not SIZE_ASKED.search(question):
        # 'by what multiple is the decentralised rate higher than the traditional one?': two figures of
        # a statistic the prose states, not two years of the market
        intent = Intent.PASSAGE
    if (
        intent in RANKINGS
        and slots.asks_share
        and slots.specific("region", "country", "segment")
        and not _WHICH.search(question)
    ):
        intent = Intent.STATED_FIGURE  # 'what % of the market does north america hold': its share
    if intent is Intent.CAGR and len(set(slots.years)) == 1 and RATE_HOLDS.search(question):
        intent = Intent.SIZE_IN_YEAR  # 'if it keeps the same cagr, what's 2036 look like': the size then
    reason = unanswerable(intent, slots) or _elsewhere(question, ctx)
    if reason is None and intent in _MARKET_FIGURES and not slots.specific("region", "country", "segment"):
        reason = _no_such_segment(question, ctx)
    if reason is None and intent in _MARKET_FIGURES and COUNT_OF_THINGS.search(question) and not settled:
        # 'how many objects get digitised each year?': a count the page states, not its money figures
        intent = Intent.STATED_FIGURE
    topic = (
        other_market(question, ctx.market_words, ctx.entity_words, ctx.report_terms)
        if reason and not settled
        else None
    )
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
    if (
        intent is Intent.PASSAGE
        and top.score < STRONG_INTENT
        and slots.years
        and slots.asks_money
        and slots.asks_figure
        and _NAMES_THE_MARKET.search(question)  # ('clinicaltrials.gov registry size dec 2024' is not it)
        and not (slots.entities or slots.percents or slots.asks_growth or reason)
    ):
        # 'in USD terms, where does the report put the market at the start and the end of its
        # outlook (2025 and 2031)?': no passage is asked for, but the market's size in those years
        return Decision(Intent.SIZE_IN_YEAR, slots, top.score, query=ctx.plain(question))
    # The search reads the question as the classifier did, so its embedding is computed once.
    return Decision(intent, slots, top.score, reason, query=ctx.plain(question))


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
    name = other_market(question, ctx.market_words, ctx.entity_words, ctx.report_terms)
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
