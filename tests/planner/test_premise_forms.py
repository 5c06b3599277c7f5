"""False premises in the forms users type them: a wrong figure the report 'says', a figure put on the
wrong year, a forecast period it does not use, a leader asked 'why', a leader with a share, a deal
asked about as if it happened. The correction comes first. On the harbour crane page (Europe
largest, Retrofit Kits fastest, USD 3.20 billion in 2024 and 4.54 in 2030, 6.00 % CAGR 2025-2030)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "correction"),
    [
        ("report says 9% cagr overall right? so whats 2030", "6%"),
        ("the report puts 2029 at 4.54bn, so how big is the jump from 2024", "2030"),
        ("the forecast runs 2026-2031 per the report, so what's the value at the end of it", "2025-2030"),
        ("why is new cranes the fastest growing segment?", "Retrofit Kits"),
        ("asia pacific leads with 46% - what's its growth rate?", "Europe"),
        ("how much did Quayline Engineering pay to acquire Cablereel Works?", "no such acquisition"),
    ],
)
def test_the_correction_comes_first(ask, question, correction):
    answer = ask(question)
    assert correction in answer.text, answer.text
    first_paragraph = answer.text.split("\n\n")[0]
    assert correction in first_paragraph and "not" in first_paragraph, answer.text


def test_a_deal_that_happened_is_not_contradicted(ask):
    answer = ask("how much did Portvolt Systems pay to acquire Cablereel Works?")
    assert "no such acquisition" not in answer.text, answer.text


def test_a_wrong_leader_is_corrected_with_the_pages_figures():
    # on a page whose regions carry shares, the correction shows both
    from asking import asker

    from assistant.parsing.parse import parse_text

    page = (
        "Pond Aerator Market Report\n\nThe pond aerator market was valued at USD 800.0 million in 2024 and is "
        "expected to grow at a CAGR of 6.0% from 2025 to 2030.\n\nRegional Analysis\n\nEurope led with 41.2% of "
        "revenue in 2024. Asia Pacific held 22.8% and is projected to post a 9.1% CAGR to 2030.\n\n"
        "Competitive Landscape\n\nAquaflow GmbH was the market leader in 2024 with an estimated 12.0% share. "
        "Other key players include Aquaflow GmbH, Bubblewise Inc. and Pondline Ltd.\n"
    )
    ask = asker(parse_text(page, "pond-aerator-market.txt", "pond-aerator-market"))
    first = ask("since asia pacific is the biggest region, what share does it have").text.split("\n\n")[0]
    assert "Europe" in first and "41.2%" in first and "22.8%" in first, first
    leader = ask("who leads the pond aerator market & with what share")
    assert "Aquaflow GmbH was the market leader" in leader.text and "12.0%" in leader.text, leader.text


def test_the_rest_of_a_wrong_leader_premise_is_asked_of_the_real_leader(ask):
    answer = ask("given asia pacific is the largest region, what's driving asia pacific's lead")
    first, _, rest = answer.text.partition("\n\n")
    assert "Europe" in first, answer.text
    assert "Asia Pacific" not in rest, answer.text


def test_a_rate_premise_opened_with_so_with(ask):
    answer = ask("so with it growing at 9% a year what does that make 2030")
    assert "not say the CAGR is 9%" in answer.text.split("\n\n")[0], answer.text


def test_a_number_for_a_year_asked_by_the_markets_own_name(ask):
    answer = ask("need a 2035 number for harbour crane electrification for a deck")
    assert "6.07" in answer.text, answer.text


def test_the_rest_of_a_wrong_deal_is_asked_of_the_deal_the_report_records(ask):
    answer = ask(
        "quayline engineering bought cablereel works in march 2024 right? how many factories did that deal add"
    )
    first, _, rest = answer.text.partition("\n\n")
    assert "no such acquisition" in first, answer.text
    assert "3 factories" in rest, answer.text


@pytest.mark.parametrize(
    ("question", "correction"),
    [
        ("at the ~9% cagr they quote, what does 2030 come to", "6%"),
        ("new cranes being the fastest growing segment - what's driving that?", "Retrofit Kits"),
    ],
)
def test_premises_said_in_passing(ask, question, correction):
    first = ask(question).text.split("\n\n")[0]
    assert correction in first and "not" in first, first


def test_a_global_figure_after_a_wrong_regional_premise(ask):
    answer = ask("since asia pacific's the biggest region here, whats the global number for 2030")
    assert "4.54" in answer.text, answer.text


def test_a_size_premise_with_a_tag_or_a_peg_is_corrected(ask):
    answer = ask("they peg 2024 at about 3.5bn iirc, so what's 2030 look like")
    first = answer.text.split("\n\n")[0]
    assert "3.20 billion" in first and "not" in first, answer.text


def test_a_past_years_size_premise_is_checked_against_that_year():
    from asking import asker

    from assistant.parsing.parse import parse_text

    page = (
        "Pond Aerator Market Report\n\nThe pond aerator market was valued at USD 800.0 million in 2024 and is "
        "expected to grow at a CAGR of 6.0% from 2025 to 2030. Back in 2020 the market generated USD 610.0 "
        "million in revenue.\n"
    )
    ask = asker(parse_text(page, "pond-aerator-market.txt", "pond-aerator-market"))
    answer = ask("2020 was around 700m wasnt it? and where did it end up in 2024")
    first = answer.text.split("\n\n")[0]
    assert "610" in first and "2020" in first and "not" in first, answer.text
    assert "800" in answer.text


def test_a_fastest_premise_is_checked_within_the_subjects_own_dimension():
    from asking import asker

    from assistant.parsing.parse import parse_text

    page = (
        "Dock Insurance Software Market Report\n\nThe market was valued at USD 500.0 million in 2024 and is "
        "expected to grow at a CAGR of 8.0% from 2025 to 2030.\n\nBy line of business\n\n"
        "Marine cargo accounted for 52.0% of revenue in 2024. Hull held 30.0%, and liability took the remaining "
        "18.0%. Hull is expected to be the fastest-growing line, at a CAGR of 9.5%, as shippers insure larger "
        "vessels.\n\nBy insurer size\n\n"
        "Small insurers held 35.0% of revenue in 2024 and are expected to grow at a CAGR of 12.0%.\n"
    )
    ask = asker(parse_text(page, "dock-insurance-software-market.txt", "dock-insurance-software-market"))
    answer = ask("since liability is the fastest growing line, what share does it hold today?")
    first = answer.text.split("\n\n")[0]
    assert "Hull" in first and "Small insurers" not in first, answer.text
    assert "18" in answer.text
    history = [{"role": "user", "content": "breakdown by line of business?"}]
    history.append({"role": "assistant", "content": ask(history[0]["content"]).text})
    answer = ask("which one grows fastest and why", history)
    assert "Hull" in answer.text and "larger vessels" in answer.text, answer.text


def test_a_development_put_in_another_year_is_corrected_without_repeating_the_year(ask):
    answer = ask("quayline opened the rotterdam test yard back in 2022, what is it for")
    assert answer.text.startswith("The report gives another date"), answer.text
    assert "June 2024" in answer.text and "2022" not in answer.text, answer.text
    assert not answer.ungrounded_numbers, answer.ungrounded_numbers
