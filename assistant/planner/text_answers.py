"""Answer scripts for each intent: tool calls out, grounded text in.

Helpers fetch facts and passages through the tools; writers build the text only from what the tools
returned, and every citation is a span that a tool result carried.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from typing import Any

from assistant.planner.draft import Draft, fetch_facts, search
from assistant.planner.figure_answers import NUMBER_HANDLERS
from assistant.planner.intents import Intent
from assistant.planner.model import Call, Final, Result, Script
from assistant.planner.understanding import Decision, PolicyContext
from assistant.text.sentences import best_sentences, sentences

Steps = Generator[list[Call], list[Result], Final]

_SECTION_OF = {
    Intent.DRIVERS: ("driver", "drivers"),
    Intent.CHALLENGES: ("challenge", "challenges"),
    Intent.TRENDS: ("trend", "trends"),
    Intent.DEFINITION: ("overview", "market overview"),
}
_INJECTION_NOTE = (
    " (Figures come only from the report and the forecast tools; instructions inside a question do not "
    "change them.)"
)


def answer(question: str, decision: Decision, ctx: PolicyContext) -> Script:
    """The script for one question."""
    slots = decision.slots
    if slots.bad_years:
        yield from ()
        return Final(
            status="rejected",
            text=f"{slots.bad_years[0]} is not a year I can work with; please ask about a year between "
            "1900 and 2100.",
        )
    if decision.unanswerable:
        final = yield from _decline(decision.query or question, decision.unanswerable, ctx)
    elif decision.intent in NUMBER_HANDLERS:
        final = yield from NUMBER_HANDLERS[decision.intent](question, decision, ctx)
    else:
        final = yield from _TEXT_HANDLERS.get(decision.intent, _passage)(question, decision, ctx)
    if slots.injection and final.status != "rejected":
        final.text += _INJECTION_NOTE
    return final


def _decline(question: str, reason: str, ctx: PolicyContext) -> Steps:
    """Unanswerable: say so, and show the nearest evidence the report does hold."""
    draft = Draft()
    passages = yield from search(question, ctx)
    evidence = best_sentences(passages, question, limit=2)
    text = reason + " It does not say, so I will not estimate a figure."
    if evidence:
        text += " The nearest evidence in the report: " + " ".join(draft.cite(e) for e in evidence) + "."
    return draft.final(text, status="unanswerable")


def _named_fact(name: str, label: str, support_query: str) -> Any:
    def handler(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
        draft = Draft()
        facts = yield from fetch_facts(ctx, name)
        fact = facts[name]
        if fact is None:
            return (yield from _decline(question, f"The report does not name the {label}.", ctx))
        named = fact["value"]["name"]
        passages = yield from search(f"{named} {support_query}", ctx)
        support = [
            p for p in best_sentences(passages, f"{named} {support_query}", limit=3) if named in p["quote"]
        ]
        text = f"{named} is the {label} of the market {draft.cite_all(fact['quotes'])}."
        if support:  # the report's own reason, quoted
            text += f" The report explains: {support[0]['quote']} {draft.cite(support[0])}"
        return draft.final(text)

    return handler


def _key_players(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    facts = yield from fetch_facts(ctx, "key_players")
    fact = facts["key_players"]
    if fact is None:
        return (yield from _decline(question, "The report does not list key players.", ctx))
    names = [player["name"] for player in fact["value"]]
    mark = draft.cite_range(fact["quotes"])
    return draft.final(f"The report names these key players: {', '.join(names)} {mark}.")


def _segmentation(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    facts = yield from fetch_facts(ctx, "segmentation")
    fact = facts["segmentation"]
    if fact is None:
        return (yield from _decline(question, "The report does not describe its segmentation.", ctx))
    segmentation: dict[str, list[dict[str, Any]]] = fact["value"]
    lowered = question.lower()
    regions = [e.name for e in decision.slots.of_kind("region")]
    if regions and re.search(r"countr|nation", lowered):
        for item in segmentation.get(_dimension(segmentation, "region") or "", []):
            if item["name"] in regions and item.get("children"):
                children = [child["name"] for child in item["children"]]
                mark = draft.cite_range([q for q in fact["quotes"] if q.get("label") in children])
                return draft.final(f"In {item['name']} the report covers {_join(children)} {mark}.")
    wanted = _wanted_dimensions(segmentation, lowered)
    parts = []
    for dim in wanted:
        names = [item["name"] for item in segmentation[dim]]
        mark = draft.cite_range([q for q in fact["quotes"] if q.get("label") in names])
        parts.append(f"by {dim}: {_join(names)} {mark}")
    return draft.final("The report segments the market " + "; ".join(parts) + ".")


_DIMENSION_WORDS = (
    ("phase", r"phase"),
    ("service", r"service"),
    ("therapeutic", r"therapeutic|disease|indication|area"),
    ("region", r"region|geograph|continent"),
    ("type", r"\btype"),
    ("application", r"application"),
    ("end", r"end[- ]?user"),
)


def _dimension(segmentation: dict[str, Any], word: str) -> str | None:
    return next((dim for dim in segmentation if word in dim.lower()), None)


def _wanted_dimensions(segmentation: dict[str, Any], lowered: str) -> list[str]:
    wanted = []
    for word, pattern in _DIMENSION_WORDS:
        dim = _dimension(segmentation, word)
        if dim and re.search(pattern, lowered) and dim not in wanted:
            wanted.append(dim)
    return wanted or list(segmentation)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_KIND_WORDS = (r"acqui", r"partner", r"launch|open|establish", r"expan")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _developments(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    facts = yield from fetch_facts(ctx, "recent_developments")
    fact = facts["recent_developments"]
    if fact is None:
        return (yield from _decline(question, "The report lists no recent developments.", ctx))
    items = list(zip(fact["value"], fact["quotes"], strict=False))
    chosen = _filter_developments(items, question, decision)
    lines = []
    for _, quote in chosen:
        # The opening sentence says who did what; a 'how many' question wants the sentence with the figure.
        if _NUMBER_ASK.search(question):
            first = best_sentences([quote], question, limit=1, want_number=True)
        else:
            first = sentences(quote["text"], quote["start"])[:1]
        if first:
            lines.append(f"{first[0]['quote']} {draft.cite(first[0])}")
    if not lines:
        return (yield from _decline(question, "The report mentions no such development.", ctx))
    return draft.final(" ".join(lines))


def _filter_developments(items: list[Any], question: str, decision: Decision) -> list[Any]:
    lowered = question.lower()
    companies = {e.name.lower() for e in decision.slots.of_kind("company")}
    chosen = items
    if companies:
        chosen = [
            (d, q)
            for d, q in chosen
            if d["company"].lower() in companies or any(c.split()[0] in q["text"].lower() for c in companies)
        ] or chosen
    for pattern in _KIND_WORDS:
        if re.search(pattern, lowered):
            chosen = [(d, q) for d, q in chosen if re.search(pattern, q["text"].lower())] or chosen
    month = next((i + 1 for i, m in enumerate(_MONTHS) if m in lowered or m[:3] + " " in lowered), None)
    for year in decision.slots.years:
        stamp = f"{year}-{month:02d}" if month else str(year)
        chosen = [(d, q) for d, q in chosen if str(d["date"]).startswith(stamp)] or chosen
    return chosen


def _section_summary(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    """Drivers, challenges, trends, what the organisations do: the report's own opening sentences."""
    draft = Draft()
    section_words = _SECTION_OF[decision.intent]
    # Wide enough to hold the whole section of a report; the section filter below does the choosing.
    passages = yield from search(decision.query or question, ctx, k=SECTION_K)
    in_section = [p for p in passages if any(w in str(p.get("section", "")).lower() for w in section_words)]
    picks: list[dict[str, Any]] = []
    for passage in sorted(in_section, key=lambda p: p["start"]):
        for paragraph in _paragraphs(passage):  # each paragraph opens with its point
            opening = next(
                (s for s in sentences(paragraph["text"], paragraph["start"]) if len(s["quote"]) > 40), None
            )
            if opening and all(s["start"] != opening["start"] for s in picks):
                picks.append({**opening, "report_id": passage.get("report_id")})
    if decision.intent is Intent.DEFINITION and _NUMBER_ASK.search(question):
        return (yield from _passage(question, decision, ctx))  # 'how many SMOs are there' is no definition
    if decision.intent is Intent.DEFINITION:
        # What the organisations are: the report's own "X is a ..." sentence, wherever it stands.
        # The overview's own definition first; elsewhere "X is a ..." is often about the report itself.
        ordered = in_section + [p for p in passages if p not in in_section]
        defining = [
            s for p in ordered for s in sentences(p["text"], p["start"]) if _DEFINES.search(s["quote"])
        ]
        picks = defining[:1] or picks
    if not picks:
        return (yield from _passage(question, decision, ctx))
    label = {Intent.DRIVERS: "drivers", Intent.CHALLENGES: "challenges", Intent.TRENDS: "trends"}.get(
        decision.intent
    )
    lead = f"The report describes these {label}: " if label else "The report says: "
    return draft.final(lead + " ".join(f"{p['quote']} {draft.cite(p)}" for p in picks[:3]))


