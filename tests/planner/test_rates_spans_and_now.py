"""A rate the question gives to a sum or a doubling time (the report's own, or the user's labelled as
theirs), "now" as the report's base year, a span opened with "that year" in a clause of its own, and
the source of a gap between two earlier answers, and a share the user supposes in words ("say europe
is half of that"); and questions as analysts type them (a hedge after the ask, "in a nutshell", "minus",
"give it in m", a currency asked alone, a change from the year a premise named)."""

from __future__ import annotations

from test_questions import converse


def test_a_sum_at_the_reports_own_rate_is_a_sum_not_a_what_if(ask):
    answer = ask("cumulative mkt revenue 2026 thru 2030 if the 6% holds — sum of the yrs")
    assert answer.status == "answered", answer.text
    assert "total" in answer.text and "assumption" not in answer.text, answer.text
    assert any(c.tool == "cumulative_size" for c in answer.computations), answer.computations


def test_a_doubling_time_at_the_users_rate_is_labelled_theirs(ask):
    answer = ask("at 8% how many yrs to double")
    assert answer.status == "answered", answer.text
    assert "9.01 years" in answer.text and "your assumption" in answer.text, answer.text
    assert "6%" in answer.text, answer.text  # the report's own rate beside it


def test_a_sum_at_the_users_rate_is_labelled_theirs(ask):
    answer = ask("cumulative revenue 2026-2028 at 7%")
    assert answer.status == "answered", answer.text
    assert "your assumption" in answer.text, answer.text
    computed = next(c for c in answer.computations if c.tool == "cumulative_size")
    assert computed.inputs["cagr_percent"] == 7.0, computed.inputs


def test_now_is_the_base_year_beside_a_later_year(ask):
    answer = ask("market size now and in 2030?")
    assert answer.status == "answered", answer.text
    assert "3.20" in answer.text and "4.54" in answer.text, answer.text


def test_a_span_opened_with_that_year_in_a_clause_of_its_own(ask):
    answer = converse(ask, "2027 est?", "and between that year and 2030, how much growth in $")
    assert answer.status == "answered", answer.text
    assert "From 2027 to 2030" in answer.text, answer.text


def test_the_source_of_a_gap_between_two_earlier_answers(ask):
    answer = converse(ask, "market size now?", "and 2030?", "gap between those two yrs in $?", "source?")
    assert answer.status == "answered", answer.text
    assert len(answer.citations) >= 2, answer.text
    assert "3.20" in answer.text and "4.54" in answer.text, answer.text


def test_a_share_the_user_supposes_in_words(ask):
    answer = converse(ask, "2030 size?", "say europe is half of that, what's that in dollars")
    assert answer.status == "answered", answer.text
    assert "2.27" in answer.text and "your assumption" in answer.text, answer.text
    answer = converse(
        ask,
        "2030 size?",
        "say europe is half of that, what's that in dollars",
        "same half of the 2024 number?",
    )
    assert "1.60" in answer.text and "your assumption" in answer.text, answer.text


def test_asked_as_analysts_type(ask):
    answer = ask("2030 number? dont think its given directly")
    assert "4.54" in answer.text, answer.text
    answer = ask("drivers in a nutshell")
    assert "emission caps" in answer.text, answer.text
    answer = ask("2030 minus 2027, give it in m")
    assert answer.status == "answered" and "million" in answer.text and "From 2027 to 2030" in answer.text, (
        answer.text
    )
    answer = ask("what kinda qs can i throw at u")
    assert answer.status == "answered" and not answer.citations, answer.text


def test_a_currency_asked_alone_after_a_figure(ask):
    answer = converse(ask, "2027 size?", "and in yen?")
    assert answer.status == "unanswerable" and "JPY" in answer.text, answer.text


def test_a_change_from_a_year_the_premise_named(ask):
    answer = ask("2030 is 4.9bn right? so what's the gain vs 2024")
    assert "4.54" in answer.text and "From 2024 to 2030" in answer.text, answer.text


def test_a_bare_size_after_a_first_year_above_and_a_gain_up_to_that_year(ask):
    answer = converse(ask, "first year mkt tops 3.8bn", "what about 4.2?")
    assert "USD 4.20 billion in 2029" in answer.text, answer.text
    answer = converse(
        ask, "first year mkt tops 3.8bn", "what about 4.2?", "avg yearly gain from 2024 up to that yr"
    )
    assert "From 2024 to 2029" in answer.text and "a year" in answer.text, answer.text
