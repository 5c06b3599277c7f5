"""The particulars of a question: years, the unit asked for, and the report's own named things
(regions, countries, segments, companies) even when misspelt or lower-cased."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from assistant.text.sentences import american_spelling
from assistant.text.shorthand import PRONOUN_US, spelt_out
from assistant.text.tokens import singular
from assistant.text.words import word_list, word_map

_YEAR = re.compile(r"(?<![\d.,])(\d{4,6})(?![\d.,]*\d)")
# '2018-23', '2024/25': a range whose second year keeps only its last two digits
_SHORT_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b(?![\d.,%])")
_UNITS = (
    ("trillion", re.compile(r"\b(trillions?|tn|trn)\b", re.I)),
    ("billion", re.compile(r"\b(billions?|bn|bln)\b", re.I)),
    # ('give it in m', 'in $m')
    ("million", re.compile(r"\b(millions?|mn|mln|mio|mm)\b|\bin\s+(?:usd\s*|\$\s*)?m\b", re.I)),
    ("thousand", re.compile(r"\b(thousands?)\b", re.I)),
)
_FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|same for|and what about|ok and)\b|^\s*(in|for|by)\s+\d{4}\s*\??\s*$",
    re.I,
)
# Turnover as takings, not staff leaving ('staff turnover', 'the CRC turnover rate').
_REVENUE_TURNOVER = r"(?<!staff )(?<!employee )(?<!workforce )(?<!personnel )turnover(?!\s+rates?)"
# Attributes of a company or segment that a market report of this kind does not give.
_UNSTATED_ATTRIBUTE = re.compile(
    rf"\b(revenue|revenues|sales|{_REVENUE_TURNOVER}|profit|earnings|ceo|chief executive|founder|founded|"
    r"employees|headcount|staff count|stock|share price|market cap\w*|valuation|ebitda|net income|salary)\b",
    re.I,
)
# Of these, a revenue, a headcount or takings are a company's only when the question is about
# companies: 'how hard did covid hit sales' and 'what % of employees take it up' ask of the market.
_MARKET_MAY_HAVE = re.compile(
    rf"\b(?:revenues?|sales|{_REVENUE_TURNOVER}|profit|earnings|employees|headcount|staff count)\b", re.I
)
COMPANY_NOUNS = re.compile(
    r"\b(?:players?|compan(?:y|ies)|firms?|vendors?|brands?|manufacturers?|competitors?|suppliers?|providers?)\b",
    re.I,
)
# 'the leader's revenue', 'what are their sales' after a list of players
_COMPANY_POINTERS = re.compile(r"\b(?:leaders?|incumbents?|start-?ups?|they|their|them)\b", re.I)
_BY_MEASURE = re.compile(
    r"\b(?:by|in terms of|on)\s+(?:revenue|revenues|sales|turnover)(?:\s+share)?\b", re.I
)
# What a market or a part of it takes in: 'what did europe make in 2024', 'brought in', 'turnover'.
_TAKINGS = (
    rf"sales|{_REVENUE_TURNOVER}|earn(?:s|ed|ing)?|(?:bring|brings|brought|pull|pulled|rake|raked|take|took)\s+in"
    # not the cause of something: 'what made europe the leader', 'what makes it grow'
    r"|(?<!what )(?:make|makes|made)(?!\s+(?:it|up|them|this|that|the|sense|for|of|a|an|its|their)\b)"
)
_MONEY_ASK = re.compile(
    r"\b(sizes?|worth|values?|valued|revenues?|how big|how large|how much|usd|dollars?|bucks|billion|million|spend"
    rf"|spending|spent|{_TAKINGS})\b|\$",
    re.I,
)
_FIGURE_ASK = re.compile(
    r"\b(forecast\w*|project\w*|outlook|estimat\w*|expected|predict\w*|extrapolat\w*|number|figure)\b", re.I
)
# One year's own growth rate, not the CAGR over the forecast: 'yoy growth 2026'.
YEAR_ON_YEAR = re.compile(r"\b(?:yoy|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year)\b", re.I)
_GROWTH_ASK = re.compile(
    r"\b(grow\w*|increase\w*|rise|rises|change|expan\w*|add\w*|gain\w*|up by|bigger|jump|difference|delta|gap|spread"
    # a fall is a change too: 'how much did it shrink in 2020 vs 2019'
    r"|shr[iau]nk\w*|declin\w*|dropped|drop by|fell|fallen|fall|falls|dip|dipped|slump\w*|contracted|contraction"
    r"|smaller|down by)\b"
    # 'how much is that up in $ from 2025', 'up on 2024', 'down since 2020'
    # ('how does that stack up vs europe' compares; it asks no change)
    r"|(?<!stack )(?<!stacks )(?<!measure )(?<!measures )(?<!match )(?<!matches )(?<!line )(?<!add )(?<!sum )"
    r"\b(?:up|down)\s+(?:in\s+(?:\$|\w+)\s+)?(?:from|on|since|over|vs\.?|versus|compared)\b",
    re.I,
)
_MARKET_FIGURE = re.compile(
    rf"\b(market|size|worth|value|valued|forecast\w*|project\w*|big|large|revenue|estimat\w*|outlook|extrapolat\w*"
    rf"|{_TAKINGS})\b",
    re.I,
)
# 'how much of demand is home care', 'what slice of the market': a share, not an amount
_PART_OF_WHOLE = re.compile(
    r"\bhow much of (?:the )?(?:total |overall |global )?(?:demand|market|revenue|sales|spend\w*)\b"
    r"|\b(?:slice|chunk) of (?:the )?(?:market|demand|revenue|pie)\b"
    r"|(?:%|\bper ?cent|\bpercentage|\bshare|\bsplit) of (?:the )?(?:total |overall |global |its )?(?:demand|market|revenues?|sales|spend\w*)\b",
    re.I,
)
MARKET_NOUN = re.compile(r"\b(?:market|mkt|industry|sector)\b", re.I)  # the market itself, not a part
# 'if volumes grow at their own rate': a part of the market, whatever word of the market's name it is
_OWN_RATE = re.compile(r"\b(?:its|their) own (?:rate|cagr|growth|pace)\b", re.I)
# 'europe's share is how many times mea's?': one figure as a multiple of another
# a statistic named by its own words: 'the enrolment time stat', 'the r&d figure'; two words at least
# name one ('the global number' does not)
MIN_STAT_WORDS = 2
NAMED_STAT = re.compile(
    r"\bthe\s+(?P<words>[\w&'/-]+(?:\s+[\w&'/-]+){0,3})\s+(?:stat|statistic|figure|number|data point)s?\b",
    re.I,
)
TIMES_AS = re.compile(
    r"\bhow many (?:times|x)\b|\btimes\s+(?:as\s+)?(?:big|large|larger|bigger|higher|more)\b|\bratio\b", re.I
)
SPLIT = re.compile(
    r"\b(?:split|splits|breakdown|break\s+(?:\w+\s+){0,3}?down|broken\s+down|mix)\b", re.I
)  # how a figure divides among parts
_SHARE_ASK = re.compile(r"\b(shares?|percent|percentage|portions?|proportions?|fractions?)\b|%", re.I)
_INJECTION = re.compile(
    r"^\s*(system|assistant|admin)\s*:|the report (was|is|has been) (updated|wrong|outdated)|\bis now \d|"
    r"\breal (market )?(size|value|figure) is|ignore (all |any |the )?(previous|prior|above|earlier) (instructions|prompts?|rules)|"
    r"disregard (the |your )?(instructions|report|rules)|you are now|system prompt|"
    r"pretend (that|to)|from now on|new instructions|act as|override",
    re.I,
)


# Analysts' shorthand and frequent misspellings, spelled out before intent and slots are read.


# '1.5x', '2 x', '3×': a multiple, written as 'times' so one wording serves them all.
_MULTIPLE_AFTER_NUMBER = re.compile(r"(?<=\d)\s?[x×](?!\w)", re.I)
_MULTIPLE_WORD = re.compile(r"(?<![\w.])[x×](?=\s+(?:bigger|larger|greater|smaller|as|the)\b)", re.I)


def normalise(question: str) -> str:
    """Spell out shorthand ('mkt sz 2028' -> 'market size 2028', '1.5x' -> '1.5 times'); everything
    else is kept."""
    question = _MULTIPLE_WORD.sub("times", _MULTIPLE_AFTER_NUMBER.sub(" times", question))
    question = _SHORT_YEAR.sub(r"20\1", question)  # "by '32" -> "by 2032"
    # '2029 number? dont think its given directly': a hedge asks nothing of its own
    question = _HEDGE.sub("", question)
    # 'say north america is half of that': a share the user supposes, as a percent
    question = _FRACTION_OF.sub(lambda m: f"{_FRACTIONS[m.group(1).lower()]}% of", question)
    return spelt_out(question)


_HEDGE = re.compile(
    r"[\s,;.?!-]*\b(?:(?:i\s+)?(?:don'?t|dont|do not)\s+think\s+(?:it'?s|its|it is|they)\s+(?:\w+\s+){0,2}"
    r"(?:given|stated|there|listed|included|in there)(?:\s+(?:directly|explicitly|anywhere))?"
    r"|not sure (?:if|whether) (?:it'?s|its|they|that'?s) (?:\w+\s+){0,2}(?:given|stated|there|listed|included)"
    r"|iirc|afaik)\s*[.?!]*\s*$",
    re.I,
)
_FRACTIONS = {
    "half": "50",
    "a third": "33.3",
    "one third": "33.3",
    "a quarter": "25",
    "one quarter": "25",
    "two thirds": "66.7",
    "three quarters": "75",
    "a fifth": "20",
    "one fifth": "20",
    "a tenth": "10",
}
_FRACTION_OF = re.compile(r"\b(" + "|".join(_FRACTIONS) + r")\s+of\b", re.I)


_SHORT_PAIR = re.compile(r"(?<![\w$£€.,%])['’]?([0-9]{2})\s*(?:->|→|=>)\s*['’]?([0-9]{2})\b(?!\s*%|\.\d)")
_SHORT_YEAR = re.compile(r"(?<![\w$£€.,'’])['’]([0-9]{2})\b(?!\s*%|['’])")
# '22 value pls', 'dlr mkt value 24', 'share in 24', 'yoy growth 23 to 24', 'implied cagr 20-24': a year
# written with two digits, where the words around it make it one (a count or a rate has its own words)
_BARE_SHORT_YEAR = re.compile(
    r"(?<![\w$£€.,%'’~-])(?<!\btop )(?<!\bfirst )(?<!\blast )(?<!\bnext )(?<!\bover )(?<!\bunder )"
    r"(?<!\babout )(?<!\baround )(?<!\bat )(?P<yy>1[5-9]|[2-4][0-9])(?![\w%]|[.,]\d)"
    r"(?!\s*(?:percent|pct|pp|pts?|points?|years?|yrs?|months?|x\b|times|bn|mn|million|billion|thousand"
    r"|companies|players|firms|vendors|countries|regions|segments|sites|units|km|kms|miles|hours|days)\b)"
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|by|for|of|from|to|since|through|thru|till|until|between|and|vs|versus|yr|year|fy|end|than)\s+"
    r"|[-–/]\s*|(?:->|→|=>)\s*)$",
    re.I,
)
_YEAR_AFTER = re.compile(
    r"\s*(?:(?:value|values|size|sz|figures?|forecasts?|fcst|numbers?|revenues?|sales|estimates?|est|level"
    r"|mkt|market|vs|versus|to|and|through|thru)\b|->|→|=>|[-–/]\s*\d\d\b|[?,;]|$)",
    re.I,
)


_SHORT_SPAN = re.compile(r"(?<![\w$£€.,%])(1[5-9]|[2-4][0-9])\s*[-–]\s*(1[5-9]|[2-4][0-9])(?![\w%]|[.,]\d)")


def bare_short_years(question: str) -> list[int]:
    """Years written with two digits where the words around them say so ('share in 24', '22 value',
    'implied cagr 20-24')."""
    span = _SHORT_SPAN.search(question)
    if span and int(span.group(1)) < int(span.group(2)):
        return [2000 + int(span.group(1)), 2000 + int(span.group(2))]
    found = []
    for match in _BARE_SHORT_YEAR.finditer(question):
        before, after = question[: match.start()], question[match.end() :]
        if _YEAR_BEFORE.search(before[-12:]) or _YEAR_AFTER.match(after):
            found.append(2000 + int(match.group("yy")))
    return found


@dataclass(frozen=True)
class Entity:
    kind: str  # "region", "country", "segment", "company"
    name: str  # as the report writes it
    dimension: str | None = None  # for segments: e.g. "End User"
    key: str | None = None  # a company's distinctive word ('portvolt'), matched even when misspelt
    # All its words belong to the market's own name ('Heat Pump' in 'Industrial Heat Pump'): naming
    # the market names it too, so it says nothing on its own.
    in_market_name: bool = False
    # Words the report itself uses that are close to ``key`` ('cardiac' beside 'cardiola'): a
    # question that says one means that word, not a misspelt company.
    lookalikes: frozenset[str] = frozenset()
    # Other names of the same world region ('Latin America', 'LATAM' for the report's South America).
    aliases: tuple[str, ...] = ()
    # A segment's first word when no other name of the report opens with it ('handheld' for
    # Handheld battery-operated): a question may name the segment by it alone.
    head: str | None = None


@dataclass(frozen=True)
class Amount:
    """A money figure written in the question: '4bn' -> 4.0 billion, 'usd 600 mn' -> 600.0 million."""

    value: float
    unit: str | None


@dataclass
class Slots:
    years: list[int] = field(default_factory=list)
    bad_years: list[str] = field(default_factory=list)
    unit: str | None = None
    entities: list[Entity] = field(default_factory=list)
    asks_unstated_attribute: bool = False
    asks_money: bool = False
    asks_figure: bool = False  # a money word or a forecast word: a year's figure is wanted
    asks_growth: bool = False
    asks_share: bool = False
    follow_up: bool = False
    injection: bool = False
    amounts: list[Amount] = field(default_factory=list)  # money figures the question states
    percents: list[float] = field(default_factory=list)  # rates the question states, 8 means 8 %
    currency: str | None = None  # a currency the question asks in ('EUR' for 'in euros')
    # Years named by what they are, in the order named: "base" (the base year) and "end" (the
    # forecast's last year), e.g. 'from the base year to the end of the forecast'.
    year_refs: list[str] = field(default_factory=list)
    points_at_two: bool = False  # 'those', 'the two', 'both': what the last answers gave

    def of_kind(self, *kinds: str) -> list[Entity]:
        return [entity for entity in self.entities if entity.kind in kinds]

    def specific(self, *kinds: str) -> list[Entity]:
        """Entities of these kinds that are not just words of the market's own name."""
        return [entity for entity in self.of_kind(*kinds) if not entity.in_market_name]


