"""A segment's value the page does not state but its share does: the share of the market's size
that year, computed and labelled as such; a segment named by its head word ('cloud' for
Cloud-based); and a segment's own rate, never the market's. On a page whose title lists its
segments, in a table layout of its own."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """Commercial Drone Insurance Market Size, Share & Analysis, By Coverage (Hull, Third-party Liability), By Platform (Cloud-based, On-premises), 2025-2030

The commercial drone insurance market was valued at USD 1.10 billion in 2024 and is expected to reach
USD 1.85 billion by 2030, growing at a CAGR of 9.0% from 2025 to 2030. Insurers price hull and
liability cover per flight hour.

Market share by segment, 2024, and CAGR 2025-2030
Segment type\tSegment\tShare 2024 (%)\tCAGR 2025-2030 (%)
Coverage\tHull\t38.5\t8.2
Coverage\tThird-party Liability\t61.5\t9.5
Platform\tCloud-based\t70.0\t10.4
Platform\tOn-premises\t30.0\t5.1
"""


@pytest.fixture(scope="module")
def ask():
    return asker(
        parse_text(PAGE, "commercial-drone-insurance-market.txt", "commercial-drone-insurance-market")
    )


@pytest.mark.parametrize(
    "question", ["hull segment value in 2024", "how much was hull cover worth in 2024 in dollars"]
)
def test_a_segment_value_from_its_share(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "0.42" in answer.text and "38.5%" in answer.text, answer.text  # 38.5% of USD 1.10 billion
    assert answer.working, "the share arithmetic is shown"


@pytest.mark.parametrize(("question", "figure"), [("cloud share", "70"), ("cagr for on-premises", "5.1%")])
def test_a_segment_named_in_the_title_is_still_a_segment(ask, question, figure):
    answer = ask(question)
    assert figure in answer.text and "9.0%" not in answer.text, answer.text


def test_a_leader_the_page_never_names_is_corrected_from_its_figures(ask):
    answer = ask("given hull is the fastest growing coverage type, what's its cagr")
    first = answer.text.split("\n\n")[0]
    assert "does not name Hull" in first and "Third-party Liability" in first and "9.5%" in first, answer.text
    assert "8.2%" in answer.text


def test_the_rest_of_a_false_premise_asks_about_its_subject(ask):
    answer = ask("since hull is the biggest coverage type, what share does it have")
    first, _, rest = answer.text.partition("\n\n")
    # corrected by the shares of its own kind (a segment), not by the largest region
    assert "does not" in first and "Hull" in first and "Third-party Liability" in first, answer.text
    assert "61.5%" in first and "38.5%" in answer.text, answer.text


def test_a_segment_named_by_the_initials_it_carries():
    from assistant.planner.slots import Entity, match_entities

    vocabulary = [
        Entity("segment", "Reusable plastic containers (RPCs)", "Asset Type", None, False, frozenset())
    ]
    assert [e.name for e in match_entities("rpc cagr?", vocabulary)] == ["Reusable plastic containers (RPCs)"]


MARKDOWN_TABLE = """# Desk Fan Market Report 2025-2032

The desk fan market was valued at **USD 2.40 billion in 2024** and is expected to grow at a CAGR of
**5.0%** from 2025 to 2032.

| Segment | Sub-segment | Share of 2024 revenue | CAGR 2025-2032 |
|---|---|---|---|
| Blade type | Bladeless (air multiplier) | 35.0% | 7.1% |
| Blade type | Bladed (classic) | 65.0% | 3.9% |
"""


def test_a_markdown_table_whose_first_column_repeats_its_dimension():
    ask_fans = asker(parse_text(MARKDOWN_TABLE, "desk-fan-market.md", "desk-fan-market"))
    answer = ask_fans("bladeless cagr?")
    assert "7.1%" in answer.text and "5.0%" not in answer.text, answer.text


def test_a_segments_worth_asked_beside_its_share(ask):
    answer = ask("how much is hull worth in $ in 2024? share x total")
    assert "0.42" in answer.text, answer.text


def test_a_wrong_largest_segment_is_corrected_from_the_shares(ask):
    first = ask("since hull is the biggest segment, what share does it have").text.split("\n\n")[0]
    assert "Hull" in first and "61.5%" in first and "38.5%" in first, first


def test_the_segmentation_of_a_page_that_lists_none_comes_from_its_figures():
    ask_fans = asker(parse_text(MARKDOWN_TABLE, "desk-fan-market.md", "desk-fan-market"))
    answer = ask_fans("what segments does the report cover?")
    assert "Blade type" in answer.text and "Bladeless (air multiplier)" in answer.text, answer.text


def test_whats_that_in_dollars_after_a_share_is_the_value_from_that_share(ask):
    answer = converse(ask, "hull share?", "whats that in usd roughly")
    assert answer.status == "answered", answer.text
    assert "0.42" in answer.text and "38.5%" in answer.text, answer.text


def test_a_share_asked_after_a_value_is_a_share_again(ask):
    answer = converse(ask, "how much was hull cover worth in 2024 in dollars", "third-party liability share?")
    assert answer.status == "answered" and "61.5%" in answer.text, answer.text
    assert "no dollar value" not in answer.text


@pytest.mark.parametrize(
    "follow", ["and in 2030 at its own cagr?", "what about 2030 if it grows at that rate"]
)
def test_a_later_year_at_the_segments_own_rate_after_its_value(ask, follow):
    answer = converse(ask, "hull segment value in 2024", follow)
    assert answer.status == "answered", answer.text
    # 38.5% of USD 1.10 billion = 0.4235, grown at hull's 8.2% for six years
    assert "0.68" in answer.text and "8.2%" in answer.text, answer.text
