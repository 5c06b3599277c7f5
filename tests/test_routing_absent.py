"""Routing on a small fictional catalogue: markets the catalogue does not hold, candidates ranked by
how well they match, and words naming the source (publisher, abbreviation, edition).

The names are made up; the 50-report catalogue comes from benchmarks/synth_catalogue.py.
"""

from __future__ import annotations

import random

import pytest

from assistant.agent.routing import MAX_LISTED, route
from assistant.index.catalogue import ReportSummary
from benchmarks.synth_catalogue import market_names, slug

PUMP = "acoustic-pump-market"
PANEL = "marine-acoustic-panel-market"
KILN = "solar-kiln-market"
QLR_NEW = "graphene-membrane-market-qlr-2024"
QLR_OLD = "graphene-membrane-market-qlr-2022"
NMS = "graphene-membrane-market-nms"


def summary(
    report_id: str, title: str, market: str, publisher: str | None = None, years: str | None = None, **extra
):
    return ReportSummary(
        id=report_id,
        title=title,
        market=market,
        publisher=publisher,
        years=years,
        chunks=1,
        path=f"{report_id}.txt",
        **extra,
    )


@pytest.fixture(scope="module")
def catalogue() -> list[ReportSummary]:
    return [
        summary(PUMP, "Global Acoustic Pump Market", "Acoustic Pump", "Bluefield Analytics", "2024-2031"),
        summary(
            PANEL,
            "Marine Acoustic Panel Market Outlook",
            "Marine Acoustic Panel",
            "Halcyon Insights",
            "2025-2030",
        ),
        summary(KILN, "Solar Kiln Market Report", "Solar Kiln", "Oakmoor Intelligence", "2023-2029"),
        summary(
            QLR_NEW,
            "Graphene Membrane Market, 2024 Edition",
            "Graphene Membrane",
            "Quarry Lane Research",
            "2024-2032",
        ),
        summary(
            QLR_OLD,
            "Graphene Membrane Market, 2022 Edition",
            "Graphene Membrane",
            "Quarry Lane Research",
            "2022-2029",
        ),
        summary(
            NMS,
            "Graphene Membrane Market Study",
            "Graphene Membrane",
            "Northwind Market Studies",
            "2023-2030",
        ),
        summary(
            "hydrogen-valve-market",
            "Hydrogen Valve Market",
            "Hydrogen Valve",
            "Bluefield Analytics",
            "2024-2030",
            codes=["BA-HV-118"],
        ),
    ]


# --- a market the catalogue does not hold -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What was the size of the Acoustic Guitar market in 2023?", "Acoustic Guitar"),
        ("acoustic guitar market cagr?", "acoustic guitar"),
        ("How big is the market for acoustic guitars in Europe?", "acoustic guitars"),
        ("What is the global acoustic guitar industry worth?", "acoustic guitar"),
        ("How big will the solar oven market be in 2030?", "solar oven"),
        ("What's the market size of acoustic drums?", "acoustic drums"),
    ],
)
def test_a_market_the_catalogue_lacks_is_never_answered_from_a_similar_name(catalogue, question, asked):
    chosen = route(question, catalogue)
    assert chosen.report_id is None and chosen.reason == "absent", chosen
    assert chosen.asked == asked
    text = chosen.clarifying_question(len(catalogue))
    assert text.startswith(f"The catalogue holds no report on the {asked} market")
    assert chosen.candidates, "the nearest reports are offered"
    for choice in chosen.choices():
        assert choice.title in text


def test_the_nearest_reports_are_ranked_by_match_not_by_id(catalogue):
    # 'marine' and 'acoustic' are both in the panel report's name, only 'acoustic' in the pump's;
    # by id the pump report would come first.
    chosen = route("How big is the marine acoustic guitar market?", catalogue)
    assert chosen.reason == "absent"
    assert [c.id for c in chosen.candidates] == [PANEL, PUMP]
    first, second = chosen.choices()
    assert first.score > second.score > 0
    assert (first.title, first.publisher, first.years) == (
        "Marine Acoustic Panel Market Outlook",
        "Halcyon Insights",
        "2025-2030",
    )


def test_an_absent_market_is_refused_in_a_conversation_and_in_a_one_report_catalogue(catalogue):
    history = ["How big is the acoustic pump market?"]
    assert route("and the acoustic guitar market?", catalogue, history).reason == "absent"
    only = [catalogue[0]]
    chosen = route("What was the size of the Acoustic Guitar market in 2023?", only)
    assert (chosen.report_id, chosen.reason, [c.id for c in chosen.candidates]) == (None, "absent", [PUMP])


