"""Report buttons: offered when a question fits several reports; a click re-asks with the chosen report
and replaces the message that offered the buttons (a thread message, or an ephemeral reply)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from assistant.slack.choices import Asked, action_id, encode
from tests.slack.conftest import REPORT_ID, Bot, all_texts, context_texts, running_bot, size_in

ROUTING = Path(__file__).resolve().parents[1] / "fixtures" / "routing"


def test_a_report_button_in_a_slash_reply_re_asks_with_that_report(bot: Bot) -> None:
    asked = Asked("how big will the market be in 2030?")
    button = {"action_id": action_id(0), "value": encode(REPORT_ID, asked)}
    bot.fake.show_ephemeral("pick", {"text": "Which report do you mean?", "response_type": "ephemeral"})
    container = {"type": "message", "message_ts": "1.0", "channel_id": "C0000001", "is_ephemeral": True}
    assert bot.click(button, container, "pick").status == 200
    bot.fake.wait_for(lambda f: any(size_in(2030) in m["text"] for m in f.visible("pick")))
    [shown] = bot.fake.visible("pick")  # the question with buttons was replaced by the answer
    assert asked.question in all_texts(shown)
    assert bot.assistant.asked == [{"question": asked.question, "history": None, "report_id": REPORT_ID}]


def test_a_report_button_in_a_thread_replaces_that_message_and_keeps_the_thread(bot: Bot) -> None:
    first = bot.mention("how big will the market be in 2029?")
    bot.answer_to(first)
    follow_up = bot.mention("and in 2031?", thread_ts=first["ts"])
    asking_back = bot.answer_to(follow_up)  # stands in for the reply that offered the buttons
    asked = Asked("and in 2031?", thread_ts=first["ts"], ts=follow_up["ts"])
    button = {"action_id": action_id(1), "value": encode(REPORT_ID, asked)}
    container = {
        "type": "message",
        "message_ts": asking_back["ts"],
        "channel_id": first["channel"],
        "is_ephemeral": False,
        "thread_ts": first["ts"],
    }
    assert bot.click(button, container, "thread").status == 200
    bot.fake.wait_for(lambda f: len(f.calls_to("chat.update")) >= 4)
    final = bot.fake.calls_to("chat.update")[-1].params
    assert final["ts"] == asking_back["ts"] and size_in(2031) in final["text"]
    again = bot.assistant.asked[-1]
    assert again["report_id"] == REPORT_ID and again["question"] == "and in 2031?"
    assert [t["role"] for t in again["history"]] == ["user", "assistant"]  # the thread before the question
    assert not bot.fake.visible("thread")  # nothing ephemeral: the thread message itself changed


@pytest.fixture(scope="module")
def two_feed_reports(tmp_path_factory: pytest.TempPathFactory, ingested_settings: Any) -> Any:
    """Settings over two reports one question can fit equally ("the fish feed market")."""
    from assistant import Settings, ingest

    base = tmp_path_factory.mktemp("two-reports")
    corpus = base / "corpus"
    corpus.mkdir()
    for name in ("aquaculture-fish-feed-market.html", "ornamental-fish-feed-market.md"):
        shutil.copy(ROUTING / name, corpus / name)
    settings = Settings(data_dir=base / "data", corpus_dir=corpus)
    ingest(settings)
    return settings


def test_a_question_that_fits_several_reports_offers_them_as_buttons(
    two_feed_reports: Any, fake_slack: Any
) -> None:
    from assistant import Assistant

    with running_bot(two_feed_reports, Assistant(two_feed_reports), fake_slack) as bot:
        event = bot.mention("how big is the fish feed market in 2027?")
        asking_back = bot.answer_to(event)
        [actions] = [b for b in asking_back["blocks"] if b["type"] == "actions"]
        labels = [button["text"]["text"] for button in actions["elements"]]
        assert (
            len(labels) == 2
            and any("Aquaculture" in t for t in labels)
            and any("Ornamental" in t for t in labels)
        )
        chosen = next(b for b in actions["elements"] if "Ornamental" in b["text"]["text"])
        container = {
            "type": "message",
            "message_ts": asking_back["ts"],
            "channel_id": event["channel"],
            "is_ephemeral": False,
        }
        assert bot.click(chosen, container, "fish").status == 200
        bot.fake.wait_for(lambda f: len(f.calls_to("chat.update")) >= 3)
        final = bot.fake.calls_to("chat.update")[-1].params
        assert final["ts"] == asking_back["ts"] and "2027" in final["text"]
        assert bot.assistant.asked[-1]["report_id"] == "ornamental-fish-feed-market"
        assert context_texts(final["blocks"])[-1].startswith("Report: Global Ornamental Fish Feed Market")
