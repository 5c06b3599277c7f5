"""Answer scripts for what the report names: its leading region and segment, key players, how it is
segmented, recent developments, and its publisher."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import fetch_basis
from assistant.planner.answers.common import NUMBER_ASK, decline
from assistant.planner.answers.company_shares import stated_shares
from assistant.planner.answers.counts import HOW_MANY, counted_things, states_count
from assistant.planner.answers.figure_text import join_names
from assistant.planner.answers.figure_text import shown as stated_shown
from assistant.planner.answers.figure_text import when as stated_when
from assistant.planner.answers.stated import value_from_share
from assistant.planner.calls import Call, Steps, ask, both, fetch_facts, search, together
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.planner.lookups import (
    asks_based,
    asks_outside_players,
    asks_player_membership,
    asks_players_from,
    asks_players_in_news,
    country_asked,
)
from assistant.planner.slots import top_count
from assistant.text.sentences import (
    Sentence,
    best_sentences,
    leans_back,
    sentence_before,
    sentences,
    states_figure,
)
from assistant.text.tokens import stems
from assistant.text.words import place_spellings, subdivisions, word_list, word_map
from tools.derived import CountResult, ShareResult
from tools.facts import DevelopmentFact, IdentityFact, NamedFact, Quote
from tools.forecast import SizeResult
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import CountArgs, QuantitiesArgs, ShareValueArgs

Handler = Callable[[str, Decision, ReportContext], Steps[FinalDraft]]
SUPPORT_K = 8


def named_fact(name: str, label: str, support_query: str) -> Handler:
    """A handler for one named headline fact ('largest_region'), with the report's own reason; when
    the question ranks another kind of scope ('fastest growing country', 'which end user leads',
    'second largest region') the ranking comes from the figures the page states."""

    def handler(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
        draft = Draft()
        # 'and the fastest growing one?' after 'which region leads': the scope the earlier question ranked
        kind, dimension_words = _ranked_scope(f"{decision.scope_from} {question}".strip(), name, ctx)
        rank, top = _rank(question), top_count(question)
        within = decision.slots.specific("region")
        if kind == "country" and name == "largest_region" and within and rank == 1 and top == 1:
            # 'which country is biggest there' of a region: the report's sentence naming its leader
            return (yield from _country_leading(within[0].name, question, ctx))
        # each kind of figure asked for apart: one list of every figure stops at the tool's limit,
        # which a page of several tables passes before its regions' rows
        facts, tables = yield from both(
            fetch_facts(ctx.report_id, name),
            together([_figures_of(metric, ctx) for metric in _RANKED_BY]),
        )
        fact = facts[name]
        figures = [q for found in tables for q in found]
        of_kind = (
            fact is not None
            and isinstance(fact.value, NamedFact)
            and _fits(fact.value.name, kind, dimension_words, figures, ctx)
        )
        if not (of_kind and rank == 1 and top == 1):
            asked = stems(" ".join(dimension_words))
            # A dimension the report has ('use case') is ranked only from its own figures.
            strict = any(found and found <= asked for found in ctx.dimension_stems.values())
            asked_years = sorted(set(decision.slots.years))
            ranked = _rank_from_table(
                figures,
                name,
                kind,
                dimension_words,
                strict,
                asked_years[0] if len(asked_years) == 1 else None,
            )
            if top > 1 and len(ranked) >= 2:
                # 'top two regions by share': each with its figure, best first
                what = "fastest-growing" if name == "fastest_segment" else "largest"
                scope = ranked[0].dimension or _said_scope(dimension_words, ctx) or ranked[0].scope
                listed = "; ".join(
                    f"{q.name}, {stated_shown(q)}{stated_when(q)} {draft.cite(q.quote)}" for q in ranked[:top]
                )
                return draft.final(f"The {what} {scope.lower()}s the report gives figures for: {listed}.")
            if len(ranked) >= abs(rank):
                chosen = ranked[rank - 1] if rank > 0 else ranked[rank]
                place = {1: "", 2: "second-", 3: "third-", -2: "second-", -3: "third-"}.get(rank, "")
                what = "fastest-growing" if name == "fastest_segment" else "largest"
                if rank < 0:
                    what = "slowest-growing" if name == "fastest_segment" else "smallest"
                scope = chosen.dimension or _said_scope(dimension_words, ctx) or chosen.scope
                text = (
                    f"{chosen.name} is the {place}{what} {scope.lower()} the report gives figures for, with "
                    f"{stated_shown(chosen)}{stated_when(chosen)} {draft.cite(chosen.quote)}."
                )
                quoted = (chosen.quote.start, chosen.quote.end)
                if _GIVES_REASON.search(chosen.quote.text):
                    # '..., at a CAGR of 12.8%, as carriers pursue recoveries ...': the reason is in the
                    # sentence that states the figure
                    text += f" The report explains: {chosen.quote.text} {draft.cite(chosen.quote)}"
                else:
                    explained = yield from _reason_for(chosen.name or "", support_query, quoted, ctx)
                    if explained:  # the report's own reason, quoted
                        said = " ".join(f"{s.text} {draft.cite(s)}" for s in explained)
                        text += f" The report explains: {said}"
                if chosen.metric == "cagr" and _ITS_SHARE.search(question) and chosen.name:
                    # 'fastest growing region, its cagr and current share': its share beside its rate
                    held = yield from ask(
                        Call(
                            "lookup_quantities",
                            QuantitiesArgs(metric="share", name=chosen.name, report_id=ctx.report_id),
                        )
                    )
                    its_shares = [
                        fact
                        for fact in (
                            held.value.quantities if isinstance(held.value, QuantitiesResult) else []
                        )
                        if fact.measure is None
                    ]
                    if its_shares:
                        latest = max(its_shares, key=lambda fact: fact.start_year or 0)
                        text += f" Its share is {stated_shown(latest)}{stated_when(latest)} {draft.cite(latest.quote)}."
                if chosen.metric == "share" and _ITS_VALUE.search(question) and chosen.name:
                    # 'leading region, share and $ value': its value from that share
                    valued = yield from value_from_share(chosen.name, [], draft, ctx)
                    if valued is not None:
                        return valued.model_copy(update={"text": f"{text} {valued.text}"})
                return draft.final(text)
            scope = " ".join(dimension_words) or kind
            stated = yield from _stated_leader(name, rank, scope, ctx)
            if stated is not None:  # 'Europe is the second-largest region': the page's own sentence
                return draft.final(f"The report says: {stated.text} {draft.cite(stated)}")
            if fact is None or not isinstance(fact.value, NamedFact):
                return (yield from decline(question, f"The report does not name the {label}.", ctx))
            if rank > 1:
                place = "second" if rank == 2 else "third"
                reason = (
                    f"The report does not say which {scope} is {place}; it gives no figures to rank them by."
                )
                return (yield from decline(question, reason, ctx))
            if not of_kind:
                asked_stems = stems(" ".join(dimension_words))
                # the report's own dimension the words name ('of the clinical trial services')
                overlaps = {dim: len(found & asked_stems) for dim, found in ctx.dimension_stems.items()}
                best = max(overlaps, key=lambda dim: overlaps[dim], default=None)
                dimension = best if best and overlaps[best] else None
                ranking = f"of the {dimension.lower()}" if dimension else " ".join(dimension_words) or kind
                measure = "grows fastest" if name == "fastest_segment" else "leads"
                reason = (
                    f"The report does not say which {ranking} {measure}; it gives no figures to rank them by."
                )
                return (yield from decline(question, reason, ctx))
        assert fact is not None and isinstance(fact.value, NamedFact)
        named = fact.value.name
        query = f"{named} {support_query}"
        passages = yield from search(query, ctx.report_id, ctx.search_k)
        support = [s for s in best_sentences(passages, query, limit=3) if named in s.text]
        said_label = label
        if any(e.kind == "country" and e.name == named for e in ctx.vocabulary):
            said_label = label.replace("region", "country")  # 'Largest country: United Kingdom'
        text = f"{named} is the {said_label} of the market {draft.cite_all(fact.quotes)}."
        if support:  # the report's own reason, quoted
            text += f" The report explains: {support[0].text} {draft.cite(support[0])}"
        own = [q for q in figures if q.metric == "share" and q.name == named and q.measure is None]
        rates = [q for q in figures if q.metric == "cagr" and q.name == named]
        if name == "fastest_segment" and rates:
            # 'which region grows fastest?': the rate it grows at, when the page states it
            rate = rates[0]
            text += f" Its CAGR: {stated_shown(rate)}{stated_when(rate)} {draft.cite(rate.quote)}."
        # 'which region leads?': the share it leads with, when the page states it
        if own and (_ITS_FIGURES.search(question) or name == "largest_region"):
            # 'leading region, share and $ value': its share, and its value from that share
            share = max(own, key=lambda q: q.start_year or 0)
            text += f" Its share: {stated_shown(share)}{stated_when(share)} {draft.cite(share.quote)}."
            if _ITS_VALUE.search(question):
                valued = yield from value_from_share(named, [], draft, ctx)
                if valued is not None:
                    return valued.model_copy(update={"text": f"{text} {valued.text}"})
        return draft.final(text)

    return handler


def _reason_for(
    named: str, support_query: str, quoted: tuple[int, int], ctx: ReportContext
) -> Steps[list[Sentence]]:
    """The sentence of the report that explains why ``named`` leads, other than the one already
    quoted (the span ``quoted``), which states the figure; with the sentence before it when it
    leans on that one ('Norway and Denmark are the most prominent examples, which ...')."""
    query = f"{named} {support_query}"
    passages = yield from search(query, ctx.report_id, ctx.search_k)
    for sentence in best_sentences(passages, query, limit=4):
        elsewhere = sentence.end <= quoted[0] or sentence.start >= quoted[1]
        # a sentence that says more than the name (a heading or a list item explains nothing)
        explains = len(sentence.text) >= len(named) + MIN_REASON_EXTRA and not _TABLE_ROW.search(
            sentence.text
        )
        at = sentence.text.lower().find(named.lower())
        # about it (its subject), or giving a reason; not a company's line that names its country
        about = 0 <= at <= MAX_SUBJECT_OFFSET or bool(_REASON_WORDS.search(sentence.text))
        if elsewhere and explains and at >= 0 and about:
            before = sentence_before(sentence, passages) if leans_back(sentence.text) else []
            return [s for s in before if s.end <= quoted[0] or s.start >= quoted[1]] + [sentence]
    return []


MIN_REASON_EXTRA = 30
_TABLE_ROW = re.compile(r"\t|\s\|\s")  # a table's cells explain nothing
MAX_SUBJECT_OFFSET = 4  # "The United Kingdom is ...": its name opens the sentence
_REASON_WORDS = re.compile(
    r"\b(?:because|driven|drive[sn]?|thanks|due to|owing|supported|fu?ell?ed|reflect\w*|as a result|since"
    r"|explain\w*|reasons?|behind|leads? to)\b",
    re.I,
)
_GIVES_REASON = re.compile(
    r"\d[^.]*?\b(?:as|because|driven by|owing to|due to|thanks to|on the back of|supported by|fu?ell?ed by)\s+\w",
    re.I,
)


_LEADING = {
    "fastest_segment": r"(?:fastest|quickest)[- ]growing",
    "largest_region": r"(?:largest|biggest|leading)",
}
_PLACE = {1: r"(?<!second[- ])(?<!third[- ])", 2: r"(?:second|2nd)[- ]", 3: r"(?:third|3rd)[- ]"}


# A country the sentence makes its region's leader: 'Australia is the largest market in the region',
# 'Germany leads', 'The United States alone generated about 86% of regional sales'
_LEADER_AFTER = (
    r"[^.;]{0,40}?\b(?:largest|biggest|leading|dominant|main)\s+(?:\w+\s+)?(?:market|contributor|country|consumer)"
    # ('Japan and South Korea lead on premium bars')
    r"|\s+(?:\w+\s+)?(?:and\s+[a-z ]{2,30}?\s+)?(?:lead|leads|led|dominate|dominates|dominated)\b"
    r"|[^.;]{0,60}?\d+(?:\.\d+)?\s?%\s+of\s+(?:the\s+)?(?:regional|region's|region’s|the region)"
)


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as a text may write it: its words in order, anything but letters between them."""
    return re.compile(r"\b" + r"\W+".join(re.escape(w) for w in name.split()) + r"\b", re.I)


