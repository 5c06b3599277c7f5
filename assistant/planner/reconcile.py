"""When a report's headline figures do not reconcile, answers say which figure they use.

Some reports state a base size, a CAGR and an end value that do not agree (USD 2.40 billion in 2024
at 7.1 % is USD 3.88 billion in 2031, not the stated USD 4.90 billion). The verdict is the parser's
own consistency check (``assistant.parsing.consistency``), rebuilt from the facts the tools returned, so the
planner and ``assistant facts`` never disagree about a report. The compounded end value the note
quotes comes from a forecast tool call, so the number guard finds it in a computation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from assistant.domain.report import Consistency, FactSheet, Money, Rate, Span
from assistant.parsing.consistency import check_consistency
from assistant.planner.model import Call, Result

if TYPE_CHECKING:
    from assistant.planner.draft import Draft
    from assistant.planner.figure_answers import Basis


def _span(fact: dict[str, Any]) -> Span:
    quote = fact["quotes"][0]
    return Span(file=quote.get("file", ""), start=quote["start"], end=quote["end"], text=quote["text"])


def disagreement(basis: Basis) -> Consistency | None:
    """The consistency verdict when the stated base, CAGR and end disagree; None when they agree or
    cannot be checked."""
    if not (basis.complete and basis.end and basis.end_year):
        return None
    try:
        base, end, rate = basis.base["value"], basis.end["value"], basis.cagr["value"]
        facts = FactSheet(
            market_size=Money(**{**base, "span": _span(basis.base)}),
            forecast_end=Money(**{**end, "span": _span(basis.end)}),
            cagr=Rate(**{**rate, "span": _span(basis.cagr)}),
        )
    except (KeyError, IndexError, TypeError, ValidationError):
        return None
    verdict = check_consistency(facts)
    return verdict if verdict.status == "disagree" else None


def end_check_call(basis: Basis) -> Call:
    """The size at the forecast end compounded from the base and CAGR alone (the stated end left out)."""
    args = basis.args()
    only_base = {str(basis.base_year): args["base_value"]}
    return Call("market_size_in_year", {**args, "year": basis.end_year, "stated": only_base})


def note(basis: Basis, check: Result, kinds: list[tuple[str, int]], draft: Draft) -> str:
    """One sentence: the figures disagree, and which of them this answer used.

    ``kinds`` are the (kind, year) of the sizes the answer gives ('stated', 'computed', ...).
    """
    if check.error or not basis.end or basis.end_year is None:
        return ""
    end = basis.end["value"]
    data = check.data
    currency = end.get("currency") or "USD"
    text = (
        f"The report's own figures do not reconcile: its base and CAGR compound to "
        f"{currency} {data['value']:,.2f} {data['unit']} for {basis.end_year}, not the "
        f"{currency} {end['amount']:,.2f} {end['unit']} it states {draft.cite_all(basis.end['quotes'])}"
    )
    quoted_end = any(kind == "stated" and year == basis.end_year for kind, year in kinds)
    computed = any(kind != "stated" for kind, _ in kinds)
    if quoted_end and computed:
        return text + (
            f"; this answer quotes the stated {basis.end_year} value and uses the base and CAGR for the "
            "other years."
        )
    if computed:
        return text + f"; this answer uses the base and CAGR, not the stated {basis.end_year} value."
    if quoted_end:
        return text + "; this answer quotes the stated value."
    return text + "."
