"""Figures stated in sentences, prose or bullets: "valued at USD 4.87 billion in 2024 and expected to
reach USD 13.62 billion by 2030, growing at a CAGR of 18.7% from 2025 to 2030", "Europe held 41.3%
of revenue in 2024", "the hospital segment was USD 12.8 billion in 2023", "grew at a CAGR of 4.1%
between 2018 and 2023", "Vendors shipped 126,000 units in 2024".

A sentence is read only when it is about this market: it names the market (or says "the market"
without naming another one), or it opens with a region, country or segment of it. A percentage is
read only with its anchor words (CAGR, share, "of revenue", "grew by"); a sentence that names a
key player is company news, not a market figure. What is about another market, or an unanchored
number, is not a figure of this page's table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.domain.report import Metric, Named, QuantitySource, Scope
from assistant.parsing import figures as fig
from assistant.parsing import numbers as num
from assistant.parsing import vocab
from assistant.parsing.figures import Figure
from assistant.parsing.lines import Doc, Line
from assistant.parsing.quantities import Draft
from assistant.parsing.scopes import Mention, ScopeIndex
from assistant.parsing.sections import Outline

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(])")
# A full stop that ends an abbreviation, not a sentence: "U.S.", "Inc.", "e.g.".
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.){2,}|\b(?:Inc|Ltd|Co|Corp|Pvt|Plc|LLC|St|Dr|Mr|Mrs|Ms|No|Nos|Fig|approx|vs|etc|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|est)\.$"
)
_ABOUT = r"(?:about|around|nearly|over|more than|approximately|an estimated|roughly|almost|close to|some|just over|just under|less than|under)"
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
    r"\bshare\s+(?:of|at|was|is|stood at|reached|amounting to|accounting for|exceeding|above|around)?\s*"
    rf"(?:{_ABOUT}\s+)?$"
    r"|\b(?:accounted for|accounts for|accounting for|account for|held|holds|holding|hold|captured|captures|"
    r"capturing|capture|took|takes|taking|commanded|commands|represented|represents|representing|"
    r"contributed|contributes|contributing|made up|makes up|comprised|comprises|generated|dominated|"
    r"dominating|led|leading|occupied|occupies|claimed|secured)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:(?:largest|major|dominant|significant|substantial|considerable|leading|majority)\s+)?"
    r"(?:(?:revenue|market)\s+)?(?:share\s+(?:of\s+)?)?"
    rf"(?:{_ABOUT}\s+)?$",
    re.I,
)
_GROWTH_BEFORE = re.compile(
    r"\b(?:grew|grow|increased|increase|rose|rise|jumped|surged|expanded|climbed|gained|declined|decline|"
    r"fell|decreased|dropped|contracted|growth of|up|down)\s+(?:by\s+)?(?:" + _ABOUT + r"\s+)?$",
    re.I,
)
_YOY_BEFORE = re.compile(
    r"\b(?:year-on-year|year-over-year|y-o-y|yoy|(?<!compound )annual)\s+(?:revenue\s+)?growth(?:\s+rate)?\b[^%]{0,50}$"
    r"|\b(?:year-on-year|year-over-year|y-o-y|yoy)\s+(?:increase|rise|growth)\s+of\s+$",
    re.I,
)
# "forecast to increase by USD 2.71 billion": an absolute increase, not a size.
_INCREMENT_BEFORE = re.compile(
    r"\b(?:increase|increased|increasing|grow|grew|growing|rise|rose|expand|expanded|add|adding|added)\s+(?:by\s+)?"
    r"(?:" + _ABOUT + r"\s+)?$|\b(?:incremental growth|absolute growth|increase|growth)\s+of\s+$",
    re.I,
)
# "..., down from 11.9%" / "up from USD 498.0 million": the same kind of figure as the one before.
_COMPARED_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|increasing|decreasing)\s+from\s+$|\b(?:compared (?:with|to)|versus|vs\.?)\s+$",
    re.I,
)
# "equal to EUR 235.2 million" after a share: the same year as the figure it restates.
_APPOSITION = re.compile(
    r"^[\s,;(]*(?:equal to|equivalent to|amounting to|worth|or|i\.e\.,?|that is,?|representing)\s+$", re.I
)
_FASTEST = re.compile(r"\b(?:fastest|highest|quickest|strongest)\b", re.I)
_SUBJECT = re.compile(
    r"(?:(?:In|By)\s+(?:19|20)\d{2}\s*,\s*)?(?:the\s+)?(?P<name>[A-Za-z][\w&°/+.'’-]*(?:\s+(?!(?:is|are|was|were|will|held|holds|"
    r"accounted|accounts|captured|took|represented|made|led|generated|contributed|has|had|grew|remains)\b)"
    r"[\w&°/+.'’-]+){0,4}?)\s+(?:segment\s+)?(?:is|are|was|were|will|held|holds|accounted|accounts|captured|took|"
    r"represented|made|led|generated|contributed|has|had|grew|remains)\b"
)
_NOT_A_PART = re.compile(
    r"(?:the\s+)?(?:market|industry|sector|it|this|they|demand|revenue|sales|growth|global|overall|total|"
    r"[\w\s-]*\bmarket)$",
    re.I,
)
_DECLINE = re.compile(r"\b(?:declined|decline|fell|decreased|dropped|contracted|down)\b", re.I)
_MARKET_WORD = re.compile(r"\bmarkets?\b", re.I)
_CONTEXT_WORD = re.compile(
    r"\b(?:revenue|revenues|sales|industry|segment|share|CAGR|shipments|shipped|sold|volume|demand|consumption|"
    r"installations|price|prices|priced|growth)\b",
    re.I,
)
# A sentence that opens with the market as its subject, by pronoun or plain noun: "It is estimated at ...".
_CONTEXT_START = re.compile(
    r"(?:It|This market|The market|The industry|The sector|Revenue|Global revenue|Worldwide revenue|Sales)\b"
)
_GLOBAL_MARKET = re.compile(
    r"\b(?:the|this)\s+(?:global|overall|total|worldwide|entire|whole)\s+(?:[\w&'-]+\s+){0,6}?market\b"
    r"|,\s+(?:the|this)\s+(?:[\w&'-]+\s+){0,6}?market\b",
    re.I,
)
# A size with no readable unit ("valued at USD 1,234.5 in 2024", "expected to reach 742.8 by 2033").
_BARE_MONEY = re.compile(
    r"\b(?:valued at|estimated at|worth|reach|reached|stood at|size of|value of)\s+(?:(?:US\s?\$|USD|\$|EUR|€|GBP|£)\s?"
    r"\d[\d,]*(?:\.\d+)?(?!\s*(?:%|thousand|million|billion|trillion|mn|bn|tn|mln|bln|[KMBT])\b)[\d.,]*"
    r"|\d[\d,]*(?:\.\d+)?\s+(?:in|by)\s+(?:19|20)\d{2}\b)",
    re.I,
)
_GENERIC_MARKET_WORDS = frozenset(
    "the a an this that its our their global overall total worldwide entire whole world international "
    "regional domestic local national parent target addressable end-use end use wider broader market markets "
    "and of for in size share value dominant leading largest major biggest key fastest fastest-growing "
    "growing emerging mature single important lucrative attractive second-largest third-largest strong "
    "established country city".split()
)
_VOLUME_WORDS = re.compile(vocab.pattern("measures", "volume-measures"), re.I)
_SOLD = re.compile(r"\b(?:sold|shipped|shipments|delivered|produced|manufactured|consumed|sales)\b", re.I)
_PRICE_WORDS = re.compile(rf"\b{vocab.pattern('measures', 'price-words')}\b", re.I)


@dataclass(frozen=True, slots=True)
class ProseContext:
    """What a sentence is judged against: the page's scopes, market name words and companies."""

    scopes: ScopeIndex
    market_words: frozenset[str]
    market_places: frozenset[tuple[str, str]]  # places the market's own name holds ("Europe ... Market")
    market_name: re.Pattern[str] | None
    companies: re.Pattern[str] | None


