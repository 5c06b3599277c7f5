"""Event handlers of the chat page. They call the assistant and render its ``Answer``; no answering
logic lives here. Every failure becomes a ``gr.Warning`` (or a ``gr.Error`` for API callers),
never a stack trace in the page.

Per-browser-session state is a plain dict (``new_session()``) held in a ``gr.State``:
``turns`` (question, answer text, rendered markdown), ``citations`` of the last answer (dicts)
and ``shown_report`` (the report whose facts card is showing).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

import gradio as gr

from assistant.domain.answer import Answer, Citation
from assistant.domain.report import Report
from assistant.errors import AssistantError, InputError
from assistant.ui.cards import SummaryLike, catalogue_card_html, example_questions, facts_card_html
from assistant.ui.chart import series_figure
from assistant.ui.context import EMPTY_SOURCE_HTML, passage_html
from assistant.ui.render import answer_markdown, citation_choices, escape_text, stream_prefixes

logger = logging.getLogger(__name__)

AUTO = "*"  # picker value meaning "route each question to the report it names"
THINKING = "*Reading the report…*"
STREAM_STEPS = 12  # pieces an answer's text is streamed in
ROLES = ("user", "assistant")


class AssistantLike(Protocol):
    """The part of ``assistant.Assistant`` the page uses."""

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...

    def reports(self) -> Sequence[SummaryLike]: ...

    def report(self, report_id: str | None = None) -> Report: ...


def new_session() -> dict[str, Any]:
    """Empty conversation state for one browser session."""
    return {"turns": [], "citations": [], "shown_report": None}


def chat_messages(session: dict[str, Any]) -> list[dict[str, str]]:
    """The Chatbot value: each turn as a user message and the rendered answer."""
    messages: list[dict[str, str]] = []
    for turn in session["turns"]:
        messages.append({"role": "user", "content": escape_text(turn["question"])})
        messages.append({"role": "assistant", "content": turn["markdown"]})
    return messages


def history_of(session: dict[str, Any]) -> list[dict[str, str]]:
    """The conversation as ``Assistant.ask`` takes it, oldest first."""
    history: list[dict[str, str]] = []
    for turn in session["turns"]:
        history.append({"role": "user", "content": turn["question"]})
        history.append({"role": "assistant", "content": turn["answer"]})
    return history


def report_id_of(choice: str | None) -> str | None:
    """Picker value to the ``report_id`` argument of ``ask`` (None routes automatically)."""
    return None if not choice or choice == AUTO else choice


def check_history(history: object) -> list[dict[str, str]] | None:
    """Validate an API caller's history; raises ``InputError`` naming the bad entry."""
    if history is None or history == []:
        return None
    if not isinstance(history, list):
        raise InputError(f"history must be a list of messages, got {type(history).__name__}")
    for i, message in enumerate(history):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise InputError(f"history[{i}] needs a role of 'user' or 'assistant'")
        if not isinstance(message.get("content"), str):
            raise InputError(f"history[{i}] needs its content as a string")
    return [{"role": m["role"], "content": m["content"]} for m in history]


