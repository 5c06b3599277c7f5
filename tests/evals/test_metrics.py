"""Metrics on hand-made answers, thresholds, and the rendered table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.domain.answer import Answer, Citation
from evals.metrics import (
    RetrievalHit,
    by_kind,
    citation_is_valid,
    grade,
    percentile,
    retrieval_metrics,
    summarize,
)
from evals.questions import EvalItem, set_stem
from evals.render import conversation_lines, render_markdown
from evals.thresholds import ThresholdsError, check_thresholds, load_thresholds

TEXT = "Market Size (2025)\nUSD 6.71 Billion\nNorth America leads. Oncology grows fastest."
TEXTS = {"r": TEXT}


def report_text(report_id: str) -> str:
    return TEXTS[report_id]


def cite(quote: str, shift: int = 0, section: str = "Report Description") -> Citation:
    start = TEXT.index(quote) + shift
    return Citation(report_id="r", section=section, quote=quote, start=start, end=start + len(quote))


def item(kind: str, gold: dict, sections: list[str] | None = None, id_: str = "x") -> EvalItem:
    return EvalItem(id=id_, kind=kind, question="q", gold=gold, gold_sections=sections or [])


SIZE = {"status": ["answered"], "numbers": [{"value": 6.71, "unit": "billion", "tolerance": 0.01}]}
DECLINE = {"status": ["unanswerable"], "abstain": True}


def ans(text: str, status: str = "answered", citations: list[Citation] | None = None) -> Answer:
    return Answer(question="q", status=status, text=text, citations=citations or [])  # type: ignore[arg-type]


def test_citation_validity_checks_offsets_and_report() -> None:
    assert citation_is_valid(cite("USD 6.71 Billion"), report_text)
    assert not citation_is_valid(cite("USD 6.71 Billion", shift=1), report_text)
    unknown = Citation(report_id="other", section="s", quote="USD", start=0, end=3)
    assert not citation_is_valid(unknown, report_text)


def graded_run() -> list:
    good = cite("USD 6.71 Billion")
    cases = [
        # forecast: right, valid citation
        ("forecast", SIZE, ["Report Description"], ans("USD 6.71 Billion [1]", citations=[good]), 10),
        # forecast: wrong number, a broken citation, an invented figure
        (
            "forecast",
            SIZE,
            ["Market Overview"],
            ans("USD 7.5 billion", citations=[cite("USD 6.71 Billion", 2)]),
            30,
        ),
        # unanswerable declined properly
        ("unanswerable", DECLINE, [], ans("Not in the report.", "unanswerable"), 20),
        # unanswerable but answered: a missed abstention
        ("unanswerable", DECLINE, [], ans("It is USD 2 billion.", citations=[good]), 40),
        # answerable but declined: a false abstention
        ("lookup", SIZE, ["Report Description"], ans("Not stated.", "unanswerable"), 50),
    ]
    return [
        grade(item(kind, gold, sections, "abcde"[i]), answer, latency, report_text)
        for i, (kind, gold, sections, answer, latency) in enumerate(cases)
    ]


def test_summary_metrics_by_hand() -> None:
    metrics = by_kind(graded_run())
    overall = metrics["overall"]
    assert overall["n"] == 5
    assert overall["accuracy"] == pytest.approx(2 / 5)  # a and c
    # declined: c (right), e (wrong); gold declines: c, d
    assert overall["abstention_precision"] == pytest.approx(1 / 2)
    assert overall["abstention_recall"] == pytest.approx(1 / 2)
    assert overall["citations"] == 3
    assert overall["citation_validity"] == pytest.approx(2 / 3)
    # answers with numbers in no quote: b (7.5 billion) and d (2 billion)
    assert overall["ungrounded_rate"] == pytest.approx(2 / 5)
    assert overall["citation_coverage"] == pytest.approx(3 / 3)  # a, b, d answered, all cite
    assert overall["cited_section_hit"] == pytest.approx(1 / 3)  # a hits; b cites the wrong section; e none
    assert overall["latency_p50_ms"] == 30 and overall["latency_p95_ms"] == pytest.approx(48)
    assert metrics["forecast"]["accuracy"] == 0.5 and metrics["unanswerable"]["accuracy"] == 0.5
    assert list(metrics) == ["forecast", "lookup", "unanswerable", "overall"]


def test_self_reported_ungrounded_numbers_count() -> None:
    answer = Answer(question="q", status="answered", text="USD 6.71 Billion", ungrounded_numbers=["9.9"])
    answer.citations.append(cite("USD 6.71 Billion"))
    graded = grade(item("lookup", SIZE), answer, 1, report_text)
    assert graded.passed and graded.ungrounded == ["9.9"]
    assert summarize([graded])["ungrounded_rate"] == 1.0


def test_empty_groups_give_none_not_zero() -> None:
    metrics = summarize([grade(item("lookup", SIZE), ans("USD 6.71 billion"), 5, report_text)])
    assert metrics["abstention_precision"] is None and metrics["abstention_recall"] == None  # noqa: E711
    assert metrics["citation_validity"] is None


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)


def test_retrieval_recall_and_hit() -> None:
    a = item("forecast", SIZE, ["Report Description", "Market Overview"], "a")
    b = item("lookup", SIZE, ["Regional Insights"], "b")
    c = item("unanswerable", DECLINE, [], "c")
    hits = [
        RetrievalHit(a, ["Market Overview", "Key Market Drivers", "report description:"]),
        RetrievalHit(b, ["Market Overview"]),
        RetrievalHit(c, ["Market Overview"]),
    ]
    metrics = retrieval_metrics(hits, k=2)
    assert metrics["forecast"] == {"n": 1, "recall@2": 0.5, "hit@2": 1.0}  # description is 3rd, beyond k
    assert metrics["overall"]["recall@2"] == pytest.approx(0.25) and metrics["overall"]["hit@2"] == 0.5
    assert "unanswerable" not in metrics
    assert retrieval_metrics(hits, k=3)["forecast"]["recall@3"] == 1.0


def test_thresholds_min_max_missing_and_unmeasured(tmp_path: Path) -> None:
    metrics = by_kind(graded_run())
    thresholds = {
        "min": {"forecast.accuracy": 0.5, "overall.accuracy": 0.95, "malformed.accuracy": 1.0},
        "max": {"overall.ungrounded_rate": 0.0, "lookup.citation_validity": 0.0},
    }
    verdicts = {v["metric"]: v for v in check_thresholds(metrics, thresholds)}
    assert verdicts["forecast.accuracy"]["passed"]
    assert not verdicts["overall.accuracy"]["passed"]
    assert (
        verdicts["malformed.accuracy"]["passed"]
        and verdicts["malformed.accuracy"]["note"] == "not in this set"
    )
    assert not verdicts["overall.ungrounded_rate"]["passed"]
    assert not verdicts["lookup.citation_validity"]["passed"]  # no citations: unmeasured is a failure
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"description": "x", "sets": {"seed": thresholds}}))
    assert load_thresholds(path) == thresholds


def test_thresholds_per_set_with_the_seed_entry_as_default(tmp_path: Path) -> None:
    seed = {"min": {"overall.accuracy": 0.95}, "max": {"overall.ungrounded_rate": 0.0}}
    analyst = {"min": {"overall.accuracy": 0.2}}
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"description": "x", "sets": {"seed": seed, "analyst": analyst}}))
    assert load_thresholds(path, "analyst") == {"min": {"overall.accuracy": 0.2}, "max": {}}
    assert load_thresholds(path, "/somewhere/analyst.jsonl")["min"] == {"overall.accuracy": 0.2}
    assert load_thresholds(path, "smoke") == seed and load_thresholds(path) == seed
    assert set_stem("evals/sets/analyst-holdout.jsonl") == "analyst-holdout" and set_stem("seed") == "seed"
    path.write_text(json.dumps({"sets": {"analyst": analyst}}))
    with pytest.raises(ThresholdsError, match="no thresholds for set 'smoke' and no 'seed' entry"):
        load_thresholds(path, "smoke")
    path.write_text("[1, 2]")
    with pytest.raises(ThresholdsError, match="must be a JSON object with a 'sets' object"):
        load_thresholds(path)
    path.write_text(json.dumps(seed))  # limits with no 'sets' around them
    with pytest.raises(ThresholdsError, match="with a 'sets' object"):
        load_thresholds(path)
    path.write_text("{")
    with pytest.raises(ThresholdsError, match="not JSON"):
        load_thresholds(path)


def test_conversation_line_counts_whole_conversations() -> None:
    metrics = {"overall": {"conversations": 20, "conversations_right": 3}}
    data = {
        "metrics": {
            "assistant": metrics,
            "baseline": {"overall": {"conversations": 20, "conversations_right": 0}},
        }
    }
    assert conversation_lines(data)[0] == (
        "Conversations fully right (every turn): assistant 3 of 20, baseline 0 of 20."
    )
    assert conversation_lines({"metrics": {"assistant": {"overall": {"conversations": 0}}}}) == []


def test_committed_thresholds_are_the_agreed_start() -> None:
    seed = {
        "min": {"forecast.accuracy": 1.0, "overall.accuracy": 0.95, "overall.citation_validity": 1.0},
        "max": {"overall.ungrounded_rate": 0.0},
    }
    assert load_thresholds() == seed and load_thresholds(set_name="smoke") == seed
    analyst = load_thresholds(set_name="analyst")
    assert (
        set(analyst["max"]) == {"overall.ungrounded_rate"}
        and analyst["max"]["overall.ungrounded_rate"] < 0.05
    )
    assert analyst["min"]["overall.citation_validity"] == 1.0
    kinds = {key.partition(".")[0] for key in analyst["min"]}
    assert kinds >= {"overall", "multi_part", "derived_math", "false_premise", "passage_detail"}
    assert kinds >= {"not_a_market", "smalltalk", "unstated", "followup"}
    assert "overall.conversation_accuracy" in analyst["min"]
    for mode in ("scoped", "routed"):  # the catalogue is gated in both modes, apart from the seed
        catalogue = load_thresholds(set_name="catalogue", mode=mode)
        assert catalogue != seed and "overall.accuracy" in catalogue["min"], mode
        assert catalogue["min"]["overall.citation_validity"] == 1.0, mode
        assert catalogue["max"]["overall.ungrounded_rate"] <= 0.1, mode
    assert "overall.routing_accuracy" in load_thresholds(set_name="catalogue", mode="routed")["min"]


def test_markdown_shows_both_systems_and_failures() -> None:
    graded = graded_run()
    metrics = by_kind(graded)
    data = {
        "set": "hand", "backend": "offline", "k": 4, "n": len(graded), "passed": False,
        "thresholds": check_thresholds(metrics, load_thresholds()),
        "metrics": {"assistant": metrics, "baseline": metrics},
        "retrieval": {"overall": {"n": 0, "recall@4": None, "hit@4": None}},
        "questions": [
            {"id": g.item.id, "kind": g.item.kind, "question": g.item.question,
             "assistant": {"status": g.answer.status, "passed": g.passed, "failures": g.failures,
                           "answer": g.answer.text}}
            for g in graded
        ],
    }  # fmt: skip
    text = render_markdown(data)
    assert "| **overall** | 5 | 40.0% | 40.0% |" in text
    assert "FAIL overall.accuracy = 0.4 (need >= 0.95)" in text
    assert "`b` (forecast)" in text and "missing 6.71 billion" in text
    assert "`a` (forecast)" not in text
    assert "routed to the right report" not in text  # no question was routed
    routed = {**metrics, "overall": {**metrics["overall"], "routing_accuracy": 0.5}}
    text = render_markdown({**data, "metrics": {"assistant": routed, "baseline": metrics}})
    assert "| routed to the right report | 50.0% | - |" in text
