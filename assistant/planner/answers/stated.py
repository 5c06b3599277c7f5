"""Answer scripts for figures a page states in its quantity table beyond the headline: a region's or
segment's value or share, a historical growth rate, a volume or price, and the report's own identity
(code, pages, edition, base year, periods). Quoted as stated; never estimated."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.domain.answer import FinalDraft, Status
from assistant.domain.formatting import format_money, format_number, format_percent
from assistant.planner.answers.basis import fetch_basis
from assistant.planner.answers.common import decline
from assistant.planner.answers.figure_text import shown, when
from assistant.planner.answers.nested import ASKS_PART_OF, country_and_region, part_of_market, part_of_region
from assistant.planner.answers.part_values import (
    KEEPS_SHARE,
    at_same_share,
    compared_by_tool,
    part_overview,
    share_left,
    stated_value_grown,
    two_values,
)
from assistant.planner.answers.prose import passage
from assistant.planner.calls import Call, Result, Steps, ask, fetch_facts, search, together
from assistant.planner.context import ReportContext
from assistant.planner.decision import OVERVIEW, Decision
from assistant.planner.draft import Draft, combine
from assistant.planner.forms import PER_UNIT
from assistant.planner.intents import Intent
from assistant.planner.limits import unanswerable
from assistant.planner.slots import SPLIT, TIMES_AS, Entity, Slots
from assistant.text.sentences import content_words
from assistant.text.words import word_list
from tools.derived import PerUnitResult, ProjectionResult, ShareResult
from tools.facts import IdentityFact, MoneyFact, Quote
from tools.forecast import ConvertResult, SizeResult
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import (
    ConvertArgs,
    PerUnitArgs,
    ProjectionArgs,
    QuantitiesArgs,
    ShareValueArgs,
)

_VOLUME = re.compile(
    r"\b(volume|units?|shipments?|shipped|tonnes?|tons?|installations?|installed|capacity|gwh|mwh)\b", re.I
)
_PRICE = re.compile(r"\b(price|prices|pricing|asp|cost per|per unit|per kg|per tonne)\b", re.I)
_WORTH = re.compile(r"\b(worth|value|valued|dollars?|usd|how much)\b|\$", re.I)
_COUNT = re.compile(r"\b(how many|number of|count of)\b", re.I)
_RATE = re.compile(
    r"\b(c\.?a\.?g\.?r|growth rate|grow\w* at|annual growth|how (fast|quickly)|(at )?what rate|pace"
    r"|growth (?:outlook|prospects?|forecast))\b",
    re.I,
)
_AT_THAT_RATE = re.compile(
    # ('europe in 2027 - ballpark using its growth rate?', 'if it grows at its cagr')
    r"\b(?:at|with|keeps?|keeping|holds?|holding|maintains?|sustains?|using|applying|going\s+by|based\s+on|by|"
    r"hits?)\s+(?:up\s+)?"
    r"(?:that|this|the same|its|their|the regional|the segment'?s?|[\w-]+['’]s|[\w-]+s['’])"
    r"(?:\s+(?:own|regional|segment|stated|current|forecast|expected))?\s+(?:rate|pace|cagr|growth)\b",
    re.I,
)
AGAINST_WHOLE = re.compile(
    r"\b(?:vs\.?|versus|compared? (?:to|with)|compare w/?|against|than|w/)\s+(?:the\s+)?"
    r"(?:(?:overall|whole|total|global|entire|worldwide)\s+)?(?:market|mkt|industry|overall|global|worldwide)\b"
    r"|\b(?:vs\.?|versus|compared? (?:to|with)|compare w/?|against|than|w/)\s+(?:the\s+)?"
    r"(?:overall|whole|total|global|entire)\s+(?:one|rate|cagr|growth)\b",
    re.I,
)
HISTORICAL = re.compile(r"\b(hist\w*|past|previous|prior|earlier|last \d+ years|so far|to date|grew)\b", re.I)


_GAP = re.compile(
    r"\b(?:gap|difference|differ|minus|pts|points|percentage points|spread)\b"
    # 'how much bigger was north america than europe'
    r"|\bhow\s+much\s+(?:bigger|larger|smaller|more|less|higher|lower)\b[^?]*\bthan\b",
    re.I,
)
# 'what share is outside europe and na', 'portion NOT from mining': the share left over
_OUTSIDE = re.compile(
    r"\b(?:outside(?:\s+of)?|not\s+(?:from|in|of|by)|excluding|except(?:\s+for)?|other\s+than|apart\s+from"
    r"|besides|neither|remaining|remainder|left\s+over|everything\s+else|all\s+the\s+others?)\b",
    re.I,
)
_COMBINED = re.compile(r"\b(?:combined|together|total|sum|summed|added|plus|jointly)\b|\+", re.I)
_FASTER = re.compile(r"\b(?:faster|quicker|slower|growing|grows|growth)\b", re.I)
_HOW_MUCH_OF = re.compile(r"\bhow much of\b", re.I)  # 'how much of demand is X': a part, not a worth
_GROWTH = re.compile(r"\b(yoy|year[- ](on|over)[- ]year|annual growth in|growth in (19|20)\d\d)\b", re.I)


def wanted_metric(question: str, slots: Slots) -> str:
    """Which kind of figure the question asks for."""
    if _OF_GROWTH.search(question):
        return "share"  # 'apac contribution to growth': its share of the market's increase
    if _GROWTH.search(question):
        return "growth"
    if SPLIT.search(question) and len(slots.specific("region", "country", "segment")) >= 2:
        return "share"  # 'distribution vs transmission - revenue split?': how the revenue divides
    if slots.asks_share and _WORTH.search(_HOW_MUCH_OF.sub(" ", question)):
        return "market_size"  # 'how much is X worth in $? share x total': its value, from its share
    if slots.asks_share:
        return "share"
    if TIMES_AS.search(question) and not (_RATE.search(question) or _FASTER.search(question)):
        return "market_size"  # 'how many times bigger is apac than europe': their sizes divided
    if _PRICE.search(question):
        return "price"
    if _VOLUME.search(question):
        return "volume"
    # 'apac $ value in 2030 at that pace' asks a value grown at a rate, not the rate
    # ('asia pacific in 2030 at its own cagr?': a year named, and the rate to grow to it)
    at_a_rate = slots.years and _AT_THAT_RATE.search(question)
    if not at_a_rate and (_RATE.search(question) or (slots.asks_growth and not slots.asks_money)):
        return "cagr"
    if _COUNT.search(question) and not slots.asks_money:
        return "count"
    return "market_size"


_WHICH_YEAR = re.compile(
    r"\b(?:which|what)\s+(?:yr|year)\b|\bas of when\b|\bwhen is (?:that|this) from\b", re.I
)


def _stated_base_year(ctx: ReportContext) -> Steps[tuple[int, Quote] | None]:
    """The base year the page states for itself, with the quote that states it."""
    facts = yield from fetch_facts(ctx.report_id, "identity")
    fact = facts["identity"]
    identity = fact.value if fact and isinstance(fact.value, IdentityFact) else None
    quote = next((q for q in fact.quotes if q.label == "base_year"), None) if fact else None
    if identity is None or identity.base_year is None or quote is None:
        return None
    return int(identity.base_year.value), quote


_LABELS = {
    "market_size": "a size of",
    "share": "a share of",
    "cagr": "a CAGR of",
    "growth": "growth of",
    "volume": "a volume of",
    "price": "a price of",
    "count": "a count of",
}


# 'share of growth', 'contribution to growth': a share of the market's increase, not of the market
_OF_GROWTH = re.compile(
    r"\b(?:share|part|portion|contribution|contributes?)\s+(?:of|to)\s+(?:the\s+)?(?:market'?s\s+)?(?:global\s+)?"
    r"(?:growth|increase|gains?)\b|\bgrowth\s+(?:contribution|share)\b|\bshare\s+of\s+(?:the\s+)?increase\b",
    re.I,
)
# 'share, growth?', 'share and cagr': a part's rate asked beside its share
_SHARE_AND_RATE = re.compile(r"\b(?:growth|growing|grow|cagr|rate)\b", re.I)
# Figures a page mostly states in its prose, not its tables: a price, a volume, a count.
_IN_PROSE = frozenset({"price", "volume", "count"})


# Words that ask for a price, a volume or a count however it is put: none asks about anything else.
_METRIC_WORDS = frozenset(
    "price prices priced pricing cost costs costing volume volumes units unit count number many much per "
    "typical typically average avg selling sell sells sold retail retails shipped ship ships shipments "
    "produced production installed installations globally worldwide global total annual annually year "
    "yearly tonnes tons tonnage".split()
)
# 'the price of a chest patch': what a price or a count is of names no other subject
_PRICED = re.compile(
    r"\b(?:price|prices|cost|costs|number|count|volume)\s+(?:of|for|per)\s+(?:an?\s+|the\s+|one\s+|each\s+)?"
    r"[\w-]+(?:\s+[\w-]+){0,3}",
    re.I,
)


def _asks_more_than(question: str, metric: str, named: list[Entity], market: frozenset[str]) -> bool:
    """'how much does freight add to the landed price?' asks about more than the price of what it
    names (or of the market); 'what's the price of a chest patch?' does not, and a passage that
    merely shares its words is no answer."""
    own = {w for e in named for w in content_words(e.name)} | _METRIC_WORDS | {metric} | market
    words = {w.split("'")[0] for w in content_words(_PRICED.sub(" ", question))}  # "what's" is 'what'
    return bool(words - own - word_list("stopwords") - {w for w in words if w[:1].isdigit()})


def stated_figure(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """A region's, country's or segment's figure, or a whole-market figure other than the headline
    size (a volume, a price, a historical CAGR), as the page states it."""
    slots = decision.slots
    metric = decision.metric or wanted_metric(question, slots)
    scoped_parts = slots.specific("region", "country", "segment")
    if metric == OVERVIEW and len(scoped_parts) == 1:
        overview = yield from part_overview(scoped_parts[0].name, ctx)
        if overview is not None:
            return overview
        return (yield from passage(question, decision, ctx))  # no figure of it: what the prose says
    if metric == OVERVIEW:
        # 'how does germany compare with china': each one's figures, in the order asked
        named = sorted(scoped_parts, key=lambda e: _asked_at(e, question))[:MAX_SIDE_BY_SIDE]
        overviews = yield from together([part_overview(e.name, ctx) for e in named])
        shown_parts = [f for f in overviews if f is not None]
        if shown_parts:
            missing = [f"figures of {e.name}" for e, f in zip(named, overviews, strict=True) if f is None]
            return combine(shown_parts, missing)
        return (yield from passage(question, decision, ctx))
    scoped = slots.specific("region", "country", "segment")
    pair = country_and_region(scoped) if ASKS_PART_OF.search(question) else None
    if pair is not None:
        # 'us as a share of north america': the country's value against the region's
        nested = yield from part_of_region(pair[0].name, pair[1].name, ctx)
        if nested is not None:
            return nested
    # (a share is of one year, whichever the question carries: 'na share in 24?' then 'compare w europe')
    if len(scoped) >= 2 and metric in ("share", "cagr") and (not slots.years or metric == "share"):
        scoped = sorted(scoped, key=lambda e: _asked_at(e, question))  # 'europe's ... mea's': in that order
        # 'chloride vs sulfate share', 'distribution vs transmission split': each one's own figure
        return (yield from _side_by_side(scoped[:MAX_SIDE_BY_SIDE], metric, decision, ctx, question))
    if len(scoped) == 2 and metric == "market_size" and TIMES_AS.search(question):
        # 'apac to europe revenue ratio': their stated values divided, else their shares of one year
        scoped = sorted(scoped, key=lambda e: _asked_at(e, question))
        divided = yield from two_values(scoped, slots.years, "ratio", ctx)
        if divided is not None:
            return divided
        return (yield from _side_by_side(scoped, "share", decision, ctx, question))
    if len(scoped) == 2 and metric == "market_size" and (_COMBINED.search(question) or _GAP.search(question)):
        # 'germany and france combined market size?': the two stated values, added by the tool
        apart = bool(_GAP.search(question) and not _COMBINED.search(question))
        summed = yield from two_values(scoped, slots.years, "gap" if apart else "total", ctx)
        if summed is not None:
            return summed
    if len(scoped) >= 2 and metric == "market_size":
        # 'both in dollars?' after two regions' shares: each one's value, in the order asked
        named = scoped[:MAX_SIDE_BY_SIDE]  # as the conversation named them ('compare that w europe')
        each = []
        for entity in named:
            own = replace(slots, entities=[entity])
            each.append(
                replace(decision, slots=own, metric=metric, fallback=unanswerable(Intent.SIZE_IN_YEAR, own))
            )
        parts = yield from together([stated_figure(question, one, ctx) for one in each])
        unanswered = [
            f"value of {e.name}" for e, part in zip(named, parts, strict=True) if part.status != "answered"
        ]
        return combine(parts, unanswered if len(unanswered) < len(parts) else ())
    name = scoped[0].name if scoped else "market"
    if scoped and slots.years and KEEPS_SHARE.search(question):
        # 'and by 2033 if it keeps its share?': its share of that year's market, as the user supposes
        kept = yield from at_same_share(name, max(slots.years), ctx)
        if kept is not None:
            return kept
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric=metric, name=name, report_id=ctx.report_id))
    )
    found = list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []
    if metric == "share":
        # A share of the market's growth is not a share of the market, unless growth is asked.
        of_growth = bool(_OF_GROWTH.search(question))
        found = [q for q in found if (q.measure == "of growth") == of_growth]
    if metric == "cagr" and name == "market":
        historical = bool(HISTORICAL.search(question))
        found = [q for q in found if (q.period == "historical") == historical] or found
    years = set(slots.years)
    exact = [q for q in found if years and (q.start_year in years or q.end_year in years)] if years else found
    draft = Draft()
    if not found and metric == "market_size" and scoped:
        derived = yield from value_from_share(name, slots.years, draft, ctx, slots.unit)
        if derived is not None:
            return derived
    if not found and metric == "share" and scoped and not _OF_GROWTH.search(question):
        # 'germany as a % of the global mkt': its stated value against the market's size that year
        derived = yield from part_of_market(name, slots.years, ctx)
        if derived is not None:
            return derived
    if (
        not found
        and not scoped
        and metric in ("price", "market_size")
        and PER_UNIT.search(question)
        and _prices_the_market(question, ctx)
    ):
        # 'avg revenue per unit installed?': the market's size over the units the page counts that year
        per_unit = yield from _per_unit(draft, ctx)
        if per_unit is not None:
            return per_unit
    if not found and scoped and metric == "cagr" and AGAINST_WHOLE.search(question):
        # 'north america cagr vs the global one?': the market's own rate, the region's named unanswered
        whole, _ = yield from _market_rate(draft, ctx)
        if whole:
            final = draft.final(f"The report states no CAGR for {name}. {whole}")
            return final.model_copy(update={"unanswered_parts": [f"growth rate of {name}"]})
    if not found:
        reason = decision.fallback or (
            f"The report states no {metric.replace('_', ' ')} figure for {name if scoped else 'the market'}."
        )
        market = ctx.market_words | content_words(ctx.market or "")
        if metric in _IN_PROSE and _asks_more_than(question, metric, slots.entities, market):
            # 'how much does freight add to the landed price?': a figure the prose may state in
            # passing, where no table holds it; the passage answer declines all the same when none does
            return (yield from passage(question, replace(decision, fallback=reason), ctx))
        return (yield from decline_with_context(question, reason, decision, ctx))
    earlier = [q for q in found if years and (q.start_year or 0) < max(years)]
    if metric == "market_size" and scoped and years and not exact and earlier:
        # 'what will asia pacific be worth in 2031 at its regional cagr', 'europe in 2027' between its
        # 2023 and 2030 values: its latest stated value before the year, grown at its own rate
        grown = yield from stated_value_grown(scoped[0].name, earlier, max(years), draft, ctx)
        if grown is not None:
            return grown
    # the same figure stated twice (a table row and a sentence) is said once, from its first statement
    chosen = list(
        {(q.metric, q.value, q.start_year, q.end_year): q for q in reversed(exact or found)}.values()
    )[::-1]
    if metric == "share" and scoped and _SHARE_AND_RATE.search(question) and not _OF_GROWTH.search(question):
        # 'commercial segment - share, growth?': its rate beside its share
        rates = yield from ask(
            Call("lookup_quantities", QuantitiesArgs(metric="cagr", name=name, report_id=ctx.report_id))
        )
        if isinstance(rates.value, QuantitiesResult):
            chosen += list(rates.value.quantities)[:1]
    lines = []
    subject = scoped[0].name[:1].upper() + scoped[0].name[1:] if scoped else "The market"
    base_year: tuple[int, Quote] | None = None
    if _WHICH_YEAR.search(question):
        base_year = yield from _stated_base_year(ctx)
    for q in chosen[:4]:
        dated = when(q)
        if not dated and base_year and q.start_year == q.end_year == base_year[0]:
            # 'which yr is that for': a figure its quote leaves undated is of the report's base year
            dated = f" for {base_year[0]}, the report's base year {draft.cite(base_year[1])}"
        lines.append(f"{subject} had {_LABELS[q.metric]} {shown(q)}{dated} {draft.cite(q.quote)}.")
    status: Status = "answered"
    if years and not exact:
        # the figure asked (that year's) is not the page's: what it does state is the nearest it comes
        lines.insert(0, "The report states no such figure for the year asked; what it does state:")
        status = "unanswerable"
    if (
        scoped
        and metric == "share"
        and _OUTSIDE.search(question)
        and not years - {q.start_year for q in chosen}
    ):
        rest = yield from share_left([chosen[0]], [scoped[0].name], draft)
        lines.append(rest)
    if scoped and metric == "cagr" and AGAINST_WHOLE.search(question):
        # 'how fast is that growing vs the overall mkt': the market's own rate beside it, and the gap
        whole, rate = yield from _market_rate(draft, ctx)
        if whole:
            lines.append(whole)
        stated_rate = next((q for q in chosen if q.metric == "cagr"), None)
        if rate is not None and stated_rate is not None:
            gap = yield from _rate_gap(stated_rate, rate, scoped[0].name, draft)
            lines.append(gap)
    return draft.final(" ".join(line for line in lines if line), status=status)


def _rate_gap(own: QuantityFact, whole: QuantityFact, name: str, draft: Draft) -> Steps[str]:
    """'That is 3.1 percentage points above the market's.': the two rates compared by the tool."""
    compared = yield from compared_by_tool(own.value, whole.value, f"{name} CAGR", "market CAGR")
    if compared is None:
        return ""
    draft.show_working(compared.expression)
    gap = compared.difference
    side = "above" if gap > 0 else "below"
    return (
        f"That is {format_percent(abs(gap)).rstrip('%')} percentage points {side} the market's."
        if gap
        else ("That is the same as the market's.")
    )


