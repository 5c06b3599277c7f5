"""Answer scripts on fakes: the real tool loop and real pure tools over a parsed report, no model."""

from __future__ import annotations

import re


def test_a_computed_year_shows_its_working_and_cites_both_figures(ask):
    answer = ask("How big will the market be in 2027?")
    assert answer.status == "answered"
    assert "USD 3.81 billion in 2027" in answer.text
    assert answer.working == ["3.2 x 1.06^3 = 3.81"]
    assert "1.06^3" not in answer.text  # the prose does not repeat the working
    assert [c.quote for c in answer.citations] == [
        "Market Size (2024): USD 3.20 Billion",
        "CAGR (2025-2030): 6.00%",
    ]


def test_a_stated_year_is_quoted_not_computed(ask):
    answer = ask("market size 2030?")
    assert "The report states USD 4.54 billion for 2030" in answer.text
    assert answer.working == []


def test_cagr_with_its_check(ask):
    answer = ask("what is the cagr")
    assert "6%" in answer.text and "2025-2030" in answer.text
    assert any("^(1/6)" in w for w in answer.working)


def test_key_players_are_listed_with_one_citation(ask):
    answer = ask("who are the key players?")
    assert "Portvolt Systems, Quayline Engineering, Harbourdrive AG" in answer.text
    assert len(answer.citations) == 1


def test_a_development_detail_quotes_the_sentence_with_the_figure(ask):
    answer = ask("how many factories did the Portvolt acquisition add?")
    assert "3 factories" in answer.text


def test_a_decline_cites_nothing_unrelated(ask):
    answer = ask("What's the weather in Paris tomorrow?")
    assert answer.status == "unanswerable"
    assert answer.citations == []


def test_every_number_is_grounded(ask):
    for question in ("size in 2029", "growth between 2025 and 2028", "when does it double"):
        answer = ask(question)
        assert answer.ungrounded_numbers == [], (question, answer.text)
        assert not re.search(r"\[number removed\]", answer.text)
