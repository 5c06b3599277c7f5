"""Questions as analysts type them, on a report in a key-value layout: several parts, derived maths,
false premises, follow-ups that point back, small talk, figures the report does not give.

Figures: USD 3.20 billion in 2024, 6.00 % a year over 2025-2030, USD 4.54 billion stated for 2030.
"""

from __future__ import annotations

import pytest


def turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    history = []
    for question, answer in pairs:
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    return history


def converse(ask, *questions: str):
    history: list[dict[str, str]] = []
    answer = None
    for question in questions:
        answer = ask(question, history)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    return answer


# -- several parts ------------------------------------------------------------------------------


def test_two_asks_in_one_message_are_both_answered(ask):
    answer = ask("what's the largest region and the fastest growing segment?")
    assert "Europe" in answer.text and "Retrofit Kits" in answer.text
    assert answer.status == "answered" and answer.unanswered_parts == []


def test_drivers_and_what_holds_it_back(ask):
    answer = ask("what drives the market and what holds it back?")
    assert "emission caps" in answer.text and "Grid connections" in answer.text


def test_a_list_and_a_development_of_one_of_them(ask):
    answer = ask("list the key players and tell me what one of them announced recently")
    assert "Portvolt Systems, Quayline Engineering, Harbourdrive AG" in answer.text
    assert "acquired Cablereel Works" in answer.text or "opened a test yard" in answer.text


def test_sizes_for_two_years_and_the_cagr(ask):
    answer = ask("size in 2026 and 2028, and the cagr")
    assert "USD 3.60 billion in 2026" in answer.text and "USD 4.04 billion in 2028" in answer.text
    assert "6%" in answer.text


def test_a_part_the_report_cannot_answer_is_named_and_the_rest_answered(ask):
    answer = ask("who are the key players and what is Portvolt's revenue?")
    assert answer.status == "answered"
    assert "Portvolt Systems, Quayline Engineering" in answer.text
    assert len(answer.unanswered_parts) == 1 and "revenue" in answer.unanswered_parts[0]


# -- derived maths ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("first year the market is above usd 4bn?", "2028"),
        ("when will it cross 4 billion", "2028"),
        ("how many times bigger is 2030 than 2024", "1.42"),
        ("ratio of 2030 to 2024 market size", "1.42"),
        ("total market size 2025-2027 combined", "10.80"),
        ("cumulative size from 2025 to 2027?", "10.80"),
        ("average annual increase between 2024 and 2030", "0.22"),
        ("what growth rate would it need to hit 6 billion by 2030", "11.05%"),
        ("what if it grew at 8% instead - size in 2030?", "5.08"),
        # the same asks in the shorthand people type
        ("1st yr it tops 4bn?", "2028"),
        ("how many x bigger is 2030 vs 2024", "1.42"),
        ("2030 is how many x the 2024 size?", "1.42"),
        ("is 2030 1.5x 2024?", "1.42"),
    ],
)
def test_derived_figures(ask, question, expected):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert expected in answer.text, answer.text
    assert answer.ungrounded_numbers == []
    assert "does not cover the" not in answer.text


def test_a_what_if_is_labelled_as_the_users_assumption_beside_the_reports_figure(ask):
    answer = ask("what if growth is 8% a year, how big in 2030?")
    assert "5.08" in answer.text and "4.54" in answer.text
    assert "assum" in answer.text.lower()


# -- false premises -----------------------------------------------------------------------------


def test_a_wrong_rate_in_the_question_is_corrected_first(ask):
    answer = ask("Since the CAGR is 9%, what will the market be in 2027?")
    assert answer.text.index("6%") < answer.text.index("3.81")
    assert "not 9%" in answer.text or "does not say 9%" in answer.text
    assert "3.81" in answer.text and "4.14" not in answer.text


def test_a_wrong_leader_in_the_question_is_corrected(ask):
    answer = ask("since asia pacific is the largest region, what drives it?")
    assert "Europe" in answer.text.split(".")[0] + answer.text.split(".")[1]


def test_a_deal_that_never_happened_is_contradicted(ask):
    answer = ask("Since Harbourdrive AG acquired Quayline Engineering, who leads now?")
    assert "does not" in answer.text.lower() and "acqui" in answer.text.lower()


# -- follow-ups that point back -----------------------------------------------------------------


def test_the_second_one_of_a_list(ask):
    answer = converse(ask, "who are the key players?", "what did the second one announce?")
    assert "Quayline Engineering opened a test yard" in answer.text


def test_when_after_a_development(ask):
    answer = converse(ask, "what did Portvolt acquire?", "when?")
    assert "March 2024" in answer.text


def test_the_change_between_the_two_years_just_discussed(ask):
    answer = converse(ask, "market size in 2026?", "and in 2029?", "and the change between them?")
    assert "2026" in answer.text and "2029" in answer.text and "0.687" in answer.text


def test_the_source_of_the_last_claim(ask):
    answer = converse(ask, "which region leads?", "what's the source for that claim?")
    assert answer.citations and "Largest Region: Europe" in [c.quote for c in answer.citations]
    assert answer.text != "Europe is the largest region of the market [1]."


def test_a_year_after_a_non_numeric_answer_asks_for_the_size(ask):
    answer = converse(ask, "which segment grows fastest?", "and in 2029?")
    assert "2029" in answer.text and "Retrofit Kits is the" not in answer.text


# -- small talk and what the report does not give ---------------------------------------------


