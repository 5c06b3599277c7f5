"""``Assistant``: a question in, a grounded ``Answer`` out. Every surface calls this and only this.

The offline planner (default, no key) runs its script's tool calls directly; any LangChain chat model
chosen with ``ASSISTANT_MODEL=provider:model`` (or passed in) runs them in a LangChain tool loop. Both
call the tools through the same specs and end in one verified ``Answer``. The Assistant is the one
place that wires services (settings, model, store, embedder); it is safe to share between threads.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from assistant.agent.final import to_answer
from assistant.agent.loop import run_tool_loop
from assistant.agent.offline import run_script
from assistant.agent.prompts import system_prompt
from assistant.agent.routing import Route, route
from assistant.agent.validation import clean_question
from assistant.domain.answer import Answer
from assistant.domain.report import Report
from assistant.errors import ConfigError, ReportNotFoundError
from assistant.index.catalogue import Catalogue, ReportSummary
from assistant.index.dense import Retriever
from assistant.index.embedder import Embedder, PrefetchingEmbedder
from assistant.index.embeddings import get_embedder
from assistant.index.hybrid import HybridSearcher
from assistant.index.store import ChromaStore, VectorStore
from assistant.index.vector_cache import cached_embed
from assistant.planner.calls import ScriptFactory
from assistant.planner.classifier import IntentClassifier
from assistant.planner.factory import build_classifier, build_script_factory
from assistant.settings import Settings
from assistant.text.topics import names_topic
from tools.search import Passage as ToolPassage
from tools.specs import ToolSpec, report_specs

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

Message = Mapping[str, str]
log = logging.getLogger(__name__)
MAX_KEPT_SHEETS = 64  # fact sheets kept as the tools read them (one per report recently asked about)


class _FactSheets:
    """The facts tool's view of the catalogue: a report's fact sheet and consistency verdict."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        # The sheet of each report as the tools read it, kept while the catalogue holds that report:
        # an answer looks facts up several times, and the tools only read the sheet.
        self._sheets: dict[str, tuple[Report, Mapping[str, Any]]] = {}

    def fact_sheet(self, report_id: str | None) -> Mapping[str, Any]:
        if report_id is None:
            raise LookupError("no report chosen")
        try:
            report = self._catalogue.get_report(report_id)
        except ReportNotFoundError as exc:
            raise LookupError(str(exc)) from exc
        kept = self._sheets.get(report_id)
        if kept is not None and kept[0] is report:
            return kept[1]
        sheet = {
            **report.facts.model_dump(mode="json"),
            "consistency": report.consistency.model_dump(mode="json"),
            "identity": report.identity.model_dump(mode="json"),
            "report_id": report.id,
        }
        if len(self._sheets) >= MAX_KEPT_SHEETS:
            self._sheets.pop(next(iter(self._sheets)), None)
        self._sheets[report_id] = (report, sheet)
        return sheet


class _Searcher:
    """The search tool's view of the hybrid (embedding + BM25) search."""

    def __init__(self, searcher: HybridSearcher, catalogue: Catalogue) -> None:
        self._searcher = searcher
        self._catalogue = catalogue

    def prepare(self, report_id: str) -> None:
        self._searcher.prepare(report_id)

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[ToolPassage]:
        try:
            hits = self._searcher.search(query, k, report_id)
        except ReportNotFoundError as exc:
            raise LookupError(str(exc)) from exc
        found = []
        for hit in hits:
            text = self._catalogue.get_report(hit.report_id).text
            fields = hit.model_dump(include=set(ToolPassage.model_fields))
            found.append(ToolPassage(**fields, mid_sentence=_inside_sentence(text, hit.start)))
        return found


_SENTENCE_END = frozenset(".!?:;\n•")


def _inside_sentence(text: str, start: int) -> bool:
    """Whether ``start`` falls inside a sentence: the text before it (spaces aside) does not end one."""
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in _SENTENCE_END and text[start : start + 1] not in "•-*"


