"""What the planner knows about one report before calling any tool: how to read intents, and the
report's own names (regions, segments, companies, the market's words, acronyms, publisher)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from assistant.planner.classifier import IntentClassifier
from assistant.planner.intents import Intent
from assistant.planner.slots import Entity
from assistant.planner.vocabulary import DEVELOPMENT_KINDS
from assistant.text.tokens import stems, terms

_PLACES = re.compile(r"\b(region|regions|geograph\w*|country|countries)\b", re.I)


# 'the acquisition', 'that takeover', 'which was an acquisition': a kind of development pointed at, and
# not a word qualifying another ('the top tech investment area')
_POINTED_KINDS = {
    kind: re.compile(
        # ('such a big deal' is an idiom, no deal)
        rf"\b(?:the|that|this|their|its|his|her|an?)\s+(?:(?!(?:big|great|huge|real)\b)[\w-]+\s+)?(?:{asked})\b"
        r"(?=\s*(?:$|[?,.;:!)\-–—]|(?:of|with|by|for|in|on|to|from|and|was|were|is|did|worth|cost|price|"
        r"amount|value|close|closed|happen|happened|mean|add|added|give|gave|get|got)\b))",
        re.I,
    )
    for kind, (asked, _) in DEVELOPMENT_KINDS.items()
}


@dataclass
class ReportContext:
    classifier: IntentClassifier
    vocabulary: list[Entity]
    report_id: str
    search_k: int = 4
    market_words: frozenset[str] = frozenset()  # words of the market's own name, lower-case
    publisher: str | None = None  # as the parser found it in the report's text
    report_terms: frozenset[str] = frozenset()  # stems of every word of the report
    acronyms: dict[str, str] = field(default_factory=dict)  # initials -> the capitalised name they stand for
    title: str = "this report"
    dimensions: tuple[str, ...] = ()  # how the report segments the market: 'Region', 'End User', ...
    source_names: tuple[str, ...] = ()  # the publisher's short names ('NMA')
    # What the answers to list-like questions will name, in the report's order (the key players,
    # the largest region, the fastest segment): a later part of a message may point at them.
    named_by: dict[Intent, tuple[str, ...]] = field(default_factory=dict)
    listed_dimensions: tuple[str, ...] = ()  # the dimensions the report lists segments for
    # Proper names only the recent developments use (a product, a deal's target) -> those developments.
    news_names: dict[str, frozenset[int]] = field(default_factory=dict)
    market: str | None = None  # the market's name as the parser found it ('Smart Pet Feeder')
    development_companies: tuple[str, ...] = ()  # the company of each recent development, in order
    # Each kind of development ('acquisition', 'launch') -> the recent developments of that kind.
    news_kinds: dict[str, frozenset[int]] = field(default_factory=dict)
    size_years: frozenset[int] = frozenset()  # the years the report states the whole market's size for
    # The region a ranking by the page's own figures names (largest by share, fastest by CAGR)
    ranked_regions: dict[Intent, str] = field(default_factory=dict)
    base_year: int | None = None  # the year of the market size a forecast compounds from ('now')
    # The publisher's first name, when the page calls it by that alone ('Harrowgate' of Harrowgate
    # Insights): a source only where a question credits it ('what does harrowgate expect'), not where
    # it asks about it ('when was harrowgate founded')
    short_source_names: tuple[str, ...] = ()

    @cached_property
    def dimension_terms(self) -> frozenset[str]:
        """Terms of the segmentation dimensions' names: the report's own words for its lists."""
        return frozenset(terms(" ".join(self.dimensions)))

    @cached_property
    def dimension_stems(self) -> dict[str, set[str]]:
        return {dim: stems(dim) for dim in self.dimensions}

    @cached_property
    def segment_dimension_stems(self) -> dict[str, set[str]]:
        """``dimension_stems`` without the dimensions of places ('Region', 'Geography', 'Country')."""
        return {dim: found for dim, found in self.dimension_stems.items() if not _PLACES.search(dim)}

    @property
    def subject(self) -> str:
        """What the report is about, said short: 'the smart pet feeder market' rather than a title
        that lists every segment and year."""
        return f"the {self.market} market" if self.market else self.title

    def news_in(self, question: str) -> frozenset[int]:
        """The recent developments the question names by a name of their own ('the orbit's price')
        or points at by their kind ('the acquisition - price?')."""
        found: set[int] = set()
        for word in re.findall(r"[a-z0-9][\w&'-]*", question.lower()):
            found |= self.news_names.get(re.sub(r"['’]s?$", "", word), frozenset())
        if found:
            return frozenset(found)  # 'the luminis health deal': the one its name picks
        for kind, pattern in _POINTED_KINDS.items():
            if kind in self.news_kinds and pattern.search(question):
                found |= self.news_kinds[kind]
        return frozenset(found)

    @cached_property
    def known_terms(self) -> frozenset[str]:
        """Stems of the market's name and of every entity: words that are not a foreign subject."""
        words = " ".join([*self.market_words, *(e.name for e in self.vocabulary)])
        return frozenset(terms(words))

    def expand(self, question: str) -> str:
        """Spell out the report's acronyms ('acme stat' -> 'acme A Company Mentioned Elsewhere stat')."""
        return re.sub(
            r"\b[a-z]{2,6}\b",
            lambda m: (
                f"{m.group(0)} {self.acronyms[m.group(0).lower()]}"
                if m.group(0).lower() in self.acronyms
                else m.group(0)
            ),
            question,
            flags=re.I,
        )

    def as_typed(self, question: str) -> str:
        """``question`` without the names ``expand`` spelt out after their acronyms."""
        pieces: list[str] = []
        position = 0
        for match in re.finditer(r"\b([a-z]{2,6}) ", question, flags=re.I):
            name = self.acronyms.get(match.group(1).lower())
            if name and match.start() >= position and question.startswith(name, match.end()):
                pieces.append(question[position : match.end() - 1])
                position = match.end() + len(name)
        return "".join(pieces) + question[position:]

    @cached_property
    def entity_words(self) -> frozenset[str]:
        """Lower-case words of every region, segment and company name."""
        return frozenset(w for e in self.vocabulary for w in re.findall(r"[a-z0-9&]+", e.name.lower()))

    @cached_property
    def _market_name(self) -> re.Pattern[str] | None:
        if not self.market_words:
            return None
        words = "|".join(map(re.escape, sorted(self.market_words)))
        # A word of the title that is not a name word ('growth' in 'Plant Growth Regulators') may
        # sit between two of them.
        inner = sorted({w for w in re.findall(r"[a-z]+", self.title.lower()) if w not in self.market_words})
        between = rf"(?:(?:{'|'.join(map(re.escape, inner))})[\s-]+)?" if inner else ""
        return re.compile(rf"\b(?:{words})(?:e?s)?(?:[\s-]+{between}(?:{words})(?:e?s)?)+\b", re.I)

    def plain(self, question: str) -> str:
        """The question with the market's name said as 'the market' and its source left out, so the
        words of the name do not pull the intent towards segments that share them."""
        question = self.without_source(question)
        return self._market_name.sub("the market", question) if self._market_name else question

    @cached_property
    def _source(self) -> re.Pattern[str] | None:
        names = [n for n in (self.publisher, *self.source_names) if n]
        if not names:
            return None  # (a short name comes only with the full one it shortens)
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        short = "|".join(re.escape(n) for n in self.short_source_names) or "(?!)"
        return re.compile(
            rf"[,;(]?\s*\b(?:per|according to|as per|from|by|in|says?|said|at)?\s*(?:the\s+)?(?:{alternatives})"
            r"(?:['’]s?)?(?:\s+(?:(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d|(?:19|20)\d\d))?"
            r"(?:\s+(?:edition|report|study|data|figures?|estimates?|forecasts?|numbers?|analysis))?\b\)?"
            rf"|\b(?:per|according to|as per)\s+(?:{short})\b(?:['’]s?)?"
            rf"|\b(?:{short})(?:['’]s)?(?=\s+(?:expects?|projects?|estimates?|forecasts?|sees|says|puts|predicts?)\b)",
            re.I,
        )

    def without_source(self, question: str) -> str:
        """'per NMA', 'according to Northbridge's 2024-2032 edition': words naming the report's
        source say nothing about what is asked, and their years are no question's years."""
        return self._source.sub(" ", question).strip() if self._source else question
