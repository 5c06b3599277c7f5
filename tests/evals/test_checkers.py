"""Checkers: unit conversion, tolerance edges, terms, abstention, grounding recompute."""

from __future__ import annotations

import pytest

from assistant.domain.answer import Answer, Citation, Computation
from evals.checkers import (
    check_abstention,
    check_answer,
    check_forbidden_numbers,
    check_numbers,
    check_status,
    check_terms,
    has_term,
    matches,
    quantities,
    ungrounded_numbers,
    validate_gold,
)

B836 = {"value": 8.36, "unit": "billion", "tolerance": 0.01}


def answer(text: str, status: str = "answered", **extra: object) -> Answer:
    return Answer(question="q", status=status, text=text, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "USD 8.36 billion",
        "US$8.36bn",
        "$8.36 B in 2029",
        "8,360 million",
        "USD 8,359.89 Million",
        "8360 mn",
        "0.00836 trillion",
        "8,360,000 thousand",
    ],
)
def test_amounts_convert_between_scales(text: str) -> None:
    assert check_numbers(text, [B836]).passed, text


@pytest.mark.parametrize("text", ["8.36", "8.36%", "836 million", "8.36 years", "2029"])
def test_amount_needs_a_money_scale_and_the_right_size(text: str) -> None:
    assert not check_numbers(text, [B836]).passed, text


def test_tolerance_edges_are_inclusive() -> None:
    assert check_numbers("USD 8.37 billion", [B836]).passed
    assert check_numbers("USD 8.35 billion", [B836]).passed
    assert not check_numbers("USD 8.3701 billion", [B836]).passed
    assert not check_numbers("USD 8.349 billion", [B836]).passed
    exact = {"value": 8.36, "unit": "billion", "tolerance": 0}
    assert check_numbers("8.36 billion", [exact]).passed
    assert not check_numbers("8.361 billion", [exact]).passed


def test_as_unit_demands_the_asked_scale() -> None:
    spec = {**B836, "as_unit": "million"}
    assert check_numbers("USD 8,360 million", [spec]).passed
    result = check_numbers("USD 8.36 billion", [spec])
    assert not result.passed and "as million" in result.detail


def test_percent_year_duration_count() -> None:
    text = "A 5.65% CAGR over 2026-2031 doubles the market in 12.61 years; 560,000 studies and 25 sites."
    assert check_numbers(text, [{"value": 5.65, "unit": "percent", "tolerance": 0.01}]).passed
    assert check_numbers(text, [{"value": 2026, "unit": "year"}, {"value": 2031, "unit": "year"}]).passed
    assert check_numbers(text, [{"value": 12.61, "unit": "years", "tolerance": 0.01}]).passed
    assert check_numbers(text, [{"value": 560000, "unit": "count"}, {"value": 25, "unit": "count"}]).passed
    assert not check_numbers(text, [{"value": 5.65, "unit": "billion", "tolerance": 0.01}]).passed
    assert not check_numbers("5.65 per year", [{"value": 5.65, "unit": "percent"}]).passed
    assert check_numbers("39.05 percent", [{"value": 39.06, "unit": "percent", "tolerance": 0.05}]).passed
    assert not check_numbers("38.99 percent", [{"value": 39.06, "unit": "percent", "tolerance": 0.05}]).passed


def test_quantities_skip_markers_and_enumerators() -> None:
    found = quantities("1. WCG Clinical [1]\n2. Elligo [2]\nUSD 6.71 Billion in 2025")
    assert [(q.raw, q.kind, q.scale_word) for q in found] == [
        (6.71, "money", "billion"),
        (2025.0, "plain", None),
    ]


def test_matches_rejects_unknown_unit() -> None:
    with pytest.raises(ValueError, match="unknown gold unit"):
        matches(quantities("5")[0], {"value": 5, "unit": "furlongs"})


def test_forbidden_numbers_catch_converted_amounts() -> None:
    fifty = [{"value": 50, "unit": "billion", "tolerance": 0.5}]
    assert not check_forbidden_numbers("it is 50,000 million dollars", fifty).passed
    assert not check_forbidden_numbers("USD 50 bn", fifty).passed
    assert check_forbidden_numbers("USD 6.71 billion; 50 studies", fifty).passed


