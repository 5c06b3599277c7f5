"""'What is this report about?': the market it covers and its headline facts, each quoted."""

from __future__ import annotations

from assistant.domain.answer import FinalDraft, SeriesPoint
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import fetch_basis
from assistant.planner.answers.common import series
from assistant.planner.answers.figure_text import join_names
from assistant.planner.calls import Call, Steps, ask, fetch_facts
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from tools.facts import NamedFact

PLAYERS_SHOWN = 3


def overview(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    facts = yield from fetch_facts(ctx.report_id, "largest_region", "fastest_segment", "key_players")
    said = [f"The report covers {ctx.subject}."]
    base, end, rate = basis.base, basis.end, basis.rate
    points: list[SeriesPoint] = []
    if basis.complete:  # the yearly sizes behind the years the summary names, as the size answers give
        table = yield from ask(Call("size_table", basis.table_args([])))
        points = series(table)
    if base is not None and basis.base_fact is not None:
        sentence = (
            f"It puts the market at {format_money(base.currency, base.amount, base.unit)} in {base.year} "
            f"{draft.cite_all(basis.base_fact.quotes)}"
        )
        if end is not None and basis.end_fact is not None:
            sentence += (
                f" and forecasts {format_money(end.currency, end.amount, end.unit)} by {end.year} "
                f"{draft.cite_all(basis.end_fact.quotes)}"
            )
        if rate is not None and basis.cagr_fact is not None:
            period = f" over {rate.start_year}-{rate.end_year}" if rate.start_year and rate.end_year else ""
            sentence += (
                f", a CAGR of {format_percent(rate.percent)}{period} {draft.cite_all(basis.cagr_fact.quotes)}"
            )
        said.append(sentence + ".")
    leaders = []
    for name, label in (
        ("largest_region", "the largest region"),
        ("fastest_segment", "the fastest-growing segment"),
    ):
        fact = facts[name]
        if fact is not None and isinstance(fact.value, NamedFact):
            leaders.append(f"{fact.value.name} is {label} {draft.cite_all(fact.quotes)}")
    if leaders:
        said.append("; ".join(leaders) + ".")
    players = facts["key_players"]
    if players is not None and isinstance(players.value, list):
        names = [p.name for p in players.value if isinstance(p, NamedFact)]
        if names:
            more = len(names) > PLAYERS_SHOWN
            shown = ", ".join(names[:PLAYERS_SHOWN]) + " among others" if more else join_names(names)
            said.append(f"Key players include {shown} {draft.cite_range(players.quotes)}.")
    said.append("Ask about any of these, or the drivers, challenges and recent developments.")
    return draft.final(" ".join(said), series=points)
