"""A market whose own name holds a word questions use ('Plant Growth Regulators': 'growth'), players
listed under a 'Companies Mentioned' heading, and 'who publishes ...' asked beside a word that
leans elsewhere ('forecast'). On a page in a layout of its own."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """Plant Growth Regulators Market Forecast 2025-2030
Halden Street Analytics (HSA) | Report code: HSA-AG-3310 | Base year: 2024

Summary
The plant growth regulators market was valued at USD 3.80 billion in 2024 and is forecast to grow at
a CAGR of 6.8% from 2025 to 2030. The U.S. plant growth regulators market was valued at USD 0.84
billion in 2024. Orchards are the heaviest users of thinning agents. According to the Orchard Growers
Council, 62% of apple orchards applied a thinning agent in 2024. The Crop Protection Manufacturers
Association reports that 41% of its members raised prices of growth regulators in 2024.

Companies Mentioned
Larchmont Chemicals, Bexley Agro Sciences, Tamsin Crop Biology.
Further company profiles are added in the full edition.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "plant-growth-regulators-market.txt", "plant-growth-regulators-market"))


@pytest.mark.parametrize(
    "question", ["us plant growth regulators market", "plant growth regulators market in the US?"]
)
def test_a_word_of_the_market_name_is_not_a_question_word(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "0.84" in answer.text, answer.text


def test_the_report_code_asked_beside_the_market_name(ask):
    answer = ask("plant growth regulators report code")
    assert "HSA-AG-3310" in answer.text, answer.text


@pytest.mark.parametrize("question", ["who are the companies mentioned?", "which organisations are covered"])
def test_players_under_a_companies_mentioned_heading(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "Tamsin Crop Biology" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["who publishes the plant growth regulators forecast", "who wrote this forecast?"]
)
def test_who_publishes_is_the_publisher_whatever_else_the_question_names(ask, question):
    answer = ask(question)
    assert "Halden Street Analytics" in answer.text, answer.text


def test_who_published_it_after_a_quoted_study_is_the_study(ask):
    question = "what percent of apple orchards applied a thinning agent?"
    first = ask(question)
    assert "62%" in first.text, first.text
    history = [{"role": "user", "content": question}, {"role": "assistant", "content": first.text}]
    answer = ask("who published it", history)
    assert "Orchard Growers" in answer.text and "Halden Street" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["source for the plant growth regulators forecast?", "what's the source of this report"]
)
def test_the_source_of_the_report_is_its_publisher(ask, question):
    answer = ask(question)
    assert "Halden Street Analytics" in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["plant growth regulators market 2024 per HSA", "market size 2024 according to HSA?"]
)
def test_a_figure_asked_per_the_publisher_s_initials(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "3.80 billion" in answer.text, answer.text


@pytest.mark.parametrize("question", ["cpma members stat", "what does the cpma say about its members"])
def test_an_acronym_spelt_out_lends_no_intent_its_words(ask, question):
    # 'Manufacturers' in the spelt-out name does not make this a question about the key players
    answer = ask(question)
    assert "41%" in answer.text and "Larchmont" not in answer.text, answer.text


def test_a_company_is_never_keyed_by_a_word_its_names_share_in_another_form():
    from assistant.planner.slots import distinctive_word

    # two names of one company share 'magnacore', 'building' and 'products': 'product' is shared too
    assert distinctive_word("Magnacore Building Products Inc.", {"magnacore", "building", "products"}) is None
