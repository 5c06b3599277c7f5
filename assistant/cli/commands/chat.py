"""``assistant chat``: serve the chat page (Gradio) on 127.0.0.1 unless told otherwise.

The server warms up before it listens (``assistant.ui.warmup``): it loads the model, the report and
its planner and answers a few questions, then starts, sends itself its first requests, then prints
its address.
"""

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
        "chart and the report's facts card. Also serves the /ask API endpoint for gradio_client. "
        "The server answers a few warm-up questions before it starts listening.",
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
    from assistant.ui import ChatHandlers, build_app, parse_auth, serve, warm_http, warm_up

    auth = parse_auth(settings.ui.auth)  # fail fast on a malformed ASSISTANT_UI_AUTH, before loading models
    from assistant import Assistant

    assistant = Assistant(settings)
    handlers = ChatHandlers(assistant)
    demo = build_app(assistant, report_id=args.report, handlers=handlers)
    warmed = warm_up(handlers, args.report)
    print(
        f"Warmed up: {warmed.questions} questions about {warmed.report_id} answered in {warmed.seconds:.1f} s",
        flush=True,
    )
    url = serve(demo, settings, host=host, port=port, prevent_thread_lock=True)
    warm_http(url, warmed.question, auth)
    logger.info("serving the chat page on %s", url)
    print(f"Chat page: {url}  (Ctrl+C stops it)", flush=True)
    demo.block_thread()
    return 0