def _country_leading(region: str, question: str, ctx: ReportContext) -> Steps[FinalDraft]:
    """The sentence that names a country as the leader of ``region`` ('Australia is the largest market
    in the region'), in the region's own paragraph or naming it; declined when the report names none."""
    passages = yield from search(f"{region} largest country market in the region", ctx.report_id, SUPPORT_K)
    region_named = _name_pattern(region)
    countries = [n.lower() for row in place_spellings("countries") for n in row]
    for passage_found in sorted(passages, key=lambda p: p.start):
        said = sentences(passage_found.text, passage_found.start)
        for index, sentence in enumerate(said):
            here = (
                region_named.search(sentence.text)
                # ('**Asia Pacific** holds 19.6% ... . Japan and South Korea lead ...': right after it)
                or (index > 0 and region_named.search(said[index - 1].text))
                or (
                    "region" in sentence.text.lower()
                    and any(region_named.search(s.text) for s in said[max(0, index - 2) : index])
                )
            )
            lowered = sentence.text.lower()
            leads = any(
                re.search(rf"\b{re.escape(c)}\b(?:{_LEADER_AFTER})", lowered)
                # ('Europe accounted for 22.9%, led by Germany at US$ 98.3 Mn')
                or re.search(
                    rf"\b(?:led|dominated|headed|driven)\s+by\s+(?:the\s+)?{re.escape(c)}\b", lowered
                )
                for c in countries
                if c in lowered
            )
            if here and leads:
                draft = Draft()
                return draft.final(f"For {region}, the report says: {sentence.text} {draft.cite(sentence)}")
    reason = f"The report does not say which country leads {region}."
    return (yield from decline(question, reason, ctx))


def _stated_leader(name: str, rank: int, scope: str, ctx: ReportContext) -> Steps[Sentence | None]:
    """The report's sentence that states the leader asked for ('the second-largest region')."""
    if not scope:
        return None
    scope_words = r"\s+".join(re.escape(w) for w in scope.lower().split())
    wanted = re.compile(rf"\b{_PLACE.get(rank, _PLACE[3])}{_LEADING[name]}\s+{scope_words}s?\b", re.I)
    words = "second largest" if rank == 2 else ("fastest growing" if name == "fastest_segment" else "largest")
    passages = yield from search(f"{words} {scope}", ctx.report_id, SUPPORT_K)
    return next((s for p in passages for s in sentences(p.text, p.start) if wanted.search(s.text)), None)


_SCOPE_KINDS = (
    ("country", re.compile(r"\b(country|countries|nation|national)\b", re.I)),
    # ('where is it growing fastest': a place)
    (
        "region",
        re.compile(
            r"\b(region|regions|regional|regionally|geograph\w*|continent)\b|^\s*(?:and\s+|so\s+)?where\b",
            re.I,
        ),
    ),
)
# a leader's own figures asked beside its name: 'leading region, share and $ value'
_ITS_FIGURES = re.compile(r"\b(?:share|shares|%|percent|value|worth|revenue|dollars?|usd)\b|\$", re.I)
_ITS_SHARE = re.compile(r"\b(?:share|shares|%\s+of)\b", re.I)
_ITS_VALUE = re.compile(r"\b(?:value|worth|revenue|dollars?|usd|make|made)\b|\$", re.I)
_RANK = re.compile(r"\b(second|2nd|third|3rd)\b", re.I)
_BOTTOM = re.compile(r"\b(smallest|slowest|lowest|least|weakest|bottom)\b", re.I)

_RANK_WORDS = frozenset(
    "which what who is are the a an of in for fastest quickest growing growth largest biggest leading "
    "lead leads dominant dominates top most highest second third 2nd 3rd market share segment one ones "
    "grows grow faster quicker quickly fast rapidly expanding expands bigger larger does do will and".split()
)


_TYPE_WORDS = frozenset({"segment", "segments", "category", "categories", "kind", "kinds", "class"})


