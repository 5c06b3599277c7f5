"""Figures stated in sentences, prose or bullets: "valued at USD 4.87 billion in 2024 and expected to
reach USD 13.62 billion by 2030, growing at a CAGR of 18.7% from 2025 to 2030", "Europe held 41.3%
of revenue in 2024", "the hospital segment was USD 12.8 billion in 2023", "grew at a CAGR of 4.1%
between 2018 and 2023", "Vendors shipped 126,000 units in 2024".

A sentence is read only when it is about this market: it names the market (or says "the market"
without naming another one), or it opens with a region, country or segment of it. A percentage is
read only with its anchor words (``assistant.parsing.prose_metrics``); a sentence that names a key
player is company news, not a market figure. What is about another market, or an unanchored number,
is not a figure of this page's table.

Each figure takes the scope its clause names (``assistant.parsing.clauses``): a region, country or
segment named since the figure before, else the clause's subject ("..., while coir blends are
forecast to grow at the fastest CAGR of 12.6%"), else the scope of the figure before. A figure that
states no year takes the one the sentence gives it: the figure before's, the year of the figures it
is listed with, or the sentence's only year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.report import Metric, Named, QuantitySource, Scope
from assistant.parsing import clauses
from assistant.parsing import figures as fig
from assistant.parsing import numbers as num
from assistant.parsing import prose_metrics as pm
from assistant.parsing.figures import Figure, Years
from assistant.parsing.lines import Doc
from assistant.parsing.passages import Passage
from assistant.parsing.quantities import Draft
from assistant.parsing.scopes import Mention, ScopeIndex
from assistant.text.words import word_map

# "..., down from 11.9%" / "up from USD 498.0 million": the same kind of figure as the one before.
_COMPARED_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|increasing|decreasing)\s+from\s+$|\b(?:compared (?:with|to)|versus|vs\.?)\s+$",
    re.I,
)
# "equal to EUR 235.2 million" after a share: the same year as the figure it restates.
_APPOSITION = re.compile(
    r"^[\s,;(]*(?:equal to|equivalent to|amounting to|worth|or|i\.e\.,?|that is,?|representing)\s+$", re.I
)
# A sentence about what the sentence before it was about: 'The segment is forecast to ...', 'This is
# the fastest-growing category ...', 'It accounted for ...' (but not 'The market ...').
_ANAPHOR = re.compile(
    r"(?:(?:this|that|it|they|these|those)\b(?!\s+(?:market|industry|report|study)\b)"
    # 'Their share was 18.6% in 2024', 'Its CAGR is 9.4%'
    r"|(?:its|their)\s+(?:market\s+)?(?:share|cagr|growth|revenue|sales|value|size)\b"
    r"|(?:the|this|that|these|those)\s+(?:segment|sub-?segment|category|region|type|application|group)s?\b"
    # 'Growth in the region is forecast at 6.5%', 'Demand in the segment ...'
    r"|(?:growth|demand|revenue|sales|spending|adoption)\s+(?:in|of|across|within)\s+(?:the|this|that)\s+"
    r"(?:segment|sub-?segment|category|region|country)\b"
    # a sentence without a subject of its own: 'Expected to record the fastest growth at 8.7%'
    r"|(?:expected|projected|forecast|anticipated|poised|set|likely)\s+to\b"
    # ('Growth of 6.1% a year is expected as ...': the rate of what the sentence before was about)
    r"|growth\s+of\s+[\d.]+\s?%\s+(?:a|per)\s+year\b)",
    re.I,
)
_COMPARES = re.compile(r"\b(?:from|compared|versus|vs|than|since)\b", re.I)
_MARKET_WORD = re.compile(r"\bmarkets?\b", re.I)
_CONTEXT_WORD = re.compile(
    r"\b(?:revenue|revenues|sales|industry|segment|share|CAGR|shipments|shipped|sold|volume|demand|consumption|"
    r"installations|price|prices|priced|growth"
    # ('Kraft lignin accounted for 31.5%, organosolv lignin for 11.8%': shares, by their verb)
    r"|accounted|accounts|accounting|made up|makes up|represented|represents|took|captured|contributed)\b",
    re.I,
)
# A sentence that opens with the market as its subject, by pronoun or plain noun: "It is estimated at ...".
# ('A: We project US$ 6.52 Bn by 2034.': an FAQ's answer, the publisher speaking of the market)
_CONTEXT_START = re.compile(
    r"(?:A\s*[:.]\s*)?(?:It|This market|The market|The industry|The sector|Revenue|Global revenue|Worldwide revenue"
    r"|Sales|Spending|Global spending|Total spending|Market revenue"
    r"|We\s+(?:project|forecast|expect|estimate|size|value|put))\b"
)
_PART_MARKET = r"(?:country|national|domestic|regional|local|single-country)\s+markets?\b"
_GLOBAL_MARKET = re.compile(
    r"\b(?:the|this)\s+(?:global|overall|total|worldwide|entire|whole)\s+(?:[\w&'-]+\s+){0,6}?market\b"
    # ('China, the single largest country market at ...': an appositive of a part, not the market)
    rf"|,\s+(?:the|this)\s+(?!(?:[\w&'-]+\s+){{0,6}}?{_PART_MARKET})(?:[\w&'-]+\s+){{0,6}}?market\b",
    re.I,
)
# 'China, the single largest country market at USD 402.5 million': the name the appositive describes
_APPOSITIVE_PART = re.compile(
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}),\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,4}?"
    rf"{_PART_MARKET}\s+(?:at|with|worth|of|valued\s+at)?\s*$"
)
# A size with no readable unit ("valued at USD 1,234.5 in 2024", "expected to reach 742.8 by 2033").
_BARE_MONEY = re.compile(
    r"\b(?:valued at|estimated at|worth|reach|reached|stood at|size of|value of)\s+(?:(?:US\s?\$|USD|\$|EUR|€|GBP|£)\s?"
    r"\d[\d,]*(?:\.\d+)?(?!\s*(?:%|thousand|million|billion|trillion|mn|bn|tn|mln|bln|[KMBT])\b)[\d.,]*"
    r"|\d[\d,]*(?:\.\d+)?\s+(?:in|by)\s+(?:19|20)\d{2}\b)",
    re.I,
)
# "reach US$2.04 Billion by the end of the analysis period": the last year of the forecast.
_PERIOD_END = re.compile(
    r"\s*,?\s*(?:by|at|in)\s+the\s+end\s+of\s+the\s+(?:forecast|analysis|projection|review|study)\s+"
    r"(?:period|years|horizon)",
    re.I,
)
# "... record a 18.9% CAGR and reach US$2.04 Billion by the end of the analysis period".
_PERIOD_PHRASE = re.compile(
    r"\bthe\s+(?:end\s+of\s+the\s+)?(?:forecast|analysis|projection)\s+(?:period|years|horizon)\b", re.I
)
_GENERIC_MARKET_WORDS = frozenset(
    "the a an this that its our their same more less very much global overall total worldwide entire whole "
    "world international regional domestic local national parent target addressable end-use end use wider "
    "broader market markets and of for in size share value dominant leading largest major biggest key fastest fastest-growing "
    "growing emerging mature single important lucrative attractive second-largest third-largest strong "
    "established country city region other geographic noteworthy notable individual projected estimated expected "
    "forecast".split()
)
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that place a market, not name another one: 'the largest European country market'
_PLACE_ADJECTIVES = frozenset(
    "european asian african american pacific nordic scandinavian latin middle eastern western northern "
    "southern central gulf".split()
) | frozenset(word_map("demonyms"))


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


# 'puts worldwide spending on sauna stoves at USD 2.00 billion': what is spent on the market's own goods
_SPENDING_ON = re.compile(
    r"\b(?:spending|spend|expenditure|outlays?)\s+on\s+(?P<what>[\w -]{3,60}?)\s+(?:at|to|of|was|is|reached|came)\b",
    re.I,
)


def _spending_on_it(text: str, ctx: ProseContext) -> bool:
    """Whether the sentence tells what is spent on the market's goods (its words, not R&D or fuel)."""
    spent = _SPENDING_ON.search(text)
    if spent is None or not ctx.market_words:
        return False
    words = {_stem(w) for w in re.findall(r"[\w-]+", spent.group("what").lower())} - _GENERIC_MARKET_WORDS
    return bool(words) and words <= ctx.market_words | {"worldwide", "global"}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _ours(sentence: str, ctx: ProseContext, until: int | None = None) -> bool:
    """Is the sentence about this market (not another one it mentions)? Only market words before
    ``until`` count: one after every figure ('..., reflecting its cement markets') is no subject."""
    end = len(sentence) if until is None else until
    if not _MARKET_WORD.search(sentence, 0, end):
        return True
    if not ctx.market_words:
        return True
    for match in _MARKET_WORD.finditer(sentence, 0, end):
        before = re.findall(r"[\w&'.-]+", sentence[max(0, match.start() - 80) : match.start()])
        words = []
        for word in reversed(before[-7:]):
            if word.lower() in ("the", "a", "an", "this", "of", "in", "for", "to", "by", "with", "and"):
                break
            words.append(word)
        # ("the region's largest market": a possessive is the word it belongs to)
        content = {_stem(_POSSESSIVE.sub("", w.lower().strip("."))) for w in words}
        content -= _GENERIC_MARKET_WORDS | _PLACE_ADJECTIVES
        content = {w for w in content if not re.fullmatch(r"\d+|(?:[a-z]\.)+[a-z]?", w)}
        if not content or content & ctx.market_words or all(ctx.scopes.lookup(w) for w in words):
            return True
        if any(ctx.scopes.lookup(" ".join(words[::-1][: i + 1])) for i in range(len(words))):
            return True
    return False


