"""Details inside a passage, asked as users type: a figure inside a development ('how many depots
did the deal add'), what kind of company a name in the news is, a list the report introduces with
a colon, and whether the report is out yet. On a page in a layout of its own."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """Cold Storage Robotics Market Size, Share & Trends Analysis Report, 2025-2030

Marlowe Insight Partners

Report Overview

The cold storage robotics market was estimated at USD 2.40 billion in 2024 and is projected to grow
at a CAGR of 11.2% from 2025 to 2030. Cold storage robotics integrators are specialised contractors that
install and service automated shuttles and pickers in freezer warehouses. Warehouse operators hire
them chiefly because of labour shortages in sub-zero work and stricter food safety audits.

Key Companies

Frostline Automation, Polar Motion Systems and Kettering Robotics lead the market.

Recent Developments

- In June 2024, Polar Motion Systems acquired Glacia, a Norwegian maker of freezer-rated shuttle
robots used in seafood warehouses. The purchase added 14 depots across Scandinavia and Canada to its
service network. Polar Motion said the deal strengthens its aftermarket business.
- In January 2025, Frostline Automation opened a test centre in Rotterdam for robots that work at
minus 30 degrees Celsius.

Report Customisation

Marlowe Insight Partners tailors the study to each client. The following options can be added:

- Country-level forecasts for up to ten additional countries.
- Profiles of three more companies of the client's choice.

Report Status

This is a forthcoming report that has not been released yet; pre-orders receive the final edition.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "cold-storage-robotics-market.txt", "cold-storage-robotics-market"))


@pytest.mark.parametrize(
    "question",
    ["how many depots did the polar motion deal add", "how many depots did the glacia acquisition add?"],
)
def test_a_figure_inside_a_development(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "14 depots" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["what kind of company is glacia", "what type of firm is Glacia?", "who is glacia"]
)
def test_what_kind_of_company_a_name_in_the_news_is(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "Norwegian maker of freezer-rated shuttle" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["what customisation options r offered", "which options can be added to the study?"]
)
def test_a_list_the_report_introduces_with_a_colon(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "Country-level forecasts" in answer.text and "three more companies" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["is this report out yet or upcoming?", "has the report been released yet"]
)
def test_whether_the_report_is_out(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "not been released yet" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["how many robotics vendors operate worldwide?", "how many companies are there in the market"]
)
def test_a_count_of_companies_the_report_does_not_give_points_to_its_key_players(ask, question):
    answer = ask(question)
    assert "does not say how many" in answer.text and "Kettering Robotics" in answer.text, answer.text


def test_a_count_of_things_that_are_not_companies_is_not_read_as_one(ask):
    answer = ask("how many depots did the polar motion deal add")
    assert "does not say how many" not in answer.text and "14 depots" in answer.text


def test_a_detail_asked_in_another_form_of_the_reports_word(ask):
    first = ask("what did polar motion acquire?")
    history = [
        {"role": "user", "content": "what did polar motion acquire?"},
        {"role": "assistant", "content": first.text},
    ]
    answer = ask("what did it strengthen?", history)
    assert answer.status == "answered" and "aftermarket business" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "what do integrators do and why are warehouse operators hiring them",
        "why do warehouse operators hire integrators?",
    ],
)
def test_a_why_question_gets_the_reason_the_report_gives(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "labour shortages" in answer.text, answer.text


def test_what_something_does_is_the_sentence_that_says_what_it_is(ask):
    answer = ask("what do integrators do?")
    assert "specialised contractors" in answer.text, answer.text
    assert "forthcoming" not in answer.text


@pytest.mark.parametrize("question", ["who are key players", "who are major competitors?"])
def test_who_are_the_players_is_not_a_name_to_describe(ask, question):
    answer = ask(question)
    assert "Kettering Robotics" in answer.text, answer.text


def test_upcoming_developments_are_not_the_report_s_release(ask):
    answer = ask("any upcoming developments?")
    assert "not been released" not in answer.text, answer.text