def _ranked_scope(question: str, name: str, ctx: ReportContext) -> tuple[str, list[str]]:
    """Which kind of scope the question ranks, and the words naming its dimension ('end user')."""
    for kind, pattern in _SCOPE_KINDS:
        if pattern.search(question):
            return kind, []
    market = stems(" ".join(ctx.market_words))
    every = [w for w in re.findall(r"[a-z][a-z-]*", question.lower()) if w not in _RANK_WORDS]
    # a market word counts when, with the others, it names a whole dimension ('service type' of a
    # testing services market), else it only repeats the market's name
    # ('service segment' names the Service type dimension as well)
    typed = set(re.findall(r"[a-z]+", question.lower())) & _TYPE_WORDS
    said = stems(" ".join(every)) | (stems("type") if typed else set())
    whole = any(found and found <= said for found in ctx.segment_dimension_stems.values())
    words = every if whole else [w for w in every if not stems(w) <= market]
    if whole and typed:
        words = [*words, "type"]
    asked = stems(" ".join(words))
    # 'biggest capacity band' names the Storage Capacity dimension by one of its words
    named_dimension = any(found & asked for found in ctx.segment_dimension_stems.values())
    names_segments = bool(set(words) & word_list("segment-words")) or named_dimension
    return ("region" if name == "largest_region" and not names_segments else "segment"), words


def _said_scope(words: list[str], ctx: ReportContext) -> str:
    """The words of a ranking question that say what is ranked ('capacity band'), for the answer to
    repeat; not the rest of the question ('why's it the biggest')."""
    kinds = word_list("segment-words")
    return " ".join(
        w for w in words if w in kinds or any(stems(w) & found for found in ctx.dimension_stems.values())
    )


_RANKED_BY = ("share", "market_size", "cagr")


def _figures_of(metric: str, ctx: ReportContext) -> Steps[list[QuantityFact]]:
    result = yield from ask(Call("lookup_quantities", QuantitiesArgs(metric=metric, report_id=ctx.report_id)))
    return list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []


def _rank(question: str) -> int:
    """The place asked for: 1 the leader, 2 or 3 the next; -1 the last ('the smallest one'), -2 the
    one before it ('second smallest')."""
    match = _RANK.search(question)
    place = 1 if not match else (2 if match.group(1).lower() in ("second", "2nd") else 3)
    return -place if _BOTTOM.search(question) else place


def _fits(
    named: str, kind: str, dimension_words: list[str], figures: list[QuantityFact], ctx: ReportContext
) -> bool:
    """Whether the report's named leader is of the kind the question ranks."""
    if kind in ("country", "region"):
        return any(e.kind == kind and e.name.lower() == named.lower() for e in ctx.vocabulary)
    if any(e.kind in ("region", "country") and e.name.lower() == named.lower() for e in ctx.vocabulary):
        return False  # a place never leads a ranking of segments
    if not dimension_words:
        return True
    own = next((q for q in figures if q.name and q.name.lower() == named.lower()), None)
    wanted = stems(" ".join(dimension_words))
    return own is None or not own.dimension or bool(stems(own.dimension) & wanted)


def _rank_from_table(
    figures: list[QuantityFact],
    name: str,
    kind: str,
    dimension_words: list[str],
    strict: bool = False,
    year: int | None = None,
) -> list[QuantityFact]:
    """Scopes of the kind asked, best first: by CAGR for 'fastest', by share, else by size, for
    'largest'; by the sizes stated for ``year`` when one is asked ('by 2034 which region is second').
    ``strict``: never a scope stated under another dimension than the one named."""
    metrics = ("cagr",) if name == "fastest_segment" else ("share", "market_size")
    if year is not None and name != "fastest_segment":
        sized = {
            q.name for q in figures if q.metric == "market_size" and q.scope == kind and q.start_year == year
        }
        if len(sized) >= 2:
            figures = [q for q in figures if q.metric == "market_size" and q.start_year == year]
            metrics = ("market_size",)
    wanted = stems(" ".join(dimension_words))
    # 'service type' beside 'Service type' and 'Fuel type': the dimension sharing the most words
    overlaps = {q.dimension: len(stems(q.dimension) & wanted) for q in figures if q.dimension}
    best_overlap = max(overlaps.values(), default=0)
    named = {d for d, n in overlaps.items() if n == best_overlap} if best_overlap > 1 else None
    # 'product segment' names the Product dimension whole, not each '... Type' one by its 'type'
    whole = {d for d in overlaps if stems(d) and stems(d) <= wanted}
    if named is None and len(whole) == 1:
        named = whole

    def in_dimension(q: QuantityFact) -> bool:
        if named is not None:
            return q.dimension in named
        return bool(q.dimension and stems(q.dimension) & wanted)

    # a segment the page places in the dimension once ('Smart collars generated USD 531.2 million' under
    # 'By Product Type') keeps it where a snapshot line gives its share without one
    placed = {q.name.lower() for q in figures if q.name and in_dimension(q)}

    def ranked_by(metric: str) -> list[QuantityFact]:
        pool = [q for q in figures if q.metric == metric and q.scope == kind and q.name]
        if wanted:
            pool = (
                [q for q in pool if in_dimension(q) or (not q.dimension and (q.name or "").lower() in placed)]
                or [q for q in pool if stems(q.name or "") & wanted]
                # ('biggest product segment?' with products named in prose and channels under 'By
                # channel': a part placed in another dimension is not one of those asked about)
                or [q for q in pool if not q.dimension]
                or ([] if strict else pool)
            )
        if metric == "market_size" and year is None:
            # the largest now, not in the forecast's last year: 'and the second one?' of today's sizes
            pool = [q for q in pool if q.period != "forecast"] or pool
        latest = max((q.start_year or 0 for q in pool), default=0)
        return [q for q in pool if (q.start_year or 0) == latest] if metric != "cagr" else pool

    pools = {metric: ranked_by(metric) for metric in metrics}
    for metric in metrics:
        same_year = pools[metric]
        names = {(q.name or "").lower() for q in same_year}
        if (
            metric == "share"
            and len(names) < 2
            and len({(q.name or "").lower() for q in pools["market_size"]}) >= 2
        ):
            continue  # one share alone ranks nothing: the sizes rank them all
        if same_year:
            best: dict[str, QuantityFact] = {}
            for q in sorted(same_year, key=lambda q: -q.value * _SCALE.get(q.unit or "", 1)):
                best.setdefault((q.name or "").lower(), q)
            return list(best.values())
    return []


