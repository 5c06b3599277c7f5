"""Event handlers of the chat page. They call the assistant and render its ``Answer``; no answering
logic lives here. Every failure becomes a ``gr.Warning`` (or a ``gr.Error`` for API callers),
never a stack trace in the page.

Each browser keeps its conversation in a ``gr.BrowserState`` (``stored``) and the server keeps the
live copy in a ``ConversationStore``; see ``conversation``. Answers are computed on an
``AnswerPool`` shared with the ``/ask`` endpoint. Page events return ``PageOutputs`` in the order of
``OUTPUTS``.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

import gradio as gr

from assistant.domain.answer import Answer, Citation
from assistant.domain.report import Report
from assistant.errors import AssistantError, InputError
from assistant.ui.cards import (
    SummaryLike,
    example_questions,
    examples_html,
    facts_card_html,
    market_examples,
    no_report_card_html,
)
from assistant.ui.chart import series_figure
from assistant.ui.context import EMPTY_SOURCE_HTML, passage_html
from assistant.ui.conversation import Conversation, ConversationStore, Turn
from assistant.ui.pool import ANSWER_SLOTS, AnswerPool, Job
from assistant.ui.render import (
    answer_html,
    citation_choices,
    pending_html,
    question_html,
    status_html,
    stream_prefixes,
)

logger = logging.getLogger(__name__)

AUTO = "*"  # picker value meaning "route each question to the report it names"
STREAM_STEPS = 12  # pieces an answer's text is streamed in
TICK_S = 0.25  # how often a pending answer's progress line is refreshed, in seconds
SLOW_S = 1.0  # after this many seconds the progress line shows how long the answer has taken
ROLES = ("user", "assistant")
BLANK_QUESTION = "Type a question first."
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
SKIP = gr.skip()


class AssistantLike(Protocol):
    """The part of ``assistant.Assistant`` the page uses."""

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...

    def reports(self) -> Sequence[SummaryLike]: ...

    def report(self, report_id: str | None = None) -> Report: ...

    def prepare(self, report_id: str | None = None) -> None: ...


@dataclass
class PageOutputs:
    """What a page event updates, in the order of the event's outputs (``gr.skip()``: unchanged)."""

    chat: Any = field(default_factory=gr.skip)
    question: Any = field(default_factory=gr.skip)
    stored: Any = field(default_factory=gr.skip)
    citations: Any = field(default_factory=gr.skip)
    source: Any = field(default_factory=gr.skip)
    chart: Any = field(default_factory=gr.skip)
    status: Any = field(default_factory=gr.skip)
    facts: Any = field(default_factory=gr.skip)
    examples: Any = field(default_factory=gr.skip)
    picker: Any = field(default_factory=gr.skip)

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


OUTPUTS = tuple(f.name for f in fields(PageOutputs))


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


def parse_ref(ref: object, prefix: str) -> tuple[int, int] | None:
    """'cite-3-1' (or '3:1') as (turn number, index); None when it is not one."""
    text = str(ref or "").removeprefix(prefix + "-").replace(":", "-")
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def chat_messages(conversation: Conversation) -> list[dict[str, str]]:
    """The Chatbot value: each turn as the user's question and its answer's bubble."""
    messages: list[dict[str, str]] = []
    for turn in list(conversation.turns):
        messages.append({"role": "user", "content": question_html(turn.question, turn.asked_of)})
        shown = turn.shown
        if turn.answer is not None and turn.state == "done":
            shown = shown or answer_html(turn.answer, turn.number)
        messages.append({"role": "assistant", "content": shown or pending_html("Waiting…")})
    return messages