# A question whose nearest passage scores below this is not about anything the report says.
WEAK_PASSAGE = 0.22
PASSAGE_K = 8
SECTION_K = 20


def _paragraphs(passage: dict[str, Any]) -> list[dict[str, Any]]:
    """The passage's paragraphs (split on blank lines) with their offsets; a chunk may open mid-paragraph,
    so a first paragraph that starts in lower case or mid-sentence is left out."""
    found = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", passage["text"]):
        text = match.group(0)
        if match.start() == 0 and passage["start"] > 0 and not text[:1].isupper():
            continue
        found.append({"text": text, "start": passage["start"] + match.start()})
    return found


_DEFINES = re.compile(r"\)?\s(is|are) an? (specialized |specialised )?\w+", re.I)
_NUMBER_ASK = re.compile(
    r"\b(how (many|much)|what (percent|percentage|share|proportion|number)|stats?|statistics?|figures?|data)\b|%",
    re.I,
)


def _passage(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    """A fact stated in the prose: quote the one sentence that answers it, or decline."""
    draft = Draft()
    question = decision.query or question
    passages = yield from search(question, ctx, k=PASSAGE_K)
    want_number = bool(_NUMBER_ASK.search(question))
    best = best_sentences(passages, question, limit=1, want_number=want_number)
    top_score = max((float(p.get("score", 0)) for p in passages), default=0.0)
    lexical = best[0]["overlap"] if best else 0.0
    strong = lexical >= 2.0 and (top_score >= WEAK_PASSAGE or lexical >= 3.0)
    if not strong or (want_number and not re.search(r"\d", best[0]["quote"])):
        return (yield from _decline(question, "I could not find that in the report.", ctx))
    return draft.final(f"The report says: {best[0]['quote']} {draft.cite(best[0])}")


def _publisher(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    """Who published the report: the sentence of the report that names its publisher."""
    draft = Draft()
    if not ctx.publisher:
        return (yield from _decline(question, "The report does not name its publisher.", ctx))
    passages = yield from search(f"{ctx.publisher} report", ctx, k=PASSAGE_K)
    naming = [s for p in passages for s in sentences(p["text"], p["start"]) if ctx.publisher in s["quote"]]
    if not naming:
        return (yield from _decline(question, "The report does not name its publisher.", ctx))
    return draft.final(f"The report is published by {ctx.publisher} {draft.cite(naming[0])}.")


_TEXT_HANDLERS = {
    Intent.PUBLISHER: _publisher,
    Intent.LARGEST_REGION: _named_fact("largest_region", "largest region", "region dominant position market"),
    Intent.FASTEST_SEGMENT: _named_fact(
        "fastest_segment", "fastest-growing segment", "fastest-growing segment"
    ),
    Intent.KEY_PLAYERS: _key_players,
    Intent.SEGMENTATION: _segmentation,
    Intent.DEVELOPMENTS: _developments,
    Intent.DRIVERS: _section_summary,
    Intent.CHALLENGES: _section_summary,
    Intent.TRENDS: _section_summary,
    Intent.DEFINITION: _section_summary,
    Intent.PASSAGE: _passage,
}

__all__ = ["answer"]
