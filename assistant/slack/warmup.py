"""Warm the assistant before the bot accepts events, so the first person does not wait for model loads.

The first answer loads the embedding model, opens the index and builds the planner; that takes
seconds, longer than Slack waits for a slash command's acknowledgement. ``warm_up`` answers one
question about the first report in the catalogue, after loading everything reports share and that
report's planner and word index; other reports' are built on their first question.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any, Protocol

from assistant.domain.answer import Answer

log = logging.getLogger(__name__)

WARM_UP_QUESTION = "How big is the market?"


class _Asking(Protocol):
    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...

    def reports(self) -> Sequence[Any]: ...

    def prepare(self, report_id: str | None = None) -> None: ...


def warm_up(assistant: _Asking) -> Answer | None:
    """Answer ``WARM_UP_QUESTION`` about the first report; None (and a warning) when none is ingested.

    Raises:
        AssistantError: the store or the model cannot be loaded (the bot should not start).
    """
    started = time.perf_counter()
    reports = list(assistant.reports())
    if not reports:
        log.warning(
            "no reports are ingested yet; run `assistant ingest` so the bot has something to answer from"
        )
        return None
    report_id = str(getattr(reports[0], "id", reports[0]))
    log.warning("warming up: loading the model, the index and the planner before accepting events")
    assistant.prepare(report_id)
    answer = assistant.ask(WARM_UP_QUESTION, report_id=report_id)
    log.warning(
        "warmed up: answered a first question about %s in %.1f s", report_id, time.perf_counter() - started
    )
    return answer
