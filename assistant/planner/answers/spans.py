"""Comparisons a question asks between things it names only by reference: how many years lie
between two years (named, or the report's base year and forecast end, or the years the last answers
gave), and the difference between the two figures the last answers gave. The arithmetic is a tool
call, so every number the answer shows is grounded."""

from __future__ import annotations

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_number, format_percent
from assistant.planner.answers.basis import Basis, fetch_basis
from assistant.planner.answers.common import refused
from assistant.planner.answers.figures import no_basis
from assistant.planner.calls import Call, Steps, ask
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.planner.followup import SUM_OF_TWO, GivenFigure
from tools.derived import ComparisonResult
from tools.facts import Quote
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import CompareArgs, QuantitiesArgs

_REF_NAMES = {"base": "the report's base year", "end": "the end of its forecast"}


def year_span(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """'how many years between 2026 and 2031', '... from the base year to the end of the forecast'."""
    draft = Draft()
    years = list(dict.fromkeys(decision.slots.years))
    named: list[str] = []
    if decision.slots.year_refs:
        basis = yield from fetch_basis(ctx)
        if not basis.complete:
            return no_basis(draft)
        for ref in decision.slots.year_refs:
            year, quotes = _referenced(ref, basis)
            if year is None:
                return draft.final("The report does not say where its forecast ends.", status="unanswerable")
            years.append(year)
            named.append(f"{year} is {_REF_NAMES[ref]} {draft.cite_all(quotes)}".rstrip())
    years = sorted(set(years))
    if len(years) < 2:
        return draft.final("Which two years do you mean? Name both.")
    start, stop = years[0], years[-1]
    args = CompareArgs(first_value=stop, second_value=start, first_label=str(stop), second_label=str(start))
    result = yield from ask(Call("compare_values", args))
    if result.failed:
        return refused(result)
    found = result.get(ComparisonResult)
    span = format_number(found.difference)
    text = f"{stop} is {span} year{'' if found.difference == 1 else 's'} after {start}."
    if named:
        text += f" ({'; '.join(named)}.)"
    return draft.final(text)


def _referenced(ref: str, basis: Basis) -> tuple[int | None, list[Quote]]:
    if ref == "base":
        return basis.base_year, basis.quotes_for(basis.base_year)
    return basis.forecast_end_year, basis.quotes_for_end()


def compare_earlier(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """'difference between the two' after two answers that each led with a figure."""
    draft = Draft()
    if len(decision.compared) != 2:
        return draft.final("Which two figures do you mean? Name both.")
    high, low = sorted(decision.compared, key=lambda figure: -figure.value)
    if (high.unit, high.currency) != (low.unit, low.currency):
        return draft.final(
            f"Those figures are in different units ({_money(high)} and {_money(low)}); "
            "name two figures in the same unit."
        )
    args = CompareArgs(
        first_value=high.value, second_value=low.value, first_label=high.asked, second_label=low.asked
    )
    # each figure cited where the page states it, so 'source?' after the gap has somewhere to point
    stated = yield from ask(Call("lookup_quantities", QuantitiesArgs(report_id=ctx.report_id)))
    table = list(stated.value.quantities) if isinstance(stated.value, QuantitiesResult) else []
    marks = {id(f): _stated_mark(f, table, draft) for f in (high, low)}
    result = yield from ask(Call("compare_values", args))
    if result.failed:
        return refused(result)
    found = result.get(ComparisonResult)
    draft.show_working(found.expression)
    if SUM_OF_TWO.search(question) and found.total is not None and high.asked == low.asked:
        total = _amount(high, found.total)
        return draft.final(
            f"Together they come to {total}: {_money(high)} and {_money(low)}, both from the last answer."
        )
    if SUM_OF_TWO.search(question) and found.total is not None:
        # 'sum those two': the two figures added up
        return draft.final(
            f"Together they come to {_amount(high, found.total)}: {_money(high)}{marks[id(high)]} "
            f"(the answer to “{high.asked}”) and {_money(low)}{marks[id(low)]} (the answer to “{low.asked}”)."
        )
    difference = _amount(high, found.difference)
    if high.unit == "percent":
        difference = f"{format_number(found.difference)} percentage points"
    if high.asked == low.asked:  # both from one answer: the figure it gave, and the report's own
        text = f"The difference is {difference}: {_money(high)} against {_money(low)}, both from the last answer."
    else:
        text = (
            f"The difference is {difference}: {_money(high)}{marks[id(high)]} (the answer to “{high.asked}”) "
            f"against {_money(low)}{marks[id(low)]} (the answer to “{low.asked}”)."
        )
    if found.ratio is not None and found.percent_difference is not None:
        text += (
            f" The first is {format_number(found.ratio)} times the second "
            f"({format_percent(found.percent_difference)} more)."
        )
    return draft.final(text)


def _stated_mark(figure: GivenFigure, table: list[QuantityFact], draft: Draft) -> str:
    """' [2]' for a figure the page states as it was given, else nothing."""
    for q in table:
        same_unit = q.unit == figure.unit or (figure.unit == "percent" and q.unit is None)
        if same_unit and abs(q.value - figure.value) < STATED_TOLERANCE and q.scope == "market":
            return f" {draft.cite(q.quote)}"
    return ""


STATED_TOLERANCE = 0.005


def _money(figure: GivenFigure) -> str:
    if figure.unit == "percent":
        return format_percent(figure.value)
    return format_money(figure.currency, figure.value, figure.unit)


def _amount(figure: GivenFigure, value: float) -> str:
    """``value`` in the unit of ``figure``: a sum or gap of two shares stays in percent (points)."""
    if figure.unit == "percent":
        return format_percent(value)
    return format_money(figure.currency, value, figure.unit)
