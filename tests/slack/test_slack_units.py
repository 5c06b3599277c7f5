"""The Slack bot's pure parts: rendering for people, Block Kit limits, text cleaning, the report option,
report buttons, the answer pool, de-duplication, history and log redaction."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from assistant.domain.answer import Answer, Citation, Computation, ReportChoice
from assistant.errors import InputError
from assistant.slack.blocks import APOLOGY, BUSY, MAX_BLOCKS, MAX_TEXT, PLACEHOLDER, fit, placeholder
from assistant.slack.choices import MAX_VALUE, Asked, decode, encode
from assistant.slack.dedupe import Deduper, event_keys
from assistant.slack.history import messages_to_history
from assistant.slack.render import render_answer
from assistant.slack.secrets import MAX_LOG_CHARS, RedactSecrets
from assistant.slack.text import clean_text, parse_report_option
from assistant.slack.workers import AnswerPool
from tests.slack.block_kit import problems_with

TITLES = {"r": "Widget Market Report 2025-2031", "other": "Gadget Market Outlook"}


def _citation(
    n: int, quote: str = "USD 6.71 Billion", section: str = "Overview", report: str = "r"
) -> Citation:
    return Citation(report_id=report, section=section, quote=quote, start=n, end=n + len(quote))


def _texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Every text a person reads in ``blocks``, in order."""
    texts: list[str] = []
    for block in blocks:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        elif block["type"] == "context":
            texts.append(" ".join(el["text"] for el in block["elements"]))
    return texts


def _render(answer: Answer, **kwargs: Any) -> tuple[str, list[dict[str, Any]]]:
    text, blocks = render_answer(answer, title_of=TITLES.get, **kwargs)
    assert problems_with(blocks) == []
    return text, blocks


# -- rendering -------------------------------------------------------------------------------------


def test_a_real_answer_renders_text_working_numbered_sources_and_the_report_title(
    seed_assistant: Any,
) -> None:
    answer = seed_assistant.ask("how big will the market be in 2029?")
    titles = {r.id: r.title for r in seed_assistant.reports()}
    fallback, blocks = render_answer(answer, title_of=titles.get)
    assert problems_with(blocks) == []
    assert blocks[0] == {"type": "section", "text": {"type": "mrkdwn", "text": answer.text.strip()}}
    assert "[1]" in answer.text and "[1]" not in fallback  # the notification shows no bare markers
    texts = _texts(blocks)
    for line in answer.working:
        assert any(f"`{line}`" in t for t in texts)
    sources = [t for t in texts if t.startswith("*[")]
    assert len(sources) == len(answer.citations)
    for n, (text, citation) in enumerate(zip(sources, answer.citations, strict=True), start=1):
        assert text.startswith(f"*[{n}]* “") and f"Section: {citation.section}" in text
    assert texts[-1] == f"Report: {titles[answer.report_id]}"
    shown = " ".join(texts)
    assert answer.report_id not in shown and "chars" not in shown and " ms" not in shown


def test_the_footer_is_for_people_and_the_backend_stays_out() -> None:
    answer = Answer(
        question="q",
        status="answered",
        text="The market is USD 8.36 billion in 2029 [1].",
        citations=[_citation(104, "USD 6.71 Billion", "Market Overview")],
        report_id="r",
        backend="offline",
        latency_ms=19901.0,
    )
    fallback, blocks = _render(answer)
    texts = _texts(blocks)
    assert fallback == "The market is USD 8.36 billion in 2029."
    assert texts[-1] == "Report: Widget Market Report 2025-2031"
    assert texts[-2] == "*[1]* “USD 6.71 Billion”\nSection: Market Overview"
    for hidden in ("offline", "19901", "ms", "chars", "104"):
        assert hidden not in " ".join(texts)


def test_a_source_from_another_report_names_that_report() -> None:
    answer = Answer(question="q", status="answered", text="x [1]", citations=[_citation(1, report="other")])
    answer.report_id = "r"
    _, blocks = _render(answer)
    assert "Report: Gadget Market Outlook" in _texts(blocks)[-2]


