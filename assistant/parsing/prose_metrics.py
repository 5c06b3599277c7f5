"""What a figure in a sentence measures, read from the words around it: a CAGR ("growing at a CAGR
of 8.9%"), a share ("held 31.4% of revenue"), a share of the market's growth ("contributed 43% of
the growth"), year-on-year growth ("year-on-year growth of 14.7%"), an absolute increase ("forecast
to increase by USD 2.71 billion"), a size, a price (a currency figure "per unit", or what "a station
... cost" to build), a volume or a count. A percentage without its anchor words is not typed.
"""

from __future__ import annotations

import re

from assistant.domain.report import Metric
from assistant.parsing import vocab
from assistant.parsing.figures import Figure

_ABOUT = (
    r"(?:about|around|nearly|over|more than|approximately|an estimated|roughly|almost|close to|some|just over"
    r"|just under|less than|under)"
)
_CAGR_BEFORE = re.compile(
    r"(?:\bCAGR\b|compound annual growth rate|annual growth rate|growth rate)(?:\s*\([^)]*\))?"
    rf"\s*(?:of|at|:|is|was|will be|stood at|reached)?\s*(?:{_ABOUT}\s+)?$"
    r"|\bgrow(?:s|ing|th)?\s+(?:at\s+)?(?:a\s+)?(?:rate\s+of\s+)?(?:" + _ABOUT + r"\s+)?$"
    r"|\b(?:register|registering|witness|witnessing|exhibit|exhibiting|expand|expanding|advance|advancing|"
    r"record|recording|post|posting|reflecting|at)\s+(?:a\s+)?(?:an\s+)?(?:" + _ABOUT + r"\s+)?$",
    re.I,
)
_CAGR_AFTER = re.compile(r"\s*(?:\(CAGR\)\s*)?(?:CAGR\b|compound annual growth|annual growth rate)", re.I)
_SHARE_AFTER = re.compile(
    r"\s*(?:(?:revenue|market|value|volume)\s+)?share\b"
    r"|\s*of\s+(?:the\s+)?(?:(?:global|total|overall|worldwide|entire)\s+)?(?:[\w&'-]+\s+){0,4}?"
    r"(?:market|revenue|revenues|sales|share|demand|consumption|installations|volume|value)\b"
    r"|\s*(?:in|by)\s+(?:revenue|value|volume)\b",
    re.I,
)
_SHARE_BEFORE = re.compile(
    # 'share of 31%', 'the largest share of the market at 52.4%', 'the largest share, 57.0%,'
    r"\bshare,?\s+(?:of\s+(?:the\s+)?(?:(?:global|total|overall|worldwide)\s+)?(?:market|revenues?|sales|value)\s+)?"
    r"(?:of|at|was|is|stood at|reached|amounting to|accounting for|exceeding|above|around|with)?\s*"
    rf"(?:{_ABOUT}\s+)?$"
    r"|\b(?:accounted for|accounts for|accounting for|account for|held|holds|holding|hold|captured|captures|"
    r"capturing|capture|took|takes|taking|commanded|commands|represented|represents|representing|"
    r"contributed|contributes|contributing|contribute|made up|makes up|making up|make up|comprised|comprises|generated|"
    r"dominated|dominating|led|leading|occupied|occupies|claimed|secured|earned|earns)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:(?:largest|major|dominant|significant|substantial|considerable|leading|majority|remaining|other)\s+)?"
    r"(?:(?:revenue|market)\s+)?(?:share\s+(?:of\s+)?)?"
    rf"(?:{_ABOUT}\s+)?$",
    re.I,
)
# "contributed 43% of the growth", "to contribute 46% to the growth of the global market".
_GROWTH_SHARE_AFTER = re.compile(
    r"\s*(?:of|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:growth|increase|expansion|incremental\s+\w+)\b", re.I
)
_GROWTH_BEFORE = re.compile(
    r"\b(?:grew|grow|increased|increase|rose|rise|jumped|surged|expanded|climbed|gained|declined|decline|"
    r"fell|decreased|dropped|contracted|growth of|(?<!made )(?<!makes )(?<!making )(?<!make )up|down)\s+(?:by\s+)?(?:"
    + _ABOUT
    + r"\s+)?$",
    re.I,
)
_YOY_BEFORE = re.compile(
    r"\b(?:year-on-year|year-over-year|y-o-y|yoy|(?<!compound )annual)\s+(?:revenue\s+)?growth(?:\s+rate)?\b"
    r"[^%]{0,50}$|\b(?:year-on-year|year-over-year|y-o-y|yoy)\s+(?:increase|rise|growth)\s+of\s+$",
    re.I,
)
# "forecast to increase by USD 2.71 billion": an absolute increase, not a size.
_INCREMENT_BEFORE = re.compile(
    r"\b(?:increase|increased|increasing|grow|grew|growing|rise|rose|expand|expanded|add|adding|added)\s+"
    r"(?:by\s+)?(?:" + _ABOUT + r"\s+)?$|\b(?:incremental growth|absolute growth|increase|growth)\s+of\s+$",
    re.I,
)
# "a station ... cost EUR 1.9 million to build": what one unit costs.
_COST_BEFORE = re.compile(
    r"\b(?:cost|costs|costing|priced at|sold for|sells for|sell for|retailed for|retails for)\s+"
    r"(?:(?:on average|an average of|about|around|approximately|roughly|nearly|some|up to)\s+){0,2}$",
    re.I,
)
_VOLUME_WORDS = re.compile(vocab.pattern("measures", "volume-measures"), re.I)
_SOLD = re.compile(r"\b(?:sold|shipped|shipments|delivered|produced|manufactured|consumed|sales)\b", re.I)
_PRICE_WORDS = re.compile(rf"\b{vocab.pattern('measures', 'price-words')}\b", re.I)
_MILESTONE_AFTER = re.compile(r"\s*(?:threshold|mark|milestone|barrier|level)\b", re.I)
_DECLINE = re.compile(r"\b(?:declined|decline|fell|decreased|dropped|contracted|down)\b", re.I)


