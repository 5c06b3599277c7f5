"""Test doubles of our own protocols over the real seed text: a FactSource and a PassageSearcher.

These are doubles of ``tools.facts.FactSource`` and ``tools.search.PassageSearcher`` (the parser and the
Chroma index behind the real ones are tested elsewhere). The FactSheet is built by hand, but every span
is located in the real seed file, so quotes can be checked against it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.domain.report import Development, FactSheet, Money, Named, Period, Rate, Span

SEED_ID = "clinical-trial-smo-market"


def span(text: str, needle: str, after: str = "") -> Span:
    """The span of ``needle`` in ``text``, searching from the first occurrence of ``after``."""
    start = text.index(needle, text.index(after) if after else 0)
    return Span(
        file="corpus/clinical-trial-smo-market.txt", start=start, end=start + len(needle), text=needle
    )


def seed_sheet(text: str) -> FactSheet:
    named = lambda name, after="": Named(name=name, span=span(text, name, after))  # noqa: E731
    players = ["WCG Clinical", "Elligo Health Research", "Clinixir", "CMIC Holdings Co., LTD"]
    dev = "In October 2024, WCG launched major enhancements to its Site Network"
    return FactSheet(
        market_size=Money(
            amount=6.71, unit="billion", year=2025, span=span(text, "USD 6.71 Billion in 2025")
        ),
        cagr=Rate(percent=5.65, start_year=2026, end_year=2031, span=span(text, "5.65%", "CAGR (2026-2031)")),
        forecast_period=Period(start_year=2027, end_year=2031, span=span(text, "2027-2031")),
        forecast_end=Money(
            amount=9.33, unit="billion", year=2031, span=span(text, "USD 9.33 Billion by 2031")
        ),
        largest_region=Named(
            name="North America",
            span=span(text, "North America", "Largest Market"),
            children=[named("United States", "Regional Insights")],
        ),
        fastest_segment=named("Oncology", "Fastest Growing Segment"),
        key_players=[named(p, "Key Market Players") for p in players],
        segmentation={"Phase": [named(p, "By Phase") for p in ("Phase I", "Phase II")]},
        recent_developments=[Development(date="2024-10", company="WCG", summary=dev, span=span(text, dev))],
    )


class SheetSource:
    """FactSource over in-memory sheets; ``None`` means the first report."""

    def __init__(self, sheets: dict[str, FactSheet]) -> None:
        self.sheets = sheets
        self.calls: list[str | None] = []

    def fact_sheet(self, report_id: str | None) -> Mapping[str, Any]:
        self.calls.append(report_id)
        rid = report_id or next(iter(self.sheets))
        if rid not in self.sheets:
            raise LookupError(f"no report with id {rid!r}; known: {', '.join(self.sheets)}")
        return {**self.sheets[rid].model_dump(mode="json"), "report_id": rid}


@dataclass(frozen=True)
class Hit:
    report_id: str
    section: str
    start: int
    end: int
    text: str
    score: float


class WordOverlapSearcher:
    """A test double of our PassageSearcher protocol: the seed's paragraphs ranked by shared words."""

    def __init__(self, text: str, report_id: str = "clinical-trial-smo-market") -> None:
        self.report_id = report_id
        self.paragraphs = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]{40,}", text)]
        self.calls: list[tuple[str, int, str | None]] = []

    def search(self, query: str, k: int = 4, report_id: str | None = None) -> list[Hit]:
        self.calls.append((query, k, report_id))
        if report_id not in (None, self.report_id):
            return []
        words = set(re.findall(r"\w+", query.lower()))
        scored = [
            Hit(self.report_id, "body", s, e, t, len(words & set(re.findall(r"\w+", t.lower()))) / len(words))
            for s, e, t in self.paragraphs
        ]
        return sorted(scored, key=lambda h: -h.score)[: k + 3]  # deliberately more than asked