def extract(question: str, vocabulary: list[Entity]) -> Slots:
    """Pull years, unit, entities and flags out of ``question``."""
    slots = Slots()
    for match in _YEAR.finditer(question):
        token = match.group(1)
        if len(token) == 4 and 1000 <= int(token) <= 2999:
            slots.years.append(int(token))
        elif _looks_like_year_context(question, match.start()):
            slots.bad_years.append(token)
    for match in _SHORT_RANGE.finditer(question):
        first = int(match.group(1))
        second = first // 100 * 100 + int(match.group(2))
        if second > first and second not in slots.years:
            slots.years.insert(
                slots.years.index(first) + 1 if first in slots.years else len(slots.years), second
            )
    if not slots.years:
        for match in _SHORT_YEAR.finditer(question):
            slots.years.append(2000 + int(match.group(1)))
    if not slots.years:
        for match in _SHORT_PAIR.finditer(question):  # 'yoy growth 22 -> 23'
            slots.years += [2000 + int(match.group(1)), 2000 + int(match.group(2))]
    if not slots.years:
        slots.years = bare_short_years(question)
    for unit, pattern in _UNITS:
        if pattern.search(question):
            slots.unit = unit
            break
    slots.entities = match_entities(question, vocabulary)
    # 'top application by revenue' ranks by revenue share: no company's revenue is asked
    attribute = _UNSTATED_ATTRIBUTE.search(_BY_MEASURE.sub(" ", question))
    slots.asks_unstated_attribute = attribute is not None and (
        not _MARKET_MAY_HAVE.fullmatch(attribute.group())
        or bool(COMPANY_NOUNS.search(question) or _COMPANY_POINTERS.search(question))
        or bool(slots.specific("company"))
    )
    part_of_whole = bool(_PART_OF_WHOLE.search(question))
    slots.asks_money = bool(_MONEY_ASK.search(question)) and not part_of_whole
    slots.asks_figure = bool(_MARKET_FIGURE.search(question)) and (
        slots.asks_money or bool(_FIGURE_ASK.search(question))
    )
    slots.asks_growth = bool(_GROWTH_ASK.search(question))
    # 'pu vs polyester split?': the shares of the parts named ('country breakdown for europe' lists them)
    split = bool(SPLIT.search(question)) and len(slots.specific("segment", "region", "country")) >= 2
    slots.asks_share = bool(_SHARE_ASK.search(question)) or part_of_whole or split
    slots.follow_up = bool(_FOLLOW_UP.search(question))
    named_by_market = [e for e in slots.entities if e.in_market_name]
    if (
        named_by_market
        and (slots.asks_share or _OWN_RATE.search(question))
        and len(named_by_market) == len(slots.entities)
        and not MARKET_NOUN.search(question)
    ):
        # 'volumes share?' of a climbing holds and volumes market: a market has no share of itself
        slots.entities = [replace(e, in_market_name=False) for e in slots.entities]
    slots.injection = addresses_the_assistant(question)
    slots.amounts = [
        Amount(float(m.group("num").replace(",", "")), _unit_word(m.group("unit")))
        for m in _AMOUNT.finditer(question)
        if m.group("unit") or m.group("cur")
    ]
    slots.percents = [float(m.group(1)) for m in _PERCENT.finditer(question)]
    currency = next((code for code, pattern in _CURRENCIES if pattern.search(question)), None)
    slots.currency = currency
    named = sorted((m.start(), ref) for ref, pattern in _YEAR_REFS for m in pattern.finditer(question))
    slots.year_refs = list(dict.fromkeys(ref for _, ref in named))
    slots.points_at_two = bool(_TWO_POINTED.search(question))
    return slots


