"""Warm the page before it serves: the first user question should be as fast as the tenth.

A cold server pays on its first questions for loading the embedding model, the report, its indexes
and its planner, for building the question encoder (on a process's second question), for routing's
index of report names and for drawing the first chart. ``warm_up`` answers a few real questions
through the page's own answer pool and renders them as the page would, so all of that is done
before the server accepts a request. ``warm_http`` then sends the server its first requests itself
(the page, its configuration and one ``/ask``), before the address is announced.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass

import httpx

from assistant.domain.answer import Answer
from assistant.domain.report import Report
from assistant.ui.cards import example_questions, market_examples
from assistant.ui.chart import series_figure
from assistant.ui.context import passage_html
from assistant.ui.handlers import ChatHandlers
from assistant.ui.render import answer_html

logger = logging.getLogger(__name__)

WARM_QUESTIONS = 3  # example questions of the report answered before serving


@dataclass(frozen=True)
class WarmUp:
    """What warming did: questions answered, of which report, how long it took (seconds), and a
    question to send over HTTP once the server listens."""

    questions: int
    report_id: str
    seconds: float
    question: str


def warm_up(handlers: ChatHandlers, report_id: str | None = None) -> WarmUp:
    """Answer and render ``WARM_QUESTIONS`` example questions of ``report_id`` (default: the only or
    the first report), plus one routed by its market's name when the catalogue holds several."""
    started = time.perf_counter()
    summaries = handlers.summaries()
    chosen = report_id or summaries[0].id
    report = handlers.assistant.report(chosen)
    handlers.assistant.prepare(report.id)
    asked = 0
    examples = example_questions(report)
    for question in examples[:WARM_QUESTIONS]:
        _render(report, handlers.pool.ask(question, None, report.id))
        asked += 1
    if len(summaries) > 1:
        for question in market_examples(summaries)[:1]:
            handlers.pool.ask(question, None, None)
            asked += 1
    seconds = time.perf_counter() - started
    logger.info("warm-up: %d questions about %s answered in %.1f s", asked, report.id, seconds)
    return WarmUp(questions=asked, report_id=report.id, seconds=seconds, question=examples[0])


def _render(report: Report, answer: Answer) -> None:
    """Everything the page draws for an answer: its bubble, its first source and its chart."""
    answer_html(answer, 0)
    if answer.citations:
        passage_html(report, answer.citations[0])
    size = report.facts.market_size
    figure = series_figure(answer.series, size.currency if size else None)
    if figure is not None:
        figure.savefig(io.BytesIO(), format="png")


def warm_http(url: str, question: str, auth: tuple[str, str] | None = None) -> None:
    """The first requests a server answers are slower (routes, validators and serializers warm up):
    fetch the page and its configuration and ask ``question`` through ``/ask`` over loopback."""
    try:
        with httpx.Client(base_url=url, timeout=60) as http:
            if auth is not None:
                http.post("login", data={"username": auth[0], "password": auth[1]})
            for _ in range(2):
                http.get("")
                http.get("config")
                http.post("gradio_api/run/ask", json={"data": [question]})
    except httpx.HTTPError as exc:  # only a warm-up: the server serves all the same
        logger.warning("could not send the server its first requests at %s: %s", url, exc)
