"""Every tool as data (name, pure function, argument schema, description), and the one way a call
is run, whichever model made it.

A call's arguments are checked against the tool's schema, then the pure function runs. What goes
wrong comes back as a ``ToolRefusedError`` whose text the model can read: arguments that do not fit the
schema (a word where a year belongs) are described field by field; a ``ValueError`` or
``LookupError`` from the function (a year out of range, an unknown report id) keeps its message.
Nothing here imports LangChain, so the offline planner runs its calls without loading it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from tools import derived, forecast
from tools.facts import FactResult, FactSource, lookup_fact
from tools.quantities import QuantitiesResult, lookup_quantities
from tools.schemas import (
    AverageGainArgs,
    CagrArgs,
    CompareArgs,
    ConvertArgs,
    CountArgs,
    CumulativeArgs,
    DoublingArgs,
    FactArgs,
    GrowthArgs,
    MarketSizeArgs,
    PerUnitArgs,
    ProjectionArgs,
    QuantitiesArgs,
    RatioArgs,
    RemainderArgs,
    RequiredRateArgs,
    SearchArgs,
    ShareOfTotalArgs,
    ShareValueArgs,
    TableArgs,
    ThresholdArgs,
)
from tools.search import PassageSearcher, SearchResult, search_passages


class ToolRefusedError(Exception):
    """A call the tool cannot run; the message is what the model reads instead of a result."""


def validation_message(tool_name: str, error: Exception) -> str:
    """'market_size_in_year: invalid arguments: year: Input should be a valid integer (got 'next')'."""
    if not isinstance(error, ValidationError):
        return f"{tool_name}: invalid arguments: {error}"
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ())) or "arguments"
        got = f" (got {item['input']!r})" if item.get("type") != "missing" else ""
        problems.append(f"{where}: {item.get('msg', 'invalid')}{got}")
    return f"{tool_name}: invalid arguments: " + "; ".join(problems)


@dataclass(frozen=True)
class ToolSpec:
    """One tool: its name, its pure function (keyword arguments in, a pydantic result out), the
    schema of those arguments, and the description the model reads (the function's docstring)."""

    name: str
    func: Callable[..., BaseModel]
    args_schema: type[BaseModel]
    description: str

    def run(self, args: Mapping[str, Any]) -> BaseModel:
        """The tool's result for ``args``; a ``ToolRefusedError`` with a readable reason otherwise."""
        try:
            checked = self.args_schema.model_validate(dict(args))
        except ValidationError as error:
            raise ToolRefusedError(validation_message(self.name, error)) from error
        return self.call(**{field: getattr(checked, field) for field in type(checked).model_fields})

    def call(self, **kwargs: Any) -> BaseModel:
        """The function on arguments already checked against the schema."""
        try:
            return self.func(**kwargs)
        except (ValueError, LookupError) as exc:
            raise ToolRefusedError(f"{self.name}: {exc}") from exc


def _doc(func: Callable[..., Any]) -> str:
    return inspect.cleandoc(func.__doc__ or "")


FORECAST_TOOLS: tuple[tuple[str, Callable[..., BaseModel], type[BaseModel]], ...] = (
    ("market_size_in_year", forecast.market_size_in_year, MarketSizeArgs),
    ("cagr_between", forecast.cagr_between, CagrArgs),
    ("growth_between", forecast.growth_between, GrowthArgs),
    ("doubling_time", forecast.doubling_time, DoublingArgs),
    ("size_table", forecast.size_table, TableArgs),
    ("convert_units", forecast.convert, ConvertArgs),
    ("year_reaching", derived.year_reaching, ThresholdArgs),
    ("size_ratio", derived.size_ratio, RatioArgs),
    ("cumulative_size", derived.cumulative_size, CumulativeArgs),
    ("average_annual_increase", derived.average_annual_increase, AverageGainArgs),
    ("required_cagr", derived.required_cagr, RequiredRateArgs),
    ("project_at_rate", derived.project_at_rate, ProjectionArgs),
    ("share_value", derived.share_value, ShareValueArgs),
    ("share_of_total", derived.share_of_total, ShareOfTotalArgs),
    ("per_unit_value", derived.per_unit_value, PerUnitArgs),
    ("remaining_share", derived.remaining_share, RemainderArgs),
    ("compare_values", derived.compare_values, CompareArgs),
    ("count_items", derived.count_items, CountArgs),
)


def forecast_specs() -> list[ToolSpec]:
    """The arithmetic tools; they take every number as an argument and read no report."""
    return [ToolSpec(name, func, schema, _doc(func)) for name, func, schema in FORECAST_TOOLS]


def fact_spec(facts: FactSource, report_id: str | None = None) -> ToolSpec:
    """lookup_fact bound to ``facts``; a call without report_id reads the ``report_id`` given here."""
    default = report_id

    def run(name: str, report_id: str | None = None) -> FactResult:
        return lookup_fact(facts, name, report_id or default)

    return ToolSpec("lookup_fact", run, FactArgs, _doc(lookup_fact))


def quantities_spec(facts: FactSource, report_id: str | None = None) -> ToolSpec:
    """lookup_quantities bound to ``facts``; a call without report_id reads the ``report_id`` given here."""
    default = report_id

    def run(
        metric: str | None = None,
        name: str | None = None,
        year: int | None = None,
        report_id: str | None = None,
    ) -> QuantitiesResult:
        return lookup_quantities(facts, metric, name, year, report_id or default)

    return ToolSpec("lookup_quantities", run, QuantitiesArgs, _doc(lookup_quantities))


def search_spec(searcher: PassageSearcher, report_id: str | None = None) -> ToolSpec:
    """search_passages bound to ``searcher``; a call without report_id searches ``report_id``."""
    default = report_id

    def run(query: str, k: int = 4, report_id: str | None = None) -> SearchResult:
        return search_passages(searcher, query, k, report_id or default)

    return ToolSpec("search_passages", run, SearchArgs, _doc(search_passages))


def report_specs(
    facts: FactSource, searcher: PassageSearcher, report_id: str | None = None
) -> list[ToolSpec]:
    """Every tool, in TOOL_NAMES order: forecast tools take pure arguments; fact lookup and search are
    bound to ``facts`` and ``searcher`` and default to ``report_id`` when a call names no report."""
    return [
        *forecast_specs(),
        fact_spec(facts, report_id),
        quantities_spec(facts, report_id),
        search_spec(searcher, report_id),
    ]