def context(scopes: ScopeIndex, market: str | None, players: list[Named]) -> ProseContext:
    words = frozenset(_stem(w) for w in re.findall(r"[\w-]+", (market or "").lower())) - _GENERIC_MARKET_WORDS
    name = re.compile(re.escape(market).replace(r"\ ", r"\s+"), re.I) if market else None
    names = [re.escape(p.name.split(",")[0].strip()) for p in players if len(p.name) >= 3]
    companies = re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)") if names else None
    places = frozenset(
        m.scope.key for m in scopes.mentions(market or "") if m.scope.kind in ("region", "country")
    )
    return ProseContext(scopes, words, places, name, companies)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def sentences(doc: Doc, lines: Iterator[Line]) -> Iterator[tuple[Line, int, str]]:
    """(line, offset, sentence) for each sentence of ``lines``; abbreviations do not end one."""
    for line in lines:
        position = 0
        for match in _SENTENCE_END.finditer(line.text):
            tail = line.text[max(position, match.start() - 12) : match.start()]
            if _ABBREVIATION.search(tail.split()[-1] if tail.split() else ""):
                continue
            yield line, line.start + position, line.text[position : match.start()]
            position = match.end()
        yield line, line.start + position, line.text[position:]


def _ours(sentence: str, ctx: ProseContext) -> bool:
    """Is the sentence about this market (not another one it mentions)?"""
    if not _MARKET_WORD.search(sentence):
        return True
    if not ctx.market_words:
        return True
    for match in _MARKET_WORD.finditer(sentence):
        before = re.findall(r"[\w&'.-]+", sentence[max(0, match.start() - 80) : match.start()])
        words = []
        for word in reversed(before[-7:]):
            if word.lower() in ("the", "a", "an", "this", "of", "in", "for", "to", "by", "with", "and"):
                break
            words.append(word)
        content = {_stem(w.lower().strip(".")) for w in words} - _GENERIC_MARKET_WORDS
        content = {w for w in content if not re.fullmatch(r"\d+|(?:[a-z]\.)+[a-z]?", w)}
        if not content or content & ctx.market_words or all(ctx.scopes.lookup(w) for w in words):
            return True
        if any(ctx.scopes.lookup(" ".join(words[::-1][: i + 1])) for i in range(len(words))):
            return True
    return False


