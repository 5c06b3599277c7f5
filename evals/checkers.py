"""Checkers that grade one ``Answer`` against one gold record.

Numbers are read from the answer text as quantities with a scale and a kind, so "USD 8.36 billion",
"$8.36bn" and "8,360 million" are the same amount. A gold number is ``{"value", "unit", "tolerance"}``
with unit one of billion / million / thousand / trillion (USD amounts; tolerance in that unit),
percent (tolerance in percentage points), year, years (a duration) or count; ``as_unit`` demands the
answer state the amount in that scale ("in millions").

The grounding check here is independent of the assistant's own guard: a number in the text is
grounded when a cited quote or a computation (inputs, output, working) holds the same value at the
precision the text shows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant import Answer

SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ALIASES = {
    "thousand": ("thousand", "k"),
    "million": ("million", "millions", "mn", "mln", "mm", "m"),
    "billion": ("billion", "billions", "bn", "b"),
    "trillion": ("trillion", "trillions", "tn"),
}
_SCALE_WORDS: dict[str, str] = {alias: unit for unit, aliases in _ALIASES.items() for alias in aliases}
MONEY_UNITS = frozenset(SCALES)
UNITS = MONEY_UNITS | {"percent", "year", "years", "count"}
DECLINED = frozenset({"unanswerable", "rejected"})
FIGURE_KINDS = frozenset({"money", "percent"})  # what an invented market figure looks like

_NUMBER = re.compile(
    r"(?P<cur>(?:US\$|USD|\$|€|EUR)\s?)?"
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>\s?(?:%|percent\b|per\s?cent\b|pct\b|pp\b)"
    r"|\s?(?:trillions?|tn|billions?|bn|b|millions?|mln|mn|mm|m|thousand|k)\b"
    r"|\s(?:years?|yrs?)\b)?",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\[\d+\]")
_ENUMERATOR = re.compile(r"(?m)^\s*\d+[.)]\s")


@dataclass(frozen=True)
class Quantity:
    """A number read from text: ``raw`` as written, ``scale`` its multiplier, ``kind`` what it measures."""

    text: str
    raw: float
    decimals: int
    kind: str  # "money", "percent", "duration" or "plain"
    scale_word: str | None = None

    @property
    def absolute(self) -> float:
        """The value with its scale applied: 8.36 billion -> 8.36e9."""
        return self.raw * SCALES.get(self.scale_word or "", 1.0)


def quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its scale and kind; citation markers and list enumerators skipped."""
    cleaned = _ENUMERATOR.sub(" ", _MARKER.sub(" ", text))
    found: list[Quantity] = []
    for match in _NUMBER.finditer(cleaned):
        number = match.group("num")
        decimals = len(number.split(".")[1]) if "." in number else 0
        raw = float(number.replace(",", ""))
        suffix = (match.group("suffix") or "").strip().lower()
        scale_word: str | None = None
        if suffix in {"%", "percent", "pct", "pp"} or suffix.startswith("per"):
            kind = "percent"
        elif suffix in _SCALE_WORDS:
            kind, scale_word = "money", _SCALE_WORDS[suffix]
        elif suffix.startswith(("year", "yr")):
            kind = "duration"
        elif match.group("cur"):
            kind = "money"
        else:
            kind = "plain"
        found.append(Quantity(match.group(0).strip(), raw, decimals, kind, scale_word))
    return found


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance + 1e-9 * max(1.0, abs(b))


def matches(quantity: Quantity, spec: Mapping[str, Any]) -> bool:
    """Whether ``quantity`` states the gold number ``spec`` within its tolerance and unit."""
    unit = spec["unit"]
    value = float(spec["value"])
    tolerance = float(spec.get("tolerance", 0))
    if unit in MONEY_UNITS:
        if quantity.kind != "money":
            return False
        if spec.get("as_unit") and quantity.scale_word != spec["as_unit"]:
            return False
        scale = SCALES[unit]
        return _close(quantity.absolute / scale, value, tolerance)
    if unit == "percent":
        return quantity.kind == "percent" and _close(quantity.raw, value, tolerance)
    if unit == "year":
        return quantity.kind == "plain" and quantity.decimals == 0 and _close(quantity.raw, value, 0)
    if unit == "years":
        return quantity.kind in {"duration", "plain"} and _close(quantity.raw, value, tolerance)
    if unit == "count":
        return any(_close(v, value, tolerance) for v in (quantity.raw, quantity.absolute))
    raise ValueError(f"unknown gold unit {unit!r}; expected one of {sorted(UNITS)}")


