"""Segment names read from prose, rows and lists: a name followed by an aside opened with "though",
dot-leader rows whose labels hold numbers, a list that names its verb once (a gerund name, a name with
"and", a trailing "with ... making up"), a name and its verb-less second figure, a segment named again
by a short form or its kind word, bullets cut at the verb, a name in an FAQ answer that opens with a
digit, a table name spelt with "&" and prose with "and", a name that lists its parts with commas, a
ranking that names each next segment before its figure with commas only, and key players listed after a
run-in label."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

LAUNDRY = """\
COMMERCIAL LAUNDRY EQUIPMENT MARKET, 2025-2032

Summary report | Halden Insights

The global commercial laundry equipment market was valued at USD 5.80 billion in 2024 and is projected
to reach USD 8.60 billion by 2032, growing at a CAGR of 5.0% from 2025 to 2032.


5. SEGMENTS

5.1 By type

Washer-extractors held 58.0% of 2024 revenue.
Tunnel washers, though a small segment today, are expected to grow at the fastest rate, a CAGR of 8.4% over the forecast period.

5.2 By Capacity (share of 2024 revenue)

   Below 20 kg ....... 31.5%
   20-60 kg ........ 48.0%
   Above 60 kg ....... 20.5%

5.3 By end use

Hotels were the largest end-use segment, accounting for 36.0% of 2024 revenue. Hospitals held 22.5%,
manufacturing 14.0%, prisons and barracks 9.5%, and student housing 8.0%, with other users (spas, gyms,
cruise ships) making up 10.0%.

5.4 By sales channel

New machines generated 71% of 2024 revenue and refurbishment and rental contracts 29%.
The refurbishment segment is expected to grow faster than new machines, at a CAGR of 6.6%.
"""

FILTERS = """\
# Industrial Air Filter Market Report, 2025-2031

The global industrial air filter market was valued at USD 7.20 billion in 2024 and is expected to grow
at a CAGR of 5.6% from 2025 to 2031.

## Segment analysis

### By filter type

| Filter type | Share of 2024 revenue |
|---|---|
| HEPA and ULPA filters | 41.0% |
| Bag filters | 35.0% |
| Fine & coarse filters | 24.0% |

The fine and coarse filters segment is driven by replacement cycles in general ventilation.

### By end use

| End use | Share of 2024 revenue |
|---|---|
| Pharmaceutical plants | 29.4% |
| Semiconductor fabs | 21.0% |
| Cold storage facilities | 8.1% |

Cold storage is projected to be the fastest-growing end use, at a CAGR of 7.1%.
"""

ULTRASOUND = """\
# Veterinary Ultrasound Market Report, 2024-2030

The global veterinary ultrasound market was valued at USD 410.0 million in 2023 and is projected to
grow at a CAGR of 6.2% from 2024 to 2030.

## Segments

### By End User

- Veterinary hospitals & clinics held the largest share, 55.0%, in 2023.
- Research institutes accounted for 33.0% of revenue.
- Lay technicians represented 12.0%.
"""

VALVES_FAQ = """\
# Irrigation Valve Market Report, 2025-2032

The global irrigation valve market was valued at USD 3.10 billion in 2024 and is expected to grow at a
CAGR of 6.8% from 2025 to 2032.

## Frequently asked questions

**What is the growth rate of the irrigation valve market?**

The irrigation valve market is expected to grow at a CAGR of 6.8% from 2025 to 2032.

**Which valve type is growing fastest?**

{answer}
"""

HERITAGE = """\
# Heritage Digitisation Services Market Report, 2025-2033

The global heritage digitisation services market was valued at USD 1.30 billion in 2024 and is
expected to grow at a CAGR of 9.4% from 2025 to 2033.

## By collection type

