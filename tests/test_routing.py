"""Routing between reports: names, acronyms, typos, ambiguity, follow-ups; and a catalogue of reports in
other publishers' layouts ingested into a real store and answered through the real Assistant.

The reports are fictional: tests/fixtures/reports (the parser's layouts) and tests/fixtures/routing
(a CRO report, and two fish feed reports that share words on purpose).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.agent.routing import MAX_LISTED, RoutingIndex, route, routing_index
from assistant.index.catalogue import ReportSummary
from assistant.parsing.parse import parse_report

FIXTURES = Path(__file__).parent / "fixtures"
REPORT_FILES = sorted((FIXTURES / "reports").iterdir()) + sorted((FIXTURES / "routing").iterdir())
CRO = "contract-research-organization-market"
FISH = "ornamental-fish-feed-market"
AQUA = "aquaculture-fish-feed-market"
SMO = "clinical-trial-smo-market"
WHALE = "cloud-whale-tourism-market"
MOON = "moonlight-fabric-market"


def summary(report_id: str, title: str, market: str | None = None) -> ReportSummary:
    return ReportSummary(id=report_id, title=title, market=market, chunks=1, path=f"{report_id}.txt")


@pytest.fixture(scope="module")
def summaries(seed_path: Path) -> list[ReportSummary]:
    """The catalogue's lines as the parser names each fixture report (no store needed)."""
    reports = [parse_report(p) for p in [seed_path, *REPORT_FILES]]
    return [summary(r.id, r.title, r.market) for r in reports]


# --- routing on names alone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How big is the CRO market?", CRO),
        ("tell me about CROs", CRO),
        ("How big is the Contract Research Organisation market in 2027?", CRO),
        ("what is the cagr of the smo market", SMO),
        ("Who leads the clinical trial site management market?", SMO),
        ("ornamental fish feed market size", FISH),
        ("How big will the aquaculture fish feed market be in 2028?", AQUA),
        ("dragon scale polsh market in 2027", "dragon-scale-polish-market"),
        ("lunar regolth minig growth", "lunar-regolith-mining-market"),
        ("What's the size of the moonlight fabrics market?", MOON),
        ("Who are the key players in cloud-whale tourism?", WHALE),
        ("floating orchards in Asia Pacific", "floating-orchard-market"),
    ],
)
def test_a_question_that_names_its_market_goes_to_that_report(summaries, question, expected):
    chosen = route(question, summaries)
    assert chosen.report_id == expected, chosen
    assert chosen.reason == "named" and chosen.matched


@pytest.mark.parametrize(
    "question", ["fish feed market size in 2030", "How fast is the fish feed market growing?"]
)
def test_a_question_two_reports_answer_equally_gets_the_candidates(summaries, question):
    chosen = route(question, summaries)
    assert chosen.report_id is None and chosen.reason == "ambiguous"
    assert sorted(c.id for c in chosen.candidates) == [AQUA, FISH]
    text = chosen.clarifying_question(len(summaries))
    assert text.startswith("Which report do you mean? Candidates:")
    titles = {s.id: s.title for s in summaries}
    assert titles[AQUA] in text and titles[FISH] in text and titles[CRO] not in text
    assert [c.id for c in chosen.choices()] == [c.id for c in chosen.candidates]


@pytest.mark.parametrize(
    "question", ["How big will the market be in 2029?", "how big will the markt be in 2029?"]
)
def test_a_question_that_names_no_market_lists_the_catalogue(summaries, question):
    chosen = route(question, summaries)
    assert chosen.report_id is None and chosen.reason == "unnamed" and chosen.matched == []
    text = chosen.clarifying_question(len(summaries))
    assert f"names no market of the {len(summaries)} ingested reports" in text
    listed = [c for c in chosen.candidates if c.title in text]
    assert len(listed) == MAX_LISTED == len(chosen.choices())
    assert f"and {len(summaries) - MAX_LISTED} more" in text


def test_the_clarifying_question_counts_candidates_it_does_not_list():
    many = [summary(f"widget-{i:02d}-market", f"Widget {i:02d} Market", f"Widget {i:02d}") for i in range(25)]
    chosen = route("How big is the widget market?", many)
    assert chosen.report_id is None and len(chosen.candidates) == 25
    text = chosen.clarifying_question(25)
    assert text.count("Widget ") == MAX_LISTED and f"and {25 - MAX_LISTED} more" in text


def test_a_follow_up_without_a_market_stays_with_the_conversation(summaries):
    history = ["How big is the CRO market?", "And its CAGR?"]
    chosen = route("and in 2030?", summaries, history)
    assert (chosen.report_id, chosen.reason) == (CRO, "conversation")
    # The ambiguous words of a follow-up are settled by the conversation's report.
    assert route("fish feed growth?", summaries, ["ornamental fish feed size"]).report_id == FISH


