"""Segments asked about every way analysts ask: by an abbreviation ("f&b") or the first words of a
longer name ("2d imaging") for a value the page never gives, a segment the page never names, a growth
rate stated with "register", a premise that names the wrong leader or the wrong fastest grower, a count
the page does not state next to one it does, and a segment whose name opens with a digit quoted whole."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

HERITAGE = """\
# Heritage Digitisation Services Market Report, 2025-2033

The global heritage digitisation services market was valued at USD 1.30 billion in 2024 and is
expected to reach USD 2.93 billion by 2033, growing at a CAGR of 9.4% from 2025 to 2033.

## Segment analysis

### By technology

2D imaging and capture held 52.0% of 2024 revenue, as flatbed and overhead scanning remains the
cheapest way to copy paper collections. 3D scanning and photogrammetry accounted for 30.0% and is
the fastest-growing technology, at a CAGR of 12.8%, because falling camera and processing costs let
smaller archives record objects in three dimensions. Audio and video transfer made up the remaining 18.0%.

### By collection type

Archives, manuscripts and maps accounted for the largest share, at 41.0% of 2024 revenue.
Photographs and film followed with 33.0%. Natural history specimens are expected to register a CAGR
of 11.6% through 2033 as herbaria and insect collections are imaged for research portals.

## Regional analysis

Europe led with 39.0% of 2024 revenue, followed by North America at 31.0%.

## Key players

- Vellum Imaging Ltd.
- Stratacopy Heritage Services
"""

VALVES = """\
# Hygienic Valve Market Report, 2025-2032

The global hygienic valve market was valued at USD 2.60 billion in 2024 and is projected to reach
USD 4.05 billion by 2032, growing at a CAGR of 5.7% from 2025 to 2032. Shipments reached approximately
286,000 units in 2024.

## Segment analysis

### By valve type

Pneumatically actuated valves held the largest share, 46.0% of 2024 revenue. Electrically actuated
valves accounted for 30.0%, and mechanical valves for the remaining 24.0%.

### By end user

Veterinary hospitals & clinics held 55.0% of 2024 revenue. Food and beverage plants accounted for
27.0%, and research laboratories for 18.0%. Research laboratories are the fastest-growing end user,
at a CAGR of 9.2% from 2025 to 2032.

## Regional analysis

North America led with 37.0% of 2024 revenue.
"""


@pytest.fixture(scope="module")
def heritage():
    return asker(parse_text(HERITAGE, "heritage-digitisation-services-market.md", "heritage"))


@pytest.fixture(scope="module")
def valves():
    return asker(parse_text(VALVES, "hygienic-valve-market.md", "hygienic-valves"))


def test_an_abbreviated_segments_value_is_declined_not_the_markets(valves):
    answer = valves("f&b segment value by 2032?")
    assert answer.status == "unanswerable", answer.text
    assert "gives no dollar value for Food and beverage plants" in answer.text, answer.text
    # the whole market's 2032 figure may follow as context, never as the segment's value
    declined = answer.text.split("For the whole market")[0]
    assert "4.05" not in declined, answer.text


def test_a_segment_asked_by_its_first_words_for_a_value_it_lacks(heritage):
    answer = heritage("what will 2d imaging alone be worth by 2033?")
    assert answer.status == "unanswerable", answer.text
    assert "gives no dollar value for 2D imaging and capture" in answer.text, answer.text
    assert "2.93" not in answer.text.split("For the whole market")[0], answer.text


def test_a_segment_the_page_never_names(valves):
    answer = valves("widgets segment value by 2032?")
    assert answer.status == "unanswerable", answer.text
    assert "names no widgets segment" in answer.text, answer.text


def test_a_rate_the_segment_is_expected_to_register(heritage):
    answer = heritage("what's the growth rate of natural history specimens")
    assert answer.status == "answered", answer.text
    assert "11.6%" in answer.text and "Natural history specimens" in answer.text, answer.text


def test_a_wrong_leader_in_the_premise_is_corrected_before_the_share(valves):
    answer = valves("since mechanical valves lead the type split, what's their share?")
    text = answer.text
    assert answer.status == "answered", text
    correction = text.find("does not say mechanical valves")
    assert correction != -1, text
    leader = text.find("Pneumatically actuated valves", correction)
    assert leader != -1 and "46%" in text[leader:], text
    assert text.rfind("24%") > leader, text


def test_a_wrong_fastest_grower_in_the_premise_is_corrected_and_the_share_given(valves):
    answer = valves("hospitals/clinics are the fastest growing end user right? whats their share")
    text = answer.text
    assert answer.status == "answered", text
    correction = text.find("does not name Veterinary hospitals & clinics as the fastest")
    assert correction != -1, text
    assert "research laboratories" in text.casefold() and "9.2%" in text, text
    assert "55%" in text[correction:], text


def test_a_count_the_page_does_not_state_is_declined(heritage):
    answer = heritage("how many objects get digitised each year?")
    assert answer.status == "unanswerable", answer.text
    assert "by year" not in answer.text.casefold() and answer.series == [], answer.text


def test_a_count_the_page_states_is_given(valves):
    answer = valves("how many units were shipped in 2024?")
    assert answer.status == "answered", answer.text
    assert "286,000 units" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["why is 3d scanning growing so fast?", "3d scanning and photogrammetry growth rate and why?"],
)
def test_a_segment_whose_name_opens_with_a_digit_is_quoted_whole(heritage, question):
    answer = heritage(question)
    assert "[number removed]" not in answer.text, answer.text
    assert "3D scanning and photogrammetry" in answer.text, answer.text
    assert answer.ungrounded_numbers == [], answer.ungrounded_numbers
