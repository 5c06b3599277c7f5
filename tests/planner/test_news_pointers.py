"""A page's recent developments walked through the way analysts point at them: by the month ('the
oct 2024 one'), by a country the page names elsewhere too ('the chile one'), by kind in shorthand
('the jv'), 'the one just before that', 'it' for the one just given, and several asks of the one
pointed at in one message. Developments numbered with bold dates, as markdown pages write them."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Kelp Biostimulant Market Report, 2024-2031

The global kelp biostimulant market was valued at USD 540 million in 2024 and is projected to grow at a
CAGR of 9.1% from 2025 to 2031.

## Regional Analysis

Europe held 36.0% of revenue in 2024. Chile and Peru supply most of the kelp harvested in South America.

## Key Players

- Algamar Nutrients
- Fjordgrow AS
- Brotes Verdes S.A.
- Keltica Agri

## Recent Developments

1. **January 2024:** Algamar Nutrients acquired Dutch start-up Zeewier Labs, adding 14 sales offices across Europe.
2. **March 2024:** Fjordgrow AS opened a 6,000-tonne extraction plant in Bergen, Norway, at a cost of USD 22 million.
3. **July 2024:** Algamar Nutrients and Keltica Agri formed a joint venture, SeaRoot, with a pilot plant in Cork, Ireland.
4. **September 2024:** Brotes Verdes S.A. opened a 900-tonne drying plant in Puerto Montt, Chile, to supply growers in Brazil and Argentina.
5. **October 2024:** Keltica Agri launched RootWave, a liquid biostimulant developed with Teagasc and first sold in France.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "kelp-biostimulant-market.md", "kelp-biostimulant-market"))


def test_the_oct_one_with_several_asks_is_that_development(ask):
    answer = converse(
        ask, "any recent moves by the players?", "the oct 2024 one, what's it called and who was the partner"
    )
    assert "RootWave" in answer.text and "Teagasc" in answer.text, answer.text
    assert "Puerto Montt" not in answer.text and "SeaRoot" not in answer.text


def test_where_they_first_sold_it_and_the_one_before(ask):
    history = ["any recent moves by the players?", "the oct 2024 one, what's it called"]
    answer = converse(ask, *history, "where'd they first sell it")
    assert "France" in answer.text and "Bergen" not in answer.text, answer.text
    answer = converse(ask, *history, "where'd they first sell it", "and the one just before that?")
    assert "Puerto Montt" in answer.text and "RootWave" not in answer.text, answer.text


def test_the_chile_one_is_the_development_in_chile(ask):
    answer = converse(ask, "recent developments?", "the chile one - where n how big")
    assert answer.status == "answered", answer.text
    assert "Puerto Montt" in answer.text and "900" in answer.text and "Bergen" not in answer.text, answer.text
    answer = converse(ask, "recent developments?", "the chile one - where n how big", "who's it supplying")
    assert "Brazil" in answer.text and "Bergen" not in answer.text, answer.text


def test_the_jv_is_the_joint_venture(ask):
    answer = converse(
        ask, "recent developments?", "ok and the jv - which companies and where's the pilot plant?"
    )
    assert "SeaRoot" in answer.text and "Cork" in answer.text, answer.text
    assert "Puerto Montt" not in answer.text


def test_bold_dated_development_quotes_keep_their_marks_whole(ask):
    answer = converse(ask, "recent developments?", "the chile one - where n how big")
    assert "September 2024:**" not in answer.text or "**September 2024:**" in answer.text, answer.text


def test_the_last_one_after_answers_about_one_development_is_the_lists_last(ask):
    history = ["recent developments?", "the 3rd one, where's the pilot plant", "when?"]
    answer = converse(ask, *history, "ok and the last one, who was it developed with")
    assert "Teagasc" in answer.text and "Cork" not in answer.text, answer.text


def test_a_development_asked_about_in_detail_is_quoted_whole(ask):
    answer = ask("fjordgrow's bergen plant - capacity and what did it cost?")
    assert "6,000-tonne" in answer.text and "USD 22 million" in answer.text, answer.text


def test_a_deal_price_of_named_companies_comes_from_their_news(ask):
    answer = ask("algamar/keltica jv - where's the pilot plant and what's it called")
    assert "SeaRoot" in answer.text and "Cork" in answer.text, answer.text


def test_how_much_time_asks_no_money(ask):
    answer = ask("how much time did keltica take to launch rootwave")
    assert "does not say what it cost" not in answer.text, answer.text


def test_which_listed_players_show_up_in_the_news(ask):
    answer = converse(
        ask,
        "who are the key players",
        "which of those listed cos actually show up in the recent developments",
    )
    assert "Fjordgrow AS" in answer.text and "Keltica Agri" in answer.text, answer.text
    assert "Brotes Verdes" in answer.text  # a key player of this page too
    answer = converse(
        ask,
        "who are the key players",
        "which of those listed cos actually show up in the recent developments",
        "what did they do and when",
    )
    assert "2024" in answer.text, answer.text


def test_news_of_companies_off_the_list_and_a_name_checked_against_it():
    from asking import asker

    from assistant.parsing.parse import parse_text

    page = PAGE.replace("- Brotes Verdes S.A.\n", "")
    ask = asker(parse_text(page, "kelp-biostimulant-market.md", "kelp-biostimulant-market"))
    answer = converse(
        ask, "who are the key players", "the other devs are from cos not on that list - who are they?"
    )
    assert "Brotes Verdes" in answer.text and "Fjordgrow AS" not in answer.text.split("\n")[0], answer.text
    answer = ask("is brotes verdes on the key players list?")
    assert answer.text.startswith("No:") and "Brotes Verdes" in answer.text, answer.text
    answer = ask("is fjordgrow among the key players?")
    assert answer.text.startswith("Yes:"), answer.text


def test_two_companies_each_with_their_month(ask):
    answer = ask("what'd fjordgrow do in march 24, and brotes verdes in september?")
    assert "Bergen" in answer.text and "Puerto Montt" in answer.text, answer.text


def test_a_detail_of_a_deal_given_to_the_wrong_buyer_is_asked_of_the_real_one(ask):
    answer = ask("how many sales offices did fjordgrow pick up when it bought zeewier labs")
    first, _, rest = answer.text.partition("\n\n")
    assert "Algamar Nutrients" in first and "not" in first, answer.text
    assert "14" in rest and "Bergen" not in rest, answer.text


def test_who_when_and_for_how_much_leaves_only_the_price_unanswered(ask):
    answer = ask("who did algamar acquire, when, and for how much")
    assert answer.status == "answered" and "Zeewier Labs" in answer.text, answer.text
    assert answer.unanswered_parts == ["what it cost"], answer.unanswered_parts
