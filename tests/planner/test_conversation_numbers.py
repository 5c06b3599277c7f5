"""Follow-ups about figures, as users type them: 'that year' after a year was found, 'at that rate'
after a what-if, a what-if rate applied to 'when would it pass X', one more year after a comparison,
'where does it say the 2030 number', and 'what growth rate would it take'. On the harbour crane page
(USD 3.20 billion in 2024, 6.00 % CAGR 2025-2030, USD 4.54 billion in 2030)."""

from __future__ import annotations

import pytest
from test_questions import converse


def test_that_year_is_the_year_just_found(ask):
    answer = converse(ask, "when does the mkt pass 4bn", "how much would it be in that year")
    assert "2028" in answer.text and "4.04" in answer.text, answer.text


def test_a_what_if_rate_applies_to_when_it_passes_a_size(ask):
    answer = ask("what if growth was 8% instead, when would it cross 4bn then")
    assert "2027" in answer.text and "8%" in answer.text and "your assumption" in answer.text, answer.text


def test_at_that_rate_is_the_rate_just_assumed(ask):
    answer = converse(ask, "what if it grew 8% a year, when would it pass 4bn?", "and 2030 at that rate?")
    assert "5.08" in answer.text and "your assumption" in answer.text, answer.text


def test_one_more_year_after_a_comparison_is_that_years_size(ask):
    answer = converse(ask, "size in 2027?", "whats the % growth between 2026 and 2027", "ok and 2029?")
    assert "4.28" in answer.text, answer.text


def test_where_it_says_a_years_number(ask):
    asked = ("market size 2024", "and in 2030?", "whats the increase between those two years")
    answer = converse(ask, *asked, "where does it say the 2030 number")
    assert "USD 4.54 Billion" in answer.text and answer.citations, answer.text


def test_growth_rate_it_would_take_to_hit_a_target(ask):
    answer = ask("my boss wants to know what growth rate it would take to hit 5bn by 2030")
    assert "7.72%" in answer.text, answer.text  # (5 / 3.20) ** (1 / 6) - 1


def test_the_source_of_a_figure_the_user_names(ask):
    answer = ask("who's the source for the 41% stat")
    assert answer.status == "answered" and "Port Equipment Council" in answer.text, answer.text


def test_a_figure_the_report_never_states_has_no_source(ask):
    answer = ask("where does the 99% figure come from")
    assert answer.status == "unanswerable" and "99" not in answer.text, answer.text


def test_a_number_backing_up_the_challenges(ask):
    answer = converse(ask, "what are the main challenges", "any number backing that up?")
    assert "41%" in answer.text, answer.text


def test_why_is_it_growing_is_what_drives_it(ask):
    answer = converse(ask, "market size 2026", "why is it growing?")
    assert "emission caps" in answer.text, answer.text


def test_a_decline_quotes_the_nearest_sentence_about_the_subject(ask):
    answer = ask("what profit margin do terminals earn on a planned retrofit")
    assert answer.status == "unanswerable"
    assert (
        "The nearest the report comes: “" in answer.text and "postponed a planned retrofit" in answer.text
    ), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "can you project the market out to 2035?",
        "extrapolate to 2035 for me?",
        "if it keeps the same cagr what's 2035 look like",
    ],
)
def test_a_year_past_the_forecast_asked_as_users_type_it(ask, question):
    answer = ask(question)
    assert "6.07" in answer.text and "extrapolat" in answer.text, answer.text  # 3.20 x 1.06^11


def test_a_market_named_for_a_topic_the_report_discusses(ask):
    answer = ask("what's the grid connection market worth")
    assert answer.status == "unanswerable", answer.text  # a figure was asked, and the page gives none
    assert (
        "does not size a market for grid connection" in answer.text
        and "grid connection" in answer.text.split(":", 1)[1]
    )


def test_a_market_the_report_never_mentions_is_still_declined(ask):
    answer = ask("what's the submarine cable market worth")
    assert answer.status == "unanswerable" and "does not cover the submarine cable market" in answer.text


@pytest.mark.parametrize(
    "pointer", ["the retrofit one - got numbers?", "and where does the pec number come from"]
)
def test_a_point_of_the_last_list_named_by_its_words_or_initials(ask, pointer):
    answer = converse(ask, "what are the main challenges", pointer)
    assert "41%" in answer.text, answer.text


def test_a_question_that_opens_with_a_topic_named_as_a_market(ask):
    answer = ask("grid connection market - anything in here on that")
    assert answer.status == "answered" and "does not size a market for grid connection" in answer.text


def test_a_share_the_page_never_gives_for_a_named_region(ask):
    answer = ask("what % of the global market does europe hold")
    assert answer.status == "unanswerable" and "share" in answer.text, answer.text


def test_numbers_asked_of_a_named_section(ask):
    answer = ask("any hard numbers on terminals in the challenges bit?")
    assert "41%" in answer.text, answer.text


