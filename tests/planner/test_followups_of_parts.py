"""Follow-ups about the part just discussed: a bare figure word ("growth?", "$ value in 24"), "which
countries lead" after a region, its rate against the market's, "and europe overall?" asking the same
kind of figure again, "how much is that up from 24" and "the $ gap to 2034" from the year just asked;
a segment named without the market's own word ("flat-knit" for "Flat-knit wraps"); a region's
leader named with its share; a country's rate in a sentence that calls another country "the region's
largest market"; "why" after a ranking, its other end ("the slowest one's cagr?"), "as a cagr?" after
the gap between two years, and a follow-up that names its own measure ("and how many shipped")."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

WRAPS = """\
# Compression Wraps Market Outlook, 2025-2033

The global compression wraps market was valued at USD 800.0 million in 2024 and USD 860.0 million in
2025, and is projected to reach USD 1,500.0 million by 2033, a CAGR of 7.2% over 2025-2033.

## Segments

| Product type | Share, 2024 | CAGR, 2025-2033 |
|---|---|---|
| Flat-knit wraps | 46.0% | 6.1% |
| Circular-knit wraps | 30.0% | 5.0% |
| Adjustable wraps | 24.0% | 9.4% |

## Regional analysis

| Region | Share, 2024 | CAGR, 2025-2033 |
|---|---|---|
| North America | 38.0% | 6.0% |
| Europe | 30.0% | 6.5% |
| Asia Pacific | 22.0% | 10.5% |

North America held the largest share of global revenue in 2024.

### Asia Pacific

Asia Pacific is the fastest-growing region. Japan and South Korea lead on premium wraps, while
Australia has the highest adoption per head. Japan is the region's largest market today, but China is
expected to grow at a CAGR of 12.0% between 2025 and 2033.

### Europe

The United Kingdom is projected to grow at a CAGR of 6.9%.
"""


@pytest.fixture(scope="module")
def wraps():
    return asker(parse_text(WRAPS, "compression-wraps-market.md", "wraps"))


def test_a_bare_figure_word_asks_of_the_part_just_discussed(wraps):
    answer = converse(wraps, "adjustable wraps - share?", "growth?")
    assert "9.4%" in answer.text and "7.2%" not in answer.text, answer.text
    answer = converse(wraps, "adjustable wraps - share?", "growth?", "$ value in 24")
    assert answer.status == "answered", answer.text
    assert "192" in answer.text, answer.text  # 24% of USD 800 million
    assert any(c.tool == "share_value" for c in answer.computations), answer.computations


def test_which_countries_lead_after_a_region(wraps):
    answer = converse(wraps, "apac share", "which countries lead")
    assert answer.status == "answered", answer.text
    assert "Japan and South Korea lead" in answer.text, answer.text


def test_a_regions_rate_against_the_markets(wraps):
    answer = converse(wraps, "apac cagr", "how does the growth compare w/ global, pts difference")
    assert answer.status == "answered", answer.text
    assert "10.5%" in answer.text and "7.2%" in answer.text and "3.3 percentage points" in answer.text, (
        answer.text
    )


def test_and_another_part_asks_the_same_kind_of_figure(wraps):
    answer = converse(wraps, "uk growth outlook", "and europe overall?")
    assert answer.status == "answered", answer.text
    assert "6.5%" in answer.text and "30%" not in answer.text, answer.text


def test_the_change_from_and_to_the_year_just_asked(wraps):
    answer = converse(wraps, "what's the market worth in 2025", "how much is that up from 24, in %")
    assert "From 2024 to 2025" in answer.text and "7.5%" in answer.text, answer.text
    answer = converse(wraps, "what's the market worth in 2025", "and the $ gap to 2033")
    assert "From 2025 to 2033" in answer.text and "640" in answer.text, answer.text


def test_a_segment_named_without_the_markets_own_word(wraps):
    answer = wraps("flat-knit segment share in 24?")
    assert answer.status == "answered", answer.text
    assert "46%" in answer.text, answer.text


def test_the_leading_region_with_its_share(wraps):
    answer = wraps("which region is biggest")
    assert "North America" in answer.text and "38%" in answer.text, answer.text


def test_a_countrys_rate_beside_the_regions_largest_market(wraps):
    answer = wraps("china cagr?")
    assert answer.status == "answered", answer.text
    assert "12%" in answer.text, answer.text


DEBURRING = """\
# Cryogenic Finishing Equipment Market Report, 2025-2031

