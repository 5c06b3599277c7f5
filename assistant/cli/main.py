"""Command line: ``assistant <command>``; ``python -m assistant`` works the same.

Each command lives in ``assistant/cli/commands/<name>.py`` with ``add_parser(subparsers)`` and
``run(args, settings) -> int``; this module only dispatches and renders errors.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from assistant.cli.parser import SuggestingParser
from assistant.errors import AssistantError, ConfigError

# Order is the order shown in --help.
COMMANDS = ("ingest", "facts", "search", "ask", "reports", "chat", "slack", "faq", "eval")


def build_parser() -> SuggestingParser:
    parser = SuggestingParser(
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


def parse(parser: SuggestingParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an unknown flag is reported with the usage of the command it was given to."""
    given = list(sys.argv[1:] if argv is None else argv)
    args, extras = parser.parse_known_args(given)
    if extras:
        # An unknown flag before the command name belongs to the top level; after it, to the command.
        before_command = args.command in given and given.index(extras[0]) < given.index(args.command)
        command = parser if before_command else _subparsers(parser).get(args.command, parser)
        command.reject_unknown(extras)
    return args


def quiet_libraries(verbose: bool) -> None:
    """Keep third-party notes (transformers' config remarks, library warnings) off stderr unless -v.

    Set before any library is imported: transformers reads its verbosity when it first logs.
    """
    if verbose:
        return
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    logging.captureWarnings(True)  # Python warnings become log records, shown with -v only
    logging.getLogger("py.warnings").setLevel(logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parse(parser, argv)
    quiet_libraries(args.verbose)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from assistant.settings import Settings, describe_error

    try:
        try:
            settings = Settings()
        except ValidationError as exc:
            raise ConfigError(describe_error(exc)) from None
        return int(args.handler(args, settings))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away ('| head'): stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, SuggestingParser]:
    for action in parser._actions:  # argparse keeps the command parsers only on this action
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


if __name__ == "__main__":
    sys.exit(main())
