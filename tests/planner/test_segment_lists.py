"""A report that lists its segmentation in its title, with dimension names people ask for in the
plural ('care settings?', 'which test phases'), on a page in a snapshot layout.

Figures: USD 412.0 million in 2024, 7.4 % a year over 2025-2032.
"""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """Remote Cardiac Monitoring Services Market (By Care Setting: Hospitals, Ambulatory Centres, Home Care; By Test Phase: Screening, Diagnosis, Follow-Up; By Use Case: Arrhythmia Detection, Heart Failure Management, Post-Surgical Recovery; By Device: Wearable Patch Device, Implantable Loop Device) - Global Industry Analysis and Forecast 2025-2032

Ledgerline Analytics | Report ID: LLA-HC-2210 | Published: March 2025 | Pages: 140

This is a fictional sample page written for tests; the figures, companies and publisher are invented.

Report Snapshot

- Market size in 2024: USD 412.0 million
- CAGR (2025 to 2032): 7.4%
- Largest market: Europe
- Base year: 2024
- Forecast period: 2025 to 2032

Market Overview

Remote cardiac monitoring services read heart rhythm data from wearable patches and implanted
recorders and pass alerts to cardiologists, so patients can be watched outside the clinic.

Key Takeaways

- Europe held 41.5% of the market in 2024.
- By care setting, hospitals accounted for 52.4% of revenue in 2024.
- By care setting, home care is expected to grow at the fastest CAGR of 10.2% from 2025 to 2032.
- By test phase, diagnosis held a 46.0% share in 2024.
- By device, wearable patch devices held 63.5% of revenue in 2024.

Key players: Pulsewire Health, Cardiola Services, Vantry Monitoring.
"""


@pytest.fixture(scope="module")
def ask_cardiac():
    return asker(
        parse_text(PAGE, "remote-cardiac-monitoring-services-market.txt", "remote-cardiac-monitoring")
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("care settings?", ["Hospitals", "Ambulatory Centres", "Home Care"]),
        ("which test phases are covered", ["Screening", "Diagnosis", "Follow-Up"]),
        ("use cases?", ["Arrhythmia Detection", "Heart Failure Management"]),
    ],
)
def test_a_dimension_asked_for_in_the_plural_lists_its_segments(ask_cardiac, question, expected):
    answer = ask_cardiac(question)
    assert answer.status == "answered", answer.text
    assert all(name in answer.text for name in expected), answer.text


@pytest.mark.parametrize(
    ("question", "leader", "not_named"),
    [
        ("which care setting leads?", "Hospitals", "Europe"),
        ("biggest test phase in remote cardiac monitoring", "Diagnosis", "Europe"),
        ("fastest growing care setting", "Home Care", "Europe"),
        ("which region leads", "Europe", "Hospitals"),
    ],
)
def test_the_leader_of_the_dimension_asked_about(ask_cardiac, question, leader, not_named):
    answer = ask_cardiac(question)
    assert answer.status == "answered", answer.text
    assert leader.lower() in answer.text.lower() and not_named not in answer.text, answer.text


def test_a_dimension_without_figures_gets_no_leader_from_another_one(ask_cardiac):
    answer = ask_cardiac("which use case leads?")
    assert "Hospitals" not in answer.text and "Europe" not in answer.text.split("[")[0], answer.text


@pytest.mark.parametrize("question", ["wearable patch device share", "share of wearable patch devices?"])
def test_a_segment_whose_name_holds_its_dimension_is_asked_for_its_figure(ask_cardiac, question):
    answer = ask_cardiac(question)
    assert "63.5%" in answer.text, answer.text


FIGURES_ONLY = """Marine Battery Swap Station Market Outlook

The marine battery swap station market was valued at USD 96.0 million in 2024 and is projected to
grow at a CAGR of 18.2% from 2025 to 2031.

- By chemistry, lithium iron phosphate packs held 58.1% of revenue in 2024.
- By vessel class, harbour ferries accounted for 44.0% of swaps in 2024.
"""


@pytest.mark.parametrize(
    ("question", "expected"),
    [("lithium iron phosphate chemistry share", "58.1%"), ("harbour ferries vessel class share?", "44%")],
)
def test_a_dimension_known_only_from_its_figures_still_answers_a_segment_share(question, expected):
    ask = asker(parse_text(FIGURES_ONLY, "marine-battery-swap-station-market.txt", "marine-battery-swap"))
    answer = ask(question)
    assert expected in answer.text and "segmentation" not in answer.text, answer.text
