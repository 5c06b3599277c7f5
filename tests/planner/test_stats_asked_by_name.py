"""Statistics a page quotes, asked by a word of their own: 'the r&d figure they quote?' after the
drivers (the figure a few sentences after its point), then its source, then 'and the trial volume
stat?'; two statistics asked in one message ('the dct stat + the ai stat'); and 'and the AI one' a
turn after another point's figure."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

CRO = """\
# Clinical Trial Imaging Services Market Report, 2025-2030

The global clinical trial imaging services market was valued at USD 1.40 billion in 2024 and is
projected to reach USD 2.05 billion by 2030, a CAGR of 6.6% over 2025-2030.

## Key Market Drivers

Rising R&D Expenditure is a primary force behind demand for imaging core labs. As sponsors fund more
oncology programmes, the need for centralised image reads grows with them. This spending lifts the
number of trials that need standardised imaging. For instance, according to Halden Pharma Review,
June 2024, the top 15 drug makers raised research spending to $152 billion in 2023.

A Growing Volume of Registered Trials also supports the market. According to the Worldwide Trials
Registry, March 2025, more than 480,000 studies were listed on public registries.

## Key Market Trends

Decentralised trial designs are reshaping imaging logistics. According to Northfield Research,
January 2025, decentralised formats raised the enrolment of rural participants to 12.4% compared with
3.1% in traditional studies.

Artificial intelligence is redefining read times. A survey by the Imaging Science Forum found that 58%
of imaging core labs plan to deploy AI-assisted reads by 2026.
"""


@pytest.fixture(scope="module")
def cro():
    return asker(parse_text(CRO, "clinical-trial-imaging-services-market.md", "imaging"))


def test_a_figure_named_by_its_point_then_its_source_then_the_next(cro):
    answer = converse(cro, "main drivers?", "the r&d figure they quote?")
    assert "$152 billion" in answer.text, answer.text
    answer = converse(cro, "main drivers?", "the r&d figure they quote?", "who published it")
    assert "Halden Pharma Review" in answer.text, answer.text
    answer = converse(cro, "main drivers?", "the r&d figure they quote?", "and the trial volume stat?")
    assert "480,000" in answer.text, answer.text


def test_two_statistics_asked_in_one_message(cro):
    answer = cro("the decentralised enrolment stat + the ai survey stat pls")
    assert "12.4%" in answer.text and "58%" in answer.text, answer.text


def test_and_the_ai_one_after_another_points_figure(cro):
    answer = converse(cro, "key trends?", "numbers behind the first one?", "and the AI one")
    assert "58%" in answer.text, answer.text


def test_how_many_times_the_two_rates_of_a_statistic(cro):
    answer = converse(cro, "key trends?", "numbers behind the first one?", "so how many x is that")
    assert answer.status == "answered", answer.text
    assert "4 times" in answer.text, answer.text  # 12.4% against 3.1%