def _value_through_region(
    name: str, regional: QuantityFact, draft: Draft, ctx: ReportContext
) -> Steps[FinalDraft | None]:
    """A country's value from its share of its region, and the region's share of the market: the
    region is the one the page names last before the country's figure ('North America held 39.5% ...
    The United States alone generated about 86% of regional sales')."""
    # the region the page names last before the country's own figure, in the passage that holds it
    passages = yield from search(regional.quote.text[:300], ctx.report_id, ctx.search_k)
    holding = next((p for p in passages if p.start <= regional.quote.start < p.start + len(p.text)), None)
    # ('In Europe, Germany accounts for 31% of regional revenue': the sentence may name it itself)
    own = regional.quote.text
    at = own.find(name)
    before = (holding.text[: regional.quote.start - holding.start] if holding else "") + (
        own[:at] if at > 0 else ""
    )
    named = [e for e in ctx.vocabulary if e.kind == "region" and e.name in before]
    if not named:
        return None
    in_region = max(named, key=lambda e: before.rfind(e.name))
    result = yield from ask(
        Call(
            "lookup_quantities", QuantitiesArgs(metric="share", name=in_region.name, report_id=ctx.report_id)
        )
    )
    regions = [
        q
        for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
        if q.scope == "region" and q.measure is None and q.start_year and q.start_year == q.end_year
    ]
    basis = yield from fetch_basis(ctx)
    if not regions or not basis.complete:
        return None
    region = regions[0]
    assert region.start_year is not None
    size = yield from ask(Call("market_size_in_year", basis.size_args(region.start_year)))
    if not isinstance(size.value, SizeResult) or size.value.kind != "stated":
        return None
    total = size.value
    of_region = yield from ask(
        Call("share_value", ShareValueArgs(total_value=total.value, share_percent=region.value))
    )
    if not isinstance(of_region.value, ShareResult):
        return None
    part = yield from ask(
        Call(
            "share_value",
            ShareValueArgs(total_value=of_region.value.part_value, share_percent=regional.value),
        )
    )
    if not isinstance(part.value, ShareResult):
        return None
    draft.show_working(of_region.value.expression)
    draft.show_working(part.value.expression)
    whole = format_money(total.currency, total.value, total.unit)
    value = format_money(total.currency, part.value.part_value, total.unit)
    return draft.final(
        f"The report states no value for {name}; it gives it {format_percent(regional.value)} of its region "
        f"{draft.cite(regional.quote)}, and {region.name} {format_percent(region.value)} "
        f"{draft.cite(region.quote)} of the market's {whole} in {total.year} "
        f"{draft.cite_all(basis.quotes_for(total.year))}: about {value} in {total.year}."
    )


