"""Turning tool results into verbatim citations: whole fact quotes, or the one sentence of a
retrieved passage that best answers the question, with offsets into the report text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?](?=\s|$)|$)|[^\n]+", re.M)
_STOP = frozenset(
    "a an the of in on at to for by and or is are was were be will what which who whom how much many "
    "does do did the this that these those it its as with from market report global about than".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_BULLET = re.compile(r"^[\s\u2022\-*]+")


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def sentences(text: str, start: int) -> list[dict[str, Any]]:
    """Sentences of ``text`` (which begins at offset ``start``) as quotes with offsets."""
    found: list[dict[str, Any]] = []
    for match in _SENTENCE.finditer(text):
        raw = match.group(0)
        lead = len(_BULLET.match(raw).group(0)) if _BULLET.match(raw) else 0
        body = raw[lead:].rstrip()
        if len(body) < 12:
            continue
        begin = start + match.start() + lead
        found.append({"quote": body, "start": begin, "end": begin + len(body)})
    return found


def best_sentences(
    passages: Iterable[dict[str, Any]], query: str, limit: int = 1, want_number: bool = False
) -> list[dict[str, Any]]:
    """The sentences of ``passages`` sharing most content words with ``query`` (ties: retrieval order)."""
    wanted = content_words(query)
    scored: list[tuple[float, int, dict[str, Any]]] = []
    order = 0
    for passage in passages:
        for sentence in sentences(passage["text"], passage["start"]):
            words = content_words(sentence["quote"])
            overlap = len(wanted & words) + 0.5 * _stem_overlap(wanted, words)
            if want_number and re.search(r"\d", sentence["quote"]):
                overlap += 1.0
            sentence = {**sentence, "report_id": passage.get("report_id"), "section": passage.get("section")}
            scored.append((overlap + float(passage.get("score", 0.0)), order, sentence))
            order += 1
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [{**s, "overlap": round(score, 3)} for score, _, s in scored[:limit]]


def _stem_overlap(a: set[str], b: set[str]) -> int:
    """Words that share a 5-letter stem (acquire/acquired, region/regional) but are not equal."""
    stems_b = {w[:5] for w in b if len(w) >= 5}
    return sum(1 for w in a if len(w) >= 5 and w not in b and w[:5] in stems_b)


def sub_quote(quote: dict[str, Any], needle_pattern: str) -> dict[str, Any] | None:
    """The sentence of a fact quote that matches ``needle_pattern`` (case-insensitive)."""
    for sentence in sentences(quote["text"], quote["start"]):
        if re.search(needle_pattern, sentence["quote"], re.I):
            return sentence
    return None
