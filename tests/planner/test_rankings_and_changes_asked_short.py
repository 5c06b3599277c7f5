"""Rankings and changes asked in few words: 'biggest product segment?' beside dimensions named
'... Type', 'the second one?' after a split (with its share), '$ terms for 2024' of the part just
discussed, why a part named with a gloss in brackets grows faster, and 'so yoy growth was?' after two
years typed one with two digits."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

SCREENS = """\
# Greenhouse Thermal Screen Market Report, 2025-2033

The global greenhouse thermal screen market was valued at USD 1.33 billion in 2023 and USD 1.42 billion
in 2024, and is projected to reach USD 2.61 billion by 2033, a CAGR of 7.0% over 2025-2033.

## By Product

- **Aluminized screens** (reflective): 41.2%
- **Woven shade cloth** (knitted HDPE): 33.4%
- **Diffusing screens**: 25.4%

Woven shade cloth is expected to grow slightly faster than aluminized screens, at 7.9% a year, because
berry growers are adding it to tunnels.

## By Installation Type

- **Retractable systems**: 58.0%
- **Fixed installations**: 42.0%
"""


@pytest.fixture(scope="module")
def screens():
    return asker(parse_text(SCREENS, "greenhouse-thermal-screen-market.md", "screens"))


def test_a_dimension_named_whole_beside_type_dimensions(screens):
    answer = screens("biggest product segment?")
    assert "Aluminized screens" in answer.text and "41.2%" in answer.text, answer.text


def test_the_second_of_a_split_with_its_share_then_its_value(screens):
    answer = converse(screens, "what products does it split by", "the second one?")
    assert "Woven shade cloth" in answer.text and "33.4%" in answer.text, answer.text
    answer = converse(screens, "woven shade cloth share?", "in $ terms for 2024")
    assert "0.474" in answer.text, answer.text  # 33.4% of USD 1.42 billion


def test_why_a_part_named_with_a_gloss_grows_faster(screens):
    answer = converse(screens, "woven shade cloth growth rate", "why faster?")
    assert "berry growers" in answer.text, answer.text


def test_a_change_between_two_years_typed_short(screens):
    answer = converse(screens, "mkt value 2023?", "and 24", "so yoy growth was?")
    assert "From 2023 to 2024" in answer.text and "6.77%" in answer.text, answer.text


def test_the_second_of_a_ranking_after_asking_why(screens):
    answer = converse(screens, "biggest product segment?", "why?", "the second one?")
    assert "Woven shade cloth" in answer.text and "33.4%" in answer.text, answer.text
