"""Which report a question is about, when the catalogue holds more than one.

A question that names its market ("the CRO market", "ornamental fish feed", "dragon scale polsh") goes
to that report; one that names several markets equally gets a question back listing the candidates;
a follow-up that names none ("and in 2030?") stays with the conversation's report.

The catalogue's names are indexed once (``RoutingIndex``): an inverted index from name words to
reports, word weights (rarer words name a market more precisely), acronyms, and a deletion index for
typos. Routing a question then costs a few dictionary look-ups per question word, whatever the size
of the catalogue; no title is embedded per question.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from assistant.index.catalogue import ReportSummary
from assistant.text.tokens import singular
from assistant.text.words import word_list

# Words that never name a market, and places, which qualify a market but never name one alone.
_STOP = word_list("question-words")
_PLACES = word_list("places")


_STOP = _STOP | {singular(w) for w in _STOP}
_PLACES = _PLACES | {singular(w) for w in _PLACES}
_MARKET_NOUNS = frozenset({"market", "markets", "industry", "sector"})
_FUNCTION = frozenset({"global", "market", "of", "and", "the", "for", "in", "on", "to", "with"})
_WORD = re.compile(r"[a-z0-9]+")
_PAREN_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9&]{1,7})\)")
MAX_LISTED = 10  # candidates named in a clarifying question
SWITCH_COVERAGE = 0.5  # a follow-up leaves the conversation only if it says more than this share of a name
PLACE_WEIGHT = 0.25  # a place word only breaks ties between reports already named by other words

Reason = Literal["only", "named", "conversation", "ambiguous", "unnamed"]


def _words(text: str) -> list[str]:
    return [singular(w) for w in _WORD.findall(text.lower().replace("'s", "")) if not w.isdigit()]


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` letters deleted (symmetric-delete spelling correction)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


@lru_cache(maxsize=1)
def _stop_typos() -> dict[str, set[str]]:
    """Deletion index of the stop words, to tell a misspelt question word from a misspelt name."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in _STOP:
        for variant in _deletions(word, _index_depth(word)):
            index[variant].add(word)
    return index


def _index_depth(word: str) -> int:
    """Edits a name word of this length may be misspelt by: none below 4 letters, two from 9."""
    return 0 if len(word) < 4 else 1 if len(word) < 9 else 2


def _typo_depth(word: str) -> int:
    """Edits forgiven in a word of this length: none below 5 letters (too many short words are one
    edit apart), one up to 8, two from 9."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def _distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, prev2[j - 2] + 1)
            row.append(value)
        prev2, prev = prev, row
    return prev[-1]


def _acronyms(name_words: list[str], text: str) -> set[str]:
    """Acronyms a report may be asked by: any written in brackets in its title or market, and the
    initials of every run of three or more name words ('autonomous mobile robot' -> 'amr')."""
    found = {a.lower() for a in _PAREN_ACRONYM.findall(text)}
    for size in range(3, min(len(name_words), 6) + 1):
        for i in range(len(name_words) - size + 1):
            found.add("".join(w[0] for w in name_words[i : i + size]))
    return {a for a in found if a not in _STOP and not a.isdigit()}


@dataclass(frozen=True)
class _Name:
    """One report's name as routing sees it."""

    summary: ReportSummary
    words: frozenset[str]  # name words (market, title and id), stop words and places removed
    places: frozenset[str]
    acronyms: frozenset[str]
    core: frozenset[str]  # the words of the market's own name, for coverage


@dataclass
class Route:
    """Where a question goes: ``report_id``, or None with the ``candidates`` to ask about."""

    report_id: str | None
    candidates: list[ReportSummary] = field(default_factory=list)
    reason: Reason = "named"
    matched: list[str] = field(default_factory=list)  # the name words the question said

    def clarifying_question(self, total: int | None = None) -> str:
        """The question put back to the user when no single report is meant."""
        shown = "; ".join(f"{r.title} (id {r.id})" for r in self.candidates[:MAX_LISTED])
        more = len(self.candidates) - MAX_LISTED
        extra = f" and {more} more" if more > 0 else ""
        lead = "Which report do you mean?"
        if self.reason == "unnamed" and total:
            lead += f" The question names no market of the {total} ingested reports."
        return f"{lead} Candidates: {shown}{extra}. Name the market in your question (or pass a report id)."


@dataclass
class _Match:
    score: float = 0.0
    core: float = 0.0  # weight of the market's own name words said
    acronym: bool = False
    words: set[str] = field(default_factory=set)


