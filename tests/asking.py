"""Asking a parsed report through the offline planner and the real tools, as the ``Assistant`` does,
with fakes for the embedding model and the store: planner tests need neither torch nor Chroma.
``through_langchain`` asks the same planner as a chat model in the LangChain tool loop."""

from __future__ import annotations

from collections.abc import Callable

from fakes import HashingEmbedder, ReportFacts, ReportSearcher

from assistant.agent.final import to_answer
from assistant.agent.loop import run_tool_loop
from assistant.agent.offline import run_script
from assistant.domain.answer import Answer
from assistant.domain.report import Report
from assistant.planner.factory import build_classifier, build_script_factory
from assistant.planner.model import OfflinePlanner
from tools.specs import report_specs

MAX_ROUNDS = 12


def asker(report: Report, *, through_langchain: bool = False) -> Callable[..., Answer]:
    """Ask the offline planner about ``report`` with the real tools; by default as the Assistant
    does (the script drives the tools), else as a chat model in the LangChain tool loop."""
    embedder = HashingEmbedder()
    classifier = build_classifier(embedder.embed_documents, embedder.embed_query)
    factory = build_script_factory(report, classifier, search_k=4)
    specs = report_specs(ReportFacts(report), ReportSearcher(report), report.id)

    def run(question: str, history: list[dict[str, str]] | None = None) -> Answer:
        turns = list(history or [])
        if through_langchain:
            planner = OfflinePlanner(script_factory=factory)
            draft, records = run_tool_loop(planner, specs, "", turns, question, MAX_ROUNDS)
        else:
            by_name = {spec.name: spec for spec in specs}
            draft, records = run_script(factory(question, turns), by_name, MAX_ROUNDS)
        return to_answer(question, draft, report, records)

    return run
