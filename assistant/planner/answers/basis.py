"""The report's base size, CAGR and forecast end as the fact tool returned them, and the forecast
tools' arguments built from them."""

from __future__ import annotations

from assistant.domain.formatting import format_money, format_percent
from assistant.planner.calls import Call, Steps, ask, both, fetch_facts
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from tools.facts import ConsistencyFact, FactResult, MoneyFact, Quote, RateFact
from tools.forecast import SizeResult, convert
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import GrowthArgs, MarketSizeArgs, QuantitiesArgs, TableArgs


class Basis:
    """The figures every computed size rests on."""

    def __init__(
        self,
        base: FactResult | None,
        cagr: FactResult | None,
        end: FactResult | None,
        consistency: FactResult | None = None,
    ) -> None:
        self.base_fact = base
        self.cagr_fact = cagr
        self.end_fact = end
        self.consistency = consistency.value if consistency else None
        self.table: list[QuantityFact] = []  # every whole-market size the page states
        self.rates: list[QuantityFact] = []  # every whole-market CAGR it states

    @property
    def disagrees(self) -> bool:
        """The parser's verdict: the stated base, CAGR and end do not reconcile."""
        verdict = self.consistency
        return (
            isinstance(verdict, ConsistencyFact)
            and verdict.status == "disagree"
            and self.end_year is not None
        )

    @property
    def base(self) -> MoneyFact | None:
        value = self.base_fact.value if self.base_fact else None
        return value if isinstance(value, MoneyFact) else None

    @property
    def rate(self) -> RateFact | None:
        value = self.cagr_fact.value if self.cagr_fact else None
        return value if isinstance(value, RateFact) else None

    @property
    def end(self) -> MoneyFact | None:
        value = self.end_fact.value if self.end_fact else None
        return value if isinstance(value, MoneyFact) else None

    @property
    def complete(self) -> bool:
        return self.base is not None and self.rate is not None and self.base.year is not None

    @property
    def base_year(self) -> int:
        assert self.base is not None and self.base.year is not None
        return self.base.year

    @property
    def actual_year(self) -> int:
        """The year a rate of the user's own is applied from: the base year, or the year before it when
        the base is the first year of the report's CAGR and the page states that earlier year's size
        too (a 2025 estimate already grows at the report's rate from the 2024 actual)."""
        before = self.base_year - 1
        starts_rate = self.rate is not None and self.rate.start_year == self.base_year
        return before if starts_rate and before in self.stated() else self.base_year

    @property
    def end_year(self) -> int | None:
        return self.end.year if self.end else None

    @property
    def forecast_end_year(self) -> int | None:
        """The forecast's last year: the year of its stated end size, else the end of the CAGR's period."""
        return self.end_year or (self.rate.end_year if self.rate else None)

    def quotes_for_end(self) -> list[Quote]:
        """The quotes that say where the forecast ends."""
        if self.end is not None and self.end_fact is not None:
            return self.end_fact.quotes
        return self.cagr_fact.quotes if self.cagr_fact else []

    def stated(self) -> dict[int, float]:
        """Sizes the report states, in the base's unit: they are quoted, never recomputed."""
        assert self.base is not None
        stated = {
            q.start_year: value
            for q in self.table
            if q.start_year is not None
            and q.start_year == q.end_year
            and (q.currency or self.base.currency) == self.base.currency
            and (value := in_unit(q.value, q.unit, self.base.unit)) is not None
        }
        stated[self.base_year] = self.base.amount
        if self.end and self.end.year is not None and self.end.unit == self.base.unit:
            stated[self.end.year] = self.end.amount
        return stated

    def conflicting(self, year: int, value: float) -> list[QuantityFact]:
        """Other whole-market sizes the page states for ``year`` with a different value."""
        assert self.base is not None
        return [
            q
            for q in self.table
            if q.start_year == year == q.end_year
            and q.unit == self.base.unit
            and abs(q.value - value) > 0.005
        ]

    def quotes_for(self, year: int) -> list[Quote]:
        """The quotes that state the size of ``year``: the headline facts first, then the table."""
        if year == self.base_year and self.base_fact:
            return self.base_fact.quotes
        if self.end and year == self.end.year and self.end_fact:
            return self.end_fact.quotes
        return [q.quote for q in self.table if q.start_year == year == q.end_year][:1]

    def size_args(self, year: int, stated: dict[int, float] | None = None) -> MarketSizeArgs:
        assert self.base is not None and self.rate is not None
        return MarketSizeArgs(
            base_value=self.base.amount,
            base_year=self.base_year,
            cagr_percent=self.rate.percent,
            unit=self.base.unit,
            currency=self.base.currency or "USD",
            forecast_end_year=self.end_year,
            stated=self.stated() if stated is None else stated,
            year=year,
        )

    def growth_args(self, first: int, last: int) -> GrowthArgs:
        args = self.size_args(first).model_dump(exclude={"year"})
        return GrowthArgs(**args, from_year=first, to_year=last)

    def table_args(self, years: list[int]) -> TableArgs:
        last = max([*years, self.end_year or self.base_year])
        first = min([*years, self.base_year])
        args = self.size_args(first).model_dump(exclude={"year"})
        return TableArgs(**args, from_year=first, to_year=last)

    def describe(self, draft: Draft) -> str:
        """'the report's USD 6.71 billion in 2025 [1] and its 5.65% CAGR (2026-2031) [2]'."""
        assert self.base is not None and self.rate is not None
        assert self.base_fact is not None and self.cagr_fact is not None
        rate = self.rate
        period = (
            f" ({rate_period(rate, self.cagr_fact.quotes)})"
            if rate_period(rate, self.cagr_fact.quotes)
            else ""
        )
        return (
            f"the report's {format_money(self.base.currency, self.base.amount, self.base.unit)} in "
            f"{self.base_year} {draft.cite_all(self.base_fact.quotes)} and its "
            f"{format_percent(rate.percent)} CAGR{period} {draft.cite_all(self.cagr_fact.quotes)}"
        )

    def size_said(self, size: SizeResult, draft: Draft) -> str:
        """'USD 2.41 billion in 2024 [1]' for a size the report states, else 'USD 2.55 billion computed
        for 2025 from the report's ...', with the computation shown as working."""
        money = format_money(size.currency, size.value, size.unit)
        if size.kind == "stated":
            return f"{money} in {size.year} {draft.cite_all(self.quotes_for(size.year))}"
        draft.show_working(size.expression)
        return f"{money} computed for {size.year} from {self.describe(draft)}"