def sentence_drafts(
    doc: Doc, offset: int, sentence: str, source: QuantitySource, ctx: ProseContext
) -> tuple[list[Draft], int]:
    """Drafts of one sentence's figures, and how many figures in it could not be read."""
    found = fig.find(sentence)
    if not found:
        if not _BARE_MONEY.search(sentence) or not _ours(sentence, ctx):
            return [], 0
        named = bool(
            _MARKET_WORD.search(sentence) or _CONTEXT_WORD.search(sentence) or _mentions(sentence, ctx)
        )
        return [], len(_BARE_MONEY.findall(sentence)) if named else 0
    if ctx.companies is not None and ctx.companies.search(sentence):
        return [], 0
    mentions = _mentions(sentence, ctx)
    subject = bool(mentions) and mentions[0].start < found[0].start
    about = _ours(sentence, ctx) and (
        bool(_MARKET_WORD.search(sentence))
        or subject
        or bool(_CONTEXT_WORD.search(sentence))
        or bool(_CONTEXT_START.match(sentence))
    )
    drafts: list[Draft] = []
    skipped = 0
    since = 0
    lead_end = found[0].start
    previous: Draft | None = None
    for figure in found:
        before = sentence[max(since, figure.start - 90) : figure.start]
        metric = _metric(figure, before, sentence, about)
        if _COMPARED_BEFORE.search(before) and previous is not None and figure.kind in ("percent", "money"):
            metric = previous.metric if metric is None or metric == "market_size" else metric
        if metric is None:
            since, previous = figure.end, None
            continue
        scope = _scope(figure, metric, mentions, sentence)
        if scope is None or metric == "cagr" and scope.kind == "market" and _FASTEST.search(sentence):
            scope = _subject(sentence, figure, ctx) or scope
        if metric == "share" and (scope is None or scope.kind == "market"):
            skipped += 1
            since, previous = figure.end, None
            continue
        draft = Draft(
            metric=metric,
            scope=scope or Scope(),
            value=figure.value,
            span=doc.span(offset, offset + len(sentence)),
            figure=doc.span(offset + figure.start, offset + figure.end),
            source=source,
            unit=figure.unit,
            currency=figure.currency,
            measure=figure.measure,
        )
        if metric in ("cagr", "growth"):
            years = fig.year_range(sentence, figure, lead_end)
            draft.start_year, draft.end_year = years.start, years.end
            if years.forecast_phrase:
                draft.needs = "forecast"
            elif metric == "growth" and years.start is None:
                years = fig.single_year(sentence, figure, since, lead_end)
                draft.start_year, draft.end_year = years.start, years.end
                later = num.year_range(sentence[figure.end :]) if figure.kind == "money" else None
                if years.start is None and later:
                    # "increase by USD 2.71 billion, at a CAGR of 15.3% between 2024 and 2029"
                    draft.start_year, draft.end_year = later
            if metric == "growth" and figure.kind == "percent" and _DECLINE.search(before[-40:]):
                draft.value = -draft.value
            if metric == "growth" and draft.start_year is None:
                skipped += 1
                since, previous = figure.end, None
                continue
        else:
            years = fig.single_year(sentence, figure, since, lead_end)
            year = years.start
            if year is None and previous is not None and previous.start_year == previous.end_year:
                inherits = metric in ("share", "price") or (
                    metric == "market_size" and _APPOSITION.match(sentence[since : figure.start])
                )
                year = previous.start_year if inherits else None
            if year is None:
                if metric == "share":
                    draft.needs = "share"
                else:
                    # An amount without a year is a detail of the text, not a figure of the market.
                    skipped += metric != "count" and metric != "volume"
                    since, previous = figure.end, None
                    continue
            draft.start_year = draft.end_year = year
        since = max(figure.end, years.until)
        drafts.append(draft)
        previous = draft
    if about and not found_money(found):
        skipped += len(_BARE_MONEY.findall(sentence))
    return drafts, skipped


