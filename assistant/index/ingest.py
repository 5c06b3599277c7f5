"""Ingest report files into the store: parse, chunk, embed in batches, swap in safely.

Idempotent. An unchanged report (same content hash, chunker and parser, all its chunks present) costs a
parse and one lookup, no embedding. A changed report is swapped in an order that keeps the previous
version answering if anything fails half-way:

1. add the chunks whose ids are new (unchanged passages keep their ids and embeddings),
2. rewrite the offsets of the reused chunks,
3. replace the report record (its JSON, content hash and chunk count),
4. delete the chunks the new version no longer has.

A failure before step 3 leaves the old record (old hash) so the next ingest redoes the report; a
failure after it leaves extra chunks, which the chunk-count check also catches.

Fresh chunks are pooled across reports and embedded in length-sorted batches of
``settings.embedding.batch_size`` (little padding); each report is swapped in as soon as all of its
chunks are stored. A report's own vector (for routing) is the mean of its passage vectors.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field
from tqdm import tqdm

from assistant.domain.report import Report
from assistant.errors import ReportError
from assistant.index.chunking import CHUNKER_VERSION, FULL_TEXT_SECTION, Chunk, chunk_report
from assistant.index.embedder import Embedder
from assistant.index.embeddings import embed_headings, get_passage_embedder, passage_vectors
from assistant.index.store import ChromaStore, StoredReport, VectorStore
from assistant.parsing.parse import PARSER_VERSION
from assistant.settings import Settings

log = logging.getLogger(__name__)

# Fresh chunks pooled (in batches) before embedding; bounds how many parsed reports wait in memory.
WINDOW_BATCHES = 8


class IngestResult(BaseModel):
    """What an ingest did; report ids in each list, errors keyed by file path."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    chunks: dict[str, int] = Field(default_factory=dict, description="Report id to its stored chunks.")
    chunks_embedded: int = Field(default=0, description="Passages embedded by this run.")
    chunks_deleted: int = Field(default=0, description="Stale passages deleted by this run.")
    errors: dict[str, str] = Field(default_factory=dict, description="File path to its error message.")

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line, e.g. ``1 report(s): 1 added, 0 updated, 0 unchanged, 0 removed, 0 failed; ...``."""
        seen = len(self.added) + len(self.updated) + len(self.unchanged) + len(self.errors)
        return (
            f"{seen} report(s): {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, {len(self.errors)} failed; "
            f"{self.chunks_embedded} chunk(s) embedded, {self.chunks_deleted} deleted, "
            f"{sum(self.chunks.values())} stored"
        )


def _files(settings: Settings, paths: list[Path] | None, errors: dict[str, str]) -> list[Path]:
    from assistant.parsing.parse import discover_reports

    if paths is None:
        folder = settings.corpus_dir
        if not folder.is_dir():
            raise ReportError(folder, "the corpus folder does not exist (set ASSISTANT_CORPUS_DIR)")
        return discover_reports(folder)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(discover_reports(path))
        elif path.is_file():
            files.append(path)
        else:
            errors[str(path)] = f"{path}: no such file or folder"
    return files


def _is_unchanged(store: VectorStore, record: StoredReport | None, report: Report) -> bool:
    return (
        record is not None
        and record.content_hash == report.content_hash
        and record.chunker == CHUNKER_VERSION
        and record.parser == PARSER_VERSION
        and store.count(report.id) == record.chunks  # catches a swap that died before its cleanup
    )


@dataclass(eq=False)  # compared by identity: equality would compare whole reports
class _Plan:
    """A new or changed report waiting for its fresh chunks to be embedded and stored."""

    report: Report
    chunks: list[Chunk]
    existing: set[str]
    update: bool
    vectors: dict[str, list[float]] = field(default_factory=dict)  # fresh chunk id -> stored vector
    fresh: list[Chunk] = field(init=False)

    def __post_init__(self) -> None:
        self.fresh = [c for c in self.chunks if c.id not in self.existing]


class _Pipeline:
    """Embeds fresh chunks across reports and swaps each report in once all its chunks are stored.

    Chunks are pooled over reports and sorted by length within a window before being cut into
    batches, so a batch pads little (one report's chunks range from 20 to 200 tokens).
    """

    def __init__(self, settings: Settings, store: VectorStore, embedder: Embedder | None, bar: tqdm) -> None:
        self.settings = settings
        self.store = store
        self._embedder = embedder
        self.bar = bar
        self.batch = settings.embedding.batch_size
        self.window = self.batch * WINDOW_BATCHES
        self.waiting: list[_Plan] = []
        self.headings: dict[str, list[float]] = {}  # heading -> vector, embedded once per ingest
        self.result = IngestResult()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:  # loaded only when something needs embedding
            self._embedder = get_passage_embedder(self.settings)
        return self._embedder

    def submit(self, plan: _Plan) -> None:
        if not plan.fresh:  # nothing to embed (e.g. only offsets moved): swap it in right away
            self._swap([plan])
            return
        self.waiting.append(plan)
        if sum(len(p.fresh) - len(p.vectors) for p in self.waiting) >= self.window:
            self.flush()

    def flush(self) -> None:
        """Embed everything waiting, in length-sorted batches; finish each report as it completes."""
        pending = [(p, c) for p in self.waiting for c in p.fresh if c.id not in p.vectors]
        if pending:
            embed_headings(
                self.embedder, sorted({_heading(c) or "" for _, c in pending} - {""}), self.headings
            )
        pending.sort(key=lambda pc: pc[1].tokens)
        for i in range(0, len(pending), self.batch):
            batch = pending[i : i + self.batch]
            chunks = [c for _, c in batch]
            vectors = passage_vectors(
                self.embedder, [c.text for c in chunks], [_heading(c) for c in chunks], self.headings
            )
            self.store.add(chunks, vectors)
            for (plan, chunk), vector in zip(batch, vectors, strict=True):
                plan.vectors[chunk.id] = vector
            self.result.chunks_embedded += len(batch)
            self.bar.set_postfix_str(f"{self.result.chunks_embedded} chunks embedded", refresh=False)
            self._finish_complete()
        self._finish_complete()

    def _finish_complete(self) -> None:
        done = [p for p in self.waiting if len(p.vectors) == len(p.fresh)]
        if done:
            self.waiting = [p for p in self.waiting if p not in done]
            self._swap(done)

    def _swap(self, plans: list[_Plan]) -> None:
        """Steps 2-4 of the module docstring for reports whose fresh chunks are all stored (step 1).

        Reports finishing together are written together: one write per step, not per report.
        """
        reused = {p.report.id: [c for c in p.chunks if c.id in p.existing] for p in plans}
        self.store.update_offsets([c for chunks in reused.values() for c in chunks])
        records = [(p.report, len(p.chunks), self._report_vector(p, reused[p.report.id])) for p in plans]
        self.store.put_reports(records)
        stale = [i for p in plans for i in p.existing - {c.id for c in p.chunks}]
        self.store.delete_chunks(stale)
        self.result.chunks_deleted += len(stale)
        for plan in plans:
            (self.result.updated if plan.update else self.result.added).append(plan.report.id)
            self.result.chunks[plan.report.id] = len(plan.chunks)
            log.info("%s: %s chunks stored", plan.report.id, len(plan.chunks))
        self.bar.update(len(plans))

    def _report_vector(self, plan: _Plan, reused: list[Chunk]) -> list[float]:
        """The report's vector: the normalised mean of its passage vectors (no extra embedding)."""
        vectors = list(plan.vectors.values()) + self.store.get_vectors([c.id for c in reused])
        if not vectors:  # a report with no indexable text: embed its title instead
            label = ". ".join(x for x in (plan.report.title, plan.report.market) if x)
            return self.embedder.embed_documents([label])[0]
        mean = np.mean(np.asarray(vectors, dtype=np.float64), axis=0)
        return [float(x) for x in mean / (np.linalg.norm(mean) or 1.0)]


def _heading(chunk: Chunk) -> str | None:
    return None if chunk.section == FULL_TEXT_SECTION else chunk.section


def ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    progress: bool = True,
    *,
    store: VectorStore | None = None,
    embedder: Embedder | None = None,
) -> IngestResult:
    """Ingest ``paths`` (files or folders), or every report in ``settings.corpus_dir`` if None.

    Only a whole-corpus ingest deletes stored reports whose file is gone. A file that fails is
    recorded in ``errors`` (path to message) and the others go on. ``store`` and ``embedder`` default
    to the ones ``settings`` names.
    """
    from assistant.parsing.parse import parse_report

    errors: dict[str, str] = {}
    files = _files(settings, paths, errors)
    store = store or ChromaStore(settings, create=True)
    records = {r.id: r for r in store.report_records()}
    seen: dict[str, Path] = {}
    failed_names: set[str] = set()
    show = progress and sys.stderr.isatty()
    with tqdm(total=len(files), unit="report", file=sys.stderr, disable=not show, desc="ingest") as bar:
        pipe = _Pipeline(settings, store, embedder, bar)
        result = pipe.result
        result.errors.update(errors)
        for path in files:
            try:
                report = parse_report(path)
                if report.id in seen:
                    raise ReportError(path, f"report id {report.id!r} is already taken by {seen[report.id]}")
                seen[report.id] = path
                record = records.get(report.id)
                if _is_unchanged(store, record, report):
                    assert record is not None
                    result.unchanged.append(report.id)
                    result.chunks[report.id] = record.chunks
                    bar.update(1)
                    continue
                chunks = chunk_report(report, settings.chunking)
                pipe.submit(_Plan(report, chunks, store.chunk_ids(report.id), update=record is not None))
            except (ReportError, OSError, UnicodeError) as exc:
                failed_names.add(path.name)
                result.errors[str(path)] = str(exc) if isinstance(exc, ReportError) else f"{path}: {exc}"
                log.warning("%s", result.errors[str(path)])
                bar.update(1)
        pipe.flush()
    for ids in (result.added, result.updated):
        ids.sort()
    if paths is None:
        for record in records.values():
            if record.id not in seen and Path(record.path).name not in failed_names:
                store.delete_report(record.id)
                result.removed.append(record.id)
                result.chunks_deleted += record.chunks
                log.info("%s: removed (its file is gone)", record.id)
    return result
