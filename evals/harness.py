"""Runs a question set through the assistant and the retrieval baseline, grades both, checks thresholds.

``run_eval(settings)`` is the whole evaluation; ``assistant eval`` calls it and renders the result.

A set over a catalogue of reports runs on its own corpus folder (``corpus``, ingested into a store of
its own, see ``evals.corpus``) in one of two modes: ``scoped`` asks each question within the report its
record names; ``routed`` asks without one, as a user of "All reports" does, and an answer counts only
when it comes from that report (or, for a question naming no single report, asks back).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from evals.baseline import RetrievalBaseline
from evals.checkers import CheckResult, answer_unanswered_parts
from evals.corpus import prepare_corpus
from evals.metrics import Graded, RetrievalHit, by_kind, grade, retrieval_metrics
from evals.questions import EvalItem, load_set, set_stem
from evals.thresholds import THRESHOLDS, check_thresholds, load_thresholds

if TYPE_CHECKING:
    from assistant import Answer, Settings

EVALS_DIR = Path(__file__).resolve().parent
RESULTS_DIR = EVALS_DIR / "results"
WARM_UP = "what is the market size in 2025"
MODES = ("scoped", "routed")


class Answerer(Protocol):
    """What the harness asks: the real Assistant or the baseline; ``report_id`` scopes the question."""

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...


@dataclass
class SystemRun:
    """One answerer's graded answers."""

    name: str
    graded: list[Graded] = field(default_factory=list)

    @property
    def metrics(self) -> dict[str, dict[str, Any]]:
        return by_kind(self.graded)


def _exchange(history: list[dict[str, str]], question: str, reply: str) -> list[dict[str, str]]:
    return [*history, {"role": "user", "content": question}, {"role": "assistant", "content": reply}]


def _replay(
    answerer: Answerer, turns: Sequence[str], history: list[dict[str, str]], report_id: str | None
) -> list[dict[str, str]]:
    """Ask ``turns`` in order after ``history``, feeding the answerer's own replies back."""
    for turn in turns:
        earlier = answerer.ask(turn, history=list(history) or None, report_id=report_id)
        history = _exchange(history, turn, earlier.text)
    return history


def _timed(
    answerer: Answerer, question: str, history: list[dict[str, str]], report_id: str | None
) -> tuple[Answer, float]:
    started = time.perf_counter()
    answer = answerer.ask(question, history=list(history) or None, report_id=report_id)
    return answer, (time.perf_counter() - started) * 1000


def ask_item(answerer: Answerer, item: EvalItem, report_id: str | None = None) -> tuple[Answer, float]:
    """Ask the item's question after its history (all within ``report_id`` when given); returns the
    answer and its wall time in ms."""
    history = _replay(answerer, item.scripted_turns, item.transcript or [], report_id)
    return _timed(answerer, item.question, history, report_id)


def ask_turn(
    answerer: Answerer,
    item: EvalItem,
    transcripts: dict[str, list[dict[str, str]]],
    report_id: str | None = None,
) -> tuple[Answer, float]:
    """Ask one item; a conversation turn continues the transcript its earlier turns left in ``transcripts``.

    When the earlier turns were not asked just before (a ``--limit`` cut, a failed turn), they are
    replayed from the item's history first, so the turn always sees the conversation it belongs to.
    """
    if item.conversation is None:
        return ask_item(answerer, item, report_id)
    history = transcripts.get(item.conversation, [])
    if len(history) != 2 * len(item.scripted_turns):
        history = _replay(answerer, item.scripted_turns, [], report_id)
    answer, latency = _timed(answerer, item.question, history, report_id)
    transcripts[item.conversation] = _exchange(history, item.question, answer.text)
    return answer, latency


def run_system(
    name: str,
    answerer: Answerer,
    items: Sequence[EvalItem],
    report_text: Callable[[str], str],
    progress: Callable[[str], None] | None = None,
    mode: str = "routed",
) -> SystemRun:
    """Ask every item (within its report when ``mode`` is scoped); an exception on one question fails
    that question, not the run. In a routed run, items that name their report are graded on routing."""
    from assistant import Answer, AssistantError

    scoped, routed = mode == "scoped", mode == "routed"
    run = SystemRun(name)
    # The first call loads models; keep it out of the latency figures. Within a report, so that a
    # catalogue's warm-up is not a question it asks back about.
    warm_report = next((item.report_id for item in items if item.report_id), None)
    try:
        answerer.ask(WARM_UP, report_id=warm_report)
    except AssistantError:
        raise
    except Exception:  # noqa: BLE001 - the graded questions will show the failure
        pass
    transcripts: dict[str, list[dict[str, str]]] = {}
    for item in items:
        try:
            answer, latency = ask_turn(answerer, item, transcripts, item.report_id if scoped else None)
        except AssistantError:
            raise  # a broken setup (no index, unknown report) stops the run with its own message
        except Exception as exc:  # noqa: BLE001 - ask() must not raise for a question; record it as a failure
            answer = Answer(question=item.question, status="rejected", text="", backend=name)
            graded = grade(item, answer, 0.0, report_text, routed)
            graded.checks.append(CheckResult("error", False, f"{type(exc).__name__}: {exc}"))
            run.graded.append(graded)
            continue
        run.graded.append(grade(item, answer, latency, report_text, routed))
        if progress:
            progress(f"{name} {item.id}")
    return run