@dataclass(slots=True)
class _Reading:
    """One sentence as it is read, figure by figure."""

    doc: Doc
    sentence: Passage
    source: QuantitySource
    ctx: ProseContext
    found: list[Figure]
    mentions: list[Mention]
    lead_end: int  # where the first figure starts: years before it are the sentence's lead-in
    dimension: str | None  # "By end use, ...": the dimension of segments the sentence names
    carried: Scope | None  # what the sentence before was about, when this one follows it directly


def sentence_drafts(
    doc: Doc,
    sentence: Passage,
    source: QuantitySource,
    ctx: ProseContext,
    dimension: str | None = None,
    carried: Scope | None = None,
    listed_metric: Metric | None = None,
) -> tuple[list[Draft], int]:
    """Drafts of one sentence's figures, and how many figures in it could not be read; ``dimension``:
    the segmentation dimension the sentence's heading names, for segments it does not place itself;
    ``carried``: the segment or region the sentence right before was about, for one that opens 'The
    segment ...' or 'This ...'; ``listed_metric``: what the bullet before measured, for a bare
    figure after this bullet's label ('- Home care: 72.3% of revenue' then '- Clinics: 19.5%')."""
    text = sentence.text
    found = fig.find(text)
    row = _NUMBERED_ROW.match(text) if dimension else None
    if row is not None:
        found = [f for f in found if f.start >= row.end()]  # the label's own numbers name the row
    if not found:
        if not _BARE_MONEY.search(text) or not _ours(text, ctx):
            return [], 0
        named = bool(_MARKET_WORD.search(text) or _CONTEXT_WORD.search(text) or _mentions(text, ctx))
        return [], len(_BARE_MONEY.findall(text)) if named else 0
    if ctx.companies is not None and ctx.companies.search(text):
        return [], 0
    mentions = _mentions(text, ctx)
    subject = bool(mentions) and mentions[0].start < found[0].start
    anaphor = carried is not None and not subject and _ANAPHOR.match(text) is not None
    about = _ours(text, ctx, found[-1].end) and (
        anaphor
        or dimension is not None  # under a 'By ...' heading: about the market's segments
        or bool(_MARKET_WORD.search(text))
        or subject
        or bool(_CONTEXT_WORD.search(text))
        or bool(_CONTEXT_START.match(text))
        or _spending_on_it(text, ctx)
    )
    reading = _Reading(
        doc,
        sentence,
        source,
        ctx,
        found,
        mentions,
        found[0].start,
        clauses.lead_dimension(text) or dimension,
        carried if anaphor else None,
    )
    drafts: list[Draft] = []
    skipped = 0
    since = 0
    previous: Draft | None = None
    listed = _listed(text, found)
    for index, figure in enumerate(found):
        before = text[max(since, figure.start - 90) : figure.start]
        metric = pm.metric(figure, before, text, about)
        if _COMPARED_BEFORE.search(before) and previous is not None and figure.kind in ("percent", "money"):
            metric = previous.metric if metric is None or metric == "market_size" else metric
        first = listed.get(index)
        if metric is None and first is not None and previous is not None and first < index:
            metric = previous.metric  # "at 12.4% and 14.1% respectively": the list's first figure says
        ranked_next = previous is not None and previous.metric in ("share", "cagr")
        if metric is None and ranked_next and _RANKED_NEXT.search(text, since, figure.start):
            metric = previous.metric if previous else None  # 'ahead of dogs at 39.6%': the same measure
        if metric is None and ranked_next and _SET_AGAINST.search(text, since, figure.start):
            metric = previous.metric if previous else None  # '74.5% ..., against 25.5% for on-premise'
        if metric is None and ranked_next and _ELIDED_NEXT.match(text, since, figure.start):
            metric = previous.metric if previous else None  # 'A accounted for 21%, B for 15.5%'
        if (
            metric is None
            and reading.dimension
            and _BRACKETED_NAME.search(text, since, figure.start)
            and not _GROWTH_CONTEXT.search(text)
            and text[figure.end :].lstrip().startswith(")")
        ):
            metric = (
                "share"  # 'By service type, capacity augmentation (52.4%) was followed by repowering (21.7%)'
            )
        if metric is None and _bracketed_share(text, figure, mentions):
            metric = (
                "share"  # 'Latin America (6.1%) and the Middle East & Africa (4.8%) account for the rest'
            )
        if metric is None and figure.kind == "percent" and _FOLLOWED.search(text, since, figure.start):
            metric = "share"  # 'Europe followed with 22.0%.': the next place in a ranking by share
        if metric is None and index == 0 and listed_metric and _LABEL_ONLY.fullmatch(before):
            metric = listed_metric
        if (
            metric is None
            and index == 0
            and figure.kind == "percent"
            and dimension
            and _OPENING_AT.match(before)
        ):
            metric = "share"  # under 'By organization size': 'Small and medium-sized enterprises (SMEs), at 28.8%, ...'
        if (
            metric is None
            and index == 0
            and figure.kind == "percent"
            and dimension
            and (_LEADER_ROW.fullmatch(before) or row is not None)
        ):
            metric = "share"  # 'Rechargeable ........ 57.9%' under 'By power source': a share
        if (
            metric is None
            and index == 0
            and figure.kind == "percent"
            and text[: figure.start].rstrip().endswith("(")
            and _LEADER_LABEL.match(text)
        ):
            metric = "share"  # 'Leading region ...... North America (41.2%)': the leader's share
        if metric is None:
            since, previous = figure.end, None
            continue
        draft, missed, until = _draft(reading, index, metric, since, previous, listed)
        skipped += missed
        if draft is None:
            since, previous = figure.end, None
            continue
        since = max(figure.end, until)
        drafts.append(draft)
        previous = draft
    if about and not found_money(found):
        skipped += len(_BARE_MONEY.findall(text))
    return drafts, skipped


