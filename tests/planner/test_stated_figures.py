"""Answers from a page's quantity table, on a press release in Markdown: several years stated,
regional and segment figures, a historical CAGR, the report's identity, words naming the source.

Figures: USD 4.10 bn (2023), USD 4.62 bn (2024), USD 12.40 bn (2032), CAGR 13.1 % (2024-2032),
historical CAGR 9.4 % (2019-2023); North America 38.6 % share (2024), Latin America 7.2 %,
Asia Pacific fastest at 15.8 %; heavy-lift USD 1.35 bn (2024); light parcel 52.4 %.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("market size 2023?", "USD 4.10 billion"),
        ("how big was the cargo drone logistics market in 2024", "USD 4.62 billion"),
        ("2032 forecast per HRA", "USD 12.40 billion"),
        ("according to Halden Ridge Analytics' 2025 edition, how big in 2032?", "USD 12.40 billion"),
    ],
)
def test_a_stated_year_is_quoted(ask_drone, question, expected):
    answer = ask_drone(question)
    assert expected in answer.text and "computed" not in answer.text, answer.text


def test_a_forecast_compounds_from_the_size_at_the_start_of_the_cagr(ask_drone):
    answer = ask_drone("what will the market be worth in 2026?")
    assert "USD 5.91 billion" in answer.text  # 4.62 x 1.131^2, not 4.10 x 1.131^3
    assert answer.working == ["4.62 x 1.131^2 = 5.91"]


def test_implied_cagr_between_two_stated_sizes(ask_drone):
    answer = ask_drone("implied cagr between 2023 and 2024")
    assert "12.68%" in answer.text  # 4.62 / 4.10 - 1


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what share did north america have?", "38.6%"),
        ("latin america share of revenue", "7.2%"),
        ("heavy-lift segment value in 2024", "USD 1.35 billion"),
        ("how fast is asia pacific growing", "15.8%"),
        ("historical cagr?", "9.4%"),
        ("cagr 2019-2023", "9.4%"),
    ],
)
def test_figures_the_page_states_for_a_scope(ask_drone, question, expected):
    answer = ask_drone(question)
    assert answer.status == "answered" and expected in answer.text, answer.text
    assert answer.citations and answer.ungrounded_numbers == []


def test_a_scope_the_page_gives_no_figure_for_is_declined_with_what_it_does_give(ask_drone):
    answer = ask_drone("europe market size 2024?")
    assert answer.status == "unanswerable"
    assert "USD 4.62 billion" in answer.text  # the whole market's figure for the year asked


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("fastest growing region?", "Asia Pacific"),
        ("which region leads", "North America"),
        ("fastest growing end use", "e-commerce"),
    ],
)
def test_rankings_come_from_the_table(ask_drone, question, expected):
    answer = ask_drone(question)
    assert expected in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("report code?", "HRA-LG-5521"),
        ("how many pages", "164"),
        ("who publishes it", "Halden Ridge Analytics (HRA)"),
        ("historical period covered", "2019-2023"),
    ],
)
def test_the_reports_identity(ask_drone, question, expected):
    answer = ask_drone(question)
    assert expected in answer.text and answer.citations, answer.text


def test_a_sentence_wrapped_across_lines_is_quoted_whole(ask_drone):
    answer = ask_drone("what did the report say about asia pacific's growth?")
    assert any("15.8%" in c.quote and "Asia Pacific" in c.quote for c in answer.citations), answer.citations
