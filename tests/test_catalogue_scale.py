"""The synthetic catalogue (benchmarks/synth_catalogue.py) and routing over a catalogue of 1,000 names.

The generator is what the scale benchmarks stand on, so its reports must parse back to the figures
it meant (every layout), be the same for the same seed, and route by their names at 1,000 reports.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from assistant.agent.routing import routing_index
from assistant.index.catalogue import ReportSummary
from assistant.parsing.parse import parse_report
from benchmarks.synth_catalogue import LAYOUTS, generate, market_names


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path):
    first = generate(10, 3, tmp_path / "a")
    again = generate(10, 3, tmp_path / "b")
    other = generate(10, 4, tmp_path / "c")
    assert first == again
    for truth in first:
        assert (tmp_path / "a" / truth.file).read_bytes() == (tmp_path / "b" / truth.file).read_bytes()
    assert [t.market for t in other] != [t.market for t in first]
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text())
    assert (manifest["n"], manifest["seed"], len(manifest["reports"])) == (10, 3, 10)


def test_bad_sizes_are_refused_with_a_reason(tmp_path: Path):
    with pytest.raises(ValueError, match="at least 1"):
        generate(0, 1, tmp_path)
    with pytest.raises(ValueError, match="distinct market names"):
        market_names(10**6, random.Random(1))


def test_every_layout_parses_back_to_the_generated_figures(tmp_path: Path):
    truths = generate(30, 11, tmp_path)
    assert {t.layout for t in truths} == set(LAYOUTS)
    assert {t.unit for t in truths} >= {"million", "billion"}
    assert any(not t.consistent for t in generate(120, 11, tmp_path / "more")), "some reports disagree"
    for truth in truths:
        report = parse_report(tmp_path / truth.file)
        facts = report.facts
        assert (report.id, report.market) == (truth.id, truth.market)
        assert facts.market_size is not None and facts.cagr is not None and facts.forecast_end is not None
        assert (facts.market_size.amount, facts.market_size.unit, facts.market_size.year) == (
            truth.base,
            truth.unit,
            truth.base_year,
        ), truth.file
        assert (facts.cagr.percent, facts.forecast_end.amount, facts.forecast_end.year) == (
            truth.cagr,
            truth.end,
            truth.end_year,
        ), truth.file
        assert report.consistency.status == ("agree" if truth.consistent else "disagree"), truth.file
        region = facts.largest_region.name if facts.largest_region else None
        segment = facts.fastest_segment.name if facts.fastest_segment else None
        assert (region, segment) == (truth.largest_region, truth.fastest_segment), truth.file
        listed = [p.name for p in facts.key_players]
        assert listed == truth.companies, truth.file


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory):
    truths = generate(1000, 7, tmp_path_factory.mktemp("catalogue-1000"))
    summaries = [
        ReportSummary(id=t.id, title=f"Global {t.market} Market", market=t.market, chunks=1, path=t.file)
        for t in truths
    ]
    return truths, summaries


def test_every_report_of_a_thousand_is_routed_by_its_name(thousand):
    truths, summaries = thousand
    index = routing_index(summaries)
    assert routing_index(list(summaries)) is index, "the index is built once per catalogue"
    wrong = [
        (t.market, chosen.report_id)
        for t in truths
        if (chosen := index.route(f"How big will the {t.market} market be in 2030?")).report_id != t.id
    ]
    assert wrong == []


def test_misspelt_names_at_a_thousand_are_never_sent_to_the_wrong_report(thousand):
    truths, summaries = thousand
    index = routing_index(summaries)
    rng = random.Random(5)

    def misspell(word: str) -> str:
        if len(word) < 5:
            return word
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :]

    right = 0
    for t in truths:
        chosen = index.route(
            f"what is the cagr of the {' '.join(misspell(w) for w in t.market.lower().split())} market"
        )
        if chosen.report_id is None:
            assert t.id in {c.id for c in chosen.candidates}, t.market
        else:
            assert chosen.report_id == t.id, (t.market, chosen.report_id)
            right += 1
    assert right >= 0.95 * len(truths)


def test_a_generated_catalogue_is_answered_end_to_end(tmp_path: Path, memo_embedder):
    from assistant import Assistant
    from assistant.index.ingest import ingest
    from assistant.settings import Settings

    truths = [t for t in generate(12, 21, tmp_path / "corpus") if t.consistent]
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    result = ingest(settings, progress=False, embedder=memo_embedder)
    assert result.ok and len(result.added) == 12
    assistant = Assistant(settings)
    for truth in truths:
        year = truth.base_year + 3
        answer = assistant.ask(f"How big will the {truth.market} market be in {year}?")
        assert (answer.status, answer.report_id) == ("answered", truth.id), answer.text
        expected = round(truth.base * (1 + truth.cagr / 100) ** 3, 2)
        assert any(c.output.get("value") == expected for c in answer.computations), answer.text
        assert answer.ungrounded_numbers == []
