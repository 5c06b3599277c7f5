"""A plain-text press release that opens with its dateline, and questions with hedged claims: the
dateline is no subject (the market's size and rate stay the market's), bracketed shares after names
under a 'By ...' lead-in, a segment named by its initials, 'roughly half the market' checked against
the page's share, 'whats the 2031 number', and a what-if 'instead' of the year just asked."""

from __future__ import annotations

import pytest
from asking import asker
from parsed import figures_by_name
from test_questions import converse

from assistant.parsing.parse import parse_text

RELEASE = """Rooftop Solar Cleaning Services Market to Reach USD 3.10 Billion by 2031, Says Harrow Lane Research

DENVER, Colorado, April 8, 2025 -- The global rooftop solar cleaning services market was valued at USD 1.40
billion in 2024 and is projected to expand at a compound annual growth rate of 12.0% from 2025 to 2031,
reaching USD 3.10 billion by 2031, according to a new report published today by Harrow Lane Research.

Segment highlights

By service type, robotic dry cleaning (46.0%) was followed by manual water cleaning (31.0%), drone-based
cleaning (14.0%), and coating and inspection (9.0%).

By customer, commercial and industrial rooftops held 62.0% of revenue in 2024, independent power
producers held 24.0%, and single-family homes made up the remaining 14.0%.
"""


@pytest.fixture(scope="module")
def release():
    return parse_text(RELEASE, "rooftop-solar-cleaning-services-market.txt", "solar-cleaning")


@pytest.fixture(scope="module")
def ask(release):
    return asker(release)


def test_a_dateline_is_no_subject_of_the_markets_figures(release):
    facts = release.facts
    assert facts.market_size is not None and facts.market_size.amount == 1.40, facts.market_size
    assert facts.cagr is not None and facts.cagr.percent == 12.0
    assert not [q for q in facts.quantities if (q.scope.name or "").upper() == "DENVER"]


def test_bracketed_shares_after_names_under_a_by_lead_in(release):
    shares = figures_by_name(release, "share")
    assert shares["robotic dry cleaning"].value == 46.0
    assert shares["manual water cleaning"].value == 31.0
    assert shares["coating and inspection"].value == 9.0
    assert shares["drone-based cleaning"].scope.dimension is not None


def test_a_segment_named_by_its_initials_and_a_hedged_half(ask):
    answer = ask("given c&i rooftops are roughly half the market, what share do ipps have?")
    # IPP: the initials of 'independent power producers'; 62% is no 'roughly half'
    correction, _, rest = answer.text.partition("\n\n")
    assert "about half" in correction and "62%" in correction, answer.text
    assert "24%" in rest, answer.text
    assert (
        "about half"
        not in ask("given c&i rooftops are well over half the market, what share do ipps have?").text
    )


def test_a_years_number_and_a_what_if_instead(ask):
    answer = ask("whats the 2031 number")
    assert "USD 3.10 billion" in answer.text and answer.status == "answered", answer.text
    answer = converse(
        ask, "2024 market size?", "project that to 2028 at their cagr", "what if growth were only 5% instead"
    )
    # 1.40 x 1.05^4, the year just asked, not the forecast's end
    assert "USD 1.70 billion in 2028" in answer.text, answer.text
