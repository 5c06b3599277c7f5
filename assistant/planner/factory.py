"""Building the offline planner for a report: the intent classifier (shared by every report) and the
report's own context (its names, acronyms, publisher)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.domain.report import Report
from assistant.planner.calls import ScriptFactory
from assistant.planner.classifier import IntentClassifier
from assistant.planner.context import ReportContext
from assistant.planner.intents import Intent
from assistant.planner.registry import EXAMPLES, KEYWORDS
from assistant.planner.scripts import make_script_factory
from assistant.planner.vocabulary import acronyms, market_words, news_kinds, news_names, vocabulary
from assistant.text.tokens import terms
from assistant.text.words import word_list

EmbedMany = Callable[[Sequence[str]], Sequence[Sequence[float]]]
EmbedOne = Callable[[str], Sequence[float]]


def build_classifier(
    embed_documents: EmbedMany, embed_query: EmbedOne, prefetch: Callable[[str], None] | None = None
) -> IntentClassifier:
    """The classifier over the registry's examples (embedded once per process); ``prefetch`` starts a
    question's embedding in the background, when the embedder can."""
    return IntentClassifier(EXAMPLES, KEYWORDS, embed_documents, embed_query, prefetch)


def build_script_factory(report: Report, classifier: IntentClassifier, search_k: int) -> ScriptFactory:
    """The offline planner for ``report``: from a question and the earlier turns, the turn's script."""
    context = ReportContext(
        classifier,
        vocabulary(report),
        report.id,
        search_k,
        market_words(report),
        report.publisher,
        frozenset(terms(report.text)),
        acronyms(report),
        report.title,
        _dimensions(report),
        tuple(a.text for a in report.identity.abbreviations),
        _named_by(report),
        tuple(report.facts.segmentation),
        news_names(report),
        report.market,
        tuple(d.company for d in report.facts.recent_developments),
        news_kinds(report),
        frozenset(
            q.start_year
            for q in report.facts.quantities
            if q.metric == "market_size"
            and q.scope.kind == "market"
            and q.start_year == q.end_year
            and q.start_year
        ),
        _ranked_regions(report),
        report.facts.base_year,
        short_source_names=_short_name(report),
    )
    return make_script_factory(context)


def _short_name(report: Report) -> tuple[str, ...]:
    """The publisher's first word, when the page calls it by that alone ('Harrowgate projects ...'
    of Harrowgate Insights): users name it so too."""
    words = (report.publisher or "").split()
    if len(words) < 2 or len(words[0]) < 4 or words[0].lower() in word_list("publisher-words"):
        return ()
    alone = re.search(rf"\b{re.escape(words[0])}\b(?!\s+{re.escape(words[1])})", report.text)
    return (words[0],) if alone else ()


def _ranked_regions(report: Report) -> dict[Intent, str]:
    """The region with the largest stated share, and the one with the fastest stated CAGR."""
    ranked: dict[Intent, str] = {}
    for intent, metric in ((Intent.LARGEST_REGION, "share"), (Intent.FASTEST_SEGMENT, "cagr")):
        figures = [
            q
            for q in report.facts.quantities
            if q.metric == metric and q.scope.kind == "region" and q.scope.name and not q.measure
        ]
        if figures:
            ranked[intent] = max(figures, key=lambda q: q.value).scope.name or ""
    return ranked


def _named_by(report: Report) -> dict[Intent, tuple[str, ...]]:
    """The names the answers to the report's list-like questions give, by intent."""
    facts = report.facts
    named = {
        Intent.KEY_PLAYERS: tuple(player.name for player in facts.key_players),
        Intent.LARGEST_REGION: (facts.largest_region.name,) if facts.largest_region else (),
        Intent.FASTEST_SEGMENT: (facts.fastest_segment.name,) if facts.fastest_segment else (),
    }
    return {intent: names for intent, names in named.items() if names}


def _dimensions(report: Report) -> tuple[str, ...]:
    """How the report segments the market: its segmentation lists, then the dimensions its
    figures are stated under ('By animal type, companion animals held ...')."""
    stated = (q.scope.dimension for q in report.facts.quantities if q.scope.dimension)
    return tuple(dict.fromkeys([*report.facts.segmentation, *stated]))