class RoutingIndex:
    """The catalogue's names, indexed once; ``route`` is then cheap per question."""

    def __init__(self, reports: Sequence[ReportSummary]) -> None:
        self.reports = sorted(reports, key=lambda r: r.id)
        self.names = [self._name(r) for r in self.reports]
        self._position = {r.id: i for i, r in enumerate(self.reports)}
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._acronym_postings: dict[str, list[int]] = defaultdict(list)
        self._place_postings: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(self.names):
            for word in name.words:
                self._postings[word].append(i)
            for acronym in name.acronyms:
                self._acronym_postings[acronym].append(i)
            for place in name.places:
                self._place_postings[place].append(i)
        n = max(len(self.names), 1)
        self._weight = {w: math.log(1 + n / len(ids)) for w, ids in self._postings.items()}
        self._core_total = [sum(self._weight[w] for w in name.core) or 1.0 for name in self.names]
        _stop_typos()  # built once per process, here rather than in the first question
        self._typos: dict[str, set[str]] = defaultdict(set)
        for word in self._postings:
            for variant in _deletions(word, _index_depth(word)):
                self._typos[variant].add(word)

    @staticmethod
    def _name(summary: ReportSummary) -> _Name:
        market = summary.market or ""
        text = f"{market} {summary.title} {summary.id.replace('-', ' ')}"
        all_words = _words(text)
        core_source = _words(market) or _words(summary.title)
        core = [w for w in core_source if w not in _STOP and w not in _PLACES and len(w) > 1]
        spoken = [
            w
            for w in _WORD.findall((market or summary.title).lower())
            if w not in _FUNCTION and not w.isdigit()
        ]
        acronyms = _acronyms(spoken, f"{summary.title} {market}")
        return _Name(
            summary=summary,
            words=frozenset(w for w in all_words if w not in _STOP and w not in _PLACES and len(w) > 1),
            places=frozenset(w for w in all_words if w in _PLACES),
            acronyms=frozenset(acronyms),
            core=frozenset(core),
        )

    # -- matching --------------------------------------------------------------------------------
    def _resolve(self, word: str, depth: int) -> list[str]:
        """Name words the question word stands for: itself, or its nearest spellings in the catalogue
        within ``depth`` edits (a name word is never stretched further than its own length allows)."""
        if word in self._postings:
            return [word]
        if depth == 0 or word in _STOP:
            return []
        variants = _deletions(word, depth)
        near: dict[str, int] = {}
        for variant in variants:
            for candidate in self._typos.get(variant, ()):
                if candidate not in near:
                    d = _distance(word, candidate)
                    if d <= min(depth, _index_depth(candidate)):
                        near[candidate] = d
        if not near:
            return []
        best = min(near.values())
        stop = min(
            (_distance(word, s) for v in variants for s in _stop_typos().get(v, ())), default=depth + 1
        )
        if stop < best:
            return []  # 'markt', 'forcast': a misspelt question word, not a market's name
        return sorted(w for w, d in near.items() if d == best)

    def _spelt(self, word: str, depth: Callable[[str], int]) -> list[str] | None:
        """Name words a question word stands for, trying its singular first; None for a stop word.
        A misspelt plural is matched as written ('mattres' is 'mattress', not 'mattre')."""
        single = singular(word)
        if word in _STOP or single in _STOP or single in _PLACES or len(single) < 2:
            return None
        for form in dict.fromkeys((single, word)):
            if form in self._postings:
                return [form]
        return self._resolve(word, depth(word)) or self._resolve(single, depth(single))

    def _credit(self, resolved: list[str]) -> float:
        """Weight a question word earns: a misspelling as near to several names credits each of
        them alike ('fiter' is 'filter' or 'fiber'), so the choice between them stays open."""
        return min(self._weight[w] for w in resolved)

    def _add(self, matches: dict[int, _Match], name_word: str, weight: float, only_known: bool) -> None:
        for i in self._postings[name_word]:
            if only_known and i not in matches:
                continue
            m = matches[i]
            if name_word in m.words:
                continue
            m.words.add(name_word)
            m.score += weight
            if name_word in self.names[i].core:
                m.core += weight

    def _match(self, question: str) -> dict[int, _Match]:
        matches: dict[int, _Match] = defaultdict(_Match)
        raw = _WORD.findall(question.lower())
        for token in dict.fromkeys([*raw, *(singular(w) for w in raw)]):
            for i in self._acronym_postings.get(token, ()):
                m = matches[i]
                m.acronym = True
                m.words.add(token)
                m.score += self._core_total[i]  # an acronym says the whole name
                m.core += self._core_total[i]
        words = [w for w in dict.fromkeys(raw) if not w.isdigit()]
        short: list[str] = []
        for word in words:
            resolved = self._spelt(word, _typo_depth)
            if resolved is None:
                continue
            if not resolved and len(word) >= 4:
                short.append(word)
            for name_word in resolved:
                self._add(matches, name_word, self._credit(resolved), only_known=False)
        # A short misspelt word ('pint', 'kyak') is too close to common words to name a market, but
        # it may still tell apart the reports the other words already named.
        for word in short:
            resolved = self._spelt(word, lambda w: 1) or []
            for name_word in resolved:
                self._add(matches, name_word, self._credit(resolved), only_known=True)
        places = {w for w in _words(question) if w in _PLACES}
        for place in places:
            for i in self._place_postings.get(place, ()):
                if i in matches:
                    matches[i].score += PLACE_WEIGHT
        return matches

    def _decide(self, question: str, current: int | None) -> tuple[Route, int | None]:
        """The route for one question given the conversation's report (an index), and the new one."""
        matches = self._match(question)
        if not matches:
            if current is not None:
                return Route(self.reports[current].id, [self.reports[current]], "conversation"), current
            return Route(None, list(self.reports), "unnamed"), None
        best = max(m.score for m in matches.values())
        tied = sorted(
            (i for i, m in matches.items() if m.score >= best - 1e-9), key=lambda i: self.reports[i].id
        )
        if current is not None and (current in tied or not self._says_a_name(question, tied, matches)):
            # The conversation's report is among the best, or the question only shares a stray word
            # (a segment, a region) with another report's name: stay.
            return self._named(current, matches, "conversation"), current
        if len(tied) > 1:
            # Several names said equally: one the question says in full (its every word) wins.
            full = [i for i in tied if matches[i].acronym or self.names[i].core <= matches[i].words]
            if len(full) == 1:
                tied = full
        if len(tied) == 1:
            return self._named(tied[0], matches, "named"), tied[0]
        route = Route(None, [self.reports[i] for i in tied], "ambiguous")
        route.candidates.sort(key=lambda r: (-matches[self._position[r.id]].core, r.id))
        route.matched = sorted(set().union(*(matches[i].words for i in tied)))
        return route, current

    def _says_a_name(self, question: str, tied: list[int], matches: dict[int, _Match]) -> bool:
        """Whether the question clearly names one of ``tied``: by acronym, by most of its name, or
        by a name word said right before 'market' ('the dragon market')."""
        for i in tied:
            m = matches[i]
            if m.acronym or m.core > SWITCH_COVERAGE * self._core_total[i] + 1e-9:
                return True
        raw = _WORD.findall(question.lower())
        before_market = {singular(w) for w, nxt in zip(raw, raw[1:], strict=False) if nxt in _MARKET_NOUNS}
        named = {n for w in before_market for n in self._resolve(w, _typo_depth(w))}
        return any(named & matches[i].words for i in tied)

    def _named(self, i: int, matches: dict[int, _Match], reason: Reason) -> Route:
        words = sorted(matches[i].words) if i in matches else []
        return Route(self.reports[i].id, [self.reports[i]], reason, words)

    def route(
        self, question: str, history_questions: Sequence[str] = (), current: str | None = None
    ) -> Route:
        """Route ``question``; ``history_questions`` are the user's earlier questions, oldest first,
        replayed so the conversation's report is known; ``current`` names it directly if known."""
        if len(self.reports) == 1:
            return Route(self.reports[0].id, list(self.reports), "only")
        state = self._position.get(current) if current else None
        for earlier in history_questions:
            _, state = self._decide(earlier, state)
        route, _ = self._decide(question, state)
        return route


_INDEXES: dict[tuple[tuple[str, str, str | None], ...], RoutingIndex] = {}


def routing_index(reports: Iterable[ReportSummary]) -> RoutingIndex:
    """The index of this catalogue, built on first use and kept (a few catalogues at most)."""
    reports = list(reports)
    key = tuple((r.id, r.title, r.market) for r in reports)
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        index = _INDEXES[key] = RoutingIndex(reports)
    return index


def route(question: str, reports: Sequence[ReportSummary], history_questions: Sequence[str] = ()) -> Route:
    """Pick the report ``question`` names; a follow-up that names none stays with the report the
    conversation's earlier questions (oldest first) were routed to."""
    return routing_index(reports).route(question, history_questions)