_YEAR_REFS = (
    ("base", re.compile(r"\bbase[- ]?year\b|\bstarting (?:year|point)\b", re.I)),
    (
        "end",
        re.compile(
            r"\b(?:end|final|last|closing)[- ](?:forecast(?:ed)?[- ])?year\b"
            r"|\bend of (?:the |its )?(?:forecast|projection|outlook)(?:[- ](?:period|window|horizon))?\b"
            r"|\bforecast(?:ed)?[- ]end\b",
            re.I,
        ),
    ),
)
_TWO_POINTED = re.compile(r"\b(those|these|them|the two|both)\b", re.I)


def asks_change(text: str) -> bool:
    """Whether ``text`` asks how much something grows or changes ('increase', 'gap', 'grow')."""
    return bool(_GROWTH_ASK.search(text))


def addresses_the_assistant(question: str) -> bool:
    """Whether the question tries to instruct the assistant ('ignore your instructions and ...')."""
    return bool(_INJECTION.search(question))


_AMOUNT = re.compile(
    r"(?P<cur>\$|usd|us\$|eur|€|£|gbp)?\s?(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
    r"(?P<unit>trillions?|tn|trn|billions?|bn|bln|b|millions?|mn|mln|m|thousand)?\b(?!\s?%)",
    re.I,
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|pct\b)", re.I)
# Currencies a question may ask in; the report's own is known only from its figures.
_CURRENCIES = (
    ("EUR", re.compile(r"\b(eur|euros?)\b|€", re.I)),
    ("GBP", re.compile(r"\b(gbp|pounds? sterling|pounds)\b|£", re.I)),
    ("JPY", re.compile(r"\b(jpy|yen)\b|¥", re.I)),
    ("INR", re.compile(r"\b(inr|rupees?)\b|₹", re.I)),
    ("CNY", re.compile(r"\b(cny|rmb|yuan|renminbi)\b", re.I)),
    ("USD", re.compile(r"\b(usd|us\$|dollars?)\b|\$", re.I)),
)


