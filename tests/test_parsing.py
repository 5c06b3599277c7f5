"""Parsing the seed report (TechSci Research layout): every fact with a span that checks out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.domain.report import Named, Report, Span
from assistant.errors import ReportError
from assistant.parsing.parse import discover_reports, is_navigation, parse_report, parse_text, slugify

PLAYERS = [
    "WCG Clinical",
    "Elligo Health Research",
    "Clinixir",
    "ClinChoice",
    "FOMAT Medical Research",
    "SGS Societe Generale de Surveillance SA.",
    "Kv Clinical Research",
    "SMO PHARMINA",
    "Xylem Clinical Research Pvt. Ltd.",
    "CMIC Holdings Co., LTD",
]
FURNITURE = [
    "Main Content start here",
    "Main Layout",
    "Download Free Sample Report",
    "Related Reports",
    "We use cookies",
]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Report:
    return parse_report(seed_path)


def all_spans(report: Report) -> list[Span]:
    """Every span anywhere in the report, nested children included."""
    spans: list[Span] = []

    def walk(value: object) -> None:
        if isinstance(value, Span):
            spans.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(report.facts)
    walk(report.faq)
    return spans


def assert_spans_true(report: Report) -> None:
    spans = all_spans(report)
    for span in spans:
        assert span.file == report.path
        assert 0 <= span.start < span.end <= len(report.text)
        assert report.text[span.start : span.end] == span.text
        assert span.text == span.text.strip(), f"untrimmed span {span.text!r}"
    for section in report.sections:
        assert report.text[section.start : section.end] == section.text
        assert section.text.strip() and section.heading.strip()


def test_identity(seed: Report, seed_path: Path, seed_text: str) -> None:
    import hashlib

    assert seed.id == "clinical-trial-smo-market"
    assert seed.title == "Global Clinical Trial Site Management Organization Market"
    assert seed.market == "Clinical Trial Site Management Organization"
    assert seed.publisher == "TechSci Research"
    assert seed.path == str(seed_path)
    assert seed.text == seed_text
    assert seed.content_hash == hashlib.sha256(seed_text.encode()).hexdigest()


def test_every_span_indexes_the_text(seed: Report) -> None:
    spans = all_spans(seed)
    assert len(spans) >= 60  # facts, ten players, the segmentation tree, developments and FAQ
    assert_spans_true(seed)


def test_headline_facts(seed: Report) -> None:
    f = seed.facts
    assert f.market_size is not None and f.forecast_end is not None
    assert (f.market_size.amount, f.market_size.unit, f.market_size.currency, f.market_size.year) == (
        6.71,
        "billion",
        "USD",
        2025,
    )
    # Header spans run from the key, so the year the key states is in the quote.
    assert f.market_size.span.text == "Market Size (2025)\n\nUSD 6.71 Billion"
    # The header block, not the prose repetition in Market Overview.
    assert f.market_size.span.start < seed.text.index("Market Overview")
    assert f.base_year == 2025
    assert f.cagr is not None
    assert (f.cagr.percent, f.cagr.start_year, f.cagr.end_year) == (5.65, 2026, 2031)
    assert f.cagr.span.text == "CAGR (2026-2031)\n\n5.65%"
    assert f.forecast_period is not None
    assert (f.forecast_period.start_year, f.forecast_period.end_year) == (2027, 2031)
    assert f.forecast_period.span.text == "2027-2031"
    assert (f.forecast_end.amount, f.forecast_end.unit, f.forecast_end.year) == (9.33, "billion", 2031)
    assert f.forecast_end.span.text == "Market Size (2031)\n\nUSD 9.33 Billion"
    assert f.largest_region is not None and f.largest_region.name == "North America"
    assert f.largest_region.span.text == "North America"
    assert f.fastest_segment is not None and f.fastest_segment.name == "Oncology"
    assert f.fastest_segment.span.text == "Oncology"


def test_key_players_each_with_own_span(seed: Report) -> None:
    players = seed.facts.key_players
    assert [p.name for p in players] == PLAYERS
    assert len({p.span.start for p in players}) == 10
    for player in players:
        assert player.span.text == player.name
        section = seed.section_at(player.span.start)
        assert section is not None and section.heading == "Key Market Players"


def test_segmentation_from_report_scope(seed: Report) -> None:
    seg = seed.facts.segmentation
    assert list(seg) == ["Clinical Trial Services", "Therapeutic Area", "Phase", "Region"]
    names = {dim: [s.name for s in items] for dim, items in seg.items()}
    assert names["Clinical Trial Services"] == [
        "Site Management",
        "Project Management",
        "Regulatory",
        "Monitoring",
        "Others",
    ]
    assert names["Therapeutic Area"] == [
        "Oncology",
        "Endocrinology Respiration",
        "CNS",
        "Pain Management",
        "Endocrine",
        "Others",
    ]
    assert names["Phase"] == ["Phase I", "Phase II", "Phase III", "Phase IV"]
    assert names["Region"] == [
        "North America",
        "Europe",
        "Asia Pacific",
        "South America",
        "Middle East & Africa",
    ]
    countries = {s.name: [c.name for c in s.children] for s in seg["Region"]}
    assert countries["North America"] == ["United States", "Canada", "Mexico"]
    assert countries["Europe"] == ["France", "United Kingdom", "Italy", "Germany", "Spain"]
    assert countries["Middle East & Africa"] == ["South Africa", "Saudi Arabia", "UAE"]
    scope = seed.text.index("Report Scope:")
    for items in seg.values():
        for item in items:
            assert item.span.start > scope  # from the Report Scope list, not the flat tab lists
            assert all(isinstance(c, Named) and c.span.text == c.name for c in item.children)


def test_recent_developments(seed: Report) -> None:
    devs = seed.facts.recent_developments
    assert [(d.date, d.company) for d in devs] == [
        ("2024-10", "WCG"),
        ("2024-09", "Headlands Research"),
        ("2024-06", "Velocity Clinical Research"),
        ("2024-03", "Veeda Clinical Research"),
    ]
    for dev in devs:
        assert dev.summary == dev.span.text
        assert dev.summary.startswith("In ") and dev.summary.endswith("trials.") or dev.summary.endswith(".")
        assert dev.company in dev.summary
    assert "Luminis Health" in devs[2].summary


def test_faq_reconstructed(seed: Report) -> None:
    faq = {pair.topic: pair for pair in seed.faq}
    assert list(faq) == ["market_size", "largest_region", "fastest_segment", "cagr"]
    assert all(pair.question_source == "reconstructed" for pair in seed.faq)
    market = "Global Clinical Trial Site Management Organization Market"
    assert faq["market_size"].question == f"What was the size of the {market} in 2025?"
    assert "USD 6.71 Billion in 2025" in faq["market_size"].answer
    assert "North America" in faq["largest_region"].answer and "region" in faq["largest_region"].question
    assert "Oncology" in faq["fastest_segment"].answer and "fastest" in faq["fastest_segment"].question
    assert "5.65%" in faq["cagr"].answer and "2026 and 2031" in faq["cagr"].question
    faq_section = next(s for s in seed.sections if s.heading == "Frequently asked questions")
    for pair in seed.faq:
        assert pair.answer == pair.span.text
        assert faq_section.start <= pair.span.start < pair.span.end <= faq_section.end


def test_sections_cover_layout_and_skip_furniture(seed: Report) -> None:
    headings = [s.heading for s in seed.sections]
    for expected in [
        "Report Description",
        "Market Overview",
        "Key Market Drivers",
        "Key Market Challenges",
        "Key Market Trends",
        "Segmental Insights",
        "Regional Insights",
        "Recent Developments",
        "Key Market Players",
        "Report Scope",
        "Competitive Landscape",
        "Table of content",
        "Frequently asked questions",
    ]:
        assert headings.count(expected) == 1, expected
    assert any(h.startswith("By Clinical Trial Services") for h in headings)  # the segmentation tabs
    for section in seed.sections:
        for furniture in FURNITURE:
            assert furniture not in section.text, (section.heading, furniture)
        assert "Related Reports" not in section.heading
    # Furniture stays in the text, so offsets are the file's own.
    for furniture in FURNITURE:
        assert furniture in seed.text
    drivers = next(s for s in seed.sections if s.heading == "Key Market Drivers")
    assert drivers.text.startswith("Increasing Pharmaceutical") and drivers.text.endswith("provide.")
    description = next(s for s in seed.sections if s.heading == "Report Description")
    assert "USD 6.71 Billion" in description.text and "USD 9.33 Billion" in description.text
    toc = [s for s in seed.sections if is_navigation(s)]
    assert [s.heading for s in toc] == ["Table of content"]
    regional = seed.section_at(seed.text.index("North America maintains"))
    assert regional is not None and regional.heading == "Regional Insights"


def test_sections_are_ordered_and_disjoint(seed: Report) -> None:
    for before, after in zip(seed.sections, seed.sections[1:], strict=False):
        assert before.end <= after.start


def test_consistency_agrees(seed: Report) -> None:
    c = seed.consistency
    assert c.status == "agree"
    assert c.years == 6 and c.base == 6.71 and c.percent == 5.65 and c.stated_end == 9.33
    assert c.message == "6.71 x 1.0565^6 = 9.33, matches the stated USD 9.33 billion (2031)"
    assert c.implied_percent is not None and abs(c.implied_percent - 5.65) < 0.01


def test_corrupted_header_disagrees(seed_text: str) -> None:
    corrupted = seed_text.replace("USD 6.71 Billion", "USD 7.00 Billion", 1)
    report = parse_text(corrupted, "corrupted.txt")
    assert report.facts.market_size is not None and report.facts.market_size.amount == 7.0
    assert report.consistency.status == "disagree"
    assert "does not match the stated USD 9.33 billion (2031)" in report.consistency.message
    assert report.consistency.implied_percent is not None and report.consistency.implied_percent < 5.0
    assert report.id == "corrupted"
    assert_spans_true(report)


def test_parse_text_with_explicit_id(seed_text: str) -> None:
    report = parse_text(seed_text, "somewhere/else.txt", report_id="custom-id")
    assert report.id == "custom-id" and report.path == "somewhere/else.txt"
    assert report.facts.market_size is not None
    assert report.facts.market_size.span.file == "somewhere/else.txt"


def test_crlf_copy_keeps_offsets(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "Clinical Trial SMO (CRLF).txt"
    path.write_bytes(seed_text.replace("\n", "\r\n").encode("utf-8"))
    report = parse_report(path)
    assert report.id == "clinical-trial-smo-crlf"
    assert "\r\n" in report.text
    assert report.facts.market_size is not None and report.facts.market_size.amount == 6.71
    assert len(report.facts.key_players) == 10 and len(report.faq) == 4
    assert report.consistency.status == "agree"
    assert_spans_true(report)


def test_slugify() -> None:
    assert slugify("Clinical Trial SMO Market") == "clinical-trial-smo-market"
    assert slugify("  Über__Report 2024!! ") == "über-report-2024"
    assert slugify("Marché des Pompes (2024)") == "marché-des-pompes-2024"
    assert slugify("市场报告") == "市场报告"
    assert slugify("???") == ""


def test_report_ids_keep_letters_of_any_script_or_fall_back_to_the_content(tmp_path: Path, seed_text) -> None:
    names = ["Über Pumpen.txt", "Überwachung.txt", "市场报告.txt", "отчёт.txt", "???.txt", "!!!.txt"]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(seed_text + f"\nEdition {i}\n", encoding="utf-8")
    ids = [parse_report(tmp_path / name).id for name in names]
    assert ids[:4] == ["über-pumpen", "überwachung", "市场报告", "отчёт"]
    assert ids[4].startswith("report-") and ids[5].startswith("report-") and ids[4] != ids[5]


def test_discover_reports(tmp_path: Path, seed_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in [
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/d.HTM",
        "sub/e.pdf",
        "notes.docx",
        ".hidden/x.txt",
        "f.json",
    ]:
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover_reports(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/c.html", "sub/d.HTM", "sub/e.pdf"]


def test_discover_reports_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(ReportError, match="nope") as info:
        discover_reports(missing)
    assert info.value.path == str(missing)
    with pytest.raises(ReportError, match="not a folder"):
        (tmp_path / "file.txt").write_text("x")
        discover_reports(tmp_path / "file.txt")


# --- other layouts (tests/fixtures/reports, fictional markets) ------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def fixture(name: str) -> Report:
    report = parse_report(FIXTURES / name)
    assert_spans_true(report)
    return report


def test_fixtures_are_discovered() -> None:
    names = [p.name for p in discover_reports(FIXTURES)]
    assert names == [
        "cloud-whale-tourism-market.txt",
        "dragon-scale-polish-market.md",
        "floating-orchard-market.html",
        "lunar-regolith-mining-market.txt",
        "moonlight-fabric-market.txt",
    ]


def test_key_value_header_txt() -> None:
    report = fixture("lunar-regolith-mining-market.txt")
    f = report.facts
    assert report.title == "Lunar Regolith Mining Market" and report.market == "Lunar Regolith Mining"
    assert report.publisher == "Selene Analytics"
    assert f.market_size is not None and (f.market_size.amount, f.market_size.year) == (1.2, 2024)
    assert f.market_size.span.text.endswith("USD 1.20 Billion")
    assert f.forecast_end is not None and (f.forecast_end.amount, f.forecast_end.year) == (2.01, 2030)
    assert f.cagr is not None and (f.cagr.percent, f.cagr.start_year, f.cagr.end_year) == (9.0, 2025, 2030)
    assert f.forecast_period is not None and f.forecast_period.span.text == "2025-2030"
    assert f.largest_region is not None and f.largest_region.name == "North America"
    assert f.fastest_segment is not None and f.fastest_segment.name == "Ice Extraction"
    assert [p.name for p in f.key_players] == [
        "Tycho Mining Corp.",
        "Mare Imbrium Resources",
        "Shackleton Ice Works",
        "Copernicus Excavation Ltd.",
    ]
    seg = {dim: [s.name for s in items] for dim, items in f.segmentation.items()}
    assert seg == {
        "Type": ["Ice Extraction", "Construction Aggregates", "Oxygen Feedstock"],
        "End User": ["Space Agencies", "Private Habitats", "Propellant Depots"],
        "Region": ["North America", "Europe", "Asia Pacific"],
    }
    assert [(d.date, d.company) for d in f.recent_developments] == [
        ("2025-03", "Tycho Mining Corp."),
        ("2024-11", "Shackleton Ice Works"),
    ]
    assert report.consistency.status == "agree"
    assert report.consistency.message == "1.20 x 1.090^6 = 2.01, matches the stated USD 2.01 billion (2030)"
    # "Download Sample" is furniture: no section holds it.
    assert all("Download Sample" not in s.text for s in report.sections)


def test_markdown_snapshot_in_millions() -> None:
    report = fixture("dragon-scale-polish-market.md")
    f = report.facts
    assert report.title == "Global Dragon Scale Polish Market Report, 2024-2030"
    assert report.market == "Dragon Scale Polish"
    assert report.publisher == "Wyvern Market Insights"
    assert f.market_size is not None and (f.market_size.amount, f.market_size.unit) == (845.0, "million")
    assert f.forecast_end is not None and (f.forecast_end.amount, f.forecast_end.year) == (1212.3, 2030)
    assert f.forecast_end.span.text.endswith("USD 1,212.3 Million")
    assert f.cagr is not None and (f.cagr.percent, f.cagr.start_year, f.cagr.end_year) == (6.2, 2025, 2030)
    assert f.forecast_period is None  # the snapshot does not state one; nothing is guessed
    assert f.largest_region is not None and f.largest_region.name == "Europe"
    assert f.fastest_segment is not None and f.fastest_segment.name == "Sport Dragons"
    assert [p.name for p in f.key_players] == ["Wyrmshine Ltd.", "Ember & Oak Care", "Scalecraft Industries"]
    regions = {s.name: [c.name for c in s.children] for s in f.segmentation["Region"]}
    assert regions == {"Europe": ["Wales", "Romania"], "Asia Pacific": ["Bhutan"]}
    assert [s.name for s in f.segmentation["Product Type"]] == [
        "Liquid Polish",
        "Paste Wax",
        "Enchanted Lacquer",
    ]
    assert [d.date for d in f.recent_developments] == ["2024-07", "2024-02"]
    assert [(p.question_source, p.topic) for p in report.faq] == [
        ("report", "market_size"),
        ("report", "largest_region"),
    ]
    assert report.faq[0].question == "How big is the dragon scale polish market?"
    assert report.faq[1].answer.startswith("Europe is the dominant region")
    assert "Copyright" not in report.faq[1].answer  # the footer is furniture
    headings = [s.heading for s in report.sections]
    assert headings[:3] == [report.title, "Report Snapshot", "Market Overview"]
    assert report.consistency.status == "agree"


def test_html_prose_in_trillions() -> None:
    report = fixture("floating-orchard-market.html")
    f = report.facts
    assert report.title == "Floating Orchard Systems Market Size, Share & Trends Analysis"
    assert report.market == "Floating Orchard Systems"
    assert report.publisher == "Arboreal Insights"
    assert f.market_size is not None and (f.market_size.amount, f.market_size.unit, f.market_size.year) == (
        3.45,
        "trillion",
        2023,
    )
    assert f.forecast_end is not None and (f.forecast_end.amount, f.forecast_end.year) == (5.12, 2030)
    assert f.cagr is not None and (f.cagr.percent, f.cagr.start_year, f.cagr.end_year) == (5.8, 2024, 2030)
    assert f.cagr.span.text.endswith("5.8%")
    assert f.largest_region is not None and f.largest_region.name == "Asia Pacific"
    assert f.fastest_segment is not None and f.fastest_segment.name == "Hydroponic Canopy"
    assert [p.name for p in f.key_players] == [
        "Driftwood Orchards Inc.",
        "Lakeside Canopy Systems",
        "Pontoon Pomology GmbH",
    ]
    assert [(p.topic, p.question) for p in report.faq] == [
        ("market_size", "How large is the floating orchard systems market?"),
        ("cagr", "What is the expected growth rate?"),
    ]
    assert report.consistency.status == "agree"
    for section in report.sections:
        assert "cookie" not in section.text and "Request Free Sample" not in section.text
        assert "Submarine Vineyard" not in section.text  # "Related Reports" is furniture
    assert "Related Reports" not in [s.heading for s in report.sections]


def test_prose_figures_that_do_not_reconcile() -> None:
    report = fixture("cloud-whale-tourism-market.txt")
    f = report.facts
    assert report.title == "Cloud Whale Tourism Market Outlook" and report.market == "Cloud Whale Tourism"
    assert f.market_size is not None and f.market_size.span.text.endswith("USD 2.40 billion")
    assert f.forecast_end is not None and (f.forecast_end.amount, f.forecast_end.year) == (4.9, 2031)
    assert f.cagr is not None and f.cagr.percent == 7.1 and f.cagr.start_year is None
    # Stated nowhere, so left out.
    assert f.largest_region is None and f.fastest_segment is None and f.forecast_period is None
    assert f.key_players == [] and f.segmentation == {} and f.recent_developments == [] and report.faq == []
    assert report.publisher is None
    c = report.consistency
    assert c.status == "disagree"
    assert c.message.startswith("2.40 x 1.071^7 = 3.88, does not match the stated USD 4.90 billion (2031)")
    assert c.implied_percent is not None and abs(c.implied_percent - 10.73) < 0.01


def test_unknown_layout_leaves_facts_out() -> None:
    text = (
        "Notes on the Moss Carpet Trade\n\n"
        "Hospitals dominated the purchasing last year, and prices rose by 12% in some towns. "
        "Buyers mentioned USD 5 million in grants without saying for which year or market. "
        "The segment mix changed often and no figures were confirmed by the writers of these notes. "
        "Nothing here is a headline estimate, so a parser should not report one.\n"
    )
    report = parse_text(text, "notes/moss.txt")
    f = report.facts
    assert report.id == "moss"
    assert f.market_size is None and f.cagr is None and f.forecast_end is None
    assert f.largest_region is None  # "Hospitals" is not a region
    assert f.fastest_segment is None and f.key_players == []
    assert report.consistency.status == "unknown"
    assert report.title == "Notes on the Moss Carpet Trade"
    assert report.sections and report.sections[0].text.startswith("Hospitals dominated")


def test_same_publisher_layout_other_market() -> None:
    """A second page in TechSci Research's layout: nothing is specific to the seed."""
    report = fixture("moonlight-fabric-market.txt")
    f = report.facts
    assert (report.title, report.market, report.publisher) == (
        "Global Moonlight Fabric Market",
        "Moonlight Fabric",
        "TechSci Research",
    )
    assert f.market_size is not None and (f.market_size.amount, f.market_size.unit, f.market_size.year) == (
        412.6,
        "million",
        2025,
    )
    assert f.cagr is not None and (f.cagr.percent, f.cagr.start_year, f.cagr.end_year) == (7.84, 2026, 2031)
    assert f.forecast_end is not None and f.forecast_end.span.text.endswith("USD 648.9 Million")
    assert f.largest_region is not None and f.largest_region.name == "Asia Pacific"
    assert f.fastest_segment is not None and f.fastest_segment.name == "Residential"
    assert [p.name for p in f.key_players] == [
        "Lunaweave Textiles",
        "Glowthread Corporation",
        "Selenic Looms Pvt. Ltd.",
    ]
    assert list(f.segmentation) == ["Application", "Fibre Type", "Region"]
    assert [c.name for c in f.segmentation["Region"][0].children] == ["Nepal", "Japan"]
    assert [(d.date, d.company) for d in f.recent_developments] == [
        ("2025-01", "Lunaweave Textiles"),
        ("2024-08", "Glowthread Corporation"),
        ("2023", "Selenic Looms"),
    ]
    assert [p.topic for p in report.faq] == ["market_size", "largest_region", "fastest_segment", "cagr"]
    assert report.faq[0].question == "What was the size of the Global Moonlight Fabric Market in 2025?"
    assert report.consistency.status == "agree"


