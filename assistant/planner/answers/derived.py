"""Answer scripts for figures derived from the report's own: the year a size is first reached, how
many times larger one year is than another, a total over years, the mean yearly gain, the growth a
target needs, and a what-if at the user's rate. Every figure comes from a tool."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import Basis, fetch_basis
from assistant.planner.answers.common import refused
from assistant.planner.answers.figures import no_basis
from assistant.planner.calls import Call, Result, Steps, ask
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.planner.forms import RATE_OFFSET
from assistant.planner.premises import HYPOTHESIS
from assistant.planner.slots import Amount
from tools.derived import (
    AverageGainResult,
    ComparisonResult,
    CumulativeResult,
    ProjectionResult,
    RatioResult,
    RequiredRateResult,
    ShareResult,
    ThresholdResult,
)
from tools.forecast import ConvertResult, SizeResult
from tools.schemas import (
    AverageGainArgs,
    CompareArgs,
    ConvertArgs,
    CumulativeArgs,
    ProjectionArgs,
    RatioArgs,
    RequiredRateArgs,
    ShareValueArgs,
    ThresholdArgs,
)


def _share_what_if(percent: float, decision: Decision, basis: Basis, draft: Draft) -> Steps[FinalDraft]:
    """'if NA were 40% of the 2025 market': that share of the market's size, as the user's assumption."""
    year = decision.slots.years[-1] if decision.slots.years else basis.base_year
    size = yield from ask(Call("market_size_in_year", basis.size_args(year)))
    if not isinstance(size.value, SizeResult):
        return refused(size)
    total = size.value
    part = yield from ask(Call("share_value", ShareValueArgs(total_value=total.value, share_percent=percent)))
    if not isinstance(part.value, ShareResult):
        return refused(part)
    draft.show_working(part.value.expression)
    named = decision.slots.specific("region", "country", "segment")
    subject = named[0].name if named else "that part"
    if total.kind == "stated":
        whole = f"the report's {format_money(total.currency, total.value, total.unit)} for {year} {draft.cite_all(basis.quotes_for(year))}"
    else:
        draft.show_working(total.expression)
        whole = f"the {format_money(total.currency, total.value, total.unit)} computed for {year} from {basis.describe(draft)}"
    return draft.final(
        f"If {subject} were {format_percent(percent)} of the market (your assumption; the report gives no such "
        f"share), it would be {format_money(total.currency, part.value.part_value, total.unit)} of {whole}."
    )


_FROM_YEAR = re.compile(
    r"\b(?:from|since|starting(?: from| in)?|beginning(?: in)?)\s+((?:19|20)\d\d)\b"
    # 'off the 2024 base', 'on the 2024 number'
    r"|\b(?:off|from|on|using)\s+(?:the\s+|a\s+)?((?:19|20)\d\d)\s+(?:base|figure|number|value|size|level)\b"
    # 'double its 2024 size by 2030'
    r"|\b(?:double|triple|grow)\w*\s+(?:its|the)\s+((?:19|20)\d\d)\s+(?:base|figure|number|value|size|level)\b",
    re.I,
)


def _two_years(decision: Decision, basis: Basis) -> tuple[int, int]:
    """The years a comparison runs between: the two asked, one asked against the base year, or the
    base year to the forecast end."""
    years = sorted(set(decision.slots.years))
    if len(years) >= 2:
        return years[0], years[-1]
    if years:
        first, last = sorted((basis.base_year, years[0]))
        return first, last
    return basis.base_year, basis.end_year or basis.base_year


def _in_base_unit(amount: Amount, basis: Basis) -> Steps[float | None]:
    """The question's amount in the report's unit (a conversion tool call when the units differ)."""
    assert basis.base is not None
    if amount.unit is None or amount.unit == basis.base.unit:
        return amount.value
    converted = yield from ask(
        Call("convert_units", ConvertArgs(value=amount.value, from_unit=amount.unit, to_unit=basis.base.unit))
    )
    return converted.value.value if isinstance(converted.value, ConvertResult) else None


def _series_args(basis: Basis) -> dict[str, object]:
    return basis.size_args(basis.base_year).model_dump(exclude={"year"})


def threshold_year(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete or basis.base is None:
        return no_basis(draft)
    if not decision.slots.amounts:
        return draft.final("Which size do you mean? Name the figure, in the currency and unit of the report.")
    amount = decision.slots.amounts[0]
    target = yield from _in_base_unit(amount, basis)
    if target is None:
        return draft.final(
            f"I cannot read {amount.value:g} {amount.unit or ''} as a size.", status="rejected"
        )
    if decision.slots.percents and (HYPOTHESIS.search(question) or decision.assumed_rate):
        # 'if it grew 7% a year, when would it pass 8bn?': at the user's rate, beside the report's
        return (yield from _threshold_at_rate(decision.slots.percents[-1], target, basis, draft))
    result = yield from ask(Call("year_reaching", ThresholdArgs(**_series_args(basis), target_value=target)))
    if result.failed:
        return refused(result)
    found = result.get(ThresholdResult)
    shown_target = format_money(basis.base.currency, found.target_value, found.unit)
    if found.year is None or found.value is None:
        return draft.final(
            f"At {basis.describe(draft)} the market does not reach {shown_target} by 2100.",
            status="answered",
        )
    draft.show_working(found.expression)
    text = (
        f"The market first reaches {shown_target} in {found.year}, at "
        f"{format_money(found.currency, found.value, found.unit)}, computed from {basis.describe(draft)}."
    )
    if found.note:
        text += f" {found.note}"
    return draft.final(text)


def _threshold_at_rate(assumed: float, target: float, basis: Basis, draft: Draft) -> Steps[FinalDraft]:
    """The year a size is first reached at a rate the user assumes, then at the report's own."""
    assert basis.base is not None
    series = _series_args(basis)
    at_assumed = {**series, "cagr_percent": assumed, "stated": None, "forecast_end_year": None}
    results: list[Result] = yield [
        Call("year_reaching", ThresholdArgs(**at_assumed, target_value=target)),
        Call("year_reaching", ThresholdArgs(**series, target_value=target)),
    ]
    if results[0].failed:
        return refused(results[0])
    found = results[0].get(ThresholdResult)
    shown_target = format_money(basis.base.currency, found.target_value, found.unit)
    base = (
        f"the report's {format_money(basis.base.currency, basis.base.amount, basis.base.unit)} in "
        f"{basis.base_year} {draft.cite_all(basis.quotes_for(basis.base_year))}"
    )
    assumption = f"At an assumed {format_percent(assumed)} a year (your assumption, not the report's)"
    if found.year is None or found.value is None:
        text = f"{assumption}, the market would not reach {shown_target} by 2100 from {base}."
    else:
        draft.show_working(found.expression)
        text = (
            f"{assumption}, the market would first reach {shown_target} in {found.year}, at "
            f"{format_money(found.currency, found.value, found.unit)}, from {base}."
        )
    own = results[1].value
    if isinstance(own, ThresholdResult) and own.year is not None:
        text += f" At the report's own rate it does so in {own.year}, computed from {basis.describe(draft)}."
    return draft.final(text)


