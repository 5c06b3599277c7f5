"""The committed question sets: generated (not hand-edited), big enough, and true to the report."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from evals import build_sets
from evals.metrics import normalize_heading
from evals.questions import KINDS, SEED_KINDS, EvalSetError, load_set

SEED_ID = "clinical-trial-smo-market"


def test_committed_sets_match_the_generator() -> None:
    for name, items in build_sets.build().items():
        committed = (build_sets.SETS / f"{name}.jsonl").read_text(encoding="utf-8")
        assert committed == build_sets.render(items), f"{name}.jsonl differs: run python -m evals.build_sets"


def test_seed_set_size_and_kinds() -> None:
    items = load_set("seed")
    assert len(items) >= 150
    counts = Counter(item.kind for item in items)
    assert set(counts) == set(SEED_KINDS)
    assert all(counts[kind] >= 10 for kind in SEED_KINDS), counts


def test_every_kind_is_listed_once() -> None:
    assert len(set(KINDS)) == len(KINDS), [kind for kind in KINDS if KINDS.count(kind) > 1]


def test_headline_is_read_from_the_report(seed_text: str) -> None:
    assert (build_sets.BASE_YEAR, str(build_sets.BASE), str(build_sets.RATE)) == (2025, "6.71", "5.65")
    assert "USD 9.33 Billion" in seed_text  # the stated 2031 figure the growth golds use


def test_forecast_golds_follow_the_formula() -> None:
    expected = {2026: 7.09, 2027: 7.49, 2028: 7.91, 2029: 8.36, 2030: 8.83, 2031: 9.33}
    forecasts = [item for item in load_set("seed") if item.kind == "forecast"]
    assert len(forecasts) >= 30
    for item in forecasts:
        years = [int(y) for y in re.findall(r"\b(20\d\d)\b", item.question)]
        assert len(years) == 1 and 2025 <= years[0] <= 2035, item.question
        (number,) = item.gold["numbers"]
        assert number["unit"] == "billion"
        assert number["value"] == round(6.71 * 1.0565 ** (years[0] - 2025) + 1e-9, 2)
        if years[0] in expected:
            assert number["value"] == expected[years[0]]


def test_gold_sections_are_real_headings(seed_path: Path) -> None:
    from assistant import parse_report

    report = parse_report(seed_path)
    headings = {normalize_heading(section.heading) for section in report.sections}
    for item in load_set("seed"):
        for section in item.gold_sections:
            assert normalize_heading(section) in headings, (item.id, section)


def test_gold_terms_are_in_the_report(seed_text: str) -> None:
    """Every required term of an answerable question is the report's own wording."""
    text = seed_text.casefold()
    for item in load_set("seed"):
        if item.kind in {"unanswerable", "malformed", "injection"}:
            continue
        terms = list(item.gold.get("terms_any", []))
        for term in item.gold.get("terms_all", []):
            options = [term] if isinstance(term, str) else term
            assert any(option.casefold() in text for option in options), (item.id, term)
        assert not terms or any(t.casefold() in text for t in terms), (item.id, terms)


def test_malformed_set_holds_the_required_cases() -> None:
    questions = [item.question for item in load_set("seed") if item.kind == "malformed"]
    assert "" in questions and any(q and not q.strip() for q in questions)
    assert any(len(q) == 5000 for q in questions)
    assert any("99999" in q for q in questions)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not JSON"),
        ('{"id": "a", "kind": "poem", "question": "q", "gold": {}}', "unknown kind 'poem'"),
        ('{"id": "a", "kind": "lookup", "gold": {}}', "missing question"),
        (
            '{"id": "a", "kind": "lookup", "question": "q", "gold": {"numbers": [{"value": 1}]}}',
            "gold numbers",
        ),
        ('{"id": "a", "kind": "multi_turn", "question": "q", "gold": {}, "history": [1]}', "history must"),
    ],
)
def test_bad_sets_are_refused_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "kind": "lookup", "question": "q", "gold": {}}\n' + line + "\n")
    with pytest.raises(EvalSetError, match=re.escape(message)) as info:
        load_set(str(path))
    assert f"{path}:2" in str(info.value)


