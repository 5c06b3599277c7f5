"""Key players and recent developments written the ways publishers write them outside a heading of
their own: a sentence that lists the companies, a lead-in line ending in a colon, legal suffixes
that carry a comma."""

from __future__ import annotations

from assistant.domain.report import Report
from assistant.parsing.parse import parse_report, parse_text

PRESS_RELEASE = """\
# Cordless Hedge Trimmer Market to Hit USD 3.4 Billion by 2032 - Larkspur Analytics

Larkspur Analytics has released its study of the cordless hedge trimmer market. The market was valued
at USD 1.9 billion in 2024 and is expected to reach USD 3.4 billion by 2032, a CAGR of 7.5% from 2025
to 2032.

## Who competes

The study profiles seven leading vendors: **Brackwell Tools, Osterby Garden AB, Quillon Power Co., Ltd.,
Harrowgate Inc., Tamsin Outdoor GmbH, Vey & Sons and Pellow Equipment**. Rivalry centres on battery
platforms shared across tools.

Recent developments covered in the study include:

- In **May 2024**, Osterby Garden AB bought Dutch retailer Tuinhuis for EUR 41 million, adding
  60 garden centres to its network.
- In **February 2024**, Harrowgate Inc. launched the TrimLite 18, a 2.1 kg trimmer priced at USD 149.

## Contact

press@larkspur.example
"""

ATTRIBUTE_TABLE = """\
Portable Ice Bath Market Report

Report Attribute | Details
Market size value in 2024 | USD 412.0 million
Revenue forecast in 2030 | USD 655.2 million
Growth rate | CAGR of 8.0% from 2025 to 2030
Key companies profiled | Frostline Wellness Co., Ltd.; Polar Recovery Inc.; Kaldt ApS; Glacier Tubs LLC

Portable ice baths are used by athletes and physiotherapy clinics for cold-water immersion after
training sessions. Demand is rising as recovery routines move from elite clubs to amateur sport.
"""


def parse(text: str, path: str) -> Report:
    return parse_text(text, path)


def test_players_listed_in_a_sentence_after_a_count_and_a_colon() -> None:
    report = parse(PRESS_RELEASE, "cordless-hedge-trimmer-market.md")
    names = [player.name for player in report.facts.key_players]
    assert names == [
        "Brackwell Tools",
        "Osterby Garden AB",
        "Quillon Power Co., Ltd.",
        "Harrowgate Inc.",
        "Tamsin Outdoor GmbH",
        "Vey & Sons",
        "Pellow Equipment",
    ]
    for player in report.facts.key_players:
        assert PRESS_RELEASE[player.span.start : player.span.end] == player.name


def test_developments_after_a_lead_in_line_ending_in_a_colon() -> None:
    report = parse(PRESS_RELEASE, "cordless-hedge-trimmer-market.md")
    found = [(dev.date, dev.company) for dev in report.facts.recent_developments]
    assert found == [("2024-05", "Osterby Garden AB"), ("2024-02", "Harrowgate Inc.")]
    assert "60 garden centres" in report.facts.recent_developments[0].summary


def test_legal_suffix_after_a_comma_stays_with_its_company() -> None:
    report = parse(ATTRIBUTE_TABLE, "portable-ice-bath-market.txt")
    names = [player.name for player in report.facts.key_players]
    assert names == ["Frostline Wellness Co., Ltd.", "Polar Recovery Inc.", "Kaldt ApS", "Glacier Tubs LLC"]


SEGMENT_TABLE = """\
Commercial Drone Insurance Market Report

The commercial drone insurance market was valued at USD 1.10 billion in 2024 and is expected to grow
at a CAGR of 9.0% from 2025 to 2030. Insurers price hull and liability cover per flight hour.

Market share by segment, 2024, and CAGR 2025-2030
Segment type\tSegment\tShare 2024 (%)\tCAGR 2025-2030 (%)
Coverage\tHull\t38.5\t8.2
Coverage\tThird-party liability\t61.5\t9.5
Operator\tEnterprises\t70.2\t8.7
Operator\tSole operators\t29.8\t9.8
"""