Archives, manuscripts and maps accounted for the largest share, at 41.0% of 2024 revenue.
Photographs and film followed with 33.0%.
"""


@pytest.fixture(scope="module")
def laundry() -> Report:
    return parse_text(LAUNDRY, "commercial-laundry-equipment-market.txt", "laundry")


@pytest.fixture(scope="module")
def filters() -> Report:
    return parse_text(FILTERS, "industrial-air-filter-market.md", "air-filters")


def test_an_aside_opened_by_though_is_no_part_of_the_name(laundry: Report):
    rates = figures_by_name(laundry, "cagr")
    assert rates["Tunnel washers"].value == 8.4
    assert rates["Tunnel washers"].scope.kind == "segment"
    names = {(q.scope.name or "").casefold() for q in laundry.facts.quantities}
    assert not any("small" in name for name in names), names
    segments = [n.name.casefold() for named in laundry.facts.segmentation.values() for n in named]
    assert not any("small" in name for name in segments), segments


def test_dot_leader_rows_whose_labels_hold_numbers(laundry: Report):
    shares = figures_by_name(laundry, "share")
    expected = {"Below 20 kg": 31.5, "20-60 kg": 48.0, "Above 60 kg": 20.5}
    for name, value in expected.items():
        assert shares[name].value == value, name
        assert shares[name].scope.dimension == "Capacity", shares[name].scope
    assert [n.name for n in laundry.facts.segmentation["Capacity"]] == list(expected)
    values = {q.value for q in laundry.facts.quantities}
    assert 20.0 not in values and 60.0 not in values, values


def test_a_list_that_names_its_verb_once_with_a_trailing_making_up(laundry: Report):
    shares = {name.casefold(): q.value for name, q in figures_by_name(laundry, "share").items() if name}
    assert shares["hospitals"] == 22.5
    assert shares["manufacturing"] == 14.0
    assert shares["prisons and barracks"] == 9.5
    assert shares["student housing"] == 8.0
    other = [value for name, value in shares.items() if name.startswith("other users")]
    assert other == [10.0], shares


def test_a_second_name_without_a_verb_and_its_short_form_later_are_one_segment(laundry: Report):
    shares = figures_by_name(laundry, "share")
    assert shares["refurbishment and rental contracts"].value == 29.0
    assert shares["New machines"].value == 71.0
    rates = figures_by_name(laundry, "cagr")
    assert rates["refurbishment and rental contracts"].value == 6.6
    names = [n.name for n in laundry.facts.segmentation["Sales channel"]]
    assert names == ["New machines", "refurbishment and rental contracts"]


def test_a_short_form_with_a_kind_word_names_the_same_segment(filters: Report):
    share = next(q for q in filters.facts.quantities if q.metric == "share" and q.value == 8.1)
    rate = next(q for q in filters.facts.quantities if q.metric == "cagr" and q.value == 7.1)
    assert share.scope.name == "Cold storage facilities"
    assert rate.scope.name == share.scope.name
    assert rate.scope.kind == "segment"


def test_bullet_segments_are_cut_at_the_verb():
    report = parse_text(ULTRASOUND, "veterinary-ultrasound-market.md", "vet-ultrasound")
    names = [n.name for n in report.facts.segmentation["End User"]]
    assert "Veterinary hospitals & clinics" in names and "Lay technicians" in names, names
    assert not any("held" in name or "represented" in name for name in names), names
    shares = figures_by_name(report, "share")
    assert shares["Veterinary hospitals & clinics"].value == 55.0
    assert shares["Lay technicians"].value == 12.0


@pytest.mark.parametrize(
    "answer",
    [
        "3D-printed valves, at a CAGR of 13.1%, as growers retrofit older drip lines.",
        "Drip valves, at a CAGR of 13.1%, as growers retrofit.",
    ],
)
def test_a_segments_rate_in_an_faq_answer_is_not_the_markets(answer: str):
    report = parse_text(VALVES_FAQ.format(answer=answer), "irrigation-valve-market.md", "valves")
    assert report.facts.cagr is not None and report.facts.cagr.percent == 6.8
    market_rates = {
        q.value for q in report.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"
    }
    assert market_rates == {6.8}, market_rates


def test_a_name_spelt_with_and_in_prose_is_the_tables_segment(filters: Report):
    names = [n.name for n in filters.facts.segmentation["Filter type"]]
    assert names == ["HEPA and ULPA filters", "Bag filters", "Fine & coarse filters"]
    everywhere = [n.name.casefold() for named in filters.facts.segmentation.values() for n in named]
    assert not any(name.startswith("fine and coarse") for name in everywhere), everywhere


def test_a_name_that_lists_its_parts_with_commas():
    report = parse_text(HERITAGE, "heritage-digitisation-services-market.md", "heritage")
    shares = figures_by_name(report, "share")
    assert shares["Archives, manuscripts and maps"].value == 41.0
    assert "maps" not in shares and "manuscripts" not in shares


CRANES = """\
# Harbour Crane Rental Market Report

