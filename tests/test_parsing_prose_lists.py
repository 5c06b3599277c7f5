"""Shares and values written as prose lists, the way press releases put them: numbered
sub-headings whose body hangs indented beneath them, a list that names the verb once ("A accounted
for 17.4%, B for 8.6% and C for 3.6%"), "the remaining 28.4%", shares in brackets after each name, a
country's value, and a numbered development list whose dates are in bold."""

from __future__ import annotations

import pytest
from parsed import figures_by_name

from assistant.domain.report import Report
from assistant.parsing.parse import parse_text

INDENTED_RELEASE = """\
Kiln Refractory Lining Services Market Worth USD 3.10 Billion by 2032

DENVER, May 6, 2025 -- The global kiln refractory lining services market was valued at USD 1.90
billion in 2024 and is expected to grow at a CAGR of 6.3% from 2025 to 2032, according to a study by
Harlow Insight Partners.


3. SEGMENT ANALYSIS

   3.1 By service
       Relining contracts accounted for 61.5% of revenue in 2024. Hot repair and gunning held the remaining 38.5% and are set to grow faster.

   3.2 By kiln type
       Rotary kilns dominated with a 52.0% revenue share in 2024. Shaft kilns accounted for 21.0%, tunnel kilns for 15.5% and shuttle and batch kilns for 11.5%.

   3.3 By end user
       Cement plants formed the largest end-user group in 2024.


4. REGIONAL OUTLOOK

   Asia Pacific captured the largest share, 46.2% of revenue in 2024. China generated about USD 0.52 billion of lining revenue on its own.

   North America accounted for 22.4% of revenue. The United States alone was valued at USD 0.36 billion in 2024, reflecting the size of its cement and lime markets.

   Latin America (6.1%) and the Middle East & Africa (4.8%) account for the remainder.
"""

NUMBERED_NEWS = """\
# Pallet Wrapping Robot Market

The global pallet wrapping robot market was valued at USD 780 million in 2024 and is projected to grow at
a CAGR of 8.1% from 2025 to 2031.

## Key Players

- Strapwell Automation (Germany)
- Koru Packaging Robotics (Japan)

## Recent Developments

1. **November 2023:** Strapwell Automation won a five-year service contract covering 40 warehouses.
2. **March 2024:** Koru Packaging Robotics opened a 9,000-square-metre plant in Osaka. The plant cost USD 31 million.

## Methodology

2024 is the base year.
"""


@pytest.fixture(scope="module")
def release() -> Report:
    return parse_text(INDENTED_RELEASE, "kiln-refractory-lining-services-market.txt")


def test_numbered_sub_headings_over_an_indented_body_are_sections(release: Report):
    headings = [s.heading for s in release.sections]
    assert "By service" in headings and "By kiln type" in headings, headings
    assert release.facts.segmentation["Kiln type"][0].name == "Rotary kilns"


