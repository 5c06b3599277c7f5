"""Ingest report files into the store: parse, chunk, embed in batches, swap in safely.

Idempotent. An unchanged report (same content hash, same chunker, all its chunks present) costs a
parse and one lookup, no embedding. A changed report is swapped in an order that keeps the previous
version answering if anything fails half-way:

1. add the chunks whose ids are new (unchanged passages keep their ids and embeddings),
2. rewrite the offsets of the reused chunks,
3. replace the report record (its JSON, content hash and chunk count),
4. delete the chunks the new version no longer has.

A failure before step 3 leaves the old record (old hash) so the next ingest redoes the report; a
failure after it leaves extra chunks, which the chunk-count check also catches.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, Field
from tqdm import tqdm

from assistant.chunking import CHUNKER_VERSION, FULL_TEXT_SECTION, Chunk, chunk_report
from assistant.embeddings import Embedder, get_embedder, passage_vectors
from assistant.errors import ReportError
from assistant.report import Report
from assistant.settings import Settings
from assistant.store import ChromaStore, StoredReport, VectorStore

log = logging.getLogger(__name__)


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


def _batches(items: Sequence[Chunk], size: int) -> Iterable[Sequence[Chunk]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _files(settings: Settings, paths: list[Path] | None, result: IngestResult) -> list[Path]:
    from assistant.parsing import discover_reports

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
            result.errors[str(path)] = f"{path}: no such file or folder"
    return files


def _is_unchanged(store: VectorStore, record: StoredReport | None, report: Report) -> bool:
    return (
        record is not None
        and record.content_hash == report.content_hash
        and record.chunker == CHUNKER_VERSION
        and store.count(report.id) == record.chunks  # catches a swap that died before its cleanup
    )


def _store_report(
    report: Report,
    settings: Settings,
    store: VectorStore,
    embedder: Embedder,
    bar: tqdm,
    result: IngestResult,
) -> int:
    """Swap ``report`` into the store (steps 1-4 of the module docstring); returns its chunk count."""
    chunks = chunk_report(report, settings.chunking)
    existing = store.chunk_ids(report.id)
    fresh = [c for c in chunks if c.id not in existing]
    reused = [c for c in chunks if c.id in existing]
    for batch in _batches(fresh, settings.embedding.batch_size):
        headings = [None if c.section == FULL_TEXT_SECTION else c.section for c in batch]
        store.add(batch, passage_vectors(embedder, [c.text for c in batch], headings))
        result.chunks_embedded += len(batch)
        bar.set_postfix_str(f"{report.id}: {result.chunks_embedded} chunks embedded", refresh=False)
    store.update_offsets(reused)
    label = ". ".join(x for x in (report.title, report.market) if x)
    store.put_report(report, len(chunks), embedder.embed_documents([label])[0])
    stale = existing - {c.id for c in chunks}
    store.delete_chunks(stale)
    result.chunks_deleted += len(stale)
    return len(chunks)


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
    from assistant.parsing import parse_report

    result = IngestResult()
    files = _files(settings, paths, result)
    store = store or ChromaStore(settings, create=True)
    records = {r.id: r for r in store.report_records()}
    seen: dict[str, Path] = {}
    failed_names: set[str] = set()
    show = progress and sys.stderr.isatty()
    with tqdm(total=len(files), unit="report", file=sys.stderr, disable=not show, desc="ingest") as bar:
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
                else:
                    if embedder is None:
                        embedder = get_embedder(settings)
                    n = _store_report(report, settings, store, embedder, bar, result)
                    (result.updated if record else result.added).append(report.id)
                    result.chunks[report.id] = n
                    log.info("%s: %s chunks stored", report.id, n)
            except (ReportError, OSError, UnicodeError) as exc:
                failed_names.add(path.name)
                result.errors[str(path)] = str(exc) if isinstance(exc, ReportError) else f"{path}: {exc}"
                log.warning("%s", result.errors[str(path)])
            bar.update(1)
    if paths is None:
        for record in records.values():
            if record.id not in seen and Path(record.path).name not in failed_names:
                store.delete_report(record.id)
                result.removed.append(record.id)
                result.chunks_deleted += record.chunks
                log.info("%s: removed (its file is gone)", record.id)
    return result
