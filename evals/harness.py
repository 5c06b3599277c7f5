"""Runs a question set through the assistant and the retrieval baseline, grades both, checks thresholds.

``run_eval(settings)`` is the whole evaluation; ``assistant eval`` calls it and renders the result.
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
from evals.metrics import Graded, RetrievalHit, by_kind, grade, retrieval_metrics
from evals.questions import EvalItem, EvalSetError, load_set

if TYPE_CHECKING:
    from assistant import Answer, Settings

EVALS_DIR = Path(__file__).resolve().parent
RESULTS_DIR = EVALS_DIR / "results"
THRESHOLDS = EVALS_DIR / "thresholds.json"
WARM_UP = "what is the market size in 2025"


class Answerer(Protocol):
    """What the harness asks: the real Assistant or the baseline."""

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer: ...


@dataclass
class SystemRun:
    """One answerer's graded answers."""

    name: str
    graded: list[Graded] = field(default_factory=list)

    @property
    def metrics(self) -> dict[str, dict[str, Any]]:
        return by_kind(self.graded)


def ask_item(answerer: Answerer, item: EvalItem) -> tuple[Answer, float]:
    """Ask the item's question after its history; returns the answer and its wall time in ms."""
    history: list[dict[str, str]] = item.transcript or []
    for turn in item.scripted_turns:
        earlier = answerer.ask(turn, history=list(history) or None)
        history = [
            *history,
            {"role": "user", "content": turn},
            {"role": "assistant", "content": earlier.text},
        ]
    started = time.perf_counter()
    answer = answerer.ask(item.question, history=list(history) or None)
    return answer, (time.perf_counter() - started) * 1000


def ask_turn(
    answerer: Answerer, item: EvalItem, transcripts: dict[str, list[dict[str, str]]]
) -> tuple[Answer, float]:
    """Ask one item; a conversation turn continues the transcript its earlier turns left in ``transcripts``.

    When the earlier turns were not asked just before (a ``--limit`` cut, a failed turn), they are
    replayed from the item's history first, so the turn always sees the conversation it belongs to.
    """
    if item.conversation is None:
        return ask_item(answerer, item)
    history = transcripts.get(item.conversation, [])
    if len(history) != 2 * len(item.scripted_turns):
        history = []
        for turn in item.scripted_turns:
            earlier = answerer.ask(turn, history=list(history) or None)
            history = [
                *history,
                {"role": "user", "content": turn},
                {"role": "assistant", "content": earlier.text},
            ]
    started = time.perf_counter()
    answer = answerer.ask(item.question, history=list(history) or None)
    latency = (time.perf_counter() - started) * 1000
    transcripts[item.conversation] = [
        *history,
        {"role": "user", "content": item.question},
        {"role": "assistant", "content": answer.text},
    ]
    return answer, latency


def run_system(
    name: str,
    answerer: Answerer,
    items: Sequence[EvalItem],
    report_text: Callable[[str], str],
    progress: Callable[[str], None] | None = None,
) -> SystemRun:
    """Ask every item; an exception on one question fails that question, not the run."""
    from assistant import Answer, AssistantError

    run = SystemRun(name)
    try:  # first call loads models; keep it out of the latency figures
        answerer.ask(WARM_UP)
    except AssistantError:
        raise
    except Exception:  # noqa: BLE001 - the graded questions will show the failure
        pass
    transcripts: dict[str, list[dict[str, str]]] = {}
    for item in items:
        try:
            answer, latency = ask_turn(answerer, item, transcripts)
        except AssistantError:
            raise  # a broken setup (no index, unknown report) stops the run with its own message
        except Exception as exc:  # noqa: BLE001 - ask() must not raise for a question; record it as a failure
            answer = Answer(question=item.question, status="rejected", text="", backend=name)
            graded = grade(item, answer, 0.0, report_text)
            graded.checks.append(CheckResult("error", False, f"{type(exc).__name__}: {exc}"))
            run.graded.append(graded)
            continue
        run.graded.append(grade(item, answer, latency, report_text))
        if progress:
            progress(f"{name} {item.id}")
    return run


def retrieval_query(item: EvalItem) -> str:
    """The text a retriever sees: earlier user turns plus the question, so follow-ups keep context."""
    turns = item.scripted_turns or [t["content"] for t in (item.transcript or []) if t.get("role") == "user"]
    return " ".join([*turns, item.question]).strip()


def run_retrieval(retriever: Any, items: Sequence[EvalItem], k: int) -> list[RetrievalHit]:
    hits = []
    for item in items:
        query = retrieval_query(item)
        if not item.gold_sections or not query:
            continue
        passages = retriever.search(query, k=k)
        hits.append(RetrievalHit(item, [p.section for p in passages]))
    return hits


