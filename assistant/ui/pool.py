"""Answers computed a few at a time, shared by the page and the ``/ask`` endpoint.

Gradio lets many events wait at once (a second question from the same browser waits for the first);
the pool bounds how many answers are computed at the same time. The endpoint asks on its own
thread (``ask``); the page asks in the background (``submit``) so it can show progress meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from assistant.domain.answer import Answer

ANSWER_SLOTS = (
    4  # answers computed at once, page and /ask together (bench_chat_load: 143 answers/s against 109 with 2)
)


class Asker(Protocol):
    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...


@dataclass(frozen=True)
class Job:
    """An answer being computed: ``started`` is set once it has a slot, ``future`` holds the result."""

    future: Future[Answer]
    started: threading.Event


class AnswerPool:
    """Runs ``asker.ask`` at most ``slots`` at a time, in the order callers arrive (roughly)."""

    def __init__(self, asker: Asker, slots: int) -> None:
        self.asker = asker
        self.slots = slots
        self._free = threading.BoundedSemaphore(slots)
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="answer")
        self._waiting = 0
        self._lock = threading.Lock()

    def ask(
        self, question: str, history: Sequence[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer:
        """Answer ``question`` on the calling thread once a slot is free."""
        return self._run(threading.Event(), question, list(history or []) or None, report_id)

    def submit(self, question: str, history: Sequence[dict[str, str]] | None, report_id: str | None) -> Job:
        """Start answering ``question`` in the background; the job's future holds the ``Answer`` or
        the error ``ask`` raised."""
        started = threading.Event()
        with self._lock:
            self._waiting += 1  # counted from now, so a queued job is seen waiting at once
        future = self._executor.submit(
            self._run, started, question, list(history or []) or None, report_id, True
        )
        return Job(future, started)

    def waiting(self) -> int:
        """Answers asked for that have no slot yet."""
        with self._lock:
            return self._waiting

    def _run(
        self,
        started: threading.Event,
        question: str,
        history: list[dict[str, str]] | None,
        report_id: str | None,
        counted: bool = False,
    ) -> Answer:
        if not counted:
            with self._lock:
                self._waiting += 1
        self._free.acquire()
        with self._lock:
            self._waiting -= 1
        started.set()
        try:
            return self.asker.ask(question, history, report_id)
        finally:
            self._free.release()
