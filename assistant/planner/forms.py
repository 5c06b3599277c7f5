"""Question forms the planner reads from the wording alone, before (or instead of) ranking the
intents: a site of a company's news, the news of a place, a percent change over two years, the
rate a multiple of the market needs, the pandemic's toll, a bare rate after a comparison, the
countries of a region."""

from __future__ import annotations

import re

# 'biggest service segment?': a ranking by size, whatever the wording resembles
LARGEST_WORDS = re.compile(r"\b(?:largest|biggest|leading|dominant|top|main|major)\b", re.I)
# 'halvorsen poland centre: headcount?': a site a company's news tells of
FACILITY = re.compile(
    r"\b(?:cent(?:re|er)s?|sites?|plants?|facilit(?:y|ies)|offices?|hubs?|factor(?:y|ies)|labs?|laborator(?:y|ies)"
    r"|warehouses?|campus(?:es)?|branch(?:es)?|stores?|depots?)\b",
    re.I,
)
# 'what's its size in 2031' after the news: a figure of the place, not of the news
SIZE_ASKED = re.compile(r"\b(?:size|sized|market|worth|valued?|share|cagr|growth)\b", re.I)
# 'anything recent in australia?', 'what's new with acme': the news
ANYTHING_NEW = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:anything|something|any\s+news|what(?:'s|s| is)\s+new"
    # 'has anyone expanded in that region recently?', 'did any firm open a site there lately'
    r"|(?:has|have|did)\s+(?:anyone|anybody|any\s+(?:one|company|companies|firms?|players?|vendors?|suppliers?)))\b"
    r"(?:\s+(?:new|recent|lately|happening))?"
    r"(?=.*\b(?:new|recent|recently|lately|happening|news)\b)",
    re.I,
)
# '% growth from 2022 to 2024?': the change over a span, said in percent
PERCENT_CHANGE = re.compile(
    r"(?:%|\bper ?cent(?:age)?)\s*(?:growth|increase|change|rise|gain|jump|decline|drop|fall)\b"
    r"|\b(?:growth|increase|change|rise|gain)\s+(?:in|as an?)\s+(?:%|per ?cent(?:age)?)",
    re.I,
)
# '... a year', 'annual', 'cagr': a yearly rate after all
PER_YEAR = re.compile(
    r"\b(?:annual\w*|a year|per year|yearly|cagr|compound\w*|yoy|avg|average|p\.?a\.?)\b", re.I
)
# 'top 5 players combined, how much revenue?', 'how concentrated is it?': what the largest hold together
_FEW = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
_FIRMS = (
    r"(?:players?|companies|vendors|providers|firms|manufacturers|makers|producers|suppliers|competitors"
    r"|brands|oems|contractors|operators)"
)
_TOP_FEW_FIRMS = re.compile(
    rf"\b(?:top|largest|leading|biggest|major)\s+{_FEW}\s+{_FIRMS}\b|\b{_FEW}\s+(?:largest|biggest|leading|top)\s+{_FIRMS}\b",
    re.I,
)
_HELD_TOGETHER = re.compile(
    r"\b(?:combined|together|jointly|collectively|between them|share|revenue|worth|how much|account\w*)\b|%",
    re.I,
)
_STRUCTURE_ASKED = re.compile(
    r"\b(?:concentrated|concentration|consolidated|consolidation|fragmented|fragmentation)\b", re.I
)


def asks_concentration(question: str) -> bool:
    """'top 5 players combined share?' (not 'top 2 players?', which asks who they are), 'how
    fragmented is the market?'."""
    return bool(
        (_TOP_FEW_FIRMS.search(question) and _HELD_TOGETHER.search(question))
        or _STRUCTURE_ASKED.search(question)
    )


