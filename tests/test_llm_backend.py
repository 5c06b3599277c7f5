"""The LLM path: a scripted LangChain fake chat model drives the same tool loop as a real provider would."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.agent.assistant import Assistant
from assistant.errors import BackendError, ConfigError
from assistant.settings import Settings


class ScriptedToolModel(GenericFakeChatModel):
    """Replies with the scripted messages in order; tool binding is a no-op as the script names tools."""

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedToolModel:  # type: ignore[override]
        return self


def call(name: str, args: dict[str, Any], n: int) -> dict[str, Any]:
    return {"name": name, "args": args, "id": f"call_{n}", "type": "tool_call"}


SIZE_ARGS = {
    "base_value": 6.71,
    "base_year": 2025,
    "cagr_percent": 5.65,
    "year": 2029,
    "forecast_end_year": 2031,
}


def scripted(*messages: AIMessage) -> ScriptedToolModel:
    return ScriptedToolModel(messages=iter(messages))


def test_llm_answer_with_tools_is_grounded_and_cited(ingested_settings, seed_text):
    model = scripted(
        AIMessage(
            "",
            tool_calls=[
                call("lookup_fact", {"name": "market_size"}, 1),
                call("lookup_fact", {"name": "cagr"}, 2),
            ],
        ),
        AIMessage("", tool_calls=[call("market_size_in_year", SIZE_ARGS, 3)]),
        AIMessage("The market is projected at USD 8.36 billion in 2029 (6.71 x 1.0565^4)."),
    )
    answer = Assistant(ingested_settings, model=model).ask("How big will the market be in 2029?")
    assert answer.status == "answered"
    assert "8.36" in answer.text and not answer.ungrounded_numbers
    assert [c.tool for c in answer.computations] == ["market_size_in_year"]
    assert answer.computations[0].output["value"] == 8.36
    quotes = [c.quote for c in answer.citations]
    assert any(q.endswith("USD 6.71 Billion") for q in quotes) and any(q.endswith("5.65%") for q in quotes)
    for citation in answer.citations:
        assert seed_text[citation.start : citation.end] == citation.quote
    assert answer.backend != "offline"


def test_guard_removes_a_number_no_tool_produced(ingested_settings):
    model = scripted(
        AIMessage("", tool_calls=[call("market_size_in_year", SIZE_ARGS, 1)]),
        AIMessage("It will be USD 8.36 billion in 2029 and USD 12.75 billion by 2035."),
    )
    answer = Assistant(ingested_settings, model=model).ask("How big will the market be in 2029 and 2035?")
    assert "12.75" in answer.ungrounded_numbers and "2035" in answer.ungrounded_numbers
    assert "12.75" not in answer.text and "8.36" in answer.text
    assert "removed" in answer.text


def test_model_reads_tool_errors_and_recovers(ingested_settings):
    model = scripted(
        AIMessage("", tool_calls=[call("market_size_in_year", {**SIZE_ARGS, "year": 99999}, 1)]),
        AIMessage("", tool_calls=[call("market_size_in_year", SIZE_ARGS, 2)]),
        AIMessage("USD 8.36 billion in 2029."),
    )
    answer = Assistant(ingested_settings, model=model).ask("market size in 2029")
    assert answer.status == "answered" and not answer.ungrounded_numbers
    assert len(answer.computations) == 1  # the refused call is no computation


def test_unanswerable_mark_sets_the_status(ingested_settings):
    model = scripted(
        AIMessage("", tool_calls=[call("search_passages", {"query": "WCG revenue"}, 1)]),
        AIMessage("NOT IN REPORT: the report gives no revenue for WCG Clinical."),
    )
    answer = Assistant(ingested_settings, model=model).ask("What is WCG's revenue?")
    assert answer.status == "unanswerable"
    assert answer.text.startswith("the report gives no revenue")


def test_a_model_that_never_stops_calling_tools_is_an_error(ingested_settings):
    looping = [
        AIMessage("", tool_calls=[call("doubling_time", {"cagr_percent": 5.65}, n)]) for n in range(50)
    ]
    with pytest.raises(BackendError, match="rounds"):
        Assistant(ingested_settings, model=scripted(*looping)).ask("when does it double?")


def test_bad_model_setting_is_a_config_error(ingested_settings):
    settings = ingested_settings.model_copy(update={"model": "no-colon-here"})
    with pytest.raises(ConfigError, match="provider:model"):
        Assistant(settings)


def test_unknown_provider_is_a_config_error(ingested_settings):
    settings = ingested_settings.model_copy(update={"model": "nosuchprovider:some-model"})
    with pytest.raises(ConfigError, match="nosuchprovider"):
        Assistant(settings)


def test_settings_choose_the_offline_planner_by_default(tmp_path):
    assert Settings(data_dir=tmp_path).model == "offline"
