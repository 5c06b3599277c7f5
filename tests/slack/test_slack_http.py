"""The Slack bot end to end over real HTTP: signed requests in, calls to a fake Slack Web API out."""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

import pytest

from assistant.slack.blocks import APOLOGY, PLACEHOLDER
from tests.slack.conftest import BOT_TOKEN, REPORT_ID, SIGNING_SECRET, Bot, all_texts, context_texts, size_in
from tests.slack.fake_slack import event_body, sign

CITATION = re.compile(r"^\*\[(?P<n>\d+)\]\* “(?P<quote>.*)”\nSection: (?P<section>.+)$", re.DOTALL)


def test_mention_gets_placeholder_then_cited_answer_in_its_thread(
    bot: Bot, seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="assistant.slack")
    event = bot.mention("how big will the market be in 2029?")
    update = bot.answer_to(event)

    [placeholder] = bot.fake.calls_to("chat.postMessage")
    assert placeholder.params["thread_ts"] == event["ts"]
    assert placeholder.params["channel"] == event["channel"]
    assert placeholder.params["text"] == PLACEHOLDER
    assert placeholder.authorization == f"Bearer {BOT_TOKEN}"
    assert update["channel"] == event["channel"]
    assert size_in(2029) in update["text"]
    blocks = update["blocks"]
    assert blocks[0]["type"] == "section" and size_in(2029) in blocks[0]["text"]["text"]
    contexts = context_texts(blocks)
    assert contexts[-1] == "Report: Global Clinical Trial Site Management Organization Market"
    cited = [CITATION.match(t) for t in contexts if CITATION.match(t)]
    assert cited, contexts
    assert [int(m.group("n")) for m in cited] == list(range(1, len(cited) + 1))
    flat_report = " ".join(seed_text.split())
    for match in cited:  # each citation is a verbatim piece of the report, with its section
        quote = match.group("quote").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        assert quote.removesuffix(" …") in flat_report
        assert "chars" not in match.group("section")
        assert match.group("section").strip()
    assert bot.assistant.asked[0] == {
        "question": "how big will the market be in 2029?",
        "history": None,
        "report_id": None,
    }
    # Which backend answered and how long it took is for the log, not for the reader.
    assert f"answered (answered) from report {REPORT_ID} by the offline backend in" in caplog.text
    assert not any("offline" in t or " ms" in t for t in context_texts(blocks))


def test_bad_or_stale_signature_gets_401_and_nothing_is_posted(bot: Bot) -> None:
    ts = bot.fake.add_user_message("C0000001", "<@UBOT0001> how big will the market be in 2029?")
    event = {
        "type": "app_mention",
        "user": "UHUMAN1",
        "text": "<@UBOT0001> hi",
        "ts": ts,
        "channel": "C0000001",
    }
    body = event_body(event, "EvBAD1")
    wrong_secret = bot.post(body, sign("not-the-secret", body))
    stale = bot.post(body, sign(SIGNING_SECRET, body, timestamp=int(time.time()) - 600))
    unsigned = bot.post(body, {})
    tampered = bot.post(body.replace("hi", "bye"), sign(SIGNING_SECRET, body))
    assert [r.status for r in (wrong_secret, stale, unsigned, tampered)] == [401, 401, 401, 401]

    # A good request afterwards is answered, and it is the only thing ever posted.
    sentinel = bot.mention("what is the CAGR?")
    bot.answer_to(sentinel)
    assert [c.params["thread_ts"] for c in bot.fake.calls_to("chat.postMessage")] == [sentinel["ts"]]
    assert len(bot.assistant.asked) == 1


def test_a_retry_of_the_same_event_posts_nothing_new(bot: Bot) -> None:
    ts = bot.fake.add_user_message("C0000001", "<@UBOT0001> how big will the market be in 2030?")
    event = {
        "type": "app_mention",
        "user": "UHUMAN1",
        "text": "<@UBOT0001> how big will the market be in 2030?",
        "ts": ts,
        "channel": "C0000001",
        "event_ts": ts,
    }
    first = bot.send_event(event, event_id="EvRETRY1")
    # Slack retries with the same event_id while the first answer may still be on its way.
    retries = [
        bot.send_event(
            event,
            event_id="EvRETRY1",
            **{"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"},
        )
        for n in (1, 2, 3)
    ]
    assert first.status == 200
    assert all(r.status == 200 and r.headers.get("x-slack-no-retry") == "1" for r in retries)
    update = bot.answer_to(event)
    assert size_in(2030) in update["text"]

    sentinel = bot.mention("what is the CAGR?")
    bot.answer_to(sentinel)
    assert [c.params["thread_ts"] for c in bot.fake.calls_to("chat.postMessage")] == [ts, sentinel["ts"]]
    assert len(bot.fake.calls_to("chat.update")) == 2


