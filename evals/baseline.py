"""A plain retrieval-augmented baseline: no tools, no planner, no conversation.

It retrieves the top passages for the question and answers with the single sentence that shares the
most words with it, quoted verbatim with its offsets. Run beside the assistant in the same harness,
it shows what the tools (forecasting, lookups, abstention, follow-ups) add.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant import Answer, Citation

if TYPE_CHECKING:
    from assistant import Retriever

_SENTENCE = re.compile(r"(?:[^\n.!?]|[.!?](?=\S))+[.!?]?")  # "6.71" and "U.S." do not end one
_WORD = re.compile(r"[a-z0-9]+(?:[.'&][a-z0-9]+)*")
_STOP_WORDS = """a an and are as at be by did do does for from how in is it its of on or the this to was
what whats when where which who why will with market smo s"""
_STOP = frozenset(_STOP_WORDS.split())


def words(text: str) -> set[str]:
    """Content words of ``text``, lower case, stop words dropped."""
    return {w for w in _WORD.findall(text.casefold()) if w not in _STOP}


@dataclass(frozen=True)
class Sentence:
    report_id: str
    section: str
    start: int
    end: int
    text: str
    rank: int
    score: float


def sentences(passage: Any, rank: int) -> list[Sentence]:
    """Sentences (or bullet lines) of a passage with offsets into the report text."""
    found = []
    for match in _SENTENCE.finditer(passage.text):
        raw = match.group(0)
        stripped = raw.strip(" \t\u2022\u00a0")
        if len(stripped) < 3:
            continue
        offset = match.start() + raw.index(stripped)
        found.append(
            Sentence(
                report_id=passage.report_id,
                section=passage.section,
                start=passage.start + offset,
                end=passage.start + offset + len(stripped),
                text=stripped,
                rank=rank,
                score=float(passage.score),
            )
        )
    return found


class RetrievalBaseline:
    """Extractive answers from the top ``k`` passages; every answer is one verbatim sentence."""

    name = "baseline"

    def __init__(self, retriever: Retriever, k: int = 4) -> None:
        self.retriever = retriever
        self.k = k

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer:
        """Answer ``question`` with the best-matching sentence; history is ignored by design."""
        started = time.perf_counter()
        cleaned = question.strip()
        if not cleaned:
            return self._answer(question, "rejected", "Please type a question.", None, started)
        passages = self.retriever.search(cleaned, k=self.k, report_id=report_id)
        query = words(cleaned)
        candidates = [s for rank, p in enumerate(passages) for s in sentences(p, rank)]
        if not candidates:
            return self._answer(question, "unanswerable", "No passage matches the question.", None, started)
        # Word overlap first, then the retriever's own similarity, then passage order.
        best = max(candidates, key=lambda s: (len(query & words(s.text)), s.score, -s.rank, -s.start))
        return self._answer(question, "answered", best.text, best, started)

    def _answer(self, question: str, status: str, text: str, best: Sentence | None, started: float) -> Answer:
        citations = []
        if best is not None:
            citations.append(
                Citation(
                    report_id=best.report_id,
                    section=best.section,
                    quote=best.text,
                    start=best.start,
                    end=best.end,
                )
            )
        return Answer(
            question=question,
            status=status,
            text=text,
            citations=citations,
            report_id=best.report_id if best else None,
            backend=self.name,
            latency_ms=(time.perf_counter() - started) * 1000,
        )
