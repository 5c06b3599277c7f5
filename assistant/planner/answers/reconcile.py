"""When a report's headline figures do not reconcile, answers say which figure they use.

Some reports state a base size, a CAGR and an end value that do not agree (USD 2.40 billion in 2024
at 7.1 % is USD 3.88 billion in 2031, not the stated USD 4.90 billion). The verdict is the parser's own
consistency check, read through the fact tool, so the planner and ``assistant facts`` never disagree
about a report. The compounded end value the note quotes comes from a forecast tool call, so the
number guard finds it in a computation.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain.formatting import format_money
from assistant.planner.answers.basis import Basis
from assistant.planner.calls import Call, Result
from assistant.planner.draft import Draft
from tools.forecast import SizeResult


def end_check_call(basis: Basis) -> Call:
    """The size at the forecast end compounded from the base and CAGR alone (the stated end left out)."""
    assert basis.end_year is not None and basis.base is not None
    return Call(
        "market_size_in_year", basis.size_args(basis.end_year, stated={basis.base_year: basis.base.amount})
    )


def note(basis: Basis, check: Result, kinds: Sequence[tuple[str, int]], draft: Draft) -> str:
    """One sentence: the figures disagree, and which of them this answer used.

    ``kinds`` are the (kind, year) of the sizes the answer gives ('stated', 'computed', ...).
    """
    end = basis.end
    if not isinstance(check.value, SizeResult) or end is None or basis.end_year is None or not basis.end_fact:
        return ""
    size = check.value
    draft.show_working(size.expression)
    text = (
        f"The report's own figures do not reconcile: its base and CAGR compound to "
        f"{format_money(end.currency, size.value, size.unit)} for {basis.end_year}, not the "
        f"{format_money(end.currency, end.amount, end.unit)} it states {draft.cite_all(basis.end_fact.quotes)}"
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
