"""``Assistant``: a question in, a grounded ``Answer`` out. Every surface calls this and only this.

The same tool-calling loop runs whatever the model: the offline planner (default, no key) or any
LangChain chat model chosen with ``ASSISTANT_MODEL=provider:model``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.tools import StructuredTool

from assistant.agent.grounding import guard
from assistant.agent.loop import LoopResult, ToolRecord, run_tool_loop
from assistant.agent.prompts import UNANSWERABLE_MARK, system_prompt
from assistant.agent.routing import route
from assistant.agent.validation import clean_question
from assistant.domain.answer import Answer, Citation, Computation, SeriesPoint
from assistant.domain.report import Report
from assistant.errors import ConfigError, ReportNotFoundError
from assistant.index.catalogue import Catalogue, ReportSummary
from assistant.index.dense import Retriever
from assistant.index.embeddings import get_embedder
from assistant.index.hybrid import HybridSearcher
from assistant.index.vector_cache import cached_embed
from assistant.planner.intents import IntentClassifier
from assistant.planner.model import FINAL_KEY, OfflinePlanner
from assistant.planner.understanding import PolicyContext, make_script_factory
from assistant.planner.vocabulary import acronyms, market_words, vocabulary
from assistant.settings import Settings
from assistant.text.sentences import best_sentences
from assistant.text.tokens import terms
from tools import build_tools
from tools.search import Passage as ToolPassage

log = logging.getLogger(__name__)

FORECAST_TOOLS = frozenset(
    {"market_size_in_year", "cagr_between", "growth_between", "doubling_time", "size_table", "convert_units"}
)
Message = Mapping[str, str]


class _FactSheets:
    """The facts tool's view of the catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def fact_sheet(self, report_id: str | None) -> Mapping[str, Any]:
        if report_id is None:
            raise LookupError("no report chosen")
        try:
            report = self._catalogue.get_report(report_id)
        except ReportNotFoundError as exc:
            raise LookupError(str(exc)) from exc
        return {**report.facts.model_dump(mode="json"), "report_id": report.id}


class _Searcher:
    """The search tool's view of the hybrid (embedding + BM25) search."""

    def __init__(self, retriever: HybridSearcher) -> None:
        self._retriever = retriever

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[ToolPassage]:
        try:
            hits = self._retriever.search(query, k, report_id)
        except ReportNotFoundError as exc:
            raise LookupError(str(exc)) from exc
        return [ToolPassage(**hit.model_dump(include=set(ToolPassage.model_fields))) for hit in hits]


class Assistant:
    """Answers questions about the ingested reports. Build once; ``ask`` many times."""

    def __init__(self, settings: Settings | None = None, model: BaseChatModel | None = None) -> None:
        self.settings = settings or Settings()
        self.catalogue = Catalogue(self.settings)
        self.retriever = Retriever(self.settings)
        self._facts = _FactSheets(self.catalogue)
        self._searcher = _Searcher(HybridSearcher(self.settings, self.retriever, self.catalogue))
        self._llm = model if model is not None else _chat_model(self.settings.model)
        self.backend = "offline" if self._llm is None else _backend_name(self._llm, self.settings.model)
        self._classifier: IntentClassifier | None = None
        self._planners: dict[str, OfflinePlanner] = {}
        self._tools: dict[str, list[StructuredTool]] = {}

    # -- catalogue -----------------------------------------------------------------------------
    def reports(self) -> list[ReportSummary]:
        """Every ingested report."""
        return self.catalogue.list_reports()

    def report(self, report_id: str | None = None) -> Report:
        """One report; without an id, the only one (ReportNotFoundError if there are several)."""
        if report_id is None:
            ids = self.catalogue.ids()
            if len(ids) != 1:
                raise ReportNotFoundError(f"several reports are ingested; choose one of: {', '.join(ids)}")
            report_id = ids[0]
        return self.catalogue.get_report(report_id)

    # -- answering -----------------------------------------------------------------------------
    def ask(
        self, question: str, history: Sequence[Message] | None = None, report_id: str | None = None
    ) -> Answer:
        """Answer ``question`` from the report, using ``history`` (oldest first) for follow-ups."""
        started = time.perf_counter()
        turns = [
            dict(t) for t in history or () if t.get("role") in ("user", "assistant") and t.get("content")
        ]
        cleaned, problem = clean_question(question, self.settings.agent.max_question_chars)
        if problem:
            return self._finish(Answer(question=cleaned, status="rejected", text=problem), started)
        if self.catalogue.refresh_if_changed():  # an ingest changed the store: per-report caches are stale
            self._planners.clear()
            self._tools.clear()
        if report_id is None:
            reports = self.reports()
            asked = [t["content"] for t in turns if t["role"] == "user"]
            chosen = route(cleaned, reports, asked, self.retriever.nearest_reports)
            if chosen.report_id is None:
                text = chosen.clarifying_question(len(reports))
                answer = Answer(
                    question=cleaned, status="unanswerable", text=text, candidates=chosen.choices()
                )
                return self._finish(answer, started)
            report_id = chosen.report_id
        report = self.catalogue.get_report(report_id)
        tools = self._tools.get(report.id)
        if tools is None:  # the tools are bound to a report; build them once per report
            tools = self._tools[report.id] = build_tools(self._facts, self._searcher, report.id)
        messages: list[BaseMessage] = [SystemMessage(system_prompt(report))]
        for turn in turns:
            messages.append(
                HumanMessage(turn["content"]) if turn["role"] == "user" else AIMessage(turn["content"])
            )
        messages.append(HumanMessage(cleaned))
        result = run_tool_loop(self._model_for(report), tools, messages, self.settings.agent.max_tool_rounds)
        return self._finish(self._answer(cleaned, report, result), started)

    def _model_for(self, report: Report) -> BaseChatModel:
        if self._llm is not None:
            return self._llm
        planner = self._planners.get(report.id)
        if planner is None:
            if self._classifier is None:
                embedder = get_embedder(self.settings)
                # The examples' vectors are cached on disk: embedding them is most of a cold start.
                cache = self.settings.data_dir / "cache"
                examples = cached_embed(embedder.embed_documents, cache, embedder.name)
                self._classifier = IntentClassifier(examples, embedder.embed_query)
            context = PolicyContext(
                self._classifier,
                vocabulary(report),
                report.id,
                self.settings.agent.search_k,
                market_words(report),
                report.publisher,
                frozenset(terms(report.text)),
                acronyms(report),
            )
            planner = OfflinePlanner(script_factory=make_script_factory(context))
            self._planners[report.id] = planner
        return planner

    def _answer(self, question: str, report: Report, result: LoopResult) -> Answer:
        final = result.final.response_metadata.get(FINAL_KEY)
        text = str(result.final.content).strip()
        computations = [_computation(r) for r in result.records if r.name in FORECAST_TOOLS and not r.error]
        if final is not None:  # the offline planner says what it cites
            status = final["status"]
            raw_citations = final["citations"]
            series = [SeriesPoint(**point) for point in final["series"]]
        else:
            status = "answered"
            if text.upper().startswith(UNANSWERABLE_MARK):
                status, text = "unanswerable", text[len(UNANSWERABLE_MARK) :].strip()
            raw_citations = _citations_from_records(result.records, text)
            series = _series_from_records(result.records)
        citations = _verified(raw_citations, report)
        ungrounded: list[str] = []
        if status != "rejected":  # a refusal echoes the user's input and limits, not report figures
            text, ungrounded = guard(text, citations, computations)
        return Answer(
            question=question,
            status=status,
            text=text,
            citations=citations,
            computations=computations,
            series=series,
            report_id=report.id,
            ungrounded_numbers=ungrounded,
        )

    def _finish(self, answer: Answer, started: float) -> Answer:
        answer.backend = self.backend
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        return answer


