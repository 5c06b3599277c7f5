"""Embedding and swapping in new and changed reports (steps of ``assistant.index.ingest``).

Fresh chunks are pooled across reports and embedded in length-sorted batches of
``settings.embedding.batch_size`` (little padding); each report is swapped in as soon as all of its
chunks are stored. A report's own vector (for routing) is the mean of its passage vectors. Free disk
space is checked before each window of chunks is embedded, so a disk that cannot take them stops the
ingest before anything of the window is written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, Field

from assistant.domain.report import Report
from assistant.index.chunking import FULL_TEXT_SECTION, Chunk
from assistant.index.embedder import Embedder
from assistant.index.embeddings import embed_headings, get_passage_embedder, passage_vectors
from assistant.index.lock import Lock
from assistant.index.progress import Progress
from assistant.index.space import check_space, estimate
from assistant.index.store import VectorStore
from assistant.settings import Settings

log = logging.getLogger(__name__)

# Fresh chunks pooled (in batches) before embedding; bounds how many parsed reports wait in memory.
WINDOW_BATCHES = 8
REPORT_JSON_FACTOR = 3  # a stored report's JSON is about this many times its text (sections, spans)


class IngestResult(BaseModel):
    """What an ingest did; report ids in each list, messages keyed by file path."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    chunks: dict[str, int] = Field(default_factory=dict, description="Report id to its stored chunks.")
    chunks_embedded: int = Field(default=0, description="Passages embedded by this run.")
    chunks_deleted: int = Field(default=0, description="Stale passages deleted by this run.")
    files: int = Field(default=0, description="Report files read by this run.")
    errors: dict[str, str] = Field(default_factory=dict, description="File path to its error message.")
    skipped: dict[str, str] = Field(
        default_factory=dict, description="File path to why it was left out (a copy, a hidden file)."
    )
    replaced: dict[str, str] = Field(
        default_factory=dict, description="Report id to the stored path it was replaced from (--replace)."
    )

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line, e.g. ``1 report(s): 1 added, 0 updated, 0 unchanged, 0 removed, 0 failed; ...``."""
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (
            f"{self.files} report(s): {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, {len(self.errors)} failed"
            f"{skipped}; {self.chunks_embedded} chunk(s) embedded, {self.chunks_deleted} deleted, "
            f"{sum(self.chunks.values())} stored"
        )


@dataclass(eq=False)  # compared by identity: equality would compare whole reports
class Plan:
    """A new or changed report waiting for its fresh chunks to be embedded and stored."""

    report: Report
    chunks: list[Chunk]
    existing: set[str]
    update: bool
    vectors: dict[str, list[float]] = field(default_factory=dict)  # fresh chunk id -> stored vector
    fresh: list[Chunk] = field(init=False)

    def __post_init__(self) -> None:
        self.fresh = [c for c in self.chunks if c.id not in self.existing]


class Pipeline:
    """Embeds fresh chunks across reports and swaps each report in once all its chunks are stored.

    Chunks are pooled over reports and sorted by length within a window before being cut into
    batches, so a batch pads little (one report's chunks range from 20 to 200 tokens).
    """

    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        embedder: Embedder | None,
        progress: Progress,
        lock: Lock,
        result: IngestResult,
    ) -> None:
        self.settings = settings
        self.store = store
        self._embedder = embedder
        self.progress = progress
        self.lock = lock
        self.batch = settings.embedding.batch_size
        self.window = self.batch * WINDOW_BATCHES
        self.waiting: list[Plan] = []
        self.headings: dict[str, list[float]] = {}  # heading -> vector, embedded once per ingest
        self.result = result

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:  # loaded only when something needs embedding
            log.info("loading the embedding model")
            with self.progress.loading_model():
                self._embedder = get_passage_embedder(self.settings)
        return self._embedder

    def submit(self, plan: Plan) -> None:
        if not plan.fresh:  # nothing to embed (e.g. only offsets moved): swap it in right away
            need = estimate(0, 0, REPORT_JSON_FACTOR * len(plan.report.text))
            check_space(self.settings, need, f"the report {plan.report.id}")
            self._swap([plan])
            return
        self.waiting.append(plan)
        if sum(len(p.fresh) - len(p.vectors) for p in self.waiting) >= self.window:
            self.flush()

    def flush(self) -> None:
        """Embed everything waiting, in length-sorted batches; finish each report as it completes."""
        pending = [(p, c) for p in self.waiting for c in p.fresh if c.id not in p.vectors]
        if pending:
            reports = sum(REPORT_JSON_FACTOR * len(p.report.text) for p in self.waiting)
            need = estimate(len(pending), sum(len(c.text) for _, c in pending), reports)
            check_space(self.settings, need, f"{len(pending)} passages of {len(self.waiting)} report(s)")
            embed_headings(
                self.embedder, sorted({heading(c) or "" for _, c in pending} - {""}), self.headings
            )
        pending.sort(key=lambda pc: pc[1].tokens)
        for i in range(0, len(pending), self.batch):
            batch = pending[i : i + self.batch]
            chunks = [c for _, c in batch]
            vectors = passage_vectors(
                self.embedder, [c.text for c in chunks], [heading(c) for c in chunks], self.headings
            )
            self.store.add(chunks, vectors)
            for (plan, chunk), vector in zip(batch, vectors, strict=True):
                plan.vectors[chunk.id] = vector
            self.result.chunks_embedded += len(batch)
            self.progress.embedded(self.result.chunks_embedded)
            self.progress.stored(sum(1 / len(plan.fresh) for plan, _ in batch))
            self.lock.renew()
            self._finish_complete()
        self._finish_complete()

    def _finish_complete(self) -> None:
        done = [p for p in self.waiting if len(p.vectors) == len(p.fresh)]
        if done:
            self.waiting = [p for p in self.waiting if p not in done]
            self._swap(done)

    def _swap(self, plans: list[Plan]) -> None:
        """Steps 2-4 of ``assistant.index.ingest`` for reports whose fresh chunks are all stored
        (step 1), then a new version stamp. Reports finishing together are written together."""
        reused = {p.report.id: [c for c in p.chunks if c.id in p.existing] for p in plans}
        self.store.update_offsets([c for chunks in reused.values() for c in chunks])
        records = [(p.report, len(p.chunks), self._report_vector(p, reused[p.report.id])) for p in plans]
        self.store.put_reports(records)
        stale = [i for p in plans for i in p.existing - {c.id for c in p.chunks}]
        self.store.delete_chunks(stale)
        self.store.mark_changed()
        self.result.chunks_deleted += len(stale)
        for plan in plans:
            (self.result.updated if plan.update else self.result.added).append(plan.report.id)
            self.result.chunks[plan.report.id] = len(plan.chunks)
            log.info("%s: %s chunks stored", plan.report.id, len(plan.chunks))
        self.progress.stored(sum(1 for p in plans if not p.fresh))  # the others counted as embedded

    def _report_vector(self, plan: Plan, reused: list[Chunk]) -> list[float]:
        """The report's vector: the normalised mean of its passage vectors (no extra embedding)."""
        vectors = list(plan.vectors.values()) + self.store.get_vectors([c.id for c in reused])
        if not vectors:  # a report with no indexable text: embed its title instead
            label = ". ".join(x for x in (plan.report.title, plan.report.market) if x)
            return self.embedder.embed_documents([label])[0]
        mean = np.mean(np.asarray(vectors, dtype=np.float64), axis=0)
        return [float(x) for x in mean / (np.linalg.norm(mean) or 1.0)]


def heading(chunk: Chunk) -> str | None:
    return None if chunk.section == FULL_TEXT_SECTION else chunk.section
