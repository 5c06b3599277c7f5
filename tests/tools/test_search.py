"""search_passages: validation, k, report scoping and offsets, over a small in-test searcher."""

from __future__ import annotations

import pytest
from tools_doubles import WordOverlapSearcher

from tools.search import MAX_K, PassageSearcher, SearchResult, search_passages


@pytest.fixture
def searcher(seed_text: str) -> WordOverlapSearcher:
    return WordOverlapSearcher(seed_text)


def test_returns_k_passages_best_first_with_true_offsets(
    searcher: WordOverlapSearcher, seed_text: str
) -> None:
    checked: PassageSearcher = searcher  # the double satisfies the protocol structurally
    result = search_passages(checked, "Which region dominates the market?", k=3)
    assert isinstance(result, SearchResult) and len(result.passages) == 3
    scores = [p.score for p in result.passages]
    assert scores == sorted(scores, reverse=True)
    assert "North America" in result.passages[0].text
    for passage in result.passages:
        assert seed_text[passage.start : passage.end] == passage.text


def test_default_k_is_four_and_query_is_trimmed(searcher: WordOverlapSearcher) -> None:
    result = search_passages(searcher, "  oncology cancer trials \n")
    assert len(result.passages) == 4 and result.query == "oncology cancer trials"
    assert searcher.calls == [("oncology cancer trials", 4, None)]


def test_report_id_is_passed_through(searcher: WordOverlapSearcher) -> None:
    assert search_passages(searcher, "oncology", report_id="other-report").passages == []
    result = search_passages(searcher, "oncology", report_id="clinical-trial-smo-market")
    assert result.report_id == "clinical-trial-smo-market" and result.passages
    assert [c[2] for c in searcher.calls] == ["other-report", "clinical-trial-smo-market"]


def test_largest_k_is_allowed(searcher: WordOverlapSearcher) -> None:
    assert len(search_passages(searcher, "market", k=MAX_K).passages) == MAX_K


@pytest.mark.parametrize(
    ("query", "k", "message"),
    [
        ("", 4, "query must be a non-empty phrase or question"),
        ("   \n", 4, "query must be a non-empty phrase or question"),
        ("x" * 2001, 4, "query must be at most 2000 characters, got 2001"),
        ("oncology", 0, "k must be a whole number from 1 to 20, got 0"),
        ("oncology", 21, "k must be a whole number from 1 to 20, got 21"),
        ("oncology", -1, "k must be a whole number from 1 to 20"),
        ("oncology", True, "k must be a whole number from 1 to 20, got True"),
        ("oncology", 2.5, "k must be a whole number"),
    ],
)
def test_refusals(searcher: WordOverlapSearcher, query: str, k: int, message: str) -> None:
    with pytest.raises(ValueError) as info:
        search_passages(searcher, query, k=k)
    assert message in str(info.value)
    assert searcher.calls == []  # refused before the index is touched