def test_at_that_rate_when_does_it_pass_a_size(ask):
    answer = converse(ask, "what if it grew 8% a year", "at that rate when does it cross 4bn")
    assert "2027" in answer.text and "your assumption" in answer.text, answer.text


def test_how_does_that_compare_with_a_year(ask):
    answer = converse(ask, "when does the market pass 4bn", "how does that compare with 2026")
    assert "2026" in answer.text and "2028" in answer.text and "grows by" in answer.text, answer.text


def test_base_size_a_years_number_and_the_cagr_in_one_message(ask):
    answer = ask("quick q - base yr size, the 2030 number, and the cagr pls")
    assert "3.20" in answer.text and "4.54" in answer.text and "6%" in answer.text, answer.text


def test_add_up_the_yearly_values_through_a_year(ask):
    answer = ask("add up the annual market values 2026 thru 2028 - whats the cumulative total")
    assert "11.45" in answer.text, answer.text  # 3.5955 + 3.8112 + 4.0399


def test_a_year_before_the_base_asked_casually(ask):
    answer = ask("what wouldve it been back in 2022")
    assert "2.85" in answer.text, answer.text  # 3.20 / 1.06^2


def test_a_size_premise_before_an_em_dash(ask):
    first = ask("report has it hitting 5bn by 2030 — so whats the starting 2024 figure").text.split("\n\n")[0]
    assert "4.54" in first and "not" in first, first


def test_a_bare_size_beside_a_dated_growth(ask):
    answer = ask("size and growth in 2028")
    assert "4.04" in answer.text and "could not find" not in answer.text, answer.text


def test_how_much_more_than_the_reports_number_after_a_what_if(ask):
    answer = converse(
        ask, "what if it grew 8% a year from 2024 instead", "how much more is that than the report's number"
    )
    assert "0.54" in answer.text, answer.text  # 3.20 x 1.08^6 = 5.08 against the report's 4.54


def test_the_average_yearly_gain_keeps_three_decimals_under_one(ask):
    answer = ask("average yearly gain 2025 to 2027 in dollar terms")
    assert "0.21" in answer.text, answer.text  # (3.60 - 3.39) / 2 = 0.21


def test_a_stat_and_who_said_it_in_one_message(ask):
    answer = converse(ask, "what are the main challenges", "and the 41% stat, who said that")
    assert "Port Equipment Council" in answer.text, answer.text


def test_a_stat_named_by_a_word_outside_the_last_list(ask):
    answer = converse(ask, "what are the main drivers", "and the fuel costs stat")
    assert "40 percent" in answer.text, answer.text


def test_which_player_a_position_names(ask):
    answer = converse(ask, "who are the key players", "whats the 2nd one")
    assert answer.text.startswith("Quayline Engineering is the second"), answer.text


def test_over_what_period_a_stat_runs(ask):
    answer = converse(ask, "who's the source for the 41% stat", "which year was that")
    assert "2023" in answer.text, answer.text


def test_a_year_in_a_unit_amid_chatter(ask):
    answer = ask("can u do 2030 but in millions pls, finance wants it that way")
    assert "4,540" in answer.text, answer.text


def test_what_a_company_did_lately(ask):
    answer = converse(ask, "who are the key players", "did any of them do something notable lately")
    assert "Cablereel" in answer.text, answer.text


def test_where_it_lands_by_the_end_of_the_forecast(ask):
    answer = converse(ask, "size in 2024?", "and where's it expected to land by the end of the forecast?")
    assert "4.54" in answer.text, answer.text


def test_a_year_at_the_reports_own_rate(ask):
    answer = ask("at the report's cagr what would the market be in 2027")
    assert "3.81" in answer.text, answer.text


def test_a_year_by_year_list_then_its_sum_and_one_of_its_years(ask):
    answer = converse(ask, "market size for each year from 2025 to 2030", "sum of those?")
    assert any(c.tool == "cumulative_size" for c in answer.computations), answer.text
    answer = converse(
        ask, "market size for each year from 2025 to 2030", "sum of those?", "and the 2nd one again?"
    )
    assert "2026" in answer.text and "3.60" in answer.text, answer.text


def test_a_year_before_the_list_is_not_back_cast(ask):
    answer = converse(
        ask, "market size for each year from 2025 to 2030", "what was it before 2024, like 2019?"
    )
    assert "back-cast" in answer.text and "USD 2.39" not in answer.text, answer.text


def test_a_change_then_as_a_share_of_the_earlier_year_is_its_percent(ask):
    answer = converse(
        ask, "market size 2024 and 2030?", "diff between those two?", "and as a share of the 2024 value?"
    )
    assert "41.87%" in answer.text, answer.text


def test_the_biggest_players_revenue_after_the_players_is_not_given(ask):
    answer = converse(ask, "how many key players are there", "what's the biggest one's revenue?")
    assert answer.status == "unanswerable" and "no market shares or revenues" in answer.text, answer.text