PAD = " ".join(["This fictional paragraph pads the sample so that it reads like a real report."] * 4)


def test_attribute_table_layout() -> None:
    text = (
        "Widget Polish Market Size, Share Report, 2030\n\n"
        "Report Attribute\tDetails\n"
        "Market size value in 2024\tUSD 1.20 billion\n"
        "Revenue forecast in 2030\tUSD 2.01 billion\n"
        "Growth rate\tCAGR of 9.0% from 2025 to 2030\n"
        "Base year for estimation\t2024\n"
        "Forecast period\t2025 - 2030\n"
        "Key companies profiled\tAcme Polish Co.; Shiny Things Ltd.; Gleam Inc.\n\n" + PAD
    )
    report = parse_text(text, "widget-polish.txt")
    f = report.facts
    assert f.market_size is not None and (f.market_size.amount, f.market_size.year) == (1.2, 2024)
    assert f.forecast_end is not None and (f.forecast_end.amount, f.forecast_end.year) == (2.01, 2030)
    assert f.cagr is not None and (f.cagr.percent, f.cagr.start_year, f.cagr.end_year) == (9.0, 2025, 2030)
    assert f.forecast_period is not None and f.forecast_period.span.text == "2025 - 2030"
    assert [p.name for p in f.key_players] == ["Acme Polish Co.", "Shiny Things Ltd.", "Gleam Inc."]
    assert report.market == "Widget Polish" and report.consistency.status == "agree"
    assert_spans_true(report)


