"""Rankings and sums over a page's parts as analysts ask them: a dimension named with a word of the
market's own name ('service type' of a testing services market) beside another of the same head
word ('fuel type'); 'second biggest' and 'what's that in dollars' after a ranking; a part named by
the acronym it opens with; two shares added, asked in one message or over two answers."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Ballast Water Testing Services Market Report, 2024-2031

The global ballast water testing services market was valued at USD 2.40 billion in 2023 and is expected
to grow at a CAGR of 6.0% from 2024 to 2031.

## By Service Type

| Service type | Share, 2023 |
|---|---|
| Compliance sampling | 41.0% |
| Indicative analysis | 33.0% |
| Commissioning tests | 26.0% |

## By Fuel Type

| Fuel type | Share, 2023 |
|---|---|
| VLSFO-fuelled ships | 55.0% |
| LNG-fuelled ships | 30.0% |
| Methanol-fuelled ships | 15.0% |

## By Method

| Method | Share, 2023 |
|---|---|
| ATP bioluminescence | 48.0% |
| Flow cytometry | 31.0% |
| Culture-based counts | 21.0% |
"""


@pytest.fixture(scope="module")
def ask():
    return asker(
        parse_text(PAGE, "ballast-water-testing-services-market.md", "ballast-water-testing-services-market")
    )


def test_a_dimension_named_with_a_word_of_the_markets_name(ask):
    answer = ask("biggest service type?")
    assert "Compliance sampling" in answer.text and "41" in answer.text, answer.text
    assert "VLSFO" not in answer.text


def test_second_biggest_after_a_ranking_ranks_the_same_kind(ask):
    answer = converse(ask, "biggest service type?", "second biggest")
    assert "Indicative analysis" in answer.text and "33" in answer.text, answer.text


def test_whats_that_in_dollars_after_a_ranking_is_the_value_from_its_share(ask):
    answer = converse(ask, "biggest service type?", "second biggest", "what's that in dollars for 2023")
    assert answer.status == "answered", answer.text
    assert "0.792" in answer.text, answer.text  # 33% of USD 2.40 billion


def test_a_part_named_by_the_acronym_it_opens_with(ask):
    answer = ask("atp share?")
    assert "48" in answer.text and "ATP bioluminescence" in answer.text, answer.text


def test_two_shares_added_in_one_message(ask):
    answer = ask("atp + flow cytometry combined share?")
    assert "79%" in answer.text, answer.text
    assert answer.working, "the sum is worked by the tool"


def test_those_two_combined_after_two_shares(ask):
    answer = converse(ask, "biggest fuel type?", "and methanol-fuelled ships", "those two combined?")
    assert "70%" in answer.text, answer.text


COUNTRY_PAGE = """KILN LINING SERVICES MARKET TO REACH USD 3.10 BILLION BY 2032

DENVER, May 6, 2025 -- The global kiln lining services market was valued at USD 1.90 billion in 2024
and is expected to grow at a CAGR of 6.3% from 2025 to 2032, according to a new study published today by
Harlow Insight Partners.

REGIONAL OUTLOOK

North America accounted for 22.4% of revenue in 2024. The United States alone was valued at USD 360.0
million in 2024, reflecting the size of its cement and lime markets.

Asia Pacific captured the largest share, 46.2% of revenue in 2024. China generated about USD 0.52 billion
of lining revenue on its own.
"""


@pytest.fixture(scope="module")
def ask_countries():
    return asker(parse_text(COUNTRY_PAGE, "kiln-lining-services-market.txt", "kiln-lining-services-market"))


@pytest.mark.parametrize(
    ("question", "share"),
    [
        # 360.0 million of 22.4% x USD 1.90 billion = 425.6 million
        ("us as a share of north america?", "84.59%"),
        ("what fraction of north america is the us", "84.59%"),
        # 0.52 billion of 46.2% x USD 1.90 billion = 0.8778 billion
        ("china as a % of apac revenue", "59.2"),
    ],
)
def test_a_countrys_share_of_its_region_from_the_stated_figures(ask_countries, question, share):
    answer = ask_countries(question)
    assert answer.status == "answered", answer.text
    assert share in answer.text, answer.text
    assert answer.working, "the share of the region is worked by the tools"


def test_a_part_without_the_figure_asked_is_named_unanswered(ask):
    answer = ask("atp and culture-based growth rates?")
    assert answer.status == "unanswerable" or answer.unanswered_parts, answer.text


def test_one_of_two_shares_missing_is_an_unanswered_part(ask_countries):
    answer = ask_countries("north america and mexico shares?")
    assert "22.4%" in answer.text, answer.text
    assert answer.unanswered_parts == ["share of Mexico"], answer.unanswered_parts


def test_who_put_a_release_out_and_when(ask_countries):
    answer = ask_countries("who put this out and when?")
    assert "Harlow Insight Partners" in answer.text and "May 6, 2025" in answer.text, answer.text


def test_a_regions_missing_rate_against_the_markets_is_a_part_unanswered(ask_countries):
    answer = ask_countries("north america cagr vs the global one?")
    assert answer.status == "answered" and "6.3%" in answer.text, answer.text
    assert answer.unanswered_parts == ["growth rate of North America"], answer.unanswered_parts


def test_doubling_at_a_rate_typed_with_its_decimals(ask_countries):
    answer = ask_countries("how many years to double at 6.3%")
    assert "11.34" in answer.text or "11.3" in answer.text, answer.text


PLAYERS_PAGE = """# Bale Net Wrap Market Report

The global bale net wrap market was valued at USD 600 million in 2024.

## Competitive Landscape

| Company | Headquarters |
|---|---|
| Tamworth Nets Ltd. | United Kingdom |
| Hokuto Agri Films Co., Ltd. | Japan |
| Brandt Feldtechnik GmbH | Germany |
| Cardew & Finch plc | UK |
"""


def test_players_by_their_country_after_the_list():
    ask = asker(parse_text(PLAYERS_PAGE, "bale-net-wrap-market.md", "bale-net-wrap-market"))
    history = [{"role": "user", "content": "who are the key players"}]
    history.append({"role": "assistant", "content": ask(history[0]["content"]).text})
    answer = ask("which one is japanese", history)
    assert "Hokuto Agri Films" in answer.text and "Tamworth" not in answer.text.split(":", 1)[1], answer.text
    answer = ask("which ones are uk based", history)
    assert "Tamworth Nets" in answer.text and "Cardew & Finch" in answer.text, answer.text
    assert "Brandt" not in answer.text.split(":", 1)[1]
    answer = ask("any french firms among them", history)
    assert "does not place any" in answer.text, answer.text


def test_what_a_player_of_a_country_did_is_no_question_of_where_players_are():
    from assistant.planner.lookups import asks_players_from

    assert asks_players_from("which ones are uk based")
    assert not asks_players_from("what did the norwegian one launch in january?")