def test_a_thread_follow_up_is_answered_with_the_thread_as_history(bot: Bot) -> None:
    first = bot.mention("how big will the market be in 2029?")
    first_answer = bot.answer_to(first)

    follow_up = bot.mention("and in 2030?", thread_ts=first["ts"])
    update = bot.answer_to(follow_up)

    [replies] = bot.fake.calls_to("conversations.replies")
    assert replies.params["channel"] == first["channel"] and replies.params["ts"] == first["ts"]
    posted = [c.params["thread_ts"] for c in bot.fake.calls_to("chat.postMessage")]
    assert posted == [first["ts"], first["ts"]]  # the follow-up is answered in the same thread
    assert size_in(2030) in update["text"]
    history = bot.assistant.asked[1]["history"]
    assert history[0] == {"role": "user", "content": "how big will the market be in 2029?"}
    assert history[1]["role"] == "assistant" and size_in(2029) in history[1]["content"]
    assert len(history) == 2 and first_answer["text"].startswith(history[1]["content"][:40])


def test_a_direct_message_is_answered_in_its_thread(bot: Bot) -> None:
    ts = bot.fake.add_user_message("D0000001", "how big will the market be in 2031?")
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "UHUMAN1",
        "channel": "D0000001",
        "ts": ts,
        "text": "how big will the market be in 2031?",
        "event_ts": ts,
    }
    assert bot.send_event(event).status == 200
    update = bot.answer_to(event)
    assert size_in(2031) in update["text"]
    assert bot.fake.calls_to("chat.postMessage")[0].params["thread_ts"] == ts


def test_bots_own_and_other_messages_are_ignored(bot: Bot) -> None:
    ignored = [
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0000001",
            "user": "UBOT0001",
            "bot_id": "BBOT0001",
            "text": "The market is …",
        },
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0000001",
            "bot_id": "BOTHER01",
            "subtype": "bot_message",
            "text": "how big will the market be in 2029?",
        },
        {
            "type": "app_mention",
            "channel": "C0000001",
            "user": "UOTHERBOT",
            "bot_id": "BOTHER01",
            "text": "<@UBOT0001> how big will the market be in 2029?",
        },
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0000001",
            "subtype": "message_changed",
            "message": {"text": "how big?"},
        },
        {
            "type": "message",
            "channel_type": "channel",
            "channel": "C0000001",
            "user": "UHUMAN1",
            "text": "no mention, not for the bot",
        },
    ]
    for event in ignored:
        event["ts"] = bot.fake.next_ts()
        assert bot.send_event(event).status == 200
    sentinel = bot.mention("what is the CAGR?")
    bot.answer_to(sentinel)
    assert [c.params["thread_ts"] for c in bot.fake.calls_to("chat.postMessage")] == [sentinel["ts"]]


def test_one_message_delivered_as_two_events_gets_one_answer(bot: Bot) -> None:
    text = "<@UBOT0001> how big will the market be in 2028?"
    ts = bot.fake.add_user_message("D0000001", text)
    base = {"user": "UHUMAN1", "channel": "D0000001", "ts": ts, "text": text, "event_ts": ts}
    bot.send_event({**base, "type": "app_mention"}, event_id="EvTWO1")
    bot.send_event({**base, "type": "message", "channel_type": "im"}, event_id="EvTWO2")
    bot.answer_to(base)
    sentinel = bot.mention("what is the CAGR?")
    bot.answer_to(sentinel)
    assert [c.params["thread_ts"] for c in bot.fake.calls_to("chat.postMessage")] == [ts, sentinel["ts"]]


def mrkdwn_texts(message: dict[str, Any]) -> list[str]:
    """The texts of a message Slack reads as mrkdwn (where ``*``, ``_`` and ``&`` mean something)."""
    texts = [
        b["text"]["text"]
        for b in message["blocks"]
        if b["type"] == "section" and b["text"]["type"] == "mrkdwn"
    ]
    for block in message["blocks"]:
        if block["type"] == "context":
            texts += [el["text"] for el in block["elements"] if el["type"] == "mrkdwn"]
    return texts


def test_slash_command_answers_ephemerally_with_a_report_option(bot: Bot) -> None:
    for n, text in enumerate(
        [
            f"--report {REPORT_ID} how big will the market be in 2029?",
            f"report:{REPORT_ID} how big will the market be in 2030?",
        ]
    ):
        ack = bot.slash(text, f"r{n}")
        assert ack["response_type"] == "ephemeral" and ack["text"] == PLACEHOLDER
        bot.fake.wait_for(lambda f, n=n: bool(f.calls_to(f"response/r{n}")))
    first, second = (bot.fake.calls_to(f"response/r{n}")[0].params for n in (0, 1))
    assert first["response_type"] == second["response_type"] == "ephemeral"
    assert size_in(2029) in first["text"] and size_in(2030) in second["text"]
    assert any(b["type"] == "context" for b in first["blocks"])
    assert [a["report_id"] for a in bot.assistant.asked] == [REPORT_ID, REPORT_ID]
    assert not bot.fake.calls_to("chat.postMessage")  # nothing visible to the channel


