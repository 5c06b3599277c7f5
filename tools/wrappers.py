"""LangChain wrappers: each tool's spec as a ``StructuredTool`` a chat model can be bound to.

The tool's content is its result as JSON (what the model reads); its artifact is the result model
itself, so a tool loop can record the computation without re-parsing text. A refusal becomes a
``ToolException``, which ``handle_tool_error=True`` hands back as the message; arguments that do not
fit the schema are described field by field, as ``ToolSpec.run`` describes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from tools.facts import FactSource
from tools.search import PassageSearcher
from tools.specs import ToolRefusedError, ToolSpec, forecast_specs, report_specs, validation_message

if TYPE_CHECKING:
    from langchain_core.tools import StructuredTool


def make_tool(spec: ToolSpec) -> StructuredTool:
    """``spec`` as a LangChain tool."""
    # Imported on use: LangChain (with langsmith) is a large part of a cold start, and the offline
    # planner runs its calls through the specs without it.
    from langchain_core.tools import StructuredTool, ToolException

    def run(**kwargs: Any) -> tuple[str, BaseModel]:
        try:
            result = spec.call(**kwargs)
        except ToolRefusedError as refusal:
            raise ToolException(str(refusal)) from refusal
        return result.model_dump_json(), result

    return StructuredTool.from_function(
        func=run,
        name=spec.name,
        description=spec.description,
        args_schema=spec.args_schema,
        infer_schema=False,
        response_format="content_and_artifact",
        handle_tool_error=True,
        handle_validation_error=lambda error: validation_message(spec.name, error),
    )


def forecast_tools() -> list[StructuredTool]:
    """The arithmetic tools as LangChain tools."""
    return [make_tool(spec) for spec in forecast_specs()]


def build_tools(
    facts: FactSource, searcher: PassageSearcher, report_id: str | None = None
) -> list[StructuredTool]:
    """Every tool as a LangChain tool, in TOOL_NAMES order (see ``tools.specs.report_specs``)."""
    return [make_tool(spec) for spec in report_specs(facts, searcher, report_id)]
