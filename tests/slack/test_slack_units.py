"""The Slack bot's pure parts: Block Kit limits, text cleaning, the report option, de-duplication, history."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant.domain.answer import Answer, Citation, Computation
from assistant.errors import InputError
from assistant.slack.blocks import APOLOGY, MAX_BLOCKS, MAX_TEXT, PLACEHOLDER, fit, render_answer
from assistant.slack.dedupe import Deduper, event_keys
from assistant.slack.history import messages_to_history
from assistant.slack.text import clean_text, parse_report_option


def _citation(n: int, quote: str = "USD 6.71 Billion", section: str = "Overview") -> Citation:
    return Citation(report_id="r", section=section, quote=quote, start=n, end=n + len(quote))


def _all_texts(blocks: list[dict[str, Any]]) -> list[str]:
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    return texts + [el["text"] for b in blocks if b["type"] == "context" for el in b["elements"]]


# -- blocks ----------------------------------------------------------------------------------------


def test_a_real_answer_renders_text_computation_and_numbered_citations(seed_assistant: Any) -> None:
    answer = seed_assistant.ask("how big will the market be in 2029?")
    fallback, blocks = render_answer(answer)
    assert answer.text.strip() == fallback
    assert blocks[0] == {"type": "section", "text": {"type": "mrkdwn", "text": answer.text.strip()}}
    texts = _all_texts(blocks)
    for computation in answer.computations:
        assert any(computation.expression in t for t in texts)
    for n, citation in enumerate(answer.citations, start=1):
        assert any(t.startswith(f"*[{n}]* “") and citation.section in t for t in texts)


def test_a_long_answer_is_shortened_politely_within_slacks_limits() -> None:
    long_text = "The market grows. " * 500  # 9000 characters
    answer = Answer(question="q", status="answered", text=long_text, citations=[_citation(1, "x " * 2000)])
    fallback, blocks = render_answer(answer)
    assert len(fallback) <= MAX_TEXT
    for text in _all_texts(blocks):
        assert len(text) <= MAX_TEXT
    assert "shortened to fit Slack" in blocks[0]["text"]["text"]
    assert blocks[0]["text"]["text"].startswith("The market grows.")


def test_many_citations_stay_under_fifty_blocks_with_a_note() -> None:
    answer = Answer(
        question="q",
        status="answered",
        text="see [1]",
        citations=[_citation(i) for i in range(120)],
        computations=[Computation(tool="t", inputs={}, output={"v": 1}, expression="1 + 1 = 2")],
    )
    _, blocks = render_answer(answer)
    assert len(blocks) == MAX_BLOCKS
    assert any("more citation(s) not shown" in t for t in _all_texts(blocks))


def test_markup_characters_are_escaped_and_never_split() -> None:
    answer = Answer(question="q", status="unanswerable", text="A <b> & C > D", report_id="r")
    _, blocks = render_answer(answer)
    assert blocks[0]["text"]["text"] == "A &lt;b&gt; &amp; C &gt; D"
    assert "status: unanswerable" in _all_texts(blocks)[-1]
    shortened = fit("&" * 5000, limit=100)
    assert len(shortened) <= 100 and shortened.split("…")[0].replace("&amp;", "") == ""


# -- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--report abc-1 how big?", ("abc-1", "how big?")),
        ("--report=abc_1  how big?", ("abc_1", "how big?")),
        ("report:abc.1 how big?", ("abc.1", "how big?")),
        ("REPORT: abc how big?", ("abc", "how big?")),
        ("how big is the report: market?", (None, "how big is the report: market?")),
        ("  plain question ", (None, "plain question")),
    ],
)
def test_the_report_option(text: str, expected: tuple[str | None, str]) -> None:
    assert parse_report_option(text) == expected


@pytest.mark.parametrize("text", ["--report", "report:", "--report !! what?"])
def test_a_report_option_without_an_id_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="report id"):
        parse_report_option(text)


def test_clean_text_drops_mentions_and_slack_markup() -> None:
    raw = "<@UBOT0001>  what is <https://x.test/a|the CAGR> &amp; size in <#C1|general>? &lt;ok&gt;"
    assert clean_text(raw) == "what is the CAGR & size in ? <ok>"
    assert clean_text("see <https://x.test/a>") == "see https://x.test/a"


# -- dedupe ----------------------------------------------------------------------------------------


def test_deduper_answers_each_key_once_and_forgets_after_the_ttl() -> None:
    now = [0.0]
    dedupe = Deduper(ttl_s=60, clock=lambda: now[0])
    assert dedupe.first_time(["event:E1", "message:C:1"])
    assert not dedupe.first_time(["event:E1"])  # a retry
    assert not dedupe.first_time(["event:E2", "message:C:1"])  # same message, second event
    now[0] = 61.0
    assert dedupe.first_time(["event:E1"])


def test_deduper_is_bounded_and_thread_safe() -> None:
    dedupe = Deduper(max_keys=10)
    for i in range(100):
        dedupe.first_time([f"k{i}"])
    assert len(dedupe) == 10
    winners: list[bool] = []
    barrier = threading.Barrier(16)

    def race() -> None:
        barrier.wait()
        winners.append(dedupe.first_time(["same"]))

    threads = [threading.Thread(target=race) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert winners.count(True) == 1


def test_event_keys() -> None:
    body = {"event_id": "Ev1", "event": {"channel": "C1", "ts": "1.5"}}
    assert event_keys(body) == ["event:Ev1", "message:C1:1.5"]
    assert event_keys({"type": "url_verification"}) == []


# -- history ---------------------------------------------------------------------------------------


def test_thread_messages_become_history_oldest_first() -> None:
    messages = [
        {"ts": "3.0", "user": "UBOT", "bot_id": "B1", "text": "USD 8.36 billion in 2029 &amp; more"},
        {"ts": "1.0", "user": "U1", "text": "<@UBOT> how big in 2029?"},
        {"ts": "4.0", "user": "UOTHER", "bot_id": "B9", "text": "another bot"},
        {"ts": "5.0", "user": "UBOT", "bot_id": "B1", "text": PLACEHOLDER},
        {"ts": "5.5", "user": "UBOT", "bot_id": "B1", "text": APOLOGY},
        {"ts": "6.0", "user": "U2", "subtype": "channel_join", "text": "joined"},
        {"ts": "7.0", "user": "U1", "text": "<@UBOT> and in 2030?"},  # the message being answered
        {"ts": "8.0", "user": "U1", "text": "later"},
    ]
    history = messages_to_history(messages, before_ts="7.0", bot_user_id="UBOT", bot_id="B1")
    assert history == [
        {"role": "user", "content": "how big in 2029?"},
        {"role": "assistant", "content": "USD 8.36 billion in 2029 & more"},
    ]


def test_history_keeps_only_the_newest_turns() -> None:
    messages = [{"ts": f"{i}.0", "user": "U1", "text": f"q{i}"} for i in range(1, 40)]
    history = messages_to_history(messages, before_ts="39.0", bot_user_id="UBOT", bot_id="B1", max_turns=5)
    assert [t["content"] for t in history] == ["q34", "q35", "q36", "q37", "q38"]
