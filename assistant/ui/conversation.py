"""Conversations of the chat page: the live copy on the server, and the copy each browser keeps.

A browser keeps its conversation in ``gr.BrowserState`` (so it survives a reload) and sends it with
every event; the server keeps the live conversation of each browser in a ``ConversationStore`` while it
is in use, because a question asked while the previous one is still being answered carries a copy
from before that answer. Questions of one conversation are answered one after another, in the order
they were asked (``Conversation.wait_turn`` / ``finish``), each with every earlier answer as its history.

The store is bounded: conversations idle longer than ``idle_s`` are dropped, and beyond ``capacity``
the least recently used idle ones go first. A dropped conversation is rebuilt from the browser's copy
the next time that browser asks.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from assistant.domain.answer import Answer

TurnState = Literal["queued", "working", "done", "refused"]
MAX_TURNS = 40  # turns a conversation keeps (the oldest go first); also bounds the browser's copy
HISTORY_TURNS = 12  # earlier turns given to the assistant as history, at most
MAX_QUESTION_KEPT = 4000  # characters of a question kept from a browser's copy
IDLE_S = 3600.0  # a conversation unused this long is dropped from the server
CAPACITY = 500  # conversations kept on the server, at most (idle ones beyond it are dropped)
# What a browser keeps of an answer: enough to show it again and to use it as history.
KEPT_FIELDS = {"question", "status", "text", "citations", "series", "report_id", "unanswered_parts"}
KEPT_FIELDS |= {"candidates", "working"}


@dataclass(eq=False)
class Turn:
    """One question and what became of it. ``number`` names it in links and is also its place in the
    order of answering; ``shown`` is its bubble while it is answered; ``asked_of`` is the title of
    the report it was asked of when the user chose one for it."""

    question: str
    number: int
    report_id: str | None = None
    asked_of: str | None = None
    answer: Answer | None = None
    state: TurnState = "queued"
    shown: str = ""

    def to_stored(self) -> dict[str, Any]:
        stored: dict[str, Any] = {
            "question": self.question,
            "number": self.number,
            "report_id": self.report_id,
            "asked_of": self.asked_of,
        }
        if self.answer is not None:
            stored["answer"] = self.answer.model_dump(mode="json", include=KEPT_FIELDS)
        return stored


@dataclass(eq=False)
class Conversation:
    """The turns of one browser's conversation and the order its questions are answered in."""

    id: str
    turns: list[Turn] = field(default_factory=list)
    choice: str | None = None  # the picker's value when the conversation was last used
    shown_report: str | None = None  # the report whose facts card the page shows
    closed: bool = False  # the browser cleared it or picked another report: nothing more is shown
    last_used: float = field(default_factory=time.monotonic)
    _next_ticket: int = 0
    _serving: int = 0  # the number of the turn answered now (or next)
    _finished: set[int] = field(default_factory=set)  # turns finished before their time (abandoned)
    _cond: threading.Condition = field(default_factory=threading.Condition)

    @property
    def busy(self) -> bool:
        """Some question is still waiting or being answered."""
        with self._cond:
            return self._serving < self._next_ticket

    def add(self, question: str, report_id: str | None = None, asked_of: str | None = None) -> Turn:
        """Queue ``question``; it is answered after every question queued before it."""
        with self._cond:
            turn = Turn(question=question, number=self._next_ticket, report_id=report_id, asked_of=asked_of)
            self._next_ticket += 1
            self.turns.append(turn)
            self.last_used = time.monotonic()
            return turn

    def drop(self, turn: Turn) -> None:
        """Forget a turn that could not be answered (it stays in the order of answering)."""
        with self._cond:
            self.turns = [t for t in self.turns if t is not turn]

    def turn(self, number: int) -> Turn | None:
        """The turn called ``number``, if the conversation still holds it."""
        with self._cond:
            return next((t for t in self.turns if t.number == number), None)

    def wait_turn(self, turn: Turn) -> None:
        """Block until every question of this conversation asked before ``turn`` is finished."""
        with self._cond:
            while self._serving != turn.number:
                self._cond.wait()
            turn.state = "working"

    def finish(self, turn: Turn) -> None:
        """``turn`` is over (answered, refused or abandoned): the next question may go. A turn that
        finishes before its time (its event was closed while it waited) is skipped when its time comes."""
        with self._cond:
            self._finished.add(turn.number)
            while self._serving in self._finished:
                self._finished.discard(self._serving)
                self._serving += 1
            self.last_used = time.monotonic()
            del self.turns[: max(0, len(self.turns) - MAX_TURNS)]
            self._cond.notify_all()

    @contextmanager
    def in_turn(self, turn: Turn) -> Iterator[None]:
        """Wait for ``turn``'s time, hold it while the body runs, then let the next one go."""
        try:
            self.wait_turn(turn)
            yield
        finally:
            self.finish(turn)

    def waiting_before(self, turn: Turn) -> int:
        """How many questions of this conversation are answered before ``turn``."""
        with self._cond:
            return max(0, turn.number - self._serving)

    def history(self, before: Turn) -> list[dict[str, str]]:
        """Answered turns before ``before`` as ``Assistant.ask`` takes them, oldest first."""
        with self._cond:
            earlier = [t for t in self.turns if t.number < before.number]
        answered = [t for t in earlier if t.state == "done" and t.answer is not None][-HISTORY_TURNS:]
        history: list[dict[str, str]] = []
        for turn in answered:
            assert turn.answer is not None
            history.append({"role": "user", "content": turn.question})
            history.append({"role": "assistant", "content": turn.answer.text})
        return history

    def stored(self) -> dict[str, Any]:
        """The browser's copy: the id, the picker's value and the answered turns."""
        with self._cond:
            done = [t.to_stored() for t in self.turns if t.state == "done"]
        return {"id": self.id, "choice": self.choice, "turns": done[-MAX_TURNS:]}

    @classmethod
    def from_stored(cls, stored: object) -> Conversation:
        """Rebuild a conversation from a browser's copy; anything malformed in it is left out."""
        data = stored if isinstance(stored, dict) else {}
        raw_id = data.get("id")
        conversation = cls(id=raw_id if isinstance(raw_id, str) and _valid_id(raw_id) else new_id())
        choice = data.get("choice")
        conversation.choice = choice if isinstance(choice, str) else None
        turns = data.get("turns")
        for item in (turns if isinstance(turns, list) else [])[-MAX_TURNS:]:
            turn = _turn_from_stored(item, conversation._next_ticket)
            if turn is not None:
                conversation.turns.append(turn)
                conversation._next_ticket = conversation._serving = turn.number + 1
        return conversation