def _draft(
    r: _Reading, index: int, metric: Metric, since: int, previous: Draft | None, listed: dict[int, int]
) -> tuple[Draft | None, int, int]:
    """The draft of figure ``index`` (None when it is left out), how many figures were left out, and
    where the words stating its years end."""
    text, figure = r.sentence.text, r.found[index]
    per = _priced(text, since, figure) if metric == "price" and figure.kind == "money" else None
    if metric == "price" and figure.kind == "money" and per is None:
        return None, 0, -1  # what something cost, but not one unit of what the market sells
    scope = _scope(r, index, metric, since, previous, listed)
    if scope is None or metric == "share" and scope.kind == "market":
        return None, int(metric == "share"), -1  # a share of nothing named
    draft = Draft(
        metric=metric,
        scope=scope,
        value=figure.value,
        span=r.sentence.span(r.doc, 0, len(text)),
        figure=r.sentence.span(r.doc, figure.start, figure.end),
        source=r.source,
        unit=figure.unit,
        currency=figure.currency,
        measure=figure.measure,
    )
    of_growth = metric == "share" and pm.is_share_of_growth(text, figure)
    if of_growth:
        draft.measure = "of growth"
    elif metric == "share" and pm.is_share_of_region(text, figure):
        draft.measure = "of its region"  # never multiplied by the whole market's size
    if per is not None:
        draft.measure = f"per {per}"
    if metric in ("cagr", "growth") or of_growth:
        years = _rate_years(r, index, listed)
        draft.start_year, draft.end_year = years.start, years.end
        if years.forecast_phrase:
            draft.needs = "forecast"
            return draft, 0, years.until
        if metric == "growth" and years.start is None:
            years = fig.single_year(text, figure, since, r.lead_end)
            draft.start_year, draft.end_year = years.start, years.end
            later = num.year_range(text[figure.end :]) if figure.kind == "money" else None
            if years.start is None and later:
                # "increase by USD 2.71 billion, at a CAGR of 15.3% between 2024 and 2029"
                draft.start_year, draft.end_year = later
            elif years.start is None and _same_year_as(previous, "growth", text[since : figure.start]):
                # "The market grew 7.5% in 2024, while Europe grew 4.1%."
                draft.start_year = draft.end_year = previous.start_year if previous else None
        if metric == "growth" and figure.kind == "percent" and pm.is_decline(text[since : figure.start]):
            draft.value = -draft.value
        if metric == "growth" and draft.start_year is None:
            return None, 1, -1
        if metric != "share" or draft.start_year is not None:
            return draft, 0, years.until
    years = fig.single_year(text, figure, since, r.lead_end)
    year = years.start
    # 'compared with 32.6% for on-premise deployments' is another part's figure of the same year
    of_another_part = metric == "share" and _NAMED_AFTER.match(text, figure.end) is not None
    compared = _COMPARED_BEFORE.search(text[since : figure.start]) is not None and not of_another_part
    if year is None and compared:
        return None, 1, -1  # "down from 32%": a figure of another year, which the sentence does not give
    if year is None and previous is not None and previous.start_year == previous.end_year:
        inherits = metric in ("share", "price") or (
            metric == "market_size" and _APPOSITION.match(text[since : figure.start])
        )
        year = previous.start_year if inherits else None
    if year is None and metric in ("share", "price"):
        year = _only_year(text)
    if year is None:
        if metric == "share":
            draft.needs = "share"
        elif metric == "market_size" and _PERIOD_END.match(text, figure.end):
            draft.needs = "end"
        elif (
            metric == "market_size"
            and scope.kind == "country"
            and not _FUTURE.search(text, 0, _clause_end(text, figure.end))
        ):
            # 'China generated about USD 0.52 billion of revenue on its own': the page's base year
            draft.needs = "base"
        else:
            # An amount without a year is a detail of the text, not a figure of the market.
            return None, int(metric != "count" and metric != "volume"), -1
    draft.start_year = draft.end_year = year
    return draft, 0, years.until


