"""Model-callable tools: deterministic forecast arithmetic, fact lookup and passage search.

Each tool is a pure typed function (``tools.forecast``, ``tools.derived``, ``tools.facts``,
``tools.quantities``, ``tools.search``) described by a ``ToolSpec`` (``tools.specs``: argument schema,
description, the one way a call is run), plus a thin LangChain ``StructuredTool`` made from the spec
(``tools.wrappers``, which loads LangChain only when a tool is wrapped). This package imports only the
standard library, pydantic and langchain-core; the report index reaches it through the
``FactSource`` and ``PassageSearcher`` protocols.
"""

from __future__ import annotations

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
from tools.specs import FORECAST_TOOLS, ToolRefusedError, ToolSpec, report_specs

# Tools that compute a figure from their arguments: their calls are an answer's computations.
COMPUTING_TOOLS: tuple[str, ...] = tuple(name for name, _, _ in FORECAST_TOOLS)
TOOL_NAMES: tuple[str, ...] = (*COMPUTING_TOOLS, "lookup_fact", "lookup_quantities", "search_passages")


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
    "ToolRefusedError",
    "ToolSpec",
    "cagr_between",
    "canonical_fact_name",
    "convert",
    "doubling_time",
    "growth_between",
    "lookup_fact",
    "lookup_quantities",
    "market_size_in_year",
    "report_specs",
    "search_passages",
    "size_table",
]