def test_a_market_sharing_no_word_with_any_name_is_left_to_the_report_in_hand(catalogue):
    # It may be a segment of the report ('the oncology market'); the answering step knows its segments.
    history = ["How big is the acoustic pump market?"]
    assert route("and the oncology market?", catalogue, history).report_id == PUMP
    assert route("How big is the oncology market?", [catalogue[0]]).report_id == PUMP
    # With no report in hand it is a market the catalogue lacks.
    assert route("How big is the oncology market?", catalogue).reason == "absent"


@pytest.mark.parametrize(
    "question",
    [
        "How big is the booming acoustic pump market?",
        "What is the European acoustic pump market worth in 2030?",
        "acoustic pumps market size",
        "What's the market size of acoustic pumps?",
    ],
)
def test_qualifiers_around_a_whole_name_still_route(catalogue, question):
    assert route(question, catalogue).report_id == PUMP


def test_fifty_reports_and_absent_markets_sharing_their_first_word():
    rng = random.Random(3)
    names = market_names(50, rng)
    catalogue = [summary(slug(n) + "-market", f"Global {n} Market", n) for n in names]
    absent_objects = ["Guitar", "Violin", "Trampoline", "Saxophone", "Hammock"]
    wrong = []
    for name in names:
        first = name.split()[0]
        for thing in absent_objects:
            question = f"What was the size of the {first} {thing} market in 2023?"
            chosen = route(question, catalogue)
            if chosen.report_id is not None or chosen.reason != "absent":
                wrong.append((question, chosen.report_id, chosen.reason))
    assert wrong == []
    # The reports themselves are still found by their names.
    for name in names:
        assert route(f"How big is the {name} market?", catalogue).report_id == slug(name) + "-market"


# --- ranking when no market is named -----------------------------------------------------------------


def test_a_question_naming_no_market_ranks_candidates_by_nearness(catalogue):
    order = [KILN, NMS, PUMP, PANEL, QLR_OLD, QLR_NEW, "hydrogen-valve-market"]

    def nearest(question: str, k: int) -> list[tuple[str, float]]:
        return [(report_id, 0.9 - 0.1 * rank) for rank, report_id in enumerate(order[:k])]

    chosen = route("How big will the market be in 2029?", catalogue, nearest=nearest)
    assert chosen.reason == "unnamed"
    assert [c.id for c in chosen.candidates] == order
    assert [c.id for c in chosen.choices()] == order[:MAX_LISTED]
    scores = [c.score for c in chosen.choices()]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


# --- words naming the source ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Per Northwind Market Studies, how big is the graphene membrane market?", NMS),
        ("graphene membrane market size according to NMS", NMS),
        ("What does Northwind's graphene membrane study say about 2028?", NMS),
        ("Quarry Lane Research's 2024-2032 edition: graphene membrane CAGR?", QLR_NEW),
        ("According to QLR (2022-2029 edition), how big is the graphene membrane market?", QLR_OLD),
        ("per Bluefield Analytics, how big is the acoustic pump market?", PUMP),
        ("according to Acme Market Research, how big is the acoustic pump market?", PUMP),
        ("In report BA-HV-118, what is the CAGR?", "hydrogen-valve-market"),
        ("per Halcyon, how big will the market be in 2030?", PANEL),
    ],
)
def test_words_naming_the_source_do_not_break_routing_and_help_choose(catalogue, question, expected):
    chosen = route(question, catalogue)
    assert chosen.report_id == expected, chosen


def test_a_publisher_with_several_reports_narrows_the_candidates(catalogue):
    chosen = route("According to Quarry Lane Research, how big is the graphene membrane market?", catalogue)
    assert chosen.reason == "ambiguous"
    assert sorted(c.id for c in chosen.candidates) == [QLR_OLD, QLR_NEW]
    text = chosen.clarifying_question(len(catalogue))
    assert "Quarry Lane Research, 2024-2032" in text and "Quarry Lane Research, 2022-2029" in text
    unnamed = route("per Bluefield Analytics, what is the CAGR?", catalogue)
    assert unnamed.reason == "unnamed"
    assert sorted(c.id for c in unnamed.candidates) == [PUMP, "hydrogen-valve-market"]


def test_publisher_abbreviations_on_the_record_are_understood():
    catalogue = [
        summary("tea-market", "Tea Market", "Tea", "Tessellate Partners", publisher_aliases=["TeP"]),
        summary("tea-market-oak", "Tea Market", "Tea", "Oakmoor Intelligence"),
    ]
    assert route("tea market size per TeP", catalogue).report_id == "tea-market"
    assert route("tea market size per Oakmoor", catalogue).report_id == "tea-market-oak"
