"""Answer scripts for questions about size and growth: every figure comes from a forecast tool."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from assistant.planner import reconcile
from assistant.planner.draft import Draft, fetch_facts
from assistant.planner.intents import Intent
from assistant.planner.model import Call, Final, Result

if TYPE_CHECKING:
    from assistant.planner.understanding import Decision, PolicyContext

Steps = Generator[list[Call], list[Result], Final]
MAX_YEARS_PER_ANSWER = 6


def money(currency: str, value: float, unit: str) -> str:
    """'USD 8.83 billion'; whole numbers lose their decimals ('USD 8,830 million')."""
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{currency} {shown} {unit}"


class Basis:
    """The report's base size, CAGR and forecast end, as the fact tools returned them."""

    def __init__(self, facts: dict[str, Any]) -> None:
        self.base = facts["market_size"]
        self.cagr = facts["cagr"]
        self.end = facts.get("forecast_end")

    @property
    def complete(self) -> bool:
        return bool(self.base and self.cagr and self.base["value"].get("year") is not None)

    @property
    def base_year(self) -> int:
        return int(self.base["value"]["year"])

    @property
    def end_year(self) -> int | None:
        return int(self.end["value"]["year"]) if self.end and self.end["value"].get("year") else None

    def args(self) -> dict[str, Any]:
        base = self.base["value"]
        stated = {str(self.base_year): base["amount"]}
        if self.end and self.end_year is not None and self.end["value"]["unit"] == base["unit"]:
            stated[str(self.end_year)] = self.end["value"]["amount"]
        return {
            "base_value": base["amount"],
            "base_year": self.base_year,
            "cagr_percent": self.cagr["value"]["percent"],
            "unit": base["unit"],
            "currency": base.get("currency") or "USD",
            "forecast_end_year": self.end_year,
            "stated": stated,
        }

    def describe(self, draft: Draft) -> str:
        base = self.base["value"]
        rate = self.cagr["value"]
        period = f" ({rate['start_year']}-{rate['end_year']})" if rate.get("start_year") else ""
        return (
            f"the report's {money(base.get('currency') or 'USD', base['amount'], base['unit'])} in "
            f"{self.base_year} {draft.cite_all(self.base['quotes'])} and its {rate['percent']}% CAGR{period} "
            f"{draft.cite_all(self.cagr['quotes'])}"
        )

    def table_call(self, years: list[int]) -> Call:
        last = max([*years, self.end_year or self.base_year])
        first = min([*years, self.base_year])
        return Call("size_table", {**self.args(), "from_year": first, "to_year": last})


def _basis(ctx: PolicyContext) -> Generator[list[Call], list[Result], Basis]:
    facts = yield from fetch_facts(ctx, "market_size", "cagr", "forecast_end")
    return Basis(facts)


def _no_basis(draft: Draft) -> Final:
    return draft.final(
        "The report does not state both a base-year market size and a CAGR, so I cannot compute that "
        "without guessing.",
        status="unanswerable",
    )


def _refused(result: Result) -> Final:
    return Final(status="rejected", text=f"I can't compute that: {result.message}")


def _series(table: Result) -> list[dict[str, Any]]:
    if table.error:
        return []
    return [
        {"year": row["year"], "value": row["value"], "unit": table.data["unit"], "kind": row["kind"]}
        for row in table.data["rows"]
    ]