_UNITS_COUNTED = re.compile(r"\b(?:units?|pieces|machines|devices|systems|installations)\b", re.I)


_PRICE_OF = re.compile(
    r"\b(?:price|cost|revenue|value|spend\w*)\s+(?:of|for)\s+(?:an?\s+|the\s+|one\s+|each\s+)?"
    r"(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
    re.I,
)


def _prices_the_market(question: str, ctx: ReportContext) -> bool:
    """'price per leveler', 'revenue per unit': an average over everything the market sells; 'the price
    of a chest patch' asks of one product, which the market's revenue over its units does not give."""
    priced = _PRICE_OF.search(question)
    if priced is None:
        return True
    market = ctx.market_words | content_words(ctx.market or "")
    return content_words(priced.group("thing")) <= market | _UNITS_WORDS


_UNITS_WORDS = frozenset(
    "unit units piece pieces item items machine machines device devices system systems".split()
)


def _per_unit(draft: Draft, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """The market's size in a year shared over the units the page says were sold or shipped that year;
    None when it counts no units in a year it sizes."""
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="volume", report_id=ctx.report_id))
    )
    counted = [
        q
        for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
        if q.start_year
        and q.start_year == q.end_year
        and _UNITS_COUNTED.search(f"{q.measure or ''} {q.figure or ''}")
    ]
    basis = yield from fetch_basis(ctx)
    if not counted or not basis.complete:
        return None
    volume = counted[0]
    assert volume.start_year is not None
    size = yield from ask(Call("market_size_in_year", basis.size_args(volume.start_year)))
    if not isinstance(size.value, SizeResult) or size.value.kind != "stated":
        return None  # a count beside a computed size would be a guess at the year's price
    total = size.value
    each = yield from ask(
        Call(
            "per_unit_value", PerUnitArgs(total_value=total.value, total_unit=total.unit, count=volume.value)
        )
    )
    if not isinstance(each.value, PerUnitResult):
        return None
    draft.show_working(each.value.expression)
    whole = format_money(total.currency, total.value, total.unit)
    return draft.final(
        f"The report states no price per unit. Its {whole} for {total.year} "
        f"{draft.cite_all(basis.quotes_for(total.year))} over the {shown(volume)} it counts that year "
        f"{draft.cite(volume.quote)} comes to about {total.currency} {each.value.per_unit:,.2f} a unit, on average."
    )


