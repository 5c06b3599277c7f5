"""Words naming where a figure comes from: "per Bluefield Analytics", "according to QLR", "Quarry Lane
Research's 2024-2032 edition".

They are cut out of the question before its market is read (a publisher's name may hold "Market",
"Research" or a market's own word), and they help choose among reports that fit the question
equally: the named publisher's, the edition covering the named years.

A publisher is recognised by its full name anywhere; by its distinctive words ("Quarry Lane"), its
initials ("QLR") or an abbreviation the report record carries, only where the question marks it as
a source: after "per", "according to", "from", ..., before a possessive ("Bluefield's"), or written in
capitals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.index.catalogue import ReportSummary
from assistant.text.words import word_list

_CUES = word_list("source-cues")
_GENERIC = word_list("publisher-words")
_TOKEN = re.compile(r"[^\W_]+(?P<own>['\u2019]s\b)?")
# A publisher the catalogue does not know, named after a cue: "according to Acme Market Research".
_OTHER_PUBLISHER = re.compile(
    r"\b(?:per|according to|from|by|citing)\s+(?P<name>(?:[A-Z][\w&.'-]*\s+){1,4}?(?:"
    + "|".join(sorted((w.capitalize() for w in _GENERIC), key=len, reverse=True))
    + r")\b(?:\s+[A-Z][\w&.-]*)*)"
)
_YEARS = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|\u2013|\u2014|to|through)\s*((?:19|20)\d{2})\b", re.I)


def publisher_key(name: str | None) -> tuple[str, ...]:
    """A publisher's name as compared: its lower-case words."""
    return tuple(w.lower() for w in re.findall(r"[^\W_]+", name or ""))


@dataclass(frozen=True)
class _Token:
    word: str
    written: str
    start: int
    end: int
    possessive: bool


@dataclass
class SourceMention:
    """What a question says about its source, and the question with the publishers' names cut out."""

    text: str
    publishers: set[tuple[str, ...]] = field(default_factory=set)
    years: str | None = None  # a year range such as "2024-2032", e.g. an edition's period

    def fits(self, summary: ReportSummary) -> bool:
        """Whether ``summary`` is by a publisher the question names."""
        return publisher_key(summary.publisher) in self.publishers

    def fits_years(self, summary: ReportSummary) -> bool:
        return self.years is not None and summary.years == self.years


def _token(match: re.Match[str]) -> _Token:
    own = match.group("own") or ""
    written = match.group()[: len(match.group()) - len(own)]
    return _Token(written.lower(), written, match.start(), match.end(), bool(own))


class SourceIndex:
    """The publishers of a catalogue and the forms a question may name each by."""

    def __init__(self, reports: Sequence[ReportSummary]) -> None:
        self.strong: dict[tuple[str, ...], tuple[str, ...]] = {}  # full name -> publisher
        self.weak: dict[tuple[str, ...], tuple[str, ...]] = {}  # words needing a cue -> publisher
        for report in reports:
            key = publisher_key(report.publisher)
            if not key:
                continue
            self.strong[key] = key
            distinctive = tuple(w for w in key if w not in _GENERIC)
            if distinctive and distinctive != key:
                self.weak.setdefault(distinctive, key)
            if len(key) >= 2:
                self.weak.setdefault(("".join(w[0] for w in key),), key)
            for alias in report.publisher_aliases:
                alias_key = publisher_key(alias)
                if alias_key:
                    self.weak.setdefault(alias_key, key)
        self._longest = max((len(k) for k in (*self.strong, *self.weak)), default=0)

    def find(self, question: str) -> SourceMention:
        """The publishers and year range ``question`` names, and the question without those names."""
        mention = SourceMention(text=question)
        years = _YEARS.search(question)
        if years:
            mention.years = f"{years.group(1)}-{years.group(2)}"
        cut = [m.span("name") for m in _OTHER_PUBLISHER.finditer(question)]
        tokens = [_token(m) for m in _TOKEN.finditer(question)] if self._longest else []
        i = 0
        while i < len(tokens):
            found = self._match_at(tokens, i)
            if found is None:
                i += 1
                continue
            size, publisher = found
            mention.publishers.add(publisher)
            cut.append((tokens[i].start, tokens[i + size - 1].end))
            i += size
        text = question
        for start, end in sorted(cut, reverse=True):
            text = text[:start] + " " * (end - start) + text[end:]
        mention.text = text
        return mention

    def _match_at(self, tokens: list[_Token], i: int) -> tuple[int, tuple[str, ...]] | None:
        for size in range(min(self._longest, len(tokens) - i), 0, -1):
            words = tuple(t.word for t in tokens[i : i + size])
            if words in self.strong:
                return size, self.strong[words]
            publisher = self.weak.get(words)
            if publisher is not None and self._marked(tokens, i, size):
                return size, publisher
        return None

    @staticmethod
    def _marked(tokens: list[_Token], i: int, size: int) -> bool:
        """Whether the words at ``i`` are marked as a source: a cue before, a possessive, capitals."""
        before = tokens[i - 1].word if i else ""
        if before in _CUES or (before == "to" and i >= 2 and tokens[i - 2].word == "according"):
            return True
        last = tokens[i + size - 1]
        written = "".join(t.written for t in tokens[i : i + size])
        return last.possessive or (len(written) >= 2 and written.isupper() and written.isalpha())