The global cryogenic finishing equipment market was valued at USD 300.0 million in 2021 and USD 318.6
million in 2024, and is projected to reach USD 504.9 million by 2031, a CAGR of 6.8% over 2025-2031.
Manufacturers shipped an estimated 1,940 machines in 2024, at an average selling price of roughly USD
117,000 for new systems.

## Trends

- Continuous in-line systems that sit directly after the molding press are replacing batch machines in
  automated cells.
- X-ray scanning of finished parts is moving from an occasional audit to a subscription service.

## By Equipment Type

| Equipment type | Share, 2024 | CAGR, 2025-2031 |
|---|---|---|
| Tumble systems | 46.0% | 5.7% |
| Batch chamber systems | 31.0% | 6.5% |
| Continuous in-line systems | 23.0% | 8.7% |

Tumble systems remain the workhorse of the industry; continuous in-line systems are growing fastest.
"""


@pytest.fixture(scope="module")
def deburring():
    return asker(parse_text(DEBURRING, "cryogenic-finishing-equipment-market.md", "finishing"))


def test_why_after_a_ranking_gives_what_drives_the_one_it_named(deburring):
    answer = converse(deburring, "fastest growing equipment type", "why is it gaining")
    assert "replacing batch machines" in answer.text, answer.text


def test_the_other_end_of_a_ranking(deburring):
    answer = converse(deburring, "fastest growing equipment type", "and the slowest one's cagr?")
    assert "Tumble systems" in answer.text and "5.7%" in answer.text, answer.text


def test_a_rate_between_the_two_years_just_compared(deburring):
    answer = converse(deburring, "mkt size 2021?", "and 2024", "the gap between the two", "as a cagr?")
    assert "2.0" in answer.text and "Between 2021" in answer.text, answer.text  # (318.6/300)^(1/3) - 1


def test_a_question_naming_its_own_measure_keeps_it(deburring):
    answer = converse(deburring, "what was the avg selling price of a new machine", "and how many shipped")
    assert "1,940" in answer.text, answer.text


LINEN = """\
HOTEL TOWEL RENTAL MARKET REPORT, 2025-2030

The global hotel towel rental market was valued at USD 4.20 billion in 2024 and is projected to reach
USD 5.90 billion by 2030, a CAGR of 5.8% over 2025-2030.

DRIVERS

**Outsourcing of in-house laundries.** Hotels are closing laundry rooms to free floor space.

**Labour shortages in housekeeping.** Hotels struggle to staff laundry shifts. Rental providers run
automated plants that need fewer workers per kilogram.

**Sustainability reporting.** Chains must report water use per occupied room.

REGIONAL ANALYSIS

    Region                  Share 2024    CAGR 2025-2030   Key countries
    North America             36.0%          5.1%          United States, Canada
    Europe                    31.0%          4.9%          Germany, France, Spain
    Asia Pacific              24.0%          7.6%          China, Japan, Thailand

Asia Pacific is the fastest-growing region. Resort openings in Vietnam and Indonesia add demand.
"""


@pytest.fixture(scope="module")
def linen():
    return asker(parse_text(LINEN, "hotel-towel-rental-market.txt", "towels"))


def test_which_countries_a_region_names(linen):
    answer = converse(linen, "apac share?", "which countries there?")
    assert answer.status == "answered", answer.text
    for country in ("China", "Japan", "Thailand", "Vietnam"):
        assert country in answer.text, answer.text
    assert "Germany" not in answer.text and "Canada" not in answer.text, answer.text


def test_the_second_point_of_a_list_of_drivers(linen):
    answer = converse(linen, "drivers pls", "the second one?")
    assert "Labour shortages" in answer.text and "fewer workers" in answer.text, answer.text


def test_a_regions_rate_against_the_markets_after_its_countries(linen):
    answer = converse(linen, "apac share?", "which countries there?", "its cagr vs the market?")
    assert "7.6%" in answer.text and "5.8%" in answer.text and "1.8 percentage points" in answer.text, (
        answer.text
    )