# 'if the rate were 3 pts higher': the report's own rate moved by that many points
RATE_OFFSET = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:pts?|points?|percentage points?|pp|ppt)\s+(higher|lower|more|less|faster|slower|up|down)\b",
    re.I,
)
# 'ok with the real rate what's 2030': a year's size at the report's own rate
AT_REPORTS_RATE = re.compile(
    r"\b(?:at|with|using|on|going\s+by|based\s+on|by|per|applying)\s+(?:the\s+)?(?:real|report'?s|actual|stated|official|own|base|baseline|given)\s+"
    r"(?:rate|cagr|growth(?:\s+rate)?|numbers?|figures?)\b",
    re.I,
)
# 'whats the 2033 number': the market's size that year
YEAR_NUMBER = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:what(?:'s|s| is| was| will be)?\s+)?(?:the\s+)?(?:19|20)\d\d\s+"
    r"(?:number|figure|value|size|estimate|forecast|projection)\s*\??\s*$",
    re.I,
)
# 'avg revenue per unit?', 'average selling price per leveler': the market's size over its units
PER_UNIT = re.compile(
    r"\bper\s+(?:unit|piece|item|machine|device|system|installation)\b|\baverage\s+(?:selling\s+)?price\b"
    r"|\basp\b",
    re.I,
)
# 'does the 9.2% tie out from the 2025 value to the 2033 one?': the rate the two sizes imply, checked
RATE_CHECK = re.compile(
    r"\b(?:tie[sd]?\s+out|check(?:s|ed)?\s+out|add(?:s)?\s+up|reconcil\w*|consistent|hold(?:s)?\s+up"
    r"|line(?:s)?\s+up|square[sd]?|math\s+work|maths\s+work|work(?:s)?\s+out)\b",
    re.I,
)
# 'how many objects get digitised each year?': a count of things, which the market's money answers not
COUNT_OF_THINGS = re.compile(
    r"\bhow many\s+(?!(?:more\s+)?(?:years?|yrs?|times|percent|pct|points?|pts|dollars|usd|eur|billions?|bn"
    r"|millions?|mn|trillions?|x)\b|%|\$)[a-z]",
    re.I,
)
# 'how many yrs till the 2025 market doubles': the time it takes, not the rate it needs
ASKS_TIME = re.compile(r"\b(?:how (?:many|long)|when|till|until|what year|which year)\b", re.I)
# 'what growth rate would double the market by 2032': the rate a multiple of it needs
RATE_TO_MULTIPLY = re.compile(
    r"\b(?:rate|cagr|growth|pace|how fast)\b[^?]{0,40}?\b(?:double|twice|triple|treble|quadruple)"
    r"|\b(?:double|triple|treble|quadruple)\w*\b[^?]{0,40}?\b(?:what|which|required|needed)\s+(?:annual\s+)?(?:rate|cagr|growth)",
    re.I,
)
# 'how hard did covid hit sales?': the pandemic's toll on the market
PANDEMIC_HIT = re.compile(
    r"^(?=.*\b(?:covid(?:-?19)?|pandemic|lockdowns?|coronavirus)\b)"
    r"(?=.*\b(?:hit|impact\w*|affect\w*|effect|hurt|dip|drop\w*|f[ae]ll|declin\w*|slump\w*|crash\w*|how hard|how bad)\b)",
    re.I,
)
PANDEMIC_YEAR = 2020


def pandemic_years(stated: frozenset[int]) -> tuple[int, int] | None:
    """The last stated year before the pandemic and its first year, when the report states both."""
    before = [year for year in stated if PANDEMIC_YEAR - 2 <= year < PANDEMIC_YEAR]
    return (max(before), PANDEMIC_YEAR) if before and PANDEMIC_YEAR in stated else None


# 'and at 3%?': a rate alone, to compute at
BARE_RATE = re.compile(
    r"^\s*(?:and|so|ok|what about|how about)?\s*(?:at|with)?\s*\d+(?:\.\d+)?\s*(?:%|percent)\s*(?:instead|then)?\s*\??\s*$",
    re.I,
)
# 'which company, and when was it': who did what the last answer quoted, and when
WHO_OR_WHEN = re.compile(
    r"\b(?:who|which (?:company|firm|player|vendor|provider)|when|what date|what month)\b", re.I
)

# 'apac country coverage', 'which countries does europe include': the countries listed under a region
COUNTRIES_OF = re.compile(
    r"\bcountr(?:y|ies)\b.*\b(?:coverage|covered|covers?|includ\w*|breakdown|break(?:s)?\s+out|listed|list)\b"
    r"|\b(?:coverage|breakdown|list)\b.*\bcountr(?:y|ies)\b",
    re.I,
)

# 'what did that company do?', 'what have they announced': a company's news
DID_WHAT = re.compile(
    r"\bwhat\s+(?:did|does|has|have|had)\s+(?:\w+\s+){0,3}?(?:do|done|doing|announce\w*|launch\w*|acquire\w*|buy|bought"
    r"|open\w*|sign\w*|been\s+up\s+to)\b",
    re.I,
)


# 'as a share of the 2031 number?', "what's that as a % of the 2025 size", 'what % of 2030 is that'
AS_SHARE_OF_YEAR = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:what(?:'s|s|\s+is)?\s+)?(?:that|this|it)?\s*"
    r"(?:as\s+an?\s+|in\s+)?(?:share|%|percent(?:age)?|proportion|fraction)\s+of\s+(?:the\s+)?"
    r"(?:market(?:'s)?\s+(?:in\s+)?)?(?P<year>(?:19|20)\d\d)\b(?:\s+(?:size|number|figure|value|total|market))?"
    r"(?:\s+is\s+(?:that|this|it))?\s*\??\s*$",
    re.I,
)
