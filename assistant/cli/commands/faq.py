"""``assistant faq``: write the report's FAQ (md, json, jsonld, html) and, with --check, verify it.

With ``--check`` the command exits 1 with one line per problem on stderr when an answer disagrees
with the report's own FAQ (or with a headline fact it states), a citation does not check out or a
number is ungrounded; the document is then not written. On success it writes the document (if
``--out`` is given) and prints a summary. Likely off-topic answers are warned about on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.settings import Settings


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    from assistant.faq.formats import FORMATS

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "faq",
        help="write a report's FAQ with cited answers, checked against the report's own FAQ",
        description="Answer the report's own FAQ and a standard analyst FAQ, with citations.",
    )
    parser.add_argument("--report", metavar="ID", help="report id (default: the only report)")
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
    parser.add_argument("--out", metavar="FILE", type=Path, help="write here atomically instead of stdout")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if an answer disagrees with the report's FAQ, a citation or a number is unsupported",
    )
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Assistant
    from assistant.faq import (
        check_faq,
        check_writable,
        generate_faq,
        off_topic_warnings,
        render,
        summary,
        write_atomic,
    )

    if args.out is not None:
        check_writable(args.out)  # fail before loading the model and answering a dozen questions
    assistant = Assistant(settings)
    document = generate_faq(assistant, report_id=args.report)
    text = render(document, args.format)
    warnings = []
    if args.check:
        report = assistant.report(document.report_id)
        problems = check_faq(document, report)
        warnings = off_topic_warnings(document, report)
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
    if args.out is not None:
        write_atomic(args.out, text)
    elif not args.check:
        sys.stdout.write(text)
    if args.check:
        print(summary(document, warnings=len(warnings)))
    return 0