The global harbour crane rental market was valued at USD 2.40 billion in 2024 and is projected to reach
USD 3.90 billion by 2032, growing at a CAGR of 6.3% from 2025 to 2032.

## Segment analysis

By end user, container terminals held the largest share at 41.0% in 2024, followed by bulk ports at
22.0%, offshore yards at 18.0%, and inland river ports at 12.0%.

{players}
"""


def test_a_ranking_names_each_next_segment_before_its_figure():
    report = parse_text(CRANES.format(players=""), "harbour-crane-rental-market.md", "cranes")
    shares = {name.casefold(): q.value for name, q in figures_by_name(report, "share").items() if name}
    assert shares == {
        "container terminals": 41.0,
        "bulk ports": 22.0,
        "offshore yards": 18.0,
        "inland river ports": 12.0,
    }


@pytest.mark.parametrize(
    "players",
    [
        "**Key players.** The market is served by Alder Lift, Brightwater Cranes, Corvel Hoisting and Dunmore Rentals.",
        "**Leading companies:** Alder Lift, Brightwater Cranes, Corvel Hoisting, Dunmore Rentals.",
        "Key players: The field includes Alder Lift, Brightwater Cranes, Corvel Hoisting and Dunmore Rentals.",
    ],
)
def test_key_players_listed_after_a_run_in_label(players: str):
    report = parse_text(CRANES.format(players=players), "harbour-crane-rental-market.md", "cranes")
    names = [named.name for named in report.facts.key_players]
    assert names == ["Alder Lift", "Brightwater Cranes", "Corvel Hoisting", "Dunmore Rentals"]


PLAYERS_WITH_TOWNS = """\
# Pickled Ginger Market Report

The pickled ginger market was valued at USD 410 million in 2024.

Japan alone generated USD 122 million in 2024, the largest single country.

The study profiles five companies: Hanabi Foods (Osaka, Japan), Gari Works Ltd (Leeds, UK), Pink
Root Inc. (Fresno, California, US), Shoga House (Busan, South Korea) and Amazu Co. (Sapporo, Japan).
"""


def test_players_listed_with_their_towns_in_brackets():
    report = parse_text(PLAYERS_WITH_TOWNS, "pickled-ginger-market.md")
    assert [p.name for p in report.facts.key_players] == [
        "Hanabi Foods",
        "Gari Works Ltd",
        "Pink Root Inc.",
        "Shoga House",
        "Amazu Co.",
    ]
    # a company's town and country are no parts of it: Japan's figure stays Japan's alone
    japan = [q for q in report.facts.quantities if q.scope.name == "Japan"]
    assert [(q.metric, q.value, q.scope.dimension) for q in japan] == [("market_size", 122.0, None)]


PROFILED_IN_A_STORY = """\
# Kiln Shelf Market Report

The kiln shelf market was valued at USD 310 million in 2024 and is expected to grow at a CAGR of 5.2%
from 2025 to 2032.

The supplier base is small. The study profiles Corbel Ceramics of Stoke, England, the largest supplier,
which it estimates held about 21% of global revenue in 2024, along with Refrax Oy (Tampere, Finland),
Shelfworks Inc. (Akron, Ohio) and Mullite House (Jingdezhen, China).
"""


def test_players_a_news_story_profiles_after_an_aside_on_the_first():
    report = parse_text(PROFILED_IN_A_STORY, "kiln-shelf-market.md")
    assert [p.name for p in report.facts.key_players] == [
        "Corbel Ceramics",
        "Refrax Oy",
        "Shelfworks Inc.",
        "Mullite House",
    ]
    # the company's share is no place's: England holds no 21%
    assert all(q.scope.name != "England" for q in report.facts.quantities)
