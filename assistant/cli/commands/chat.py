"""``assistant chat``: serve the chat page (Gradio) on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import argparse
import logging
import os
from typing import Any

from assistant.cli.binding import check_bind
from assistant.settings import Settings

logger = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "chat",
        help="serve the chat page in the browser",
        description="Serve the chat page: streamed answers with citations, a source panel, a market-size "
        "chart and the report's facts card. Also serves the /ask API endpoint for gradio_client.",
    )
    parser.add_argument(
        "--host", default=None, help="address to bind (default: ASSISTANT_UI__HOST or 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=None, help="port (default: ASSISTANT_UI__PORT or 7860)")
    parser.add_argument("--report", metavar="ID", default=None, help="preselect this report in the picker")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    # Before gradio is imported anywhere: no telemetry and no version check from this process.
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    host = args.host or settings.ui.host
    port = settings.ui.port if args.port is None else args.port
    check_bind(host, port, "--host/ASSISTANT_UI__HOST", "--port/ASSISTANT_UI__PORT")  # before models load
    from assistant.ui import build_app, parse_auth, serve

    parse_auth(settings.ui.auth)  # fail fast on a malformed ASSISTANT_UI_AUTH, before loading models
    from assistant import Assistant

    assistant = Assistant(settings)
    demo = build_app(assistant, report_id=args.report)
    logger.info("serving the chat page on http://%s:%d", host, port)
    print(f"Chat page: http://{host}:{port}/  (Ctrl+C stops it)", flush=True)
    serve(demo, settings, host=host, port=port)
    return 0
