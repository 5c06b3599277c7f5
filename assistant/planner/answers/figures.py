"""Answer scripts for questions about size and growth: every figure comes from a forecast tool."""

from __future__ import annotations

import re

from assistant.domain.answer import ALSO_STATED, FinalDraft, SeriesPoint, Status
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers import reconcile
from assistant.planner.answers.basis import Basis, dated_quotes, fetch_basis, in_unit, rate_period
from assistant.planner.answers.common import refused, series
from assistant.planner.calls import Call, Result, Steps, ask, fetch_facts, search
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.planner.slots import YEAR_ON_YEAR
from assistant.text.sentences import sentences
from tools.facts import PeriodFact, RateFact
from tools.forecast import CagrResult, ConvertResult, DoublingResult, GrowthResult, SizeResult, TableResult
from tools.quantities import QuantitiesResult
from tools.schemas import CagrArgs, ConvertArgs, DoublingArgs, QuantitiesArgs

MAX_YEARS_PER_ANSWER = 6


def no_basis(draft: Draft) -> FinalDraft:
    return draft.final(
        "The report does not state both a base-year market size and a CAGR, so I cannot compute that "
        "without guessing.",
        status="unanswerable",
    )


_MONEY = re.compile(r"(?:USD|US\$|\$|EUR|€|£|GBP|JPY|¥|INR|₹|CNY)\s?\d", re.I)


