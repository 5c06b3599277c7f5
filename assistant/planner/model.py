"""The offline planner as a LangChain chat model, for a LangChain tool loop.

Its decisions live in a *script* (see ``assistant.planner.calls``): a generator that yields batches
of tool calls, receives their typed results, and returns the final draft. The ``Assistant`` drives
the script directly; this adapter lets it play the part an LLM plays in a LangChain tool-calling
loop. The chat model is stateless, as LangChain expects: on every call it replays the script from
the start, feeding it the results already present in the conversation, and answers with the next
batch of tool calls or with the final message, which carries the typed ``FinalDraft``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import BaseModel, ConfigDict

from assistant.domain.answer import FinalDraft
from assistant.domain.report import Report
from assistant.planner.calls import DRAFT_KEY, Result, Script, Turn
from assistant.planner.classifier import IntentClassifier
from assistant.planner.factory import build_script_factory


class OfflinePlanner(BaseChatModel):
    """Turns the conversation into tool calls and a grounded answer by replaying a script."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    # Typed loosely: pydantic cannot validate a callable that returns a generator.
    script_factory: Any

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
        return ChatResult(generations=[ChatGeneration(message=_replay(script, rounds))])


def _result(message: ToolMessage) -> Result:
    artifact = message.artifact
    if message.status == "error" or not isinstance(artifact, BaseModel):
        return Result(None, str(message.content))
    return Result(artifact)


def _split(messages: list[BaseMessage]) -> tuple[str, list[Turn], list[list[Result]]]:
    """The current question, the earlier turns, and the tool results of this turn by round."""
    last_human = max(i for i, m in enumerate(messages) if isinstance(m, HumanMessage))
    history: list[Turn] = []
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
            rounds[-1].append(_result(message))
    return str(messages[last_human].content), history, rounds


def _replay(script: Script, rounds: list[list[Result]]) -> AIMessage:
    try:
        calls = next(script)
        for results in rounds:
            calls = script.send(results)
    except StopIteration as stop:
        final: FinalDraft = stop.value
        return AIMessage(content=final.text, additional_kwargs={DRAFT_KEY: final})
    tool_calls = [
        {"name": call.name, "args": call.arguments(), "id": f"call_{len(rounds)}_{i}", "type": "tool_call"}
        for i, call in enumerate(calls)
    ]
    return AIMessage(content="", tool_calls=tool_calls)


def build_planner(report: Report, classifier: IntentClassifier, search_k: int) -> OfflinePlanner:
    """An offline planner, as a chat model, that answers questions about ``report``."""
    return OfflinePlanner(script_factory=build_script_factory(report, classifier, search_k))