def _subject(sentence: str, figure: Figure, ctx: ProseContext) -> Scope | None:
    """The sentence's opening noun phrase as a segment ('Weather-based controllers held 64.3%'),
    unless it is the market itself."""
    match = _SUBJECT.match(sentence)
    if match is None or match.end("name") > figure.start:
        return None
    name = match.group("name")
    if _NOT_A_PART.fullmatch(name) or ctx.market_name is not None and ctx.market_name.search(name):
        return None
    mentions = _mentions(name, ctx)
    if mentions:
        return mentions[0].scope
    return Scope(kind="segment", name=name)


def found_money(found: list[Figure]) -> bool:
    return any(f.kind in ("money", "price") for f in found)


def _mentions(sentence: str, ctx: ProseContext) -> list[Mention]:
    """Scope mentions, less those inside the market's own name ('... Heat Pump Market')."""
    mentions = [m for m in ctx.scopes.mentions(sentence) if m.scope.key not in ctx.market_places]
    if ctx.market_name is None or not mentions:
        return mentions
    inside = [(m.start(), m.end()) for m in ctx.market_name.finditer(sentence)]
    return [m for m in mentions if not any(a <= m.start < b for a, b in inside)]


def _metric(figure: Figure, before: str, sentence: str, about: bool) -> Metric | None:
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
    if not about:
        return None
    if figure.kind == "money":
        return "growth" if _INCREMENT_BEFORE.search(before) else "market_size"
    after = sentence[figure.end : figure.end + 80]
    if _YOY_BEFORE.search(before):
        return "growth"
    if _CAGR_AFTER.match(after) or (
        re.search(r"\bCAGR\b|compound annual growth rate", before[-60:], re.I) and _CAGR_BEFORE.search(before)
    ):
        return "cagr"
    if _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before):
        return "share"
    if _YOY_BEFORE.search(before) or _GROWTH_BEFORE.search(before):
        return "growth"
    if _CAGR_BEFORE.search(before) and re.search(r"\bgrow", before[-40:], re.I):
        return "cagr"
    return None


def _scope(figure: Figure, metric: Metric, mentions: list[Mention], sentence: str) -> Scope | None:
    """The nearest scope named before the figure; a share looks after it too. None for a share of
    nothing named; the whole market otherwise."""
    before = [m for m in mentions if m.end <= figure.start]
    if before:
        nearest = before[-1]
        if metric != "share" and _GLOBAL_MARKET.search(sentence, nearest.end, figure.start):
            return Scope()
        return nearest.scope
    if metric == "share":
        after = [m for m in mentions if m.start >= figure.end]
        return after[0].scope if after else None
    return Scope()


def block_sources(out: Outline, faq: re.Pattern[str]) -> dict[int, QuantitySource]:
    """Line index -> 'faq' for lines under an FAQ heading (other lines are prose or bullets)."""
    sources: dict[int, QuantitySource] = {}
    for block in out.blocks:
        if faq.fullmatch(block.heading):
            for index in range(block.first, block.stop):
                sources[index] = "faq"
    return sources