def _unit_word(word: str | None) -> str | None:
    if not word:
        return None
    key = word.lower()
    for unit, pattern in _UNITS:
        if pattern.fullmatch(key) or (key in ("b", "m") and unit[0] == key):
            return unit
    return None


def _looks_like_year_context(question: str, start: int) -> bool:
    before = question[max(0, start - 12) : start].lower()
    return bool(re.search(r"\b(in|by|for|year|until|from|to|of)\s*$", before))


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_SLASHED_PAIR = re.compile(r"(?<=[a-z])\s*/\s*(?=[a-z])")  # 'hospitals/clinics': a pair, as 'and' writes it


def _words(text: str) -> list[str]:
    """Lower-case words in singular form and American spelling ('hospitals' meets 'Hospital',
    'sulphate' meets 'Sulfate')."""
    return [
        singular(american_spelling(w))
        # ("NA's share": the possessive is no word of its own)
        for w in re.findall(
            r"[a-z0-9]+", _SLASHED_PAIR.sub(" and ", _POSSESSIVE.sub("", text.lower()).replace("&", " and "))
        )
    ]


@cache
def name_words(name: str) -> tuple[str, ...]:
    """``_words`` of a report's name, worked out once: every question is matched against them all."""
    return tuple(_words(name))


MIN_PREFIX = 3