def retrieval_query(item: EvalItem) -> str:
    """The text a retriever sees: earlier user turns plus the question, so follow-ups keep context."""
    turns = item.scripted_turns or [t["content"] for t in (item.transcript or []) if t.get("role") == "user"]
    return " ".join([*turns, item.question]).strip()


def run_retrieval(
    retriever: Any, items: Sequence[EvalItem], k: int, scoped: bool = False
) -> list[RetrievalHit]:
    """The sections of the top ``k`` passages per item with gold sections (within its report if scoped)."""
    hits = []
    for item in items:
        query = retrieval_query(item)
        if not item.gold_sections or not query:
            continue
        passages = retriever.search(query, k=k, report_id=item.report_id if scoped else None)
        hits.append(RetrievalHit(item, [p.section for p in passages]))
    return hits


# ---------------------------------------------------------------- the whole run


@dataclass
class EvalRun:
    set_name: str
    backend: str
    k: int
    items: list[EvalItem]
    systems: list[SystemRun]
    retrieval: dict[str, dict[str, Any]]
    verdicts: list[dict[str, Any]]
    mode: str = "routed"
    corpus: str | None = None

    @property
    def passed(self) -> bool:
        return all(v["passed"] for v in self.verdicts)

    @property
    def results_stem(self) -> str:
        """``<backend>``, or ``<backend>-<set>-<mode>`` for a run over its own corpus."""
        if self.corpus is None:
            return results_name(self.backend)
        return results_name(f"{self.backend}-{set_stem(self.set_name)}-{self.mode}")

    def to_dict(self) -> dict[str, Any]:
        questions = []
        for index, item in enumerate(self.items):
            row: dict[str, Any] = {"id": item.id, "kind": item.kind, "question": _clip(item.question, 200)}
            if item.conversation is not None:
                row["conversation"] = item.conversation
            if item.names_report:
                row["report_id"] = item.report_id
            for system in self.systems:
                g = system.graded[index]
                row[system.name] = {
                    "status": g.answer.status,
                    "report_id": g.answer.report_id,
                    "passed": g.passed,
                    "failures": g.failures,
                    "answer": _clip(g.answer.text, 600),
                    "latency_ms": round(g.latency_ms, 2),
                    "ungrounded": g.ungrounded,
                    "citations": g.citations_total,
                    "citations_invalid": g.citations_total - g.citations_valid,
                    "unanswered_parts": answer_unanswered_parts(g.answer),
                }
            questions.append(row)
        return {
            "set": self.set_name,
            "backend": self.backend,
            "k": self.k,
            "mode": self.mode,
            "corpus": self.corpus,
            "n": len(self.items),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "passed": self.passed,
            "thresholds": self.verdicts,
            "metrics": {s.name: s.metrics for s in self.systems},
            "retrieval": self.retrieval,
            "questions": questions,
        }


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"... [{len(text):,} chars]"


def run_eval(
    settings: Settings,
    set_name: str = "seed",
    backend: str | None = None,
    k: int | None = None,
    limit: int | None = None,
    thresholds_path: Path = THRESHOLDS,
    progress: Callable[[str], None] | None = None,
    corpus: Path | None = None,
    mode: str = "routed",
) -> EvalRun:
    """Evaluate the assistant (on ``backend``, default the settings' model) and the baseline.

    Without ``corpus`` the set is asked of the reports already ingested under ``settings``; with it,
    of that folder's pages, ingested into the set's own store first. ``mode`` is scoped or routed.
    """
    from assistant import Assistant, Retriever

    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    if backend:
        settings = settings.model_copy(update={"model": backend})
    k = k or settings.agent.search_k
    items = load_set(set_name)[: limit or None]
    if corpus is not None:
        settings = prepare_corpus(settings, corpus, set_stem(set_name), progress)
    assistant = Assistant(settings)
    retriever = Retriever(settings)
    texts: dict[str, str] = {}

    def report_text(report_id: str) -> str:
        if report_id not in texts:
            texts[report_id] = assistant.report(report_id).text
        return texts[report_id]

    systems = [
        run_system("assistant", assistant, items, report_text, progress, mode),
        run_system("baseline", RetrievalBaseline(retriever, k), items, report_text, progress, mode),
    ]
    retrieval = retrieval_metrics(run_retrieval(retriever, items, k, mode == "scoped"), k)
    verdicts = check_thresholds(systems[0].metrics, load_thresholds(thresholds_path, set_name, mode))
    corpus_name = str(corpus) if corpus is not None else None
    return EvalRun(set_name, settings.model, k, items, systems, retrieval, verdicts, mode, corpus_name)


def results_name(backend: str) -> str:
    """A file-safe name for a backend such as 'openai:gpt-4.1-mini'."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", backend).strip("_") or "backend"


def write_results(
    run: EvalRun, data: dict[str, Any], markdown: str, out_dir: Path = RESULTS_DIR
) -> tuple[Path, Path]:
    """Write ``<stem>.json`` and ``<stem>.md`` under ``out_dir`` (see ``EvalRun.results_stem``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = run.results_stem
    json_path, md_path = out_dir / f"{stem}.json", out_dir / f"{stem}.md"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown, encoding="utf-8")
    return json_path, md_path
