"""`assistant ask`: answer one question, or a batch of them, from the command line."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO, cast

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
        assistant.start_loading()
        with _open(args.batch) as source:
            for number, question, problem in _lines(source):
                if problem is None:
                    answer = assistant.ask(question, report_id=args.report)
                else:
                    answer = _rejected(question, f"line {number} {problem}", assistant.backend)
                print(json.dumps(answer.to_json_dict(), ensure_ascii=False), flush=True)
        return 0
    if args.question is None:
        raise InputError('give a question, e.g. assistant ask "How big will the market be in 2029?"')
    question, problem = _argument_text(args.question)
    if problem is not None:
        answer = _rejected(question, f"the question {problem}", settings.model)
    else:
        assistant = Assistant(settings)
        assistant.start_loading()
        answer = assistant.ask(question, report_id=args.report)
    print(json.dumps(answer.to_json_dict(), ensure_ascii=False, indent=2) if args.json else render(answer))
    return EXIT_REJECTED if answer.status == "rejected" else 0


def _open(path: str) -> BinaryIO:
    """The batch as bytes: each line is decoded on its own, so one bad line loses only itself."""
    if path == "-":
        raw = getattr(sys.stdin, "buffer", None)
        if raw is None:  # stdin replaced by a text stream (an embedding host): its text, re-encoded
            return io.BytesIO(sys.stdin.read().encode("utf-8", errors="surrogateescape"))
        return cast(BinaryIO, raw)
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read batch file {path}: {exc.strerror}") from exc


def _lines(source: BinaryIO) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, problem) per line; text keeps undecodable bytes as U+FFFD."""
    for number, raw in enumerate(source, start=1):
        raw = raw.rstrip(b"\r\n")
        try:
            yield number, raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            yield (
                number,
                raw.decode("utf-8", errors="replace"),
                _not_utf8(raw[exc.start : exc.end], exc.start),
            )


def _argument_text(text: str) -> tuple[str, str | None]:
    """A command-line argument holds undecodable bytes as lone surrogates; report them, never pass them on."""
    try:
        text.encode("utf-8")
        return text, None
    except UnicodeEncodeError as exc:
        raw = text.encode("utf-8", errors="surrogateescape")
        bad = text[exc.start : exc.end].encode("utf-8", errors="surrogateescape")
        return raw.decode("utf-8", errors="replace"), _not_utf8(
            bad, len(text[: exc.start].encode("utf-8", "surrogateescape"))
        )


def _not_utf8(bad: bytes, offset: int) -> str:
    return f"is not valid UTF-8 (byte 0x{bad[:1].hex()} at offset {offset}); re-encode it as UTF-8"


def _rejected(question: str, reason: str, backend: str) -> Answer:
    return Answer(question=question, status="rejected", text=reason, backend=backend)


def render(answer: Answer) -> str:
    """A readable answer: the text, the working, then numbered citations."""
    if answer.status == "rejected":  # nothing to show but the reason
        return f"[rejected] {answer.text}"
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
