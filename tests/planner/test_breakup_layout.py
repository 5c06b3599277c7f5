"""A report page in a 'Breakup by' layout: segments as plain lines under 'Breakup by X:', the
players in a sentence under 'Competitive Landscape:', dated news as plain lines, and a title that
lists the segmentation as 'by Product (A, B), Application (C, D)'.

Figures: USD 318.4 million in 2024, USD 742.9 million stated for 2033, 9.4 % a year over 2025-2033.
"""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """Cold Plasma Wound Care Market Report by Product (Handheld Devices, Stationary Systems), Application (Chronic Wounds, Acute Wounds, Burns), End User (Hospitals, Wound Clinics, Home Settings), and Region 2025-2033

Market Overview:

The global cold plasma wound care market size reached USD 318.4 Million in 2024. Looking forward, Orrin Research Group expects the market to reach USD 742.9 Million by 2033, exhibiting a growth rate (CAGR) of 9.4% during 2025-2033. Rising rates of diabetic foot ulcers and the spread of antibiotic-resistant infections are driving adoption in hospitals.

Cold Plasma Wound Care Market Trends:

Portable devices for outpatient care
Clinics increasingly prefer handheld units that a nurse can carry between treatment rooms; in 2024 handheld devices made up 61.2% of unit sales.

Key Market Segmentation:

Breakup by Product:
Handheld Devices
Stationary Systems
Handheld devices account for the majority of the market share.

Breakup by Application:
Chronic Wounds
Acute Wounds
Burns
Chronic wounds represent the largest segment, holding 54.8% of revenue in 2024.

Breakup by End User:
Hospitals
Wound Clinics
Home Settings

Breakup by Region:
North America
Europe
Asia Pacific
Latin America
Middle East and Africa
North America exhibits a clear dominance in the market, with a 40.3% share in 2024.

Competitive Landscape:
The report profiles Plasmedix AG, Coldwave Medical, Nitrion Health and Luma Therapeutics.

Latest News and Developments:
In January 2025, Coldwave Medical acquired Ferrant Devices to expand its handheld range.
In September 2024, Plasmedix AG opened a production plant in Leipzig.
"""


@pytest.fixture(scope="module")
def report():
    return parse_text(PAGE, "cold-plasma-wound-care-market.txt", "cold-plasma-wound-care-market")


@pytest.fixture(scope="module")
def ask(report):
    return asker(report)


def test_segments_players_and_news_are_read_from_plain_lines(report):
    segments = {dim: [n.name for n in names] for dim, names in report.facts.segmentation.items()}
    assert segments["Application"] == ["Chronic Wounds", "Acute Wounds", "Burns"]
    assert segments["End User"] == ["Hospitals", "Wound Clinics", "Home Settings"]
    assert "Middle East and Africa" in segments["Region"]
    players = [p.name for p in report.facts.key_players]
    assert players == ["Plasmedix AG", "Coldwave Medical", "Nitrion Health", "Luma Therapeutics"]
    assert [(d.date, d.company) for d in report.facts.recent_developments] == [
        ("2025-01", "Coldwave Medical"),
        ("2024-09", "Plasmedix AG"),
    ]


def test_a_title_alone_gives_the_segmentation():
    title_only = PAGE.split("Key Market Segmentation:")[0]
    report = parse_text(title_only, "cold-plasma-wound-care-market.txt", "cold-plasma")
    segments = {dim: [n.name for n in names] for dim, names in report.facts.segmentation.items()}
    assert segments == {
        "Product": ["Handheld Devices", "Stationary Systems"],
        "Application": ["Chronic Wounds", "Acute Wounds", "Burns"],
        "End User": ["Hospitals", "Wound Clinics", "Home Settings"],
    }


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who are the key players", "Plasmedix AG, Coldwave Medical, Nitrion Health, Luma Therapeutics"),
        ("what did coldwave buy", "acquired Ferrant Devices"),
        ("end users?", "Hospitals, Wound Clinics and Home Settings"),
        ("which application leads", "Chronic Wounds"),
        ("how big will burns be in 2030", "no dollar value for Burns"),
    ],
)
def test_questions_on_the_page(ask, question, expected):
    answer = ask(question)
    assert expected in answer.text, answer.text


def test_two_parts_one_sentence_answers_are_said_once(ask):
    answer = ask("largest region and its share")
    assert answer.text.count("40.3%") == 1, answer.text
