"""How far apart two years are, and the difference between two figures, asked as users type: with
years named, with the report's base year or forecast end named by words, and as follow-ups that
point at the figures or years the last answers gave. On pages in two layouts (snapshot bullets and a
press release), each figure computed by a tool.

Snapshot page: USD 2.10 billion in 2024, 6.1 % a year over 2025-2032, USD 3.38 billion in 2032.
Press release: USD 540.0 million in 2023, 7.7 % a year over 2024-2030, USD 907.6 million in 2030.
"""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text
from assistant.planner.scope import foreign_terms

SNAPSHOT = """Global Harbour Crane Retrofit Market: Size, Share and Forecast 2025-2032

Report Snapshot
- Market size in 2024: USD 2.10 billion
- Forecast for 2032: USD 3.38 billion
- CAGR (2025-2032): 6.1%
- Base year: 2024
- Largest region: Asia Pacific

Market Drivers
Ports are converting diesel cranes to electric drives to meet emission rules set by port authorities.

Key Players
Kranwerk Systems, Baylift Engineering and Quayside Motion are profiled in the report.
"""

PRESS_RELEASE = """Cold-Chain Drone Delivery Market to Reach USD 907.6 Million by 2030, Says Northgate Insights

LONDON, 14 May 2025 - The global cold-chain drone delivery market was valued at USD 540.0 million in
2023 and is projected to reach USD 907.6 million by 2030, growing at a CAGR of 7.7% from 2024 to 2030,
according to a new report by Northgate Insights.

Hospitals moving vaccines and blood products between sites drive most of the early demand, as
drones cut delivery times on congested urban routes.
"""


@pytest.fixture(scope="module")
def snapshot():
    return asker(parse_text(SNAPSHOT, "harbour-crane-retrofit-market.txt", "harbour-crane-retrofit-market"))


@pytest.fixture(scope="module")
def press_release():
    report = parse_text(
        PRESS_RELEASE, "cold-chain-drone-delivery-market.txt", "cold-chain-drone-delivery-market"
    )
    return asker(report)


def _conversation(ask, questions):
    history, answer = [], None
    for question in questions:
        answer = ask(question, history)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    return answer


def _tools(answer):
    return [c.tool for c in answer.computations]


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("how many years between 2026 and 2031?", "5 years"),
        ("number of years from 2030 back to 2027", "3 years"),
        ("how many yrs from the base year to the end of the forecast", "8 years"),
        ("how many years between the base year and 2029", "5 years"),
    ],
)
def test_the_years_between_two_years_are_counted_by_a_tool(snapshot, question, years):
    answer = snapshot(question)
    assert answer.status == "answered", answer.text
    assert years in answer.text and "compare_values" in _tools(answer), answer.text
    assert not answer.ungrounded_numbers


def test_the_base_year_counted_from_is_quoted_from_the_report(snapshot):
    answer = snapshot("how many years from the base year to the end of the forecast?")
    assert "2024" in answer.text and "2032" in answer.text
    assert any("2024" in c.quote for c in answer.citations), answer.citations


def test_years_between_the_years_the_last_answers_gave(snapshot):
    answer = _conversation(snapshot, ["when does it pass 2.5bn", "and 3bn?", "how many years between those"])
    assert answer.status == "answered" and "4 years" in answer.text, answer.text
    assert "2027" in answer.text and "2031" in answer.text


@pytest.mark.parametrize(
    ("question", "increase", "years"),
    [
        ("spread between the base year and the final forecast year", "USD 1.28 billion", ("2024", "2032")),
        ("gap between the base year value and the 2030 forecast", "USD 0.896 billion", ("2024", "2030")),
        (
            "difference between the 2030 figure and the end-year forecast?",
            "USD 0.384 billion",
            ("2030", "2032"),
        ),
    ],
)
def test_a_change_between_years_named_by_words(snapshot, question, increase, years):
    answer = snapshot(question)
    assert answer.status == "answered" and increase in answer.text, answer.text
    assert all(year in answer.text for year in years)
    assert "growth_between" in _tools(answer)


def test_the_difference_between_the_two_figures_just_given(snapshot):
    answer = _conversation(
        snapshot,
        ["what if it grew at 8%? 2032 value", "and at the report's own rate?", "difference between the two"],
    )
    assert answer.status == "answered" and "0.51" in answer.text, answer.text
    assert "3.89" in answer.text and "3.38" in answer.text
    assert "compare_values" in _tools(answer) and not answer.ungrounded_numbers


def test_a_press_release_page_counts_from_its_base_year(press_release):
    answer = press_release("how many years between the base year and 2030")
    assert answer.status == "answered" and "7 years" in answer.text, answer.text
    spread = press_release("whats the spread between the 2023 value and the end of the forecast")
    assert spread.status == "answered" and "USD 367.60 million" in spread.text, spread.text


@pytest.mark.parametrize(
    ("question", "tool"),
    [
        ("how many years until it doubles", "doubling_time"),
        ("how many years until it tops 3bn", "year_reaching"),
        ("how much will the market grow between 2026 and 2030", "growth_between"),
    ],
)
def test_other_how_many_years_questions_keep_their_tools(snapshot, question, tool):
    answer = snapshot(question)
    assert answer.status == "answered" and tool in _tools(answer), answer.text
    assert "compare_values" not in _tools(answer)


def test_the_market_named_in_the_plural_is_not_a_subject_of_the_prose():
    # 'heat pumps' of a 'Heat Pump' market: the market itself, not a prose subject that turns a
    # figure question into a passage search.
    report_words = frozenset({"harbour", "cranes", "crane", "retrofit", "diesel"})
    market_words = frozenset({"harbour", "crane", "retrofit"})
    assert foreign_terms("harbour cranes retrofit cagr 2025-2032", report_words, market_words) == []
    assert foreign_terms("diesel cranes cagr", report_words, market_words) == ["diesel"]