def _size_in_year(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.complete:
        return _no_basis(draft)
    years = list(dict.fromkeys(decision.slots.years))[:MAX_YEARS_PER_ANSWER] or [basis.base_year]
    mismatch = reconcile.disagreement(basis)  # stated figures that do not reconcile: say which we use
    calls = [
        *(Call("market_size_in_year", {**basis.args(), "year": y}) for y in years),
        basis.table_call(years),
    ]
    results = yield [*calls, reconcile.end_check_call(basis)] if mismatch else calls
    check = results[len(calls)] if mismatch else None
    sizes, table = results[: len(years)], results[len(years)]
    refused = next((r for r in sizes if r.error), None)
    if refused:
        return _refused(refused)
    conversions: list[Result] = []
    wanted_unit = decision.slots.unit
    if wanted_unit and wanted_unit != sizes[0].data["unit"]:
        conversions = yield [
            Call(
                "convert_units",
                {"value": s.data["value"], "from_unit": s.data["unit"], "to_unit": wanted_unit},
            )
            for s in sizes
        ]
    lines = []
    for i, size in enumerate(sizes):
        data = size.data
        shown = money(data["currency"], data["value"], data["unit"])
        if conversions and not conversions[i].error:
            shown = f"{money(data['currency'], conversions[i].data['value'], wanted_unit or '')} ({shown})"
        if data["kind"] == "stated":
            quotes = (
                basis.base["quotes"]
                if data["year"] == basis.base_year
                else (basis.end or {}).get("quotes", [])
            )
            lines.append(f"The report states {shown} for {data['year']} {draft.cite_all(quotes)}.")
        else:
            verb = "was" if data["kind"] == "backcast" else "is projected at"
            lines.append(
                f"The market {verb} {shown} in {data['year']}, computed from {basis.describe(draft)}: "
                f"{data['expression']}."
            )
        if data.get("note") and not (check and data["kind"] == "stated"):  # the note below says it
            lines.append(data["note"])
    if check:
        lines.append(reconcile.note(basis, check, [(s.data["kind"], s.data["year"]) for s in sizes], draft))
    return draft.final(" ".join(lines), series=_series(table))


def _size_end(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.end:
        return (yield from _size_in_year(question, decision, ctx)) if basis.complete else _no_basis(draft)
    end = basis.end["value"]
    text = f"The report forecasts {money(end.get('currency') or 'USD', end['amount'], end['unit'])} by {end['year']} {draft.cite_all(basis.end['quotes'])}"
    series: list[dict[str, Any]] = []
    if basis.complete:
        (table,) = yield [basis.table_call([])]
        series = _series(table)
        text += f", up from {basis.describe(draft).removeprefix('the report' + chr(39) + 's ')}"
    return draft.final(text + ".", series=series)


def _cagr(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.cagr:
        return draft.final("The report does not state a CAGR.", status="unanswerable")
    rate = basis.cagr["value"]
    period = f" over {rate['start_year']}-{rate['end_year']}" if rate.get("start_year") else ""
    cite = draft.cite_all(basis.cagr["quotes"])
    text = f"The report expects the market to grow at a CAGR of {rate['percent']}%{period} {cite}."
    series: list[dict[str, Any]] = []
    years = sorted(set(decision.slots.years))
    asked = (years[0], years[-1]) if len(years) >= 2 else None
    if basis.complete and asked and asked != (rate.get("start_year"), rate.get("end_year")):
        text += yield from _cagr_between_years(basis, asked, draft)
    elif basis.complete and basis.end and basis.end_year and basis.end_year > basis.base_year:
        base, end = basis.base["value"], basis.end["value"]
        check, table = yield [
            Call(
                "cagr_between",
                {
                    "start_value": base["amount"],
                    "start_year": basis.base_year,
                    "end_value": end["amount"],
                    "end_year": basis.end_year,
                },
            ),
            basis.table_call([]),
        ]
        series = _series(table)
        if not check.error:
            text += (
                f" Check: from {base['amount']} in {basis.base_year} {draft.cite_all(basis.base['quotes'])} "
                f"to {end['amount']} in {basis.end_year} {draft.cite_all(basis.end['quotes'])} the implied "
                f"CAGR is {check.data['percent']}% ({check.data['expression']})."
            )
    return draft.final(text, series=series)


def _cagr_between_years(
    basis: Basis, years: tuple[int, int], draft: Draft
) -> Generator[list[Call], list[Result], str]:
    """The CAGR between two years the analyst names, from the sizes the report's figures give them."""
    first, last = yield [Call("market_size_in_year", {**basis.args(), "year": y}) for y in years]
    if first.error or last.error:
        return f" ({(first if first.error else last).message})"
    (rate,) = yield [
        Call(
            "cagr_between",
            {
                "start_value": first.data["exact_value"],
                "start_year": years[0],
                "end_value": last.data["exact_value"],
                "end_year": years[1],
            },
        )
    ]
    if rate.error:
        return f" ({rate.message})"
    return (
        f" Between {years[0]} (USD {first.data['value']} {first.data['unit']}) and {years[1]} "
        f"(USD {last.data['value']} {last.data['unit']}) that gives a CAGR of {rate.data['percent']}%, "
        f"computed from {basis.describe(draft)}."
    )


def _growth(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.complete:
        return _no_basis(draft)
    years = sorted(set(decision.slots.years))
    if len(years) >= 2:
        start, stop = years[0], years[-1]
    elif years:
        start, stop = sorted((basis.base_year, years[0]))
    else:
        start, stop = basis.base_year, basis.end_year or basis.base_year
    if start == stop:  # growth within one year is that year's size
        return (yield from _size_in_year(question, decision, ctx))
    growth, table = yield [
        Call("growth_between", {**basis.args(), "from_year": start, "to_year": stop}),
        basis.table_call([start, stop]),
    ]
    if growth.error:
        return _refused(growth)
    g = growth.data
    increase = money(g["currency"], g["absolute_increase"], g["unit"])
    wanted_unit = decision.slots.unit
    if wanted_unit and wanted_unit != g["unit"]:
        (conv,) = yield [
            Call(
                "convert_units",
                {"value": g["absolute_increase"], "from_unit": g["unit"], "to_unit": wanted_unit},
            )
        ]
        if not conv.error:
            increase = f"{money(g['currency'], conv.data['value'], wanted_unit)} ({increase})"
    text = (
        f"From {g['from_year']} to {g['to_year']} the market grows by {increase} ({g['percent_increase']}%), from "
        f"{money(g['currency'], g['from_value'], g['unit'])} to {money(g['currency'], g['to_value'], g['unit'])}, "
        f"computed from {basis.describe(draft)}: {g['expression']}."
    )
    for note in g.get("notes", []):
        text += f" {note}"
    return draft.final(text, series=_series(table))


def _doubling(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.cagr:
        return draft.final(
            "The report does not state a CAGR, so I cannot compute a doubling time.", status="unanswerable"
        )
    (result,) = yield [Call("doubling_time", {"cagr_percent": basis.cagr["value"]["percent"]})]
    if result.error:
        return _refused(result)
    text = (
        f"At the report's {basis.cagr['value']['percent']}% CAGR {draft.cite_all(basis.cagr['quotes'])} the market "
        f"doubles in about {result.data['years']} years ({result.data['expression']})."
    )
    if basis.end_year and basis.complete and basis.base_year + result.data["years"] > basis.end_year:
        text += " That is longer than the report's forecast runs, so it assumes the rate holds beyond it."
    return draft.final(text)


def _table(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.complete:
        return _no_basis(draft)
    years = decision.slots.years
    call = basis.table_call(years)
    if len(years) >= 2:
        call = Call("size_table", {**basis.args(), "from_year": min(years), "to_year": max(years)})
    (table,) = yield [call]
    if table.error:
        return _refused(table)
    t = table.data
    rows = "; ".join(
        f"{row['year']}: {money(t['currency'], row['value'], t['unit'])} ({row['kind']})" for row in t["rows"]
    )
    text = f"Market size by year, computed from {basis.describe(draft)}: {rows}."
    for note in t.get("notes", []):
        text += f" {note}"
    return draft.final(text, series=_series(table))


def _forecast_period(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    facts = yield from fetch_facts(ctx, "forecast_period", "cagr")
    period, cagr = facts["forecast_period"], facts["cagr"]
    if not period:
        return draft.final("The report does not state a forecast period.", status="unanswerable")
    value = period["value"]
    text = f"The report's forecast period is {value['start_year']}-{value['end_year']} {draft.cite_all(period['quotes'])}"
    if cagr and cagr["value"].get("start_year") and cagr["value"]["start_year"] != value["start_year"]:
        rate = cagr["value"]
        text += f"; its CAGR is stated for {rate['start_year']}-{rate['end_year']} {draft.cite_all(cagr['quotes'])}"
    return draft.final(text + ".")


def _size_base(question: str, decision: Decision, ctx: PolicyContext) -> Steps:
    draft = Draft()
    basis = yield from _basis(ctx)
    if not basis.base:
        return draft.final("The report does not state a market size.", status="unanswerable")
    base = basis.base["value"]
    shown = money(base.get("currency") or "USD", base["amount"], base["unit"])
    wanted_unit = decision.slots.unit
    if wanted_unit and wanted_unit != base["unit"]:
        (conv,) = yield [
            Call(
                "convert_units", {"value": base["amount"], "from_unit": base["unit"], "to_unit": wanted_unit}
            )
        ]
        if not conv.error:
            shown = f"{money(base.get('currency') or 'USD', conv.data['value'], wanted_unit)} ({shown})"
    text = f"The market was {shown} in {base['year']} {draft.cite_all(basis.base['quotes'])}"
    series: list[dict[str, Any]] = []
    if basis.end and basis.complete:
        end = basis.end["value"]
        (table,) = yield [basis.table_call([])]
        series = _series(table)
        text += f", and the report forecasts {money(end.get('currency') or 'USD', end['amount'], end['unit'])} by {end['year']} {draft.cite_all(basis.end['quotes'])}"
    return draft.final(text + ".", series=series)


NUMBER_HANDLERS = {
    Intent.SIZE_IN_YEAR: _size_in_year,
    Intent.SIZE_BASE: _size_base,
    Intent.SIZE_END: _size_end,
    Intent.CAGR: _cagr,
    Intent.GROWTH: _growth,
    Intent.DOUBLING: _doubling,
    Intent.TABLE: _table,
    Intent.FORECAST_PERIOD: _forecast_period,
}
