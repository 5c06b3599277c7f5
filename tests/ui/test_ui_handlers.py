"""Chat page handlers over the real Assistant, called directly (outside a server).

Outside a running event, ``gr.Warning`` becomes a Python ``UserWarning``, which is what these tests
catch to see that a failure reaches the user as a warning and not as an exception.
"""

from __future__ import annotations

import html
import re
import threading
import time

import gradio as gr
import pytest

from assistant.domain.answer import Answer, ReportChoice
from assistant.ui.handlers import AUTO, OUTPUTS, ChatHandlers
from assistant.ui.render import ABSTENTION_LABEL
from tests.ui.ui_helpers import FORECAST_QUESTION, SECOND_ID, SECOND_MARKET, expected_size, marked, squash

SKIP = gr.skip()


def named(values) -> dict:
    return dict(zip(OUTPUTS, values, strict=True))


def run(handlers, message, stored, choice) -> list[dict]:
    return [named(v) for v in handlers.respond(message, stored, choice)]


def chips(examples_html: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'class="example-chip" title="([^"]*)"', examples_html)]


def shown(message: dict) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", message["content"])).split())


@pytest.fixture(scope="module")
def handlers(warm_assistant):
    return ChatHandlers(warm_assistant, stream_delay_s=0.0)


@pytest.fixture(scope="module")
def first_turn(handlers, warm_assistant):
    report_id = warm_assistant.report().id
    stored = named(handlers.clear(report_id))["stored"]  # as the page starts: a new conversation
    return run(handlers, FORECAST_QUESTION, stored, report_id)


def test_empty_message_is_never_a_turn_and_the_status_says_why(handlers):
    for blank in ("", "   \n\t", None):
        [outputs] = run(handlers, blank, None, None)
        assert "Type a question first" in outputs.pop("status")
        assert outputs == {name: SKIP for name in OUTPUTS if name != "status"}


def test_answer_streams_then_ends_with_sources_chart_and_stored_copy(first_turn, warm_assistant):
    pending, *streamed, final = first_turn
    assert "Reading the report" in shown(pending["chat"][-1]) and pending["status"] == ""
    progress = [o for o in streamed if "answer pending" in o["chat"][-1]["content"]]
    assert all(re.fullmatch(r"Reading the report… \d+ s", shown(o["chat"][-1])) for o in progress)
    streamed = streamed[len(progress) :]
    assert len(streamed) >= 3, "the answer should arrive in pieces"
    texts = [shown(outputs["chat"][-1]) for outputs in streamed]
    for shorter, longer in zip(texts, texts[1:], strict=False):
        assert longer.startswith(shorter) and len(longer) > len(shorter)
    report = warm_assistant.report()
    value = f"{expected_size(report, 2029):.2f}"
    assert value == "8.36"
    assert shown(final["chat"][0]) == FORECAST_QUESTION
    assert value in shown(final["chat"][1]) and "Sources" in shown(final["chat"][1])
    stored = final["stored"]
    assert len(stored["turns"]) == 1 and stored["turns"][0]["answer"]["citations"]
    picker = final["citations"]
    assert len(picker.choices) == len(stored["turns"][0]["answer"]["citations"]) and picker.value == "0:0"
    assert marked(final["source"]) == squash(stored["turns"][0]["answer"]["citations"][0]["quote"])
    assert final["chart"].visible is True and final["chart"].value is not None
    assert final["facts"] == SKIP, "the card already shows this report"


def test_follow_up_uses_the_conversation(handlers, first_turn, warm_assistant):
    final = run(handlers, "And in 2030?", first_turn[-1]["stored"], warm_assistant.report().id)[-1]
    assert len(final["chat"]) == 4 and len(final["stored"]["turns"]) == 2
    assert f"{expected_size(warm_assistant.report(), 2030):.2f}" in shown(final["chat"][3])