def _market_rate(draft: Draft, ctx: ReportContext) -> Steps[tuple[str, QuantityFact | None]]:
    """'The market as a whole had a CAGR of ...', cited, and that rate; empty when the page states none."""
    whole = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="cagr", name="market", report_id=ctx.report_id))
    )
    rates = list(whole.value.quantities) if isinstance(whole.value, QuantitiesResult) else []
    forecast = [q for q in rates if q.period != "historical"] or rates
    if not forecast:
        return "", None
    q = forecast[0]
    return f"The market as a whole had a CAGR of {shown(q)}{when(q)} {draft.cite(q.quote)}.", q


MAX_SIDE_BY_SIDE = 4
_MEASURE_WORDS = {"share": "share", "cagr": "growth rate"}  # how an unanswered part names what it lacks


def _asked_at(entity: Entity, question: str) -> int:
    """Where the question first names ``entity`` (by its name or another of its names)."""
    lowered = question.lower()
    found = [lowered.find(name.lower().split()[0]) for name in (entity.name, *entity.aliases) if name.split()]
    return min((at for at in found if at >= 0), default=len(question))


def _side_by_side(
    named: list[Entity], metric: str, decision: Decision, ctx: ReportContext, question: str
) -> Steps[FinalDraft]:
    """The latest figure of ``metric`` the page states for each of ``named``, one line each; a name
    without one is said to have none."""
    results: list[Result] = yield [
        Call("lookup_quantities", QuantitiesArgs(metric=metric, name=e.name, report_id=ctx.report_id))
        for e in named
    ]
    draft, lines, missing, shares = Draft(), [], [], []
    for entity, result in zip(named, results, strict=True):
        found = [
            q
            for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
            if q.measure is None
        ]
        if not found:
            missing.append(entity.name)
            continue
        q = max(found, key=lambda q: q.start_year or 0)
        shares.append(q)
        said = entity.name[:1].upper() + entity.name[1:]  # it opens a sentence
        lines.append(f"{said} had {_LABELS[q.metric]} {shown(q)}{when(q)} {draft.cite(q.quote)}.")
    arithmetic = _COMBINED.search(question) or TIMES_AS.search(question) or _GAP.search(question)
    if metric == "share" and shares and not missing and _OUTSIDE.search(question):
        # 'what share is outside europe and north america': what the named parts leave
        rest = yield from share_left(shares, [e.name for e in named], draft)
        lines.append(rest)
    elif (
        len(shares) == 2
        and not missing
        and (
            (metric == "share" and arithmetic)
            or (metric == "cagr" and (TIMES_AS.search(question) or _GAP.search(question)))
        )
    ):
        # 'nir + hybrid combined share?', 'europe's share is how many times mea's?', 'gap in share
        # pts between open pit and underground?': the two shares compared by the tool
        first, second = shares
        compared = yield from compared_by_tool(
            first.value, second.value, f"{named[0].name} {metric}", f"{named[1].name} {metric}"
        )
        if compared is not None:
            draft.show_working(compared.expression)
            measure = "share" if metric == "share" else "growth rate"
            if TIMES_AS.search(question) and compared.ratio is not None:
                lines.append(f"{named[0].name}'s {measure} is {compared.ratio:g} times {named[1].name}'s.")
            elif _GAP.search(question):
                gap = format_percent(abs(compared.difference)).rstrip("%")
                lines.append(f"The gap between them is {gap} percentage points.")
            elif compared.total is not None:
                lines.append(f"Together they hold {format_percent(compared.total)} of the market.")
    if not lines:
        reason = (
            decision.fallback
            or f"The report states no {metric} figure for {' or '.join(e.name for e in named)}."
        )
        return (yield from decline_with_context(question, reason, decision, ctx))
    if missing:
        lines.append(f"The report states no {metric} figure for {' or '.join(missing)}.")
        # 'lng and methanol growth rates?': methanol's is a part left unanswered beside lng's
        final = draft.final(" ".join(lines))
        return final.model_copy(
            update={"unanswered_parts": [f"{_MEASURE_WORDS[metric]} of {name}" for name in missing]}
        )
    return draft.final(" ".join(lines))


