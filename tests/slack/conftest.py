"""Fixtures for the Slack bot: a fake Slack Web API and the bot's HTTP server, both on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.slack.fake_slack import FakeSlack, event_body, sign, start_fake_slack

BOT_TOKEN = "xoxb-1111-2222-fakebottokenvalue"
SIGNING_SECRET = "fake-signing-secret-0123456789abcdef"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RecordingAssistant:
    """The real Assistant, with a note of what it was asked (to check the history the bot passes)."""

    inner: Any
    asked: list[dict[str, Any]] = field(default_factory=list)

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Any:
        self.asked.append({"question": question, "history": history, "report_id": report_id})
        return self.inner.ask(question, history=history, report_id=report_id)

    def reports(self) -> Any:
        return self.inner.reports()


@dataclass
class Bot:
    """The running bot: its events URL and helpers to send it signed requests over HTTP."""

    url: str
    fake: FakeSlack
    assistant: RecordingAssistant
    secret: str = SIGNING_SECRET
    _event_counter: int = 0

    def post(self, body: str, headers: dict[str, str], content_type: str = "application/json") -> Reply:
        request = urllib.request.Request(
            self.url, data=body.encode(), method="POST", headers={"Content-Type": content_type, **headers}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return Reply(
                    response.status,
                    {k.lower(): v for k, v in response.headers.items()},
                    response.read().decode(),
                )
        except urllib.error.HTTPError as exc:
            return Reply(exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read().decode())

    def send_event(self, event: dict[str, Any], event_id: str | None = None, **headers: str) -> Reply:
        self._event_counter += 1
        body = event_body(event, event_id or f"Ev{self._event_counter:06d}")
        return self.post(body, {**sign(self.secret, body), **headers})

    def mention(self, text: str, channel: str = "C0000001", thread_ts: str | None = None) -> dict[str, Any]:
        """A person mentions the bot: the message goes into the fake's channel and its event is sent."""
        full = f"<@UBOT0001> {text}"
        ts = self.fake.add_user_message(channel, full, thread_ts=thread_ts)
        event = {
            "type": "app_mention",
            "user": "UHUMAN1",
            "text": full,
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        reply = self.send_event(event)
        assert reply.status == 200, reply
        return event

    def answered(self, event: dict[str, Any]) -> bool:
        """True once a chat.update has replaced the placeholder posted in reply to ``event``."""
        thread = event.get("thread_ts") or event["ts"]
        placeholders = [
            c.params["ts"]
            for c in self.fake.calls_to("chat.update")
            if c.params.get("channel") == event["channel"]
        ]
        posted = self.fake.thread(event["channel"], thread)
        return any(m["ts"] in placeholders and float(m["ts"]) > float(event["ts"]) for m in posted)

    def answer_to(self, event: dict[str, Any], timeout_s: float = 120.0) -> dict[str, Any]:
        """Wait at most ``timeout_s`` seconds for the answer to ``event``; return its chat.update params."""
        self.fake.wait_for(lambda _: self.answered(event), timeout_s)
        thread = event.get("thread_ts") or event["ts"]
        ours = {
            m["ts"] for m in self.fake.thread(event["channel"], thread) if float(m["ts"]) > float(event["ts"])
        }
        updates = [c.params for c in self.fake.calls_to("chat.update") if c.params.get("ts") in ours]
        return updates[0]


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake, server = start_fake_slack(BOT_TOKEN)
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def bot(fake_slack: FakeSlack, seed_assistant: Any, ingested_settings: Any) -> Iterator[Bot]:
    """The bolt app over the real Assistant, served over HTTP on a free loopback port."""
    from assistant.slack import SlackTokens, build_app, make_http_server

    slack = ingested_settings.slack.model_copy(update={"api_url": fake_slack.url})
    settings = ingested_settings.model_copy(update={"slack": slack})
    recording = RecordingAssistant(seed_assistant)
    app = build_app(settings, recording, SlackTokens(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET))
    server = make_http_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield Bot(url=f"http://127.0.0.1:{server.server_port}/slack/events", fake=fake_slack, assistant=recording)
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
