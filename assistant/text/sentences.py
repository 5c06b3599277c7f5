"""Sentences with their offsets, and the sentences of retrieved passages that best match a question.

A sentence is cut at a full stop, question or exclamation mark followed by a capital or a digit, or
at a line break; a full stop after an abbreviation ("U.S.", "Ltd.", "e.g.") does not end one. Offsets
index the report text, so a sentence can be quoted and checked against the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Protocol

from assistant.text.words import word_list

_BOUNDARY = re.compile(r"[.!?]['\u2019\u201d]?(?=\s+['\u2018\u201c\"(]?[A-Z0-9])|\n")
# A full stop after these does not end a sentence ("U.S. Food", "Pvt. Ltd.", "Co., LTD").
_ABBREVIATION = re.compile(
    r"(\b[A-Z]|\b[A-Z]\.[A-Z]|Ltd|Co|Corp|Inc|Pvt|Plc|LLC|vs|e\.g|i\.e|Dr|St|No|approx)\.$"
)
_LEADER_DOTS = re.compile(r"\s\.{3,}$")
# "how much", "how many" and a market report's own boilerplate would match every sentence.
_STOP = word_list("stopwords") | {"much", "many", "market", "report", "global"}
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
# a bullet glyph or a list number ('2. **Contamination episodes.**'): no part of the sentence
# a bullet's glyph, not the bold marks that open its text ('**March 2024:** ...')
_BULLET = re.compile(r"^(?:\s|\u2022|-|\*(?!\*\S))+|^\s*\d{1,2}[.)]\s+(?=\D)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FIGURE = re.compile(r"\d")
_ASKED = re.compile(
    r"\b(?:which|what|how many|how much)\s+(?:kind of\s+|type of\s+|sort of\s+)?([a-z]+)(?:\s+([a-z]+))?",
    re.I,
)
MIN_SENTENCE_CHARS = 12
STEM = 5  # words sharing this many first letters count half (acquire/acquired, region/regional)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a report: ``report_text[start:end] == text``; ``overlap`` is filled by matching."""

    text: str
    start: int
    end: int
    report_id: str | None = None
    section: str | None = None
    overlap: float = 0.0  # content words shared with the query that chose it


