"""The offline planner's turn: its script's tool calls are run round by round and their typed
results sent back, until the script returns its final draft. No chat model and no LangChain sit in
between: the script is the planner's decisions, and the calls go through the same tool specs an
LLM's calls go through."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.agent.toolcalls import ToolRecord, run_call
from assistant.domain.answer import FinalDraft
from assistant.errors import BackendError
from assistant.planner.calls import Result, Script
from tools.specs import ToolSpec


def run_script(
    script: Script, specs: Mapping[str, ToolSpec], max_rounds: int
) -> tuple[FinalDraft, list[ToolRecord]]:
    """The script's final draft and every call it made; at most ``max_rounds`` model turns, counted as
    the tool loop counts a chat model's replies (the final one included)."""
    records: list[ToolRecord] = []
    try:
        calls = next(script)
        for round_number in range(max_rounds - 1):
            made = [
                run_call(specs, f"call_{round_number}_{i}", call.name, call.arguments())
                for i, call in enumerate(calls)
            ]
            records.extend(made)
            calls = script.send([_result(record) for record in made])
    except StopIteration as stop:
        final: FinalDraft = stop.value
        return final, records
    raise BackendError(f"no answer after {max_rounds} rounds of tool calls")


def _result(record: ToolRecord) -> Result:
    if record.error or isinstance(record.result, str):
        return Result(None, str(record.result))
    return Result(record.result)
