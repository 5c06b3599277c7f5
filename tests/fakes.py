"""Fakes for unit tests that need no model, no torch and no Chroma.

``ReportFacts`` serves a parsed report's fact sheet the way the agent does, and ``ReportSearcher``
ranks the report's real chunks by shared word stems, so the planner's scripts run through the real
tool loop and real tools in milliseconds.

A deterministic embedder for unit tests that need vectors but not the model:

``HashingEmbedder`` hashes each lower-cased word (and each pair of neighbouring words) into one of
384 buckets with a sign, and normalises the sum: texts sharing words get similar vectors, the same
text always gets the same vector, and nothing is loaded. It satisfies ``assistant.index.embedder.
Embedder``; tests that are about ranking quality use the real packaged model instead.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from assistant.domain.report import Report
from assistant.index.chunking import chunk_report
from assistant.settings import ChunkingSettings
from assistant.text.tokens import stems
from tools.search import Passage

DIMENSION = 384
_WORD = re.compile(r"\w+")


class HashingEmbedder:
    """Bag of hashed words and word pairs, L2-normalised; counts the texts it embeds."""

    def __init__(self, name: str = "hashing-fake", dimension: int = DIMENSION) -> None:
        self._name = name
        self._dimension = dimension
        self.documents_embedded = 0
        self.calls: list[int] = []

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    def _vector(self, text: str) -> list[float]:
        words = _WORD.findall(text.lower())
        features = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        vector = [0.0] * self._dimension
        for feature in features or [""]:
            digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % self._dimension
            vector[bucket] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(x * x for x in vector))
        if norm == 0.0:  # every feature cancelled out: still a unit vector
            vector[0], norm = 1.0, 1.0
        # float32 values, as a model gives (and as the vector cache stores them)
        return np.asarray([x / norm for x in vector], dtype=np.float32).tolist()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        self.calls.append(len(texts))
        self.documents_embedded += len(texts)
        return [self._vector(t) for t in texts]

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