def test_snapshot_bullets_without_a_market_name() -> None:
    text = (
        "Report Snapshot\n\n"
        "• Study Period: 2019 - 2030\n"
        "• Market Size (2025): USD 1.2 Billion\n"
        "• Market Size (2030): USD 2.0 Billion\n"
        "• CAGR (2025 - 2030): 10.5 %\n"
        "• Fastest Growing Market: Asia Pacific\n"
        "• Largest Market: North America\n\n" + PAD
    )
    report = parse_text(text, "reports/snapshot-sample.txt")
    f = report.facts
    assert f.market_size is not None and (f.market_size.amount, f.market_size.year) == (1.2, 2025)
    assert f.forecast_end is not None and (f.forecast_end.amount, f.forecast_end.year) == (2.0, 2030)
    assert f.cagr is not None and f.cagr.span.text.endswith("10.5 %") and f.cagr.end_year == 2030
    assert f.largest_region is not None and f.largest_region.name == "North America"
    assert f.fastest_segment is None  # "Fastest Growing Market" is a region, not a segment
    assert f.forecast_period is None  # a study period is not a forecast period
    # No market phrase in the text: the title falls back to the file name, not to a key.
    assert report.title == "snapshot sample" and report.market is None
    assert report.consistency.status == "agree"
    assert_spans_true(report)