class ChatHandlers:
    """Handlers bound to one shared assistant; ``stream_delay_s`` paces streamed pieces (seconds)."""

    def __init__(self, assistant: AssistantLike, stream_delay_s: float = 0.03) -> None:
        self.assistant = assistant
        self.stream_delay_s = stream_delay_s

    # --- what the picker and cards show -------------------------------------------------------
    def summaries(self) -> list[SummaryLike]:
        return list(self.assistant.reports())

    def card_and_examples(self, choice: str | None) -> tuple[str, list[str]]:
        """Facts card HTML and example questions for a picker value."""
        report_id = report_id_of(choice)
        summaries = self.summaries()
        if report_id is None and len(summaries) > 1:
            examples = list(dict.fromkeys(f"How big is the {_market_name(s)} market?" for s in summaries[:4]))
            return catalogue_card_html(summaries), examples
        report = self.assistant.report(report_id)
        return facts_card_html(report), example_questions(report)

    # --- events -------------------------------------------------------------------------------
    def respond(self, message: str | None, session: dict[str, Any], choice: str | None) -> Iterator[tuple[Any, ...]]:
        """Ask, then stream the answer; outputs: chatbot, textbox, session, citation picker,
        source panel, chart, status line, facts card."""
        question = message or ""
        if not question.strip():
            yield (gr.skip(),) * 8  # an empty message is ignored
            return
        pending = {"question": question, "answer": "", "markdown": THINKING}
        shown = {**session, "turns": [*session["turns"], pending]}
        yield (chat_messages(shown), "", gr.skip(), gr.skip(), gr.skip(), gr.skip(), "", gr.skip())
        try:
            answer = self.assistant.ask(question, history_of(session) or None, report_id_of(choice))
        except AssistantError as exc:
            gr.Warning(str(exc), title=type(exc).__name__.rstrip("_"))
            yield self._refused(session, question, str(exc))
            return
        except Exception as exc:  # any other failure: log it, show a warning, keep the page alive
            logger.exception("answering %r failed", question[:200])
            text = f"Something went wrong while answering ({type(exc).__name__}); the server log has details."
            gr.Warning(text)
            yield self._refused(session, question, text)
            return
        if answer.status == "rejected":
            gr.Warning(answer.text, title="Question refused")
            yield self._refused(session, question, answer.text)
            return
        for prefix in stream_prefixes(escape_text(answer.text.strip()), STREAM_STEPS):
            pending["markdown"] = prefix
            yield (chat_messages(shown),) + (gr.skip(),) * 7
            time.sleep(self.stream_delay_s)
        yield self._answered(session, question, answer)

    def _refused(self, session: dict[str, Any], question: str, reason: str) -> tuple[Any, ...]:
        """Drop the pending turn, give the message back for editing and say why."""
        return (
            chat_messages(session),
            question,
            session,
            gr.skip(),
            gr.skip(),
            gr.skip(),
            f"⚠️ {escape_text(reason)}",
            gr.skip(),
        )

    def _answered(self, session: dict[str, Any], question: str, answer: Answer) -> tuple[Any, ...]:
        turn = {"question": question, "answer": answer.text, "markdown": answer_markdown(answer)}
        citations = [c.model_dump() for c in answer.citations]
        updated = {**session, "turns": [*session["turns"], turn], "citations": citations}
        source = EMPTY_SOURCE_HTML
        if answer.citations:
            source = self._passage(answer.citations[0])
        report: Report | None = None
        if answer.report_id:
            try:
                report = self.assistant.report(answer.report_id)
            except AssistantError as exc:
                gr.Warning(str(exc))
        currency = report.facts.market_size.currency if report and report.facts.market_size else None
        asked = {
            int(c.output["year"])
            for c in answer.computations
            if c.tool == "market_size_in_year" and isinstance(c.output.get("year"), int)
        }
        figure = series_figure(answer.series, currency, asked)
        chart = gr.Plot(value=figure, visible=figure is not None)
        card: Any = gr.skip()
        if report is not None and report.id != session.get("shown_report"):
            card = facts_card_html(report)
            updated["shown_report"] = report.id
        choices = citation_choices(answer)
        picker = gr.Radio(choices=choices, value=0 if choices else None, visible=bool(choices))
        return (chat_messages(updated), "", updated, picker, source, chart, "", card)

    def _passage(self, citation: Citation) -> str:
        try:
            return passage_html(self.assistant.report(citation.report_id).text, citation)
        except AssistantError as exc:
            gr.Warning(str(exc))
            return EMPTY_SOURCE_HTML

    def show_citation(self, index: int | None, session: dict[str, Any]) -> str:
        """Source panel HTML for the chosen citation of the last answer."""
        citations = session.get("citations") or []
        if index is None or not 0 <= int(index) < len(citations):
            return EMPTY_SOURCE_HTML
        return self._passage(Citation.model_validate(citations[int(index)]))

    def clear(self, choice: str | None) -> tuple[Any, ...]:
        """Forget the conversation; outputs as ``respond`` (the facts card follows the picker)."""
        session = new_session()
        try:
            card, _ = self.card_and_examples(choice)
            session["shown_report"] = report_id_of(choice)
        except AssistantError as exc:
            gr.Warning(str(exc))
            card = gr.skip()
        return (
            [],
            "",
            session,
            gr.Radio(choices=[], value=None, visible=False),
            EMPTY_SOURCE_HTML,
            gr.Plot(value=None, visible=False),
            "",
            card,
        )

    def pick_report(self, choice: str | None) -> tuple[Any, ...]:
        """A new report starts a new conversation; outputs as ``clear`` plus the examples."""
        cleared = self.clear(choice)
        try:
            _, examples = self.card_and_examples(choice)
        except AssistantError:
            return cleared + (gr.skip(),)  # clear() already warned
        return cleared + (gr.update(samples=[[q] for q in examples]),)

    def ask_api(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> dict[str, Any]:
        """The /ask endpoint: ``Answer.to_json_dict()`` for ``question``.

        ``history`` is the conversation so far ([{"role": "user"|"assistant", "content": str}],
        oldest first); ``report_id`` picks a report (None or "" routes automatically).
        Assistant errors reach the caller as ``gr.Error`` with the error's message.
        """
        try:
            answer = self.assistant.ask(question, check_history(history), report_id or None)
        except AssistantError as exc:
            raise gr.Error(f"{type(exc).__name__.rstrip('_')}: {exc}", print_exception=False) from exc
        return answer.to_json_dict()


def _market_name(summary: SummaryLike) -> str:
    market = getattr(summary, "market", None)
    return str(market) if market else summary.title
