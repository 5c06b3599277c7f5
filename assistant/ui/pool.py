"""Answers computed on a fixed number of threads, shared by the page and the ``/ask`` endpoint.

Gradio lets many events wait at once (a second question from the same browser waits for the first);
this pool bounds how many answers are computed at the same time, and says how many wait for a thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from assistant.domain.answer import Answer


class Asker(Protocol):
    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...


class AnswerPool:
    """Runs ``asker.ask`` on at most ``workers`` threads, first come first served."""

    def __init__(self, asker: Asker, workers: int) -> None:
        self.asker = asker
        self.workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="answer")
        self._waiting = 0
        self._lock = threading.Lock()

    def submit(
        self, question: str, history: Sequence[dict[str, str]] | None, report_id: str | None
    ) -> Future[Answer]:
        """Start answering ``question``; the future holds the ``Answer`` or the error ``ask`` raised."""
        with self._lock:
            self._waiting += 1
        return self._executor.submit(self._run, question, list(history or []) or None, report_id)

    def ask(
        self, question: str, history: Sequence[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer:
        """Answer ``question`` on the pool and wait for it."""
        return self.submit(question, history, report_id).result()

    def waiting(self) -> int:
        """Answers submitted that no thread has started yet."""
        with self._lock:
            return self._waiting

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _run(self, question: str, history: list[dict[str, str]] | None, report_id: str | None) -> Answer:
        with self._lock:
            self._waiting -= 1
        return self.asker.ask(question, history, report_id)