def _quote_the_year(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """No base size and CAGR to compute from: quote the page's own sentence about the year asked,
    if it has one, and say nothing can be computed."""
    draft = Draft()
    years = [str(y) for y in decision.slots.years]
    if years:
        passages = yield from search(f"{question} {' '.join(years)}", ctx.report_id, ctx.search_k)
        stating = [
            s
            for p in passages
            for s in sentences(p.text, p.start)
            if any(y in s.text for y in years) and _MONEY.search(s.text)
        ]
        if stating:
            return draft.final(
                f"The report says: {stating[0].text} {draft.cite(stating[0])} It states no base size and CAGR, "
                "so nothing more can be computed from it."
            )
    return no_basis(draft)


def _convert(value: float, from_unit: str, to_unit: str) -> Call:
    return Call("convert_units", ConvertArgs(value=value, from_unit=from_unit, to_unit=to_unit))


def size_in_year(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return (yield from _quote_the_year(question, decision, ctx))
    years = list(dict.fromkeys(decision.slots.years))[:MAX_YEARS_PER_ANSWER] or [basis.base_year]
    mismatch = basis.disagrees
    stated = basis.stated()  # read once: every year's arguments and the earliest size use it
    calls = [
        *(Call("market_size_in_year", basis.size_args(y, stated)) for y in years),
        Call("size_table", basis.table_args(years)),
    ]
    results = yield [*calls, reconcile.end_check_call(basis)] if mismatch else calls
    check = results[len(calls)] if mismatch else None
    sizes, table = results[: len(years)], results[len(years)]
    failed = next((r for r in sizes if r.failed), None)
    if failed:
        return refused(failed)
    found = [r.get(SizeResult) for r in sizes]
    conversions: list[Result] = []
    wanted_unit = decision.slots.unit
    if wanted_unit and wanted_unit != found[0].unit:
        conversions = yield [_convert(s.value, s.unit, wanted_unit) for s in found]
    lines, computed, notes = [], [], []
    before = [
        s.year
        for s in found
        if s.kind == "backcast" and s.year < min(stated) and not _ASSUMES_EARLIER.search(question)
    ]
    for i, size in enumerate(found):
        if size.year in before:
            continue  # a year before the page's figures: said below, not back-cast unasked
        shown = format_money(size.currency, size.value, size.unit)
        if conversions and isinstance(conversions[i].value, ConvertResult):
            converted = conversions[i].get(ConvertResult)
            shown = f"{format_money(size.currency, converted.value, wanted_unit)} ({shown})"
        if size.kind == "stated":
            line = f"The report states {shown} for {size.year} {draft.cite_all(basis.quotes_for(size.year))}."
            other = next(iter(basis.conflicting(size.year, size.value)), None)
            if other is not None:  # the page gives this year two values: both are shown
                again = format_money(other.currency or size.currency, other.value, other.unit)
                line += f" {ALSO_STATED} {again} for {size.year} {draft.cite(other.quote)}; the two differ."
            lines.append(line)
        else:
            draft.show_working(size.expression)
            computed.append((size, shown))
        if size.note and not (check and size.kind == "stated") and size.note not in notes:
            notes.append(size.note)  # the reconcile note below says it for a stated year
    if computed:
        # One sentence for every computed year, so the basis is described (and cited) once.
        verb = "was" if all(s.kind == "backcast" for s, _ in computed) else "is projected at"
        figures = _join([f"{shown} in {size.year}" for size, shown in computed])
        lines.append(f"The market {verb} {figures}, computed from {basis.describe(draft)}.")
    lines.extend(notes)
    if check:
        kinds = [(s.kind, s.year) for s in found]
        lines.append(reconcile.note(basis, check, kinds, draft))
    if before:
        lines.append(_before_the_figures(before, basis, stated, draft))
    status: Status = "unanswerable" if len(before) == len(found) else "answered"
    return draft.final(" ".join(lines), status=status, series=series(table))


# 'what if the cagr held before 2025', 'back-cast it': the user asks for the assumption
_ASSUMES_EARLIER = re.compile(
    r"\bback-?\s?cast|\bextrapolat|\bassum|\b(?:cagr|rate|growth)\s+(?:held|holds|applied|applies)\b"
    r"|\bat\s+(?:the|their|its|that|the report's|the same)\s+(?:cagr|rate)\b|\bsame\s+(?:cagr|rate)\b"
    # 'what would it have been', 'what wouldve it been': an estimate is what is asked for
    r"|\bwould(?:\s*'?ve|\s+have)?\s+(?:it\s+|the\s+market\s+)?(?:have\s+)?been\b",
    re.I,
)


def _before_the_figures(years: list[int], basis: Basis, stated: dict[int, float], draft: Draft) -> str:
    """A year before the first size the page states (``stated``): the page says nothing of it, and
    the forecast's rate is not assumed to have held then unless the user asks for that."""
    first = min(stated)
    assert basis.base is not None
    asked = _join([str(y) for y in years])
    earliest = format_money(basis.base.currency, stated[first], basis.base.unit)
    return (
        f"The report states no size for {asked}: its earliest figure is {earliest} for {first} "
        f"{draft.cite_all(basis.quotes_for(first))}. I do not back-cast before it, as the report does not say "
        "its CAGR held in earlier years; ask with that assumption if you want the back-cast."
    )


def size_end(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.end or not basis.end_fact:
        return (yield from size_in_year(question, decision, ctx)) if basis.complete else no_basis(draft)
    end = basis.end
    text = (
        f"The report forecasts {format_money(end.currency, end.amount, end.unit)} by {end.year} "
        f"{draft.cite_all(basis.end_fact.quotes)}"
    )
    points: list[SeriesPoint] = []
    if basis.complete:
        table = yield from ask(Call("size_table", basis.table_args([])))
        points = series(table)
        text += f", up from {basis.describe(draft).removeprefix('the report' + chr(39) + 's ')}"
    return draft.final(text + ".", series=points)


def cagr(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    rate, cagr_fact = basis.rate, basis.cagr_fact
    if rate is None or cagr_fact is None:
        return draft.final("The report does not state a CAGR.", status="unanswerable")
    stated_years = rate_period(rate, cagr_fact.quotes)
    period = f" over {stated_years}" if stated_years else ""
    text = (
        f"The report expects the market to grow at a CAGR of {format_percent(rate.percent)}{period} "
        f"{draft.cite_all(cagr_fact.quotes)}."
    )
    if YEAR_ON_YEAR.search(question) and len(set(decision.slots.years)) == 1:
        # 'yoy growth 2026': that year's own rate when the page states one, else the CAGR, said so
        year = decision.slots.years[0]
        args = QuantitiesArgs(metric="growth", name="market", year=year, report_id=ctx.report_id)
        looked = yield from ask(Call("lookup_quantities", args))
        own = [
            q
            for q in (looked.value.quantities if isinstance(looked.value, QuantitiesResult) else [])
            if q.start_year == q.end_year == year and q.unit is None and q.currency is None
        ]
        if own:
            return draft.final(
                f"The report states year-on-year growth of {format_percent(own[0].value)} for {year} "
                f"{draft.cite(own[0].quote)}."
            )
        return draft.final(
            f"The report states no year-on-year growth rate for {draft.echo(str(year))}. {text}"
        )
    points: list[SeriesPoint] = []
    years = sorted(set(decision.slots.years))
    asked = (years[0], years[-1]) if len(years) >= 2 else None
    stated = [q for q in basis.rates if (q.start_year, q.end_year) == asked] if asked else []
    if stated and asked and asked != (rate.start_year, rate.end_year):
        # A rate the page states for exactly the years asked ('cagr 2019-2023'): quoted, not computed.
        found = stated[0]
        return draft.final(
            f"The report states a CAGR of {format_percent(found.value)} for {asked[0]}-{asked[1]} "
            f"{draft.cite(found.quote)}."
        )
    if basis.complete and asked and asked != (rate.start_year, rate.end_year):
        text += yield from _cagr_between_years(basis, asked, draft)
    elif (
        basis.complete
        and basis.end
        and basis.end_year
        and basis.end_year > basis.base_year
        # the end in the base's unit ('USD 2.31 billion' after 'USD 842.6 million')
        and (end_value := in_unit(basis.end.amount, basis.end.unit, basis.base.unit if basis.base else None))
    ):
        assert basis.base is not None and basis.base_fact is not None and basis.end_fact is not None
        check, table = yield [
            Call(
                "cagr_between",
                CagrArgs(
                    start_value=basis.base.amount,
                    start_year=basis.base_year,
                    end_value=end_value,
                    end_year=basis.end_year,
                ),
            ),
            Call("size_table", basis.table_args([])),
        ]
        points = series(table)
        if isinstance(check.value, CagrResult):
            implied = check.value
            draft.show_working(implied.expression)
            text += (
                f" Check: from {format_money(basis.base.currency, basis.base.amount, basis.base.unit)} in "
                f"{basis.base_year} {draft.cite_all(basis.base_fact.quotes)} to "
                f"{format_money(basis.end.currency, basis.end.amount, basis.end.unit)} in {basis.end_year} "
                f"{draft.cite_all(basis.end_fact.quotes)} the implied "
                f"CAGR is {format_percent(implied.percent)}."
            )
    return draft.final(text, series=points)


def _cagr_between_years(basis: Basis, years: tuple[int, int], draft: Draft) -> Steps[str]:
    """The CAGR between two years the analyst names, from the sizes the report's figures give them."""
    first, last = yield [Call("market_size_in_year", basis.size_args(y)) for y in years]
    if first.failed or last.failed:
        return f" ({(first if first.failed else last).message()})"
    a, b = first.get(SizeResult), last.get(SizeResult)
    rate = yield from ask(
        Call(
            "cagr_between",
            CagrArgs(
                start_value=a.exact_value, start_year=years[0], end_value=b.exact_value, end_year=years[1]
            ),
        )
    )
    if rate.failed:
        return f" ({rate.message()})"
    found = rate.get(CagrResult)
    draft.show_working(found.expression)
    if a.kind == b.kind == "stated":  # two sizes the page states: nothing compounded
        return (
            f" Between {years[0]} ({format_money(a.currency, a.value, a.unit)} "
            f"{draft.cite_all(basis.quotes_for(years[0]))}) and {years[1]} ({format_money(b.currency, b.value, b.unit)} "
            f"{draft.cite_all(basis.quotes_for(years[1]))}), the sizes the report states, the CAGR is "
            f"{format_percent(found.percent)}."
        )
    return (
        f" Between {years[0]} ({format_money(a.currency, a.value, a.unit)}) and {years[1]} "
        f"({format_money(b.currency, b.value, b.unit)}) that gives a CAGR of {format_percent(found.percent)}, "
        f"computed from {basis.describe(draft)}."
    )


def growth(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return no_basis(draft)
    years = sorted(set(decision.slots.years))
    end = basis.forecast_end_year
    if len(years) >= 2:
        start, stop = years[0], years[-1]
    elif years and "end" in decision.slots.year_refs and end is not None:
        start, stop = sorted((years[0], end))  # 'the 2030 figure against the end-year forecast'
    elif years:
        start, stop = sorted((basis.base_year, years[0]))
    else:
        start, stop = basis.base_year, basis.end_year or basis.base_year
    if start == stop:  # growth within one year is that year's size
        return (yield from size_in_year(question, decision, ctx))
    stated_rate = next((q for q in basis.rates if (q.start_year, q.end_year) == (start, stop)), None)
    if stated_rate is not None and stop <= basis.base_year:
        # 'growth 2019-2023', before the base year, over years the page gives a CAGR for: that
        # figure, rather than a back-cast at the forecast's rate
        return draft.final(
            f"The report states a CAGR of {format_percent(stated_rate.value)} for the market over "
            f"{start}-{stop} {draft.cite(stated_rate.quote)}."
        )
    result, table = yield [
        Call("growth_between", basis.growth_args(start, stop)),
        Call("size_table", basis.table_args([start, stop])),
    ]
    if result.failed:
        return refused(result)
    g = result.get(GrowthResult)
    increase = format_money(g.currency, abs(g.absolute_increase), g.unit)
    wanted_unit = decision.slots.unit
    if wanted_unit and wanted_unit != g.unit:
        conv = yield from ask(_convert(g.absolute_increase, g.unit, wanted_unit))
        if isinstance(conv.value, ConvertResult):
            increase = f"{format_money(g.currency, abs(conv.value.value), wanted_unit)} ({increase})"
    draft.show_working(g.expression)
    verb = "grows" if g.absolute_increase >= 0 else "shrinks"
    if g.from_kind == g.to_kind == "stated":
        # two sizes the page states: the past ('2019 vs 2020') in the past tense, a forecast not
        past = basis.complete and g.to_year <= basis.base_year
        verb = ("grew" if g.absolute_increase >= 0 else "shrank") if past else verb
        # two sizes the page states ('2019 vs 2020'): the change between them, nothing compounded
        basis_said = (
            f"the sizes the report states for {g.from_year} {draft.cite_all(basis.quotes_for(g.from_year))} "
            f"and {g.to_year} {draft.cite_all(basis.quotes_for(g.to_year))}"
        )
    else:
        basis_said = basis.describe(draft)
    text = (
        f"From {g.from_year} to {g.to_year} the market {verb} by {increase} "
        f"({format_percent(abs(g.percent_increase))}), from {format_money(g.currency, g.from_value, g.unit)} to "
        f"{format_money(g.currency, g.to_value, g.unit)}, computed from {basis_said}."
    )
    for note in g.notes:
        text += f" {note}"
    if _RATE_TOO.search(question):
        # 'dollars added and the implied annual rate': the CAGR over the same years as well
        text += yield from _cagr_between_years(basis, (g.from_year, g.to_year), draft)
    return draft.final(text, series=series(table))


_RATE_TOO = re.compile(r"\b(?:annual(?:i[sz]ed)?|cagr|a year|per year|yearly|a yr|per annum)\b", re.I)


def doubling(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if basis.rate is None or basis.cagr_fact is None:
        return draft.final(
            "The report does not state a CAGR, so I cannot compute a doubling time.", status="unanswerable"
        )
    users = next((p for p in reversed(decision.slots.percents) if p != basis.rate.percent), None)
    rate = users if users is not None else basis.rate.percent
    result = yield from ask(Call("doubling_time", DoublingArgs(cagr_percent=rate)))
    if result.failed:
        return refused(result)
    found = result.get(DoublingResult)
    draft.show_working(found.expression)
    if users is not None:  # 'at 8% how many years to double': the user's rate, said to be theirs
        return draft.final(
            f"At an assumed {format_percent(users)} a year (your assumption, not the report's) the market "
            f"doubles in about {found.years} years; the report's own CAGR is {format_percent(basis.rate.percent)} "
            f"{draft.cite_all(basis.cagr_fact.quotes)}."
        )
    text = (
        f"At the report's {format_percent(basis.rate.percent)} CAGR {draft.cite_all(basis.cagr_fact.quotes)} "
        f"the market doubles in about {found.years} years."
    )
    if basis.end_year and basis.complete and basis.base_year + found.years > basis.end_year:
        text += " That is longer than the report's forecast runs, so it assumes the rate holds beyond it."
    return draft.final(text)


def table(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return no_basis(draft)
    years = decision.slots.years
    args = basis.table_args(years)
    if len(years) >= 2:
        args = args.model_copy(update={"from_year": min(years), "to_year": max(years)})
    result = yield from ask(Call("size_table", args))
    if result.failed:
        return refused(result)
    t = result.get(TableResult)
    rows = "; ".join(f"{r.year}: {format_money(t.currency, r.value, t.unit)} ({r.kind})" for r in t.rows)
    text = f"Market size by year, computed from {basis.describe(draft)}: {rows}."
    for note in t.notes:
        text += f" {note}"
    return draft.final(text, series=series(result))


def forecast_period(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    facts = yield from fetch_facts(ctx.report_id, "forecast_period", "cagr")
    period, rate_fact = facts["forecast_period"], facts["cagr"]
    if not period or not isinstance(period.value, PeriodFact):
        return draft.final("The report does not state a forecast period.", status="unanswerable")
    value = period.value
    text = (
        f"The report's forecast period is {value.start_year}-{value.end_year} {draft.cite_all(period.quotes)}"
    )
    rate = rate_fact.value if rate_fact else None
    if rate_fact and isinstance(rate, RateFact) and rate.start_year and rate.start_year != value.start_year:
        text += (
            f"; its CAGR is stated for {rate.start_year}-{rate.end_year} {draft.cite_all(rate_fact.quotes)}"
        )
    return draft.final(text + ".")


def size_base(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    draft = Draft()
    basis = yield from fetch_basis(ctx)
    base = basis.base
    if base is None or basis.base_fact is None:
        return draft.final("The report does not state a market size.", status="unanswerable")
    shown = format_money(base.currency, base.amount, base.unit)
    wanted_unit = decision.slots.unit
    if wanted_unit and wanted_unit != base.unit:
        conv = yield from ask(_convert(base.amount, base.unit, wanted_unit))
        if isinstance(conv.value, ConvertResult):
            shown = f"{format_money(base.currency, conv.value.value, wanted_unit)} ({shown})"
    quotes = yield from dated_quotes(list(basis.base_fact.quotes), base.year, base.amount, ctx)
    text = f"The market was {shown} in {base.year} {draft.cite_all(quotes)}"
    points: list[SeriesPoint] = []
    if basis.end and basis.end_fact and basis.complete:
        end = basis.end
        table = yield from ask(Call("size_table", basis.table_args([])))
        points = series(table)
        text += (
            f", and the report forecasts {format_money(end.currency, end.amount, end.unit)} by {end.year} "
            f"{draft.cite_all(basis.end_fact.quotes)}"
        )
    return draft.final(text + ".", series=points)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