@pytest.mark.parametrize(
    "message", ["hello", "hi there!", "thanks", "thank you!", "how do I use you?", "help"]
)
def test_small_talk_gets_a_friendly_reply_with_examples(ask, message):
    answer = ask(message)
    assert answer.status == "answered" and answer.citations == []
    assert "could not find" not in answer.text and "will not estimate" not in answer.text
    assert answer.text.count("?") >= 3


def test_another_currency_is_said_plainly(ask):
    answer = ask("market size in 2027 in EUR?")
    assert "EUR" in answer.text and "USD 3.81 billion" in answer.text
    assert "no" in answer.text.lower()


def test_which_firm_is_biggest_says_no_shares_are_given(ask):
    answer = ask("which firm is the biggest?")
    assert "share" in answer.text.lower() and "Portvolt Systems" in answer.text


@pytest.mark.parametrize(
    "question",
    ["break it down by type", "ratio between 2030 and 2025", "what's the cumulative market size 2025-2026"],
)
def test_question_words_are_not_read_as_another_market(ask, question):
    answer = ask(question)
    assert "does not cover the" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "say it grows 8% pa, whats 2030",
        "let's say growth of 8% per annum - 2030 size?",
        "imagine the cagr were 8%, what would 2030 look like",
        "ok so if we assume 8% p.a. where does it land in 2030",
    ],
)
def test_a_rate_put_as_a_supposition_is_a_what_if_not_a_false_premise(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "5.08" in answer.text and "4.54" in answer.text, answer.text
    assert "assum" in answer.text.lower()
    assert "does not say" not in answer.text


def test_a_stated_year_put_wrongly_in_a_with_clause_is_corrected(ask):
    answer = ask("with the 2030 forecast at 5bn, whats the cagr?")
    first = answer.text.split("\n")[0]
    assert "does not" in first and "4.54" in first and "USD 5 billion" in first, answer.text
    assert "6%" in answer.text


def test_a_company_said_to_have_the_largest_share_is_met_with_what_the_report_gives(ask):
    answer = ask("since portvolt has the biggest share, what is it exactly?")
    first = answer.text.split("\n")[0].lower()
    assert "share" in first and "region" not in first, answer.text
    assert "could not find" not in answer.text


def test_two_lists_set_against_each_other(ask):
    answer = ask("drivers vs challenges?")
    assert "emission caps" in answer.text and "Grid connections" in answer.text


@pytest.mark.parametrize("question", ["recent deals?", "any m&a lately?"])
def test_deals_are_the_reports_developments(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "Cablereel Works" in answer.text


def test_a_company_called_the_leader_is_corrected_and_the_question_still_answered(ask):
    answer = ask("since Portvolt Systems is the market leader, what did it acquire?")
    assert "no market shares" in answer.text and "Cablereel Works" in answer.text
    assert answer.text.index("no market shares") < answer.text.index("Cablereel Works")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("name the players & what the first one did recently", "acquired Cablereel Works"),
        ("who are the key players, and what did the second do?", "opened a test yard"),
    ],
)
def test_a_later_part_points_into_the_list_an_earlier_part_gives(ask, question, expected):
    answer = ask(question)
    assert "Portvolt Systems, Quayline Engineering, Harbourdrive AG" in answer.text
    assert expected in answer.text, answer.text


@pytest.mark.parametrize(
    ("follow_up", "expected", "not_expected"),
    [
        ("what did the first one add?", "3 factories", "test yard"),
        ("more on the last one", "test yard", "Cablereel"),
    ],
)
def test_an_item_of_a_list_of_developments_by_position(ask, follow_up, expected, not_expected):
    answer = converse(ask, "recent deals?", follow_up)
    assert expected in answer.text and not_expected not in answer.text, answer.text


def test_a_share_the_report_does_not_give_is_named_beside_the_size_it_does(ask):
    answer = ask("whats the 2030 size and retrofit kits' share of it")
    assert answer.status == "answered", answer.text
    assert "4.54" in answer.text
    assert len(answer.unanswered_parts) == 1 and "share" in answer.unanswered_parts[0]


@pytest.mark.parametrize(
    "question",
    [
        "if europe were 40% of the 2026 market how much would that be",
        "what would europe be worth in 2026 at a 40% share",
        "say europe's share is 40% - what's that in 2026?",
    ],
)
def test_a_share_the_user_supposes_is_computed_as_their_assumption(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "1.44" in answer.text and "3.60" in answer.text, answer.text  # 40 % of the 2026 size
    assert "your assumption" in answer.text


def test_a_figure_near_the_point_then_who_stated_it_and_when(ask):
    history = []
    expected = {
        "what holds the market back?": "Grid connections",
        "any stats on that?": "41%",
        "who published it": "Port Equipment Council",
        "what year": "2023",
    }
    for question, wanted in expected.items():
        answer = ask(question, history)
        assert answer.status == "answered" and wanted in answer.text, (question, answer.text)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    assert "Harbour" not in answer.text  # the survey's year, not the report's publisher or edition


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("fastest growing segment and its 2030 value?", "Retrofit Kits"),
        ("which region leads, and its share?", "Europe"),
    ],
)
def test_a_part_about_what_an_earlier_part_names_is_asked_of_that_name(ask, question, named):
    answer = ask(question)
    assert answer.status == "answered" and named in answer.text, answer.text
    assert len(answer.unanswered_parts) == 1, answer.unanswered_parts
    assert (
        f"gives no dollar value for {named}" in answer.text or f"no share figure for {named}" in answer.text
    )
