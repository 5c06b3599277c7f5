"""Turn a pure tool function into a LangChain ``StructuredTool`` whose errors the model can read.

A bad argument becomes the tool's result text instead of an exception: ``ValueError`` (and
``LookupError``, e.g. an unknown report id) raised by the function becomes a ``ToolException``, which
``handle_tool_error=True`` hands back as the message; arguments that do not fit the schema (a word
where a year belongs) are described field by field by ``handle_validation_error``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, ValidationError


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


def make_tool(
    func: Callable[..., BaseModel], *, name: str, args_schema: type[BaseModel], description: str
) -> StructuredTool:
    """Wrap ``func`` (keyword arguments in, a pydantic result out) as a tool.

    The tool's content is the result as JSON (what the model reads); its artifact is the result
    model itself, so the agent loop can record the computation without re-parsing text.
    """

    def run(**kwargs: Any) -> tuple[str, BaseModel]:
        try:
            result = func(**kwargs)
        except (ValueError, LookupError) as exc:
            raise ToolException(f"{name}: {exc}") from exc
        return result.model_dump_json(), result

    return StructuredTool.from_function(
        func=run,
        name=name,
        description=description,
        args_schema=args_schema,
        infer_schema=False,
        response_format="content_and_artifact",
        handle_tool_error=True,
        handle_validation_error=lambda error: validation_message(name, error),
    )