def _by_prefixes(own_words: tuple[str, ...], words: list[str]) -> bool:
    """The name's words in order, each typed whole or cut short ('vet clinics', 'new-build install'), one
    at least whole and one at least cut."""
    size = len(own_words)
    if size < 2:
        return False
    for start in range(len(words) - size + 1):
        said = words[start : start + size]
        whole = sum(1 for s, w in zip(said, own_words, strict=True) if s == w)
        cut = sum(
            1
            for s, w in zip(said, own_words, strict=True)
            if s != w and len(s) >= MIN_PREFIX and w.startswith(s)
        )
        if whole and cut and whole + cut == size:
            return True
    return False


def _without_articles(own_words: tuple[str, ...], words: list[str]) -> bool:
    if "the" not in own_words:
        return False
    bare = [w for w in own_words if w != "the"]
    said = " " + " ".join(w for w in words if w != "the") + " "
    return len(bare) >= 2 and " " + " ".join(bare) + " " in said


def match_entities(question: str, vocabulary: list[Entity]) -> list[Entity]:
    """Entities of ``vocabulary`` named in ``question``: exact words first, then close misspellings
    of a name's distinctive first word (e.g. 'portvot' for Portvolt Systems)."""
    question = _US_DOLLARS.sub(" $", question)  # 'US$ 4.5bn' is a currency, not the United States
    question = PRONOUN_US.sub(r"\g<verb> me", question)  # 'what cagr gets us to 10bn': nor is 'us' here
    words = _words(question)
    raw = re.findall(r"[a-z0-9]+", question.lower())  # as typed: a misspelling is judged on these
    text = " " + " ".join(words) + " "
    present = set(words)
    found: list[Entity] = []
    for entity in vocabulary:
        own_words = name_words(entity.name)
        if not own_words:
            continue
        if _demonym(entity, own_words, present):
            found.append(entity)  # 'european countries' for Europe
            continue
        if (
            (own_words[0] in present and " " + " ".join(own_words) + " " in text)
            or _abbreviated(own_words, words)
            or _without_articles(own_words, words)  # 'rest of world' for 'Rest of the World'
            or (not present.isdisjoint(own_words) and _by_prefixes(own_words, words))  # 'vet clinics'
        ):
            if entity.in_market_name and not _names_the_segment(entity, text):
                entity = replace(entity, in_market_name=True)
            elif entity.in_market_name:
                entity = replace(entity, in_market_name=False)
            found.append(entity)
            continue
        if (
            _by_head_word(entity, own_words, present)
            or _by_acronym(entity.name, present)
            or _by_short_name(entity.name, text)
            or any(_by_alias(alias, text, entity.kind) for alias in entity.aliases)
        ):
            found.append(entity)
            continue
        key = entity.key
        if key and (
            key in words or key in raw or _close(key, [w for w in raw if w not in entity.lookalikes])
        ):
            found.append(entity)
    # 'handheld battery ones', 'chloride vs sulfate': a segment by the first word of its name, a word
    # no segment found already holds
    taken = {w for e in found for w in name_words(e.name)}
    found += [
        e
        for e in vocabulary
        if e.head
        and e.head in present
        and e.head not in taken
        and e not in found
        and not _as_verb(e.head, words)
    ]
    if not found and (shared := _by_shared_words(vocabulary, present)) is not None:
        found.append(shared)  # 'the jaw plate segment' for 'Jaw crusher plates'
    # Prefer the longest names: "north america" should not also yield "america"-like partials.
    found.sort(key=lambda e: -len(e.name))
    kept: list[Entity] = []
    for entity in found:
        if not any(entity.name.lower() in other.name.lower() for other in kept):
            kept.append(entity)
    return kept


