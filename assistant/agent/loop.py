"""The tool-calling loop for a LangChain chat model (an LLM named in the settings, or one passed
in): the model asks for tools, the loop runs them through their specs and feeds the results back
until the model writes a final reply."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from assistant.agent.final import draft_from_records
from assistant.agent.toolcalls import ToolRecord, run_call
from assistant.domain.answer import FinalDraft
from assistant.errors import BackendError
from assistant.planner.calls import DRAFT_KEY
from tools.specs import ToolSpec
from tools.wrappers import make_tool

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


def run_tool_loop(
    model: BaseChatModel,
    specs: Sequence[ToolSpec],
    system: str,
    turns: Sequence[Mapping[str, str]],
    question: str,
    max_rounds: int,
) -> tuple[FinalDraft, list[ToolRecord]]:
    """Drive ``model`` until it answers without asking for a tool: its draft and the calls it made."""
    # Imported on use: LangChain (with langsmith) is a large part of a cold start, and the offline
    # planner, the default, answers without it.
    from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage

    messages: list[BaseMessage] = [SystemMessage(system)]
    for turn in turns:
        messages.append(
            HumanMessage(turn["content"]) if turn["role"] == "user" else AIMessage(turn["content"])
        )
    messages.append(HumanMessage(question))
    by_name = {spec.name: spec for spec in specs}
    bound = model.bind_tools([make_tool(spec) for spec in specs])
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
            carried = reply.additional_kwargs.get(DRAFT_KEY)
            if isinstance(carried, FinalDraft):  # the offline planner as a chat model
                return carried, records
            return draft_from_records(str(reply.content), records), records
        for call in reply.tool_calls:
            record = _run(by_name, call)
            records.append(record)
            status = "error" if record.error else "success"
            artifact = None if record.error else record.result
            messages.append(
                ToolMessage(record.content(), tool_call_id=record.call_id, status=status, artifact=artifact)
            )
    raise BackendError(f"no answer after {max_rounds} rounds of tool calls")


def _run(by_name: Mapping[str, ToolSpec], call: Mapping[str, Any]) -> ToolRecord:
    name = str(call["name"])
    return run_call(by_name, call.get("id") or f"call_{name}", name, call.get("args") or {})
