"""A small fake of Slack's Web API over real HTTP on 127.0.0.1, and a signer for Slack's requests.

It keeps channels and threads in memory (so ``conversations.replies`` returns what was posted),
checks the bot token on every call, refuses blocks Slack would refuse (``invalid_blocks``, noted in
``invalid``), records every call, and serves ``/response/<id>`` URLs for slash-command and button
responses, keeping what the person sees there: each response adds an ephemeral message, or replaces
the last one with ``replace_original``. Tests wait on the record with ``wait_for`` (a bounded poll).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlparse

from tests.slack.block_kit import problems_with

BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM_ID = "T0000001"


@dataclass
class Call:
    """One request the fake received: the API method (or ``response``), its parameters, its thread."""

    method: str
    params: dict[str, Any]
    authorization: str | None


@dataclass
class FakeSlack:
    """The fake's state; ``url`` is the Web API base URL to give the bot (``.../api/``)."""

    bot_token: str
    url: str = ""
    calls: list[Call] = field(default_factory=list)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # channel -> messages
    fail_methods: set[str] = field(default_factory=set)  # methods that answer ok=false
    invalid: list[str] = field(default_factory=list)  # problems with blocks the bot sent
    held: dict[str, threading.Event] = field(default_factory=dict)  # methods that wait to answer
    ephemeral: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # response id -> messages
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _clock: float = 1_700_000_000.0

    # -- what tests call ---------------------------------------------------------------------------

    def next_ts(self) -> str:
        with self._lock:
            self._clock += 1.0
            return f"{self._clock:.6f}"

    def add_user_message(
        self, channel: str, text: str, *, thread_ts: str | None = None, user: str = "UHUMAN1"
    ) -> str:
        """Put a person's message in a channel as Slack would before sending the event; returns its ts."""
        ts = self.next_ts()
        message = {"type": "message", "user": user, "text": text, "ts": ts}
        if thread_ts:
            message["thread_ts"] = thread_ts
        with self._lock:
            self.messages.setdefault(channel, []).append(message)
        return ts

    def hold(self, method: str) -> threading.Event:
        """Make calls to ``method`` wait (at most a minute) until the returned event is set."""
        gate = threading.Event()
        self.held[method] = gate
        return gate

    def show_ephemeral(self, response_id: str, message: dict[str, Any]) -> None:
        """A slash command's immediate reply (the HTTP response to the command) is the first message."""
        with self._lock:
            self.ephemeral.setdefault(response_id, []).append(message)

    def visible(self, response_id: str) -> list[dict[str, Any]]:
        """The ephemeral messages the person sees for a command or button, oldest first."""
        with self._lock:
            return [dict(m) for m in self.ephemeral.get(response_id, [])]

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, predicate: Callable[[FakeSlack], bool], timeout_s: float = 120.0) -> None:
        """Poll ``predicate`` until it holds; fail the test with the call log after ``timeout_s`` seconds."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if predicate(self):
                return
            time.sleep(0.02)
        raise AssertionError(f"timed out; calls so far: {[(c.method, c.params) for c in self.calls]}")

    def thread(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        with self._lock:
            return [
                dict(m)
                for m in self.messages.get(channel, [])
                if m["ts"] == thread_ts or m.get("thread_ts") == thread_ts
            ]

    # -- the API -----------------------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any], authorization: str | None) -> dict[str, Any]:
        with self._lock:
            self.calls.append(Call(method, params, authorization))
        if method in self.held:
            self.held[method].wait(timeout=60)
        problems = problems_with(params.get("blocks"))
        if problems:
            with self._lock:
                self.invalid.extend(f"{method}: {p}" for p in problems)
            return {"ok": False, "error": "invalid_blocks"}
        if method.startswith("response/"):
            return self._respond(method.removeprefix("response/"), params)
        if method == "apps.connections.open":  # Socket Mode; only a refusal is faked (no WebSocket server)
            return {"ok": False, "error": "invalid_auth"}
        if authorization != f"Bearer {self.bot_token}":
            return {"ok": False, "error": "invalid_auth"}
        if method in self.fail_methods:
            return {"ok": False, "error": "internal_error"}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Fake",
                "user": "report-analyst",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
            }
        if method == "chat.postMessage":
            return self._post(params)
        if method == "chat.update":
            return self._update(params)
        if method == "conversations.replies":
            return self._replies(params)
        return {"ok": False, "error": "unknown_method"}

    def _respond(self, response_id: str, params: dict[str, Any]) -> dict[str, Any]:
        message = {k: params[k] for k in ("text", "blocks", "response_type") if k in params}
        with self._lock:
            shown = self.ephemeral.setdefault(response_id, [])
            if params.get("delete_original"):
                del shown[-1:]
            elif params.get("replace_original") and shown:
                shown[-1] = message
            else:
                shown.append(message)
        return {"ok": True}

    def _post(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel"))
        ts = self.next_ts()
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "text": params.get("text", ""),
            "ts": ts,
        }
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        with self._lock:
            self.messages.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _update(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(params.get("channel")), str(params.get("ts"))
        with self._lock:
            for message in self.messages.get(channel, []):
                if message["ts"] == ts and message.get("bot_id") == BOT_ID:
                    message["text"] = params.get("text", "")
                    message["blocks"] = params.get("blocks")
                    return {"ok": True, "channel": channel, "ts": ts, "text": message["text"]}
        return {"ok": False, "error": "message_not_found"}

    def _replies(self, params: dict[str, Any]) -> dict[str, Any]:
        messages = self.thread(str(params.get("channel")), str(params.get("ts")))
        if not messages:
            return {"ok": False, "error": "thread_not_found"}
        return {"ok": True, "messages": messages, "has_more": False, "response_metadata": {"next_cursor": ""}}


def _parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        data = json.loads(raw)
        return data if isinstance(data, dict) else {"_": data}
    params: dict[str, Any] = dict(parse_qsl(raw.decode("utf-8")))
    for key in ("blocks", "attachments"):  # form-encoded calls send these as JSON strings
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params


def start_fake_slack(bot_token: str) -> tuple[FakeSlack, ThreadingHTTPServer]:
    """Start the fake on a free loopback port in a daemon thread; ``server.shutdown()`` stops it."""
    fake = FakeSlack(bot_token=bot_token)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            pass

        def _serve(self) -> None:
            url = urlparse(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            params = dict(parse_qsl(url.query))
            params.update(_parse_body(self.headers.get("Content-Type") or "", raw))
            if url.path.startswith("/api/"):
                method = url.path[len("/api/") :]
            elif url.path.startswith("/response/"):
                method = url.path.lstrip("/")
            else:
                self.send_error(404)
                return
            reply = json.dumps(fake.handle(method, params, self.headers.get("Authorization"))).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self._serve()

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self._serve()

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256  # bursts of answers arrive at once

    server = Server(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_port}/api/"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return fake, server


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack sends with a request: v0 HMAC-SHA256 over ``v0:{timestamp}:{body}``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def event_body(event: dict[str, Any], event_id: str) -> str:
    """An Events API ``event_callback`` envelope around ``event``, as JSON text."""
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "A0000001",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
    )


def command_body(command: str, text: str, response_url: str) -> str:
    """A slash-command request body (form-encoded), as Slack sends it."""
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "fake",
            "channel_id": "C0000001",
            "channel_name": "analysts",
            "user_id": "UHUMAN1",
            "user_name": "analyst",
            "command": command,
            "text": text,
            "api_app_id": "A0000001",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )


def action_body(action: dict[str, Any], container: dict[str, Any], response_url: str) -> str:
    """A ``block_actions`` request body (form-encoded ``payload``), as Slack sends a button click."""
    payload = {
        "type": "block_actions",
        "team": {"id": TEAM_ID},
        "user": {"id": "UHUMAN1"},
        "api_app_id": "A0000001",
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": "1.2.3",
        "channel": {"id": container.get("channel_id", "C0000001")},
        "response_url": response_url,
        "actions": [{**action, "type": "button", "action_ts": f"{time.time():.6f}"}],
    }
    return urlencode({"payload": json.dumps(payload)})
