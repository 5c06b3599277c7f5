"""Ingest report files into the store: parse, chunk, embed in batches, swap in safely.

Idempotent. An unchanged report (same content hash, chunker, parser and record layout, all its chunks
present) costs a parse and one lookup, no embedding. A changed report is swapped in an order that keeps
the previous version answering if anything fails half-way:

1. add the chunks whose ids are new (unchanged passages keep their ids and embeddings),
2. rewrite the offsets of the reused chunks,
3. replace the report record (its JSON, content hash and chunk count),
4. delete the chunks the new version no longer has,

and then write a new version stamp, by which running assistants learn that the store changed. A
failure before step 3 leaves the old record (old hash) so the next ingest redoes the report; a failure
after it leaves extra chunks, which the chunk-count check also catches.

Before writing: one ingest at a time per store (``assistant.index.lock``); enough free disk for what
is about to be written (``assistant.index.space``); one report per id and one id per content
(``assistant.index.identities``). Hidden files and copies are skipped with a reason; each failing
file is reported once, in ``errors``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from assistant.errors import ReportError
from assistant.index.chunking import CHUNKER_VERSION, chunk_report
from assistant.index.embedder import Embedder
from assistant.index.files import report_files
from assistant.index.identities import Identities
from assistant.index.lock import Lock, ingest_lock
from assistant.index.pipeline import IngestResult, Pipeline, Plan
from assistant.index.progress import Progress
from assistant.index.records import RECORD_VERSION, StoredReport
from assistant.index.space import check_space
from assistant.index.store import ChromaStore, VectorStore
from assistant.parsing.parse import parse_report
from assistant.parsing.version import PARSER_VERSION
from assistant.settings import Settings

__all__ = ["IngestResult", "ingest"]

log = logging.getLogger(__name__)


def _is_unchanged(store: VectorStore, record: StoredReport | None, content_hash: str) -> bool:
    return (
        record is not None
        and record.content_hash == content_hash
        and record.chunker == CHUNKER_VERSION
        and record.parser == PARSER_VERSION
        and record.record == RECORD_VERSION
        and store.count(record.id) == record.chunks  # catches a swap that died before its cleanup
    )


def ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    progress: bool = True,
    *,
    store: VectorStore | None = None,
    embedder: Embedder | None = None,
    replace: bool = False,
    progress_file: TextIO | None = None,
) -> IngestResult:
    """Ingest ``paths`` (files or folders), or every report in ``settings.corpus_dir`` if None.

    Only a whole-corpus ingest deletes stored reports whose file is gone. A file that fails is
    recorded in ``errors`` (path to message) and the others go on; a store that cannot be written
    (locked by another ingest, read-only, too little disk) raises IndexError_. ``replace`` lets a
    file replace a stored report of the same id read from another file. ``store`` and ``embedder``
    default to the ones ``settings`` names; the progress bar goes to ``progress_file`` or, on a
    terminal, to stderr.
    """
    found = report_files(settings, paths)
    result = IngestResult(errors=dict(found.errors), skipped=dict(found.skipped), files=len(found.files))
    if paths is not None and not found.files:
        return result  # nothing to read: the store is left as it is, not even opened
    check_space(settings, 0, "the store")  # a new store writes its tables before any report
    with ingest_lock(settings, lambda: store or ChromaStore(settings, create=True)) as (lock, opened):
        opened.reopen()  # start from what is on disk now, whatever other processes wrote before
        _ingest_files(
            settings,
            found.files,
            paths is None,
            opened,
            embedder,
            replace,
            lock,
            result,
            progress_file,
            progress,
        )
    return result


def _ingest_files(
    settings: Settings,
    files: list[Path],
    whole_corpus: bool,
    store: VectorStore,
    embedder: Embedder | None,
    replace: bool,
    lock: Lock,
    result: IngestResult,
    progress_file: TextIO | None,
    progress: bool,
) -> None:
    records = {r.id: r for r in store.report_records()}
    identities = Identities(records, replace)
    failed_ids: set[str] = set()
    failed_names: set[str] = set()
    shown = progress and (progress_file is not None or sys.stderr.isatty())
    bar = Progress(len(files), shown, progress_file)
    try:
        pipe = Pipeline(settings, store, embedder, bar, lock, result)
        for path in files:
            bar.reading(path)
            report_id = None
            try:
                report = parse_report(path)
                report_id = report.id
                reason = identities.admit(report, path)
                if reason is not None:
                    result.skipped[str(path)] = reason
                    log.info("%s: %s", path, reason)
                    bar.stored(1)
                    continue
                record = records.get(report.id)
                if _is_unchanged(store, record, report.content_hash):
                    assert record is not None
                    result.unchanged.append(report.id)
                    result.chunks[report.id] = record.chunks
                    bar.stored(1)
                    continue
                chunks = chunk_report(report, settings.chunking)
                pipe.submit(Plan(report, chunks, store.chunk_ids(report.id), update=record is not None))
            except (ReportError, OSError, UnicodeError) as exc:
                failed_names.add(path.name)
                if report_id is not None:
                    failed_ids.add(report_id)
                result.errors[str(path)] = str(exc) if isinstance(exc, ReportError) else f"{path}: {exc}"
                log.info("%s", result.errors[str(path)])  # the caller shows it, once
                bar.stored(1)
        pipe.flush()
    finally:
        bar.close()
    result.replaced = dict(identities.replaced)
    for ids in (result.added, result.updated):
        ids.sort()
    if whole_corpus:
        keep = set(identities.ids) | identities.kept | failed_ids
        gone = [r for r in records.values() if r.id not in keep and Path(r.path).name not in failed_names]
        for record in gone:
            store.delete_report(record.id)
            result.removed.append(record.id)
            result.chunks_deleted += record.chunks
            log.info("%s: removed (its file is gone)", record.id)
        if gone:
            store.mark_changed()
