"""Which messages are conversation acts (greeting, thanks, an acknowledgement, asking what the
assistant is or how to use it) and which are questions about the report, whatever their length."""

from __future__ import annotations

import pytest

from assistant.planner.acts import conversation_act


@pytest.mark.parametrize(
    ("message", "act"),
    [
        ("hello", "greeting"),
        ("good morning team", "greeting"),
        ("yo", "greeting"),
        ("thanks a lot, that's really helpful", "thanks"),
        ("cheers mate", "thanks"),
        ("lol nice one", "acknowledgement"),
        ("ok got it", "acknowledgement"),
        ("perfect, makes sense", "acknowledgement"),
        ("what can u do", "help"),
        ("?", "help"),
        ("who am i talking to, are you a bot or a person", "help"),
        ("are you a human?", "help"),
        ("hey before we start - how does this work, can i just type questions about the report?", "help"),
        ("what sort of stuff can I ask you about", "help"),
        ("how should I phrase my questions to get the best answers from you", "help"),
        ("what are you able to help me with today", "help"),
    ],
)
def test_conversation_acts(message: str, act: str) -> None:
    assert conversation_act(message) == act


@pytest.mark.parametrize(
    "message",
    [
        "thanks, and what is the cagr?",
        "hi, how big is the market in 2030",
        "ok so which region leads",
        "nice, and the key players?",
        "great - what did the first one announce",
        "can you tell me who the biggest vendor is",
        "what can you tell me about the oncology segment",
        "how does the report define the market",
        "ok and 2030?",
        "cool, why?",
        "what are the main restraints",
        "who are you citing for the 2031 figure",
        "ok what about europe",
        "cool and the us",
    ],
)
def test_questions_about_the_report_are_not_acts(message: str) -> None:
    assert conversation_act(message) is None


@pytest.mark.parametrize(
    ("message", "act"),
    [
        ("what kinda stuff can u help me with", "help"),
        ("ok thats all for today, cheers", "thanks"),
        ("haha ok youre quicker than our intern", "acknowledgement"),
    ],
)
def test_more_acts_as_users_type_them(message: str, act: str) -> None:
    assert conversation_act(message) == act


@pytest.mark.parametrize(
    ("message", "act"),
    [
        ("heyy, morning", "greeting"),
        ("lol ok who am i even talking to", "help"),
        ("brb grabbing coffee", "acknowledgement"),
    ],
)
def test_casual_openers(message: str, act: str) -> None:
    assert conversation_act(message) == act


def test_a_year_makes_a_question_whatever_it_opens_with() -> None:
    assert conversation_act("ok so somewhere in the middle, like 2029") is None


def test_a_greeting_with_chat_but_no_question_is_a_greeting():
    from assistant.planner.acts import conversation_act

    assert conversation_act("morning! u around? got a couple qs before my 10am") == "greeting"
    assert conversation_act("hi, what is the cagr?") is None
