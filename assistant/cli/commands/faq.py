"""``assistant faq``: write the report's FAQ (md, json, jsonld, html, or all of them) and, with --check,
verify it first.

One ``Assistant`` answers every question once; every format is rendered from that one document, so
``--format all --out DIR`` costs one run. With ``--check`` the command exits 1 with one line per
problem on stderr when an answer disagrees with the report's own FAQ (or with a headline fact it
states), a citation does not check out or a number is ungrounded; nothing is then written. On
success it prints what each answer was compared with, writes the output and prints a summary.
Likely off-topic answers and answers that repeat another are warned about on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.settings import Settings

ALL = "all"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    from assistant.faq.formats import FORMATS

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "faq",
        help="write a report's FAQ with cited answers, checked against the report's own FAQ",
        description="Answer the report's own FAQ and a standard analyst FAQ, with citations.",
    )
    parser.add_argument("--report", metavar="ID", help="report id (default: the only report)")
    parser.add_argument(
        "--format",
        choices=(*FORMATS, ALL),
        default="md",
        help="output format (default: md); 'all' writes every format into --out DIR",
    )
    parser.add_argument(
        "--out",
        metavar="PATH",
        type=Path,
        help="write this file atomically instead of stdout; with --format all, a folder for <report>.<ext>",
    )
    parser.add_argument(
        "--css", metavar="FILE", type=Path, help="stylesheet for the html page (default: the packaged one)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if an answer disagrees with the report's FAQ, a citation or a number is unsupported",
    )
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Assistant
    from assistant.faq import (
        EXTENSIONS,
        FORMATS,
        check_faq,
        check_writable,
        comparison_lines,
        duplicate_warnings,
        generate_faq,
        off_topic_warnings,
        render,
        summary,
        write_atomic,
    )

    formats = FORMATS if args.format == ALL else (args.format,)
    stylesheet = _stylesheet(args.css)
    # Fail on a bad --out before loading the model and answering a dozen questions.
    if args.format == ALL:
        if args.out is None:
            raise InputError("--format all writes one file per format; give --out DIR")
        _check_folder(args.out)
    elif args.out is not None:
        check_writable(args.out)
    assistant = Assistant(settings)
    document = generate_faq(assistant, report_id=args.report)
    texts = {fmt: render(document, fmt, stylesheet) for fmt in formats}
    warnings = []
    if args.check:
        report = assistant.report(document.report_id)
        problems = check_faq(document, report)
        warnings = off_topic_warnings(document, report) + duplicate_warnings(document)
        for warning in warnings:
            print(f"faq check: warning: {warning.line()}", file=sys.stderr)
        if problems:
            for problem in problems:
                print(f"faq check: {problem.line()}", file=sys.stderr)
            print(
                f"faq check failed for {document.report_id}: {len(problems)} problem(s)"
                + ("; nothing written" if args.out else ""),
                file=sys.stderr,
            )
            return 1
        for line in comparison_lines(document):
            print(f"faq check: {line}")
    if args.format == ALL:
        for fmt, text in texts.items():
            write_atomic(args.out / f"{document.report_id}{EXTENSIONS[fmt]}", text)
    elif args.out is not None:
        write_atomic(args.out, texts[args.format])
    elif not args.check:
        sys.stdout.write(texts[args.format])
    if args.check:
        print(summary(document, warnings=len(warnings)))
    return 0


def _stylesheet(path: Path | None) -> str | None:
    from assistant.faq import check_stylesheet

    if path is None:
        return None
    try:
        return check_stylesheet(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(f"cannot read stylesheet {path}: {reason}") from exc


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        what = "is a file" if folder.exists() else "does not exist"
        raise InputError(f"--format all writes into a folder, and {folder} {what}")
