"""How a figure of the quantity table is said in an answer: its value with its unit ('USD 1.09
billion', '27.5%', '9.3 million litres') and the years its own quote states (' in 2024'); and how a
list of names is said ('A, B and C')."""

from __future__ import annotations

from assistant.domain.formatting import format_money, format_number, format_percent
from tools.quantities import QuantityFact


def shown(q: QuantityFact) -> str:
    """The figure with its unit: '27.5%', 'USD 1.09 billion', '9.3 million litres'."""
    if q.metric == "share" and q.measure == "of growth":
        return f"{format_percent(q.value)} of the market's growth"
    if q.metric == "share" and q.measure == "of its region":
        return f"{format_percent(q.value)} of its region's revenue"
    if q.metric in ("share", "cagr", "growth"):
        return format_percent(q.value)
    if q.currency or q.unit:
        return format_money(q.currency, q.value, q.unit)
    if q.figure:  # a volume or price as the page writes it ('9.3 million litres'), so it can be checked
        return q.figure if not q.measure or q.measure in q.figure else f"{q.figure} {q.measure}"
    return " ".join(part for part in (format_number(q.value), q.measure) if part)


def when(q: QuantityFact) -> str:
    """' in 2024' or ' over 2025-2032', for the years its quote states (a year the page gives
    elsewhere, or one read from context, is not repeated beside this quote)."""
    if q.start_year is None or str(q.start_year) not in q.quote.text:
        if q.end_year is not None and q.end_year != q.start_year and str(q.end_year) in q.quote.text:
            return f" to {q.end_year}"
        return ""
    if q.end_year is not None and q.end_year != q.start_year:
        return (
            f" over {q.start_year}-{q.end_year}"
            if str(q.end_year) in q.quote.text
            else f" from {q.start_year}"
        )
    return f" in {q.start_year}"


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
