"""Answer scripts for what the report names: its leading region and segment, key players, how it is
segmented, recent developments, and its publisher."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.domain.answer import FinalDraft
from assistant.planner.answers.common import NUMBER_ASK, decline
from assistant.planner.calls import Steps, fetch_facts, search
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.text.sentences import best_sentences, sentences
from assistant.text.tokens import stems
from tools.facts import DevelopmentFact, NamedFact, Quote

Handler = Callable[[str, Decision, ReportContext], Steps[FinalDraft]]
SUPPORT_K = 8


def named_fact(name: str, label: str, support_query: str) -> Handler:
    """A handler for one named headline fact ('largest_region'), with the report's own reason."""

    def handler(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
        draft = Draft()
        facts = yield from fetch_facts(ctx.report_id, name)
        fact = facts[name]
        if fact is None or not isinstance(fact.value, NamedFact):
            return (yield from decline(question, f"The report does not name the {label}.", ctx))
        named = fact.value.name
        query = f"{named} {support_query}"
        passages = yield from search(query, ctx.report_id, ctx.search_k)
        support = [s for s in best_sentences(passages, query, limit=3) if named in s.text]
        text = f"{named} is the {label} of the market {draft.cite_all(fact.quotes)}."
        if support:  # the report's own reason, quoted
            text += f" The report explains: {support[0].text} {draft.cite(support[0])}"
        return draft.final(text)

    return handler


def key_players(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "key_players")
    fact = facts["key_players"]
    if fact is None or not isinstance(fact.value, list):
        return (yield from decline(question, "The report does not list key players.", ctx))
    names = [p.name for p in fact.value if isinstance(p, NamedFact)]
    mark = draft.cite_range(fact.quotes)
    text = f"The report names these key players: {', '.join(names)} {mark}."
    if decision.asks_company_rank:
        text = (
            "The report gives no market shares or revenues for individual companies, so it does not say "
            f"which is the largest. {text}"
        )
    return draft.final(text)


def segmentation(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "segmentation")
    fact = facts["segmentation"]
    if fact is None or not isinstance(fact.value, dict):
        return (yield from decline(question, "The report does not describe its segmentation.", ctx))
    dimensions: dict[str, list[NamedFact]] = fact.value
    regions = [e.name for e in decision.slots.of_kind("region")]
    if regions and re.search(r"countr|nation", question, re.I):
        for item in dimensions.get(_dimension_like(dimensions, "region") or "", []):
            if item.name in regions and item.children:
                children = [child.name for child in item.children]
                mark = draft.cite_range(_labelled(fact.quotes, children))
                return draft.final(f"In {item.name} the report covers {join_names(children)} {mark}.")
    parts = []
    for dim in wanted_dimensions(dimensions, question):
        names = [item.name for item in dimensions[dim]]
        mark = draft.cite_range(_labelled(fact.quotes, names))
        parts.append(f"by {dim}: {join_names(names)} {mark}")
    return draft.final("The report segments the market " + "; ".join(parts) + ".")


def _labelled(quotes: list[Quote], labels: list[str]) -> list[Quote]:
    return [q for q in quotes if q.label in labels]


def _dimension_like(dimensions: dict[str, list[NamedFact]], word: str) -> str | None:
    return next((dim for dim in dimensions if word in dim.lower()), None)


_PLACE_WORDS = re.compile(r"region|geograph|continent|countr", re.I)


def wanted_dimensions(dimensions: dict[str, list[NamedFact]], question: str) -> list[str]:
    """The report's segmentation dimensions the question names by their own words ('by phase',
    'which end users', 'what regions'); all of them when it names none."""
    asked = stems(question)
    wanted = [dim for dim in dimensions if stems(dim) & asked]
    if _PLACE_WORDS.search(question):
        region = _dimension_like(dimensions, "region") or _dimension_like(dimensions, "geograph")
        if region and region not in wanted:
            wanted.append(region)
    return wanted or list(dimensions)


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_KIND_WORDS = (r"acqui", r"partner", r"launch|open|establish", r"expan")
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
    detail = _detail_words(question, decision)
    for item, quote in chosen:
        # The opening sentence says who did what; a 'how many' question wants the sentence with the
        # figure, and a question about a detail the sentence that shares its words.
        opening = sentences(quote.text, quote.start)[:1]
        if NUMBER_ASK.search(question):
            picked = best_sentences([_AsPassage(quote)], question, limit=1, want_number=True)
        elif detail:
            best = best_sentences([_AsPassage(quote)], " ".join(detail), limit=1)
            picked = best if best and best[0].overlap >= 1 else opening
            if picked and opening and picked[0].start != opening[0].start:
                picked = [opening[0], picked[0]]
        else:
            picked = opening
        text = " ".join(f"{s.text} {draft.cite(s)}" for s in picked)
        if picked and decision.asks_when and not _DATED.search(picked[0].text):
            text = f"{_month_year(item.date)}: {text}"
        if picked:
            lines.append(text)
    if not lines:
        return (yield from decline(question, "The report mentions no such development.", ctx))
    return draft.final(" ".join(lines))


_DATED = re.compile(r"\b(19|20)\d\d\b")
_GENERIC_DETAIL = frozenset(
    "what which who when how did does do the a an of in on to for and recent recently new latest any "
    "development developments news announce announced acquisition acquire acquired launch launched open "
    "opened company firm player one market report tell me about".split()
)


def _detail_words(question: str, decision: Decision) -> list[str]:
    """Words of the question beyond who and what kind of development: the detail it asks about."""
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


def _filter_developments(
    items: list[tuple[DevelopmentFact, Quote]], question: str, decision: Decision
) -> list[tuple[DevelopmentFact, Quote]]:
    lowered = question.lower()
    companies = {e.name.lower() for e in decision.slots.of_kind("company")}
    chosen = items
    if companies:
        chosen = [
            (d, q)
            for d, q in chosen
            if d.company.lower() in companies or any(c.split()[0] in q.text.lower() for c in companies)
        ] or chosen
    for pattern in _KIND_WORDS:
        if re.search(pattern, lowered):
            chosen = [(d, q) for d, q in chosen if re.search(pattern, q.text.lower())] or chosen
    month = next((i + 1 for i, m in enumerate(_MONTHS) if m in lowered or m[:3] + " " in lowered), None)
    for year in decision.slots.years:
        stamp = f"{year}-{month:02d}" if month else str(year)
        chosen = [(d, q) for d, q in chosen if d.date.startswith(stamp)] or chosen
    return chosen


def publisher(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """Who published the report: the sentence of the report that names its publisher."""
    draft = Draft()
    if not ctx.publisher:
        return (yield from decline(question, "The report does not name its publisher.", ctx))
    passages = yield from search(f"{ctx.publisher} report", ctx.report_id, SUPPORT_K)
    naming = [s for p in passages for s in sentences(p.text, p.start) if ctx.publisher in s.text]
    if not naming:
        return (yield from decline(question, "The report does not name its publisher.", ctx))
    return draft.final(f"The report is published by {ctx.publisher} {draft.cite(naming[0])}.")
