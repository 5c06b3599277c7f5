"""Turning tool results into verbatim citations: whole fact quotes, or the one sentence of a
retrieved passage that best answers the question, with offsets into the report text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assistant.text.words import word_list

_BOUNDARY = re.compile(r"[.!?]['\u2019\u201d]?(?=\s+['\u2018\u201c\"(]?[A-Z0-9])|\n")
# A full stop after these does not end a sentence ("U.S. Food", "Pvt. Ltd.", "Co., LTD").
_ABBREVIATION = re.compile(r"(\b[A-Z]|\b[A-Z]\.[A-Z]|Ltd|Co|Inc|Pvt|vs|e\.g|i\.e|Dr|St|No|approx)\.$")
# "how much", "how many" and the market's own name would match every sentence.
_STOP = word_list("stopwords") | {"much", "many", "market", "report", "global"}
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_BULLET = re.compile(r"^[\s\u2022\-*]+")


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def sentences(text: str, start: int) -> list[dict[str, Any]]:
    """Sentences of ``text`` (which begins at offset ``start``) as quotes with offsets."""
    found: list[dict[str, Any]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0) != "\n" and _ABBREVIATION.search(text[begin : match.end()]):
            continue
        _add_sentence(text, begin, match.end() if match.group(0) != "\n" else match.start(), start, found)
        begin = match.end()
    _add_sentence(text, begin, len(text), start, found)
    return found


def _add_sentence(text: str, begin: int, end: int, offset: int, into: list[dict[str, Any]]) -> None:
    raw = text[begin:end]
    lead = len(raw) - len(_BULLET.sub("", raw, count=1))
    body = raw[lead:].rstrip()
    if len(body) >= 12:
        into.append({"quote": body, "start": offset + begin + lead, "end": offset + begin + lead + len(body)})


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
            rank = overlap + float(passage.get("score", 0.0))
            if want_number and re.search(r"\d", sentence["quote"]):
                rank += 1.0
            sentence = {
                **sentence,
                "report_id": passage.get("report_id"),
                "section": passage.get("section"),
                "overlap": overlap,  # shared content words: the lexical evidence alone
            }
            scored.append((rank, order, sentence))
            order += 1
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [s for _, _, s in scored[:limit]]


def _stem_overlap(a: set[str], b: set[str]) -> int:
    """Words that share a 5-letter stem (acquire/acquired, region/regional) but are not equal."""
    stems_b = {w[:5] for w in b if len(w) >= 5}
    return sum(1 for w in a if len(w) >= 5 and w not in b and w[:5] in stems_b)
