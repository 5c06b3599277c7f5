"""Command line: ``assistant <command>``; ``python -m assistant`` works the same.

Each command lives in ``assistant/cli/commands/<name>.py`` with ``add_parser(subparsers)`` and
``run(args, settings) -> int``; this module only dispatches and renders errors.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from assistant.errors import AssistantError

# Order is the order shown in --help.
COMMANDS = ("ingest", "facts", "search", "ask", "reports", "chat", "slack", "faq", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Answer questions about market-research reports, with verbatim citations.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"assistant.cli.commands.{name}")
        command = module.add_parser(sub)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from assistant.settings import Settings

    try:
        settings = Settings()
        return int(args.handler(args, settings))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