def test_a_table_whose_first_column_names_the_dimension_and_second_the_segment() -> None:
    report = parse(SEGMENT_TABLE, "commercial-drone-insurance-market.txt")
    stated = {
        (q.metric, q.scope.name, q.scope.dimension): q.value
        for q in report.facts.quantities
        if q.scope.kind == "segment"
    }
    assert stated[("share", "Third-party liability", "Coverage")] == 61.5
    assert stated[("cagr", "Sole operators", "Operator")] == 9.8
    assert not any(name in ("Coverage", "Operator") for _, name, _ in stated)


SCOPE_BLOCK = """\
CULTURED BUTTER MARKET REPORT

REPORT SCOPE
Base Year: 2024
Market Size (2024): USD 210.5 million
Forecast (2031): USD 398.2 million
CAGR (2025-2031): 9.5%
Companies Profiled: 6

MARKET OVERVIEW
Cultured butter is churned from cream fermented with lactic cultures, which gives it a tangy flavour.
Artisanal bakeries and premium retail drive demand in Europe and North America.

COMPETITIVE LANDSCAPE
The market is fragmented. Companies profiled in this report:
1. Brunnhof Dairy GmbH (Germany)
2. Tallow Creek Creamery Inc. (United States)
3. Isigny Vale Cooperative (France)
"""

BOLD_FIGURES = """\
# Smart Beehive Monitor Market: Global Analysis, 2024-2030

The global smart beehive monitor market was worth **USD 96.0 million in 2023** and is expected to
reach **USD 215.4 million by 2030**, a compound annual growth rate (CAGR) of **12.2%** over the
2024-2030 forecast period.

### By Sensor

Weight sensors held **41.0%** of revenue in 2023. Acoustic sensors are the fastest-growing type with
a **19.5% CAGR**.
"""


def test_a_count_of_companies_in_the_scope_block_is_no_list_of_them() -> None:
    report = parse(SCOPE_BLOCK, "cultured-butter-market.txt")
    names = [player.name for player in report.facts.key_players]
    assert names == ["Brunnhof Dairy GmbH", "Tallow Creek Creamery Inc.", "Isigny Vale Cooperative"]


def test_bold_figures_are_read_and_quoted_as_written() -> None:
    report = parse(BOLD_FIGURES, "smart-beehive-monitor-market.md")
    facts = report.facts
    assert facts.cagr is not None and facts.cagr.percent == 12.2
    assert facts.market_size is not None and facts.market_size.amount == 96.0
    segment_rates = {q.scope.name: q.value for q in facts.quantities if q.metric == "cagr" and q.scope.name}
    assert segment_rates == {"Acoustic sensors": 19.5}
    for quantity in facts.quantities:  # every quote is the page's own text, emphasis marks included
        assert BOLD_FIGURES[quantity.span.start : quantity.span.end] == quantity.span.text


def test_a_heading_that_names_a_dimension_scopes_the_segments_under_it() -> None:
    text = BOLD_FIGURES + "\n### By End User\n\nBeekeeping cooperatives held **52.0%** of revenue in 2023.\n"
    report = parse(text, "smart-beehive-monitor-market.md")
    dimensions = {
        q.scope.name: q.scope.dimension for q in report.facts.quantities if q.scope.kind == "segment"
    }
    assert dimensions["Acoustic sensors"] == "Sensor"
    assert dimensions["Beekeeping cooperatives"] == "End User"


def test_a_share_beside_a_rate_to_a_forecast_year_is_of_the_base_year() -> None:
    text = BOLD_FIGURES + (
        "\n## Regions\n\nEurope led with 44.0% of revenue in 2023. Oceania held 12.5% and is projected to "
        "post a 15.1% CAGR to 2030, the fastest of any region.\n"
    )
    report = parse(text, "smart-beehive-monitor-market.md")
    shares = {q.scope.name: q.start_year for q in report.facts.quantities if q.metric == "share"}
    assert shares["Oceania"] == 2023, shares


def test_the_title_is_the_opening_line_that_names_a_market() -> None:
    text = "HALVERN FIELD RESEARCH\nKELP FERTILISER MARKET - GLOBAL ASSESSMENT, 2025-2032\n\n" + (
        "The kelp fertiliser market reached USD 310.0 million in 2024 and is forecast to grow at a CAGR of "
        "8.0% from 2025 to 2032. Growers apply liquid kelp extracts as biostimulants on fruit and vegetables.\n"
    )
    report = parse(text, "kelp-fertiliser-market.txt")
    assert report.market == "Kelp Fertiliser", (report.title, report.market)