def in_unit(value: float, unit: str | None, wanted: str | None) -> float | None:
    """``value`` in ``unit`` re-expressed in ``wanted`` ('968 million' is 0.968 billion); None when
    either is no scale the forecast tool knows."""
    if unit == wanted:
        return value
    try:
        return convert(value, unit or "", wanted or "").exact_value
    except ValueError:
        return None


def rate_period(rate: RateFact, quotes: list[Quote]) -> str:
    """'2026-2031' when the quoted text states the CAGR's years; '' when it does not (a period the
    reader cannot find in the quote is not shown)."""
    if rate.start_year is None or rate.end_year is None:
        return ""
    said = " ".join(q.text for q in quotes)
    return (
        f"{rate.start_year}-{rate.end_year}"
        if str(rate.start_year) in said and str(rate.end_year) in said
        else ""
    )


def fetch_basis(ctx: ReportContext) -> Steps[Basis]:
    names = ("market_size", "cagr", "forecast_end", "consistency")
    facts, table = yield from both(
        fetch_facts(ctx.report_id, *names),
        ask(Call("lookup_quantities", QuantitiesArgs(name="market", report_id=ctx.report_id))),
    )
    basis = Basis(*(facts[name] for name in names))
    if isinstance(table.value, QuantitiesResult):
        basis.table = [q for q in table.value.quantities if q.metric == "market_size"]
        basis.rates = [q for q in table.value.quantities if q.metric == "cagr"]
    return basis


def dated_quotes(
    quotes: list[Quote], year: int | None, amount: float, ctx: ReportContext
) -> Steps[list[Quote]]:
    """``quotes`` of a size, or, when none of them states ``year`` (the figure alone is quoted), the
    page's statement of the same size that also states its year: the year said is then the report's."""
    if year is None or any(str(year) in q.text for q in quotes):
        return quotes
    dated = yield from ask(
        Call(
            "lookup_quantities", QuantitiesArgs(metric="market_size", name="market", report_id=ctx.report_id)
        )
    )
    found = dated.value.quantities if isinstance(dated.value, QuantitiesResult) else []
    stating = next(
        (q.quote for q in found if q.start_year == year and q.value == amount and str(year) in q.quote.text),
        None,
    )
    return [stating] if stating is not None else quotes
