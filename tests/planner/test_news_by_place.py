"""News asked of a place the conversation named ('has anyone expanded in that region recently?',
'any company opened a new site there lately?'), found though a development names only a state of
the country ('Boise, Idaho'), and picked by the kind of deal its opening sentence tells."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

NEWS_PAGE = """\
# Sleep Clinic Services Market Report, 2025-2031

The sleep clinic services market was valued at USD 3.20 billion in 2024 and is expected to grow at a
CAGR of 6.0% from 2025 to 2031.

## Regional Analysis

North America is the largest region, covering the United States, Canada and Mexico. Asia Pacific,
covering Japan, China and India, grows fastest.

## Recent Developments

- In May 2025, Restwell Health acquired Nocturna Labs, adding 14 clinics across Europe and Asia
  Pacific. The deal also gave Restwell a route to launch home testing kits later.
- In February 2025, Somnia Partners opened a new sleep centre in Boise, Idaho, aimed at rural
  patients who travel more than two hours for a study.
- In October 2024, Drowsa Inc. partnered with a hospital network in Toronto.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(NEWS_PAGE, "sleep-clinic-services-market.md"))


def test_news_of_the_region_named_the_turn_before(ask):
    answer = converse(ask, "apac share?", "has anyone expanded in that region recently?")
    assert "Restwell Health" in answer.text and "Somnia" not in answer.text


def test_a_site_opened_in_a_state_of_the_country_asked_about(ask):
    answer = converse(
        ask, "which countries are in north america?", "any company opened a new site there lately?"
    )
    assert "Somnia Partners" in answer.text and "Boise, Idaho" in answer.text
    # Restwell's news speaks of a launch only in a later sentence: it is an acquisition
    assert "Restwell" not in answer.text


def test_the_region_after_a_ranking_is_the_region_it_named(ask):
    # the page gives no regional figure: the answer says so of North America, not the market's size
    answer = converse(ask, "which region is the largest?", "how big is the region in 2024?")
    assert answer.status == "unanswerable" and "no dollar value for North America" in answer.text
