"""The LangChain wrappers: names, schemas, docstrings as prompts, and errors returned as readable text."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any

import pytest
from langchain_core.messages import ToolMessage
from langchain_core.tools import StructuredTool
from tools_doubles import SEED_ID, SheetSource, WordOverlapSearcher, seed_sheet

from assistant.domain.report import FactSheet
from tools import TOOL_NAMES, SizeResult, market_size_in_year
from tools.specs import ToolRefusedError, report_specs
from tools.wrappers import build_tools

SEED_ARGS = {"base_value": 6.71, "base_year": 2025, "cagr_percent": 5.65}


@pytest.fixture
def sources(seed_text: str) -> tuple[SheetSource, WordOverlapSearcher]:
    return SheetSource({SEED_ID: seed_sheet(seed_text), "empty-report": FactSheet()}), WordOverlapSearcher(
        seed_text
    )


@pytest.fixture
def tools(sources: tuple[SheetSource, WordOverlapSearcher]) -> dict[str, StructuredTool]:
    facts, searcher = sources
    return {tool.name: tool for tool in build_tools(facts, searcher, report_id=SEED_ID)}


def call(tool: StructuredTool, args: dict[str, Any], call_id: str = "call-1") -> ToolMessage:
    message = tool.invoke({"type": "tool_call", "id": call_id, "name": tool.name, "args": args})
    assert isinstance(message, ToolMessage)
    return message


def test_tool_names_and_order(sources: tuple[SheetSource, WordOverlapSearcher]) -> None:
    built = build_tools(*sources)
    assert tuple(t.name for t in built) == TOOL_NAMES == (
        "market_size_in_year", "cagr_between", "growth_between", "doubling_time", "size_table",
        "convert_units", "year_reaching", "size_ratio", "cumulative_size", "average_annual_increase",
        "required_cagr", "project_at_rate", "share_value", "share_of_total", "per_unit_value",
        "remaining_share", "compare_values",
        "count_items", "lookup_fact", "lookup_quantities", "search_passages",
    )  # fmt: skip
    assert all(t.handle_tool_error is True for t in built)


def test_descriptions_are_the_docstrings_and_state_units(tools: dict[str, StructuredTool]) -> None:
    assert "5.65 means 5.65 %" in tools["market_size_in_year"].description
    assert "billion" in tools["market_size_in_year"].description
    assert tools["market_size_in_year"].description.startswith("Market size in one year")
    assert "found=False" in tools["lookup_fact"].description
    for tool in tools.values():
        schema = tool.tool_call_schema.model_json_schema()  # type: ignore[union-attr]
        assert schema["properties"], tool.name
        for field, spec in schema["properties"].items():
            assert spec.get("description"), f"{tool.name}.{field} has no description"


def test_good_call_returns_json_content_and_the_result_as_artifact(tools: dict[str, StructuredTool]) -> None:
    message = call(tools["market_size_in_year"], {**SEED_ARGS, "year": 2029})
    assert message.status == "success" and message.tool_call_id == "call-1"
    assert json.loads(str(message.content))["value"] == 8.36
    assert isinstance(message.artifact, SizeResult)
    assert message.artifact == market_size_in_year(6.71, 2025, 5.65, 2029)


def test_json_shaped_arguments_are_coerced(tools: dict[str, StructuredTool]) -> None:
    args = {**SEED_ARGS, "year": "2033", "forecast_end_year": 2031, "stated": {"2031": 9.33}}
    result = call(tools["market_size_in_year"], args).artifact
    assert (result.value, result.kind) == (10.42, "extrapolated")


def test_plain_invoke_returns_the_content(tools: dict[str, StructuredTool]) -> None:
    content = tools["convert_units"].invoke({"value": 8.36, "from_unit": "billion", "to_unit": "million"})
    assert json.loads(content)["expression"] == "8.36 billion = 8,360 million"


@pytest.mark.parametrize(
    ("tool", "args", "message"),
    [
        (
            "market_size_in_year",
            {**SEED_ARGS, "year": 99999},
            "year must be between 1900 and 2100, got 99999",
        ),
        (
            "market_size_in_year",
            {**SEED_ARGS, "base_value": -1, "year": 2029},
            "base_value must be a positive",
        ),
        ("market_size_in_year", {**SEED_ARGS, "cagr_percent": -100, "year": 2029}, "must be above -100"),
        (
            "market_size_in_year",
            {**SEED_ARGS, "cagr_percent": float("nan"), "year": 2029},
            "must be a finite",
        ),
        ("market_size_in_year", {**SEED_ARGS, "year": "next year"}, "year: Input should be a valid integer"),
        ("market_size_in_year", SEED_ARGS, "invalid arguments: year: Field required"),
        ("growth_between", {**SEED_ARGS, "from_year": 2031, "to_year": 2026}, "from_year (2031) is after"),
        ("size_table", {**SEED_ARGS, "from_year": 1900, "to_year": 2100}, "at most 200 rows"),
        (
            "cagr_between",
            {"start_value": 6.71, "start_year": 2031, "end_value": 9.33, "end_year": 2025},
            "after",
        ),
        ("doubling_time", {"cagr_percent": 0}, "must be positive for the market to double"),
        ("convert_units", {"value": 1, "from_unit": "billion", "to_unit": "lakh"}, "to_unit must be one of"),
        ("lookup_fact", {"name": "ceo"}, "valid names are: market_size, cagr"),
        ("lookup_fact", {"name": "cagr", "report_id": "nope"}, "no report with id 'nope'"),
        ("search_passages", {"query": "  "}, "query must be a non-empty"),
        ("search_passages", {"query": "oncology", "k": 50}, "k must be a whole number from 1 to 20, got 50"),
    ],
)
def test_bad_arguments_come_back_as_readable_errors(
    tools: dict[str, StructuredTool],
    sources: tuple[SheetSource, WordOverlapSearcher],
    tool: str,
    args: dict[str, Any],
    message: str,
) -> None:
    result = call(tools[tool], args)
    assert result.status == "error"
    assert str(result.content).startswith(f"{tool}: ")
    assert message in str(result.content)
    # Without a tool call id the same text is returned instead of raised.
    assert message in tools[tool].invoke(args)
    # The offline planner runs its calls through the spec, without LangChain: the same words.
    spec = {s.name: s for s in report_specs(*sources, report_id=SEED_ID)}[tool]
    with pytest.raises(ToolRefusedError) as refused:
        spec.run(args)
    assert str(refused.value) == str(result.content)


def test_a_spec_and_its_langchain_tool_give_the_same_result(
    tools: dict[str, StructuredTool], sources: tuple[SheetSource, WordOverlapSearcher]
) -> None:
    specs = {s.name: s for s in report_specs(*sources, report_id=SEED_ID)}
    calls = {
        "market_size_in_year": {
            **SEED_ARGS,
            "year": "2033",
            "forecast_end_year": 2031,
            "stated": {"2031": 9.33},
        },
        "size_table": {**SEED_ARGS, "from_year": 2025, "to_year": 2031},
        "lookup_fact": {"name": "largest region"},
        "search_passages": {"query": "oncology", "k": 2},
    }
    for name, args in calls.items():
        assert specs[name].run(args) == call(tools[name], dict(args)).artifact, name


def test_lookup_fact_is_bound_to_the_default_report(
    tools: dict[str, StructuredTool], sources: tuple[SheetSource, WordOverlapSearcher]
) -> None:
    facts, _ = sources
    found = call(tools["lookup_fact"], {"name": "largest region"}).artifact
    assert found.found and found.summary == "North America" and found.report_id == SEED_ID
    missing = call(tools["lookup_fact"], {"name": "cagr", "report_id": "empty-report"}).artifact
    assert not missing.found and missing.report_id == "empty-report"
    assert facts.calls == [SEED_ID, "empty-report"]


def test_search_is_bound_to_the_default_report(
    tools: dict[str, StructuredTool], sources: tuple[SheetSource, WordOverlapSearcher], seed_text: str
) -> None:
    _, searcher = sources
    result = call(tools["search_passages"], {"query": "fastest growing segment oncology", "k": 2}).artifact
    assert len(result.passages) == 2 and searcher.calls == [("fastest growing segment oncology", 2, SEED_ID)]
    assert all(seed_text[p.start : p.end] == p.text for p in result.passages)


def test_async_invoke_behaves_the_same(tools: dict[str, StructuredTool]) -> None:
    ok = asyncio.run(tools["doubling_time"].ainvoke({"cagr_percent": 5.65}))
    assert json.loads(ok)["years"] == 12.61
    assert "must be positive" in asyncio.run(tools["doubling_time"].ainvoke({"cagr_percent": -1}))


def test_a_bug_in_a_source_is_not_swallowed(seed_text: str) -> None:
    class BrokenSource:
        def fact_sheet(self, report_id: str | None) -> Mapping[str, Any]:
            raise RuntimeError("index exploded")

    tool = {t.name: t for t in build_tools(BrokenSource(), WordOverlapSearcher(seed_text))}["lookup_fact"]
    with pytest.raises(RuntimeError, match="index exploded"):
        tool.invoke({"name": "cagr"})