_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def key_players(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    if decision.asks_concentration:
        return (yield from _concentration(question, decision, ctx))
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "key_players")
    fact = facts["key_players"]
    if fact is None or not isinstance(fact.value, list):
        return (yield from decline(question, "The report does not list key players.", ctx))
    names = [p.name for p in fact.value if isinstance(p, NamedFact)]
    if decision.item:
        quote = next((q for q in fact.quotes if q.label and q.label.lower() == decision.item.lower()), None)
        if quote is not None:  # 'whats the 5th one': that player, where the report lists it
            # the place in words: a digit no quote holds would read as one of the report's figures
            position = names.index(quote.label) if quote.label in names else -1
            place = _ORDINAL_WORDS[position] if 0 <= position < len(_ORDINAL_WORDS) else "one"
            return draft.final(
                f"{quote.label} is the {place} of the key players the report names {draft.cite(quote)}."
            )
    companies = [e.name for e in decision.slots.of_kind("company")]
    if asks_players_in_news(question):
        # 'which of those listed cos show up in the recent developments', 'devs from cos not on that list'
        news = yield from fetch_facts(ctx.report_id, "recent_developments")
        found = news["recent_developments"]
        if found is not None and isinstance(found.value, list):
            items = [
                (d, q)
                for d, q in zip(found.value, found.quotes, strict=False)
                if isinstance(d, DevelopmentFact)
            ]
            outside = asks_outside_players(question)
            return _players_in_news(names, items, outside, fact.quotes, draft)
    country = country_asked(question, [e.name for e in decision.slots.of_kind("country")])
    if country is not None and asks_players_from(question):
        # 'which one is japanese' after the players: those the page places in that country
        return (yield from _players_from(country, names, fact.quotes, question, draft, ctx))
    if asks_based(question):
        # 'key cos + where they're based', 'carrago hq?': the place the page lists beside each name
        located = yield from _players_located([c for c in companies if c in names] or names, ctx)
        if located:
            lines = [f"{name}: {place} {draft.cite(line)}" for name, place, line in located]
            missing = [c for c in companies if c not in [name for name, _, _ in located]]
            text = "Where the report places them: " + "; ".join(lines) + "."
            if missing:
                text += f" The report does not say where {' or '.join(missing)} is based."
            return draft.final(text)
        if companies:
            reason = f"The report does not say where {companies[0]} is based."
            return (yield from decline(question, reason, ctx))
    if companies and asks_player_membership(question):
        # 'is headlands on the key players list?': the list, checked for that name
        return _membership(companies[0], names, fact.quotes, draft)
    mark = draft.cite_range(fact.quotes)
    text = f"The report names these key players: {', '.join(names)} {mark}."
    if _HOW_MANY.search(question) and not decision.asks_company_count:
        # 'how many companies get profiled': the list counted by the count tool
        many = yield from counted(names)
        text = f"The report names {many} key players: {', '.join(names)} {mark}."
    if decision.asks_company_count:
        # the count asked for is not given; the players are the nearest the report comes
        text = f"The report does not say how many companies there are in the market. {text}"
        return draft.final(text, status="unanswerable")
    if decision.asks_company_rank:
        stated = yield from _stated_company_leader(names, ctx)
        if stated is not None:  # 'Acme was the market leader in 2024 with a 13.5% share'
            said = Draft()
            return said.final(f"The report says: {stated.text} {said.cite(stated)}")
        players = [e for e in ctx.vocabulary if e.kind == "company" and e.name in names]
        shares = yield from stated_shares(players, ctx)
        if len(shares) >= 2:  # a company table with a share column
            leader, (share, line) = max(shares.items(), key=lambda item: item[1][0])
            said = Draft()
            return said.final(
                f"{leader} holds the largest share the report states, {format_percent(share)} {said.cite(line)}."
            )
        text = (
            "The report gives no market shares or revenues for individual companies, so it does not say "
            f"which is the largest. {text}"
        )
        return draft.final(text, status="unanswerable")
    return draft.final(text)


# What a company's line puts after its name: a dot leader, a dash, a bar, a colon or a bracket
_AFTER_NAME = re.compile(
    r"^\s*(?:\.{2,}|[-–—|:]|\(|,)\s*(?P<place>[A-Z][^()|\n]{1,60}?)\s*\)?\s*\.?\s*$"
    # '| Weisswerk Textilpflege | Hanover, Germany | RFID linen ... |': the cell after the name
    r"|^[*_\s]*\|\s*(?P<cell>[A-Z][^|\n]{1,60}?)\s*\|"
)


def _players_located(names: list[str], ctx: ReportContext) -> Steps[list[tuple[str, str, Sentence]]]:
    """Each player whose line in the report gives a place after its name ('Voxrail Telematics ......
    Hamburg, Germany', '2. RackSure Group plc (United Kingdom)'), with that line."""
    passages = yield from search(
        "key companies headquarters " + " ".join(names[:6]), ctx.report_id, SUPPORT_K
    )
    found: dict[str, tuple[str, str, Sentence]] = {}
    for passage in passages:
        offset = passage.start
        for raw in passage.text.split("\n"):
            line = raw.strip()
            start = offset + raw.find(line) if line else offset
            offset += len(raw) + 1
            for name in names:
                at = line.find(name)
                if name in found or at < 0 or at > MAX_NAME_INDENT:
                    continue
                place = _AFTER_NAME.match(line[at + len(name) :])
                if place is not None:
                    sentence = Sentence(
                        text=line, start=start, end=start + len(line), report_id=passage.report_id
                    )
                    found[name] = (name, (place.group("place") or place.group("cell")).strip(), sentence)
    return [found[name] for name in names if name in found]


MAX_NAME_INDENT = 8  # a name this far into its line is a list entry ('2. Acme ...'), not prose


def _players_from(
    country: str, names: list[str], quotes: list[Quote], question: str, draft: Draft, ctx: ReportContext
) -> Steps[FinalDraft]:
    """The key players a line of the page places in ``country`` ('| Kyodo Fibre Engineering | Japan |',
    '6. Tavistock & Greer Ltd. (UK)'), each cited to that line."""
    spellings = next((row for row in place_spellings("countries") if row[0] == country), (country,))
    place = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w])")
    passages = yield from search(f"key players companies {country}", ctx.report_id, PLAYER_PASSAGES)
    found: dict[str, Sentence] = {}
    for passage in passages:
        for line in sentences(passage.text, passage.start):
            if not place.search(line.text):
                continue
            for name in names:
                if name not in found and _head(name) in line.text.lower() and len(line.text) <= PLAYER_LINE:
                    found[name] = line
    mark = draft.cite_range(quotes)
    if not found:
        return draft.final(f"The report does not place any of the key players it names {mark} in {country}.")
    listed = "; ".join(f"{name} {draft.cite(line)}" for name, line in found.items())
    return draft.final(f"Of the key players the report names {mark}, these are in {country}: {listed}.")


PLAYER_PASSAGES = 8
# 'The five largest providers together held about 31% of revenue', 'the market is fragmented'
_HELD_TOGETHER = re.compile(
    r"\b(?:top|largest|leading|biggest|major)\s+(?:\w+\s+)?(?:players?|companies|vendors|providers|firms"
    r"|manufacturers|makers|producers|suppliers|competitors|brands|oems|contractors|operators)\b",
    re.I,
)
# how the market divides among its companies ('is moderately concentrated', 'market fragmentation'), not
# 'a high concentration of pharmaceutical firms'
_STRUCTURE = re.compile(
    r"\b(?:concentrated|consolidated|fragmented)\b|\b(?:market|industry)\s+(?:concentration|consolidation"
    r"|fragmentation)\b(?!\s+of\b)",
    re.I,
)
_PERCENT_SAID = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)", re.I)


