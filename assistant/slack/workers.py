"""A bounded pool that answers questions in parallel, away from the threads that acknowledge Slack.

Slack wants every request acknowledged within 3 seconds, and an answer can take longer, so listeners
acknowledge, post a placeholder and hand the question to this pool. ``workers`` questions are answered
at once; up to ``max_waiting`` more wait their turn; beyond that ``submit`` says no at once, and the
bot tells the person it is busy instead of letting a queue grow without bound.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)


class AnswerPool:
    """``workers`` threads and a bounded waiting line; thread-safe."""

    def __init__(self, workers: int, max_waiting: int) -> None:
        if workers < 1 or max_waiting < 0:
            raise ValueError("workers must be at least 1 and max_waiting at least 0")
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slack-answer")
        self._slots = threading.BoundedSemaphore(workers + max_waiting)
        self.workers = workers

    def submit(self, task: Callable[[], None]) -> bool:
        """Run ``task`` when a worker is free; False (and nothing run) when the waiting line is full.

        ``task`` handles its own errors; anything it lets escape is logged here, never lost.
        """
        if not self._slots.acquire(blocking=False):
            return False

        def run() -> None:
            try:
                task()
            except Exception:
                log.exception("an answering task failed")
            finally:
                self._slots.release()

        try:
            self._executor.submit(run)
        except RuntimeError:  # shut down
            self._slots.release()
            return False
        return True

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking questions; drop those still waiting; with ``wait``, let running answers finish."""
        self._executor.shutdown(wait=wait, cancel_futures=True)