_NAME_FILLERS = frozenset("and the of for with other others".split())


@lru_cache(maxsize=64)
def _segment_words(segments: tuple[str, ...]) -> tuple[dict[str, frozenset[str]], Counter[str]]:
    """Each segment name's words, and how many names each word is in; worked out once per report,
    not on every question."""
    names = {
        name: frozenset(
            singular(w)
            for w in name_words(re.sub(r"\([^()]*\)", " ", name))  # not what a bracket lists
            if w not in _NAME_FILLERS and len(w) > 2
        )
        for name in segments
    }
    # a word several segments share ('forage' of 'Mounted forage harvesters' and 'Self-propelled forage
    # harvesters') picks out none of them
    return names, Counter(w for words in names.values() for w in words)


def _by_shared_words(vocabulary: list[Entity], present: set[str]) -> Entity | None:
    """The one segment of three words or more whose words the question all but one says, two at least
    ('jaw plate' for 'Jaw crusher plates'); None when no segment, or more than one, fits."""
    said = {singular(w) for w in present}
    names, counts = _segment_words(tuple(e.name for e in vocabulary if e.kind == "segment"))
    fits: list[tuple[int, Entity]] = []
    for entity in vocabulary:
        if entity.kind != "segment" or entity.in_market_name:
            continue
        own = names[entity.name]
        hits = len(own & said)
        if all(w in _QUALIFIERS for w in own - said):
            continue  # 'smoke evacuation' of 'Smoke evacuation systems': the market's own name, most likely
        distinct = sum(1 for w in own & said if counts[w] == 1)
        if len(own) >= 3 and distinct >= 2 and hits >= len(own) - 1:
            fits.append((hits, entity))
    if not fits:
        return None
    best = max(hits for hits, _ in fits)
    chosen = [e for hits, e in fits if hits == best]
    return chosen[0] if len(chosen) == 1 else None