def _concentration(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """What the largest companies hold together, as the page says it; in money when asked, from that
    share of the market's size in the year it is given for."""
    passages = yield from search(
        f"largest companies together share of revenue fragmented {question}", ctx.report_id, PLAYER_PASSAGES
    )
    said = [s for p in passages for s in sentences(p.text, p.start)]
    held = [s for s in said if _HELD_TOGETHER.search(s.text) and _PERCENT_SAID.search(s.text)]
    structure = [s for s in said if _STRUCTURE.search(s.text)]
    found = (held or structure)[:1]
    if not found:
        reason = "The report gives no share for its largest companies together, and does not say how concentrated the market is."
        return (yield from decline(question, reason, ctx))
    draft = Draft()
    sentence = found[0]
    text = f"The report says: {sentence.text} {draft.cite(sentence)}"
    percent = _PERCENT_SAID.search(sentence.text) if held else None
    if percent is None and (
        decision.slots.asks_share or decision.slots.asks_money or NUMBER_ASK.search(question)
    ):
        # 'what share do the top 3 hold?' of a page that only calls the market fragmented
        lead = "The report gives no share for its largest companies together."
        return draft.final(f"{lead} {text}", status="unanswerable")
    if percent is None or not (decision.slots.asks_money or _WORTH_ASKED.search(question)):
        return draft.final(text)
    basis = yield from fetch_basis(ctx)
    years = [int(y) for y in _YEARS.findall(sentence.text)] or decision.slots.years
    if not basis.complete or not years:
        return draft.final(text)
    size = yield from ask(Call("market_size_in_year", basis.size_args(years[0])))
    if not isinstance(size.value, SizeResult):
        return draft.final(text)
    total = size.value
    part = yield from ask(
        Call("share_value", ShareValueArgs(total_value=total.value, share_percent=float(percent.group(1))))
    )
    if not isinstance(part.value, ShareResult):
        return draft.final(text)
    draft.show_working(part.value.expression)
    whole = f"the market's {basis.size_said(total, draft)}"
    value = format_money(total.currency, part.value.part_value, total.unit)
    return draft.final(
        f"{text} Of {whole}, that is about {value}; the report gives no revenue for any one of them."
    )


_WORTH_ASKED = re.compile(r"\b(?:revenue|sales|worth|value|dollars?|usd|how much)\b|\$", re.I)
_YEARS = re.compile(r"\b((?:19|20)\d\d)\b")
PLAYER_LINE = 200  # a list row or bullet, not a paragraph that names a country in passing


def _head(name: str) -> str:
    """A company's distinctive first word, to know it under another spelling ('WCG Clinical', 'WCG')."""
    return name.split()[0].lower().strip(",.")


def _membership(company: str, names: list[str], quotes: list[Quote], draft: Draft) -> FinalDraft:
    listed = next((n for n in names if _head(n) == _head(company)), None)
    mark = draft.cite_range(quotes)
    if listed is not None:
        return draft.final(f"Yes: {listed} is among the key players the report names {mark}.")
    return draft.final(
        f"No: {company} is not among the key players the report names ({', '.join(names)}) {mark}."
    )


def _players_in_news(
    names: list[str],
    news: list[tuple[DevelopmentFact, Quote]],
    outside: bool,
    quotes: list[Quote],
    draft: Draft,
) -> FinalDraft:
    """The recent developments of listed players, or (``outside``) those of companies not listed,
    each quoted."""
    heads = {_head(n) for n in names}
    picked = [(d, q) for d, q in news if (_head(d.company) in heads) != outside]
    mark = draft.cite_range(quotes)
    if not picked:
        which = "companies outside the key players" if outside else "the key players"
        return draft.final(f"None of the recent developments the report lists is by {which} {mark}.")
    who = ", ".join(dict.fromkeys(d.company for d, _ in picked))
    lead = (
        f"The recent developments by companies not among the key players {mark} are by {who}:"
        if outside
        else f"Of the key players {mark}, these appear in the recent developments: {who}."
    )
    told = "\n".join(f"- {q.text} {draft.cite(q)}" for _, q in picked)
    return draft.final(f"{lead}\n{told}")


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
EVERY_SENTENCE = 1000  # every sentence of the passages found, ranked
_COMPANY_LEAD = re.compile(r"\b(market leader|leader|leads|led|largest|biggest|top|leading)\b", re.I)


_NAMED_LEADER = re.compile(
    r"\b(?:was|is|remains|remained)\s+the\s+(?:\w+\s+)?(?:leader|largest|biggest|top)\b"
)


def _stated_company_leader(names: list[str], ctx: ReportContext) -> Steps[Sentence | None]:
    """A sentence of the report that names one of the key players as the market's leader with a share,
    if the report has one (most reports rank no companies)."""
    passages = yield from search("market leader largest share company", ctx.report_id, ctx.search_k)
    keys = [name.split()[0].lower() for name in names if name]
    for sentence in best_sentences(passages, "market leader largest share", limit=EVERY_SENTENCE):
        lowered = sentence.text.lower()
        if any(k in lowered for k in keys) and _COMPANY_LEAD.search(lowered) and "%" in lowered:
            return sentence
    # ('Voxrail Telematics was the revenue leader in 2024, followed by ...': a leader named, no share)
    for sentence in best_sentences(passages, "market leader largest share", limit=EVERY_SENTENCE):
        lowered = sentence.text.lower()
        if any(lowered.startswith(k) for k in keys) and _NAMED_LEADER.search(lowered):
            return sentence
    return None


_SPLIT = re.compile(
    r"\b(?:shares?|split|splits|breakdown|broken down|w/\s?shares?|how (?:is|are) .{0,30} divided)\b", re.I
)


def segmentation(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    if _SPLIT.search(question):
        split = yield from _shares_split(question, ctx)
        if split is not None:  # 'regional split pls', 'product segments w/ shares': each one's share
            return split
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "segmentation")
    fact = facts["segmentation"]
    regions = [e.name for e in decision.slots.of_kind("region")]
    asks_countries = bool(regions) and bool(
        re.search(r"countr|nation", f"{question} {decision.query or ''}", re.I)
    )
    if asks_countries and (fact is None or not isinstance(fact.value, dict)):
        named = yield from _countries_named_in(regions[0], ctx)
        if named:  # no segmentation list: the countries the region's own text names
            return _countries_answer(regions[0], named, draft)
    if fact is None or not isinstance(fact.value, dict):
        stated = yield from _segments_by_figures(question, ctx)
        if stated is not None:  # no segmentation list, but the page states figures by segment
            return stated
        return (yield from decline(question, "The report does not describe its segmentation.", ctx))
    dimensions: dict[str, list[NamedFact]] = fact.value
    for dim, items in dimensions.items():
        names = [item.name for item in items]
        if decision.item in names:  # 'the 3rd one?' after a list of segments: which that is
            quote = next((q for q in fact.quotes if q.label == decision.item), None)
            position = names.index(decision.item)
            place = _ORDINAL_WORDS[position] if position < len(_ORDINAL_WORDS) else "one"
            mark = draft.cite(quote) if quote is not None else draft.cite_range(_labelled(fact.quotes, names))
            text = f"{decision.item} is the {place} of the segments by {dim} the report lists {mark}."
            # its share beside it, when the page states one ('the second one?' after the split)
            held = yield from ask(
                Call(
                    "lookup_quantities",
                    QuantitiesArgs(metric="share", name=decision.item, report_id=ctx.report_id),
                )
            )
            shares = [q for q in (held.value.quantities if isinstance(held.value, QuantitiesResult) else [])]
            if shares:
                share = max(shares, key=lambda q: q.start_year or 0)
                text += f" Its share: {stated_shown(share)}{stated_when(share)} {draft.cite(share.quote)}."
            return draft.final(text)
    # ('which european countries are covered' then 'and the apac ones?': still countries)
    if asks_countries:
        for item in dimensions.get(_dimension_like(dimensions, "region") or "", []):
            if item.name in regions and item.children:
                children = [child.name for child in item.children]
                mark = draft.cite_range(_labelled(fact.quotes, children))
                # 'covers: A, B and C', a list a follow-up can pick from ('the second one')
                return draft.final(f"In {item.name} the report covers: {join_names(children)} {mark}.")
        # no list of its countries: the countries the region's own text names
        named = yield from _countries_named_in(regions[0], ctx)
        if named:
            return _countries_answer(regions[0], named, draft)
    region_dim = _dimension_like(dimensions, "region") or ""
    every_country = [child.name for item in dimensions.get(region_dim, []) for child in item.children]
    if not regions and every_country and _COUNTRIES_WORD.search(question):
        # 'how many countries does the report cover (in total)?': those its regions list, counted
        mark = draft.cite_range(_labelled(fact.quotes, every_country))
        many = yield from counted(every_country)
        return draft.final(f"The report's regions list {many} countries: {join_names(every_country)} {mark}.")
    parts = []
    counting = bool(_HOW_MANY.search(question))
    asked = [decision.item] if decision.item in dimensions else None  # 'the 2nd one' of the lists
    for dim in asked or wanted_dimensions(dimensions, question, ctx.market_words):
        names = [item.name for item in dimensions[dim]]
        mark = draft.cite_range(_labelled(fact.quotes, names))
        many = f" ({(yield from counted(names))})" if counting else ""  # 'how many regions': 5
        parts.append(f"by {dim}{many}: {join_names(names)} {mark}")
    return draft.final("The report segments the market " + "; ".join(parts) + ".")


_COUNTRIES_WORD = re.compile(r"\bcountr(?:y|ies)\b", re.I)


def _countries_answer(region: str, named: list[tuple[str, Sentence]], draft: Draft) -> FinalDraft:
    countries = list(dict.fromkeys(country for country, _ in named))
    marks = " ".join(dict.fromkeys(draft.cite(sentence) for _, sentence in named))
    return draft.final(f"For {region}, the report names: {join_names(countries)} {marks}.")


def _lines_of(sentence: Sentence) -> list[Sentence]:
    """A sentence's lines, each its own piece when they are table rows ('Asia Pacific   26.9%   China,
    India'); the sentence whole when it is prose wrapped across lines."""
    if "\n" not in sentence.text or not re.search(r"\S {3,}\S", sentence.text):
        return [sentence]
    pieces, offset = [], sentence.start
    for line in sentence.text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            pieces.append(replace(sentence, text=stripped, start=start, end=start + len(stripped)))
        offset += len(line) + 1
    return pieces


def _countries_named_in(region: str, ctx: ReportContext) -> Steps[list[tuple[str, Sentence]]]:
    """Each country the report names in the text about ``region`` (under a heading that names it, or in
    a sentence that does, or right after one that does), with the sentence that names it."""
    passages = yield from search(f"{region} countries markets", ctx.report_id, SUPPORT_K)
    region_named = _name_pattern(region)
    spellings = [(row[0], row) for row in place_spellings("countries")]
    others = [
        _name_pattern(e.name)
        for e in ctx.vocabulary
        # (not a name inside its own, 'Asia' of 'Asia Pacific', nor one holding it)
        if e.kind == "region"
        and e.name.lower() not in region.lower()
        and region.lower() not in e.name.lower()
    ]
    found: list[tuple[int, str, Sentence]] = []
    for passage in sorted(passages, key=lambda p: p.start):
        headed = bool(region_named.search(passage.section))
        said = [line for sentence in sentences(passage.text, passage.start) for line in _lines_of(sentence)]
        for index, sentence in enumerate(said):
            if any(other.search(sentence.text) for other in others):
                continue  # a sentence about another region as well: its countries may be that one's
            before = said[index - 1] if index else None
            gap = passage.text[before.end - passage.start : sentence.start - passage.start] if before else ""
            about = (
                headed
                or region_named.search(sentence.text)
                # the sentence right after one that names it, in the same paragraph
                or (before is not None and "\n" not in gap and region_named.search(before.text))
            )
            if not about:
                continue
            for country, names in spellings:
                at = min(
                    (
                        m.start()
                        for n in names
                        for m in re.finditer(rf"(?<![\w.]){re.escape(n)}(?![\w])", sentence.text)
                    ),
                    default=-1,
                )
                if at >= 0:
                    found.append((at + sentence.start, country, sentence))
    found.sort(key=lambda item: item[0])
    return [(country, sentence) for _, country, sentence in found]


def _segments_by_figures(question: str, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """The segments the page states figures for, by dimension, when it lists no segmentation."""
    table = yield from ask(Call("lookup_quantities", QuantitiesArgs(metric=None, report_id=ctx.report_id)))
    figures = table.value.quantities if isinstance(table.value, QuantitiesResult) else []
    by_dimension: dict[str, dict[str, QuantityFact]] = {}
    for q in figures:
        if q.scope == "segment" and q.name and q.dimension:
            by_dimension.setdefault(q.dimension, {}).setdefault(q.name, q)
    if not by_dimension:
        return None
    asked = stems(question)
    chosen = [dim for dim in by_dimension if stems(dim) & asked] or list(by_dimension)
    draft = Draft()
    parts = []
    for dim in chosen:
        named = by_dimension[dim]
        marks = " ".join(draft.cite(q.quote) for q in named.values())
        parts.append(f"by {dim}: {join_names(list(named))} {marks}")
    return draft.final("The report gives figures for segments " + "; ".join(parts) + ".")


def _shares_split(question: str, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """Each region's (or each segment's) share, by the groups the question names, latest year first."""
    table = yield from ask(Call("lookup_quantities", QuantitiesArgs(metric="share", report_id=ctx.report_id)))
    figures = table.value.quantities if isinstance(table.value, QuantitiesResult) else []
    groups: dict[str, dict[str, QuantityFact]] = {}
    for q in sorted(figures, key=lambda q: -(q.start_year or 0)):
        if q.name and q.scope in ("region", "segment") and q.measure is None:
            group = "region" if q.scope == "region" else q.dimension or "segment"
            groups.setdefault(group, {}).setdefault(q.name, q)
    asked = stems(question)
    place = bool(_PLACE_WORDS.search(question))
    chosen = [g for g in groups if (g == "region" and place) or (g != "region" and stems(g) & asked)]
    chosen = chosen or ([] if place or len(groups) != 1 else list(groups))
    if not chosen:
        return None
    draft = Draft()
    parts = []
    for group in chosen:
        shares = sorted(groups[group].values(), key=lambda q: -q.value)
        # each share as the page writes it ('33.0%'), else formatted
        listed = ", ".join(
            f"{q.name} {q.figure if q.figure and q.figure.endswith('%') else format_percent(q.value)} "
            f"{draft.cite(q.quote)}"
            for q in shares
        )
        # the years the quotes themselves state (a table row's year sits in its header, unquoted)
        years = sorted({q.start_year for q in shares if q.start_year and str(q.start_year) in q.quote.text})
        when = f" ({', '.join(map(str, years))})" if years else ""
        label = "by region" if group == "region" else f"by {group}"
        parts.append(f"Shares {label}{when}: {listed}.")
    return draft.final(" ".join(parts))


def _labelled(quotes: list[Quote], labels: list[str]) -> list[Quote]:
    return [q for q in quotes if q.label in labels]


def _dimension_like(dimensions: dict[str, list[NamedFact]], word: str) -> str | None:
    return next((dim for dim in dimensions if word in dim.lower()), None)


_PLACE_WORDS = re.compile(r"region|geograph|continent|countr", re.I)


def wanted_dimensions(
    dimensions: dict[str, list[NamedFact]], question: str, market_words: frozenset[str] = frozenset()
) -> list[str]:
    """The report's segmentation dimensions the question names by their own words ('by type',
    'which end users', 'what regions'); all of them when it names none. Words of the market's own
    name count last ('trial' in 'Clinical Trial Services' of a clinical trial market)."""
    asked = stems(question)
    own = asked - stems(" ".join(market_words))
    # by words other than the market's first; a dimension named only by a market word still counts
    # ('sensors' of a sensor market's 'Sensor' dimension)
    wanted = [dim for dim in dimensions if stems(dim) & own] or [
        dim for dim in dimensions if stems(dim) & asked
    ]
    if _PLACE_WORDS.search(question):
        region = _dimension_like(dimensions, "region") or _dimension_like(dimensions, "geograph")
        if region and region not in wanted:
            wanted.append(region)
    return wanted or list(dimensions)


_HOW_MANY = re.compile(r"\bhow many\b|\bnumber of\b|\bcount\b", re.I)


def counted(names: list[str]) -> Steps[str]:
    """How many names a list of the report holds, counted by the count tool (no quote states it)."""
    result = yield from ask(Call("count_items", CountArgs(items=names)))
    return str(result.value.count) if isinstance(result.value, CountResult) else f"{len(names)}"


_EVERY_KIND = re.compile(r"\b(deals?|news|developments?|activit\w*|moves|updates|happen\w*|going on)\b")
_KIND_WORDS = (
    r"acqui|merge[rd]|\bm ?& ?a\b|takeover|buyout",
    r"partner",
    r"launch|open|establish",
    r"expan",
    r"\brais(?:e|ed|ing)\b|\bfunding\b|\bseries [a-e]\b",
)
MAX_SENTENCES = 50  # every sentence of one development
DETAIL_OVERLAP = 0.5  # a sentence sharing one word's stem with the detail asked about holds it
_MONTHS = "january february march april may june july august september october november december".split()


def developments(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "recent_developments")
    fact = facts["recent_developments"]
    if fact is None or not isinstance(fact.value, list):
        return (yield from decline(question, "The report lists no recent developments.", ctx))
    items = [(d, q) for d, q in zip(fact.value, fact.quotes, strict=False) if isinstance(d, DevelopmentFact)]
    chosen = _filter_developments(items, question, decision)
    lines = []
    # the names that picked the development say which one, not what about it is asked
    detail = [w for w in _detail_words(question, decision) if w not in ctx.news_names]
    wants_figure = bool(NUMBER_ASK.search(question) or decision.slots.asks_money or _PRICED.search(question))
    found_figure = False
    for item, quote in chosen:
        # The opening sentence says who did what; a 'how many' question wants the sentence with the
        # figure, and a question about a detail the sentence that shares its words.
        opening = list(sentences(quote.text, quote.start)[:1])
        picked: list[Sentence]
        if len(chosen) == 1 and (wants_figure or detail):
            # one development asked about in detail ('the port lincoln site - capacity and what did it
            # cost?'): all of it, so every detail it states is there
            picked = list(sentences(quote.text, quote.start)[:DEVELOPMENT_SENTENCES])
            found_figure = found_figure or any(states_figure(s.text) for s in picked)
        elif wants_figure:
            # 'how many depots did the deal add': the sentence with a figure, whatever its words,
            # after the opening that says who did what.
            ranked = best_sentences([_AsPassage(quote)], question, limit=MAX_SENTENCES, want_number=True)
            figure = [s for s in ranked if states_figure(s.text)][:1] or ranked[:1]
            picked = opening + [s for s in figure if not opening or s.start != opening[0].start]
            found_figure = found_figure or any(states_figure(s.text) for s in figure)
        elif (_WHY_IT_MATTERS.search(question) or _IN_FULL.search(question)) and len(chosen) == 1:
            # 'why did it matter for them?', 'what did wcg actually add?': the development in full
            picked = list(sentences(quote.text, quote.start)[:DEVELOPMENT_SENTENCES])
        elif detail:
            best = best_sentences([_AsPassage(quote)], " ".join(detail), limit=1)
            # another form of the detail's word counts ('strengthen' for 'strengthens')
            picked = best if best and best[0].overlap >= DETAIL_OVERLAP else opening
            if picked and opening and picked[0].start != opening[0].start:
                picked = [opening[0], picked[0]]
        else:
            picked = opening
        text = " ".join(f"{s.text} {draft.cite(s)}" for s in picked)
        if picked and decision.asks_when and not _DATED.search(picked[0].text):
            text = f"{_month_year(item.date)}: {text}"
        if picked:
            lines.append(text)
    if decision.fallback and not found_figure:
        # 'what did tondo earn': no development states it, so the reason the report cannot answer
        return (yield from decline(question, decision.fallback, ctx))
    foreign = [m.group(0) for _, q in chosen for m in _FOREIGN_AMOUNT.finditer(q.text)]
    if (
        lines
        and _IN_USD.search(question)
        and foreign
        and not any(_USD_AMOUNT.search(q.text) for _, q in chosen)
    ):
        # 'how much is that in usd' of a EUR figure: the report's own currency only, no conversion
        return draft.final(
            "The report gives that amount in its own currency only and states no USD figure; I do not "
            f"convert currencies. What it says: {' '.join(lines)}",
            status="unanswerable",
        )
    counted = HOW_MANY.search(question)
    if (
        lines
        and counted
        and not any(
            states_count(q.text, counted.group("what").split(), True, ctx.market_words) for _, q in chosen
        )
    ):
        # 'how many patients has it enrolled so far?': the development is told, but counts no patients
        return draft.final(
            f"The report does not say how many {counted_things(counted.group('what').split())}. What it says: "
            f"{' '.join(lines)}",
            status="unanswerable",
        )
    if lines and _ASKS_AMOUNT.search(question) and not any(_AMOUNT.search(q.text) for _, q in chosen):
        # 'what did it cost to build?': the development is told, but not what it cost
        said = " ".join(lines)
        if _ASKS_MORE.search(question):
            # 'who did veeda acquire, when, and for how much': the rest is answered, the price is not
            final = draft.final(f"{said}\n\nThe report does not say what it cost or was worth.")
            return final.model_copy(update={"unanswered_parts": ["what it cost"]})
        return draft.final(
            f"The report does not say what it cost or was worth. What it says: {said}", status="unanswerable"
        )
    if not lines:
        named = decision.slots.of_kind("company")
        reason = (
            f"The report lists no recent development by {named[0].name}."
            if named
            else "The report mentions no such development."
        )
        return (yield from decline(question, reason, ctx))
    if len(lines) == 1:
        return draft.final(lines[0])
    # one development a line, so 'the third one' can be told from the places each one names
    return draft.final(
        "The report describes these recent developments:\n" + "\n".join(f"- {line}" for line in lines)
    )


_DATED = re.compile(r"\b(19|20)\d\d\b")
_IN_USD = re.compile(r"\b(?:in|to)\s+(?:usd|us\s?dollars?|dollars|\$)|\busd\s+(?:terms|equivalent)\b", re.I)
_FOREIGN_AMOUNT = re.compile(
    r"(?:EUR|€|£|GBP|JPY|¥|INR|₹|CNY|RMB|CHF|SEK|NOK|DKK|KRW|₩|CAD|C\$|AUD|A\$|NZD|SGD|HKD|BRL|MXN|ZAR)\s?\d[\d.,]*",
    re.I,
)
_USD_AMOUNT = re.compile(r"(?:USD|US\$|\$)\s?\d", re.I)
_ASKS_AMOUNT = re.compile(
    # 'how much time does it save' asks no amount of money
    r"\b(cost|costs|costed|paid|pay|spent|spend|deal (?:value|size)|value of the deal|worth"
    # ('how much n2 does it save' asks an amount of something else)
    r"|how much(?=\s*(?:did|does|was|were|is|are|has|have|had|will|would|for|money|cash|funding|capital|\$|usd|\?|$))"
    r"|for how much"
    r"|invest(?:ed|ment)?|price tag)\b",
    re.I,
)
_AMOUNT = re.compile(
    r"(?:USD|US\$|\$|EUR|€|£|GBP|JPY|¥|INR|₹|CNY|RMB)\s?\d|\d[\d.,]*\s*(?:million|billion|bn|mn|m)\b", re.I
)
_PRICED = re.compile(r"\b(price[ds]?|pricing|cost[s]?|pay|paid|amount|capacity|units?)\b", re.I)
DEVELOPMENT_SENTENCES = 4  # a development told in full: its news and what the report says it brings
_IN_FULL = re.compile(
    r"\b(?:exactly|actually|specifically|in detail|details?|more about)\b"
    r"|\bwhat did (?:it|they|the \w+|\w+) (?:add|change|involve|include|upgrade|do)\b",
    re.I,
)
_WHY_IT_MATTERS = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:why|how come)\b|\b(matter\w*|mean\w*|significan\w*|impact|benefit\w*"
    r"|get out of|gain\w*|bring\w*)\b",
    re.I,
)
_GENERIC_DETAIL = frozenset(
    "what which who when how did does do the a an of in on to for and recent recently new latest any "
    "development developments news announce announced acquisition acquire acquired launch launched open "
    "opened company firm player one market report tell me about".split()
)


_WHERE = "location locations across region regions country countries city site sites markets"


def _detail_words(question: str, decision: Decision) -> list[str]:
    """Words of the question beyond who and what kind of development: the detail it asks about
    ('where?' asks for places)."""
    if re.match(r"^\s*(and\s+)?where\b", question, re.I):
        return _WHERE.split()
    names = {w for e in decision.slots.entities for w in e.name.lower().split()}
    return [
        w
        for w in re.findall(r"[a-z0-9]+", question.lower())
        if w not in _GENERIC_DETAIL and w not in names and not w.isdigit() and len(w) > 2
    ]


def _month_year(date: str) -> str:
    """'2024-03' -> 'March 2024'; a bare year stays as it is."""
    year, _, month = date.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1].capitalize()} {year}"
    return year