class Assistant:
    """Answers questions about the ingested reports. Build once; ``ask`` many times, from any thread.

    ``model`` replaces the chat model the settings name, ``store`` the Chroma store, ``embedder`` the
    packaged MiniLM; tests and embedding applications pass their own.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        model: BaseChatModel | None = None,
        store: VectorStore | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._store = store
        self._embedder = embedder
        self.catalogue = Catalogue(self.settings, store=store)
        self.retriever = Retriever(self.settings, store=store, embedder=embedder)
        self._facts = _FactSheets(self.catalogue)
        self._searcher = _Searcher(
            HybridSearcher(self.settings, self.retriever, self.catalogue), self.catalogue
        )
        self._llm = model if model is not None else _chat_model(self.settings.model)
        self.backend = "offline" if self._llm is None else _backend_name(self._llm, self.settings.model)
        self._lock = threading.Lock()  # guards the per-report caches below
        self._classifier: IntentClassifier | None = None
        self._planners: dict[str, ScriptFactory] = {}
        self._tools: dict[str, list[ToolSpec]] = {}

    def start_loading(self) -> None:
        """Begin loading the question embedder on another thread, so that it loads while the store
        opens (a one-question command gains about the load's time); the first question waits for
        it. A failure is raised by the question that needs the embedder, not here."""
        if self._embedder is None:
            threading.Thread(target=self._load_embedder, name="embedder-load").start()

    def _load_embedder(self) -> None:
        try:
            get_embedder(self.settings)  # process-wide and loaded once: the question's call gets it
        except Exception:  # that question's own call loads again and raises the error to its surface
            log.debug("loading the question embedder in the background failed", exc_info=True)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.settings)
        return self._embedder

    @property
    def store(self) -> VectorStore:
        if self._store is None:
            self._store = ChromaStore(self.settings, create=False)
        return self._store

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
            with self._lock:
                self._planners.clear()
                self._tools.clear()
        if report_id is None:
            reports = self.reports()
            asked = [t["content"] for t in turns if t["role"] == "user"]
            chosen = route(cleaned, reports, asked, self.retriever.nearest_reports)
            if (
                chosen.reason == "absent"
                and len(reports) == 1
                and self._discusses(reports[0].id, chosen.asked)
            ):
                # 'the decentralised trials market' asked of a report that discusses them: the report
                # answers what it says of them (and that it gives no figure for such a market)
                chosen = Route(reports[0].id, reason="only")
            if chosen.report_id is None:
                text = chosen.clarifying_question(len(reports))
                answer = Answer(
                    question=cleaned, status="unanswerable", text=text, candidates=chosen.choices()
                )
                return self._finish(answer, started)
            report_id = chosen.report_id
        report = self.catalogue.get_report(report_id)
        specs, rounds = self._tools_for(report), self.settings.agent.max_tool_rounds
        if self._llm is None:
            script = self._planner_for(report)(cleaned, turns)
            draft, records = run_script(script, {spec.name: spec for spec in specs}, rounds)
        else:
            prompt = system_prompt(report)
            draft, records = run_tool_loop(self._llm, specs, prompt, turns, cleaned, rounds)
        answer = to_answer(cleaned, draft, report, records)
        return self._finish(answer, started)

    def _discusses(self, report_id: str, topic: str | None) -> bool:
        """Whether every word of ``topic`` (in any spelling's first letters) is in the report's text."""
        return bool(topic) and names_topic(self.catalogue.get_report(report_id).text, topic or "")

    def prepare(self, report_id: str | None = None) -> None:
        """Load everything a question about the report may need (the embedding model, the report,
        its planner, tools and word index), so that a server's first question is as fast as its
        tenth. ``ask`` loads the same on demand; servers call this before they accept requests."""
        report = self.report(report_id)
        if self._llm is None:
            self._planner_for(report)
        self._tools_for(report)
        self._searcher.prepare(report.id)
        self.embedder.embed_query(report.title)

    def _tools_for(self, report: Report) -> list[ToolSpec]:
        with self._lock:  # the tools are bound to a report; build them once per report
            tools = self._tools.get(report.id)
            if tools is None:
                tools = self._tools[report.id] = report_specs(self._facts, self._searcher, report.id)
            return tools

    def _planner_for(self, report: Report) -> ScriptFactory:
        with self._lock:
            planner = self._planners.get(report.id)
            if planner is None:
                planner = self._planners[report.id] = build_script_factory(
                    report, self._intent_classifier(), self.settings.agent.search_k
                )
            return planner

    def _intent_classifier(self) -> IntentClassifier:
        if self._classifier is None:
            embedder = self.embedder
            # The examples' vectors are cached on disk: embedding them is most of a cold start.
            cache = self.settings.data_dir / "cache"
            examples = cached_embed(embedder.embed_documents, cache, embedder.name)
            prefetch = embedder.prefetch_query if isinstance(embedder, PrefetchingEmbedder) else None
            self._classifier = build_classifier(examples, embedder.embed_query, prefetch)
        return self._classifier

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
        # Imported here: langchain's provider registry is only needed when a provider model is named.
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
