"""The HTTP edge in front of bolt: an ASGI app that checks a request before anything else reads it.

In order, each failure answered with one log line and no stack trace (the body is never logged):

1. the path and method (404, 405);
2. ``Content-Length`` above ``max_body`` (413, before reading a byte of the body), then the body read
   in chunks and cut off at ``max_body`` (413: a chunked upload cannot slip past the header check),
   and a budget for all bodies being read at once (503), so memory stays bounded however many
   connections are open;
3. malformed input: a body that is not UTF-8, a ``X-Slack-Request-Timestamp`` that is not a number,
   a body that is neither JSON nor a form (400);
4. the signature over the body with the signing secret (401).

Only then does bolt see the request (which checks the signature again), in a bounded thread pool
so the event loop keeps accepting connections while bolt works.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# Slack's own Bolt for JavaScript refuses request bodies over 4 MiB; real events are a few kilobytes.
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_BUFFERED_BYTES = 64 * 1024 * 1024  # all bodies being read at once
DISPATCH_THREADS = 8

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class RefusedRequestError(Exception):
    """A request answered with ``status`` and a one-line ``reason`` (sent to the client and logged)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class _ClientGoneError(Exception):
    """The client disconnected before its request was complete; there is no one to answer."""


class EventsEndpoint:
    """ASGI app serving Slack's Events API, slash commands and interactivity at ``path``.

    Args:
        app: The bolt app.
        signing_secret: ``SLACK_SIGNING_SECRET``.
        path: Where Slack posts (the manifest's request URLs end with it).
        max_body: Largest request body accepted, in bytes.
        max_buffered: Largest total of request bodies being read at once, in bytes.
        dispatch_threads: Threads handing checked requests to bolt.
    """

    def __init__(
        self,
        app: App,
        signing_secret: str,
        *,
        path: str = EVENTS_PATH,
        max_body: int = MAX_BODY_BYTES,
        max_buffered: int = MAX_BUFFERED_BYTES,
        dispatch_threads: int = DISPATCH_THREADS,
    ) -> None:
        if not signing_secret:
            raise ValueError("the HTTP endpoint needs the signing secret")
        self._app = app
        self._verifier = SignatureVerifier(signing_secret)
        self._path = path
        self._max_body = max_body
        self._max_buffered = max_buffered
        self._buffered = 0  # touched only on the event loop
        self._dispatcher = ThreadPoolExecutor(dispatch_threads, thread_name_prefix="slack-dispatch")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        try:
            response = await self._handle(scope, receive)
        except _ClientGoneError:
            log.info("a client went away while sending %s %s", scope.get("method"), scope.get("path"))
            return
        except RefusedRequestError as refusal:
            client = scope.get("client") or ("?", 0)
            level = logging.INFO if refusal.status in (404, 405) else logging.WARNING
            log.log(
                level,
                "refused %s %s from %s: %s (%d)",
                scope.get("method"),
                scope.get("path"),
                client[0],
                refusal.reason,
                refusal.status,
            )
            body = (refusal.reason + "\n").encode()
            # The rest of a refused body is never read, so the connection cannot be reused.
            headers: dict[str, str | Sequence[str]] = {
                "content-type": "text/plain; charset=utf-8",
                "connection": "close",
            }
            response = BoltResponse(status=refusal.status, body=body.decode(), headers=headers)
        await _send(send, response)

    async def _handle(self, scope: Scope, receive: Receive) -> BoltResponse:
        if scope.get("path") != self._path:
            raise RefusedRequestError(404, "not found")
        if scope.get("method") != "POST":
            raise RefusedRequestError(405, "only POST is served here")
        headers = _headers(scope)
        declared = _first(headers, "content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise RefusedRequestError(400, "malformed Content-Length")
            if int(declared) > self._max_body:
                raise RefusedRequestError(
                    413, f"body of {int(declared)} bytes is over the {self._max_body}-byte limit"
                )
        raw = await self._read_body(receive)
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise RefusedRequestError(400, "body is not UTF-8") from None
        timestamp = _first(headers, "x-slack-request-timestamp")
        if timestamp is not None and not timestamp.strip().isdigit():
            raise RefusedRequestError(400, "malformed X-Slack-Request-Timestamp")
        content_type = (_first(headers, "content-type") or "").split(";")[0].strip().lower() or None
        try:
            payload = parse_body(body, content_type)
        except ValueError:  # json.JSONDecodeError is a ValueError
            raise RefusedRequestError(400, "body is neither JSON nor a form") from None
        if not isinstance(payload, dict):
            raise RefusedRequestError(400, "body is not a JSON object")
        signature = _first(headers, "x-slack-signature")
        if not self._verifier.is_valid(
            body=body, timestamp=timestamp and timestamp.strip(), signature=signature
        ):
            raise RefusedRequestError(401, "missing, stale or wrong signature")
        query = (scope.get("query_string") or b"").decode("latin-1")
        request = BoltRequest(body=body, query=query, headers=headers)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._dispatcher, self._app.dispatch, request)

    async def _read_body(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise _ClientGoneError
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self._max_body:
                    raise RefusedRequestError(413, f"body is over the {self._max_body}-byte limit")
                if self._buffered + len(chunk) > self._max_buffered:
                    raise RefusedRequestError(503, "too many request bodies are being read at once")
                self._buffered += len(chunk)
                chunks.append(chunk)
                if not message.get("more_body"):
                    return b"".join(chunks)
        finally:
            self._buffered -= sum(len(c) for c in chunks)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self._dispatcher.shutdown(wait=False, cancel_futures=True)
                await send({"type": "lifespan.shutdown.complete"})
                return

    def close(self) -> None:
        self._dispatcher.shutdown(wait=False, cancel_futures=True)


def _headers(scope: Scope) -> dict[str, str | Sequence[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in scope.get("headers") or []:
        headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
    return dict(headers)


def _first(headers: dict[str, str | Sequence[str]], name: str) -> str | None:
    values = headers.get(name)
    if isinstance(values, str):
        return values
    return values[0] if values else None


async def _send(send: Send, response: BoltResponse) -> None:
    body = response.body.encode("utf-8") if isinstance(response.body, str) else bytes(response.body or b"")
    headers = [
        (name.lower().encode("latin-1"), str(value).encode("latin-1"))
        for name, value in response.first_headers_without_set_cookie().items()
        if name.lower() != "content-length"
    ]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