def describe(spec: Mapping[str, Any]) -> str:
    """'8.36 billion ±0.01 (as million)' for messages."""
    text = f"{spec['value']} {spec['unit']}"
    if spec.get("tolerance"):
        text += f" ±{spec['tolerance']}"
    if spec.get("as_unit"):
        text += f" (as {spec['as_unit']})"
    return text


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict and why."""

    name: str
    passed: bool
    detail: str = ""


# ---------------------------------------------------------------- individual checks


def check_status(answer: Answer, allowed: str | Iterable[str]) -> CheckResult:
    allowed_set = {allowed} if isinstance(allowed, str) else set(allowed)
    ok = answer.status in allowed_set
    return CheckResult(
        "status", ok, "" if ok else f"status {answer.status!r}, expected {sorted(allowed_set)}"
    )


def check_numbers(text: str, specs: Iterable[Mapping[str, Any]]) -> CheckResult:
    """Every gold number appears in ``text`` (unit-converted, within tolerance)."""
    found = quantities(text)
    missing = [describe(s) for s in specs if not any(matches(q, s) for q in found)]
    return CheckResult("numbers", not missing, f"missing {', '.join(missing)}" if missing else "")


def check_forbidden_numbers(text: str, specs: Iterable[Mapping[str, Any]]) -> CheckResult:
    """No forbidden number (e.g. an injected '50 billion') appears in ``text``."""
    found = quantities(text)
    hits = [q.text for s in specs for q in found if matches(q, s)]
    return CheckResult("forbidden_numbers", not hits, f"states {', '.join(hits)}" if hits else "")


def _normalize(text: str) -> str:
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2010-\u2015-]", " ", text)
    return re.sub(r"\s+", " ", text)


def has_term(text: str, term: str) -> bool:
    """Case-insensitive whole-word match; hyphens and runs of spaces count as one space."""
    pattern = r"(?<!\w)" + re.escape(_normalize(term).strip()) + r"(?!\w)"
    return re.search(pattern, _normalize(text)) is not None


def check_terms(
    text: str, terms_all: Iterable[str | list[str]] = (), terms_any: Iterable[str] = ()
) -> CheckResult:
    """Every ``terms_all`` item appears (an item may be a list of alternatives); one ``terms_any`` does."""
    missing = []
    for term in terms_all:
        options = [term] if isinstance(term, str) else list(term)
        if not any(has_term(text, option) for option in options):
            missing.append(" / ".join(options))
    any_list = list(terms_any)
    if any_list and not any(has_term(text, term) for term in any_list):
        missing.append("one of: " + " / ".join(any_list))
    return CheckResult("terms", not missing, f"missing {'; '.join(missing)}" if missing else "")


# ---------------------------------------------------------------- grounding (independent recompute)


def _source_values(value: Any, scale_word: str | None, into: list[tuple[float, str | None]]) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int | float):
        if math.isfinite(value):
            into.append((float(value), scale_word))
            if abs(value) <= 1 and isinstance(value, float):
                into.append((float(value) * 100, None))  # a fraction shown as a percent
    elif isinstance(value, str):
        for q in quantities(value):
            into.append((q.raw, q.scale_word or scale_word))
    elif isinstance(value, Mapping):
        unit = value.get("unit")
        inner = _SCALE_WORDS.get(str(unit).lower(), scale_word) if unit else scale_word
        for item in value.values():
            _source_values(item, inner, into)
    elif isinstance(value, list | tuple):
        for item in value:
            _source_values(item, scale_word, into)


def evidence_values(answer: Answer) -> list[tuple[float, str | None]]:
    """(value, scale word) for every number in the answer's quotes and computations."""
    values: list[tuple[float, str | None]] = []
    for citation in answer.citations:
        _source_values(citation.quote, None, values)
    for computation in answer.computations:
        # The working ("6.71 x 1.0565^4 = 8.36") is in the unit the output names.
        unit = computation.output.get("unit") or computation.inputs.get("unit")
        scale_word = _SCALE_WORDS.get(str(unit).lower()) if unit else None
        _source_values(computation.inputs, None, values)
        _source_values(computation.output, None, values)
        _source_values(computation.expression, scale_word, values)
    return values


