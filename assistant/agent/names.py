"""The catalogue's report names, indexed once for routing: an inverted index from name words to reports,
word weights (rarer words name a market more precisely), acronyms, report codes, and a deletion index
for typos. Matching a question then costs a few dictionary look-ups per question word, whatever the
size of the catalogue; no title is embedded per question.

It also reads the market a question names ("the Acoustic Guitar market", "the market for acoustic
guitars") so that a market the catalogue does not hold is never taken for a similar-named one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.agent.spelling import (
    FUNCTION,
    MARKET_NOUNS,
    PLACES,
    STOP,
    WORD,
    acronyms,
    deletions,
    distance,
    index_depth,
    raw_words,
    stop_typos,
    typo_depth,
    words,
)
from assistant.index.catalogue import ReportSummary
from assistant.text.tokens import singular
from assistant.text.words import word_list, word_map

PLACE_WEIGHT = 0.25  # a place word only breaks ties between reports already named by other words
MAX_PHRASE = 6  # words read before 'market' as the market's name
# Words that stand before 'market' without naming one ('the whole market'), and shorthand for 'market'.
_FILLER = word_list("filler-before-market")
_SHORTHAND = word_map("shorthand")
# 'the market size of X', 'the market for X': words allowed between the noun and 'of'/'for' ('market
# share of X' and 'market value of X' are a company's, so not these).
_HEAD_NOUNS = frozenset({"size", "sizes", "growth", "outlook", "forecast"})


@dataclass(frozen=True)
class Name:
    """One report's name as routing sees it."""

    summary: ReportSummary
    words: frozenset[str]  # name words (market, title and id), stop words and places removed
    places: frozenset[str]
    acronyms: frozenset[str]
    core: frozenset[str]  # the words of the market's own name, for coverage


@dataclass
class Match:
    """How a question matches one report's name."""

    score: float = 0.0
    core: float = 0.0  # weight of the market's own name words said
    acronym: bool = False  # named whole: by an acronym or a report code
    words: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Phrase:
    """A market the question names: its words as written, and which of them the catalogue knows."""

    text: str
    known: frozenset[str]  # catalogue name words (or acronyms) the phrase's words stand for
    unknown: tuple[str, ...]  # words no report's name has


def _name(summary: ReportSummary) -> Name:
    market = summary.market or ""
    text = f"{market} {summary.title} {summary.id.replace('-', ' ')}"
    all_words = words(text)
    core_source = words(market) or words(summary.title)
    core = [w for w in core_source if w not in STOP and w not in PLACES and len(w) > 1]
    spoken = [w for w in raw_words(market or summary.title) if w not in FUNCTION and not w.isdigit()]
    return Name(
        summary=summary,
        words=frozenset(w for w in all_words if w not in STOP and w not in PLACES and len(w) > 1),
        places=frozenset(w for w in all_words if w in PLACES),
        acronyms=frozenset(acronyms(spoken, f"{summary.title} {market}")),
        core=frozenset(core),
    )


