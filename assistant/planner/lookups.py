"""Questions recognised by their form: what kind of company a name is ('what kind of company is
glacia', 'who is glacia'), whether the report is out yet, who published it, and how many companies
there are (which reports do not say; their key players are what they give). Nothing here knows a
report."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from assistant.text.words import place_spellings, word_map

_KIND_OF = re.compile(
    r"^\s*(?:so\s+|and\s+)?(?:what|which)\s+(?:kind|type|sort)\s+of\s+"
    r"(?:company|firm|organi[sz]ation|business|player|provider|vendor|supplier|maker|group)\s+(?:is|was)\s+"
    r"(?P<name>[\w&.'-]+(?:\s+[\w&.'-]+){0,3}?)\s*\??\s*$"
    r"|^\s*(?:so\s+|and\s+)?who\s+(?:is|are|was)\s+(?P<who>[\w&.'-]+(?:\s+[\w&.'-]+){0,3}?)\s*\??\s*$",
    re.I,
)
# 'who is the publisher', 'who is it': not a name the report describes.
_NOT_A_NAME = re.compile(
    r"^(the|a|an|this|that|it|they|them|he|she|its|their|there|behind|responsible|leading|biggest|largest)\b",
    re.I,
)
# 'who are key players', 'who are the competitors': the players asked for, not a name described.
_ROLE = re.compile(
    r"\b(players?|compan(?:y|ies)|competitors?|vendors?|leaders?|firms?|manufacturers?|suppliers?"
    r"|providers?|publishers?|authors?|organi[sz]ations?|owners?|ceos?"
    # "who was acme's partner": a party to its news, not a name to describe
    r"|partners?|buyers?|acquirers?|targets?|customers?|clients?|investors?|backers?|rivals?)\b",
    re.I,
)
_RELEASE = re.compile(
    r"\b(out yet|released yet|been released|released soon|release soon|available yet|pre-?orders?"
    r"|(?:report|it|study)\s+(?:is\s+|been\s+)?already\s+(?:out|released|published|available)"
    r"|when (?:is|will) (?:it|the report|this report) (?:be )?(?:out|released|available))\b"
    # 'upcoming' of the report itself, never of trends or developments
    r"|\b(?:it|this|the report|this report|the study)\s+(?:is\s+)?(?:\w+\s+){0,4}(?:upcoming|forthcoming)\b"
    # 'is the report out already?', 'is it out', 'has the study come out'
    r"|\b(?:is|has)\s+(?:the\s+|this\s+)?(?:report|it|study)\s+(?:come\s+)?out(?:\s+(?:already|yet|now))?\s*\??\s*$",
    re.I,
)
RELEASE_WORDS = "report released upcoming forthcoming available release"
# 'how many SMOs operate globally', 'how many vendors are there': a count of companies, which
# reports of this kind do not give; their key players are what they give.
_COMPANY_COUNT = re.compile(
    r"\bhow many\s+(?:[\w-]+\s+){0,2}?(?:(?i:companies|firms|players|vendors|providers|suppliers"
    r"|manufacturers|makers|competitors|organi[sz]ations|operators|businesses)|[A-Z]{2,6}s)\b"
    r"[^?]*?\b(?i:operate|operating|exist|are there|compete|competing|are active|in the market|worldwide"
    r"|globally|in total)\b",
)


# 'what counts as a large enterprise here', 'how are smes defined', 'what do they mean by volumes'
_DEFINITION = re.compile(
    r"^\s*(?:so\s+|and\s+|ok\s+)?(?:what\s+(?:counts|qualifies|passes)\s+as|how\s+(?:is|are)\s+.{2,60}?\s+defined"
    r"|how\s+(?:does|do)\s+(?:the\s+report|they|it|you)\s+define|what\s+(?:do|does)\s+(?:the\s+report|they|it|you)\s+mean\s+by"
    r"|(?:what(?:'s|s| is)\s+)?(?:the\s+)?definition\s+of|define)\b",
    re.I,
)


# 'anything about AI in there?', 'does the report mention tariffs', 'is churn mentioned at all'
_MENTIONS = re.compile(
    r"^\s*(?:so\s+|and\s+|ok\s+|hey\s+)?(?:"
    r"(?:is there\s+|are there\s+|got\s+|any\s+)?(?:anything|something|info|stuff)\s+"
    r"(?:at all\s+)?(?:about|on|re|regarding|related to)"
    r"|does\s+(?:the\s+report|it|this|the\s+page|the\s+study)\s+(?:mention|say anything about|talk about|discuss|touch on)"
    # 'what does it say about europe', 'u mentioned gdpr somewhere'
    r"|what\s+(?:does|do|did)\s+(?:the\s+report|it|this|the\s+page|the\s+study|they)\s+say\s+(?:about|on|re|regarding)"
    r"|(?:you|u)\s+mentioned"
    r"|any\s+mention\s+of)\s+(?P<topic>[^?]{2,60}?)"
    r"(?:\s+(?:in\s+(?:there|it|here|the\s+report|this\s+report)|at\s+all|somewhere|earlier|before)"
    r"(?:\s*[-–—,]\s*what(?:'s|s| is)\s+the\s+(?:issue|problem|deal|story|point)(?:\s+there)?)?)?\s*[?.!]*\s*$"
    r"|^\s*(?:is|are)\s+(?P<said>[^?]{2,60}?)\s+(?:mentioned|discussed|covered)(?:\s+at\s+all)?\s*[?.!]*\s*$",
    re.I,
)


_SAYS_ABOUT = re.compile(r"^\s*(?:so\s+|and\s+|ok\s+)?what\s+(?:does|do|did)\b", re.I)
_FIGURE_ASKED = re.compile(
    r"\b(?:growth|grow\w*|share|size|cagr|value|revenue|forecast|outlook|drivers?|challenges?|trends?)\b",
    re.I,
)
_POINTS_BACK = re.compile(r"(?:it|that|this|them|those|these|they|there|here)(?:\s+\w+)?", re.I)


def mentioned_topic(question: str) -> str | None:
    """What a 'does it mention X' question asks the report to name."""
    match = _MENTIONS.match(question)
    if match is None:
        return None
    topic = (match.group("topic") or match.group("said") or "").strip(" .'\"")
    topic = re.sub(r"^(?:the|a|an)\s+", "", topic, flags=re.I)
    if _SAYS_ABOUT.match(question) and _FIGURE_ASKED.search(topic):
        return None  # 'what did the report say about asia pacific's growth?': that figure, not every mention
    # 'anything on that?', 'is it mentioned': what was said before, not a topic of its own
    return None if not topic or _POINTS_BACK.fullmatch(topic) else topic


# 'what's excluded from the numbers', 'what does the report leave out of scope', 'exclusions?'
_EXCLUSIONS = re.compile(
    r"\b(?:excluded|exclude[sd]?|exclusions?|leaves?\s+out|left\s+out|out\s+of\s+scope|outside\s+(?:the\s+)?scope"
    r"|not\s+(?:included|covered|counted)|(?:doesn'?t|does\s+not|don'?t)\s+(?:include|cover|count))\b",
    re.I,
)


def asks_exclusions(question: str) -> bool:
    """'what's excluded from the study?': what the report's figures leave out."""
    return bool(_EXCLUSIONS.search(question))


def asks_definition(question: str) -> bool:
    """'what counts as a large enterprise here?': what the report takes a name it uses to mean."""
    return bool(_DEFINITION.match(question))


def described_name(question: str) -> str | None:
    """The name a 'what kind of company is X' or 'who is X' question asks about, if it is one."""
    match = _KIND_OF.match(question)
    if match is None:
        return None
    name = (match.group("name") or match.group("who") or "").strip(" .")
    if not name or _NOT_A_NAME.match(name) or _ROLE.search(name):
        return None
    return name


# 'who publishes the ... forecast', 'who put out this report': the publisher, whatever the rest names.
_WHO_PUBLISHES = re.compile(
    r"^\s*(?:and\s+|so\s+)?who\s+(?:publish\w*|wrote|writes|authored|is\s+(?:the\s+)?(?:publisher|author)"
    r"|put\s+(?:this|the|it)(?:\s+(?:report|study|page|research))?\s+out|puts\s+(?:this|it)\s+out"
    r"|(?:is|was)\s+behind\s+(?:this|the)\s+(?:report|study|research))\b"
    # 'source for the X forecast?': of the report itself ('the source for that claim' points back)
    r"|^\s*(?:what(?:'s|s| is) the\s+)?source\s+(?:of|for)\s+(?:the|this)\b[^?]{0,80}?"
    r"\b(?:report|study|press release|research|analysis|forecast|outlook|figures|data)\b",
    re.I,
)


def asks_publisher(question: str) -> bool:
    """'who publishes the smart irrigation forecast?', 'source for the press release?'."""
    return bool(_WHO_PUBLISHES.match(question))


def counts_companies(question: str, acronyms: Collection[str] = ()) -> bool:
    """'how many SMOs operate globally', 'how many vendors are there in this market'; ``acronyms``:
    the report's own initials, which users type in lower case ('how many smos are there')."""
    typed = re.sub(
        r"\b([a-z]{2,6})s\b",
        lambda m: f"{m.group(1).upper()}s" if m.group(1) in acronyms else m.group(0),
        question,
    )
    return bool(_COMPANY_COUNT.search(typed))