def _turn_from_stored(item: object, next_number: int) -> Turn | None:
    """A stored turn, numbered after the turns before it; None when it is malformed."""
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        return None
    try:
        answer = Answer.model_validate(item.get("answer"))
    except ValidationError:
        return None
    number = item.get("number")
    report_id, asked_of = item.get("report_id"), item.get("asked_of")
    return Turn(
        question=item["question"][:MAX_QUESTION_KEPT],
        number=number if isinstance(number, int) and number >= next_number else next_number,
        report_id=report_id if isinstance(report_id, str) else None,
        asked_of=asked_of if isinstance(asked_of, str) else None,
        answer=answer,
        state="done",
    )


def new_id() -> str:
    return uuid.uuid4().hex


def _valid_id(value: object) -> bool:
    return isinstance(value, str) and len(value) == 32 and all(c in "0123456789abcdef" for c in value)


class ConversationStore:
    """The live conversations, by id: dropped after ``idle_s`` seconds unused, at most ``capacity``."""

    def __init__(self, capacity: int = CAPACITY, idle_s: float = IDLE_S) -> None:
        self.capacity = capacity
        self.idle_s = idle_s
        self._items: OrderedDict[str, Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def open(self, stored: object) -> Conversation:
        """The live conversation a browser's copy belongs to, rebuilt from the copy when the server
        has none (a new browser, or one whose conversation was dropped)."""
        data = stored if isinstance(stored, dict) else {}
        key = data.get("id")
        with self._lock:
            conversation = self._items.get(key) if isinstance(key, str) else None
            if conversation is None:
                conversation = Conversation.from_stored(data)
                self._items[conversation.id] = conversation
            self._items.move_to_end(conversation.id)
            conversation.last_used = time.monotonic()
            self._evict()
            return conversation

    def close(self, stored: object) -> None:
        """The browser left the conversation its copy names (Clear, another report): forget it."""
        key = stored.get("id") if isinstance(stored, dict) else None
        with self._lock:
            conversation = self._items.pop(key, None) if isinstance(key, str) else None
        if conversation is not None:
            conversation.closed = True

    def new(self, choice: str | None = None) -> Conversation:
        """A fresh, empty conversation."""
        conversation = Conversation(id=new_id(), choice=choice)
        with self._lock:
            self._items[conversation.id] = conversation
            self._evict()
        return conversation

    def _evict(self) -> None:
        """Drop idle conversations past their time, then the oldest idle ones beyond capacity."""
        now = time.monotonic()
        for key, conversation in list(self._items.items()):
            if now - conversation.last_used > self.idle_s and not conversation.busy:
                del self._items[key]
        for key, conversation in list(self._items.items()):
            if len(self._items) <= self.capacity:
                break
            if not conversation.busy:
                del self._items[key]
