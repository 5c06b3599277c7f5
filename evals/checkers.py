"""Checkers that grade one ``Answer`` against one gold record.

A gold record (one JSON object) may ask for, all optional:

- ``status``: the allowed statuses (default ``["answered"]``); ``abstain``: declined with no invented
  figure (every amount or percent in the text grounded);
- ``numbers``: gold numbers that must all appear, each ``{"value", "unit", "tolerance"}`` with unit one
  of billion / million / thousand / trillion (USD amounts; tolerance in that unit), percent (tolerance
  in percentage points), year, years (a duration) or count; ``as_unit`` demands the answer state the
  amount in that scale ("in millions"); any other key (``working``, how the value was derived) is a
  note for readers; ``forbid_numbers``: numbers that must not appear;
- ``terms_all`` (each item a term or a list of alternatives) and ``terms_any``; ``forbid_terms``:
  phrases that must not appear (a ``*`` stands for up to six words: "does not cover the * market");
- ``parts``: sub-golds (each with ``numbers`` / ``terms_all`` / ``terms_any`` and an optional
  ``label``) that must all be satisfied by the text: one per ask of a multi-part question;
  ``one_of``: sub-golds of which at least one must be satisfied (a clarifying question or the figure);
- ``unanswered_parts``: ``{"min", "max", "terms_any"}``: how many asks the answer's own
  ``unanswered_parts`` list must hold, and words one of them must use;
- ``min_citations`` / ``max_citations``: how many citations the answer carries (0 for small talk);
  ``cite_sections``: headings of which at least one citation must lie in one;
- ``premise``: the correction of a false premise, ``{"numbers", "terms_all", "terms_any"}`` like a
  sub-gold; each must appear, and appear BEFORE the first of the record's ``numbers`` (the figure that
  answers the question), so the correction comes first. Without ``numbers`` only presence is checked.

Numbers and terms are read by ``evals.textmatch``. The grounding check here is independent of the
assistant's own guard: a number in the text is grounded when a cited quote or a computation (inputs,
output, working) holds the same value at the precision the text shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from evals.textmatch import (
    MONEY_UNITS,
    SCALE_WORDS,
    SCALES,
    UNITS,
    Quantity,
    close,
    describe,
    first_of,
    has_term,
    matches,
    normalize_heading,
    number_position,
    options_of,
    quantities,
)

if TYPE_CHECKING:
    from assistant import Answer

DECLINED = frozenset({"unanswerable", "rejected"})
FIGURE_KINDS = frozenset({"money", "percent"})  # what an invented market figure looks like


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


def check_forbidden_terms(text: str, phrases: Iterable[str]) -> CheckResult:
    """No forbidden phrase (a refusal where an answer is due, a market that is not one) appears."""
    hits = [phrase for phrase in phrases if has_term(text, phrase)]
    return CheckResult("forbid_terms", not hits, f"says {'; '.join(hits)}" if hits else "")


def _sub_gold_misses(text: str, sub: Mapping[str, Any]) -> list[str]:
    """What a sub-gold (numbers, terms_all, terms_any) finds missing in ``text``; empty when satisfied."""
    misses = []
    numbers = check_numbers(text, sub.get("numbers", []))
    if not numbers.passed:
        misses.append(numbers.detail)
    terms = check_terms(text, sub.get("terms_all", []), sub.get("terms_any", []))
    if not terms.passed:
        misses.append(terms.detail)
    return misses


def _label(sub: Mapping[str, Any], index: int) -> str:
    return f"part {index + 1}" + (f" ({sub['label']})" if sub.get("label") else "")


def check_parts(text: str, parts: Sequence[Mapping[str, Any]]) -> CheckResult:
    """Every ask of a multi-part question is answered in ``text``."""
    problems = []
    for index, sub in enumerate(parts):
        misses = _sub_gold_misses(text, sub)
        if misses:
            problems.append(f"{_label(sub, index)}: {'; '.join(misses)}")
    return CheckResult("parts", not problems, " | ".join(problems))


def check_one_of(text: str, options: Sequence[Mapping[str, Any]]) -> CheckResult:
    """At least one of several acceptable answers (e.g. a clarifying question, or the figure) is given."""
    misses = [
        f"{_label(sub, i)}: {'; '.join(m)}"
        for i, sub in enumerate(options)
        if (m := _sub_gold_misses(text, sub))
    ]
    ok = len(misses) < len(options)
    return CheckResult("one_of", ok, "" if ok else "none satisfied: " + " | ".join(misses))


def answer_unanswered_parts(answer: Answer) -> list[str]:
    """The asks the answer itself lists as not answerable from the report (empty for older answers)."""
    return [str(part) for part in getattr(answer, "unanswered_parts", None) or []]


def check_unanswered_parts(answer: Answer, spec: Mapping[str, Any]) -> CheckResult:
    """The answer lists between ``min`` and ``max`` unanswered parts, one of them using a ``terms_any`` word."""
    listed = answer_unanswered_parts(answer)
    low, high = int(spec.get("min", 0)), spec.get("max")
    problems = []
    if len(listed) < low or (high is not None and len(listed) > int(high)):
        bound = f"{low}..{high}" if high is not None else f"at least {low}"
        problems.append(f"lists {len(listed)} unanswered part(s), expected {bound}")
    words = list(spec.get("terms_any", []))
    if words and listed and not any(has_term(part, word) for part in listed for word in words):
        problems.append(f"no unanswered part mentions one of: {' / '.join(words)}")
    return CheckResult("unanswered_parts", not problems, "; ".join(problems))


def check_citation_count(answer: Answer, low: int | None, high: int | None) -> CheckResult:
    count = len(answer.citations)
    ok = (low is None or count >= low) and (high is None or count <= high)
    bound = f"{low if low is not None else 0}..{high if high is not None else 'any'}"
    return CheckResult("citations", ok, "" if ok else f"{count} citation(s), expected {bound}")


def check_cited_sections(answer: Answer, headings: Iterable[str]) -> CheckResult:
    """At least one citation lies in one of ``headings`` (the evidence asked for is the right passage)."""
    wanted = {normalize_heading(h) for h in headings}
    cited = [c.section for c in answer.citations]
    ok = any(normalize_heading(section) in wanted for section in cited)
    detail = "" if ok else f"cites {sorted(set(cited)) or 'nothing'}, expected one of {sorted(headings)}"
    return CheckResult("cite_sections", ok, detail)


def check_premise(text: str, premise: Mapping[str, Any], figures: Sequence[Mapping[str, Any]]) -> CheckResult:
    """The false premise is corrected (premise numbers and terms present) before the answering figure."""
    found: list[tuple[str, int | None]] = [
        (describe(s), number_position(text, s)) for s in premise.get("numbers", [])
    ]
    found += [
        (" / ".join(options_of(t)), first_of(text, options_of(t))) for t in premise.get("terms_all", [])
    ]
    if premise.get("terms_any"):
        words = list(premise["terms_any"])
        found.append(("one of: " + " / ".join(words), first_of(text, words)))
    missing = [name for name, position in found if position is None]
    if missing:
        return CheckResult("premise", False, f"no correction: missing {'; '.join(missing)}")
    figure_positions = [p for p in (number_position(text, s) for s in figures) if p is not None]
    if figure_positions:
        first_figure = min(figure_positions)
        late = [name for name, position in found if position is not None and position > first_figure]
        if late:
            return CheckResult("premise", False, f"correction comes after the answer: {'; '.join(late)}")
    return CheckResult("premise", True)


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
        inner = SCALE_WORDS.get(str(unit).lower(), scale_word) if unit else scale_word
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
        scale_word = SCALE_WORDS.get(str(unit).lower()) if unit else None
        _source_values(computation.inputs, None, values)
        _source_values(computation.output, None, values)
        _source_values(computation.expression, scale_word, values)
    return values


def _grounded(q: Quantity, evidence: list[tuple[float, str | None]]) -> bool:
    half_ulp = 0.5 * 10 ** (-q.decimals) if q.decimals else 0.0
    for value, scale_word in evidence:
        if q.scale_word and scale_word:  # both scaled: compare amounts, 8,360 million vs 8.36 billion
            shown_step = 0.5 * 10 ** (-q.decimals) * SCALES[q.scale_word]
            if close(q.absolute, value * SCALES[scale_word], shown_step):
                return True
        elif close(q.raw, value, half_ulp):
            return True
    return False


def ungrounded_numbers(answer: Answer, kinds: Iterable[str] | None = None) -> list[str]:
    """Numbers (of ``kinds``, default all) in the answer text that no cited quote or computation holds.

    A ``rejected`` answer is a message about the input ("the limit is 2,000 characters"), and a
    question back with ``candidates`` is a message about the catalogue (report titles and their
    years), not claims about a report, so neither is recomputed; their own ``ungrounded_numbers``
    still count in metrics.
    """
    if answer.status == "rejected" or getattr(answer, "candidates", None):
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
    results.extend(_structure_checks(answer, gold))
    return results


def _structure_checks(answer: Answer, gold: Mapping[str, Any]) -> list[CheckResult]:
    """The checks for multi-part, premise, follow-up and small-talk golds."""
    results = []
    if gold.get("forbid_terms"):
        results.append(check_forbidden_terms(answer.text, gold["forbid_terms"]))
    if gold.get("parts"):
        results.append(check_parts(answer.text, gold["parts"]))
    if gold.get("one_of"):
        results.append(check_one_of(answer.text, gold["one_of"]))
    if gold.get("premise"):
        results.append(check_premise(answer.text, gold["premise"], gold.get("numbers", [])))
    if "unanswered_parts" in gold:
        results.append(check_unanswered_parts(answer, gold["unanswered_parts"]))
    if "min_citations" in gold or "max_citations" in gold:
        results.append(check_citation_count(answer, gold.get("min_citations"), gold.get("max_citations")))
    if gold.get("cite_sections"):
        results.append(check_cited_sections(answer, gold["cite_sections"]))
    return results


def _validate_numbers(specs: Any, where: str, key: str) -> None:
    if not isinstance(specs, list):
        raise ValueError(f"{where}: gold {key} must be a list of numbers")
    for spec in specs:
        if not isinstance(spec, Mapping) or spec.get("unit") not in UNITS:
            raise ValueError(
                f"{where}: gold {key} entry {spec!r} needs a numeric value and a unit in {sorted(UNITS)}"
            )
        if isinstance(spec.get("value"), bool) or not isinstance(spec.get("value"), int | float):
            raise ValueError(
                f"{where}: gold {key} entry {spec!r} needs a numeric value and a unit in {sorted(UNITS)}"
            )
        if spec.get("as_unit") and spec["as_unit"] not in MONEY_UNITS:
            raise ValueError(f"{where}: as_unit {spec['as_unit']!r} is not one of {sorted(MONEY_UNITS)}")


def _validate_terms(terms: Any, where: str, key: str) -> None:
    items = terms if isinstance(terms, list) else None
    ok = items is not None and all(
        (isinstance(t, str) and t.strip())
        or (isinstance(t, list) and t and all(isinstance(o, str) and o.strip() for o in t))
        for t in items
    )
    if not ok:
        raise ValueError(f"{where}: gold {key} must be a list of non-empty terms (or lists of alternatives)")


def _validate_sub_gold(sub: Any, where: str, key: str) -> None:
    if not isinstance(sub, Mapping) or not ({"numbers", "terms_all", "terms_any"} & set(sub)):
        raise ValueError(f"{where}: each gold {key} entry needs numbers, terms_all or terms_any")
    _validate_numbers(sub.get("numbers", []), where, f"{key} numbers")
    for terms_key in ("terms_all", "terms_any"):
        _validate_terms(sub.get(terms_key, []), where, f"{key} {terms_key}")


def _validate_count(value: Any, where: str, key: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{where}: gold {key} must be a whole number >= 0, got {value!r}")


def validate_gold(gold: Mapping[str, Any], where: str) -> None:
    """Raise ValueError naming ``where`` when a gold record is malformed."""
    if not isinstance(gold, Mapping):
        raise ValueError(f"{where}: gold must be a JSON object")
    for key in ("numbers", "forbid_numbers"):
        _validate_numbers(gold.get(key, []), where, key)
    for key in ("terms_all", "terms_any", "forbid_terms"):
        _validate_terms(gold.get(key, []), where, key)
    for key in ("parts", "one_of"):
        subs = gold.get(key, [])
        if not isinstance(subs, list):
            raise ValueError(f"{where}: gold {key} must be a list")
        for sub in subs:
            _validate_sub_gold(sub, where, key)
    if "premise" in gold:
        _validate_sub_gold(gold["premise"], where, "premise")
    if "unanswered_parts" in gold:
        spec = gold["unanswered_parts"]
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where}: gold unanswered_parts must be an object with min and/or max")
        for bound in ("min", "max"):
            if bound in spec:
                _validate_count(spec[bound], where, f"unanswered_parts {bound}")
        _validate_terms(spec.get("terms_any", []), where, "unanswered_parts terms_any")
    for key in ("min_citations", "max_citations"):
        if key in gold:
            _validate_count(gold[key], where, key)
    _validate_terms(gold.get("cite_sections", []), where, "cite_sections")
    statuses = gold.get("status") or []
    if isinstance(statuses, str):
        statuses = [statuses]
    bad = set(statuses) - {"answered", "unanswerable", "rejected"}
    if bad:
        raise ValueError(f"{where}: unknown status {sorted(bad)}")
