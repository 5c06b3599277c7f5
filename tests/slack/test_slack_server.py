"""The HTTP endpoint under abuse and load: body limits, malformed requests, logs, the listen queue,
bursts of events, acknowledgements while every worker is busy, and the answer pool's bounds."""

from __future__ import annotations

import http.client
import json
import logging
import select
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlparse

import pytest

from assistant.settings import Settings
from assistant.slack import SlackTokens, build_app, make_http_server
from assistant.slack.blocks import BUSY, PLACEHOLDER
from assistant.slack.endpoint import MAX_BODY_BYTES
from assistant.slack.secrets import MAX_LOG_CHARS
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, Bot, running_bot, size_in
from tests.slack.fake_slack import FakeSlack, command_body, event_body, sign


def _port(bot: Bot) -> int:
    return int(urlparse(bot.url).port or 0)


def _read_status(sock: socket.socket, timeout_s: float = 10.0) -> int:
    """The status code of the response waiting on ``sock``."""
    sock.settimeout(timeout_s)
    head = b""
    while b"\r\n" not in head:
        data = sock.recv(4096)
        if not data:
            break
        head += data
    return int(head.split(b" ", 2)[1])


def _head(length: str | None = None, chunked: bool = False) -> bytes:
    lines = ["POST /slack/events HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _app_log(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Records from the bot, bolt and the server (request lines left out: they carry no body)."""
    return [r for r in caplog.records if r.name != "uvicorn.access" and r.levelno >= logging.INFO]


# -- body limits -----------------------------------------------------------------------------------


def test_a_body_declared_over_the_limit_is_refused_before_it_is_sent(bot: Bot) -> None:
    with socket.create_connection(("127.0.0.1", _port(bot))) as sock:
        sock.sendall(_head(length=str(100 * 1024 * 1024)) + b'{"type": ')
        assert _read_status(sock) == 413  # answered although 100 MB never arrive


def test_a_streamed_body_is_cut_off_at_the_limit(bot: Bot) -> None:
    chunk = b"x" * 65536
    sent = 0
    with socket.create_connection(("127.0.0.1", _port(bot))) as sock:
        sock.sendall(_head(chunked=True))
        while sent < 4 * MAX_BODY_BYTES:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:  # the server closed its side after answering
                break
            sent += len(chunk)
        assert _read_status(sock) == 413
    assert sent < 3 * MAX_BODY_BYTES  # reading stopped at the limit, give or take socket buffers


def test_malformed_unauthenticated_requests_get_400_and_one_log_line(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert bot.post("{}", {}).status == 401  # the server is up: its start-up lines are not counted
    caplog.clear()
    body = event_body({"type": "app_mention", "channel": "C1", "ts": "1.0", "text": "x"}, "EvBAD")
    cases = [
        (body, {"X-Slack-Request-Timestamp": "notanumber", "X-Slack-Signature": "v0=00"}),
        ("{not json", {}),
        ("{not json", sign(SIGNING_SECRET, "{not json")),
        ("payload=%7Bnot+json", {}),
    ]
    for text, headers in cases:
        reply = bot.post(text, headers)
        assert reply.status == 400, reply
    raw = http.client.HTTPConnection("127.0.0.1", _port(bot), timeout=10)
    raw.request("POST", "/slack/events", body=b"\xff\xfe{}", headers={"Content-Type": "application/json"})
    assert raw.getresponse().status == 400
    raw.close()
    records = _app_log(caplog)
    assert len(records) == len(cases) + 1, [r.getMessage() for r in records]
    assert all(r.levelno == logging.WARNING and r.exc_info is None for r in records)
    assert "Traceback" not in caplog.text
    assert not bot.assistant.asked


def test_request_bodies_never_reach_the_log(bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    marker = "PRIVATE-BODY-TEXT"
    big = json.dumps({"type": "event_callback", "event": {"text": marker * 50_000}})  # 850 KB
    assert bot.post(big, sign("not-the-secret", big)).status == 401
    assert bot.post(big, {}).status == 401
    assert bot.post("{" + marker, {}).status == 400
    logged = [r.getMessage() for r in caplog.records]
    assert logged and not any(marker in m for m in logged)
    assert max(len(m) for m in logged) < MAX_LOG_CHARS + 100


def test_other_paths_and_methods_are_refused(bot: Bot) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", _port(bot), timeout=10)
    connection.request("GET", "/slack/events")
    assert connection.getresponse().status == 405
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", _port(bot), timeout=10)
    connection.request("POST", "/elsewhere", body=b"{}")
    assert connection.getresponse().status == 404
    connection.close()


# -- connections and bursts ------------------------------------------------------------------------


def test_the_listen_queue_holds_a_burst_until_the_server_accepts(
    fake_slack: FakeSlack, seed_assistant: Any, tmp_path: Any
) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path, slack={"api_url": fake_slack.url})
    tokens = SlackTokens(BOT_TOKEN, SIGNING_SECRET)
    server = make_http_server(build_app(settings, seed_assistant, tokens), tokens, "127.0.0.1", 0)
    connections: list[socket.socket] = []
    try:
        for _ in range(64):  # nothing accepts yet: every connection must wait in the queue
            connections.append(socket.create_connection(("127.0.0.1", server.server_port), timeout=2))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        body = json.dumps({"type": "url_verification", "challenge": "c-1", "token": "t"})
        request = (
            _head(length=str(len(body.encode()))).replace(
                b"\r\n\r\n", b"\r\n" + _signed_headers(body) + b"\r\n\r\n"
            )
            + body.encode()
        )
        for sock in connections:
            sock.sendall(request)
        assert [_read_status(sock) for sock in connections] == [200] * 64
    finally:
        for sock in connections:
            sock.close()
        server.shutdown()
        server.server_close()


def _signed_headers(body: str) -> bytes:
    return "\r\n".join(f"{k}: {v}" for k, v in sign(SIGNING_SECRET, body).items()).encode()


def test_a_burst_of_events_over_many_connections_is_acknowledged(bot: Bot) -> None:
    mentions = []
    for n in range(10):
        text = f"<@UBOT0001> how big will the market be in {2026 + n % 6}?"
        ts = bot.fake.add_user_message("C0000002", text)
        mentions.append(
            {"type": "app_mention", "user": "UHUMAN1", "text": text, "ts": ts, "channel": "C0000002"}
        )
    chatter = [
        {"type": "message", "channel_type": "channel", "user": "UHUMAN2", "channel": "C0000003", "text": "hi"}
        for _ in range(90)
    ]
    for event in chatter:
        event["ts"] = bot.fake.next_ts()
    bodies = [event_body(e, f"EvBURST{n:03d}") for n, e in enumerate(mentions + chatter)]
    port = _port(bot)

    def deliver(share: list[str]) -> list[int | str]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        statuses: list[int | str] = []
        for body in share:
            try:
                headers = {"Content-Type": "application/json", **sign(SIGNING_SECRET, body)}
                connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
                response = connection.getresponse()
                response.read()
                statuses.append(response.status)
            except OSError as exc:
                statuses.append(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()
        return statuses

    with ThreadPoolExecutor(25) as senders:  # 25 connections, 4 events each, all at once
        results = list(senders.map(deliver, [bodies[i::25] for i in range(25)]))
    assert [s for share in results for s in share] == [200] * 100
    for n, event in enumerate(mentions):
        assert size_in(2026 + n % 6) in bot.answer_to(event)["text"]


def test_commands_are_acknowledged_while_every_worker_is_busy(bot: Bot) -> None:
    workers = Settings().slack.workers
    bot.assistant.gate.clear()  # every answer waits: only acknowledgements can come back
    port = _port(bot)

    def command(n: int) -> tuple[int, dict[str, Any]]:
        response_url = bot.fake.url.replace("/api/", f"/response/busy{n}")
        body = command_body("/report", f"how big will the market be in {2026 + n % 6}?", response_url)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(SIGNING_SECRET, body)}
        connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
        response = connection.getresponse()
        reply = (response.status, json.loads(response.read() or b"{}"))
        connection.close()
        return reply

    with ThreadPoolExecutor(16) as senders:
        acks = list(senders.map(command, range(16)))
    assert [status for status, _ in acks] == [200] * 16
    assert all(ack["text"] == PLACEHOLDER for _, ack in acks)
    bot.fake.wait_for(lambda _: bot.assistant.active == workers, timeout_s=30)
    assert bot.assistant.most_active == workers  # several at once, never more than the pool
    bot.assistant.gate.set()
    bot.fake.wait_for(lambda f: all(f.calls_to(f"response/busy{n}") for n in range(16)), timeout_s=120)
    assert bot.assistant.most_active == workers
    for n in range(16):
        assert size_in(2026 + n % 6) in bot.fake.calls_to(f"response/busy{n}")[0].params["text"]


def test_a_command_is_acknowledged_while_slack_is_slow_to_take_placeholders(bot: Bot) -> None:
    held = bot.fake.hold("chat.postMessage")  # Slack's API stalls: no placeholder gets through
    try:
        for n in range(20):
            ts = bot.fake.add_user_message("C0000004", f"<@UBOT0001> how big in {2026 + n % 6}?")
            event = {"type": "app_mention", "user": "UHUMAN1", "text": "x", "ts": ts, "channel": "C0000004"}
            assert bot.send_event(event).status == 200
        bot.fake.wait_for(lambda f: len(f.calls_to("chat.postMessage")) >= 8, timeout_s=30)
        ack = bot.slash("how big will the market be in 2029?", "stalled")
        assert ack["text"] == PLACEHOLDER
    finally:
        held.set()
    bot.fake.wait_for(lambda f: bool(f.calls_to("response/stalled")), timeout_s=120)
    assert size_in(2029) in bot.fake.visible("stalled")[0]["text"]


def test_a_full_waiting_line_gets_a_busy_notice(
    fake_slack: FakeSlack, seed_assistant: Any, ingested_settings: Any
) -> None:
    slack = ingested_settings.slack.model_copy(update={"workers": 1, "max_waiting": 0})
    settings = ingested_settings.model_copy(update={"slack": slack})
    with running_bot(settings, seed_assistant, fake_slack) as bot:
        bot.assistant.gate.clear()
        bot.slash("how big will the market be in 2029?", "first")
        bot.fake.wait_for(lambda _: bot.assistant.active == 1, timeout_s=30)
        bot.slash("how big will the market be in 2030?", "second")
        bot.fake.wait_for(lambda f: bool(f.calls_to("response/second")), timeout_s=30)
        assert bot.fake.visible("second")[0]["text"] == BUSY
        bot.assistant.gate.set()
        bot.fake.wait_for(lambda f: bool(f.calls_to("response/first")), timeout_s=60)
    assert size_in(2029) in bot.fake.visible("first")[0]["text"]
    assert [a["question"] for a in bot.assistant.asked] == ["how big will the market be in 2029?"]


def test_the_endpoint_binds_loopback_by_default() -> None:
    assert Settings().slack.host == "127.0.0.1"