def value_from_share(
    name: str, years: list[int], draft: Draft, ctx: ReportContext, unit: str | None = None
) -> Steps[FinalDraft | None]:
    """A part's value the page does not state, computed from the share it does state of the market's
    size in that year ('38.5% of USD 1.10 billion'); None when no share or no size is there."""
    # its shares and its own rates in one round: a later year's value needs both
    result, rates = yield [
        Call("lookup_quantities", QuantitiesArgs(metric="share", name=name, report_id=ctx.report_id)),
        Call("lookup_quantities", QuantitiesArgs(metric="cagr", name=name, report_id=ctx.report_id)),
    ]
    stated = list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []
    own = list(rates.value.quantities) if isinstance(rates.value, QuantitiesResult) else []
    # a share of the whole market only: 'of growth' and 'of its region' are shares of something else
    shares = [q for q in stated if q.measure is None and q.start_year and q.start_year == q.end_year]
    regional = [q for q in stated if q.measure == "of its region"]
    if not shares and regional and (not years or regional[0].start_year in years):
        # 'how much did the US bring in?': its share of its region's share of the market
        return (yield from _value_through_region(name, regional[0], draft, ctx))
    later = None  # a year after the share's: the part's value then, grown at its own stated rate
    latest = max(shares, key=lambda q: q.start_year or 0) if shares else None
    if years and latest is not None and max(years) > (latest.start_year or 0):
        # a year after the share's ('NA value in 2031 at the regional rate from 2023'): grown from it
        later, shares = max(years), [latest]
    elif years:
        shares = [q for q in shares if q.start_year in years]
    if not shares or (later is not None and not own):
        return None  # no share; or a later year and no rate of its own: its value then would be a guess
    share = shares[0]
    assert share.start_year is not None
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return None
    size = yield from ask(Call("market_size_in_year", basis.size_args(share.start_year)))
    if not isinstance(size.value, SizeResult):
        return None
    total = size.value
    of_value, of_unit = total.value, total.unit
    if unit and unit != total.unit and later is None:  # 'in millions': the share of the total in that unit
        converted = yield from ask(
            Call("convert_units", ConvertArgs(value=total.value, from_unit=total.unit, to_unit=unit))
        )
        if isinstance(converted.value, ConvertResult):
            draft.show_working(converted.value.expression)
            of_value, of_unit = converted.value.value, unit
    part = yield from ask(
        Call("share_value", ShareValueArgs(total_value=of_value, share_percent=share.value))
    )
    if not isinstance(part.value, ShareResult):
        return None
    draft.show_working(part.value.expression)
    share_mark = draft.cite(share.quote)  # cited first, as the sentence reads
    whole = f"the market's {basis.size_said(total, draft)}"
    value = format_money(total.currency, part.value.part_value, of_unit)
    text = (
        f"The report states no value for {name}; from its {format_percent(share.value)} share "
        f"{share_mark} of {whole}, it comes to {value} in {total.year}"
    )
    if later is None:
        return draft.final(text + ".")
    rate = own[0]
    grown = yield from ask(
        Call(
            "project_at_rate",
            ProjectionArgs(
                base_value=part.value.part_value,
                base_year=total.year,
                assumed_cagr_percent=rate.value,
                year=later,
                unit=total.unit,
                currency=total.currency,
            ),
        )
    )
    if not isinstance(grown.value, ProjectionResult):
        return None
    draft.show_working(grown.value.expression)
    then = format_money(total.currency, grown.value.value, total.unit)
    return draft.final(
        f"{text}, and at its own CAGR of {format_percent(rate.value)} {draft.cite(rate.quote)} it comes to "
        f"{then} in {later}."
    )


