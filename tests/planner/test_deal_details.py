"""Details of a named company's deal, launch or partnership, asked as users type: what it paid,
how many outlets a deal reached, what a new product costs. The development that holds the figure
answers; a company's own revenue or share, which the page never gives, is still declined. And
follow-ups that lean on the last answer: 'the fastest growing one' after the largest region, 'at what
rate', 'for how much' and 'when' after a development picked by its place in a list."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Robotic Lawn Mower Market Outlook 2025-2032

*Published by Fenwick & Rowe Research, 4 March 2025*

The robotic lawn mower market stood at USD 2.10 billion in 2024 and is forecast to climb to
USD 4.02 billion by 2032, growing at a CAGR of 8.4% between 2025 and 2032.

## Regional view

Europe was the largest regional market in 2024 with a 46.2% share, as small suburban lawns and
high labour costs favour automation. Asia Pacific is set to be the fastest-growing region, with a CAGR
of 11.9% from 2025 to 2032, as new housing estates in China and Australia adopt connected garden tools.

## Competitive landscape

Leading vendors include Grassline Robotics, Tondo AB, Mowbright Inc. and Verdi Machines.

### Recent moves

- **September 2024** - Tondo AB agreed to buy Hedgehog Garden Tech, a Belgian maker of boundary-free
  navigation modules, for EUR 62 million. The deal gives Tondo a research centre in Ghent.
- **May 2024** - Mowbright Inc. launched the Mowbright Orbit, a wire-free mower for lawns up to
  3,000 square metres, priced at USD 1,299.
- **February 2024** - Grassline Robotics signed a distribution agreement with DIY chain Parkhurst,
  putting its mowers in 450 stores across the UK and Ireland.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "robotic-lawn-mower-market.md", "robotic-lawn-mower-market"))


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("how much did tondo pay for hedgehog", "EUR 62 million"),
        ("tondo hedgehog deal value?", "EUR 62 million"),
        ("what's the orbit's price", "USD 1,299"),
        ("how much does the mowbright orbit cost", "USD 1,299"),
        ("how many stores does the grassline parkhurst agreement cover", "450 stores"),
        ("grassline parkhurst - how many stores", "450 stores"),
    ],
)
def test_a_figure_of_a_companys_development(ask, question, figure):
    answer = ask(question)
    assert answer.status == "answered" and figure in answer.text, answer.text


@pytest.mark.parametrize("question", ["what's tondo's revenue?", "mowbright market share"])
def test_a_companys_own_figures_are_still_not_given(ask, question):
    answer = ask(question)
    assert answer.status == "unanswerable", answer.text
    assert "USD 1,299" not in answer.text and "62 million" not in answer.text


def test_the_fastest_growing_one_after_the_largest_region_is_a_region(ask):
    answer = converse(ask, "which region is biggest", "and the fastest growing one?")
    assert "Asia Pacific" in answer.text, answer.text


def test_at_what_rate_after_a_ranking_is_the_rate_of_what_it_ranked(ask):
    answer = converse(ask, "which region is biggest", "and the fastest growing one?", "at what rate")
    assert "11.9%" in answer.text and "8.4%" not in answer.text, answer.text


def test_for_how_much_and_when_after_a_development_picked_by_its_place(ask):
    asked = ("recent developments?", "what did the first one do")
    assert "EUR 62 million" in converse(ask, *asked, "for how much").text
    when = converse(ask, *asked, "when?")
    assert "September 2024" in when.text and "May 2024" not in when.text, when.text


def test_price_and_when_after_a_launch(ask):
    asked = ("recent developments?", "what did the second one launch")
    price = converse(ask, *asked, "price?")
    assert "USD 1,299" in price.text, price.text
    when = converse(ask, *asked, "price?", "when?")
    assert "May 2024" in when.text, when.text
