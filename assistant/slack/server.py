"""Run the bot: Socket Mode when an app-level token is given, else the HTTP Events API on uvicorn.

The HTTP server is uvicorn serving ``EventsEndpoint`` (which checks every request before bolt sees it)
on a socket bound with a listen backlog of ``BACKLOG``, so a burst of Slack's connections waits in
the queue instead of being reset. It binds 127.0.0.1 unless told otherwise: a reverse proxy or a
tunnel with TLS faces Slack.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.errors import SlackApiError

from assistant.errors import ConfigError
from assistant.slack.endpoint import EVENTS_PATH, EventsEndpoint
from assistant.slack.secrets import SlackTokens

log = logging.getLogger(__name__)

BACKLOG = 1024  # connections waiting to be accepted
MAX_CONNECTIONS = 256  # open connections and requests in progress; beyond this uvicorn answers 503
KEEP_ALIVE_S = 5
GRACEFUL_SHUTDOWN_S = 5


class _Uvicorn(uvicorn.Server):
    """uvicorn, announcing itself once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self._on_started()


class EventServer:
    """The HTTP Events API server, its socket bound at construction (port 0 picks a free port).

    ``serve_forever()`` serves until ``shutdown()`` is called from another thread (or, in the main
    thread, until SIGINT or SIGTERM); ``server_close()`` releases the socket.

    Raises:
        ConfigError: the address cannot be bound.
    """

    def __init__(self, endpoint: EventsEndpoint, host: str, port: int, backlog: int = BACKLOG) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            self._socket = socket.create_server((host, port), family=family, backlog=backlog)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self.host = host
        self.server_port: int = self._socket.getsockname()[1]
        self._endpoint = endpoint
        config = uvicorn.Config(
            endpoint,
            lifespan="on",
            log_config=None,  # the command's logging setup applies
            access_log=False,  # request lines carry nothing the bot's own log lines do not
            backlog=backlog,  # uvicorn calls listen() again with this
            limit_concurrency=MAX_CONNECTIONS,
            timeout_keep_alive=KEEP_ALIVE_S,
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
            server_header=False,
        )
        self._server = _Uvicorn(config, self._announce)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.server_port}{EVENTS_PATH}"

    def _announce(self) -> None:
        log.warning("listening for Slack events on %s", self.url)

    def serve_forever(self) -> None:
        self._server.run(sockets=[self._socket])

    def shutdown(self) -> None:
        self._server.should_exit = True

    def server_close(self) -> None:
        self._endpoint.close()
        self._socket.close()


def make_http_server(app: App, tokens: SlackTokens, host: str, port: int) -> EventServer:
    """A bound (not yet serving) HTTP server for Slack's Events API; port 0 picks a free port.

    Raises:
        ConfigError: the signing secret is missing, or the address cannot be bound.
    """
    if not tokens.signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET is not set: the HTTP Events API needs it to verify requests")
    return EventServer(EventsEndpoint(app, tokens.signing_secret), host, port)


def serve(app: App, tokens: SlackTokens, host: str, port: int) -> None:
    """Serve until interrupted: Socket Mode if ``tokens.app_token`` is set, else HTTP on ``host:port``."""
    if tokens.socket_mode:
        serve_socket_mode(app, tokens)
        return
    server = make_http_server(app, tokens, host, port)
    try:
        server.serve_forever()
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
