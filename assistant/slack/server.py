"""Run the bot: Socket Mode when an app-level token is given, else the HTTP Events API.

The HTTP server is the standard library's WSGI server with a thread per request, in front of
slack_bolt's WSGI adapter (``slack_bolt.adapter.wsgi``); bolt verifies every request's signature.
"""

from __future__ import annotations

import logging
import threading
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.errors import SlackApiError

from assistant.errors import ConfigError
from assistant.slack.secrets import SlackTokens

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a slow client never keeps the process alive at shutdown


class _QuietHandler(WSGIRequestHandler):
    """Request lines go to the log at debug level instead of stderr."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s %s", self.address_string(), format % args)


def make_http_server(app: App, host: str, port: int, path: str = EVENTS_PATH) -> WSGIServer:
    """A bound (not yet serving) HTTP server for Slack's Events API; port 0 picks a free port.

    Call ``serve_forever()`` to serve and ``shutdown()`` from another thread to stop.
    """
    return make_server(
        host,
        port,
        SlackRequestHandler(app, path=path),
        server_class=_ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )


def serve(app: App, tokens: SlackTokens, host: str, port: int) -> None:
    """Serve until interrupted: Socket Mode if ``tokens.app_token`` is set, else HTTP on ``host:port``."""
    if tokens.socket_mode:
        serve_socket_mode(app, tokens)
        return
    server = make_http_server(app, host, port)
    log.warning("listening for Slack events on http://%s:%d%s", host, server.server_port, EVENTS_PATH)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()


def serve_socket_mode(app: App, tokens: SlackTokens, stop: threading.Event | None = None) -> None:
    """Connect over Socket Mode (``apps.connections.open`` on the app's Web API URL) and serve until
    ``stop`` is set (never, by default).

    Raises:
        ConfigError: Slack refused the app-level token.
    """
    handler = SocketModeHandler(app, app_token=tokens.app_token, logger=app.logger)
    try:
        try:
            handler.connect()
        except SlackApiError as exc:
            error = exc.response.get("error", "unknown error")
            raise ConfigError(f"Slack refused SLACK_APP_TOKEN (apps.connections.open): {error}") from None
        log.warning("connected to Slack in Socket Mode")
        (stop or threading.Event()).wait()
    finally:
        handler.close()
