"""Numbers and names: the comparison of a generated answer with the report's own FAQ answer."""

from __future__ import annotations

import pytest

from assistant.domain.answer import Answer
from assistant.faq.compare import compare_answer, extract_quantities, quantities_agree
from assistant.faq.reference import fact_statement


def _one(text: str):
    (quantity,) = extract_quantities(text)
    return quantity


def test_extracts_kinds_and_decimals() -> None:
    found = extract_quantities("USD 6.71 Billion in 2025 at 5.65% over 2026-2031 [1], 560,000 studies")
    assert [(q.kind, q.value, q.decimals) for q in found] == [
        ("money", 6.71, 2),
        ("year", 2025, 0),
        ("percent", 5.65, 2),
        ("year", 2026, 0),
        ("year", 2031, 0),
        ("number", 560000, 0),
    ]
    assert found[0].scale == 1e9


def test_citation_markers_are_not_numbers() -> None:
    assert extract_quantities("North America leads [1] [2, 3].") == []


@pytest.mark.parametrize(
    ("report", "generated", "agree"),
    [
        ("USD 6.71 Billion", "USD 6.71 billion", True),
        ("USD 6.71 Billion", "USD 6.7 billion", True),  # within the generated answer's rounding
        ("USD 6.71 Billion", "USD 6,710 million", True),
        ("USD 6.71 Billion", "USD 6,700 million", False),
        ("USD 7.00 Billion", "USD 6.71 billion", False),
        ("USD 6.71 Billion", "USD 6.71 million", False),
        ("5.65%", "5.65 %", True),
        ("5.65%", "5.6 percent", True),
        ("5.65%", "5.75%", False),
        ("5.65%", "USD 5.65 billion", False),
        ("2026", "2026", True),
        ("2026", "2027", False),
    ],
)
def test_agreement_within_rounding(report: str, generated: str, agree: bool) -> None:
    assert quantities_agree(_one(report), _one(generated)) is agree


def _answer(text: str, status: str = "answered") -> Answer:
    return Answer(question="q", status=status, text=text)  # type: ignore[arg-type]


def test_seed_faq_answers_agree_with_themselves(seed_report) -> None:
    for pair in seed_report.faq:
        result = compare_answer(seed_report, pair.answer, _answer(pair.answer))
        assert result.agrees, (pair.answer, result.disagreements)
        assert result.agreements


def test_number_disagreement_names_both_values(seed_report) -> None:
    result = compare_answer(
        seed_report,
        "The market was estimated to be USD 7.00 Billion in 2025.",
        _answer("USD 6.71 billion in 2025 [1]."),
    )
    assert not result.agrees
    assert result.disagreements == [
        "money: the report's FAQ says USD 7.00 Billion, the generated answer says USD 6.71 billion"
    ]
    assert "year 2025 (generated: 2025)" in result.agreements


def test_region_must_be_named(seed_report) -> None:
    report_answer = next(p.answer for p in seed_report.faq if p.topic == "largest_region")
    assert compare_answer(seed_report, report_answer, _answer("North America leads [1].")).agrees
    wrong = compare_answer(seed_report, report_answer, _answer("Europe is the largest region [1]."))
    assert len(wrong.disagreements) == 1
    assert "North America" in wrong.disagreements[0] and "it names Europe" in wrong.disagreements[0]


def test_market_name_is_not_a_segment(seed_report) -> None:
    # 'Site Management' is a service segment and also part of the market's name.
    report_answer = (
        "Oncology segment is the fastest growing segment in the "
        "Global Clinical Trial Site Management Organization Market."
    )
    result = compare_answer(seed_report, report_answer, _answer("Oncology grows fastest [1]."))
    assert result.agrees, result.disagreements
    assert [a for a in result.agreements if "Oncology" in a]


def test_unanswered_generated_answer_disagrees(seed_report) -> None:
    pair = seed_report.faq[0]
    result = compare_answer(seed_report, pair.answer, _answer("The report does not say.", "unanswerable"))
    assert result.disagreements == [
        "the report's FAQ answers this question but the generated answer is unanswerable"
    ]


def test_fact_statements_keep_the_report_rounding(seed_report) -> None:
    assert fact_statement(seed_report, "market_size") == "USD 6.71 Billion in 2025"
    assert fact_statement(seed_report, "forecast_end") == "USD 9.33 Billion in 2031"
    assert fact_statement(seed_report, "cagr") == "5.65% over 2026-2031"
    assert fact_statement(seed_report, "largest_region") == "North America"
    assert fact_statement(seed_report, "key_players").startswith("WCG Clinical, Elligo Health Research")
    assert fact_statement(seed_report, "drivers") is None


def test_fact_sheet_disagreement_is_worded_as_the_report_stating(seed_report) -> None:
    stated = fact_statement(seed_report, "forecast_end")
    result = compare_answer(seed_report, stated, _answer("USD 9.1 billion by 2031 [1]."), "fact_sheet")
    assert result.disagreements == [
        "money: the report states USD 9.33 Billion, the generated answer says USD 9.1 billion"
    ]
    players = compare_answer(
        seed_report,
        fact_statement(seed_report, "key_players"),
        _answer("WCG Clinical and Clinixir [1]."),
        "fact_sheet",
    )
    assert any(
        d.startswith("company: the report names ClinChoice, the generated answer does not")
        for d in players.disagreements
    )
    assert len(players.disagreements) == 8
    assert "company WCG Clinical (named in both)" in players.agreements