def test_terms_are_case_insensitive_whole_words_with_alternatives() -> None:
    text = "Phase II and Phase III; north-america leads; SGS Societe Generale de Surveillance SA."
    assert has_term(text, "north america")
    assert not has_term(text, "Phase I")  # only inside "Phase II"
    assert check_terms(text, ["phase ii", ["SGS", "Société"]]).passed
    result = check_terms(text, ["Phase I", "Phase IV"])
    assert not result.passed and "Phase I" in result.detail and "Phase IV" in result.detail
    assert check_terms(text, terms_any=["Oncology", "PHASE III"]).passed
    assert not check_terms(text, terms_any=["Oncology", "Europe"]).passed


def test_status_accepts_a_set() -> None:
    assert check_status(answer("x", "rejected"), ["rejected", "unanswerable"]).passed
    assert not check_status(answer("x"), "unanswerable").passed


def quote_of(text: str, start: int = 0) -> Citation:
    return Citation(report_id="r", section="Market Overview", quote=text, start=start, end=start + len(text))


def test_abstention_passes_with_grounded_evidence_only() -> None:
    grounded = answer(
        "The report gives no figure for Oncology in 2030; the whole market was USD 6.71 Billion in 2025 [1].",
        "unanswerable",
        citations=[quote_of("USD 6.71 Billion in 2025")],
    )
    assert check_abstention(grounded).passed


def test_abstention_fails_on_an_invented_figure_or_an_answer() -> None:
    invented = answer("Oncology is probably worth about USD 2.4 billion.", "unanswerable")
    result = check_abstention(invented)
    assert not result.passed and "2.4 billion" in result.detail
    answered = answer("The market is large.", "answered")
    assert not check_abstention(answered).passed
    assert check_abstention(answer("No such figure.", "rejected"), ["rejected", "unanswerable"]).passed


def test_grounding_recompute_uses_quotes_and_computations() -> None:
    computation = Computation(
        tool="market_size_in_year",
        inputs={"year": 2029, "base_value": 6.71, "cagr_percent": 5.65},
        output={"value": 8.36, "exact_value": 8.359889, "unit": "billion"},
        expression="6.71 x 1.0565^4 = 8.36",
    )
    ok = answer(
        "USD 8,360 million in 2029 (6.71 x 1.0565^4), from a 5.65% CAGR [1].",
        citations=[quote_of("CAGR (2026-2031) 5.65%")],
        computations=[computation],
    )
    assert ungrounded_numbers(ok) == []
    bad = answer("USD 8.36 billion in 2029, or 8.4 trillion, and 7.2%.", computations=[computation])
    assert ungrounded_numbers(bad) == ["8.4 trillion", "7.2%"]
    # A rejection talks about the input, not the report.
    assert ungrounded_numbers(answer("The limit is 2,000 characters.", "rejected")) == []


def test_check_answer_runs_what_gold_asks() -> None:
    gold = {"status": ["answered"], "numbers": [B836], "terms_all": ["2029"], "forbid_numbers": []}
    names = [c.name for c in check_answer(answer("USD 8.36 billion in 2029"), gold)]
    assert names == ["status", "numbers", "terms"]
    assert all(c.passed for c in check_answer(answer("USD 8.36 billion in 2029"), gold))
    abstain = {"status": ["unanswerable"], "abstain": True}
    assert [c.name for c in check_answer(answer("no", "unanswerable"), abstain)] == ["status", "abstention"]


def test_validate_gold_names_the_problem() -> None:
    with pytest.raises(ValueError, match="set.jsonl:3: gold numbers entry"):
        validate_gold({"numbers": [{"value": "8", "unit": "billion"}]}, "set.jsonl:3")
    with pytest.raises(ValueError, match="as_unit 'percent'"):
        validate_gold({"numbers": [{"value": 8, "unit": "billion", "as_unit": "percent"}]}, "x")
    with pytest.raises(ValueError, match="unknown status"):
        validate_gold({"status": ["maybe"]}, "x")
