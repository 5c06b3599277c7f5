"""The offline planner: a deterministic LangChain chat model that needs no key.

It plays the part an LLM plays in the tool-calling loop. Its decisions live in a *script* (see
``assistant.planner.understanding``): a generator that yields batches of tool calls, receives their results, and
returns the final answer. The chat model is stateless, as LangChain expects: on every call it replays
the script from the start, feeding it the results already present in the conversation, and answers
with the next batch of tool calls or the final message.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict

from assistant.agent.loop import parse_tool_content


@dataclass(frozen=True)
class Call:
    """A tool call the script wants made."""

    name: str
    args: dict[str, Any]


@dataclass
class Result:
    """A tool's answer as the script sees it."""

    data: Any
    error: bool

    @property
    def message(self) -> str:
        return self.data if isinstance(self.data, str) else json.dumps(self.data)


@dataclass
class Final:
    """The script's answer: text, status, verbatim citations (from tool results) and a chart series."""

    text: str
    status: str = "answered"
    citations: list[dict[str, Any]] = field(default_factory=list)  # {quote, start, end, report_id?}
    series: list[dict[str, Any]] = field(default_factory=list)


Script = Generator[list[Call], list[Result], Final]
ScriptFactory = Callable[[str, list[dict[str, str]]], Script]

FINAL_KEY = "offline_final"


class OfflinePlanner(BaseChatModel):
    """Turns the conversation into tool calls and a grounded answer by replaying a script."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    script_factory: (
        Any  # ScriptFactory; typed loosely because pydantic cannot validate callables of generators
    )

    @property
    def _llm_type(self) -> str:
        return "offline-planner"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> OfflinePlanner:
        # The script names its tools itself; binding changes nothing.
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        question, history, rounds = _split(messages)
        script: Script = self.script_factory(question, history)
        reply = _replay(script, rounds)
        return ChatResult(generations=[ChatGeneration(message=reply)])


def _split(messages: list[BaseMessage]) -> tuple[str, list[dict[str, str]], list[list[Result]]]:
    """The current question, the earlier turns, and the tool results of this turn by round."""
    last_human = max(i for i, m in enumerate(messages) if isinstance(m, HumanMessage))
    history: list[dict[str, str]] = []
    for message in messages[:last_human]:
        if isinstance(message, HumanMessage):
            history.append({"role": "user", "content": str(message.content)})
        elif isinstance(message, AIMessage) and not message.tool_calls and message.content:
            history.append({"role": "assistant", "content": str(message.content)})
    rounds: list[list[Result]] = []
    for message in messages[last_human + 1 :]:
        if isinstance(message, AIMessage) and message.tool_calls:
            rounds.append([])
        elif isinstance(message, ToolMessage) and rounds:
            data, error = parse_tool_content(message.content)
            rounds[-1].append(Result(data, error))
    return str(messages[last_human].content), history, rounds


def _replay(script: Script, rounds: list[list[Result]]) -> AIMessage:
    try:
        calls = next(script)
        for results in rounds:
            calls = script.send(results)
    except StopIteration as stop:
        final: Final = stop.value
        return AIMessage(content=final.text, response_metadata={FINAL_KEY: asdict(final)})
    tool_calls = [
        {"name": call.name, "args": call.args, "id": f"call_{len(rounds)}_{i}", "type": "tool_call"}
        for i, call in enumerate(calls)
    ]
    return AIMessage(content="", tool_calls=tool_calls)
