"""The facts card beside the chat, the report picker's labels and the example questions.

Every figure is written in the one number style of ``assistant.domain.formatting``; report text is
cleaned of Markdown (``display``) and HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

from assistant.domain.formatting import format_money, format_percent
from assistant.domain.report import Money, Report
from assistant.ui.display import one_line

KEY_PLAYERS_SHOWN = 5  # companies listed on the card before "and N more"
FAQ_EXAMPLES = 6  # report FAQ questions offered as examples, at most
MARKET_EXAMPLES = 4  # "How big is the X market?" examples while no report is chosen


class SummaryLike(Protocol):
    """What the page needs from a catalogue entry (``assistant.reports()``)."""

    id: str
    title: str


def _money(money: Money | None) -> str | None:
    return format_money(money.currency, money.amount, money.unit) if money else None


def _row(label: str, value: str | None) -> str:
    shown = html.escape(value) if value else '<span class="fact-missing">not stated</span>'
    return f"<tr><th>{html.escape(label)}</th><td>{shown}</td></tr>"


def report_years(report: Report) -> str | None:
    """'2027–2031': the report's forecast period, as the catalogue names it (the period the page
    states about itself, else its facts' forecast period, else its CAGR's years)."""
    facts = report.facts
    period = report.identity.forecast_period or facts.forecast_period
    if period:
        return f"{period.start_year}–{period.end_year}"
    if facts.cagr and facts.cagr.start_year and facts.cagr.end_year:
        return f"{facts.cagr.start_year}–{facts.cagr.end_year}"
    return None


def shown_years(years: str | None) -> str | None:
    """A catalogue's '2027-2031' written as the page writes ranges, '2027–2031'."""
    return years.replace("-", "–") if years else None


def report_label(title: str, publisher: str | None, years: str | None) -> str:
    """How the page names a report among others: 'Title · Publisher · 2027–2031'."""
    return " · ".join(part for part in (one_line(title), publisher, shown_years(years)) if part)


def facts_card_html(report: Report) -> str:
    """Headline facts of ``report`` as an HTML card; a fact the report does not state says so."""
    facts = report.facts
    size = facts.market_size
    end = facts.forecast_end
    cagr = facts.cagr
    period = facts.forecast_period
    cagr_label = "CAGR"
    if cagr and cagr.start_year and cagr.end_year:
        cagr_label = f"CAGR {cagr.start_year}–{cagr.end_year}"
    players = [one_line(p.name) for p in facts.key_players]
    shown_players = ", ".join(players[:KEY_PLAYERS_SHOWN])
    if len(players) > KEY_PLAYERS_SHOWN:
        shown_players += f" and {len(players) - KEY_PLAYERS_SHOWN} more"
    rows = [
        _row(f"Market size ({size.year})" if size and size.year else "Market size", _money(size)),
        _row(f"Forecast ({end.year})" if end and end.year else "Forecast", _money(end)),
        _row(cagr_label, format_percent(cagr.percent) if cagr else None),
        _row("Forecast period", f"{period.start_year}–{period.end_year}" if period else None),
        _row("Largest region", one_line(facts.largest_region.name) if facts.largest_region else None),
        _row(
            "Fastest-growing segment",
            one_line(facts.fastest_segment.name) if facts.fastest_segment else None,
        ),
        _row("Key players", shown_players or None),
    ]
    verdict = report.consistency
    badge = {"agree": "consistent", "disagree": "inconsistent", "unknown": "unchecked"}[verdict.status]
    sub = " · ".join(html.escape(p) for p in (report.publisher, report_years(report)) if p)
    return (
        '<div class="facts-card">'
        f'<div class="facts-title">{html.escape(one_line(report.title))}</div>'
        f'<div class="facts-sub">{sub}</div>'
        f'<table class="facts-table">{"".join(rows)}</table>'
        f'<div class="facts-check facts-{verdict.status}" title="{html.escape(verdict.message)}">'
        f"Headline arithmetic: {badge}. {html.escape(verdict.message)}</div>"
        "</div>"
    )


def no_report_card_html(count: int) -> str:
    """Card shown while no report is chosen: how questions find their report."""
    return (
        '<div class="facts-card">'
        '<div class="facts-title">No report chosen</div>'
        f'<div class="facts-sub">{count:,} reports in the catalogue</div>'
        "<p>Pick a report above, or name the market in your question and it goes to that report's "
        "facts. When several reports fit, the answer offers them to choose from.</p></div>"
    )


def example_questions(report: Report) -> list[str]:
    """Example questions about ``report``: a few about its headline facts, then its own FAQ."""
    examples: list[str] = []
    base = report.facts.base_year
    if base is not None:
        examples.append(f"How big will the market be in {base + 4}?")
    examples += [
        "What is the CAGR, and over which years?",
        "Which region is the largest?",
        "Who are the key players?",
    ]
    examples += [one_line(pair.question) for pair in report.faq[:FAQ_EXAMPLES]]
    return _unique(examples)


def market_examples(summaries: Sequence[SummaryLike]) -> list[str]:
    """Examples while no report is chosen: questions that name a market, so they find its report."""
    names = [one_line(str(getattr(s, "market", None) or s.title)) for s in summaries[:MARKET_EXAMPLES]]
    return _unique([f"How big is the {name} market?" for name in names])


def examples_html(questions: Sequence[str]) -> str:
    """Example questions as chips; a long one is cut short on the chip and shown whole on hover.
    A click asks it (the page script, ``assets.PAGE_JS``)."""
    chips = "".join(
        f'<button type="button" class="example-chip" title="{html.escape(q)}">{html.escape(q)}</button>'
        for q in questions
    )
    return f'<div class="examples-title">Example questions</div><div class="example-chips">{chips}</div>'


def _unique(questions: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for question in questions:
        if question and question.lower() not in seen:
            seen.add(question.lower())
            unique.append(question)
    return unique