def decline_with_context(
    question: str, reason: str, decision: Decision, ctx: ReportContext
) -> Steps[FinalDraft]:
    """Decline a figure the page does not state, and say what it does give: the whole market's
    figure for the year asked, and what it says of the region or segment named."""
    declined = yield from decline(question, reason, ctx)
    draft = Draft()
    extra: list[str] = []
    years = decision.slots.years
    if years and (decision.slots.asks_money or decision.slots.asks_figure):
        basis = yield from fetch_basis(ctx)
        if basis.complete:
            size = yield from ask(Call("market_size_in_year", basis.size_args(years[-1])))
            if isinstance(size.value, SizeResult):
                found = size.value
                if found.kind == "stated":
                    cite = draft.cite_all(basis.quotes_for(found.year))
                    extra.append(
                        f"For the whole market it states {format_money(found.currency, found.value, found.unit)} in {found.year} {cite}."
                    )
                else:
                    draft.show_working(found.expression)
                    extra.append(
                        f"For the whole market, {found.year} comes to {format_money(found.currency, found.value, found.unit)}, "
                        f"computed from {basis.describe(draft)}."
                    )
    companies = decision.slots.specific("company")
    if companies:
        facts = yield from fetch_facts(ctx.report_id, "key_players")
        players = facts["key_players"]
        if players and any(q.label == companies[0].name for q in players.quotes):
            quote = next(q for q in players.quotes if q.label == companies[0].name)
            extra.append(f"It does name {companies[0].name} among the key players {draft.cite(quote)}.")
    named = decision.slots.specific("region", "country", "segment")
    if named:
        facts = yield from fetch_facts(ctx.report_id, "largest_region", "fastest_segment", "segmentation")
        segmentation = facts["segmentation"]
        if segmentation and isinstance(segmentation.value, dict):
            for items in segmentation.value.values():
                parent = next(
                    (i for i in items if any(c.name.lower() == named[0].name.lower() for c in i.children)),
                    None,
                )
                if parent:
                    listed = next((q for q in segmentation.quotes if q.label == named[0].name), None)
                    cite = f" {draft.cite(listed)}" if listed else ""
                    extra.append(f"It lists {named[0].name} under {parent.name}{cite}.")
        for fact_name, label in (
            ("largest_region", "the largest region"),
            ("fastest_segment", "the fastest-growing segment"),
        ):
            fact = facts[fact_name]
            value = getattr(fact, "value", None)
            if fact and value is not None and getattr(value, "name", "").lower() == named[0].name.lower():
                extra.append(f"It does name {named[0].name} {label} {draft.cite_all(fact.quotes)}.")
    if not extra:
        return declined
    offset = len(declined.quotes)
    more = draft.final(" ".join(extra))
    text = declined.text + " " + _shift(more.text, offset)
    return declined.model_copy(
        update={
            "text": text,
            "quotes": [*declined.quotes, *more.quotes],
            "working": [*declined.working, *more.working],
        }
    )


