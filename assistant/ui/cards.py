"""The facts card beside the chat and the example questions under it, both from a ``Report``."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

from assistant.domain.report import Money, Report

KEY_PLAYERS_SHOWN = 5  # companies listed on the card before "and N more"
FAQ_EXAMPLES = 6  # report FAQ questions offered as examples, at most


class SummaryLike(Protocol):
    """What the page needs from a catalogue entry (``assistant.reports()``)."""

    id: str
    title: str


def _money(money: Money | None) -> str | None:
    if money is None:
        return None
    return f"{money.currency} {money.amount:,.2f} {money.unit}"


def _row(label: str, value: str | None) -> str:
    shown = html.escape(value) if value else '<span class="fact-missing">not stated</span>'
    return f"<tr><th>{html.escape(label)}</th><td>{shown}</td></tr>"


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
    players = [p.name for p in facts.key_players]
    shown_players = ", ".join(players[:KEY_PLAYERS_SHOWN])
    if len(players) > KEY_PLAYERS_SHOWN:
        shown_players += f" and {len(players) - KEY_PLAYERS_SHOWN} more"
    rows = [
        _row(f"Market size ({size.year})" if size and size.year else "Market size", _money(size)),
        _row(f"Forecast ({end.year})" if end and end.year else "Forecast", _money(end)),
        _row(cagr_label, f"{cagr.percent:g} %" if cagr else None),
        _row("Forecast period", f"{period.start_year}–{period.end_year}" if period else None),
        _row("Largest region", facts.largest_region.name if facts.largest_region else None),
        _row("Fastest-growing segment", facts.fastest_segment.name if facts.fastest_segment else None),
        _row("Key players", shown_players or None),
    ]
    verdict = report.consistency
    badge = {"agree": "consistent", "disagree": "inconsistent", "unknown": "unchecked"}[verdict.status]
    publisher = f" · {html.escape(report.publisher)}" if report.publisher else ""
    return (
        '<div class="facts-card">'
        f'<div class="facts-title">{html.escape(report.title)}</div>'
        f'<div class="facts-sub">{html.escape(report.id)}{publisher}</div>'
        f'<table class="facts-table">{"".join(rows)}</table>'
        f'<div class="facts-check facts-{verdict.status}" title="{html.escape(verdict.message)}">'
        f"Headline arithmetic: {badge}. {html.escape(verdict.message)}</div>"
        "</div>"
    )


def catalogue_card_html(summaries: Sequence[SummaryLike]) -> str:
    """Card shown while the picker is on automatic routing: the reports the catalogue holds."""
    items = "".join(f"<li>{html.escape(s.title)} <code>{html.escape(s.id)}</code></li>" for s in summaries)
    return (
        '<div class="facts-card">'
        f'<div class="facts-title">{len(summaries)} reports in the catalogue</div>'
        '<div class="facts-sub">Questions go to the report whose market they name; pick one to fix it.</div>'
        f'<ul class="facts-list">{items}</ul></div>'
    )


def example_questions(report: Report | None) -> list[str]:
    """Example questions: a few about the headline facts, then the report's own FAQ questions."""
    examples: list[str] = []
    if report is not None:
        base = report.facts.base_year
        if base is not None:
            examples.append(f"How big will the market be in {base + 4}?")
        examples += [
            "What is the CAGR, and over which years?",
            "Which region is the largest?",
            "Who are the key players?",
        ]
        examples += [pair.question for pair in report.faq[:FAQ_EXAMPLES]]
    else:
        examples += ["Which reports can you answer from?"]
    seen: set[str] = set()
    unique = []
    for question in examples:
        if question.lower() not in seen:
            seen.add(question.lower())
            unique.append(question)
    return unique
