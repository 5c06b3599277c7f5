"""The standard analyst FAQ: the questions every market report page should answer.

Each question names the report's market so the same list serves any report. ``topic`` uses the
same vocabulary as ``FaqPair.topic``, so a report's own FAQ entry on a topic replaces the standard
question on it (a published FAQ never asks the same thing twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.domain.report import Report


@dataclass(frozen=True)
class StandardQuestion:
    """One standard question; ``template`` takes ``{market}`` (e.g. 'the X market')."""

    key: str
    topic: str
    template: str

    def render(self, report: Report) -> str:
        """The question worded for ``report``."""
        return self.template.format(market=market_phrase(report))


STANDARD_QUESTIONS: tuple[StandardQuestion, ...] = (
    StandardQuestion("market_size", "market_size", "What is the market size of {market}?"),
    StandardQuestion(
        "forecast_end",
        "forecast_end",
        "How large is {market} expected to be at the end of the forecast period?",
    ),
    StandardQuestion("cagr", "cagr", "At what CAGR is {market} expected to grow, and over which period?"),
    StandardQuestion("largest_region", "largest_region", "Which region is the largest in {market}?"),
    StandardQuestion("fastest_segment", "fastest_segment", "Which segment is growing fastest in {market}?"),
    StandardQuestion("key_players", "key_players", "Who are the key players in {market}?"),
    StandardQuestion("drivers", "drivers", "What are the main drivers of {market}?"),
    StandardQuestion("challenges", "challenges", "What are the main challenges facing {market}?"),
    StandardQuestion("trends", "trends", "What are the key trends in {market}?"),
    StandardQuestion(
        "recent_developments", "recent_developments", "What are the recent developments in {market}?"
    ),
    StandardQuestion("organisations", "organisations", "What do the organisations in {market} do?"),
)


def market_phrase(report: Report) -> str:
    """'the Global Industrial Heat Pump Market': the title, as the report's own
    FAQ names the market; else 'the <market> market'; else 'the market'."""
    title = " ".join(report.title.split())
    if title:
        return title if title.lower().startswith("the ") else f"the {title}"
    if report.market:
        return f"the {report.market.strip()} market"
    return "the market"
