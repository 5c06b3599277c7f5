"""Chat page handlers over the real Assistant, called directly (outside a server).

Outside a running event, ``gr.Warning`` becomes a Python ``UserWarning``, which is what these tests
catch to see that a failure reaches the user as a warning and not as an exception.
"""

from __future__ import annotations

import gradio as gr
import pytest

from assistant.ui.handlers import AUTO, ChatHandlers, history_of, new_session
from tests.ui.ui_helpers import FORECAST_QUESTION, SECOND_ID, SECOND_MARKET, expected_size, marked, squash

SKIP = gr.skip()


def _run(handlers, message, session, choice):
    return list(handlers.respond(message, session, choice))


@pytest.fixture(scope="module")
def handlers(warm_assistant):
    return ChatHandlers(warm_assistant, stream_delay_s=0.0)


@pytest.fixture(scope="module")
def first_turn(handlers, warm_assistant):
    report_id = warm_assistant.report().id
    session = handlers.clear(report_id)[2]  # as the page starts: the card shows the chosen report
    return _run(handlers, FORECAST_QUESTION, session, report_id)


def test_empty_message_is_ignored(handlers):
    for blank in ("", "   \n\t", None):
        outputs = _run(handlers, blank, new_session(), None)
        assert outputs == [(SKIP,) * 8]


def test_answer_streams_then_ends_with_citations_chart_and_card(first_turn, warm_assistant):
    pending, *streamed, final = first_turn
    assert pending[0][-1]["role"] == "assistant" and "Reading" in pending[0][-1]["content"]
    assert len(streamed) >= 3, "the answer should arrive in pieces"
    texts = [outputs[0][-1]["content"] for outputs in streamed]
    for shorter, longer in zip(texts, texts[1:], strict=False):
        assert longer.startswith(shorter) and len(longer) > len(shorter)
    chat, textbox, session, picker, source, chart, status, card = final
    report = warm_assistant.report()
    value = f"{expected_size(report, 2029):.2f}"
    assert value == "8.36"
    assert chat[0] == {"role": "user", "content": FORECAST_QUESTION}
    assert value in chat[1]["content"] and "**Sources**" in chat[1]["content"]
    assert textbox == "" and status == ""
    assert len(session["turns"]) == 1 and session["citations"]
    assert len(picker.choices) == len(session["citations"]) and picker.value == 0
    assert marked(source) == squash(session["citations"][0]["quote"])
    assert chart.visible is True and chart.value is not None
    assert card == SKIP, "the card already shows this report"


def test_follow_up_passes_the_conversation(handlers, first_turn, warm_assistant):
    session = first_turn[-1][2]
    assert history_of(session) == [
        {"role": "user", "content": FORECAST_QUESTION},
        {"role": "assistant", "content": session["turns"][0]["answer"]},
    ]
    final = _run(handlers, "And in 2030?", session, warm_assistant.report().id)[-1]
    chat, session_after = final[0], final[2]
    assert len(chat) == 4 and len(session_after["turns"]) == 2
    assert f"{expected_size(warm_assistant.report(), 2030):.2f}" in chat[3]["content"]


def test_over_long_message_is_refused_visibly_and_given_back(handlers, warm_assistant):
    limit = warm_assistant.settings.agent.max_question_chars
    message = "How big is the market? " + "x" * limit
    with pytest.warns(UserWarning, match=f"{limit:,}"):
        outputs = _run(handlers, message, new_session(), None)
    chat, textbox, session, *_, status, _card = outputs[-1]
    assert chat == [] and session["turns"] == []
    assert textbox == message, "the message comes back for editing"
    assert status.startswith("⚠️") and f"{limit:,}" in status


def test_assistant_errors_become_warnings(handlers):
    with pytest.warns(UserWarning, match="no-such-report"):
        outputs = _run(handlers, FORECAST_QUESTION, new_session(), "no-such-report")
    chat, textbox, *_rest = outputs[-1]
    assert chat == [] and textbox == FORECAST_QUESTION
    assert "no-such-report" in outputs[-1][6]


def test_unexpected_failures_become_warnings_without_internals(warm_assistant, caplog):
    class Broken:
        def ask(self, *args, **kwargs):
            raise RuntimeError("secret internals")

        def reports(self):
            return warm_assistant.reports()

        def report(self, report_id=None):
            return warm_assistant.report(report_id)

    with pytest.warns(UserWarning, match=r"Something went wrong while answering \(RuntimeError\)") as seen:
        outputs = list(ChatHandlers(Broken()).respond("Anything?", new_session(), None))
    assert all("secret internals" not in str(w.message) for w in seen)
    assert "secret internals" not in outputs[-1][6]
    assert "secret internals" in caplog.text, "the details go to the server log"


def test_show_citation_marks_the_chosen_quote(handlers, first_turn):
    session = first_turn[-1][2]
    for index, citation in enumerate(session["citations"]):
        assert marked(handlers.show_citation(index, session)) == squash(citation["quote"])
    assert "Choose a citation" in handlers.show_citation(None, session)
    assert "Choose a citation" in handlers.show_citation(99, session)


def test_clear_resets_the_conversation(handlers, warm_assistant):
    chat, textbox, session, picker, source, chart, status, card = handlers.clear(warm_assistant.report().id)
    assert chat == [] and textbox == "" and status == ""
    assert session == {**new_session(), "shown_report": warm_assistant.report().id}
    assert picker.visible is False and chart.visible is False
    assert "Choose a citation" in source and warm_assistant.report().title in card


def test_picker_switches_card_examples_and_routing(multi_assistant):
    handlers = ChatHandlers(multi_assistant, stream_delay_s=0.0)
    card, examples = handlers.card_and_examples(AUTO)
    assert "2 reports in the catalogue" in card
    assert any(SECOND_MARKET in question for question in examples)
    outputs = handlers.pick_report(SECOND_ID)
    assert f"Global {SECOND_MARKET} Market" in outputs[7]
    second = multi_assistant.report(SECOND_ID)
    samples = [sample[0] for sample in outputs[8]["samples"]]
    assert samples[-len(second.faq) :] == [p.question for p in second.faq]
    final = _run(handlers, FORECAST_QUESTION, outputs[2], SECOND_ID)[-1]
    assert final[2]["citations"][0]["report_id"] == SECOND_ID


def test_automatic_routing_updates_the_facts_card(multi_assistant):
    handlers = ChatHandlers(multi_assistant, stream_delay_s=0.0)
    session = handlers.clear(AUTO)[2]
    final = _run(handlers, f"How big will the {SECOND_MARKET} market be in 2029?", session, AUTO)[-1]
    assert final[2]["shown_report"] == SECOND_ID
    assert f"Global {SECOND_MARKET} Market" in final[7]


def test_api_handler_returns_the_answer_json(handlers, warm_assistant):
    data = handlers.ask_api(FORECAST_QUESTION)
    assert data["status"] == "answered" and "8.36" in data["answer"] and "text" not in data
    with pytest.raises(gr.Error, match=r"history\[1\] needs a role"):
        history = [{"role": "user", "content": "hi"}, {"role": "robot", "content": "x"}]
        handlers.ask_api("And in 2030?", history)
    with pytest.raises(gr.Error, match="ReportNotFoundError: .*nope"):
        handlers.ask_api(FORECAST_QUESTION, None, "nope")
