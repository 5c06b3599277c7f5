"""What the chat page adds to Gradio's own HTTP handling (an ASGI middleware, see ``PageGuard``).

- With a login (``ASSISTANT_UI_AUTH``), Gradio leaves some routes open to anyone; ``PageGuard``
  answers 401 on those that a signed-out visitor has no use for: ``/gradio_api/app_id``, the
  heartbeat, ``/cancel``, ``/reset`` and the media stream routes. FastAPI's ``/openapi.json`` is
  switched off by ``app_kwargs`` (``serve``). ``/startup-events`` stays open: ``launch`` itself
  calls it, without a login, and it only runs the app's startup events once.
- A REST call of ``/ask`` (``POST /gradio_api/run/ask``, ``/api/ask``, ``/call/ask``) that sends only
  the question gets the optional inputs filled in with ``null``, so it is answered instead of
  failing with a server error. A direct one (``/run``, ``/api``) without a ``session_hash`` gets a
  shared one: ``/ask`` keeps no state, and Gradio would otherwise build a whole session (a copy of
  every component's configuration, several milliseconds) for each call. ``/call`` goes through the
  queue, which delivers results by session, so it keeps its own.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

API = "/gradio_api"
# Open in Gradio even with a login; none of them is needed before signing in.
CLOSED_UNDER_LOGIN = (
    f"{API}/app_id",
    f"{API}/heartbeat/",
    f"{API}/cancel",
    f"{API}/reset",
    f"{API}/stream/",
)
MAX_BODY = 1_000_000  # bytes of a REST /ask body read to fill in missing inputs
REST_SESSION = "rest-api-ask"  # the session REST calls of /ask share when they name none


class PageGuard:
    """ASGI middleware: closes ``CLOSED_UNDER_LOGIN`` to visitors who are not signed in (when the app
    has a login) and pads short REST calls of the ``api_name`` endpoint to ``inputs`` values."""

    def __init__(self, app: ASGIApp, api_name: str = "ask", inputs: int = 3) -> None:
        self.app = app
        self.inputs = inputs
        self.rest_paths = {
            f"{API}/{kind}/{api_name}{slash}" for kind in ("run", "api", "call") for slash in ("", "/")
        }
        self.direct_paths = {p for p in self.rest_paths if not p.startswith(f"{API}/call/")}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if _login_required(scope) and path.startswith(CLOSED_UNDER_LOGIN) and not _signed_in(scope):
            await _reply(send, 401, {"detail": "Not authenticated"})
            return
        if scope.get("method") == "POST" and path in self.rest_paths:
            receive = await self._padded(receive, shared_session=path in self.direct_paths)
        await self.app(scope, receive, send)

    async def _padded(self, receive: Receive, shared_session: bool) -> Receive:
        """The request body with ``data`` padded to ``inputs`` values and, when ``shared_session``,
        the shared session named (unchanged if it is not JSON)."""
        chunks = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return _replay([message])
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if not message.get("more_body") or size > MAX_BODY:
                break
        body = b"".join(chunks)
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        if isinstance(payload, dict) and isinstance(payload.get("data"), list):
            data = payload["data"]
            payload["data"] = data + [None] * (self.inputs - len(data))
            if shared_session and not payload.get("session_hash"):
                payload["session_hash"] = REST_SESSION
            body = json.dumps(payload).encode()
        return _replay([{"type": "http.request", "body": body, "more_body": False}])


def _replay(messages: list[Message]) -> Receive:
    pending = list(messages)

    async def receive() -> Message:
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    return receive


def _login_required(scope: Scope) -> bool:
    app = scope.get("app")
    return getattr(app, "auth", None) is not None or getattr(app, "auth_dependency", None) is not None


def _signed_in(scope: Scope) -> bool:
    """A cookie of a session Gradio signed in (its names end in the app's cookie id)."""
    app = scope.get("app")
    tokens = getattr(app, "tokens", {}) or {}
    cookie_id = getattr(app, "cookie_id", None)
    if not cookie_id:
        return False
    for name, value in _cookies(scope).items():
        if name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}") and value in tokens:
            return True
    return False


def _cookies(scope: Scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                name, _, content = part.strip().partition("=")
                if name:
                    found[name] = content
    return found


async def _reply(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