_NEXT_CLAUSE = re.compile(r",\s+(?:but|while|whereas|although)\b|;")


def _clause_end(text: str, position: int) -> int:
    """Where the clause holding ``position`` ends: 'China was at USD 128.9 million, but India is projected
    ...' keeps the projection out of China's figure."""
    found = _NEXT_CLAUSE.search(text, position)
    return found.start() if found else len(text)


_FUTURE = re.compile(
    # ('China reached EUR 52.7 million': done, not to come)
    r"\b(?:will|expected|projected|forecast|anticipated|poised|set to|reach(?:es|ing)?|by 20\d\d)\b",
    re.I,
)


def _same_year_as(previous: Draft | None, metric: Metric, between: str) -> bool:
    """Does a figure with no year of its own take the one-year figure before it ('..., while Europe
    grew 4.1%'), not being compared with it ('up from 5.2%')?"""
    return (
        previous is not None
        and previous.metric == metric
        and previous.start_year is not None
        and previous.start_year == previous.end_year
        and _COMPARED_BEFORE.search(between) is None
    )


def _rate_years(r: _Reading, index: int, listed: dict[int, int]) -> Years:
    """A rate's years: stated with it, else with the last figure of the list it is in, else the
    forecast period when the sentence names it before the next percentage."""
    text, figure = r.sentence.text, r.found[index]
    years = fig.year_range(text, figure, r.lead_end)
    if years.start is None and not years.forecast_phrase and index in listed:
        last = max(i for i, first in listed.items() if first == listed[index])
        if last != index:
            years = fig.year_range(text, r.found[last], r.lead_end)
    if years.start is None and not years.forecast_phrase:
        stop = next((f.start for f in r.found[index + 1 :] if f.kind == "percent"), len(text))
        if _PERIOD_PHRASE.search(text, figure.end, stop):
            years = Years(forecast_phrase=True)
    return years