@pytest.mark.parametrize(
    ("status", "label"),
    [("unanswerable", "The report does not answer this"), ("rejected", "This question was not answered")],
)
def test_an_abstention_is_labelled(status: str, label: str) -> None:
    answer = Answer(
        question="q", status=status, text="The report does not give the CEO's name.", report_id="r"
    )
    _, blocks = _render(answer)
    assert label in _texts(blocks)[0]
    answered = Answer(question="q", status="answered", text="USD 8.36 billion", report_id="r")
    assert not any(label in t for t in _texts(_render(answered)[1]))


def test_the_working_is_shown_not_the_tool_calls() -> None:
    tool_call = Computation(tool="market_size_in_year", inputs={"year": 2029}, output={"v": 8.36})
    answer = Answer(question="q", status="answered", text="USD 8.36 billion", computations=[tool_call])
    assert not any("market_size_in_year" in t or "Working" in t for t in _texts(_render(answer)[1]))
    answer.working = ["6.71 x 1.0565^4 = 8.36", "8.36 - 6.71 = 1.65 (a > b & c)"]
    working = [t for t in _texts(_render(answer)[1]) if t.startswith("Working:")]
    assert working == ["Working: `6.71 x 1.0565^4 = 8.36`  ·  `8.36 - 6.71 = 1.65 (a &gt; b &amp; c)`"]


def test_unanswered_parts_are_shown_as_typed() -> None:
    answer = Answer(
        question="q", status="answered", text="USD 8.36 billion", unanswered_parts=["the *CEO*'s_name"]
    )
    _, blocks = _render(answer)
    [part] = [b["elements"][0] for b in blocks if "Not answered from the report" in _texts([b])[0]]
    assert part == {
        "type": "plain_text",
        "text": "Not answered from the report: the *CEO*'s_name",
        "emoji": False,
    }


def test_candidate_reports_become_buttons_that_carry_the_question() -> None:
    candidates = [
        ReportChoice(id="aquaculture-feed", title="Aquaculture Fish Feed Market", years="2024-2030"),
        ReportChoice(id="ornamental-feed", title="Ornamental Fish Feed Market " + "x" * 100),
    ]
    answer = Answer(
        question="q", status="unanswerable", text="Which report do you mean?", candidates=candidates
    )
    asked = Asked("how big is the fish feed market?", thread_ts="1.0", ts="2.0")
    _, blocks = _render(answer, asked=asked)
    assert "Several reports fit" in _texts(blocks)[0]
    assert not any("does not answer" in t for t in _texts(blocks))
    [actions] = [b for b in blocks if b["type"] == "actions"]
    first, second = actions["elements"]
    assert first["text"]["text"] == "Aquaculture Fish Feed Market (2024-2030)"
    assert len(second["text"]["text"]) <= 75 and second["text"]["text"].endswith("…")
    assert [decode(b["value"]) for b in (first, second)] == [
        decode(encode("aquaculture-feed", asked)),
        decode(encode("ornamental-feed", asked)),
    ]
    choice = decode(first["value"])
    assert choice is not None and choice.report_id == "aquaculture-feed" and choice.asked == asked
    # Without the question (or with one too long to carry) the text alone names the reports.
    assert not any(b["type"] == "actions" for b in _render(answer)[1])
    too_long = Asked("q" * MAX_VALUE)
    assert encode("aquaculture-feed", too_long) is None
    assert not any(b["type"] == "actions" for b in _render(answer, asked=too_long)[1])


def test_button_values_from_elsewhere_are_not_trusted() -> None:
    for value in ("", "not json", "[1]", '{"r": "x"}', '{"r": 1, "q": "q"}'):
        assert decode(value) is None
    choice = decode('{"r": "x", "q": "q", "th": 5}')
    assert choice is not None and choice.asked == Asked("q")  # a malformed thread is dropped


def test_what_a_person_typed_is_quoted_literally_never_as_markup() -> None:
    question = "what is the *CAGR* for 2026_2031 & is it > 5%?"
    text, blocks = placeholder(question)
    assert problems_with(blocks) == []
    assert text == PLACEHOLDER
    [quote] = [b for b in blocks if b["type"] == "rich_text"]
    assert quote["elements"][1] == {
        "type": "rich_text_quote",
        "elements": [{"type": "text", "text": question}],
    }
    assert all("CAGR" not in t for t in _texts(blocks))  # no mrkdwn holds the question