class ChatHandlers:
    """Handlers bound to one shared assistant. ``stream_delay_s`` paces streamed pieces (seconds);
    ``workers`` is how many answers are computed at once; ``store`` holds live conversations."""

    def __init__(
        self,
        assistant: AssistantLike,
        stream_delay_s: float = 0.03,
        workers: int = ANSWER_SLOTS,
        store: ConversationStore | None = None,
    ) -> None:
        self.assistant = assistant
        self.stream_delay_s = stream_delay_s
        self.pool = AnswerPool(assistant, workers)
        self.store = store or ConversationStore()

    # --- what the picker and cards show -------------------------------------------------------
    def summaries(self) -> list[SummaryLike]:
        return list(self.assistant.reports())

    def card_and_examples(self, choice: str | None) -> tuple[str, list[str]]:
        """Facts card HTML and example questions for a picker value (or a report id)."""
        card, examples, _ = self._card_of(choice)
        return card, examples

    def _card_of(self, choice: str | None) -> tuple[str, list[str], str | None]:
        """Card, examples and the id of the report they are about (None: no report chosen)."""
        report_id = report_id_of(choice)
        if report_id is None:
            summaries = self.summaries()
            if len(summaries) > 1:
                return no_report_card_html(len(summaries)), market_examples(summaries), None
        report = self.assistant.report(report_id)
        return facts_card_html(report), example_questions(report), report.id

    def _show_card(self, conversation: Conversation, report_id: str | None, outputs: PageOutputs) -> None:
        """Show the card and examples of ``report_id`` (of the picker's choice when None)."""
        try:
            card, examples, shown = self._card_of(report_id or conversation.choice)
        except AssistantError as exc:
            gr.Warning(str(exc))
            return
        outputs.facts = card
        outputs.examples = examples_html(examples)
        conversation.shown_report = shown

    # --- page load, clear, picker -------------------------------------------------------------
    def restore(self, stored: object, choice: str | None) -> tuple[Any, ...]:
        """On page load: show the conversation the browser kept (a new one when it kept none)."""
        conversation = self.store.open(stored)
        valid = {s.id for s in self.summaries()} | {AUTO}
        if conversation.choice not in valid:
            conversation.choice = choice
        outputs = self._final_outputs(conversation, None)
        outputs.picker = conversation.choice
        outputs.question = gr.Textbox(interactive=True, placeholder="Ask about the report…")
        last = self._last_answered(conversation)
        self._show_card(conversation, last.answer.report_id if last and last.answer else None, outputs)
        return outputs.values()

    def clear(self, choice: str | None, stored: object = None) -> tuple[Any, ...]:
        """Start a new conversation (answers still pending in the old one no longer show); the
        facts card and examples follow the picker."""
        self.store.close(stored)
        conversation = self.store.new(choice)
        outputs = PageOutputs(
            chat=[],
            question="",
            stored=conversation.stored(),
            citations=gr.Radio(choices=[], value=None, visible=False),
            source=EMPTY_SOURCE_HTML,
            chart=gr.Plot(value=None, visible=False),
            status="",
        )
        self._show_card(conversation, None, outputs)
        return outputs.values()

    def pick_report(self, choice: str | None, stored: object = None) -> tuple[Any, ...]:
        """Another report starts a new conversation; the same one again (the picker reports its
        value when it closes without a choice) changes nothing."""
        if isinstance(stored, dict) and stored.get("choice") == choice:
            return PageOutputs().values()
        return self.clear(choice, stored)

    # --- questions ----------------------------------------------------------------------------
    def respond(self, message: str | None, stored: object, choice: str | None) -> Iterator[tuple[Any, ...]]:
        """Answer a typed question; several may be pending, answered in order. The box is emptied
        as soon as the question is on its way."""
        yield from self._ask(message, stored, choice, clear_box=True)

    def respond_example(
        self, question: str | None, stored: object, choice: str | None
    ) -> Iterator[tuple[Any, ...]]:
        """An example question was clicked: asked like a typed one, the box left as it is."""
        yield from self._ask(question, stored, choice, clear_box=False)

    def _ask(
        self, question: str | None, stored: object, choice: str | None, clear_box: bool
    ) -> Iterator[tuple[Any, ...]]:
        if not question or not question.strip():
            # Never a turn; the status line says why nothing happened, and tells a caller that
            # this press has been handled.
            yield PageOutputs(status=status_html(BLANK_QUESTION)).values()
            return
        conversation = self.store.open(stored)
        conversation.choice = choice
        yield from self._answer(conversation, question, report_id_of(choice), clear_box=clear_box)

    def choose_report(self, ref: str | None, stored: object, choice: str | None) -> Iterator[tuple[Any, ...]]:
        """A report offered by "Which report do you mean?" was chosen: ask that question of it."""
        conversation = self.store.open(stored)
        where = parse_ref(ref, "ask")
        turn = conversation.turn(where[0]) if where else None
        candidates = turn.answer.candidates if turn and turn.answer else []
        if turn is None or where is None or not 0 <= where[1] < len(candidates):
            gr.Warning("That choice belongs to an answer this conversation no longer holds.")
            yield PageOutputs().values()
            return
        chosen = candidates[where[1]]
        conversation.choice = chosen.id
        yield from self._answer(conversation, turn.question, chosen.id, asked_of=chosen.title)

    def _answer(
        self,
        conversation: Conversation,
        question: str,
        report_id: str | None,
        asked_of: str | None = None,
        clear_box: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        """Queue the question, wait for the earlier ones, then answer it: a progress line while the
        answer is computed, the text streamed, then sources, chart and card."""
        turn = conversation.add(question, report_id, asked_of)
        try:  # however this ends (answered, refused, the event closed), the next question may go
            yield from self._answer_turn(conversation, turn, clear_box)
        finally:
            conversation.finish(turn)

    def _answer_turn(
        self, conversation: Conversation, turn: Turn, clear_box: bool
    ) -> Iterator[tuple[Any, ...]]:
        ahead = conversation.waiting_before(turn)
        turn.shown = pending_html("Waiting for the answer above…" if ahead else "Reading the report…")
        first = PageOutputs(chat=chat_messages(conversation), status="")
        if clear_box:
            first.question = ""  # the question is on its way; the box is free for the next one
        yield _shown(conversation, first)
        conversation.wait_turn(turn)
        job = self.pool.submit(turn.question, conversation.history(turn), turn.report_id)
        try:
            for line in self._progress(job):
                turn.shown = pending_html(line)
                yield _shown(conversation, PageOutputs(chat=chat_messages(conversation)))
            answer = job.future.result()
        except AssistantError as exc:
            gr.Warning(str(exc), title=type(exc).__name__.rstrip("_"))
            yield self._refused(conversation, turn, str(exc))
            return
        except Exception as exc:  # any other failure: log it, show a warning, keep the page alive
            logger.exception("answering %r failed", turn.question[:200])
            text = f"Something went wrong while answering ({type(exc).__name__}); the server log has details."
            gr.Warning(text)
            yield self._refused(conversation, turn, text)
            return
        if answer.status == "rejected":
            gr.Warning(answer.text, title="Question refused")
            yield self._refused(conversation, turn, answer.text)
            return
        for prefix in stream_prefixes(answer.text.strip(), STREAM_STEPS):
            turn.shown = answer_html(answer, turn.number, prefix, complete=False)
            yield _shown(conversation, PageOutputs(chat=chat_messages(conversation)))
            time.sleep(self.stream_delay_s)
        turn.answer, turn.state = answer, "done"
        turn.shown = answer_html(answer, turn.number)
        yield _shown(conversation, self._answered(conversation, turn))

    def _progress(self, job: Job) -> Iterator[str]:
        """Progress lines while ``job`` runs, one each time the line changes."""
        started = time.monotonic()
        last = ""
        while True:
            try:
                job.future.result(timeout=TICK_S)
                return
            except FutureTimeout:
                pass
            except Exception:
                return  # the caller reads the error from the future
            waited = time.monotonic() - started
            if not job.started.is_set():
                line = f"Waiting for a free answer slot ({self.pool.waiting()} in line)…"
            elif waited >= SLOW_S:
                line = f"Reading the report… {waited:.0f} s"
            else:
                continue
            if line != last:
                last = line
                yield line

    def _refused(self, conversation: Conversation, turn: Turn, reason: str) -> tuple[Any, ...]:
        """Drop the turn, give the message back for editing and say why."""
        conversation.drop(turn)
        outputs = PageOutputs(
            chat=chat_messages(conversation), question=turn.question, status=status_html(reason)
        )
        return _shown(conversation, outputs)

    def _answered(self, conversation: Conversation, turn: Turn) -> PageOutputs:
        outputs = self._final_outputs(conversation, turn)
        answer = turn.answer
        if answer is not None and answer.report_id and answer.report_id != conversation.shown_report:
            self._show_card(conversation, answer.report_id, outputs)
        if turn.report_id and turn.asked_of:
            outputs.picker = turn.report_id  # a report chosen from the answer's offer stays chosen
        return outputs

    def _final_outputs(self, conversation: Conversation, turn: Turn | None) -> PageOutputs:
        """Chat, stored copy, source picker, source panel and chart for the latest answered turn."""
        latest = turn or self._last_answered(conversation)
        answer = latest.answer if latest else None
        outputs = PageOutputs(chat=chat_messages(conversation), stored=conversation.stored(), status="")
        if latest is None or answer is None:
            outputs.citations = gr.Radio(choices=[], value=None, visible=False)
            outputs.source = EMPTY_SOURCE_HTML
            outputs.chart = gr.Plot(value=None, visible=False)
            return outputs
        choices = citation_choices(latest.number, answer.citations)
        outputs.citations = gr.Radio(
            choices=choices, value=choices[0][1] if choices else None, visible=bool(choices)
        )
        outputs.source = self._passage(answer.citations[0]) if answer.citations else EMPTY_SOURCE_HTML
        outputs.chart = self._chart(answer)
        return outputs

    @staticmethod
    def _last_answered(conversation: Conversation) -> Turn | None:
        done = [t for t in conversation.turns if t.state == "done" and t.answer is not None]
        return done[-1] if done else None

    def _chart(self, answer: Answer) -> Any:
        currency = None
        if answer.report_id and answer.series:
            try:
                size = self.assistant.report(answer.report_id).facts.market_size
                currency = size.currency if size else None
            except AssistantError as exc:
                gr.Warning(str(exc))
        asked = {int(c.output["year"]) for c in answer.computations if isinstance(c.output.get("year"), int)}
        figure = series_figure(answer.series, currency, asked or _years_in(answer.question))
        return gr.Plot(value=figure, visible=figure is not None)

    # --- the source panel ---------------------------------------------------------------------
    def _passage(self, citation: Citation) -> str:
        try:
            return passage_html(self.assistant.report(citation.report_id), citation)
        except AssistantError as exc:
            gr.Warning(str(exc))
            return EMPTY_SOURCE_HTML

    def show_citation(self, ref: str | None, stored: object) -> tuple[Any, Any]:
        """Source panel and source picker for a citation ('cite-<turn>-<index>' or '<turn>:<index>')."""
        conversation = self.store.open(stored)
        where = parse_ref(ref, "cite")
        turn = conversation.turn(where[0]) if where else None
        citations = turn.answer.citations if turn and turn.answer else []
        if turn is None or where is None or not 0 <= where[1] < len(citations):
            return EMPTY_SOURCE_HTML, SKIP
        choices = citation_choices(turn.number, citations)
        picker = gr.Radio(choices=choices, value=choices[where[1]][1], visible=True)
        return self._passage(citations[where[1]]), picker

    # --- the /ask endpoint --------------------------------------------------------------------
    def ask_api(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> dict[str, Any]:
        """The /ask endpoint: ``Answer.to_json_dict()`` for ``question``.

        ``history`` is the conversation so far ([{"role": "user"|"assistant", "content": str}],
        oldest first); ``report_id`` picks a report (None or "" routes automatically).
        Assistant errors reach the caller as ``gr.Error`` with the error's message.
        """
        try:
            if not isinstance(question, str):
                raise InputError(f"question must be text, got {type(question).__name__}")
            if report_id is not None and not isinstance(report_id, str):
                raise InputError(f"report_id must be text, got {type(report_id).__name__}")
            answer = self.pool.ask(question, check_history(history), report_id or None)
        except AssistantError as exc:
            raise gr.Error(f"{type(exc).__name__.rstrip('_')}: {exc}", print_exception=False) from exc
        return answer.to_json_dict()


def _shown(conversation: Conversation, outputs: PageOutputs) -> tuple[Any, ...]:
    """``outputs`` as event values; nothing at all once the browser has left the conversation."""
    return PageOutputs().values() if conversation.closed else outputs.values()


def _years_in(question: str) -> set[int]:
    """Years a question names, to highlight on the chart."""
    return {int(y) for y in _YEAR.findall(question)}
