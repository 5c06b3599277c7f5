"""Asking a parsed report through the offline planner, the real tool loop and the real tools,
with fakes for the embedding model and the store: planner tests need neither torch nor Chroma."""

from __future__ import annotations

from collections.abc import Callable

from fakes import HashingEmbedder, ReportFacts, ReportSearcher
from langchain_core.messages import AIMessage, HumanMessage

from assistant.agent.final import final_draft, to_answer
from assistant.agent.loop import run_tool_loop
from assistant.domain.answer import Answer
from assistant.domain.report import Report
from assistant.planner.factory import build_classifier, build_planner
from tools import build_tools


def asker(report: Report) -> Callable[..., Answer]:
    """Ask the offline planner about ``report`` through the real tool loop and real tools."""
    embedder = HashingEmbedder()
    classifier = build_classifier(embedder.embed_documents, embedder.embed_query)
    planner = build_planner(report, classifier, search_k=4)
    tools = build_tools(ReportFacts(report), ReportSearcher(report), report.id)

    def run(question: str, history: list[dict[str, str]] | None = None) -> Answer:
        messages = []
        for turn in history or []:
            role = HumanMessage if turn["role"] == "user" else AIMessage
            messages.append(role(turn["content"]))
        messages.append(HumanMessage(question))
        result = run_tool_loop(planner, tools, messages, max_rounds=12)
        return to_answer(question, final_draft(result.final, result.records), report, result.records)

    return run
