"""The one tool-calling loop every surface uses, whatever the model: the offline planner or any
LangChain chat model. The model asks for tools; the loop runs them and feeds the results back
until the model writes a final reply."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.tools import BaseTool
from pydantic import BaseModel

from assistant.errors import BackendError

log = logging.getLogger(__name__)


@dataclass
class ToolRecord:
    """One tool call made during an answer, with its parsed result."""

    call_id: str
    name: str
    args: dict[str, Any]
    result: BaseModel | str  # the tool's typed result, or its readable refusal when `error`
    error: bool


@dataclass
class LoopResult:
    final: AIMessage
    records: list[ToolRecord]


def run_tool_loop(
    model: BaseChatModel, tools: Sequence[BaseTool], messages: list[BaseMessage], max_rounds: int
) -> LoopResult:
    """Drive ``model`` until it answers without asking for a tool."""
    by_name = {tool.name: tool for tool in tools}
    bound = model.bind_tools(tools)
    records: list[ToolRecord] = []
    for _ in range(max_rounds):
        try:
            reply = bound.invoke(messages)
        except Exception as exc:  # any provider failure becomes one error type the surfaces render
            raise BackendError(f"the chat model failed: {exc}") from exc
        if not isinstance(reply, AIMessage):
            raise BackendError(f"the chat model replied with {type(reply).__name__}, not a message")
        messages.append(reply)
        if not reply.tool_calls:
            return LoopResult(reply, records)
        for call in reply.tool_calls:
            record, message = _run_call(by_name, call)
            records.append(record)
            messages.append(message)
    raise BackendError(f"no answer after {max_rounds} rounds of tool calls")


def _run_call(by_name: dict[str, BaseTool], call: Any) -> tuple[ToolRecord, ToolMessage]:
    name = call["name"]
    call_id = call.get("id") or f"call_{name}"
    args = dict(call.get("args") or {})
    tool = by_name.get(name)
    if tool is None:
        text = f"There is no tool named {name!r}; available: {', '.join(sorted(by_name))}."
        return ToolRecord(call_id, name, args, text, True), ToolMessage(
            text, tool_call_id=call_id, status="error"
        )
    # Invoked with a whole tool call, a tool returns a ToolMessage carrying its typed artifact.
    message = tool.invoke({"name": name, "args": args, "id": call_id, "type": "tool_call"})
    if not isinstance(message, ToolMessage):
        message = ToolMessage(str(message), tool_call_id=call_id)
    artifact = message.artifact
    if message.status == "error" or not isinstance(artifact, BaseModel):
        log.info("tool %s refused %s: %s", name, args, message.content)
        return ToolRecord(call_id, name, args, str(message.content), True), message
    return ToolRecord(call_id, name, args, artifact, False), message
