"""Question sets: one JSON object per line in ``evals/sets/<name>.jsonl``.

Each record: ``id``, ``kind``, ``question``, optional ``history``, ``gold`` (see ``evals.checkers``) and
``gold_sections`` (headings that hold the answer). ``history`` is either a transcript of
``{"role", "content"}`` turns, or a list of plain user questions the harness asks first, in order,
feeding the answerer's own replies back as history.

Sets over a catalogue of reports add ``report_id``: the report that holds the answer (a scoped run asks
within it; a routed run must land on it), or ``null`` for a question that names no single report, which
the assistant must ask back about (kind ``ambiguous``, gold status ``unanswerable``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.checkers import validate_gold

SETS_DIR = Path(__file__).resolve().parent / "sets"
SEED_KINDS = (
    "forecast",
    "growth_cagr",
    "lookup",
    "list",
    "prose_fact",
    "unanswerable",
    "injection",
    "multi_turn",
    "malformed",
)
# Kinds of the catalogue sets (questions over many publishers' pages); they also use lookup, list,
# prose_fact, unanswerable and multi_turn above.
CATALOGUE_KINDS = (
    "size_stated",
    "size_computed",
    "cagr",
    "implied_cagr",
    "historical",
    "share",
    "segment_value",
    "region_value",
    "leader",
    "metadata",
    "publisher_source",
    "ambiguous",
)
KINDS = SEED_KINDS + CATALOGUE_KINDS


class EvalSetError(ValueError):
    """A question set is missing or malformed; the message names the file and line."""


@dataclass(frozen=True)
class EvalItem:
    """One question with its gold answer."""

    id: str
    kind: str
    question: str
    gold: dict[str, Any]
    gold_sections: list[str] = field(default_factory=list)
    history: list[Any] | None = None
    report_id: str | None = None
    names_report: bool = False  # the record carries report_id (null included), so routing is graded

    @property
    def scripted_turns(self) -> list[str]:
        """User turns to ask before the question (sequential history), else empty."""
        if self.history and all(isinstance(turn, str) for turn in self.history):
            return list(self.history)
        return []

    @property
    def transcript(self) -> list[dict[str, str]] | None:
        """A fixed role/content history, else None."""
        if self.history and all(isinstance(turn, dict) for turn in self.history):
            return [dict(turn) for turn in self.history]
        return None


def list_sets() -> list[str]:
    return sorted(path.stem for path in SETS_DIR.glob("*.jsonl"))


def set_path(name: str) -> Path:
    """``name`` is a set under evals/sets (``seed``) or a path to a .jsonl file."""
    path = Path(name)
    if path.suffix == ".jsonl" and path.exists():
        return path
    candidate = SETS_DIR / f"{name}.jsonl"
    if candidate.exists():
        return candidate
    raise EvalSetError(f"no question set {name!r}; known sets: {', '.join(list_sets()) or 'none'}")


def _item(record: Any, where: str) -> EvalItem:
    if not isinstance(record, dict):
        raise EvalSetError(f"{where}: expected a JSON object")
    missing = [key for key in ("id", "kind", "question", "gold") if key not in record]
    if missing:
        raise EvalSetError(f"{where}: missing {', '.join(missing)}")
    if record["kind"] not in KINDS:
        raise EvalSetError(f"{where}: unknown kind {record['kind']!r}; expected one of {', '.join(KINDS)}")
    if not isinstance(record["question"], str):
        raise EvalSetError(f"{where}: question must be a string")
    history = record.get("history")
    if history is not None:
        ok = isinstance(history, list) and (
            all(isinstance(t, str) for t in history)
            or all(isinstance(t, dict) and {"role", "content"} <= set(t) for t in history)
        )
        if not ok:
            raise EvalSetError(f"{where}: history must be user questions or role/content turns")
    try:
        validate_gold(record["gold"], where)
    except ValueError as exc:
        raise EvalSetError(str(exc)) from exc
    report_id = _report_id(record, where)
    return EvalItem(
        id=str(record["id"]),
        kind=record["kind"],
        question=record["question"],
        gold=record["gold"],
        gold_sections=list(record.get("gold_sections") or []),
        history=history,
        report_id=report_id,
        names_report="report_id" in record,
    )


def _report_id(record: dict[str, Any], where: str) -> str | None:
    """The record's report id; an ambiguous question names none and may only be declined."""
    report_id = record.get("report_id")
    if report_id is not None and (not isinstance(report_id, str) or not report_id.strip()):
        raise EvalSetError(f"{where}: report_id must be a report id or null")
    if record["kind"] == "ambiguous":
        statuses = record["gold"].get("status") or []
        if "report_id" not in record or report_id is not None or list(statuses) != ["unanswerable"]:
            raise EvalSetError(f"{where}: an ambiguous question needs report_id null and status unanswerable")
    return report_id


def load_set(name: str) -> list[EvalItem]:
    """Read and validate a question set; ids must be unique."""
    path = set_path(name)
    items: list[EvalItem] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalSetError(f"{where}: not JSON ({exc.msg})") from exc
            item = _item(record, where)
            if item.id in seen:
                raise EvalSetError(f"{where}: duplicate id {item.id!r}")
            seen.add(item.id)
            items.append(item)
    if not items:
        raise EvalSetError(f"{path}: no questions")
    return items