def _scope(
    r: _Reading, index: int, metric: Metric, since: int, previous: Draft | None, listed: dict[int, int]
) -> Scope | None:
    """The scope of figure ``index`` (see the module docstring); None for a share of nothing named."""
    text, figure = r.sentence.text, r.found[index]
    paired = _paired(r, index, listed)
    if paired is not None:
        return paired
    start = since if previous is not None else 0
    named = [m for m in r.mentions if start <= m.start and m.end <= figure.start]
    bracketed = (
        _BRACKETED_NAME.search(text, since, figure.start) if metric == "share" and r.dimension else None
    )
    if bracketed and not named and text[figure.end :].lstrip().startswith(")"):
        # 'By service type, capacity augmentation (52.4%) was followed by repowering (21.7%)': the name
        # right before the bracket
        name = bracketed.group("name").strip()
        return r.ctx.scopes.lookup(name) or Scope(kind="segment", name=name, dimension=r.dimension)
    opening_at = _OPENING_AT.match(text, 0, figure.start) if index == 0 else None
    if opening_at and not named and r.dimension:
        # 'Small and medium-sized enterprises (SMEs), at 28.8%, are expected to ...': the name it opens with
        name = opening_at.group("name").strip()
        bare = re.sub(r"\s*\([^()]*\)$", "", name)
        return (
            r.ctx.scopes.lookup(name)
            or r.ctx.scopes.lookup(bare)
            or Scope(kind="segment", name=bare, dimension=r.dimension)
        )
    leader = _LEADER_LABEL.match(text)
    if leader and not named:
        # '- Fastest-growing vessel type: Container ships, 13.4% CAGR': the figure is the leader's
        name = leader.group("name").strip()
        return r.ctx.scopes.lookup(name) or Scope(kind="segment", name=name, dimension=r.dimension)
    labelled = _LABEL.match(text)
    if labelled is None and index == 0:  # 'Tunnel dryers ........ 31.0%': a dot-leader row's label
        labelled = _LEADER_ROW.match(text[: figure.start]) or (
            _NUMBERED_ROW.match(text) if r.dimension else None
        )
    label = labelled.group("label") if labelled else ""
    # under 'By power source', 'Battery-only units ..... 23.5%' names a segment though it says 'units'
    metric_label = (
        _METRIC_LABEL.match(label.strip())
        if r.dimension and metric == "share"
        else _METRIC_LABEL.search(label)
    )
    if labelled and not named and not metric_label:
        # '- Tankers: 24.1% share; 11.0% CAGR': the bullet's label names what its figures are of
        name = " ".join(labelled.group("label").split())  # (bold marks masked to spaces)
        return r.ctx.scopes.lookup(name) or Scope(kind="segment", name=name, dimension=r.dimension)
    if named and previous is None and named[0].start == 0:
        # 'Hot vulcanized splicing remains the largest ... on mining conveyors; it is forecast to grow at
        # 5.6%': a later clause that points back is about the sentence's subject, not the nearest name
        opening = clauses.break_between(text, 0, figure.start, comma_and=True)
        pointing = clauses.subject(text, opening, figure.start) if opening else None
        if (
            opening is not None
            and pointing is not None
            and pointing.refers_back
            and all(m.end <= opening for m in named)
        ):
            return named[0].scope
    appositive = _APPOSITIVE_PART.search(text, 0, figure.start)
    if appositive is not None:
        name = appositive.group("name")
        return r.ctx.scopes.lookup(name) or Scope(kind="country", name=name)
    if named:
        nearest = named[-1]
        if metric != "share" and _GLOBAL_MARKET.search(text, nearest.end, figure.start):
            return Scope()
        countries = [m for m in named[:-1] if m.scope.kind == "country"]
        if nearest.scope.kind == "region" and countries and _WHERE_IT_SITS.search(text, 0, nearest.start):
            # 'China was the largest country market in Asia Pacific at USD 128.9 million', 'Australia,
            # outside Europe, was worth ...': the region only places the country the figure is of
            return countries[-1].scope
        return nearest.scope
    if previous is None and r.carried is not None:
        return r.carried  # 'The segment is forecast to grow at 15.9%', after a sentence about it
    # a name put right before its figure in a ranked list is nearer than the clause's subject
    ranked = _RANKED_NEXT.search(text, since, figure.start) if metric in ("share", "cagr") else None
    if ranked is None and previous is not None and metric in ("share", "cagr"):
        ranked = _ELIDED_NEXT.match(text, since, figure.start)
    if ranked is not None:
        # 'cats held 54.2%, ahead of dogs at 39.6% and other pets at 6.2%': each figure its own name
        groups = ranked.groupdict()
        name = (
            groups.get("listing")
            or groups.get("name")
            or groups.get("bare")
            or groups.get("with_rest")
            or groups.get("ranked_on")
            or groups.get("example_of")
            or groups.get("before")
            or ""
        ).strip()
        # 'sensors (heading sensors, rudder reference units ...)': the name, not what it covers
        bare = _GLOSS.sub("", name) or name
        return (
            r.ctx.scopes.lookup(name)
            or r.ctx.scopes.lookup(bare)
            or Scope(kind="segment", name=bare, dimension=r.dimension)
        )
    named_after = (
        _NAMED_AFTER.match(text, figure.end)
        if metric in ("share", "cagr")
        and previous is not None
        and _SET_AGAINST.search(text, since, figure.start)
        else None
    )
    if named_after:
        # '... held a 74.5% share, against 25.5% for on-premise installations': the name after the figure
        name = named_after.group("name")
        # 'for on-premise deployments': the listed name it opens with ('On-premise'), when there is one
        inside = next(
            (m.scope for m in r.mentions if named_after.start("name") <= m.start < named_after.end("name")),
            None,
        )
        return inside or r.ctx.scopes.lookup(name) or Scope(kind="segment", name=name, dimension=r.dimension)
    contrasted = _CONTRASTED_SHARE.search(text, 0, figure.start) if metric == "share" and index == 0 else None
    if contrasted:
        # '... still led the installed base, but cellular loggers captured 46.0%': the later clause's subject
        name = contrasted.group("name")
        return r.ctx.scopes.lookup(name) or Scope(kind="segment", name=name, dimension=r.dimension)
    if previous is not None:
        opening = clauses.break_between(text, since, figure.start)
    else:
        opening = clauses.break_between(text, 0, figure.start, comma_and=True) or 0
    if opening is not None and metric not in ("price", "count", "volume"):
        found = _clause_scope(r, opening, figure, previous)
        if found is not None:
            return found
    if previous is not None:
        return previous.scope
    if metric == "share":
        after = [m for m in r.mentions if m.start >= figure.end]
        subject = _SUBJECT_SHARE.match(text) if index == 0 else None
        if subject:  # the sentence's own subject, not a place named after the figure
            name = subject.group("name")
            bare = re.sub(r"\s*\([^()]*\)$", "", name)  # 'Battery metals (lithium, nickel and cobalt)'
            known = r.ctx.scopes.lookup(name) or r.ctx.scopes.lookup(bare)
            return known or Scope(kind="segment", name=name, dimension=r.dimension)
        return after[0].scope if after else None
    if _NAMED_OPENING.match(text) and not _MARKET_WORD.search(text):
        return None  # 'Smart / app-connected aspirators, at a CAGR of 14.6%': of a name not known, not the market's
    return Scope()


# ('outside North America and Europe': the places may come in a pair)
_GLOSS = re.compile(r"\s*\([^()]*,[^()]*\)\s*$")  # a bracket that lists what a name covers
_WHERE_IT_SITS = re.compile(
    r"\b(?:in|within|across|inside|outside(?:\s+of)?)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}?(?:(?:and|&)\s+)?$"
)
# An answer that opens by naming its subject: 'Smart / app-connected aspirators, at ...'.
_NAMED_OPENING = re.compile(
    r"\W*(?!(?:The|It|This|Its|Over|From|Between|By|In|At)\b)(?:[A-Z]|\d[A-Za-z])[A-Za-z/&' -]{2,60}"
    r"(?:\s*\([^()]{1,30}\))?,\s+(?:at|with)\b"
)
# A sentence whose first figure follows its subject's name and 'at': 'SMEs, at 28.8%, are expected ...'
_OPENING_AT = re.compile(
    r"\W*(?!(?:The|It|This|Its|Over|From|Between|By|In|At)\b)(?P<name>(?:[A-Z]|\d[A-Za-z])"
    # a name, not a clause ('Bath linen is expected to grow faster than bed linen, at 6.2%')
    r"(?:(?!\s(?:is|are|was|were|will|has|have|had|grows?|grew|expected|forecast|projected)\b)[A-Za-z/&' -]){2,60}?"
    r"(?:\s*\([^()]{1,30}\))?),\s+at\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$"
)