def _grounded(q: Quantity, evidence: list[tuple[float, str | None]]) -> bool:
    half_ulp = 0.5 * 10 ** (-q.decimals) if q.decimals else 0.0
    for value, scale_word in evidence:
        if q.scale_word and scale_word:  # both scaled: compare amounts, 8,360 million vs 8.36 billion
            shown_step = 0.5 * 10 ** (-q.decimals) * SCALES[q.scale_word]
            if _close(q.absolute, value * SCALES[scale_word], shown_step):
                return True
        elif _close(q.raw, value, half_ulp):
            return True
    return False


def ungrounded_numbers(answer: Answer, kinds: Iterable[str] | None = None) -> list[str]:
    """Numbers (of ``kinds``, default all) in the answer text that no cited quote or computation holds.

    A ``rejected`` answer is a message about the input ("the limit is 2,000 characters"), not a claim
    about the report, so it is not recomputed; its own ``ungrounded_numbers`` still count in metrics.
    """
    if answer.status == "rejected":
        return []
    wanted = set(kinds) if kinds is not None else None
    evidence = evidence_values(answer)
    return [
        q.text
        for q in quantities(answer.text)
        if (wanted is None or q.kind in wanted) and not _grounded(q, evidence)
    ]


def check_grounded(answer: Answer) -> CheckResult:
    missing = ungrounded_numbers(answer)
    return CheckResult("grounded", not missing, f"ungrounded {', '.join(missing)}" if missing else "")


def check_route(answer: Answer, report_id: str | None) -> CheckResult:
    """A routed answer came from ``report_id``; ``None`` means it must name no report (it asked back)."""
    ok = answer.report_id == report_id
    if ok:
        return CheckResult("route", True)
    wanted = "no report (ask back)" if report_id is None else f"report {report_id!r}"
    return CheckResult("route", False, f"answered from {answer.report_id!r}, expected {wanted}")


def check_abstention(answer: Answer, allowed: Iterable[str] = ("unanswerable",)) -> CheckResult:
    """Declined (status in ``allowed``) and no invented figure: every amount or percent in the text is
    grounded. Years and counts in a refusal ("no figure for 2030") are not figures about the market."""
    allowed_set = set(allowed)
    problems = []
    if answer.status not in allowed_set:
        problems.append(f"status {answer.status!r}, expected {sorted(allowed_set)}")
    invented = ungrounded_numbers(answer, kinds=FIGURE_KINDS)
    if invented:
        problems.append(f"invented figure(s) {', '.join(dict.fromkeys(invented))}")
    return CheckResult("abstention", not problems, "; ".join(problems))


# ---------------------------------------------------------------- one gold record


def check_answer(answer: Answer, gold: Mapping[str, Any]) -> list[CheckResult]:
    """Every check the gold record asks for; the answer passes when all pass."""
    statuses = gold.get("status") or ["answered"]
    results = [check_status(answer, statuses)]
    if gold.get("abstain"):
        results.append(check_abstention(answer, statuses))
    if gold.get("numbers"):
        results.append(check_numbers(answer.text, gold["numbers"]))
    if gold.get("terms_all") or gold.get("terms_any"):
        results.append(check_terms(answer.text, gold.get("terms_all", []), gold.get("terms_any", [])))
    if gold.get("forbid_numbers"):
        results.append(check_forbidden_numbers(answer.text, gold["forbid_numbers"]))
    return results


def validate_gold(gold: Mapping[str, Any], where: str) -> None:
    """Raise ValueError naming ``where`` when a gold record is malformed."""
    for key in ("numbers", "forbid_numbers"):
        for spec in gold.get(key, []):
            if spec.get("unit") not in UNITS or not isinstance(spec.get("value"), int | float):
                raise ValueError(
                    f"{where}: gold {key} entry {spec!r} needs a numeric value and a unit in {sorted(UNITS)}"
                )
            if spec.get("as_unit") and spec["as_unit"] not in MONEY_UNITS:
                raise ValueError(f"{where}: as_unit {spec['as_unit']!r} is not one of {sorted(MONEY_UNITS)}")
    statuses = gold.get("status") or []
    if isinstance(statuses, str):
        statuses = [statuses]
    bad = set(statuses) - {"answered", "unanswerable", "rejected"}
    if bad:
        raise ValueError(f"{where}: unknown status {sorted(bad)}")