class _AsPassage:
    """A fact's quote read as a retrieved passage, for sentence matching."""

    def __init__(self, quote: Quote) -> None:
        self.text, self.start, self.score = quote.text, quote.start, 0.0
        self.section, self.report_id = "", ""


_POINTED_WORDS = re.compile(
    r"^\s*(?:(?:and|so|ok|okay|now|then|also)[\s,]+)*(?:what\s+about\s+)?(?:the|that)\s+(?P<words>[a-z][\w'.-]*"
    r"(?:\s+[a-z][\w'.-]*){0,2})\s+one\b"
)
_POINTER_FILLERS = frozenset("first second third fourth fifth last other latest recent new big".split())


def _filter_developments(
    items: list[tuple[DevelopmentFact, Quote]], question: str, decision: Decision
) -> list[tuple[DevelopmentFact, Quote]]:
    lowered = question.lower()
    pointed = _POINTED_WORDS.match(lowered)
    if pointed:
        # 'what about the texas one': the one development whose text names that word
        words = [w for w in pointed.group("words").split() if w not in _POINTER_FILLERS]
        naming = [
            (d, q)
            for d, q in items
            if words and all(re.search(rf"\b{re.escape(w)}\b", q.text, re.I) for w in words)
        ]
        if len(naming) == 1:
            return naming
    month = _month(lowered)
    years = decision.slots.years
    if month is None and decision.earlier_question:
        # a follow-up about the news a month pointed at before ('the oct 2024 one', then 'where?')
        month, years = (
            _month(decision.earlier_question.lower()),
            _years_in(decision.earlier_question) or years,
        )
    # 'what'd wcg do in oct 24, and velocity in june?': two companies the question itself names
    named_here = [e for e in decision.slots.specific("company") if _head(e.name) in lowered]
    several = len(named_here) >= 2
    if month and years and not several:
        # 'the oct 2024 one': a month and year point at the news of that month, whoever was named before
        stamps = {f"{year}-{month:02d}" for year in years}
        dated = [(d, q) for d, q in items if d.date[:7] in stamps]
        if dated:
            return dated
    companies = {e.name.lower() for e in decision.slots.of_kind("company")}
    chosen = items
    if decision.news:
        # the developments the question names by a name of their own ('the orbit', 'greyfield')
        chosen = [item for index, item in enumerate(items) if index in decision.news] or chosen
    if companies:
        # A company the question names: its own news only, none when it has none (among all the news
        # when the one discussed before is another company's: 'and velocity - who'd they team up with')
        def own(pool: list[tuple[DevelopmentFact, Quote]]) -> list[tuple[DevelopmentFact, Quote]]:
            return [
                (d, q)
                for d, q in pool
                if d.company.lower() in companies or any(c.split()[0] in q.text.lower() for c in companies)
            ]

        if decision.news and several:
            # 'what did wcg do in oct, and velocity in june?': each company's news, in the page's order
            owned = own(items)
            chosen = [item for item in items if item in chosen or item in owned]
        else:
            chosen = own(chosen) or own(items)
    places = [e.name.lower() for e in decision.slots.of_kind("region", "country") if not e.in_market_name]
    # 'the canadian one': the country its adjective names
    places += [country.lower() for word, country in word_map("demonyms").items() if word in lowered.split()]
    if places and not companies:
        # 'the chile one': the news that names the place ('El Paso, Texas' is in the United States)
        chosen = [(d, q) for d, q in chosen if _names_a_place(q.text.lower(), places)] or chosen
    segments = [e.name.lower() for e in decision.slots.of_kind("segment") if not e.in_market_name]
    if segments and not companies:
        # 'did any of the companies move into oncology recently': the news that names it
        chosen = [(d, q) for d, q in chosen if any(s in q.text.lower() for s in segments)] or chosen
    # a date the question gives picks before a kind of deal it asks about
    for year in [] if several else decision.slots.years:
        stamp = f"{year}-{month:02d}" if month else str(year)
        chosen = [(d, q) for d, q in chosen if d.date.startswith(stamp)] or chosen
    # 'any acquisitions or partnerships': either kind; 'any deals or launches': every development
    # ('any m&a lately?' then 'when?': the kind asked before still picks)
    asked = next(
        (text for text in (lowered, (decision.earlier_question or "").lower()) if _kinds_in(text)), lowered
    )
    kinds = _kinds_in(asked)
    if kinds and not _EVERY_KIND.search(asked) and len(chosen) > 1:
        # the kind its opening sentence tells first ('... acquired Heads ...' is no launch, though a
        # later sentence speaks of one)
        # (of the companies a question names, each one's news is kept whatever its opening tells)
        opening = (
            []
            if companies
            else [(d, q) for d, q in chosen if any(re.search(p, _opening(q.text)) for p in kinds)]
        )
        chosen = (
            opening
            or [(d, q) for d, q in chosen if any(re.search(p, q.text.lower()) for p in kinds)]
            or chosen
        )
    return chosen