def _chat_model(spec: str) -> BaseChatModel | None:
    """None for the offline planner; otherwise a LangChain chat model from 'provider:model'."""
    if spec.strip().lower() in ("", "offline"):
        return None
    if ":" not in spec:
        raise ConfigError(
            f"ASSISTANT_MODEL must be 'offline' or 'provider:model' (e.g. openai:gpt-4.1-mini), got {spec!r}"
        )
    try:
        from langchain.chat_models import init_chat_model

        return init_chat_model(spec, temperature=0)
    except Exception as exc:  # missing provider package or credentials: one clear configuration error
        raise ConfigError(f"cannot start chat model {spec!r}: {exc}") from exc


def _backend_name(model: BaseChatModel, spec: str) -> str:
    return (
        spec
        if spec.strip().lower() not in ("", "offline")
        else getattr(model, "_llm_type", type(model).__name__)
    )


def _computation(record: ToolRecord) -> Computation:
    output = record.result if isinstance(record.result, dict) else {"result": record.result}
    return Computation(
        tool=record.name, inputs=record.args, output=output, expression=str(output.get("expression", ""))
    )


def _verified(raw: list[dict[str, Any]], report: Report) -> list[Citation]:
    """Citations whose quote is exactly the report text at their offsets; others are dropped."""
    citations: list[Citation] = []
    for item in raw:
        start, end = int(item["start"]), int(item["end"])
        actual = report.text[start:end]
        quote = item.get("quote") or actual
        if not actual or quote != actual:
            log.warning("dropped a citation that does not match the report at %d-%d", start, end)
            continue
        section = report.section_at(start)
        citations.append(
            Citation(
                report_id=report.id,
                section=section.heading if section else "",
                quote=quote,
                start=start,
                end=end,
            )
        )
    return citations


def _citations_from_records(records: list[ToolRecord], answer_text: str) -> list[dict[str, Any]]:
    """For an LLM backend: every fact quote it looked up, and the sentence of each passage it read
    that best matches its answer."""
    raw: list[dict[str, Any]] = []
    for record in records:
        if record.error or not isinstance(record.result, dict):
            continue
        if record.name == "lookup_fact" and record.result.get("found"):
            raw.extend(
                {"quote": q["text"], "start": q["start"], "end": q["end"]} for q in record.result["quotes"]
            )
        elif record.name == "search_passages":
            for sentence in best_sentences(record.result.get("passages", []), answer_text, limit=2):
                if sentence["overlap"] >= 2.0:
                    raw.append(sentence)
    return raw


def _series_from_records(records: list[ToolRecord]) -> list[SeriesPoint]:
    for record in reversed(records):
        if record.name == "size_table" and not record.error and isinstance(record.result, dict):
            unit = record.result["unit"]
            return [
                SeriesPoint(year=r["year"], value=r["value"], unit=unit, kind=r["kind"])
                for r in record.result["rows"]
            ]
    return []