# 'can i get extra companies profiled?', 'any customization options?': what the publisher offers to add
_CUSTOMIZATION = re.compile(
    r"\bcustomi[sz]\w*|\b(?:extra|additional|more|other)\s+(?:companies|players|firms|vendors|competitors)\s+"
    r"(?:profiled|added|covered|included)\b|\bprofile\s+(?:extra|additional|more|other)\s+(?:companies|players|firms)\b",
    re.I,
)
CUSTOMIZATION_WORDS = "customization options additional market players profiling"


def asks_customization(question: str) -> bool:
    """'can i get extra companies profiled?', 'how many extra players can be added as a customization'."""
    return bool(_CUSTOMIZATION.search(question))


def asks_release(question: str) -> bool:
    """'is this report out yet or upcoming?', 'has it been released yet'."""
    return bool(_RELEASE.search(question))


# The key players pointed at as a list: 'those listed cos', 'the key players', 'that list'
_THE_LISTED = (
    r"(?:(?:those|these|the|them)\s+(?:listed\s+|key\s+|profiled\s+|main\s+)?"
    r"(?:players|compan(?:y|ies)|cos|firms|vendors)|that list|the list|(?:any\s+|which\s+)?of\s+(?:them|those|these)"
    r"|(?:do|did|does)\s+(?:any\s+of\s+)?(?:those|these|they))"
)
# 'is headlands on the key players list?', 'is acme one of the profiled companies'
_ON_THE_LIST = re.compile(
    r"\b(?:on|in|among|one of|part of|included in|listed (?:as|among|in))\s+(?:the\s+|that\s+|those\s+)?"
    r"(?:key\s+|main\s+|major\s+|listed\s+|profiled\s+)?(?:players?|compan(?:y|ies)|cos|vendors|firms)"
    r"(?:\s+list)?\b|\bon\s+(?:the|that)\s+list\b"
    # 'is SGS one of the ten?' after the players were counted
    r"|\b(?:one of|among)\s+(?:the|those)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.I,
)
# 'which of those listed cos show up in the recent developments', 'the other devs are from cos not on that list'
_IN_THE_NEWS = re.compile(
    rf"\b{_THE_LISTED}\b.{{0,40}}\b(?:show up|appear|feature|figure|mentioned|have)\b.{{0,30}}"
    r"\b(?:recent developments|developments|news|devs)\b"
    r"|\b(?:developments|devs|news)\b.{0,40}\b(?:not on|aren'?t on|not in|outside|not among)\s+"
    r"(?:the|that|those)\s+(?:list|players|companies|cos)\b",
    re.I,
)
_OUTSIDE = re.compile(r"\b(?:not on|aren'?t on|not in|outside|not among)\b", re.I)