# A row of a plain-text list with dot leaders: 'Rechargeable (USB / lithium-ion) ........ '.
# Or its columns aligned with spaces: 'Motor (auto)          47.2%'.
# A long label may leave room for a single dot: 'Group workshops and onsite centres . 21.9%'.
# ('Services (installation, support)  16.5%': a long label leaves room for two spaces only)
# (a bold figure masked to spaces is no column gap: 'Cooperatives held   52.0%  of revenue')
_NO_VERB_BEFORE = "(?<!ed)" + "".join(
    rf"(?<!\b{word})"
    for word in (
        "held",
        "made",
        "took",
        "had",
        "for",
        "of",
        "at",
        "up",
        "was",
        "were",
        "is",
        "are",
        "with",
        "to",
        "by",
    )
)
_LEADER_ROW = re.compile(
    # ('- **Bed linen** (sheets, duvet covers): 47.5%': a label and a colon)
    rf"\W*(?P<label>[A-Z][^.:;]{{0,60}}?)(?:\s*\.{{3,}}\s*|\s\.{{1,2}}\s+|\s{{4,}}|(?<=\S){_NO_VERB_BEFORE}\s{{2,}}(?=\d|$)"
    r"|\s*:\s+(?=\d|$))"
)
# A name right before its bracketed figure, after a comma, 'and', 'by' or the sentence's lead-in
_BRACKETED_NAME = re.compile(
    r"(?:^|,\s*(?:and\s+)?|\band\s+|\bfollowed\s+by\s+|\bthen\s+|\bwhile\s+)"
    r"(?P<name>(?!(?:the|a|an)\b)[A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,6}?)\s*\(\s*$",
    re.I,
)
# Under a 'By ...' heading, a row whose label holds numbers of its own: 'Below 30,000 lbs ..... 27.8%',
# '30,000-45,000 lbs ...... 52.0%'; its one figure is the share after the leader.
_NUMBERED_ROW = re.compile(
    r"\W*(?P<label>[A-Z0-9][^.:;]{0,60}?\d[^.:;]{0,30}?)(?:\s*\.{3,}\s*|\s\.{1,2}\s+|\s{4,})(?=\d[\d.]*\s*%\s*$)"
)
# Nothing before a bullet's first figure but its label: '**Hospitals and clinics:** '.
_LABEL_ONLY = re.compile(r"\W*[A-Z][^:.;]{0,60}:\W*")
# '- Container ships: 22.6% share; 13.4% CAGR': a label, a colon, then the label's figures.
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w&/' -]{1,60}?)\s*:\s+(?=\S*\d)")
_METRIC_LABEL = re.compile(
    r"\b(market|size|cagr|share|revenue|growth|value|forecast|region|segment|type|year|period|price|volume|units?)\b",
    re.I,
)
_LEADER_LABEL = re.compile(
    r"^\s*[^:.]{0,40}\b(?:fastest|largest|leading|biggest|dominant)\b[^:.]{0,40}(?::|\s*\.{3,})\s*"
    r"(?P<name>[A-Z0-9][\w&/' -]{1,50}?)"
    r"(?:,|\s*\()\s*(?:CAGR\s+)?\S*\d",  # 'Largest end user: K-12 schools (48.9% share)'
    re.I,
)
# 'Cloud-based (browser) platforms captured 71.4% of revenue': a share of the subject the sentence opens with
_SUBJECT_SHARE = re.compile(
    r"\W*(?!(?:The|This|These|Those|It|Its|Their|Our|Top|Leading|Major|Key|Other|Remaining|In|By|During"
    r"|Across|Within|Among|Based|As|At|For|From|With)\b)"
    # a name may list its parts: 'Archives, manuscripts and works on paper accounted for ...'
    r"(?P<name>[A-Z][\w/&'-]*(?:,?\s+(?:\([^()]{1,30}\)|[\w/&'-]+)){0,7}?)"
    # 'Services -- implementation, trigger design and managed operations -- made up ...'
    rf"(?:{clauses.DASH_ASIDE})?\s+"
    r"(?:captured|accounted\s+for|held|represented|generated|made\s+up|contributed|commanded)\b"
)
_SET_AGAINST = re.compile(r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s*$", re.I)
_NAMED_AFTER = re.compile(
    r"\s+(?:share\s+)?for\s+(?:the\s+)?(?P<name>[A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,4}?)(?=\s*(?:[.,;)]|$|\s+(?:and|in|while)\b))"
)
_CONTRASTED_SHARE = re.compile(
    r"[,;]\s*(?:but|while|whereas)\s+(?:the\s+)?(?P<name>[\w/&'-]+(?:\s+(?:\([^()]{1,30}\)|[\w/&'-]+)){0,5}?)\s+"
    r"(?:captured|accounted\s+for|held|represented|generated|made\s+up|contributed|commanded)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$"
)
# 'followed by dogs at 39.6%', 'ahead of Europe with 28.1%', 'and other pets at 6.2%': a name put
# right before its figure in a ranked list.
_FOLLOWED = re.compile(
    r"\b(?:followed|came next|was next|trailed|came second|ranked second)\s+(?:with|at)\s*$", re.I
)
_VERB_OF_SHARE = r"(?:accounted|accounts|account|accounting|held|holds|captured|represented|contributed|made|generated|earned|was|were)"
# 'Shaft kilns accounted for 21.0%, tunnel kilns for 15.5% and shuttle and batch kilns for 11.5%':
# the list's later items name the verb of the first only once.
_NOT_A_NAME = (
    r"(?:are|is|was|were|will|has|have|had|it|its|their|this|that|these|those|which|while|whereas|but|with|at|of"
    r"|a|an|the|by|to|in|on|from|for|as|than|then|compared|versus|vs|cagr|rate|share|growth|revenue|sales|value"
    r"|up|down|about|around|nearly|some|almost|over|under|above|below|more|less|faster|slower|higher|lower"
    r"|still|only|also|both|each|all|against"
    # ('... accounted for 27.4% and should grow at 6.2%': the verb of an elided subject)
    r"|should|could|would|may|might|can|must|grow|grows|expand|expands|rise|rises)"
)
# Verbs that come right before a figure ('..., representing 16.3%'), where a name like 'manufacturing'
# may come as well
_FIGURE_GERUND = (
    r"(?:representing|accounting|reaching|totall?ing|growing|rising|expanding|increasing|declining|making"
    r"|holding|capturing|generating|contributing|registering|recording|witnessing|exhibiting|posting"
    r"|standing|including|excluding|amounting|comprising|covering|being)"
)
# What a listed figure is of, between it and the next name: '21.0% of corporate bookings', '57% of 2024
# service revenue' (whose years were read with the figure, leaving ' service revenue')
_OF_WHAT_LISTED = (
    r"(?:\s+of\s+(?:(?:19|20)\d{2}\s+)?[^,;%\d]{1,40}?"
    r"|\s+(?:[\w-]+\s+){0,2}?(?:revenues?|sales|demand|value|volumes?|spending))?"
)
_ELIDED_NEXT = re.compile(
    # what the first figure was of may come between ('21.0% of corporate bookings, and B for ...')
    _OF_WHAT_LISTED + r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?:the\s+)?"
    r"(?P<name>(?!(?:are|is|was|were|will|has|have|had|it|its|this|that|which|while|whereas|but|with)\b)"
    rf"[A-Za-z][\w&/-]*(?:\s+(?!{_VERB_OF_SHARE}\b)[\w&/-]+){{0,4}}?(?:\s*\([^()]{{1,60}}\))?)"
    r"\s+for(?:\s+the\s+remaining)?\s*$"
    # 'Healthcare held 9.8% and retail 8.4%', '66% of 2024 revenue and retrofit and replacement
    # projects 34%': a name of plain words right before its figure
    r"|" + _OF_WHAT_LISTED + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    # ("racking manufacturers' service arms 33%")
    # ('in-house' is a word of the name, not 'in')
    rf"(?P<bare>(?!(?:{_NOT_A_NAME}|{_FIGURE_GERUND}|{_VERB_OF_SHARE})(?![\w'’-]))[A-Za-z][\w&/'’-]*(?:\s+\([^()]{{1,80}}\))?"
    rf"(?:\s+(?:and\s+)?(?!(?:{_NOT_A_NAME}|{_FIGURE_GERUND}|{_VERB_OF_SHARE})(?![\w'’-]))[A-Za-z][\w&/'’-]*"
    # ('textile (fabric-ply) belts 43%': a word may be glossed in brackets)
    r"(?:\s+\([^()]{1,30}\))?){0,4}"
    # ('..., independent power producers held 24.0%': the verb said again)
    rf"(?<!ed)(?<!ly)\s+)(?:(?:{_VERB_OF_SHARE}|made\s+up)\s+(?:about\s+|around\s+|roughly\s+)?)?"
    # ('..., and sensors the remaining 23.0%')
    r"(?:the\s+(?:remaining|rest|balance)\s+)?$"
    # '..., with other users (ports, postal hubs) making up 5.4%'
    # '..., followed by healthcare at 22.0%, government at 18.0%': the ranking's next name and figure
    r"|\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    rf"(?P<ranked_on>(?!{_NOT_A_NAME}\b|{_FIGURE_GERUND}\b|{_VERB_OF_SHARE}\b)[A-Za-z][\w&/-]*"
    rf"(?:\s+(?!{_NOT_A_NAME}\b|{_FIGURE_GERUND}\b|{_VERB_OF_SHARE}\b)[A-Za-z][\w&/-]*){{0,3}})\s+(?:at|with)\s*$"
    r"|\s*,\s*with\s+(?:the\s+)?(?P<with_rest>[A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,4}?(?:\s*\([^()]{1,80}\))?)"
    r"\s+(?:making\s+up|accounting\s+for|holding|representing|contributing)\s+(?:the\s+)?(?:remaining\s+|rest\s+)?$",
    re.I,
)
# 'Latin America (6.1%) and the Middle East & Africa (4.8%) account for the remainder'
_SHARE_CONTEXT = re.compile(r"\b(?:shares?|remainder|rest|account(?:ed|s)?\s+for|held|hold|revenue)\b", re.I)
_GROWTH_CONTEXT = re.compile(r"\b(?:CAGR|grow\w*|growth|expand\w*|increase\w*|rise|rising|rose)\b", re.I)


def _bracketed_share(text: str, figure: Figure, mentions: list[Mention]) -> bool:
    """A bare percentage in brackets right after a place or segment's name, in a sentence about shares."""
    if figure.kind != "percent" or not text[: figure.start].rstrip().endswith("("):
        return False
    if not text[figure.end :].lstrip().startswith(")"):
        return False
    opening = text[: figure.start].rstrip()[:-1].rstrip()
    named = any(m.end == len(opening) for m in mentions)
    return named and bool(_SHARE_CONTEXT.search(text)) and not _GROWTH_CONTEXT.search(text)


_RANKED_NEXT = re.compile(
    # 'followed by banking, financial services and insurance (BFSI) at 17.2%': a name listing its parts
    r"(?:followed by\s+(?:the\s+)?(?P<listing>[a-z][\w&/-]*(?:,\s+[\w&/-]+(?:\s+[\w&/-]+){0,3}){1,3}"
    r"(?:\s+\([A-Za-z&]{2,10}\))?)"
    r"|(?:followed by|ahead of|trailed by|behind|then|and|while)\s+(?:the\s+)?"
    # a name, not a verb phrase ('and are forecast to grow at 8.1%')
    r"(?P<name>(?!(?:are|is|was|were|will|has|have|had|grows?|grew|expected|forecast|projected|should|could"
    r"|would|may|might|can|must|to)\b)"
    r"[A-Za-z][\w&/-]*(?:\s+(?!at\b|with\b)[\w&/-]+){0,3}?(?:\s+\([A-Za-z&]{2,10}\))?)"
    # 'Natural catastrophe perils such as earthquake and hurricane followed with 28.6%'
    r"|(?:^|[.;]\s*)(?P<example_of>[A-Z][\w&/-]*(?:\s+[\w&/-]+){0,4}?)\s+(?:such\s+as|including|like)\s+[^.;%]{3,80}?"
    r"\s+(?:followed|came next|was next|trailed|came second)"
    # 'Europe followed with 22.0%', 'Latin America came next at 8%'
    r"|(?:^|[.;,]\s*)(?P<before>[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*){0,3})\s+(?:followed|came next|was next|trailed|came second))"
    r"\s+(?:at|with)\s*$",
    re.I,
)


def _clause_scope(r: _Reading, opening: int, figure: Figure, previous: Draft | None) -> Scope | None:
    """The scope the subject of the clause opening at ``opening`` names, if it names one."""
    subject = clauses.subject(r.sentence.text, opening, figure.start)
    if subject is None:
        return None
    if subject.refers_back:
        return previous.scope if previous is not None else (r.carried or Scope())
    if subject.one_unit:
        return None  # "a station ... cost": one unit of what the market sells, not a part of it
    share = _figure_is_share(r, figure)
    # under 'By component', 'Software accounted for 68.4%' is a segment's share; so is 'New equipment
    # sales made up 71%' anywhere
    part = share and (bool(r.dimension) or subject.qualifies_market(r.ctx.market_words))
    if subject.is_market(r.ctx.market_words) and not part:
        return Scope()
    name = subject.name
    if _TIME_SUBJECT.match(name) and _MARKET_RIGHT_BEFORE.search(r.sentence.text, opening, figure.start):
        # 'Five years earlier the picture was very different: in 2020 the market stood at USD 731.9
        # million': the market is what the figure is of, not the opening's time phrase
        return Scope()
    return r.ctx.scopes.lookup(name) or Scope(kind="segment", name=name, dimension=r.dimension)


_TIME_SUBJECT = re.compile(
    r"(?:\w+\s+(?:years?|months?|decades?)\s+(?:earlier|ago|later|before)|earlier|back then|at the time|by then)\b",
    re.I,
)
_MARKET_RIGHT_BEFORE = re.compile(
    r"\b(?:the|this)\s+(?:global\s+|overall\s+|whole\s+)?market\s+\w+(?:\s+at)?\s*$", re.I
)


def _figure_is_share(r: _Reading, figure: Figure) -> bool:
    return (
        figure.kind == "percent"
        and pm.metric(figure, r.sentence.text[: figure.start], r.sentence.text, True) == "share"
    )


def _priced(text: str, since: int, figure: Figure) -> str | None:
    """What a cost is per: the head noun of a clause subject naming one unit ('A station ... cost')."""
    opening = clauses.break_between(text, since, figure.start, comma_and=True) or 0
    subject = clauses.subject(text, opening, figure.start)
    return subject.head if subject is not None and subject.one_unit else None


def _listed(text: str, found: list[Figure]) -> dict[int, int]:
    """Figures listed together ('12.4% and 14.1%'): figure index -> index of the list's first."""
    out: dict[int, int] = {}
    for index in range(1, len(found)):
        a, b = found[index - 1], found[index]
        if a.kind == b.kind and clauses.is_list_gap(text[a.end : b.start]):
            first = out.get(index - 1, index - 1)
            out[index - 1] = first
            out[index] = first
    return out


def _paired(r: _Reading, index: int, listed: dict[int, int]) -> Scope | None:
    """The name paired with figure ``index`` when as many names as figures are listed before them."""
    if index not in listed:
        return None
    members = [i for i, first in listed.items() if first == listed[index]]
    figures = [(r.found[i].start, r.found[i].end) for i in members]
    before = [m for m in r.mentions if m.end <= figures[0][0]][-len(members) :]
    if not clauses.pairs(r.sentence.text, [(m.start, m.end) for m in before], figures):
        return None
    return before[members.index(index)].scope


def _only_year(text: str) -> int | None:
    """The sentence's year when it states exactly one (years in a range do not count) and compares
    no figures ('up from 25% in 2019' dates the other figure only)."""
    if _COMPARES.search(text):
        return None
    ranged = {m.start() for m in num.YEAR_RANGE.finditer(text)} | {
        m.end() for m in num.YEAR_RANGE.finditer(text)
    }
    years = {
        int(m.group())
        for m in num.YEAR_ONLY.finditer(text)
        if m.start() not in ranged and m.end() not in ranged and not _HORIZON.search(text[: m.start()])
    }
    return years.pop() if len(years) == 1 else None


# 'held 21.5% and is projected to post a 12.6% CAGR to 2032': a year a forecast runs to dates the
# rate, not the share stated beside it.
_HORIZON = re.compile(r"\b(?:to|by|through|until|till)\s*$", re.I)


def found_money(found: list[Figure]) -> bool:
    return any(f.kind in ("money", "price") for f in found)


_SHOUTED = re.compile(r"\b[A-Z]{4,}(?:\s+[A-Z]{2,})*\b")


def last_region(sentence: str, ctx: ProseContext) -> Scope | None:
    """The last region ``sentence`` names ('China alone accounted for 46% of Asia Pacific revenue')."""
    regions = [m.scope for m in _mentions(sentence, ctx) if m.scope.kind == "region"]
    return regions[-1] if regions else None


def _as_written(mention: Mention, readable: str, sentence: str, scopes: ScopeIndex) -> Mention:
    """A name read off the title-cased text, spelt as the page lists it or, if it does not, as the
    sentence writes it ('inverter (IGBT) units', not 'inverter (Igbt) units')."""
    name = mention.scope.name or ""
    known = scopes.lookup(name) if name else None
    if known is not None:
        return mention if known.name == name else Mention(mention.start, mention.end, known)
    at = readable.find(name) if name else -1
    if at < 0 or sentence[at : at + len(name)] == name:
        return mention
    scope = mention.scope.model_copy(update={"name": sentence[at : at + len(name)]})
    return Mention(mention.start, mention.end, scope)


def _mentions(sentence: str, ctx: ProseContext) -> list[Mention]:
    """Scope mentions, less those inside the market's own name ('... Heat Pump Market')."""
    # 'EUROPE followed with 29.0%': a name in capitals is read as written in title case (same length)
    readable = _SHOUTED.sub(lambda m: m.group(0).title(), sentence)
    mentions = [m for m in ctx.scopes.mentions(readable) if m.scope.key not in ctx.market_places]
    if readable != sentence:
        mentions = [_as_written(m, readable, sentence, ctx.scopes) for m in mentions]
    if ctx.market_name is None or not mentions:
        return mentions
    inside = [(m.start(), m.end()) for m in ctx.market_name.finditer(sentence)]
    return [m for m in mentions if not any(a <= m.start < b for a, b in inside)]