def test_prose_with_forecast_period_and_region() -> None:
    text = (
        "Gizmo Market\n\n"
        "The global gizmo market size was valued at USD 1.20 billion in 2024. The market is projected to "
        "grow from USD 1.31 billion in 2025 to USD 2.50 billion by 2032, exhibiting a CAGR of 9.7% during "
        "the forecast period (2025-2032). North America dominated the gizmo market with a market share of "
        "38.5% in 2024.\n\n" + PAD
    )
    report = parse_text(text, "gizmo.txt")
    f = report.facts
    # The CAGR runs 2025-2032, so the forecast compounds from the size stated for 2025, not 2024.
    assert f.market_size is not None and f.market_size.span.text.endswith("USD 1.31 billion")
    assert f.forecast_end is not None and f.forecast_end.span.text.endswith("USD 2.50 billion")
    assert f.cagr is not None and (f.cagr.start_year, f.cagr.end_year) == (2025, 2032)
    assert f.forecast_period is not None and f.forecast_period.span.text == "2025-2032"
    assert f.largest_region is not None and f.largest_region.name == "North America"
    sizes = [(q.start_year, q.value, q.period) for q in f.quantities if q.metric == "market_size"]
    assert sizes == [(2024, 1.2, "base"), (2025, 1.31, "forecast"), (2032, 2.5, "forecast")]
    # 1.31 x 1.097^7 = 2.50.
    assert report.consistency.status == "agree"
    assert report.consistency.message.startswith("1.31 x 1.097^7 = 2.50, matches")
    assert_spans_true(report)


def test_furniture_line_splits_a_section() -> None:
    text = (
        "Market Overview\n\n"
        "The Global Pebble Polishing Market is a fictional market described in a first paragraph here.\n\n"
        "Download Free Sample Report\n\n"
        "A second paragraph continues the overview after the call-to-action button on the page.\n\n"
        "Related Reports\n\n"
        "Global Sand Sorting Market\n\n"
        "Key Market Trends\n\n"
        "Pebbles are increasingly polished by hand, which this fictional trend paragraph describes.\n" + PAD
    )
    report = parse_text(text, "pebbles.txt")
    pieces = [(s.heading, s.text[:20]) for s in report.sections]
    assert pieces == [
        ("Market Overview", "The Global Pebble Po"),
        ("Market Overview", "A second paragraph c"),
        ("Key Market Trends", "Pebbles are increasi"),
    ]
    assert all("Sand Sorting" not in s.text for s in report.sections)
    assert_spans_true(report)
