"""Question sets: one JSON object per line in ``evals/sets/<name>.jsonl``.

Each record: ``id``, ``kind``, ``question``, optional ``history``, ``gold`` (see ``evals.checkers``) and
``gold_sections`` (headings that hold the answer). ``history`` is either a transcript of
``{"role", "content"}`` turns, or a list of plain user questions the harness asks first, in order,
feeding the answerer's own replies back as history.

A conversation graded at every turn is one record with ``id``, ``kind`` and ``turns``: a list of
``{"question", "gold", "gold_sections"}``. It loads as one item per turn (id ``<id>#<n>``, n from 1),
each carrying the earlier questions as its history; the harness asks the turns in order once, feeding
its own replies back, and a conversation counts as right only when every turn is.

Sets over a catalogue of reports add ``report_id``: the report that holds the answer (a scoped run asks
within it; a routed run must land on it), or ``null`` for a question that names no single report, which
the assistant must ask back about (kind ``ambiguous``, gold status ``unanswerable``). A conversation
record's ``report_id`` holds for every turn; a turn may name its own (a question asked back about, then
answered once the user says which report).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.checkers import validate_gold

SETS_DIR = Path(__file__).resolve().parent / "sets"
# The kinds of the seed set, generated from the bundled report.
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
# The kinds of the analyst sets, written by hand as analysts type (followup: conversations).
ANALYST_KINDS = (
    "multi_part",
    "derived_math",
    "false_premise",
    "passage_detail",
    "not_a_market",
    "smalltalk",
    "unstated",
    "followup",
)
# The kinds of the catalogue sets (questions over many publishers' pages); they also use lookup, list,
# prose_fact, unanswerable and multi_turn.
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
KINDS = SEED_KINDS + ANALYST_KINDS + CATALOGUE_KINDS


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
    conversation: str | None = None  # the conversation record this turn belongs to
    turn: int = 0  # 1-based position in that conversation
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
    """The sets under evals/sets, numbered ones in their numbers' order ('blind-pages-9' before '-10')."""
    return sorted(
        (path.stem for path in SETS_DIR.glob("*.jsonl")),
        key=lambda name: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)],
    )


def set_path(name: str) -> Path:
    """``name`` is a set under evals/sets (``seed``) or a path to a .jsonl file."""
    path = Path(name)
    if path.suffix == ".jsonl" and path.exists():
        return path
    candidate = SETS_DIR / f"{name}.jsonl"
    if candidate.exists():
        return candidate
    raise EvalSetError(f"no question set {name!r}; known sets: {', '.join(list_sets()) or 'none'}")


def set_stem(name: str) -> str:
    """A set's short name (thresholds entry, store and results names): its name, or a path's file stem."""
    path = Path(name)
    return path.stem if path.suffix == ".jsonl" else name


def _checked_history(history: Any, where: str) -> list[Any] | None:
    if history is None:
        return None
    ok = isinstance(history, list) and (
        all(isinstance(t, str) for t in history)
        or all(isinstance(t, dict) and {"role", "content"} <= set(t) for t in history)
    )
    if not ok:
        raise EvalSetError(f"{where}: history must be user questions or role/content turns")
    return list(history)


def _checked_gold(gold: Any, where: str) -> dict[str, Any]:
    try:
        validate_gold(gold, where)
    except ValueError as exc:
        raise EvalSetError(str(exc)) from exc
    return dict(gold)


def _checked_kind(record: dict[str, Any], where: str) -> str:
    if record["kind"] not in KINDS:
        raise EvalSetError(f"{where}: unknown kind {record['kind']!r}; expected one of {', '.join(KINDS)}")
    return str(record["kind"])


def _report_id(fields: dict[str, Any], kind: str, gold: dict[str, Any], where: str) -> str | None:
    """The report ``fields`` name; an ambiguous question names none and may only be declined."""
    report_id = fields.get("report_id")
    if report_id is not None and (not isinstance(report_id, str) or not report_id.strip()):
        raise EvalSetError(f"{where}: report_id must be a report id or null")
    if kind == "ambiguous":
        statuses = gold.get("status") or []
        if "report_id" not in fields or report_id is not None or list(statuses) != ["unanswerable"]:
            raise EvalSetError(f"{where}: an ambiguous question needs report_id null and status unanswerable")
    return report_id


def _item(record: Any, where: str) -> EvalItem:
    if not isinstance(record, dict):
        raise EvalSetError(f"{where}: expected a JSON object")
    missing = [key for key in ("id", "kind", "question", "gold") if key not in record]
    if missing:
        raise EvalSetError(f"{where}: missing {', '.join(missing)}")
    kind = _checked_kind(record, where)
    if not isinstance(record["question"], str):
        raise EvalSetError(f"{where}: question must be a string")
    gold = _checked_gold(record["gold"], where)
    return EvalItem(
        id=str(record["id"]),
        kind=kind,
        question=record["question"],
        gold=gold,
        gold_sections=list(record.get("gold_sections") or []),
        history=_checked_history(record.get("history"), where),
        report_id=_report_id(record, kind, gold, where),
        names_report="report_id" in record,
    )


def _conversation(record: dict[str, Any], where: str) -> list[EvalItem]:
    """One item per turn of a conversation record, each with the earlier questions as its history."""
    missing = [key for key in ("id", "kind") if key not in record]
    if missing:
        raise EvalSetError(f"{where}: missing {', '.join(missing)}")
    if "question" in record or "history" in record:
        raise EvalSetError(f"{where}: a conversation has turns, not a question or history of its own")
    kind, name, turns = _checked_kind(record, where), str(record["id"]), record["turns"]
    if not isinstance(turns, list) or len(turns) < 2:
        raise EvalSetError(f"{where}: turns must be a list of at least two {{question, gold}} objects")
    items: list[EvalItem] = []
    for number, turn in enumerate(turns, start=1):
        at = f"{where} turn {number}"
        if not isinstance(turn, dict) or not isinstance(turn.get("question"), str) or "gold" not in turn:
            raise EvalSetError(f"{at}: each turn needs a question (string) and a gold")
        gold = _checked_gold(turn["gold"], at)
        fields = turn if "report_id" in turn else record  # a turn's own report_id wins
        items.append(
            EvalItem(
                id=f"{name}#{number}",
                kind=kind,
                question=turn["question"],
                gold=gold,
                gold_sections=list(turn.get("gold_sections") or []),
                history=[earlier.question for earlier in items] or None,
                conversation=name,
                turn=number,
                report_id=_report_id(fields, kind, gold, at),
                names_report="report_id" in fields,
            )
        )
    return items


def _items(record: Any, where: str) -> list[EvalItem]:
    if isinstance(record, dict) and "turns" in record:
        return _conversation(record, where)
    return [_item(record, where)]


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
            for item in _items(record, where):
                if item.id in seen:
                    raise EvalSetError(f"{where}: duplicate id {item.id!r}")
                seen.add(item.id)
                items.append(item)
    if not items:
        raise EvalSetError(f"{path}: no questions")
    return items