# Words before a verb ('does the report project', 'to forecast') and after it ('project the ...')
_SUBJECTS = frozenset("report reports they we you it to will would does do did study".split())
_OBJECTS = frozenset("the a an its this that it them".split())


def _as_verb(word: str, words: list[str]) -> bool:
    """'what does the report project the market to be', 'project it to 2029': the head word is the
    question's verb here."""
    return any(
        w == word
        and (i == 0 or words[i - 1] in _SUBJECTS)
        and (i + 1 < len(words) and words[i + 1] in _OBJECTS)
        for i, w in enumerate(words)
    )


# Words that only qualify a segment's head word: 'cloud' names Cloud-based, 'camera' Camera-Enabled Feeders.
_QUALIFIERS = frozenset(
    "based enabled connected powered driven type types segment systems system devices device products "
    "product solutions solution services service".split()
)


_DEMONYM_ENDINGS = ("an", "n", "ean", "ian")


def _demonym(entity: Entity, name_words: tuple[str, ...], present: set[str]) -> bool:
    """A one-word place named by its adjective: 'european' for Europe, 'asian' for Asia."""
    # regions only: 'american indian' is no India
    if entity.kind != "region" or len(name_words) != 1 or len(name_words[0]) < 4:
        return False
    name = name_words[0]
    return any(name + ending in present or name[:-1] + ending in present for ending in _DEMONYM_ENDINGS)


def _by_head_word(entity: Entity, name_words: tuple[str, ...], present: set[str]) -> bool:
    """A segment named by its head word alone, when the rest of its name only qualifies it."""
    return (
        entity.kind == "segment"
        and len(name_words) >= 2
        and len(name_words[0]) >= 4
        and name_words[0] in present
        # 'cloud' for Cloud-based; 'flowers' for Flowers & Ornamentals
        and (all(word in _QUALIFIERS for word in name_words[1:]) or name_words[1] in ("and", "or"))
        and not entity.in_market_name
    )


_ACRONYM_IN_NAME = re.compile(r"\(([A-Za-z]{2,8})\)")


def _by_acronym(name: str, present: set[str]) -> bool:
    """'rpc cagr' for 'Reusable plastic containers (RPCs)': the initials the name carries."""
    return not _initials(name).isdisjoint(present)


@cache
def _initials(name: str) -> frozenset[str]:
    """The forms of the initials ``name`` carries in brackets ('rpcs', 'rpc'); none when it has none."""
    found = _ACRONYM_IN_NAME.search(name)
    if found is None:
        return frozenset()
    initials = found.group(1).lower()
    return frozenset({initials, initials.rstrip("s"), singular(initials)})


_PLACE_OR_FIGURE = re.compile(
    r"(?:countr\w*|nations?|regions?|regional|shares?|markets?|mkt|size|revenues?|sales|value|worth|cagr|growth)\b"
)
SHORT_ALIAS = 5  # a shorter alias is an everyday word unless a word about places or figures follows


def _by_alias(alias: str, text: str, kind: str) -> bool:
    """'latam', 'latin america' for the report's South America; 'na countries' for North America;
    'uk' for the United Kingdom."""
    words = " " + " ".join(name_words(alias)) + " "
    at = text.find(words)
    if at < 0:
        return False
    if kind == "country" and alias in _DEMONYMS:
        # 'the indian figures', not 'american indian participants'
        return any(not text[:hit].rstrip().endswith(_QUALIFIERS_OF_PEOPLE) for hit in _finds(text, words))
    # a country's or segment's initials are no everyday word ('UK', 'ASC'), unless they spell one ('US')
    initials = (
        kind in ("country", "segment") and alias.isupper() and alias.lower() not in word_list("stopwords")
    )
    paired = "&" in alias  # 'f&b' for Food and beverage is no everyday word
    if len(alias) >= SHORT_ALIAS or initials or paired:
        return True
    # ('na has the 34.5% share ... what is NA's cagr': any of its uses may be the one before a figure word)
    while at >= 0:
        if _PLACE_OR_FIGURE.match(text, at + len(words)):
            return True
        at = text.find(words, at + 1)
    return False