def _opening(text: str) -> str:
    """The first sentence of a development's text, lower case."""
    first = next(iter(sentences(text, 0)), None)
    return first.text.lower() if first else text.lower()


def _names_a_place(text: str, places: list[str]) -> bool:
    """Whether a development's text (lower case) names one of ``places``, or a state of one of them
    ('El Paso, Texas' is in the United States)."""
    text = " ".join(text.split())  # ('Asia\n  Pacific': a name wrapped across lines)
    if any(place in text for place in places):
        return True
    return any(
        country.lower() in places and re.search(rf"\b{re.escape(state)}\b", text)
        for state, country in subdivisions().items()
    )


def _kinds_in(text: str) -> list[str]:
    return [pattern for pattern in _KIND_WORDS if re.search(pattern, text)]


# the other asks beside a price ('who did veeda acquire, when, and for how much')
_ASKS_MORE = re.compile(
    r"\b(?:who|whom|what|when|where|which)\b.*(?:\band\b|,).*\b(?:how much|cost|price|pay|paid)\b", re.I
)
_ASKS_DATE = re.compile(r"\bwhen\b|\bdate[ds]?\b|\bwhat (?:day|month|year)\b", re.I)
_ASKS_WHO = re.compile(r"\b(?:who|whom|which (?:firm|company|publisher|analyst)|publisher|by whom)\b", re.I)


