"""Which report a question is about, when the catalogue holds more than one.

A question that names its market ("the CRO market", "ornamental fish feed", "dragon scale polsh") goes
to that report; one that names several markets equally gets a question back offering the candidates,
best match first; a follow-up that names none ("and in 2030?") stays with the conversation's report.

A question naming a market the catalogue does not hold ("the Acoustic Guitar market" beside an
"Acoustic Pump" report) is told so and offered the nearest reports; it is never answered from a
report that merely shares a word with it. Words naming the source ("per Bluefield", "according to
QLR", "Quarry Lane Research's 2024-2032 edition") are read apart from the market and help choose among
reports that fit equally (``assistant.agent.sources``).

The catalogue's names are indexed once (``assistant.agent.names``), so routing costs a few dictionary
look-ups per question word whatever the size of the catalogue. Candidates are ranked by how well their
names match; when names cannot tell (no market named, or one the catalogue lacks), by how near each
report's own vector is to the question, if the caller gives a ``nearest`` function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from assistant.agent.names import Match, NameIndex, Phrase
from assistant.agent.sources import SourceIndex, SourceMention
from assistant.agent.spelling import MARKET_NOUNS, WORD, typo_depth
from assistant.domain.answer import ReportChoice
from assistant.index.catalogue import ReportSummary
from assistant.text.shorthand import spelt_out
from assistant.text.tokens import singular

MAX_LISTED = 5  # candidates offered (as choices and in the text) when no single report is meant
SWITCH_COVERAGE = 0.5  # a follow-up leaves the conversation only if it says more than this share of a name
NEAREST_POOL = 50  # reports asked of ``nearest`` when names cannot rank them

Reason = Literal["only", "named", "conversation", "ambiguous", "unnamed", "absent"]
# (question, k) -> up to k (report id, similarity 0..1), nearest first.
Nearest = Callable[[str, int], Sequence[tuple[str, float]]]


def _label(report: ReportSummary) -> str:
    """'Industrial Heat Pump Market (Northbridge Market Analytics, 2025-2032)': the title without any
    money figure it carries (a question back cites nothing, so it states no market figure), then the
    publisher and years that tell editions apart."""
    name = _MONEY.sub("", report.title).strip(" -,:&") or report.title
    extra = ", ".join(x for x in (report.publisher, report.years) if x)
    return f"{name} ({extra})" if extra else name


_MONEY = re.compile(
    r"\s*(?:[-–,:]\s*)?(?:(?:worth|valued at|to reach|reaching|at)\s+)?(?:USD|US\$|\$|EUR|€|£)\s?\d[\d.,]*"
    r"(?:\s*(?:billion|million|trillion|bn|mn))?(?:\s+by\s+(?:19|20)\d\d)?",
    re.I,
)


@dataclass
class Route:
    """Where a question goes: ``report_id``, or None with the ``candidates`` to offer, best first."""

    report_id: str | None
    candidates: list[ReportSummary] = field(default_factory=list)
    reason: Reason = "named"
    matched: list[str] = field(default_factory=list)  # the name words the question said
    asked: str | None = None  # the market named, as written, when the catalogue does not hold it
    scores: dict[str, float] = field(default_factory=dict)  # candidate id -> match, 0..1

    def choices(self, limit: int = MAX_LISTED) -> list[ReportChoice]:
        """The candidates as choices a surface can offer (buttons), best first."""
        return [
            ReportChoice(
                id=r.id,
                title=r.title,
                publisher=r.publisher,
                years=r.years,
                score=self.scores.get(r.id, 0.0),
            )
            for r in self.candidates[:limit]
        ]

    def clarifying_question(self, total: int | None = None) -> str:
        """What the user is told when no single report is meant; candidates are named by title."""
        shown = "; ".join(_label(r) for r in self.candidates[:MAX_LISTED])
        more = len(self.candidates) - MAX_LISTED
        listed = shown + (f"; and {more} more" if more > 0 else "")
        if self.reason == "absent":
            nearest = f" The nearest: {listed}." if listed else ""
            return (
                f"The catalogue holds no report on the {self.asked} market, so no figure for it can be "
                f"given.{nearest} Ask about one of those, or ingest a report on that market."
            )
        lead = "Which report do you mean?"
        if self.reason == "unnamed" and total:
            lead += f" The question names no market of the {total} ingested reports."
        return f"{lead} Candidates: {listed}. Name the market in your question, or choose a report."


@dataclass
class _Decision:
    route: Route
    state: int | None
    pool: list[int] = field(default_factory=list)  # candidate positions to rank, when undecided
    matches: dict[int, Match] = field(default_factory=dict)
    mention: SourceMention | None = None


class RoutingIndex:
    """The catalogue's names, indexed once; ``route`` is then cheap per question."""

    def __init__(self, reports: Sequence[ReportSummary]) -> None:
        self.reports = sorted(reports, key=lambda r: r.id)
        self._position = {r.id: i for i, r in enumerate(self.reports)}
        self.names = NameIndex(self.reports)
        self.sources = SourceIndex(self.reports)

    # -- deciding ---------------------------------------------------------------------------------
    def _absent(self, text: str, defer_unknown: bool) -> Phrase | None:
        """A market the question names that no report is: a phrase with a word no report's name has
        that names no report whole. A phrase sharing no word with any name is left to the report in
        hand when there is one (``defer_unknown``): it may be one of that report's segments."""
        for phrase in self.names.phrases(text):
            if not phrase.unknown or self.names.names_whole(phrase):
                continue
            if phrase.known or not defer_unknown:
                return phrase
        return None

    def _decide(self, question: str, current: int | None) -> _Decision:
        """The route for one question given the conversation's report (a position), and the new one."""
        mention = self.sources.find(question)
        text = mention.text
        matches = self.names.match(text, question)
        everyone = list(range(len(self.reports)))
        absent = self._absent(text, defer_unknown=current is not None)
        if absent is not None:
            pool = sorted(matches) or everyone
            return _Decision(Route(None, reason="absent", asked=absent.text), current, pool, matches, mention)
        if not matches:
            if current is not None:
                return _Decision(self._named(current, matches, "conversation"), current)
            by_source = [i for i in everyone if mention.fits(self.reports[i])]
            if len(by_source) == 1:
                return _Decision(self._named(by_source[0], matches, "named"), by_source[0])
            return _Decision(Route(None, reason="unnamed"), None, by_source or everyone, matches, mention)
        best = max(m.score for m in matches.values())
        tied = sorted(i for i, m in matches.items() if m.score >= best - 1e-9)
        if current is not None and (current in tied or not self._says_a_name(text, tied, matches)):
            # The conversation's report is among the best, or the question only shares a stray word
            # (a segment, a region) with another report's name: stay.
            return _Decision(self._named(current, matches, "conversation"), current)
        tied = self._narrow(tied, matches, mention)
        if len(tied) == 1:
            return _Decision(self._named(tied[0], matches, "named"), tied[0])
        route = Route(None, reason="ambiguous")
        route.matched = sorted(set().union(*(matches[i].words for i in tied)))
        return _Decision(route, current, tied, matches, mention)

    def _narrow(self, tied: list[int], matches: dict[int, Match], mention: SourceMention) -> list[int]:
        """Among reports the question's name words fit equally: the named publisher's, then the one
        whose whole name is said, then the edition with the named years."""
        keeps: tuple[Callable[[int], bool], ...] = (
            lambda i: mention.fits(self.reports[i]),
            lambda i: matches[i].acronym or self.names.names[i].core <= matches[i].words,
            lambda i: mention.fits_years(self.reports[i]),
        )
        for keep in keeps:
            if len(tied) > 1:
                narrowed = [i for i in tied if keep(i)]
                tied = narrowed or tied
        return tied

    def _says_a_name(self, question: str, tied: list[int], matches: dict[int, Match]) -> bool:
        """Whether the question clearly names one of ``tied``: by acronym, by most of its name, or
        by a name word said right before 'market' ('the dragon market')."""
        for i in tied:
            m = matches[i]
            if m.acronym or m.core > SWITCH_COVERAGE * self.names.core_total[i] + 1e-9:
                return True
        raw = WORD.findall(question.lower())
        before_market = {singular(w) for w, nxt in zip(raw, raw[1:], strict=False) if nxt in MARKET_NOUNS}
        named = {n for w in before_market for n in self.names.resolve(w, typo_depth(w))}
        return any(named & matches[i].words for i in tied)

    def _named(self, i: int, matches: dict[int, Match], reason: Reason) -> Route:
        words = sorted(matches[i].words) if i in matches else []
        return Route(self.reports[i].id, [self.reports[i]], reason, words)

    # -- ranking ----------------------------------------------------------------------------------
    def _rank(self, question: str, decision: _Decision, nearest: Nearest | None) -> Route:
        """Fill the route's candidates, best first: the named publisher's and edition's, then by how
        much of each name the question said, then by nearness to the question."""
        route, matches, mention = decision.route, decision.matches, decision.mention
        pool = set(decision.pool)
        similarity: dict[str, float] = {}
        if nearest is not None:
            similarity = dict(nearest(question, min(len(self.reports), NEAREST_POOL)))
            near = [self._position[i] for i in similarity if i in self._position]
            named = {i for i in pool if i in matches}
            if route.reason == "absent":  # the reports sharing its words, then the nearest others
                pool = named | set(near[: max(0, MAX_LISTED - len(named))])
            elif route.reason == "unnamed":
                pool = (pool & set(near)) or pool

        def coverage(i: int) -> float:
            m = matches.get(i)
            return 0.0 if m is None else min(1.0, m.core / self.names.core_total[i])

        def key(i: int) -> tuple[object, ...]:
            r = self.reports[i]
            fits = mention is not None and mention.fits(r)
            edition = mention is not None and mention.fits_years(r)
            score = matches[i].score if i in matches else 0.0
            return (not fits, not edition, -score, -coverage(i), -similarity.get(r.id, 0.0), r.title, r.id)

        ordered = sorted(pool, key=key)
        route.candidates = [self.reports[i] for i in ordered]
        route.scores = {
            self.reports[i].id: round(
                0.8 * coverage(i) + 0.2 * max(0.0, similarity.get(self.reports[i].id, 0.0)), 3
            )
            for i in ordered
        }
        return route

    def route(
        self,
        question: str,
        history_questions: Sequence[str] = (),
        current: str | None = None,
        nearest: Nearest | None = None,
    ) -> Route:
        """Route ``question``; ``history_questions`` are the user's earlier questions, oldest first,
        replayed so the conversation's report is known; ``current`` names it directly if known.
        ``nearest`` ranks candidates the names cannot (see the module docstring)."""
        if len(self.reports) == 1:
            only = self.reports[0]
            absent = self._absent(self.sources.find(question).text, defer_unknown=True)
            if absent is not None:
                return Route(None, [only], "absent", asked=absent.text, scores={only.id: 0.0})
            return Route(only.id, [only], "only")
        state = self._position.get(current) if current else None
        for earlier in history_questions:
            state = self._decide(earlier, state).state
        decision = self._decide(question, state)
        if decision.route.report_id is not None:
            return decision.route
        return self._rank(question, decision, nearest)


_INDEXES: dict[tuple[tuple[object, ...], ...], RoutingIndex] = {}


def routing_index(reports: Iterable[ReportSummary]) -> RoutingIndex:
    """The index of this catalogue, built on first use and kept (a few catalogues at most)."""
    reports = list(reports)
    key = tuple(
        (r.id, r.title, r.market, r.publisher, r.years, tuple(r.codes), tuple(r.publisher_aliases))
        for r in reports
    )
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        index = _INDEXES[key] = RoutingIndex(reports)
    return index


def route(
    question: str,
    reports: Sequence[ReportSummary],
    history_questions: Sequence[str] = (),
    nearest: Nearest | None = None,
) -> Route:
    """Pick the report ``question`` names; a follow-up that names none stays with the report the
    conversation's earlier questions (oldest first) were routed to. Shorthand is spelt out first
    ('site mgmt orgs' names a site management organization market)."""
    return routing_index(reports).route(spelt_out(question), history_questions, nearest=nearest)