_US_DOLLARS = re.compile(r"\bU\.?S\.?\s?\$", re.I)
_DEMONYMS = frozenset(word_map("demonyms"))
# words before an adjective that make it a people's name, not a country's
_QUALIFIERS_OF_PEOPLE = (" american", " native", " north", " south", " latin", " central", " east", " west")


def _finds(text: str, words: str) -> list[int]:
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def _by_short_name(name: str, text: str) -> bool:
    """'thermoelectric share' for 'Thermoelectric (Peltier)': the name before what it puts in brackets."""
    short = _short_name(name)
    return bool(short) and short in text


@cache
def _short_name(name: str) -> str:
    """The words of ``name`` before its brackets, spaced as ``match_entities`` spaces a question."""
    if "(" not in name:
        return ""
    short = _words(name.split("(", 1)[0])
    return " " + " ".join(short) + " " if short else ""


def _abbreviated(name_words: tuple[str, ...], words: list[str]) -> bool:
    """'asia pac' or 'north american' for Asia Pacific, North America: each word of the name, in order,
    begins or is begun by a word of the question (4 letters at least, the first word whole)."""
    if len(name_words) < 2:
        return False
    for i in range(len(words) - len(name_words) + 1):
        window = words[i : i + len(name_words)]
        # the first word whole, or cut to four letters or more ('tech & telecom', 'exec outplacement')
        first = (
            window[0] == name_words[0]
            or (len(window[0]) >= 4 and name_words[0].startswith(window[0]))
            # 'n america', 's. america': the first word's initial before the rest written out
            or (
                len(window[0]) == 1
                and name_words[0].startswith(window[0])
                and window[1:] == list(name_words[1:])
            )
        )
        if first and all(
            len(q) >= 3 and (n.startswith(q) or q.startswith(n))
            for q, n in zip(window[1:], name_words[1:], strict=True)
        ):
            return True
    return False


def lookalikes(key: str, report_words: set[str]) -> frozenset[str]:
    """The report's own words that ``_close`` would take for a misspelling of ``key``."""
    near_in_length = [w for w in report_words if abs(len(w) - len(key)) <= 1 and w != key]
    return frozenset(difflib.get_close_matches(key, near_in_length, n=len(near_in_length) or 1, cutoff=0.8))


def _close(key: str, words: list[str]) -> bool:
    """A misspelling of a company's key word ('portvot' for 'portvolt'), not a different word."""
    return any(_misspelt(key, w) for w in words if abs(len(w) - len(key)) <= 1)


@lru_cache(maxsize=1 << 16)
def _misspelt(key: str, word: str) -> bool:
    """``difflib.get_close_matches(key, [word], cutoff=0.8)`` for one word, remembered: every
    question is compared with every company's key word, and questions repeat their words."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    matcher.set_seq1(word)
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def _names_the_segment(entity: Entity, text: str) -> bool:
    """'heat pump services' names the segment, where 'heat pump market' names the market."""
    name = " ".join(_words(entity.name))
    return bool(re.search(rf" {re.escape(name)} (segment|services?|area|category) ", text))


def distinctive_word(name: str, common: set[str]) -> str | None:
    """A company's first uncommon word is enough to name it ('portvolt' for Portvolt Systems): not a
    legal form or business word, not a place, not in ``common`` (the market's own words and words
    the report's other names share)."""
    ordinary = word_list("company-words") | word_list("places")
    said = common | {w for c in common for w in _words(c)}  # 'products' is shared, so 'product' is too
    for word in _words(name):
        if word not in ordinary and word not in said and len(word) >= 3:
            return word
    return None


_COUNTS = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4, "five": 5, "5": 5}
# 'top two regions', 'the 3 biggest segments', 'two fastest growing apps'
TOP_FEW = re.compile(
    r"\b(?:top|(?:the\s+)?(?:largest|biggest|leading|fastest(?:[- ]growing)?))\s+(two|three|four|five|[2-5])\b"
    r"|\b(two|three|four|five|[2-5])\s+(?:largest|biggest|leading|fastest|top)\b",
    re.I,
)


def top_count(question: str) -> int:
    """How many leaders the question asks for ('top two regions': 2); 1 when it names no count."""
    match = TOP_FEW.search(question)
    return _COUNTS.get((match.group(1) or match.group(2)).lower(), 1) if match else 1