def test_a_long_answer_is_shortened_politely_within_slacks_limits() -> None:
    long_text = "The market grows. " * 500  # 9000 characters
    answer = Answer(question="q", status="answered", text=long_text, citations=[_citation(1, "x " * 2000)])
    fallback, blocks = _render(answer)
    assert len(fallback) <= MAX_TEXT
    for text in _texts(blocks):
        assert len(text) <= MAX_TEXT + 10
    assert "shortened to fit Slack" in blocks[0]["text"]["text"]
    assert blocks[0]["text"]["text"].startswith("The market grows.")


def test_many_citations_stay_under_fifty_blocks_with_a_note() -> None:
    answer = Answer(
        question="q",
        status="answered",
        text="see [1]",
        citations=[_citation(i) for i in range(120)],
        working=["1 + 1 = 2"],
        report_id="r",
    )
    _, blocks = _render(answer)
    assert len(blocks) == MAX_BLOCKS
    assert any("more source(s) not shown" in t for t in _texts(blocks))


def test_markup_characters_are_escaped_and_never_split() -> None:
    answer = Answer(question="q", status="answered", text="A <b> & C > D")
    _, blocks = _render(answer)
    assert blocks[0]["text"]["text"] == "A &lt;b&gt; &amp; C &gt; D"
    shortened = fit("&" * 5000, limit=100)
    assert len(shortened) <= 100 and shortened.split("…")[0].replace("&amp;", "") == ""


def test_the_block_kit_check_refuses_what_slack_refuses() -> None:
    assert problems_with([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}])
    assert problems_with([{"type": "section", "text": {"type": "mrkdwn", "text": ""}}])
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": "a"},
        "action_id": "same",
        "value": "v",
    }
    assert problems_with([{"type": "actions", "elements": [button, button]}])
    assert problems_with([{"type": "image"}]) and problems_with([{"type": "divider"}] * 51)


# -- the answer pool -------------------------------------------------------------------------------


def test_the_pool_answers_in_parallel_up_to_its_workers_and_turns_away_beyond_its_queue() -> None:
    pool = AnswerPool(workers=3, max_waiting=2)
    release, lock = threading.Event(), threading.Lock()
    running: list[int] = []
    started = threading.Semaphore(0)

    def task(n: int) -> None:
        with lock:
            running.append(n)
        started.release()
        release.wait(timeout=30)

    try:
        accepted = [pool.submit(lambda n=n: task(n)) for n in range(6)]
        for _ in range(3):
            assert started.acquire(timeout=10)
        assert accepted == [True] * 5 + [False]  # 3 running, 2 waiting, the sixth turned away
        assert not started.acquire(timeout=0.2) and len(running) == 3
        release.set()
        for _ in range(2):
            assert started.acquire(timeout=10)
        assert sorted(running) == [0, 1, 2, 3, 4]
    finally:
        release.set()
        pool.shutdown(wait=True)


def test_a_failing_task_is_logged_and_frees_its_place(caplog: pytest.LogCaptureFixture) -> None:
    pool = AnswerPool(workers=1, max_waiting=0)
    done = threading.Event()
    try:
        assert pool.submit(lambda: 1 / 0)  # type: ignore[func-returns-value]
        for _ in range(100):  # its place frees up once it has failed
            if pool.submit(done.set):
                break
            threading.Event().wait(0.02)
        assert done.wait(timeout=10)
    finally:
        pool.shutdown(wait=True)
    assert any(r.exc_info and "answering task failed" in r.getMessage() for r in caplog.records)


# -- logs ------------------------------------------------------------------------------------------


def test_a_huge_log_message_is_cut() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "body: %s", ("a" * 10_000_000,), None)
    assert RedactSecrets().filter(record)
    message = record.getMessage()
    assert len(message) < MAX_LOG_CHARS + 100 and message.endswith("more characters not logged)")


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
        {"ts": "5.7", "user": "UBOT", "bot_id": "B1", "text": BUSY},
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
