"""A statistic asked about by the figure itself ('the 41% stat', 'the 2,300 figure'): the sentence
that states that very figure answers, though it shares few other words with the question."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

SURVEY_PAGE = """\
# Dental Aligner Scanner Market Report, 2025-2032

The dental aligner scanner market was valued at USD 1.12 billion in 2024 and is expected to grow at a
CAGR of 9.1% from 2025 to 2032.

## Market Drivers

Clinics are digitising impressions. According to the Orthodontic Practice Survey, in 2024, 41% of
practices reported replacing trays with intraoral scans within the previous two years. A separate
audit by the Lab Network Council counted 2,300 labs that now accept scan files directly.

## Challenges

Upfront cost still deters small practices, and training takes staff time away from patients.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(SURVEY_PAGE, "dental-aligner-scanner-market.md"))


def test_a_percent_stat_asked_by_its_figure(ask):
    answer = ask("what's the 41% stat?")
    assert answer.status == "answered" and "Orthodontic Practice Survey" in answer.text


def test_a_count_asked_by_its_figure(ask):
    answer = ask("where does the 2,300 figure come from")
    assert answer.status == "answered" and "Lab Network Council" in answer.text


def test_a_figure_the_page_does_not_state_finds_nothing(ask):
    answer = ask("what's the 47% stat?")
    assert answer.status == "unanswerable" and "47%" not in answer.text.replace("47% stat", "")
