"""Conversations that lean on earlier answers the way analysts type them: 'the 2nd one' after a
segmentation of several lists, the annual rate behind a change between two years typed as 'by '31',
and a list of two trends walked through with 'more on the first one', 'what numbers do they give for
it' and 'what about the other one'."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Cold Plasma Wound Care Device Market Report, 2024-2031

## Market Overview

The global cold plasma wound care device market is valued at USD 410.0 million in 2024 and is projected
to reach USD 812.0 million in 2031, growing at a CAGR of 10.3% from 2025 to 2031.

## Market Segmentation

- By Device Type:
  - Handheld Applicators
  - Cabinet Systems
- By Wound Type:
  - Diabetic Foot Ulcers
  - Pressure Ulcers
  - Burns
- By End User:
  - Hospitals
  - Home Care

## Key Market Trends

- Home use is moving wound treatment out of the clinic. Nurses now visit fewer patients in person,
  and a survey by the Ostara Wound Institute found that 44% of treated patients used a device at home in 2024.
- Battery-powered applicators are replacing mains units. Ridgeway Health Analytics reports that 71% of
  devices sold in 2024 ran on rechargeable batteries.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(
        parse_text(PAGE, "cold-plasma-wound-care-device-market.md", "cold-plasma-wound-care-device-market")
    )


def test_the_second_one_after_a_segmentation_is_its_second_list(ask):
    answer = converse(ask, "how is this report segmented?", "list whats in the 2nd one")
    assert "Diabetic Foot Ulcers" in answer.text and "Burns" in answer.text, answer.text
    assert "Cabinet Systems" not in answer.text and "Home Care" not in answer.text


def test_the_annual_rate_behind_a_change_between_two_years(ask):
    answer = converse(
        ask,
        "what's the mkt worth in 2024",
        "and by '31?",
        "so whats the % jump between those two yrs",
        "what annual rate does that work out to",
    )
    assert "10.27%" in answer.text or "10.3%" in answer.text, answer.text
    assert "2024" in answer.text and "2031" in answer.text


def test_two_trends_walked_through_by_their_figures(ask):
    history = ["key trends?", "more on the first one", "what numbers do they give for it"]
    answer = converse(ask, *history)
    assert "44%" in answer.text and "71%" not in answer.text, answer.text
    answer = converse(ask, *history, "what about the other one")
    assert "71%" in answer.text and "Ridgeway" in answer.text, answer.text


def test_those_two_years_after_two_threshold_answers_are_the_years_they_gave(ask):
    history = ["when does the market first clear 500 million", "and 700m?"]
    answer = converse(ask, *history, "ratio of the sizes in those two years")
    # 2027 (USD 550.19 million) and 2030 (USD 738.31 million), at 10.3% from USD 410.0 million in 2024
    assert "2027" in answer.text and "2030" in answer.text, answer.text
    answer = converse(ask, *history, "ratio of the sizes in those two years", "and the sum of them?")
    assert "1,288.50" in answer.text, answer.text


def test_a_point_named_by_its_words_after_a_question_about_the_source(ask):
    history = ["key trends?", "data point for the first one?", "who ran that survey"]
    answer = converse(ask, *history, "and the battery one - what % run on batteries")
    assert "71%" in answer.text and "44%" not in answer.text, answer.text


def test_is_that_figure_about_x_quotes_the_sentence_stating_it(ask):
    history = ["key trends?", "data point for the first one?"]
    answer = converse(ask, *history, "is that 44% about hospitals specifically?")
    assert "44% of treated patients" in answer.text, answer.text


def test_a_point_named_as_a_thing_after_another_question(ask):
    history = ["key trends?", "how many patients used a device at home"]
    answer = converse(ask, *history, "ok and the battery thing, what's happening there")
    assert "rechargeable" in answer.text or "Battery-powered" in answer.text, answer.text
    assert "Ostara" not in answer.text


def test_published_where_and_when_after_a_quoted_survey_names_that_survey(ask):
    answer = converse(ask, "key trends?", "data point for the first one?", "published where and when")
    assert "Ostara Wound Institute" in answer.text, answer.text