def _shift(text: str, offset: int) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", text)


_IDENTITY_FIELDS = (
    (
        "report_code",
        re.compile(r"\b(report (code|id|number|no)|sku|product code|code)\b", re.I),
        "report code",
    ),
    ("pages", re.compile(r"\b(pages?|page count|how long is the report|length)\b", re.I), "pages"),
    (
        "published",
        re.compile(
            r"\b(published|publication|release date|released|issued|came out|edition|when was)\b", re.I
        ),
        "publication date",
    ),
    ("base_year", re.compile(r"\bbase[- ]year\b", re.I), "base year"),
    (
        "historical_period",
        re.compile(r"\b(historical|history|past data|historic)\b", re.I),
        "historical period",
    ),
    ("study_period", re.compile(r"\bstudy period\b", re.I), "study period"),
    ("forecast_period", re.compile(r"\bforecast (period|years|horizon)\b", re.I), "forecast period"),
)


def metadata(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """The report's own identity details the question asks for: code, pages, edition, periods."""
    facts = yield from fetch_facts(ctx.report_id, "identity", "market_size")
    fact, base = facts["identity"], facts["market_size"]
    identity = fact.value if fact and isinstance(fact.value, IdentityFact) else IdentityFact()
    asked = [(key, label) for key, pattern, label in _IDENTITY_FIELDS if pattern.search(question)] or [
        (key, label) for key, _, label in _IDENTITY_FIELDS[:3]
    ]
    draft = Draft()
    lines, missing = [], []
    for key, label in asked:
        value = getattr(identity, key)
        text = _identity_text(key, value)
        quote = next((q for q in (fact.quotes if fact else []) if q.label == key), None)
        if (
            text is None
            and key == "base_year"
            and base
            and isinstance(base.value, MoneyFact)
            and base.value.year
        ):
            # No stated base year: the year of the base-year size the page leads with, quoted where
            # the page states that size with its year.
            text = str(base.value.year)
            quote = yield from _stated_with_year("market_size", base.value.year, ctx)
        if text is None:
            missing.append(label)
            continue
        lines.append(f"The report's {label}: {text}" + (f" {draft.cite(quote)}" if quote else "") + ".")
    if not lines:
        return (yield from decline(question, f"The report does not state its {' or '.join(missing)}.", ctx))
    if missing:
        lines.append(f"It does not state its {' or '.join(missing)}.")
    return draft.final(" ".join(lines))


def _stated_with_year(metric: str, year: int, ctx: ReportContext) -> Steps[Quote | None]:
    """The passage of the page that states the whole market's ``metric`` for ``year``, year included."""
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric=metric, name="market", report_id=ctx.report_id))
    )
    found = list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []
    for q in found:
        if q.start_year == year and str(year) in q.quote.text:
            return q.quote
    return None


def _identity_text(key: str, value: object) -> str | None:
    if value is None:
        return None
    if hasattr(value, "text"):
        return str(value.text)
    if hasattr(value, "value"):
        number = float(value.value)
        if key.endswith("year") and number.is_integer():
            return str(int(number))  # a year is written 2024, never 2,024
        return format_number(number)
    if hasattr(value, "start_year"):
        return f"{value.start_year}-{getattr(value, 'end_year', '')}"
    return str(value)