class PassageLike(Protocol):
    """A retrieved passage: ``text`` begins at offset ``start`` of its report."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def section(self) -> str: ...
    @property
    def report_id(self) -> str: ...


@functools.lru_cache(maxsize=16384)  # every question re-reads the same report sentences
def content_words(text: str) -> frozenset[str]:
    return frozenset(
        american_spelling(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1
    )


# British spellings read as American ones, so 'enrolment' meets 'enrollment' and 'organisation'
# meets 'organization': the question and the report may each use either.
_SPELLINGS = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s?)$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3}[^l])lment(s?)$"), r"llment\1"),
    (re.compile(r"(?<=[a-z]{3})ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s?)$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})mme(s?)$"), r"m\1"),
    (re.compile(r"^sulph"), "sulf"),
    (re.compile(r"^aluminium"), "aluminum"),
)
# Whether any of the patterns above can apply: most words need none of them.
_MAY_BE_BRITISH = re.compile(
    r"(?:is(?:e|ed|es|ing)|isations?|ours?|lments?|ys(?:e|ed|es|ing)|tres?|mmes?)$|^(?:sulph|aluminium)"
)
_KEEP_SPELLING = frozenset(
    "promise premise exercise expertise advise advertise enterprise franchise merchandise".split()
)


def _kept_spelling(word: str) -> bool:
    """'enterprises', 'advised', 'promising': a form of a word spelt '-ise' on both sides of the Atlantic."""
    forms = (
        word,
        word[:-1],
        word[:-2] + "e" if word.endswith("ed") else "",
        word[:-3] + "e" if word.endswith("ing") else "",
    )
    return any(form in _KEEP_SPELLING for form in forms)


@functools.lru_cache(maxsize=16384)  # a report's vocabulary is small; each word is read often
def american_spelling(word: str) -> str:
    """``word`` (lower case) in American spelling: 'organisation' -> 'organization', 'sulphate' -> 'sulfate'."""
    if not _MAY_BE_BRITISH.search(word) or _kept_spelling(word):
        return word
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


@functools.lru_cache(maxsize=4096)  # answers split the same retrieved passages again and again
def sentences(text: str, start: int) -> tuple[Sentence, ...]:
    """Sentences of ``text`` (which begins at offset ``start``), bullets and edges trimmed."""
    found: list[Sentence] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0) != "\n" and _ABBREVIATION.search(text[begin : match.end()]):
            continue
        if _LEADER_DOTS.search(text, begin, match.end()):
            continue  # 'Feb 2025 ... Nordherm AB opened ...': dots that lead a row on, no full stop
        if match.group(0) == "\n" and (
            # ('... Klauwkracht B.V.' at the end of a wrapped line: the name goes on below)
            _wrapped(text, match.start()) or _ABBREVIATION.search(text[begin : match.start()].rstrip())
        ):
            continue
        _add_sentence(text, begin, match.end() if match.group(0) != "\n" else match.start(), start, found)
        begin = match.end()
    _add_sentence(text, begin, len(text), start, found)
    return tuple(found)


# Prose wrapped at a fixed width (Markdown, PDF text, e-mail) breaks lines inside sentences: a
# line at least this long that ends without closing punctuation runs on into the next line.
WRAPPED_LINE_CHARS = 60
_CLOSING = ".!?:;"
_DOT_LEADER = re.compile(r"\S\s*\.{4,}\s*\S")
_NEW_BLOCK = re.compile(r"\s*(?:[-*•#|>]|\d+[.)]\s)")


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` falls inside a sentence of wrapped prose."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    after = text[newline + 1 :]
    if not line or line[-1] in _CLOSING or _DOT_LEADER.search(line):
        return False  # a sentence ends there, or the line is a row ('Base year ...... 2024')
    # A short line runs on too when the next one goes on in lower case ('signed a supply /
    # agreement with'), or when it is the tail of a line the text began inside ('In May 2025, Acme /
    # Sensing Inc. bought ...': a title has no comma).
    runs_on = after[:1].islower() or (line_start == 0 and "," in line)
    if len(line) < WRAPPED_LINE_CHARS and not runs_on:
        return False
    # A blank line, a bullet, a heading or a table row starts something new.
    return bool(after.strip()) and after[:1] != "\n" and not _NEW_BLOCK.match(after)


def _add_sentence(text: str, begin: int, end: int, offset: int, into: list[Sentence]) -> None:
    raw = text[begin:end]
    lead = len(raw) - len(_BULLET.sub("", raw, count=1))
    body = raw[lead:].rstrip()
    if len(body) >= MIN_SENTENCE_CHARS:
        first = offset + begin + lead
        into.append(Sentence(body, first, first + len(body)))


def best_sentences(
    passages: Iterable[PassageLike], query: str, limit: int = 1, want_number: bool = False
) -> list[Sentence]:
    """The sentences of ``passages`` sharing most content words with ``query`` (ties: retrieval order)."""
    wanted = content_words(query)
    # The words right after 'which'/'what'/'how many' name what is asked: they count double.
    focus = {w for m in _ASKED.finditer(query) for w in m.groups() if w} & wanted
    scored: list[tuple[float, int, Sentence]] = []
    for passage in passages:
        found = sentences(passage.text, passage.start)
        if getattr(passage, "mid_sentence", False):
            found = found[1:]  # the passage opens inside a sentence: its first piece is a fragment
        for sentence in found:
            words = content_words(sentence.text)
            overlap = len(wanted & words) + 0.5 * _stem_overlap(wanted, words) + len(focus & words)
            rank = overlap + float(passage.score)
            if want_number and states_figure(sentence.text):
                rank += 1.0
            chosen = replace(sentence, report_id=passage.report_id, section=passage.section, overlap=overlap)
            scored.append((rank, len(scored), chosen))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [s for _, _, s in scored[:limit]]


def states_figure(text: str) -> bool:
    """Whether ``text`` states a figure other than a date ('34% of sites', '560,000 studies')."""
    return bool(_FIGURE.search(_YEAR.sub(" ", text)))


def _stem_overlap(a: AbstractSet[str], b: AbstractSet[str]) -> int:
    """Words that share a stem but are not equal ('acquire'/'acquired'; 'mark'/'marked')."""
    stems_b = {w[:STEM] for w in b if len(w) >= STEM}
    shared = 0
    for w in a:
        if w in b:
            continue
        if (len(w) >= STEM and w[:STEM] in stems_b) or (
            len(w) == STEM - 1 and any(x.startswith(w) for x in b)
        ):
            shared += 1
    return shared


# A sentence that leans on the one before it: 'This is why ...', 'Belgium and France are the most
# prominent examples, which ...'.
_LEANS_BACK = re.compile(
    r"(?:This|These|Those|Such|That)\b|[^.,;]{0,60}\b(?:is|are)\s+(?:the\s+)?(?:most\s+|best\s+)?"
    r"(?:prominent|notable|obvious|clearest|main|leading|best-known)?\s*examples?\b"
)


def leans_back(text: str) -> bool:
    """Whether a sentence says what it says of something the sentence before it names."""
    return bool(_LEANS_BACK.match(text))


def sentence_before(sentence: Sentence, passages: Iterable[PassageLike]) -> list[Sentence]:
    """The sentence right before ``sentence`` in its passage, if it has one."""
    for found in passages:
        if found.start <= sentence.start < found.start + len(found.text):
            earlier = [s for s in sentences(found.text, found.start) if s.end <= sentence.start]
            return earlier[-1:]
    return []
