"""`assistant ask`: answer one question, or a batch of them, from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from assistant import Answer
from assistant.errors import InputError
from assistant.settings import Settings

EXIT_REJECTED = 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "ask",
        help="answer a question about the report, with citations",
        description="Answer a question from the report's own text, citing verbatim quotes.",
    )
    parser.add_argument("question", nargs="?", help="the question (omit with --batch)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per answer")
    parser.add_argument(
        "--batch", metavar="FILE", help="answer every line of FILE ('-' for standard input); needs --json"
    )
    parser.add_argument("--report", metavar="ID", help="answer from this report (default: route by question)")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Assistant

    if args.batch is not None:
        if not args.json:
            raise InputError("--batch prints JSON lines; add --json")
        if args.question:
            raise InputError("give either a question or --batch FILE, not both")
        assistant = Assistant(settings)
        with _open(args.batch) as lines:
            for line in lines:
                answer = assistant.ask(line.rstrip("\r\n"), report_id=args.report)
                print(json.dumps(answer.to_json_dict(), ensure_ascii=False), flush=True)
        return 0
    if args.question is None:
        raise InputError('give a question, e.g. assistant ask "How big will the market be in 2029?"')
    answer = Assistant(settings).ask(args.question, report_id=args.report)
    print(json.dumps(answer.to_json_dict(), ensure_ascii=False, indent=2) if args.json else render(answer))
    return EXIT_REJECTED if answer.status == "rejected" else 0


def _open(path: str) -> TextIO:
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read batch file {path}: {exc.strerror}") from exc


def render(answer: Answer) -> str:
    """A readable answer: the text, the working, then numbered citations."""
    lines = [answer.text]
    if answer.status != "answered":
        lines.insert(0, f"[{answer.status}]")
    if answer.candidates:
        lines.append("")
        lines.append("Reports (ask again with --report ID):")
        width = max(len(c.id) for c in answer.candidates)
        for choice in answer.candidates:
            extra = ", ".join(x for x in (choice.publisher, choice.years) if x)
            lines.append(f"  {choice.id:<{width}}  {choice.title}" + (f" ({extra})" if extra else ""))
    if answer.computations:
        lines.append("")
        lines.append("Working:")
        lines.extend(f"  {c.expression or c.tool}" for c in answer.computations if c.tool != "size_table")
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for i, citation in enumerate(answer.citations, 1):
            quote = " ".join(citation.quote.split())
            lines.append(
                f"  [{i}] {citation.section or citation.report_id} ({citation.start}-{citation.end}): \u201c{quote}\u201d"
            )
    return "\n".join(lines)
