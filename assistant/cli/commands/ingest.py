"""`assistant ingest [PATH ...]`: parse, chunk and embed reports into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.settings import Settings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "ingest",
        help="index report files (default: the corpus folder)",
        description=(
            "Parse, chunk and embed reports into the store. Unchanged reports are skipped; without "
            "PATH the whole corpus folder (ASSISTANT_CORPUS_DIR) is ingested and reports whose file "
            "is gone are removed."
        ),
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="report files or folders")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="let a file replace a stored report of the same id that was read from another file",
    )
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import ingest

    result = ingest(settings, list(args.paths) or None, progress=not args.no_progress, replace=args.replace)
    for path, reason in result.skipped.items():
        print(f"skipped: {path}: {reason}", file=sys.stderr)
    for report_id, old_path in result.replaced.items():
        print(f"replaced: {report_id} (was read from {old_path})", file=sys.stderr)
    for message in result.errors.values():
        print(f"error: {message}", file=sys.stderr)
    if result.files or not result.errors:  # a summary of nothing read would only repeat the errors
        print(f"ingested {result.summary()}")
    return 0 if result.ok else 1