def test_a_list_that_names_its_verb_once_gives_every_item_its_share(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Shaft kilns"].value == 21.0
    assert shares["tunnel kilns"].value == 15.5
    assert shares["shuttle and batch kilns"].value == 11.5
    assert shares["shuttle and batch kilns"].scope.dimension == "Kiln type"


def test_the_remaining_share_is_read_under_a_by_heading(release: Report):
    assert figures_by_name(release, "share")["Hot repair and gunning"].value == 38.5


def test_shares_in_brackets_after_each_name(release: Report):
    shares = figures_by_name(release, "share")
    assert shares["Latin America"].value == 6.1
    assert shares["Middle East & Africa"].value == 4.8


def test_a_country_value_followed_by_other_markets_words_is_read(release: Report):
    sizes = figures_by_name(release, "market_size")
    assert sizes["United States"].value == 0.36 and sizes["United States"].start_year == 2024


def test_a_country_value_without_a_year_is_of_the_base_year(release: Report):
    china = figures_by_name(release, "market_size")["China"]
    assert china.value == 0.52 and china.start_year == 2024


def test_numbered_developments_with_bold_dates_are_read():
    report = parse_text(NUMBERED_NEWS, "pallet-wrapping-robot-market.md")
    developments = report.facts.recent_developments
    assert [d.date for d in developments] == ["2023-11", "2024-03"]
    assert developments[1].company == "Koru Packaging Robotics"
    assert "USD 31 million" in developments[1].summary


TABLED_PAGE = """\
# Seed Coating Film Market

The global seed coating film market was valued at USD 1.42 billion in 2023 and is expected to grow at a
CAGR of 7.2% from 2024 to 2030.

## Segment Analysis

### By polymer

| Polymer | Share (2023) | CAGR 2024-2030 |
|---|---|---|
| Polyvinyl alcohol | 52.4% | 6.1% |
| Biopolymers | 30.1% | 10.8% |
| Acrylics | 17.5% | 4.9% |

### By crop type

- **Cereals and grains** – the largest group, with 44.0% of 2023 revenue.
- **Oilseeds** – driven by canola programmes.
- **Vegetables** – small volumes, high value.

### By application method

      Drum coaters                 58.0%
      Fluid-bed coaters            27.5%
      Manual treaters              14.5%
      (shares of 2023 revenue)

## Competitive Landscape

| Company | Headquarters |
|---|---|
| Gransel Coatings AG | Switzerland |
| Verdanta Seed Films Inc. | United States |
| Koharu Polymer Co., Ltd. | Japan |

## Recent Developments

| Date | Development |
|---|---|
| May 2024 | Gransel Coatings AG opened a film plant in Basel with an investment of USD 22 million. |
| February 2025 | Koharu Polymer Co., Ltd. acquired Dutch start-up Filmagro for EUR 9.5 million. |
"""


@pytest.fixture(scope="module")
def tabled() -> Report:
    return parse_text(TABLED_PAGE, "seed-coating-film-market.md")


def test_a_company_table_under_the_competitive_landscape_names_the_players(tabled: Report):
    names = [p.name for p in tabled.facts.key_players]
    assert names == ["Gransel Coatings AG", "Verdanta Seed Films Inc.", "Koharu Polymer Co., Ltd."]


def test_a_markdown_table_of_developments_gives_one_a_row(tabled: Report):
    developments = tabled.facts.recent_developments
    assert [d.date for d in developments] == ["2024-05", "2025-02"]
    assert developments[1].summary.startswith("February 2025 | Koharu Polymer")
    assert "|" not in developments[1].summary[-3:]


def test_bullet_and_table_dimensions_both_make_the_segmentation(tabled: Report):
    segmentation = tabled.facts.segmentation
    assert [n.name for n in segmentation["crop type"]][:2] == ["Cereals and grains", "Oilseeds"]
    assert [n.name for n in segmentation["Polymer"]] == ["Polyvinyl alcohol", "Biopolymers", "Acrylics"]


def test_rows_aligned_with_spaces_under_a_by_heading_are_shares(tabled: Report):
    shares = figures_by_name(tabled, "share")
    assert shares["Drum coaters"].value == 58.0 and shares["Drum coaters"].start_year == 2023
    assert shares["Manual treaters"].value == 14.5


def test_a_segment_named_by_a_word_of_the_markets_name_keeps_its_share():
    text = INDENTED_RELEASE.replace(
        "Relining contracts accounted for 61.5% of revenue in 2024. Hot repair and gunning",
        "Services accounted for 61.5% of revenue in 2024. Hot repair and gunning",
    )
    report = parse_text(text, "kiln-refractory-lining-services-market.txt")
    assert figures_by_name(report, "share")["Services"].value == 61.5


INSIGHTS_PAGE = """\
# Borehole Camera Services Market Report

## Market Summary

The global borehole camera services market was valued at USD 410.0 million in 2024 and is projected to
grow at a CAGR of 8.8% from 2025 to 2033.

## Camera Type Insights

Side-view cameras led the market and accounted for 44.0% of global revenue in 2024. Operators favour them for
casing inspections in deep wells. The segment is projected to grow at a CAGR of 9.9% through 2033.

## Well Type Insights

Water wells generated 38.0% of revenue in 2024, making water wells the largest well type segment, followed by
geothermal wells at 27.0%. Mineral exploration holes (core and blast holes) represented 21.0% of revenue,
helped by projects in Canada and Chile. Oil and gas wells held 9.0%, with other wells making up the
remaining 5.0%.

## Regional Insights

North America held 36.0% of the market in 2024.
"""


@pytest.fixture(scope="module")
def insights() -> Report:
    return parse_text(INSIGHTS_PAGE, "borehole-camera-services-market.md")


def test_an_insights_heading_names_the_dimension_of_its_segments(insights: Report):
    shares = figures_by_name(insights, "share")
    assert shares["Oil and gas wells"].scope.dimension == "Well Type"
    assert shares["Oil and gas wells"].value == 9.0


def test_the_segment_after_a_sentence_without_figures_is_the_one_before(insights: Report):
    rates = figures_by_name(insights, "cagr")
    assert rates["Side-view cameras"].value == 9.9


def test_a_ranked_name_beats_the_largest_x_segment_phrase(insights: Report):
    shares = figures_by_name(insights, "share")
    assert shares["geothermal wells"].value == 27.0
    assert not any("largest" in (name or "") for name in shares)


def test_a_share_is_its_subjects_not_a_place_named_after_it(insights: Report):
    shares = figures_by_name(insights, "share")
    assert shares["Mineral exploration holes (core and blast holes)"].value == 21.0
    assert "Canada" not in shares and "Chile" not in shares


SAYS_RELEASE = """\
FOR IMMEDIATE RELEASE

Bale Wrap Film Market to Reach USD 2.2 Billion by 2031, Says Tarnwood Research Group

LEEDS, England, April 9, 2025 -- The global bale wrap film market was valued at USD 1.40 billion in 2024,
according to a new study published today by the firm.

About Tarnwood Research Group
Tarnwood Research Group is an independent research firm covering agricultural supplies.
"""


def test_a_release_names_its_publisher_in_its_headline_and_its_date_in_its_dateline():
    report = parse_text(SAYS_RELEASE, "bale-wrap-film-market.txt")
    assert report.identity.publisher is not None
    assert report.identity.publisher.text == "Tarnwood Research Group"
    assert report.identity.published is not None and report.identity.published.text == "April 9, 2025"


def test_a_segment_or_regional_insights_heading_names_no_dimension():
    text = INSIGHTS_PAGE.replace("## Camera Type Insights", "## Segmental Insights")
    report = parse_text(text, "borehole-camera-services-market.md")
    dimensions = {q.scope.dimension for q in report.facts.quantities if q.scope.kind == "segment"}
    assert "Segmental" not in dimensions and "Regional" not in dimensions, dimensions
