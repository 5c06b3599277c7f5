"""Model-callable tools: deterministic forecast arithmetic, fact lookup and passage search.

Each tool is a pure typed function (``tools.forecast``, ``tools.facts``, ``tools.search``) plus a thin
LangChain ``StructuredTool`` (``tools.wrappers``). This package imports only the standard library,
pydantic and langchain-core; the report index reaches it through the ``FactSource`` and
``PassageSearcher`` protocols.
"""

from __future__ import annotations

from langchain_core.tools import StructuredTool

from tools.facts import FACT_NAMES, FactResult, FactSource, Quote, canonical_fact_name, lookup_fact
from tools.forecast import (
    CagrResult,
    ConvertResult,
    DoublingResult,
    GrowthResult,
    SizeResult,
    TableResult,
    TableRow,
    cagr_between,
    convert,
    doubling_time,
    growth_between,
    market_size_in_year,
    size_table,
)
from tools.quantities import QuantitiesResult, QuantityFact, lookup_quantities
from tools.search import Passage, PassageLike, PassageSearcher, SearchResult, search_passages
from tools.wrappers import FORECAST_TOOLS, fact_tool, forecast_tools, quantities_tool, search_tool

# Tools that compute a figure from their arguments: their calls are an answer's computations.
COMPUTING_TOOLS: tuple[str, ...] = tuple(name for name, _, _ in FORECAST_TOOLS)
TOOL_NAMES: tuple[str, ...] = (*COMPUTING_TOOLS, "lookup_fact", "lookup_quantities", "search_passages")


def build_tools(
    facts: FactSource, searcher: PassageSearcher, report_id: str | None = None
) -> list[StructuredTool]:
    """Every tool, in TOOL_NAMES order: forecast tools take pure arguments; fact lookup and search are
    bound to ``facts`` and ``searcher`` and default to ``report_id`` when a call names no report."""
    return [
        *forecast_tools(),
        fact_tool(facts, report_id),
        quantities_tool(facts, report_id),
        search_tool(searcher, report_id),
    ]


__all__ = [
    "COMPUTING_TOOLS",
    "FACT_NAMES",
    "TOOL_NAMES",
    "CagrResult",
    "ConvertResult",
    "DoublingResult",
    "FactResult",
    "FactSource",
    "GrowthResult",
    "Passage",
    "PassageLike",
    "PassageSearcher",
    "QuantitiesResult",
    "QuantityFact",
    "Quote",
    "SearchResult",
    "SizeResult",
    "TableResult",
    "TableRow",
    "build_tools",
    "cagr_between",
    "canonical_fact_name",
    "convert",
    "doubling_time",
    "fact_tool",
    "forecast_tools",
    "growth_between",
    "lookup_fact",
    "lookup_quantities",
    "market_size_in_year",
    "search_passages",
    "quantities_tool",
    "search_tool",
    "size_table",
]
