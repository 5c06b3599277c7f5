"""What the report itself states on a standard topic, as a sentence to compare an answer with.

Built from the fact sheet's source text (``span.text``, so 'USD 9.33 Billion' keeps the report's own
rounding), for the topics the fact sheet covers; other topics (drivers, trends, ...) have none.
"""

from __future__ import annotations

from assistant.domain.report import Money, Rate, Report
from assistant.faq.compare import extract_quantities


def fact_statement(report: Report, topic: str | None) -> str | None:
    """E.g. 'USD 9.33 Billion in 2031' for topic 'forecast_end'; None when the report states nothing."""
    facts = report.facts
    if topic == "market_size" and facts.market_size:
        return _money(facts.market_size)
    if topic == "forecast_end" and facts.forecast_end:
        return _money(facts.forecast_end)
    if topic == "cagr" and facts.cagr:
        return _rate(facts.cagr)
    if topic == "largest_region" and facts.largest_region:
        return facts.largest_region.name
    if topic == "fastest_segment" and facts.fastest_segment:
        return facts.fastest_segment.name
    if topic == "key_players" and facts.key_players:
        return ", ".join(player.name for player in facts.key_players)
    return None


def _money(money: Money) -> str:
    stated = [q for q in extract_quantities(money.span.text) if q.kind == "money"]
    text = stated[0].text if len(stated) == 1 else f"{money.currency} {money.amount:g} {money.unit}"
    return f"{text} in {money.year}" if money.year else text


def _rate(rate: Rate) -> str:
    stated = [q for q in extract_quantities(rate.span.text) if q.kind == "percent"]
    text = stated[0].text if len(stated) == 1 else f"{rate.percent:g}%"
    if rate.start_year and rate.end_year:
        return f"{text} over {rate.start_year}-{rate.end_year}"
    return text