def test_a_question_asked_while_one_is_answered_waits_and_uses_it(warm_assistant):
    handlers = ChatHandlers(warm_assistant, stream_delay_s=0.05)
    report_id = warm_assistant.report().id
    stored = named(handlers.clear(report_id))["stored"]
    first = handlers.respond(FORECAST_QUESTION, stored, report_id)
    next(first)  # the first question is on its way
    second = handlers.respond("And in 2030?", stored, report_id)  # the browser's copy predates answer 1
    waiting = named(next(second))
    assert "Waiting for the answer above" in shown(waiting["chat"][-1])
    results: dict[str, list] = {}
    threads = [
        threading.Thread(target=lambda: results.setdefault("second", [named(v) for v in second])),
        threading.Thread(target=lambda: results.setdefault("first", [named(v) for v in first])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    final = results["second"][-1]
    assert [shown(m) for m in final["chat"][::2]] == [FORECAST_QUESTION, "And in 2030?"]
    assert f"{expected_size(warm_assistant.report(), 2030):.2f}" in shown(final["chat"][3])
    assert len(final["stored"]["turns"]) == 2


def test_two_sessions_follow_ups_never_mix(multi_assistant):
    handlers = ChatHandlers(multi_assistant, stream_delay_s=0.01)
    seed = [s.id for s in multi_assistant.reports() if s.id != SECOND_ID][0]
    seed_market = multi_assistant.report(seed).market
    sessions = {
        SECOND_ID: f"How big will the {SECOND_MARKET} market be in 2029?",
        seed: f"How big will the {seed_market} market be in 2029?",
    }
    stored = {
        rid: run(handlers, q, named(handlers.clear(AUTO))["stored"], AUTO)[-1]["stored"]
        for rid, q in sessions.items()
    }
    follow_ups: dict[str, list] = {}

    def follow(rid: str) -> None:
        for question in ("And in 2030?", "And in 2031?"):
            follow_ups.setdefault(rid, []).append(run(handlers, question, stored[rid], AUTO)[-1])
            stored[rid] = follow_ups[rid][-1]["stored"]

    threads = [threading.Thread(target=follow, args=(rid,)) for rid in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for rid in sessions:
        turns = stored[rid]["turns"]
        assert [t["answer"]["report_id"] for t in turns] == [rid, rid, rid], f"session {rid} mixed"
        assert [t["question"] for t in turns][1:] == ["And in 2030?", "And in 2031?"]


def test_abstention_is_labelled_from_the_first_streamed_piece(handlers):
    outputs = run(handlers, "What is the CEO of IQVIA's salary?", None, None)
    streamed = [shown(o["chat"][-1]) for o in outputs[1:] if "answer pending" not in o["chat"][-1]["content"]]
    assert len(streamed) >= 3
    assert all(text.startswith(ABSTENTION_LABEL) for text in streamed), streamed[:2]


def test_over_long_message_is_refused_visibly_and_given_back(handlers, warm_assistant):
    limit = warm_assistant.settings.agent.max_question_chars
    message = "How big is the market? " + "x" * limit
    with pytest.warns(UserWarning, match=f"{limit:,}"):
        outputs = run(handlers, message, None, None)
    final = outputs[-1]
    assert final["chat"] == [] and final["stored"] == SKIP
    assert final["question"] == message, "the message comes back for editing"
    assert "⚠️" in final["status"] and f"{limit:,}" in final["status"]


def test_assistant_errors_become_warnings(handlers):
    with pytest.warns(UserWarning, match="no-such-report"):
        final = run(handlers, FORECAST_QUESTION, None, "no-such-report")[-1]
    assert final["chat"] == [] and final["question"] == FORECAST_QUESTION
    assert "no-such-report" in final["status"]


def test_unexpected_failures_become_warnings_without_internals(warm_assistant, caplog):
    class Broken:
        def ask(self, *args, **kwargs):
            raise RuntimeError("secret internals")

        def reports(self):
            return warm_assistant.reports()

        def report(self, report_id=None):
            return warm_assistant.report(report_id)

    with pytest.warns(UserWarning, match=r"Something went wrong while answering \(RuntimeError\)") as seen:
        final = [named(v) for v in ChatHandlers(Broken()).respond("Anything?", None, None)][-1]
    assert all("secret internals" not in str(w.message) for w in seen)
    assert "secret internals" not in final["status"]
    assert "secret internals" in caplog.text, "the details go to the server log"


def test_show_citation_marks_the_chosen_quote(handlers, first_turn):
    stored = first_turn[-1]["stored"]
    citations = stored["turns"][0]["answer"]["citations"]
    for index, citation in enumerate(citations):
        for ref in (f"cite-0-{index}", f"0:{index}"):
            panel, picker = handlers.show_citation(ref, stored)
            assert marked(panel) == squash(citation["quote"]) and picker.value == f"0:{index}"
    for ref in (None, "cite-0-99", "cite-7-0", "junk"):
        assert "Choose a citation" in handlers.show_citation(ref, stored)[0]


def test_clear_starts_a_new_conversation(handlers, first_turn, warm_assistant):
    old = first_turn[-1]["stored"]
    outputs = named(handlers.clear(warm_assistant.report().id, old))
    assert outputs["chat"] == [] and outputs["question"] == "" and outputs["status"] == ""
    assert outputs["stored"]["turns"] == [] and outputs["stored"]["id"] != old["id"]
    assert outputs["citations"].visible is False and outputs["chart"].visible is False
    assert "Choose a citation" in outputs["source"] and warm_assistant.report().title in outputs["facts"]


def test_the_page_load_shows_the_kept_conversation(handlers, first_turn, warm_assistant):
    stored = first_turn[-1]["stored"]
    fresh = ChatHandlers(warm_assistant)  # a restarted server knows nothing of it
    for server in (handlers, fresh):
        outputs = named(server.restore(stored, AUTO))
        assert [shown(m) for m in outputs["chat"]][0] == FORECAST_QUESTION
        assert "8.36" in shown(outputs["chat"][1])
        assert outputs["stored"]["id"] == stored["id"] and outputs["picker"] == stored["choice"]
        assert outputs["citations"].value == "0:0" and outputs["chart"].visible
    new = named(fresh.restore(None, AUTO))
    assert new["chat"] == [] and len(new["stored"]["id"]) == 32


def test_picker_switches_card_examples_and_routing(multi_assistant):
    handlers = ChatHandlers(multi_assistant, stream_delay_s=0.0)
    card, examples = handlers.card_and_examples(AUTO)
    assert "No report chosen" in card and SECOND_MARKET not in card
    assert any(SECOND_MARKET in question for question in examples)
    outputs = named(handlers.pick_report(SECOND_ID))
    assert f"Global {SECOND_MARKET} Market" in outputs["facts"]
    second = multi_assistant.report(SECOND_ID)
    assert chips(outputs["examples"])[-len(second.faq) :] == [p.question for p in second.faq]
    final = run(handlers, FORECAST_QUESTION, outputs["stored"], SECOND_ID)[-1]
    assert final["stored"]["turns"][0]["answer"]["citations"][0]["report_id"] == SECOND_ID


def test_automatic_routing_shows_the_chosen_reports_card_and_examples(multi_assistant):
    handlers = ChatHandlers(multi_assistant, stream_delay_s=0.0)
    stored = named(handlers.clear(AUTO))["stored"]
    final = run(handlers, f"How big will the {SECOND_MARKET} market be in 2029?", stored, AUTO)[-1]
    assert f"Global {SECOND_MARKET} Market" in final["facts"]
    second = multi_assistant.report(SECOND_ID)
    assert chips(final["examples"])[-1] == second.faq[-1].question


def test_choosing_an_offered_report_asks_the_question_of_it(multi_assistant):
    handlers = ChatHandlers(multi_assistant, stream_delay_s=0.0)
    second = multi_assistant.report(SECOND_ID)
    offered = Answer(
        question=FORECAST_QUESTION,
        status="unanswerable",
        text="Which report do you mean?",
        candidates=[ReportChoice(id=s.id, title=s.title) for s in reversed(multi_assistant.reports())],
    )
    stored = {
        "id": "9" * 32,
        "turns": [{"question": FORECAST_QUESTION, "number": 0, "answer": offered.model_dump(mode="json")}],
    }
    index = [c.id for c in offered.candidates].index(SECOND_ID)
    final = [named(v) for v in handlers.choose_report(f"ask-0-{index}", stored, AUTO)][-1]
    turn = final["stored"]["turns"][-1]
    assert turn["report_id"] == SECOND_ID and turn["answer"]["report_id"] == SECOND_ID
    assert f"{expected_size(second, 2029):.2f}" in turn["answer"]["text"]
    assert shown(final["chat"][-2]) == f"{FORECAST_QUESTION} asked of {second.title}"
    assert final["picker"] == SECOND_ID and second.title in final["facts"]
    with pytest.warns(UserWarning, match="no longer holds"):
        [named(v) for v in handlers.choose_report("ask-5-0", stored, AUTO)]


def test_api_handler_returns_the_answer_json(handlers):
    data = handlers.ask_api(FORECAST_QUESTION)
    assert data["status"] == "answered" and "8.36" in data["answer"] and "text" not in data
    with pytest.raises(gr.Error, match=r"history\[1\] needs a role"):
        history = [{"role": "user", "content": "hi"}, {"role": "robot", "content": "x"}]
        handlers.ask_api("And in 2030?", history)
    with pytest.raises(gr.Error, match="ReportNotFoundError: .*nope"):
        handlers.ask_api(FORECAST_QUESTION, None, "nope")
    with pytest.raises(gr.Error, match="question must be text"):
        handlers.ask_api(None)  # type: ignore[arg-type]


def test_picking_the_report_already_chosen_keeps_the_conversation(handlers, first_turn, warm_assistant):
    stored = first_turn[-1]["stored"]
    assert handlers.pick_report(stored["choice"], stored) == (SKIP,) * len(OUTPUTS)
    assert named(handlers.pick_report(AUTO, stored))["stored"]["id"] != stored["id"]


class Slowed:
    """The real assistant, answering ``delay_s`` seconds later (a slow model or a cold report)."""

    def __init__(self, assistant, delay_s: float) -> None:
        self.assistant = assistant
        self.delay_s = delay_s

    def ask(self, *args, **kwargs):
        time.sleep(self.delay_s)
        return self.assistant.ask(*args, **kwargs)

    def reports(self):
        return self.assistant.reports()

    def report(self, report_id=None):
        return self.assistant.report(report_id)


def test_a_slow_answer_shows_progress_and_a_full_pool_says_so(warm_assistant):
    handlers = ChatHandlers(Slowed(warm_assistant, 1.6), stream_delay_s=0.0, workers=1)
    one, two = (
        handlers.respond(FORECAST_QUESTION, None, None),
        handlers.respond("What is the CAGR?", None, None),
    )
    next(one), next(two)  # two browsers' questions, one answer slot
    lines = {"one": [], "two": []}

    def read(name, events):
        lines[name] = [shown(named(v)["chat"][-1]) for v in events if named(v)["chat"] != SKIP]

    threads = [threading.Thread(target=read, args=(n, e)) for n, e in (("one", one), ("two", two))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    everything = lines["one"] + lines["two"]
    assert any(re.fullmatch(r"Reading the report… [12] s", line) for line in everything), everything
    assert any(line.startswith("Waiting for a free answer slot (") for line in everything), everything
    assert "8.36" in lines["one"][-1] and "5.65%" in lines["two"][-1]


def test_a_page_event_closed_early_leaves_the_conversation_usable(handlers, warm_assistant):
    report_id = warm_assistant.report().id
    stored = named(handlers.clear(report_id))["stored"]
    gone = handlers.respond(FORECAST_QUESTION, stored, report_id)
    next(gone)
    gone.close()  # the browser went away while the question waited
    final = run(handlers, "What is the CAGR?", stored, report_id)[-1]
    assert "5.65%" in shown(final["chat"][-1])