# ---------------------------------------------------------------- thresholds


DEFAULT_THRESHOLD_SET = "seed"


class ThresholdsError(EvalSetError):
    """The threshold file is malformed or has no entry for the set; the message names the file."""


def threshold_key(set_name: str) -> str:
    """The thresholds entry a set uses: its name, or a .jsonl path's file stem."""
    path = Path(set_name)
    return path.stem if path.suffix == ".jsonl" else set_name


def load_thresholds(
    path: Path = THRESHOLDS, set_name: str = DEFAULT_THRESHOLD_SET
) -> dict[str, dict[str, float]]:
    """The min/max limits for ``set_name``.

    The file holds one entry per set (``{"seed": {"min": ..., "max": ...}, "analyst": {...}}``); a set
    without an entry uses the seed set's. A file with ``min``/``max`` at the top applies to every set.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ThresholdsError(f"{path}: thresholds must be a JSON object")
    if "min" not in data and "max" not in data:
        entry = data.get(threshold_key(set_name), data.get(DEFAULT_THRESHOLD_SET))
        if not isinstance(entry, dict):
            raise ThresholdsError(
                f"{path}: no thresholds for set {set_name!r} and no {DEFAULT_THRESHOLD_SET!r} entry"
            )
        data = entry
    return {"min": dict(data.get("min", {})), "max": dict(data.get("max", {}))}


def check_thresholds(
    metrics: dict[str, dict[str, Any]], thresholds: dict[str, dict[str, float]]
) -> list[dict[str, Any]]:
    """One verdict per threshold; a group absent from the set is skipped, an unmeasured metric fails."""
    verdicts = []
    for bound, limits in (("min", thresholds.get("min", {})), ("max", thresholds.get("max", {}))):
        for key, limit in limits.items():
            group, _, metric = key.partition(".")
            if group not in metrics:
                verdicts.append(
                    {
                        "metric": key,
                        "bound": bound,
                        "limit": limit,
                        "value": None,
                        "passed": True,
                        "note": "not in this set",
                    }
                )
                continue
            value = metrics[group].get(metric)
            if value is None:
                ok, note = False, "not measured"
            else:
                ok = value >= limit - 1e-12 if bound == "min" else value <= limit + 1e-12
                note = ""
            verdicts.append(
                {"metric": key, "bound": bound, "limit": limit, "value": value, "passed": ok, "note": note}
            )
    return verdicts


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

    @property
    def passed(self) -> bool:
        return all(v["passed"] for v in self.verdicts)

    def to_dict(self) -> dict[str, Any]:
        questions = []
        for index, item in enumerate(self.items):
            row: dict[str, Any] = {"id": item.id, "kind": item.kind, "question": _clip(item.question, 200)}
            if item.conversation is not None:
                row["conversation"] = item.conversation
            for system in self.systems:
                g = system.graded[index]
                row[system.name] = {
                    "status": g.answer.status,
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
) -> EvalRun:
    """Evaluate the assistant (on ``backend``, default the settings' model) and the baseline."""
    from assistant import Assistant, Retriever

    if backend:
        settings = settings.model_copy(update={"model": backend})
    k = k or settings.agent.search_k
    items = load_set(set_name)[: limit or None]
    assistant = Assistant(settings)
    retriever = Retriever(settings)
    texts: dict[str, str] = {}

    def report_text(report_id: str) -> str:
        if report_id not in texts:
            texts[report_id] = assistant.report(report_id).text
        return texts[report_id]

    systems = [
        run_system("assistant", assistant, items, report_text, progress),
        run_system("baseline", RetrievalBaseline(retriever, k), items, report_text, progress),
    ]
    retrieval = retrieval_metrics(run_retrieval(retriever, items, k), k)
    verdicts = check_thresholds(systems[0].metrics, load_thresholds(thresholds_path, set_name))
    return EvalRun(set_name, settings.model, k, items, systems, retrieval, verdicts)


def results_name(backend: str) -> str:
    """A file-safe name for a backend such as 'openai:gpt-4.1-mini'."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", backend).strip("_") or "backend"


def write_results(
    run: EvalRun, data: dict[str, Any], markdown: str, out_dir: Path = RESULTS_DIR
) -> tuple[Path, Path]:
    """Write ``<backend>.json`` and ``<backend>.md`` under ``out_dir``; returns both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = results_name(run.backend)
    json_path, md_path = out_dir / f"{stem}.json", out_dir / f"{stem}.md"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown, encoding="utf-8")
    return json_path, md_path