def test_a_follow_up_that_names_another_market_switches(summaries):
    history = ["How big is the moonlight fabric market?"]
    dragon = route("what about the dragon market?", summaries, history)
    assert dragon.report_id == "dragon-scale-polish-market"
    assert route("and the aquaculture fish feed market?", summaries, history).report_id == AQUA
    assert route("And the CRO market?", summaries, history).report_id == CRO


def test_a_stray_word_of_another_name_does_not_leave_the_conversation(summaries):
    solar = summary("residential-solar-market", "Residential Solar Market", "Residential Solar")
    catalogue = [*summaries, solar]
    history = ["How big is the moonlight fabric market?"]
    chosen = route("Is the residential segment the fastest growing?", catalogue, history)
    assert (chosen.report_id, chosen.reason) == (MOON, "conversation")
    # Without a conversation the same words do name the solar report.
    assert route("Is the residential solar segment growing?", catalogue).report_id == solar.id


def test_one_report_is_always_the_answer():
    only = [summary(SMO, "Global Clinical Trial Site Management Organization Market")]
    chosen = route("How big is the dragon market?", only)
    assert (chosen.report_id, chosen.reason) == (SMO, "only")


def test_the_index_is_built_once_per_catalogue(summaries):
    first = routing_index(summaries)
    assert routing_index(list(summaries)) is first
    changed = [*summaries, summary("tea-market", "Tea Market", "Tea")]
    assert routing_index(changed) is not first
    assert routing_index(changed).route("How big is the tea market?").report_id == "tea-market"


def test_index_starts_from_the_catalogue_order_it_is_given(summaries):
    index = RoutingIndex(list(reversed(summaries)))
    assert [r.id for r in index.reports] == sorted(r.id for r in summaries)


# --- a catalogue in a real store, answered by the real Assistant ---------------------------------


@pytest.fixture(scope="module")
def catalogue_settings(tmp_path_factory: pytest.TempPathFactory, seed_path: Path):
    """The seed and every fixture report ingested into one embedded store (shared, read-only)."""
    from assistant.index.ingest import ingest
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("catalogue")
    corpus = base / "corpus"
    corpus.mkdir()
    for path in [seed_path, *REPORT_FILES]:
        shutil.copy(path, corpus / path.name)
    settings = Settings(data_dir=base / "data", corpus_dir=corpus)
    result = ingest(settings, progress=False)
    assert result.ok and len(result.added) == len(REPORT_FILES) + 1, result.errors
    return settings


@pytest.fixture(scope="module")
def catalogue_assistant(catalogue_settings):
    from assistant import Assistant

    return Assistant(catalogue_settings)


def assert_cites(answer, report_id: str, catalogue_assistant) -> None:
    text = catalogue_assistant.report(report_id).text
    assert answer.citations and all(c.report_id == report_id for c in answer.citations)
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)
    assert answer.ungrounded_numbers == []


def test_named_market_is_answered_from_its_report(catalogue_assistant):
    answer = catalogue_assistant.ask("How big will the CRO market be in 2028?")
    assert (answer.status, answer.report_id) == ("answered", CRO)
    facts = catalogue_assistant.report(CRO).facts
    assert facts.market_size is not None and facts.cagr is not None
    expected = round(facts.market_size.amount * (1 + facts.cagr.percent / 100) ** (2028 - 2024), 2)
    assert any(c.output.get("value") == expected for c in answer.computations)
    assert f"{expected:.2f}" in answer.text
    assert_cites(answer, CRO, catalogue_assistant)


def test_ambiguous_question_comes_back_as_a_question(catalogue_assistant):
    answer = catalogue_assistant.ask("How big will the fish feed market be in 2027?")
    data = answer.to_json_dict()
    assert data["status"] == "unanswerable" and data["report_id"] is None
    assert data["answer"].startswith("Which report do you mean?")
    assert sorted(c["id"] for c in data["candidates"]) == [AQUA, FISH]
    for choice in data["candidates"]:
        assert choice["title"] == catalogue_assistant.report(choice["id"]).title
        assert choice["title"] in data["answer"]
    assert data["citations"] == [] and data["computations"] == []


def test_a_market_the_catalogue_lacks_gets_the_nearest_reports_as_choices(catalogue_assistant):
    answer = catalogue_assistant.ask("What was the size of the moon rock market in 2023?")
    assert (answer.status, answer.report_id) == ("unanswerable", None)
    assert answer.text.startswith("The catalogue holds no report on the moon rock market")
    assert answer.computations == [] and answer.citations == []
    # No name word is shared, so the reports' own vectors rank them: the lunar mining report first.
    assert answer.candidates[0].id == "lunar-regolith-mining-market"
    lunar = catalogue_assistant.report("lunar-regolith-mining-market")
    assert answer.candidates[0].title == lunar.title and answer.candidates[0].publisher == lunar.publisher
    assert answer.candidates[0].title in answer.text


