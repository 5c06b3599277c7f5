"""Fakes for planner unit tests: no torch, no Chroma, no model files.

``HashEmbedder`` turns text into a bag of hashed word buckets (identical wordings embed identically,
shared words make vectors near), ``ReportFacts`` serves a parsed report's fact sheet the way the
agent does, and ``ReportSearcher`` ranks the report's real chunks by shared word stems.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.domain.report import Report
from assistant.index.chunking import chunk_report
from assistant.settings import ChunkingSettings
from assistant.text.tokens import stems
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
            "identity": self.report.identity.model_dump(mode="json"),
            "report_id": self.report.id,
        }


class ReportSearcher:
    """Ranks the report's real chunks by the stems they and their section heading share with the
    query (the dense search blends the heading in too); scores fall in 0..1 like the dense search's."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.chunks = chunk_report(report, ChunkingSettings())

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Passage]:
        wanted = stems(query)
        scored = []
        for order, chunk in enumerate(self.chunks):
            shared = len(wanted & stems(chunk.text)) + 2 * len(wanted & stems(chunk.section))
            scored.append((shared / (2 * len(wanted) or 1), order, chunk))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [
            Passage(
                report_id=chunk.report_id,
                section=chunk.section,
                start=chunk.start,
                end=chunk.end,
                text=chunk.text,
                score=min(1.0, score),
            )
            for score, _, chunk in scored[:k]
        ]