def _month(text: str) -> int | None:
    """The month a lower-case text names ('october', 'oct 2024')."""
    return next((i + 1 for i, m in enumerate(_MONTHS) if m in text or m[:3] + " " in text), None)


def _years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)]


def publisher(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """Who published the report: the publisher the page names (with its short name), else the
    sentence of the report that names it."""
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "identity")
    fact = facts["identity"]
    identity = fact.value if fact and isinstance(fact.value, IdentityFact) else None
    if (
        identity
        and identity.published
        and fact
        and _ASKS_DATE.search(question)
        and not _ASKS_WHO.search(question)
    ):
        # 'when was this report published?': the date it gives for itself, and by whom if it says
        dated = next((q for q in fact.quotes if q.label == "published"), None)
        said = f"The report is dated {identity.published.text}" + (f" {draft.cite(dated)}" if dated else "")
        if identity.publisher:
            quote = next((q for q in fact.quotes if q.label == "publisher"), None)
            said += f"; it is published by {identity.publisher.text}" + (
                f" {draft.cite(quote)}" if quote else ""
            )
        return draft.final(said + ".")
    if identity and identity.publisher and fact:
        quote = next((q for q in fact.quotes if q.label == "publisher"), None)
        short = next((a.text for a in identity.abbreviations if a.text != identity.publisher.text), None)
        name = f"{identity.publisher.text} ({short})" if short else identity.publisher.text
        said = f"The report is published by {name}" + (f" {draft.cite(quote)}" if quote else "")
        dated = next((q for q in fact.quotes if q.label == "published"), None)
        if _ASKS_DATE.search(question) and identity.published:
            # 'who put this out and when?': the date it gives for itself, too
            said += f", dated {identity.published.text}" + (f" {draft.cite(dated)}" if dated else "")
        return draft.final(said + ".")
    if not ctx.publisher:
        if identity and identity.published and fact and _ASKS_DATE.search(question):
            # 'who put this out and when?': the date it gives, the publisher it does not
            dated = next((q for q in fact.quotes if q.label == "published"), None)
            said = f"The report does not name its publisher; it is dated {identity.published.text}"
            final = draft.final(said + (f" {draft.cite(dated)}." if dated else "."))
            return final.model_copy(update={"unanswered_parts": ["who published the report"]})
        return (yield from decline(question, "The report does not name its publisher.", ctx))
    passages = yield from search(f"{ctx.publisher} report", ctx.report_id, SUPPORT_K)
    naming = [s for p in passages for s in sentences(p.text, p.start) if ctx.publisher in s.text]
    if not naming:
        return (yield from decline(question, "The report does not name its publisher.", ctx))
    return draft.final(f"The report is published by {ctx.publisher} {draft.cite(naming[0])}.")
