"""Figures in the layouts of plain-text releases and long prose: dot-leader rows under a "By ..."
heading that says what its figures measure, an at-a-glance block of dot-leader rows naming leaders, a
ranked list whose names list their own parts, a list that names its verb once with no "for", a share
of a clause after "but" or "while", a name with an aside in brackets or between dashes, and a hyphenated name in a title's list."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

RELEASE = """\
BOILER DESCALING SERVICES MARKET TO REACH USD 2.90 BILLION BY 2031

Press release | Tarrow Analytics | Leeds, 3 March 2025

The global boiler descaling services market generated revenue of USD 1.75 billion in 2024 and is set
to climb to USD 2.90 billion by 2031, according to Tarrow Analytics. The study forecasts a CAGR of 7.5%
for the period 2025 to 2031.


1. AT A GLANCE

   Base year ............................ 2024
   Market value, 2024 ................... USD 1.75 billion
   Largest service type ................. Chemical descaling contracts (51.2%)
   Leading region ....................... Europe (38.0%)
   Fastest-growing region ............... Asia Pacific (9.1% CAGR)


2. SEGMENTS

2.1 By service type (share of 2024 revenue)

   Chemical descaling contracts .................. 51.2%
   Mechanical and hydro-blasting services ....... 29.3%
   Monitoring and water treatment add-ons . 19.5%

Chemical contracts, which bundle inspection with the descaling itself, held the largest share at 51.2%.

2.2 By end user

Power utilities were the largest buyers with a 34.0% share in 2024, followed by food, beverage and
dairy processing (FBD) at 22.5% and chemicals and petrochemicals at 18.0%. District heating held 14.5% and
hospitals 6.0%; commercial buildings made up the remaining 5.0%.

2.3 By contract model

Spot call-outs still accounted for the most jobs, but multi-year service agreements captured 57.0% of
2024 revenue, ahead of spot call-outs at 43.0%.

2.4 By site

Industrial plants accounted for 71.0% of revenue in 2024. Public buildings represented 19.0%, and
campuses and large estates (universities, hospitals, barracks) made up the remaining 10.0%.

2.5 By buyer size

Small and medium-sized firms accounted for 36.0% of contract value, and large groups (500 or more sites)
for the remaining 64.0%.

2.6 By chemistry

Citric-acid descalers held 52.0% of chemical spending in 2024, phosphoric blends 30.0% and
engineered chelant mixes 18.0%.

2.8 By tool (share of 2024 revenue)

   Rotary (hydraulic) ........................... 60.0%
   Manual scraping .............................. 40.0%

Rotary boiler descaling services are forecast to grow at a CAGR of 8.2%.

2.7 By channel

Direct sales - field engineers, key-account teams and framework tenders - generated 62.0% of revenue in
2024, while distributors (regional agents and reseller networks) accounted for 38.0%.
"""

TITLED = """\
# Pipe Inspection Crawler Market Size Report by Product (Tethered, Plug-and-Play, Autonomous), by End User, 2025-2032

The global pipe inspection crawler market was valued at USD 410.0 million in 2024 and is projected to grow
at a CAGR of 9.2% from 2025 to 2032.
"""


@pytest.fixture(scope="module")
def release() -> Report:
    return parse_text(RELEASE, "boiler-descaling-services-market.txt")


def test_dot_leader_rows_under_a_heading_that_says_what_they_measure(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Chemical descaling contracts"].scope.dimension == "Service type"
    assert shares["Mechanical and hydro-blasting services"].value == 29.3
    # a long label leaves room for one dot only
    assert shares["Monitoring and water treatment add-ons"].value == 19.5


def test_a_short_form_in_prose_is_not_a_segment_of_its_own(release: Report):
    names = [n.name for n in release.facts.segmentation["Service type"]]
    assert names == [
        "Chemical descaling contracts",
        "Mechanical and hydro-blasting services",
        "Monitoring and water treatment add-ons",
    ]


def test_dot_leader_rows_at_a_glance_name_the_leaders_and_their_shares(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Europe"].value == 38.0 and shares["Europe"].scope.kind == "region"
    assert shares["Chemical descaling contracts"].value == 51.2
    rates = {q.scope.name: q.value for q in release.facts.quantities if q.metric == "cagr"}
    assert rates["Asia Pacific"] == 9.1


def test_a_ranked_name_that_lists_its_parts_keeps_them_all(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["food, beverage and dairy processing (FBD)"].value == 22.5
    assert shares["chemicals and petrochemicals"].value == 18.0


def test_a_list_that_names_its_verb_once_without_for(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["District heating"].value == 14.5
    assert shares["hospitals"].value == 6.0
    assert shares["commercial buildings"].value == 5.0


def test_a_list_whose_later_names_follow_what_the_first_figure_was_of(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["large groups (500 or more sites)"].value == 64.0
    assert shares["phosphoric blends"].value == 30.0
    assert shares["engineered chelant mixes"].value == 18.0  # a first word in '-ed' is no verb


def test_a_share_after_but_belongs_to_its_own_clause(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["multi-year service agreements"].value == 57.0
    assert shares["spot call-outs"].value == 43.0


def test_a_bracketed_aside_is_part_of_no_name_and_no_dimension(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["campuses and large estates"].value == 10.0
    assert "barracks" not in shares
    assert not any("estates" in dimension.lower() for dimension in release.facts.segmentation)


def test_an_aside_between_dashes_and_a_bracket_that_says_what_a_name_covers(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Direct sales"].value == 62.0
    assert shares["distributors (regional agents and reseller networks)"].value == 38.0


def test_a_hyphenated_name_in_a_titles_list_is_one_name():
    report = parse_text(TITLED, "pipe-inspection-crawler-market.md")
    names = [n.name for n in report.facts.segmentation["Product"]]
    assert names == ["Tethered", "Plug-and-Play", "Autonomous"]


def test_a_rate_set_against_an_earlier_rate_of_the_market_is_no_segment():
    page = (
        "# Hull Coating Market\n\nThe global hull coating market was valued at USD 2.10 billion in 2024. The market is"
        " expanding at a CAGR of 4.9% from 2025 to 2034, faster than the 3.4% CAGR recorded from 2019 to 2023.\n"
    )
    rates = [q for q in parse_text(page, "hull-coating-market.md").facts.quantities if q.metric == "cagr"]
    assert {(q.scope.kind, q.value, q.start_year) for q in rates} == {
        ("market", 4.9, 2025),
        ("market", 3.4, 2019),
    }


def test_a_segment_named_again_with_the_markets_words_is_one_segment(release: Report):
    rates = {q.scope.name: q.value for q in release.facts.quantities if q.metric == "cagr"}
    assert rates["Rotary (hydraulic)"] == 8.2
    assert [n.name for n in release.facts.segmentation["Tool"]] == ["Rotary (hydraulic)", "Manual scraping"]