ALIGNED = """\
SEAWEED SNACK MARKET REPORT

The seaweed snack market reached USD 2.10 billion in 2024 and is forecast to grow at a CAGR of 7.0%
from 2025 to 2032. Roasted sheets remain the best-known format.

BY FORMAT

Format                Share of 2024 revenue    CAGR 2025-2032
Roasted sheets        48.0%                    6.1%
Chips and crisps      32.5%                    8.4%
Others                19.5%                    6.9%
"""


def test_a_plain_text_table_aligned_with_spaces() -> None:
    report = parse(ALIGNED, "seaweed-snack-market.txt")
    stated = {(q.metric, q.scope.name): q.value for q in report.facts.quantities if q.scope.kind == "segment"}
    assert stated[("share", "Chips and crisps")] == 32.5 and stated[("cagr", "Chips and crisps")] == 8.4
    assert report.facts.cagr is not None and report.facts.cagr.percent == 7.0


def test_names_ranked_right_before_their_figures() -> None:
    text = ALIGNED + (
        "\nBy flavour, sea salt accounted for 44.0% of revenue in 2024, ahead of wasabi at 21.5% and "
        "teriyaki at 12.0%. Asia Pacific held 51.0% in 2024, followed by Europe with 22.0%.\n"
    )
    report = parse(text, "seaweed-snack-market.txt")
    shares = {(q.scope.name or "").lower(): q.value for q in report.facts.quantities if q.metric == "share"}
    assert shares["wasabi"] == 21.5 and shares["teriyaki"] == 12.0 and shares["europe"] == 22.0, shares


def test_bullets_whose_label_names_what_their_figures_are_of() -> None:
    text = ALIGNED + (
        "\nMARKET SNAPSHOT\n\n- Fastest-growing format: Seaweed chips, 9.9% CAGR\n\nBY CHANNEL\n\n"
        "- Supermarkets: 41.0% share in 2024; 6.2% CAGR\n- Convenience stores: 27.5% share; 8.8% CAGR\n"
    )
    report = parse(text, "seaweed-snack-market.txt")
    stated = {(q.metric, q.scope.name): q.value for q in report.facts.quantities if q.scope.kind == "segment"}
    assert stated[("share", "Convenience stores")] == 27.5 and stated[("cagr", "Convenience stores")] == 8.8
    assert stated[("cagr", "Seaweed chips")] == 9.9
    market_rates = [
        q.value for q in report.facts.quantities if q.metric == "cagr" and q.scope.kind == "market"
    ]
    assert 9.9 not in market_rates


def test_a_by_line_inside_a_section_scopes_the_bullets_after_it() -> None:
    text = ALIGNED + (
        "\nSEGMENT ANALYSIS\n\nBy Channel\n- Supermarkets: 41.0% share in 2024; 6.2% CAGR\n\n"
        "By Pack Size\n- Multipacks: 38.0% share in 2024; 7.7% CAGR\n"
    )
    report = parse(text, "seaweed-snack-market.txt")
    dimensions = {
        q.scope.name: q.scope.dimension for q in report.facts.quantities if q.scope.kind == "segment"
    }
    assert dimensions["Supermarkets"] == "Channel" and dimensions["Multipacks"] == "Pack Size", dimensions


def test_a_region_written_in_capitals_is_still_a_region() -> None:
    text = (
        ALIGNED
        + "\nREGIONAL VIEW\n\nASIA PACIFIC led with 51.0% of revenue in 2024. EUROPE followed with 22.0%.\n"
    )
    report = parse(text, "seaweed-snack-market.txt")
    shares = {
        q.scope.name: q.value
        for q in report.facts.quantities
        if q.metric == "share" and q.scope.kind == "region"
    }
    assert shares.get("Asia Pacific") == 51.0 and shares.get("Europe") == 22.0, shares


def test_a_page_that_lists_no_segmentation_gives_it_by_the_segments_of_its_figures() -> None:
    report = parse(ALIGNED, "seaweed-snack-market.txt")
    segments = {dim: [n.name for n in named] for dim, named in report.facts.segmentation.items()}
    [(dimension, names)] = segments.items()
    assert names == ["Roasted sheets", "Chips and crisps", "Others"], segments
    for named in report.facts.segmentation[dimension]:
        assert report.text[named.span.start : named.span.end] == named.name