class NameIndex:
    """The names of ``reports`` (in the order given), indexed for matching questions."""

    def __init__(self, reports: Sequence[ReportSummary]) -> None:
        self.names = [_name(r) for r in reports]
        self.postings: dict[str, list[int]] = defaultdict(list)
        self._acronyms: dict[str, list[int]] = defaultdict(list)
        self._places: dict[str, list[int]] = defaultdict(list)
        self._codes: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, name in enumerate(self.names):
            for word in name.words:
                self.postings[word].append(i)
            for acronym in name.acronyms:
                self._acronyms[acronym].append(i)
            for place in name.places:
                self._places[place].append(i)
            for code in name.summary.codes:
                key = tuple(WORD.findall(code.lower()))
                if key:
                    self._codes[key].append(i)
        self._longest_code = max((len(k) for k in self._codes), default=0)
        n = max(len(self.names), 1)
        self.weight = {w: math.log(1 + n / len(ids)) for w, ids in self.postings.items()}
        self.core_total = [sum(self.weight[w] for w in name.core) or 1.0 for name in self.names]
        stop_typos()  # built once per process, here rather than in the first question
        self._typos: dict[str, set[str]] = defaultdict(set)
        for word in self.postings:
            for variant in deletions(word, index_depth(word)):
                self._typos[variant].add(word)

    # -- spelling ---------------------------------------------------------------------------------
    def resolve(self, word: str, depth: int) -> list[str]:
        """Name words the question word stands for: itself, or its nearest spellings in the catalogue
        within ``depth`` edits (a name word is never stretched further than its own length allows)."""
        if word in self.postings:
            return [word]
        if depth == 0 or word in STOP:
            return []
        variants = deletions(word, depth)
        near: dict[str, int] = {}
        for variant in variants:
            for candidate in self._typos.get(variant, ()):
                if candidate not in near:
                    d = distance(word, candidate)
                    if d <= min(depth, index_depth(candidate)):
                        near[candidate] = d
        if not near:
            return []
        best = min(near.values())
        stop = min((distance(word, s) for v in variants for s in stop_typos().get(v, ())), default=depth + 1)
        if stop < best:
            return []  # 'markt', 'forcast': a misspelt question word, not a market's name
        return sorted(w for w, d in near.items() if d == best)

    def spelt(self, word: str, depth: Callable[[str], int]) -> list[str] | None:
        """Name words a question word stands for, trying its singular first; None for a stop word.
        A misspelt plural is matched as written ('mattres' is 'mattress', not 'mattre')."""
        single = singular(word)
        if word in STOP or single in STOP or single in PLACES or len(single) < 2:
            return None
        for form in dict.fromkeys((single, word)):
            if form in self.postings:
                return [form]
        return self.resolve(word, depth(word)) or self.resolve(single, depth(single))

    def _credit(self, resolved: list[str]) -> float:
        """Weight a question word earns: a misspelling as near to several names credits each of
        them alike ('fiter' is 'filter' or 'fiber'), so the choice between them stays open."""
        return min(self.weight[w] for w in resolved)

    # -- matching ---------------------------------------------------------------------------------
    def _add(self, matches: dict[int, Match], name_word: str, weight: float, only_known: bool) -> None:
        for i in self.postings[name_word]:
            if only_known and i not in matches:
                continue
            m = matches[i]
            if name_word in m.words:
                continue
            m.words.add(name_word)
            m.score += weight
            if name_word in self.names[i].core:
                m.core += weight

    def _whole(self, matches: dict[int, Match], i: int, token: str) -> None:
        """An acronym or a report code says the report's whole name."""
        m = matches[i]
        if m.acronym:
            return
        m.acronym = True
        m.words.add(token)
        m.score += self.core_total[i]
        m.core += self.core_total[i]

    def match(self, question: str, as_asked: str | None = None) -> dict[int, Match]:
        """Every report the question's words point at, with how strongly. Report codes are looked
        for in ``as_asked`` (the question before publishers' names were cut from it), if given."""
        matches: dict[int, Match] = defaultdict(Match)
        raw = WORD.findall(question.lower())
        for token in dict.fromkeys([*raw, *(singular(w) for w in raw)]):
            for i in self._acronyms.get(token, ()):
                self._whole(matches, i, token)
        coded = WORD.findall((as_asked or question).lower())
        for size in range(1, min(self._longest_code, len(coded)) + 1):
            for start in range(len(coded) - size + 1):
                for i in self._codes.get(tuple(coded[start : start + size]), ()):
                    self._whole(matches, i, "-".join(coded[start : start + size]))
        short: list[str] = []
        for word in (w for w in dict.fromkeys(raw) if not w.isdigit()):
            resolved = self.spelt(word, typo_depth)
            if resolved is None:
                continue
            if not resolved and len(word) >= 4:
                short.append(word)
            for name_word in resolved:
                self._add(matches, name_word, self._credit(resolved), only_known=False)
        # A short misspelt word ('pint', 'kyak') is too close to common words to name a market, but
        # it may still tell apart the reports the other words already named.
        for word in short:
            resolved = self.spelt(word, lambda w: 1) or []
            for name_word in resolved:
                self._add(matches, name_word, self._credit(resolved), only_known=True)
        for place in {w for w in words(question) if w in PLACES}:
            for i in self._places.get(place, ()):
                if i in matches:
                    matches[i].score += PLACE_WEIGHT
        return matches

    # -- the market a question names --------------------------------------------------------------
    def phrases(self, question: str) -> list[Phrase]:
        """The markets ``question`` names by a phrase around 'market' (or 'industry', 'sector')."""
        tokens = [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(question)]
        possessive = {
            i for i, (_, _, end) in enumerate(tokens) if question[end : end + 2] in ("'s", "\u2019s")
        }
        found: list[Phrase] = []
        for i, (token, _, _) in enumerate(tokens):
            if not _is_market_noun(token):
                continue
            before = self._phrase_words(tokens, range(i - 1, -1, -1), possessive)
            after: list[int] = []
            j = i + 1
            while j < len(tokens) and j <= i + 2 and tokens[j][0] in _HEAD_NOUNS:
                j += 1
            if j < len(tokens) and tokens[j][0] in ("of", "for"):
                after = self._phrase_words(tokens, range(j + 1, len(tokens)), possessive)
            for chosen in (sorted(before), after):
                if chosen:
                    found.append(self._phrase(question, [tokens[k] for k in chosen]))
        return found

    @staticmethod
    def _phrase_words(tokens: list[tuple[str, int, int]], order: range, possessive: set[int]) -> list[int]:
        taken: list[int] = []
        for k in order:
            word = tokens[k][0]
            if len(taken) >= MAX_PHRASE or k in possessive or _is_market_noun(word):
                break
            if word.isdigit() or singular(word) in PLACES:
                continue  # 'the 2024 European ... market': a year or a place qualifies, never names
            if word in _FILLER or word in STOP or singular(word) in STOP:
                break
            taken.append(k)
        return taken

    def _phrase(self, question: str, tokens: list[tuple[str, int, int]]) -> Phrase:
        known: set[str] = set()
        unknown: list[str] = []
        for word, _, _ in tokens:
            if len(word) < 2:
                continue
            if word in self._acronyms or singular(word) in self._acronyms:
                known.add(word)
                continue
            resolved = self.spelt(word, typo_depth)
            if resolved is None:
                continue
            if not resolved and len(word) >= 4:
                resolved = self.spelt(word, lambda w: 1) or []
            if resolved:
                known.update(resolved)
            else:
                unknown.append(word)
        return Phrase(question[tokens[0][1] : tokens[-1][2]], frozenset(known), tuple(unknown))

    def names_whole(self, phrase: Phrase) -> bool:
        """Whether the phrase says some report's whole market name (every core word, or its acronym)."""
        if any(w in self._acronyms or singular(w) in self._acronyms for w in phrase.known):
            return True
        candidates = {i for w in phrase.known for i in self.postings.get(w, ())}
        return any(self.names[i].core and self.names[i].core <= phrase.known for i in candidates)


def _is_market_noun(word: str) -> bool:
    return word in MARKET_NOUNS or _SHORTHAND.get(word, "") in MARKET_NOUNS