def asks_player_membership(question: str) -> bool:
    """'is headlands on the key players list?'"""
    return bool(_ON_THE_LIST.search(question))


def asks_players_in_news(question: str) -> bool:
    """'which of those listed cos show up in the recent developments', or the news of companies
    not on that list."""
    return bool(_IN_THE_NEWS.search(question))


def asks_outside_players(question: str) -> bool:
    return bool(_OUTSIDE.search(question))


# 'which one is japanese', 'which ones are uk based', 'any german players': players by their country
_FROM_A_COUNTRY = re.compile(
    r"\b(?:which|who|any|what)\b.{0,40}\b(?:is|are|'s|from|based|headquartered|hq'?d?|in|among)\b", re.I
)


# 'what did the norwegian one launch': what a player did, not where players are
_DID_SOMETHING = re.compile(
    r"\b(?:did|does|do|done|launch\w*|acqui\w*|announc\w*|open\w*|sign\w*|partner\w*|bought|buy\w*"
    r"|rais\w*|invest\w*|happen\w*|say|said|make|made)\b",
    re.I,
)


_ASKS_BASED = re.compile(
    # ('a us-based cro' names a kind of company, not a question of where one is)
    r"(?<!-)\bbased\b|\b(?:headquarter\w*|hq|hqs|head\s+office|home\s+countr\w*)\b"
    r"|\bwhere\s+(?:are|is)\s+(?:\w+\s+){0,3}(?:from|located)\b",
    re.I,
)


def asks_based(question: str) -> bool:
    """'key cos + where they're based', 'carrago hq?': where companies are headquartered."""
    return bool(_ASKS_BASED.search(question))


def asks_players_from(question: str) -> bool:
    """'which one is japanese', 'any german firms among them': the players of a country."""
    return bool(_FROM_A_COUNTRY.search(question)) and not _DID_SOMETHING.search(question)


def country_asked(question: str, named: list[str]) -> str | None:
    """The country a question names: one it names outright, else by its adjective ('japanese')."""
    if named:
        return named[0]
    words = re.findall(r"[a-z.]+", question.lower())
    adjectives = word_map("demonyms")
    by_adjective = next((adjectives[w] for w in words if w in adjectives), None)
    abbreviated = _abbreviated_countries()
    return by_adjective or next((abbreviated[w] for w in words if w in abbreviated), None)


@cache
def _abbreviated_countries() -> dict[str, str]:
    """A country's abbreviation typed in lower case ('uk', 'uae') -> its name; never 'us', which is a
    word too."""
    return {
        spelling.lower(): row[0]
        for row in place_spellings("countries")
        for spelling in row[1:]
        if spelling.replace(".", "").isupper() and spelling.lower() not in ("us", "u.s.")
    }
