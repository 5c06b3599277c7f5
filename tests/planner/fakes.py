"""Fakes for planner unit tests: no torch, no Chroma, no model files.

``HashEmbedder`` turns text into a bag of hashed word buckets (identical wordings embed identically,
shared words make vectors near), ``ReportFacts`` serves a parsed report's fact sheet the way the
agent does, and ``ReportSearcher`` ranks the report's real chunks with BM25.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.domain.report import Report
from assistant.index.chunking import chunk_report
from assistant.index.lexical import LexicalIndex
from assistant.settings import ChunkingSettings
from tools.search import Passage

DIMENSION = 384
_WORD = re.compile(r"[a-z0-9]+")


class HashEmbedder:
    """A deterministic stand-in for the MiniLM: each word adds 1 to a hashed bucket; unit length."""

    name = "hash-embedder"
    dimension = DIMENSION

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * DIMENSION
        for word in _WORD.findall(text.lower()):
            bucket = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
            vector[bucket % DIMENSION] += 1.0
        norm = math.sqrt(sum(x * x for x in vector)) or 1.0
        return [x / norm for x in vector]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class ReportFacts:
    """The fact tool's source for one parsed report."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def fact_sheet(self, report_id: str | None) -> Mapping[str, Any]:
        if report_id not in (None, self.report.id):
            raise LookupError(f"no report with id {report_id!r}")
        return {
            **self.report.facts.model_dump(mode="json"),
            "consistency": self.report.consistency.model_dump(mode="json"),
            "report_id": self.report.id,
        }


class ReportSearcher:
    """BM25 over the report's real chunks; scores scaled to 0..1 like the dense search's."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.index = LexicalIndex(chunk_report(report, ChunkingSettings()))

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Passage]:
        hits = self.index.search(query, k)
        top = max((score for _, score in hits), default=1.0) or 1.0
        return [
            Passage(
                report_id=chunk.report_id,
                section=chunk.section,
                start=chunk.start,
                end=chunk.end,
                text=chunk.text,
                score=score / top * 0.6,
            )
            for chunk, score in hits
        ]