def metric(figure: Figure, before: str, sentence: str, about: bool) -> Metric | None:
    """What ``figure`` measures, from the words ``before`` it and the rest of the ``sentence``;
    None for a figure that is not a market figure (or not one of this market, when not ``about`` it)."""
    if figure.kind == "amount":
        # Amounts read with their verb, or in a physical measure, need no market word around them.
        words = (figure.measure or "").split()
        physical = bool(words) and bool(
            _VOLUME_WORDS.fullmatch(words[-1]) or _VOLUME_WORDS.fullmatch(" ".join(words))
        )
        if not (about or figure.anchored or physical):
            return None
        return "volume" if physical or _SOLD.search(sentence) else "count"
    if figure.kind == "price":
        return "price" if about or _PRICE_WORDS.search(before[-50:]) else None
    if figure.kind == "money" and is_cost(before):
        return "price"
    if not about:
        return None
    after = sentence[figure.end : figure.end + 80]
    if figure.kind == "money" and _MILESTONE_AFTER.match(after):
        return None  # 'pass the USD 1 billion threshold during 2025': a mark passed, not the year's size
    if figure.kind == "money":
        return "growth" if _INCREMENT_BEFORE.search(before) else "market_size"
    if _YOY_BEFORE.search(before):
        return "growth"
    if _CAGR_AFTER.match(after) or (
        re.search(r"\bCAGR\b|compound annual growth rate", before[-60:], re.I) and _CAGR_BEFORE.search(before)
    ):
        return "cagr"
    if _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before):
        return "share"
    if _GROWTH_OF.search(before) and _PER_YEAR.match(after):
        return "cagr"  # 'expected growth of 8.6% a year': a yearly rate over the forecast
    if _GROWTH_BEFORE.search(before):
        return "growth"
    if _CAGR_BEFORE.search(before) and re.search(r"\bgrow", before[-40:], re.I):
        return "cagr"
    if _CAGR_BEFORE.search(before) and _OTHER_RISE.search(before[-40:]) and _PER_YEAR.match(after):
        return "cagr"  # 'is projected to expand at 4.6% a year'
    return None


_GROWTH_OF = re.compile(rf"\bgrowth\s+of\s+(?:{_ABOUT}\s+)?$", re.I)
_OTHER_RISE = re.compile(r"\b(?:expand|advanc|ris|increas|climb)\w*", re.I)
_PER_YEAR = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?:year|annum)|annually|yearly)\b", re.I)


def is_share_of_growth(sentence: str, figure: Figure) -> bool:
    """'43% of the growth': a share of the market's growth, not of its revenue."""
    return _GROWTH_SHARE_AFTER.match(sentence, figure.end) is not None


def is_share_of_region(sentence: str, figure: Figure) -> bool:
    """'83% of regional revenue', 'about 70% of North American demand': a share of its region, not
    of the whole market."""
    return _REGION_SHARE_AFTER.match(sentence, figure.end) is not None


_REGION_SHARE_AFTER = re.compile(
    r"\s*(?:share\s+)?of\s+(?:the\s+)?(?:regional|region'?s|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:an|n|ean|ian)?\s+regional"
    r"|(?:north|south|latin|central)\s+american|european|asian|african|middle\s+eastern"
    # 'of Asia Pacific revenue', "of Europe's demand"
    r"|(?:asia[- ]pacific|apac|europe|(?:north|south|latin|central)\s+america|middle\s+east(?:\s+(?:&|and)\s+africa)?"
    r"|africa|mea|emea|oceania)(?:'s)?)\s+"
    r"(?:revenue|demand|sales|market|spending|total)",
    re.I,
)


def is_cost(before: str) -> bool:
    """The words before a currency figure say what something cost ('cost on average')."""
    return _COST_BEFORE.search(before) is not None


def is_decline(before: str) -> bool:
    return _DECLINE.search(before[-40:]) is not None
