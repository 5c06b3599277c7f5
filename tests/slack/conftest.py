"""Fixtures for the Slack bot: a fake Slack Web API and the bot's HTTP server, both on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.slack.fake_slack import FakeSlack, action_body, command_body, event_body, sign, start_fake_slack

BOT_TOKEN = "xoxb-1111-2222-fakebottokenvalue"
SIGNING_SECRET = "fake-signing-secret-0123456789abcdef"


REPORT_ID = "clinical-trial-smo-market"


def context_texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [" ".join(el["text"] for el in b["elements"]) for b in blocks if b["type"] == "context"]


def all_texts(message: dict[str, Any]) -> list[str]:
    """Every text in a message's blocks (mrkdwn, plain and rich text), in order."""
    texts: list[str] = []
    for block in message.get("blocks") or []:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        for element in block.get("elements") or []:
            if "text" in element and isinstance(element["text"], str):
                texts.append(element["text"])
            texts.extend(leaf["text"] for leaf in element.get("elements") or [] if "text" in leaf)
    return texts


def size_in(year: int) -> str:
    """The seed report's market size for ``year`` (USD B): 6.71 compounded at 5.65 % from 2025."""
    return f"{6.71 * 1.0565 ** (year - 2025):.2f}"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RecordingAssistant:
    """The real Assistant, with a note of what it was asked (to check the history the bot passes) and
    how many questions it was answering at once. While ``gate`` is closed every question waits at the
    door (for at most a minute), so a test can hold answers back and see what the bot does meanwhile."""

    inner: Any
    asked: list[dict[str, Any]] = field(default_factory=list)
    gate: threading.Event = field(default_factory=threading.Event)
    active: int = 0
    most_active: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.gate.set()

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Any:
        with self._lock:
            self.asked.append({"question": question, "history": history, "report_id": report_id})
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        try:
            self.gate.wait(timeout=60)
            return self.inner.ask(question, history=history, report_id=report_id)
        finally:
            with self._lock:
                self.active -= 1

    def reports(self) -> Any:
        return self.inner.reports()

    def prepare(self, report_id: str | None = None) -> None:
        self.inner.prepare(report_id)


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

    def slash(self, text: str, response_id: str, command: str = "/report") -> dict[str, Any]:
        """Send ``/report text`` as Slack does; the acknowledgement (returned) is the first message shown."""
        response_url = self.fake.url.replace("/api/", f"/response/{response_id}")
        body = command_body(command, text, response_url)
        reply = self.post(body, sign(self.secret, body), content_type="application/x-www-form-urlencoded")
        assert reply.status == 200, reply
        ack = reply.json() if reply.body else {}
        if ack:
            self.fake.show_ephemeral(response_id, ack)
        return ack

    def click(self, button: dict[str, Any], container: dict[str, Any], response_id: str) -> Reply:
        """Click ``button`` (a Block Kit button the bot sent) in the message described by ``container``."""
        response_url = self.fake.url.replace("/api/", f"/response/{response_id}")
        action = {k: button[k] for k in ("action_id", "value")} | {"block_id": "report_choices"}
        body = action_body(action, container, response_url)
        return self.post(body, sign(self.secret, body), content_type="application/x-www-form-urlencoded")

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


@contextmanager
def running_bot(settings: Any, assistant: Any, fake: FakeSlack) -> Iterator[Bot]:
    """The bolt app over ``assistant``, its HTTP server on a free loopback port, stopped afterwards."""
    from assistant.slack import SlackBot, SlackTokens, build_app, make_http_server

    slack = settings.slack.model_copy(update={"api_url": fake.url})
    settings = settings.model_copy(update={"slack": slack})
    recording = RecordingAssistant(assistant)
    tokens = SlackTokens(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET)
    slack_bot = SlackBot(settings, recording)
    server = make_http_server(build_app(settings, recording, tokens, bot=slack_bot), tokens, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Bot(url=server.url, fake=fake, assistant=recording)
    finally:
        recording.gate.set()
        server.shutdown()
        thread.join(timeout=30)
        server.server_close()
        slack_bot.close()
    assert not fake.invalid, fake.invalid  # every block the bot sent was one Slack accepts


@pytest.fixture
def bot(fake_slack: FakeSlack, seed_assistant: Any, ingested_settings: Any) -> Iterator[Bot]:
    """The bolt app over the real Assistant, served over HTTP on a free loopback port."""
    with running_bot(ingested_settings, seed_assistant, fake_slack) as running:
        yield running