def test_duplicate_ids_and_unknown_sets_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    record = json.dumps({"id": "x", "kind": "lookup", "question": "q", "gold": {}})
    path.write_text(record + "\n" + record + "\n")
    with pytest.raises(EvalSetError, match="duplicate id 'x'"):
        load_set(str(path))
    known = (
        "known sets: analyst, analyst-holdout, blind-analyst, blind-pages, blind-pages-2, blind-pages-3, blind-pages-4, blind-pages-5, blind-pages-6, blind-pages-7, blind-pages-8, blind-pages-9, blind-pages-10, catalogue, "
        "catalogue-holdout, seed, smoke"
    )
    with pytest.raises(EvalSetError, match=known):
        load_set("nope")


def test_a_conversation_loads_as_one_item_per_turn(tmp_path: Path) -> None:
    conversation = {
        "id": "cv",
        "kind": "followup",
        "turns": [
            {
                "question": "key players?",
                "gold": {"terms_all": ["WCG"]},
                "gold_sections": ["Key Market Players"],
            },
            {"question": "what did the first one announce?", "gold": {"terms_all": ["Site Network"]}},
            {"question": "when?", "gold": {"numbers": [{"value": 2024, "unit": "year"}]}},
        ],
    }
    single = {"id": "one", "kind": "lookup", "question": "cagr?", "gold": {}}
    path = tmp_path / "conv.jsonl"
    path.write_text(json.dumps(single) + "\n" + json.dumps(conversation) + "\n")
    items = load_set(str(path))
    assert [(i.id, i.conversation, i.turn) for i in items] == [
        ("one", None, 0),
        ("cv#1", "cv", 1),
        ("cv#2", "cv", 2),
        ("cv#3", "cv", 3),
    ]
    assert items[1].history is None and items[1].gold_sections == ["Key Market Players"]
    assert items[3].scripted_turns == ["key players?", "what did the first one announce?"]
    assert all(i.kind == "followup" for i in items[1:]) and items[2].gold == {"terms_all": ["Site Network"]}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "c", "kind": "followup", "turns": "hi"}, "turns must be a list of at least two"),
        ({"id": "c", "kind": "followup", "turns": [{"question": "a", "gold": {}}]}, "at least two"),
        (
            {"id": "c", "kind": "followup", "turns": [{"question": "a", "gold": {}}, {"question": "b"}]},
            "turn 2: each turn needs a question (string) and a gold",
        ),
        (
            {"id": "c", "kind": "followup", "question": "q", "turns": [{"question": "a", "gold": {}}] * 2},
            "a conversation has turns, not a question",
        ),
        ({"kind": "followup", "turns": [{"question": "a", "gold": {}}] * 2}, "missing id"),
        (
            {"id": "c", "kind": "chat", "turns": [{"question": "a", "gold": {}}] * 2},
            "unknown kind 'chat'",
        ),
        (
            {"id": "c", "kind": "followup", "turns": [{"question": "a", "gold": {"status": "x"}}] * 2},
            "turn 1: unknown status",
        ),
    ],
)
def test_bad_conversations_are_refused_with_file_and_line(tmp_path: Path, record: dict, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(EvalSetError, match=re.escape(message)) as info:
        load_set(str(path))
    assert f"{path}:1" in str(info.value)


def test_duplicate_conversation_ids_are_refused(tmp_path: Path) -> None:
    record = json.dumps({"id": "c", "kind": "followup", "turns": [{"question": "a", "gold": {}}] * 2})
    path = tmp_path / "dup.jsonl"
    path.write_text(record + "\n" + record + "\n")
    with pytest.raises(EvalSetError, match="duplicate id 'c#1'"):
        load_set(str(path))