def test_several_dated_developments_in_one_paragraph() -> None:
    text = ALIGNED + (
        "\nRECENT DEVELOPMENTS\n\nIn March 2025, Kaiyo Foods opened a plant in Busan. In May 2025, Nori Bros "
        "acquired Wakame Ltd for USD 8 million, adding two brands.\n"
    )
    report = parse(text, "seaweed-snack-market.txt")
    found = [(d.date, d.company) for d in report.facts.recent_developments]
    assert found == [("2025-03", "Kaiyo Foods"), ("2025-05", "Nori Bros")], found
    assert report.facts.recent_developments[1].summary.endswith("adding two brands.")


SNAPSHOT_MD = """\
# Grain Moisture Sensor Market Size & Outlook, 2025-2032

The grain moisture sensor market was valued at USD 640.0 million in 2024 and is projected to grow at a
CAGR of 8.2% from 2025 to 2032.

## By Component

- **Probes** (handheld and in-bin): 55.0% of 2024 revenue, growing at a 7.1% CAGR.
- **Software** (drying control, alerts): 30.0% share; the fastest-growing component at 11.4% CAGR.
- **Services**: 15.0% share.

## Competitive Landscape

Rivalry is regional, with a long tail of small makers. Key companies profiled in the report:

1. Harlow Grainsense (Winnipeg, Canada)
2. Tessin Agrartechnik GmbH (Ulm, Germany)
3. Quarry Bay Instruments Ltd. (Perth, Australia)
"""


def test_segment_bullets_that_describe_their_segment_are_named_by_their_label() -> None:
    report = parse(SNAPSHOT_MD, "grain-moisture-sensor-market.md")
    names = [n.name for n in report.facts.segmentation["Component"]]
    assert names == ["Probes", "Software", "Services"], names
    assert "Competitive Landscape" not in str(report.facts.segmentation)  # a heading ends the list


def test_players_numbered_after_a_paragraph_that_introduces_them() -> None:
    report = parse(SNAPSHOT_MD, "grain-moisture-sensor-market.md")
    names = [p.name for p in report.facts.key_players]
    assert names == ["Harlow Grainsense", "Tessin Agrartechnik GmbH", "Quarry Bay Instruments Ltd."], names


TABLES_HTML = """<html><body>
<h1>Crop Scouting Drone Market Report, 2025-2031</h1>
<p>The crop scouting drone market was worth USD 1.20 billion in 2024 and should grow at a CAGR of 15.0%
from 2025 to 2031.</p>
<h2>Competitive Landscape</h2>
<p>Suppliers compete on flight time and imaging. Companies profiled:</p>
<table>
<tr><th>Company</th><th>Headquarters</th></tr>
<tr><td>Fenwick Aerial Ltd.</td><td>Leeds, United Kingdom</td></tr>
<tr><td>Okanagan Skyworks Inc.</td><td>Kelowna, Canada</td></tr>
<tr><td>Mirador Drones S.A.</td><td>Rosario, Argentina</td></tr>
</table>
<h2>Recent Developments</h2>
<table>
<tr><th>Date</th><th>Company</th><th>Development</th></tr>
<tr><td>4 March 2025</td><td>Fenwick Aerial Ltd.</td><td>Launched the FA-9 scout drone at USD 7,400.</td></tr>
<tr><td>18 November 2024</td><td>Mirador Drones S.A.</td><td>Acquired Campo Vision for USD 6 million.</td></tr>
</table>
</body></html>
"""


def test_companies_and_dated_developments_in_html_tables(tmp_path) -> None:
    page = tmp_path / "crop-scouting-drone-market.html"
    page.write_text(TABLES_HTML, encoding="utf-8")
    report = parse_report(page)
    assert [p.name for p in report.facts.key_players] == [
        "Fenwick Aerial Ltd.",
        "Okanagan Skyworks Inc.",
        "Mirador Drones S.A.",
    ]
    found = [(d.date, d.company) for d in report.facts.recent_developments]
    assert found == [("2025-03", "Fenwick Aerial Ltd."), ("2024-11", "Mirador Drones S.A.")], found