def test_a_slash_command_leaves_one_message_the_answer_in_place_of_the_placeholder(bot: Bot) -> None:
    question = "how big will the market be in 2031?"
    bot.assistant.gate.clear()  # hold the answer back to look at what is shown meanwhile
    ack = bot.slash(question, "one")
    assert bot.fake.visible("one") == [ack]
    bot.assistant.gate.set()
    bot.fake.wait_for(lambda f: bool(f.calls_to("response/one")))
    [response] = bot.fake.calls_to("response/one")
    assert response.params["replace_original"] is True
    [shown] = bot.fake.visible("one")
    assert shown["response_type"] == "ephemeral" and size_in(2031) in shown["text"]
    assert question in all_texts(shown)  # the answer still shows what was asked
    assert PLACEHOLDER not in all_texts(shown)


def test_what_a_person_typed_is_echoed_exactly_never_as_markup(bot: Bot) -> None:
    question = "what is the *CAGR* for 2026_2031 & is it > 5%?"
    ack = bot.slash(question, "markup")
    bot.fake.wait_for(lambda f: bool(f.calls_to("response/markup")))
    [answer] = bot.fake.visible("markup")
    for message in (ack, answer):
        quoted = [b for b in message["blocks"] if b["type"] == "rich_text"]
        assert quoted and quoted[0]["elements"][1]["elements"] == [{"type": "text", "text": question}]
        for text in mrkdwn_texts(message):
            assert "CAGR*" not in text and "2026_2031" not in text  # no mrkdwn holds what was typed
            assert ">" not in text.replace("&gt;", "") and "&" not in text.replace("&amp;", "").replace(
                "&gt;", ""
            ).replace("&lt;", "")
        assert "&" not in message["text"].replace("&amp;", "").replace("&gt;", "").replace("&lt;", "")
    assert bot.assistant.asked[0]["question"] == question


def test_slash_command_with_an_unknown_report_or_no_question(bot: Bot) -> None:
    bot.slash("--report no_such_report how big is it?", "unknown")
    bot.fake.wait_for(lambda f: bool(f.calls_to("response/unknown")))
    [reply] = bot.fake.visible("unknown")
    assert "no_such_report" in reply["text"] and any(REPORT_ID in t for t in all_texts(reply))
    notice = reply["blocks"][0]["text"]
    assert notice["type"] == "plain_text" and "no_such_report" in notice["text"]  # never read as _italics_

    usage = bot.slash("", "usage")
    assert "--report" in usage["text"] and REPORT_ID in usage["text"]
    bad = bot.slash("--report", "bad")
    assert "report id" in bad["text"]


def test_an_internal_error_gets_an_apology_and_the_cause_in_the_log(bot: Bot, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    first = bot.mention("how big will the market be in 2029?")
    bot.answer_to(first)
    bot.fake.fail_methods.add("conversations.replies")
    follow_up = bot.mention("and in 2030?", thread_ts=first["ts"])
    update = bot.answer_to(follow_up)

    assert update["text"] == APOLOGY
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name == "assistant.slack.app"]
    assert errors and errors[0].exc_info is not None
    assert "internal_error" in caplog.text  # the cause: Slack's error for conversations.replies
    for secret in (BOT_TOKEN, SIGNING_SECRET, "legacy-verification-token"):
        assert secret not in caplog.text


def test_tokens_never_reach_the_log(bot: Bot, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    body = event_body({"type": "app_mention", "channel": "C0000001", "ts": "1.0", "text": "x"}, "EvLOG1")
    assert bot.post(body, sign("wrong", body)).status == 401  # bolt logs the rejected body at INFO
    event = bot.mention("how big will the market be in 2029?")
    bot.answer_to(event)
    logged = caplog.text + json.dumps([r.getMessage() for r in caplog.records])
    assert "refused POST /slack/events from 127.0.0.1: missing, stale or wrong signature (401)" in logged
    for secret in (BOT_TOKEN, SIGNING_SECRET, "legacy-verification-token"):
        assert secret not in logged


def test_the_request_url_check_slack_sends_at_install_is_answered(bot: Bot) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "c-123", "token": "legacy-token"})
    reply = bot.post(body, sign(SIGNING_SECRET, body))
    assert reply.status == 200 and reply.json() == {"challenge": "c-123"}
    assert bot.post(body, sign("wrong", body)).status == 401
