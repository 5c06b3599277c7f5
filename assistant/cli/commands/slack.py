"""``assistant slack``: run the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP on --host/--port).

Tokens come from the environment only (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN); they
are checked before the model loads, so a missing one fails fast, and they are redacted from all logs.
The bot answers a warm-up question before it accepts events, so nobody waits for the model to load.
"""

from __future__ import annotations

import argparse
import logging
import os
from typing import Any

from assistant.settings import Settings


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "slack",
        help="run the Slack bot (mentions, direct messages and the slash command)",
        description=(
            "Run the Slack bot. With SLACK_APP_TOKEN set it connects in Socket Mode; otherwise it serves "
            "the HTTP Events API at /slack/events (requests verified with SLACK_SIGNING_SECRET) behind a "
            "reverse proxy or tunnel. SLACK_BOT_TOKEN is always needed."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=None, help="HTTP port for /slack/events (default: slack.port, 3000)"
    )
    parser.add_argument(
        "--host", default=None, help="address to bind in HTTP mode (default: slack.host, 127.0.0.1)"
    )
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Assistant
    from assistant.errors import ConfigError
    from assistant.slack import build_app, serve, warm_up
    from assistant.slack.secrets import SHARED_FILTER, SlackTokens

    port = settings.slack.port if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise ConfigError(f"--port must be between 0 and 65535, got {port}")
    host = settings.slack.host if args.host is None else args.host
    tokens = SlackTokens.from_env(os.environ)
    SHARED_FILTER.add(tokens.secrets())
    for handler in logging.getLogger().handlers:  # third-party loggers too: never print a token
        if SHARED_FILTER not in handler.filters:
            handler.addFilter(SHARED_FILTER)
    assistant = Assistant(settings)
    app = build_app(settings, assistant, tokens)
    warm_up(assistant)
    serve(app, tokens, host, port)
    return 0
