"""The hand-written analyst sets: their size and kinds, and gold that is true to the report.

Every gold amount, percent, count or duration carries a ``working``: ``"quoted"`` (the report states
it) or an expression over the report's figures, recomputed here; the gold value must be that result
rounded to the decimals it shows.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from evals.checkers import has_term, validate_gold
from evals.questions import ANALYST_KINDS, SETS_DIR, EvalItem, load_set
from evals.textmatch import normalize_heading

ANALYST_SETS = ("analyst", "analyst-holdout")
NEW_KINDS = set(ANALYST_KINDS) - {"followup"}  # single questions; followup is for conversations
GOLD_KEYS = {
    "status",
    "abstain",
    "numbers",
    "forbid_numbers",
    "terms_all",
    "terms_any",
    "forbid_terms",
    "parts",
    "one_of",
    "premise",
    "unanswered_parts",
    "min_citations",
    "max_citations",
    "cite_sections",
}
BASE, RATE, STATED_END = 6.71, 5.65, 9.33  # the report's 2025 size, CAGR 2026-2031 and 2031 size


def size(year: int) -> float:
    """The report's market size in ``year``: its 2025 base compounded at its CAGR."""
    return BASE * (1 + RATE / 100) ** (year - 2025)


WORKING_NAMES = {
    "size": size,
    "S2025": BASE,
    "S2031": STATED_END,
    "log": math.log,
    "sum": sum,
    "range": range,
}


def records(name: str) -> list[dict[str, Any]]:
    lines = (SETS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def golds(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, gold) for a single record or every turn of a conversation."""
    if "turns" in record:
        for number, turn in enumerate(record["turns"], start=1):
            yield f"{record['id']}#{number}", turn["gold"]
    else:
        yield record["id"], record["gold"]


def number_specs(gold: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from gold.get("numbers", [])
    for key in ("parts", "one_of"):
        for sub in gold.get(key, []):
            yield from sub.get("numbers", [])
    yield from gold.get("premise", {}).get("numbers", [])


def terms_all_items(gold: dict[str, Any]) -> Iterator[list[str]]:
    subs = [gold, *gold.get("parts", []), gold.get("premise", {})]
    for sub in subs:
        for term in sub.get("terms_all", []):
            yield [term] if isinstance(term, str) else term


@pytest.mark.parametrize("name", ANALYST_SETS)
def test_sets_load_and_cover_every_new_kind(name: str) -> None:
    items = load_set(name)
    singles = [i for i in items if i.conversation is None]
    kinds = Counter(i.kind for i in singles)
    assert set(kinds) == NEW_KINDS, kinds
    conversations = Counter(i.conversation for i in items if i.conversation)
    assert all(3 <= turns <= 5 for turns in conversations.values()), conversations
    assert {i.kind for i in items if i.conversation} == {"followup"}
    minimum = {"analyst": (100, 20), "analyst-holdout": (30, 6)}[name]
    assert (len(singles), len(conversations)) >= minimum
    assert all(kinds[kind] >= 3 for kind in NEW_KINDS), kinds


def test_together_they_hold_the_agreed_numbers() -> None:
    items = [item for name in ANALYST_SETS for item in load_set(name)]
    assert sum(item.conversation is None for item in items) >= 130
    assert len({item.conversation for item in items if item.conversation}) >= 26


def test_no_question_is_shared_with_another_set() -> None:
    def questions(name: str) -> set[str]:
        return {item.question.strip().casefold() for item in load_set(name) if item.conversation is None}

    analyst, holdout, seed = questions("analyst"), questions("analyst-holdout"), questions("seed")
    assert not analyst & holdout and not analyst & seed and not holdout & seed


@pytest.mark.parametrize("name", ANALYST_SETS)
def test_gold_records_use_known_keys_and_validate(name: str) -> None:
    for record in records(name):
        for where, gold in golds(record):
            assert set(gold) <= GOLD_KEYS, (where, set(gold) - GOLD_KEYS)
            validate_gold(gold, where)


@pytest.mark.parametrize("name", ANALYST_SETS)
def test_every_figure_is_quoted_or_recomputed(name: str, seed_text: str) -> None:
    checked = 0
    for record in records(name):
        for where, gold in golds(record):
            for spec in number_specs(gold):
                if spec["unit"] == "year":
                    continue
                working = spec.get("working")
                assert working, (where, spec)
                value = float(spec["value"])
                if working == "quoted":
                    shown = f"{value:,.2f}".rstrip("0").rstrip(".")
                    assert shown in seed_text, (where, shown)
                else:
                    computed = eval(working, {"__builtins__": {}, **WORKING_NAMES})  # noqa: S307 - our own notes
                    decimals = len(str(spec["value"]).split(".")[1]) if "." in str(spec["value"]) else 0
                    assert abs(computed - value) <= 0.5 * 10**-decimals + 1e-9, (where, working, computed)
                checked += 1
    assert checked >= 30


def test_headline_figures_match_the_report(seed_text: str) -> None:
    assert "USD 6.71 Billion" in seed_text and "USD 9.33 Billion" in seed_text and "5.65%" in seed_text
    assert round(size(2029), 2) == 8.36 and round(size(2031), 2) == 9.33


@pytest.mark.parametrize("name", ANALYST_SETS)
def test_required_terms_are_the_reports_words(name: str, seed_text: str) -> None:
    """What an answer must name comes from the report (unstated questions also name what it lacks)."""
    for record in records(name):
        if record["kind"] == "unstated":
            continue
        for where, gold in golds(record):
            for options in terms_all_items(gold):
                assert any(has_term(seed_text, option) for option in options), (where, options)


@pytest.mark.parametrize("name", ANALYST_SETS)
def test_gold_sections_are_real_headings(name: str, seed_path) -> None:
    from assistant import parse_report

    headings = {normalize_heading(section.heading) for section in parse_report(seed_path).sections}
    items: list[EvalItem] = load_set(name)
    for item in items:
        assert item.gold_sections or item.gold.get("max_citations") == 0, item.id  # only small talk has none
        for section in [*item.gold_sections, *item.gold.get("cite_sections", [])]:
            assert normalize_heading(section) in headings, (item.id, section)


@pytest.mark.parametrize("name", ANALYST_SETS)
def test_kind_rules_hold(name: str) -> None:
    for item in load_set(name):
        gold = item.gold
        if item.kind == "smalltalk":
            assert gold.get("max_citations") == 0 and gold.get("forbid_terms"), item.id
        if item.kind == "not_a_market":
            assert any("* market" in t for t in gold["forbid_terms"]), item.id
            assert gold["status"] == ["answered"], item.id
        if item.kind == "false_premise":
            assert gold.get("premise"), item.id
        if item.kind == "multi_part":
            assert gold["status"] == ["answered"] and gold.get("parts") and "unanswered_parts" in gold, (
                item.id
            )
        if item.kind == "unstated":
            assert gold.get("abstain") and "unanswerable" in gold["status"], item.id