def test_a_question_naming_no_market_offers_the_nearest_reports_first(catalogue_assistant):
    question = "How big will the market be in 2029?"
    answer = catalogue_assistant.ask(question)
    assert answer.status == "unanswerable" and len(answer.candidates) == MAX_LISTED
    nearest = [i for i, _ in catalogue_assistant.retriever.nearest_reports(question, MAX_LISTED)]
    assert [c.id for c in answer.candidates] == nearest
    assert [c.id for c in answer.candidates] != sorted(c.id for c in answer.candidates)


def test_report_codes_and_publisher_abbreviations_from_the_pages_route(catalogue_assistant):
    # The lunar page states its report code, the TechSci pages their publisher's abbreviation; both
    # reach routing through the stored records.
    coded = catalogue_assistant.ask("In report SA-0042, how big will the market be in 2027?")
    assert (coded.status, coded.report_id) == ("answered", "lunar-regolith-mining-market")
    by_source = catalogue_assistant.ask("per TSR, how big will the market be in 2030?")
    assert by_source.report_id is None
    assert sorted(c.id for c in by_source.candidates) == [SMO, MOON]
    assert all(c.publisher == "TechSci Research" and c.years for c in by_source.candidates)


def test_follow_up_stays_with_the_report_of_the_conversation(catalogue_assistant):
    first = catalogue_assistant.ask("How big will the ornamental fish feed market be in 2027?")
    assert first.report_id == FISH and first.status == "answered"
    history = [{"role": "user", "content": first.question}, {"role": "assistant", "content": first.text}]
    follow = catalogue_assistant.ask("and in 2029?", history=history)
    assert (follow.status, follow.report_id) == ("answered", FISH)
    assert any(c.inputs.get("year") == 2029 for c in follow.computations)
    assert_cites(follow, FISH, catalogue_assistant)


def test_an_explicit_report_id_overrides_routing(catalogue_assistant):
    answer = catalogue_assistant.ask("How big is the CRO market?", report_id="lunar-regolith-mining-market")
    assert answer.report_id == "lunar-regolith-mining-market"


def test_cli_report_option_and_facts_for_every_layout(catalogue_settings, monkeypatch, capsys):
    from assistant.cli.main import main

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(catalogue_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(catalogue_settings.corpus_dir))
    question = "How big will it be in 2027?"
    assert main(["ask", "--json", "--report", "dragon-scale-polish-market", question]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["report_id"] == "dragon-scale-polish-market" and answer["status"] == "answered"
    for path in REPORT_FILES:
        report_id = parse_report(path).id
        assert main(["facts", "--report", report_id, "--json"]) == 0
        (payload,) = json.loads(capsys.readouterr().out)["reports"]
        facts = payload["facts"]
        assert payload["id"] == report_id and payload["market"]
        assert facts["market_size"]["amount"] > 0 and facts["cagr"]["percent"] > 0, report_id
        assert facts["forecast_end"]["year"] > facts["market_size"]["year"], report_id
        expected = "disagree" if report_id == WHALE else "agree"
        assert payload["consistency"]["status"] == expected, payload["consistency"]["message"]


@pytest.mark.parametrize("year", [2027, 2034])
def test_unreconciled_figures_answer_says_it_uses_base_and_cagr(catalogue_assistant, year):
    answer = catalogue_assistant.ask(f"How big will the cloud whale tourism market be in {year}?")
    assert (answer.status, answer.report_id) == ("answered", WHALE)
    facts = catalogue_assistant.report(WHALE).facts
    assert facts.market_size is not None and facts.cagr is not None and facts.forecast_end is not None
    growth = 1 + facts.cagr.percent / 100
    value = round(facts.market_size.amount * growth ** (year - facts.market_size.year), 2)
    years_to_end = facts.forecast_end.year - facts.market_size.year
    compounded_end = round(facts.market_size.amount * growth**years_to_end, 2)
    assert f"{value:.2f}" in answer.text
    assert "do not reconcile" in answer.text
    assert f"uses the base and CAGR, not the stated {facts.forecast_end.year} value" in answer.text
    assert f"{compounded_end:.2f}" in answer.text and f"{facts.forecast_end.amount:.2f}" in answer.text
    assert any(c.output.get("computed_value") == compounded_end for c in answer.computations)
    assert_cites(answer, WHALE, catalogue_assistant)


def test_unreconciled_stated_end_is_quoted_and_flagged(catalogue_assistant):
    answer = catalogue_assistant.ask("How big will the cloud whale tourism market be in 2031?")
    assert answer.status == "answered" and "4.90" in answer.text
    assert "do not reconcile" in answer.text and "quotes the stated value" in answer.text
    assert_cites(answer, WHALE, catalogue_assistant)


def test_reconciling_figures_carry_no_such_note(catalogue_assistant):
    # The aquaculture report's end value is within the rounding of its base and CAGR.
    answer = catalogue_assistant.ask("How big will the aquaculture fish feed market be in 2027?")
    assert (answer.status, answer.report_id) == ("answered", AQUA)
    assert "reconcile" not in answer.text
