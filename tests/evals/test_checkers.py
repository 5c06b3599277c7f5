"""Checkers: unit conversion, tolerance edges, terms, abstention, grounding recompute."""

from __future__ import annotations

import pytest

from assistant.domain.answer import Answer, Citation, Computation
from evals.checkers import (
    check_abstention,
    check_answer,
    check_citation_count,
    check_cited_sections,
    check_forbidden_numbers,
    check_forbidden_terms,
    check_numbers,
    check_one_of,
    check_parts,
    check_premise,
    check_status,
    check_terms,
    check_unanswered_parts,
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


def test_a_year_written_with_a_prefix_and_a_count_with_a_unit_compound() -> None:
    assert check_numbers("due to start in mid-2026", [{"value": 2026, "unit": "year"}]).passed
    assert check_numbers("an 11,000-square-metre hub", [{"value": 11000, "unit": "count"}]).passed
    assert not check_numbers("K-12 schools", [{"value": 12, "unit": "count"}]).passed
    assert not check_numbers("3-NOP feed", [{"value": 3, "unit": "count"}]).passed


@pytest.mark.parametrize("text", ["a gap of 18.8 percentage points", "18.8 pp apart", "18.8% apart"])
def test_a_difference_in_percentage_points_reads_as_a_percent(text: str) -> None:
    assert check_numbers(text, [{"value": 18.8, "unit": "percent", "tolerance": 0.05}]).passed, text


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


# ---------------------------------------------------------------- multi-part, premise, follow-up, small talk


def test_positions_point_into_the_original_text() -> None:
    text = "1. WCG [1]\nUSD 6.71 Billion [2] and 5.65%"
    found = quantities(text)
    assert [text[q.position : q.position + len(q.text)] for q in found] == ["USD 6.71 Billion", "5.65%"]


def test_wildcard_terms_stand_for_a_few_words() -> None:
    refusal = "This report does not cover the ratio market."
    assert has_term(refusal, "does not cover the * market")
    assert has_term("It does not cover the Phase II trial market", "does not cover the * market")
    assert not has_term("It does not cover the split by phase.", "does not cover the * market")
    assert not has_term("does not cover the a b c d e f g market", "does not cover the * market")


def test_forbidden_terms() -> None:
    assert check_forbidden_terms(
        "The ratio 2030/2026 is 1.25.", ["could not find", "does not cover the * market"]
    ).passed
    result = check_forbidden_terms("I could not find that.", ["could not find", "will not estimate"])
    assert not result.passed and result.detail == "says could not find"


def test_every_part_must_be_answered() -> None:
    parts = [
        {"label": "region", "terms_all": ["North America"]},
        {"label": "2029", "numbers": [B836]},
        {"terms_any": ["Oncology", "oncology segment"]},
    ]
    assert check_parts("North America leads; USD 8.36 billion in 2029; Oncology grows fastest.", parts).passed
    result = check_parts("North America leads; Oncology grows fastest.", parts)
    assert not result.passed and result.detail == "part 2 (2029): missing 8.36 billion ±0.01"
    assert "part 3: missing one of" in check_parts("North America, USD 8.36 billion", parts).detail


def test_one_of_accepts_any_listed_answer() -> None:
    options = [{"numbers": [B836]}, {"terms_any": ["do you mean", "clarify"]}]
    assert check_one_of("USD 8.36 billion", options).passed
    assert check_one_of("Do you mean the market size in 2030?", options).passed
    result = check_one_of("North America.", options)
    assert not result.passed and result.detail.startswith("none satisfied: part 1")


class WithParts:
    """An answer from an assistant that lists the asks it could not answer."""

    def __init__(self, parts: list[str]) -> None:
        self.unanswered_parts = parts


def test_unanswered_parts_counted_from_the_answer_or_none() -> None:
    spec = {"min": 1, "max": 1, "terms_any": ["revenue"]}
    assert check_unanswered_parts(WithParts(["clinchoice revenue 2024"]), spec).passed  # type: ignore[arg-type]
    older = check_unanswered_parts(answer("Oncology."), spec)  # an Answer without the field lists none
    assert not older.passed and "lists 0 unanswered part(s), expected 1..1" in older.detail
    wrong = check_unanswered_parts(WithParts(["the CEO"]), spec)  # type: ignore[arg-type]
    assert not wrong.passed and "no unanswered part mentions one of: revenue" in wrong.detail
    assert not check_unanswered_parts(WithParts(["a", "b"]), {"max": 1}).passed  # type: ignore[arg-type]
    assert check_unanswered_parts(answer("all answered"), {"max": 0}).passed


def test_citation_count_and_sections() -> None:
    cited = answer("x", citations=[quote_of("USD 6.71 Billion")])
    assert check_citation_count(answer("Hello!"), None, 0).passed
    assert not check_citation_count(cited, None, 0).passed
    assert (
        check_citation_count(cited, 1, None).passed and not check_citation_count(answer("x"), 1, None).passed
    )
    assert check_cited_sections(cited, ["market overview"]).passed
    result = check_cited_sections(cited, ["Regional Insights"])
    assert not result.passed and "cites ['Market Overview']" in result.detail
    assert not check_cited_sections(answer("x"), ["Market Overview"]).passed


PREMISE = {
    "numbers": [{"value": 5.65, "unit": "percent", "tolerance": 0.01}],
    "terms_any": ["not", "rather than"],
}


def test_premise_correction_must_come_before_the_figure() -> None:
    first = "The report's CAGR is 5.65%, not 8%; at that rate 2029 is USD 8.36 billion."
    assert check_premise(first, PREMISE, [B836]).passed
    after = "2029 is USD 8.36 billion. The report's CAGR is 5.65%, not 8%."
    result = check_premise(after, PREMISE, [B836])
    assert not result.passed and "comes after the answer" in result.detail
    unchallenged = check_premise("At 5.65%, 2029 is USD 8.36 billion.", PREMISE, [B836])
    assert not unchallenged.passed and "missing one of: not / rather than" in unchallenged.detail
    # Without a figure to answer, the correction only has to be there.
    region = {"terms_all": [["North America"]], "terms_any": ["not", "actually"]}
    assert check_premise("Actually, North America is the largest region.", region, []).passed


def test_check_answer_runs_the_new_checks_in_order() -> None:
    gold = {
        "status": ["answered"],
        "numbers": [B836],
        "forbid_terms": ["could not find"],
        "parts": [{"terms_all": ["2029"]}],
        "one_of": [{"terms_any": ["USD"]}],
        "premise": PREMISE,
        "unanswered_parts": {"max": 0},
        "max_citations": 3,
        "cite_sections": ["Market Overview"],
    }
    reply = answer(
        "The report's CAGR is 5.65%, not 8%; 2029 is USD 8.36 billion.",
        citations=[quote_of("CAGR (2026-2031) 5.65%")],
    )
    results = check_answer(reply, gold)
    assert [c.name for c in results] == [
        "status",
        "numbers",
        "forbid_terms",
        "parts",
        "one_of",
        "premise",
        "unanswered_parts",
        "citations",
        "cite_sections",
    ]
    assert all(c.passed for c in results), [c for c in results if not c.passed]


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        ({"parts": [{"label": "x"}]}, "each gold parts entry needs numbers, terms_all or terms_any"),
        ({"parts": {"terms_all": ["a"]}}, "gold parts must be a list"),
        ({"one_of": [{"numbers": [{"value": 1, "unit": "parsecs"}]}]}, "gold one_of numbers entry"),
        ({"premise": {"terms_any": [""]}}, "gold premise terms_any must be a list of non-empty terms"),
        ({"unanswered_parts": {"min": -1}}, "unanswered_parts min must be a whole number"),
        ({"unanswered_parts": 2}, "unanswered_parts must be an object"),
        ({"max_citations": "0"}, "max_citations must be a whole number"),
        ({"forbid_terms": "could not find"}, "gold forbid_terms must be a list"),
        ({"terms_all": [["North America", 3]]}, "gold terms_all must be a list"),
    ],
)
def test_validate_gold_refuses_malformed_new_keys(gold: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_gold(gold, "set.jsonl:7")