def ratio(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return no_basis(draft)
    first, last = _two_years(decision, basis)
    if first == last:
        return draft.final("Which two years should I compare? Name both.")
    result = yield from ask(
        Call("size_ratio", RatioArgs(**_series_args(basis), from_year=first, to_year=last))
    )
    if result.failed:
        return refused(result)
    found = result.get(RatioResult)
    draft.show_working(found.expression)
    text = (
        f"The market in {found.to_year} ({format_money(found.currency, found.to_value, found.unit)}) is "
        f"{found.ratio:.2f} times its {found.from_year} size "
        f"({format_money(found.currency, found.from_value, found.unit)}), from {basis.describe(draft)}."
    )
    return draft.final(" ".join([text, *found.notes]))


def cumulative(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return no_basis(draft)
    years = sorted(set(decision.slots.years))
    first, last = (years[0], years[-1]) if len(years) >= 2 else _two_years(decision, basis)
    assert basis.rate is not None and basis.base is not None
    users = next((p for p in reversed(decision.slots.percents) if p != basis.rate.percent), None)
    series = _series_args(basis)
    if users is not None:  # 'cumulative 2026-2031 at 7%': the report's base grown at the user's rate
        series = {**series, "cagr_percent": users, "stated": None}
    result = yield from ask(Call("cumulative_size", CumulativeArgs(**series, from_year=first, to_year=last)))
    if result.failed:
        return refused(result)
    found = result.get(CumulativeResult)
    draft.show_working(found.expression)
    source = basis.describe(draft)
    if users is not None:
        source = (
            f"the report's {format_money(basis.base.currency, basis.base.amount, basis.base.unit)} in "
            f"{basis.base_year} {draft.cite_all(basis.quotes_for(basis.base_year))} grown at an assumed "
            f"{format_percent(users)} a year (your assumption, not the report's)"
        )
    text = (
        f"Added up over {found.from_year}-{found.to_year}, the market's yearly sizes total "
        f"{format_money(found.currency, found.total, found.unit)}, an average of "
        f"{format_money(found.currency, found.average, found.unit)} a year, from {source}."
    )
    return draft.final(" ".join([text, *found.notes]))


def average_gain(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return no_basis(draft)
    first, last = _two_years(decision, basis)
    if first == last:
        return draft.final("Over which years? Name the first and the last.")
    result = yield from ask(
        Call("average_annual_increase", AverageGainArgs(**_series_args(basis), from_year=first, to_year=last))
    )
    if result.failed:
        return refused(result)
    found = result.get(AverageGainResult)
    draft.show_working(found.expression)
    text = (
        f"From {found.from_year} to {found.to_year} the market adds on average "
        f"{format_money(found.currency, found.average_increase, found.unit)} a year, from "
        f"{format_money(found.currency, found.from_value, found.unit)} to "
        f"{format_money(found.currency, found.to_value, found.unit)}, computed from {basis.describe(draft)}."
    )
    return draft.final(" ".join([text, *found.notes]))


# 'what rate would double the market by 2032', 'cagr needed to triple it', '1.5x by 2030'
_MULTIPLE = re.compile(r"\b(double|twice|triple|treble|quadruple)\w*|\b(\d+(?:\.\d+)?)\s?x\b", re.I)
_FACTORS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}


def required_rate(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete or basis.base is None or basis.rate is None:
        return no_basis(draft)
    multiple = _MULTIPLE.search(question)
    if not decision.slots.amounts and multiple is None:
        return draft.final("Which size should the market reach, and by which year? Name both.")
    factor = None
    if multiple is not None:
        factor = _FACTORS[multiple.group(1).lower()] if multiple.group(1) else float(multiple.group(2))
    target = None if factor else (yield from _in_base_unit(decision.slots.amounts[0], basis))
    # 'from the 2024 level to 1.5bn by 2033': a start the report states for the year named
    stated = basis.stated()
    starts = [int(next(g for g in m.groups() if g)) for m in _FROM_YEAR.finditer(question)]
    start_year = next((y for y in starts if y in stated), basis.actual_year)
    years = [y for y in decision.slots.years if y > start_year and y not in starts]
    by_year = years[-1] if years else basis.end_year
    if (target is None and factor is None) or by_year is None:
        return draft.final("By which year should it reach that size?")
    start_value = stated[start_year]
    start_quotes = basis.quotes_for(start_year)
    result = yield from ask(
        Call(
            "required_cagr",
            RequiredRateArgs(
                start_value=start_value,
                start_year=start_year,
                target_value=target,
                target_year=by_year,
                target_multiple=factor,
            ),
        )
    )
    if result.failed:
        return refused(result)
    found = result.get(RequiredRateResult)
    draft.show_working(found.expression)
    assert basis.base_fact is not None and basis.cagr_fact is not None
    text = (
        f"To reach {format_money(basis.base.currency, found.target_value, basis.base.unit)} by {found.target_year} "
        f"from the report's {format_money(basis.base.currency, start_value, basis.base.unit)} in "
        f"{start_year} {draft.cite_all(start_quotes)}, the market would need to grow "
        f"{format_percent(found.percent)} a year, against the report's CAGR of "
        f"{format_percent(basis.rate.percent)} {draft.cite_all(basis.cagr_fact.quotes)}."
    )
    return draft.final(text)


_SHARE_OF = re.compile(
    r"(\d+(?:\.\d+)?)\s?(?:%|percent)\s+(?:of\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:market|total|it)\b|share\b)"
    r"|\bshare\s+(?:of|at|is|were|was)\s+(\d+(?:\.\d+)?)\s?(?:%|percent)",
    re.I,
)


def what_if(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete or basis.base is None or basis.rate is None:
        return no_basis(draft)
    offset = RATE_OFFSET.search(question)
    if offset and not decision.slots.percents:
        # 'if the rate were 3 pts higher': the report's own rate moved by that many points
        points = float(offset.group(1)) * (
            1 if offset.group(2).lower() in ("higher", "more", "faster", "up") else -1
        )
        moved = round(basis.rate.percent + points, 4)
        decision = replace(decision, slots=replace(decision.slots, percents=[moved]))
    if not decision.slots.percents:
        return draft.final("At what growth rate? Give it as a percent a year.")
    share = _SHARE_OF.search(question)
    if share:
        return (yield from _share_what_if(float(share.group(share.lastindex or 1)), decision, basis, draft))
    if decision.slots.specific("region", "country", "segment") and not decision.slots.asks_growth:
        # 'if europe were 40 %, how much in 2026': a part of the market can only be given a share.
        return (yield from _share_what_if(decision.slots.percents[-1], decision, basis, draft))
    assumed = decision.slots.percents[-1]
    # 'if it grew 8% a yr from 2025': a year it grows from is where it starts, not a year asked for
    starts = {int(next(g for g in m.groups() if g)) for m in _FROM_YEAR.finditer(question)}
    asked = [y for y in dict.fromkeys(decision.slots.years) if y not in starts]
    # 'over that stretch' (2025-2030): the years after the base year are the ones to project
    asked = [y for y in asked if y > basis.base_year] or asked
    years = asked[:3] or [basis.end_year or basis.base_year + 5]
    # 'what if it grew 8% a yr from 2024': from the size the report states for that year, when it
    # states one and the year comes before those asked; else from the report's base year
    stated = basis.stated()
    start = next((y for y in sorted(starts) if y in stated and y < min(years)), basis.actual_year)
    calls = [
        Call(
            "project_at_rate",
            ProjectionArgs(
                base_value=stated[start],
                base_year=start,
                assumed_cagr_percent=assumed,
                year=year,
                unit=basis.base.unit,
                currency=basis.base.currency,
            ),
        )
        for year in years
    ]
    results: list[Result] = yield [*calls, *(Call("market_size_in_year", basis.size_args(y)) for y in years)]
    projections, own = results[: len(years)], results[len(years) :]
    failed = next((r for r in results if r.failed), None)
    if failed:
        return refused(failed)
    assert basis.base_fact is not None and basis.cagr_fact is not None
    lines = []
    for projection, report_size in zip(projections, own, strict=True):
        p, r = projection.get(ProjectionResult), report_size.get(SizeResult)
        draft.show_working(p.expression)
        lines.append(
            f"At an assumed {format_percent(assumed)} a year (your assumption, not the report's), the market "
            f"would be {format_money(p.currency, p.value, p.unit)} in {p.year}, from the report's "
            f"{format_money(basis.base.currency, stated[start], basis.base.unit)} in {start} "
            f"{draft.cite_all(basis.quotes_for(start))}."
        )
        own_figure = format_money(r.currency, r.value, r.unit)
        if r.kind == "stated":
            lines.append(
                f"The report's own figure for {r.year} is {own_figure} {draft.cite_all(basis.quotes_for(r.year))}."
            )
        else:
            draft.show_working(r.expression)
            lines.append(
                f"At the report's {format_percent(basis.rate.percent)} CAGR "
                f"{draft.cite_all(basis.cagr_fact.quotes)} it is {own_figure} in {r.year}."
            )
    if len(years) == 1 and p.unit == r.unit and p.value != r.value:
        # how far the user's assumption lands from the report's figure, computed, not left to the reader
        below = p.value < r.value
        high, low = (r.value, p.value) if below else (p.value, r.value)
        args = CompareArgs(first_value=high, second_value=low, first_label="higher", second_label="lower")
        gap = yield from ask(Call("compare_values", args))
        if not gap.failed:
            found = gap.get(ComparisonResult)
            draft.show_working(found.expression)
            side = "below" if below else "above"
            amount = format_money(r.currency, found.difference, r.unit)
            lines.append(f"Your assumption lands {amount} {side} the report's figure.")
    return draft.final(" ".join(lines))
