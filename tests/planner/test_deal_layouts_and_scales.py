"""Deals kept in a company table's column of recent moves and in a news article's prose, asked about
by position, by name and by detail; figures asked in another scale than the page gives them; and
wordings around a figure (how the answer is wanted, 'us' as a pronoun, 'going by the report's cagr')."""

from __future__ import annotations

from pathlib import Path

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_report, parse_text

STATS_PAGE = """\
# Hoof Trimming Chute Market Size, Share & Trends Report, 2026-2033

## Key Market Statistics

- Market size (2025): USD 214.0 million
- Forecast (2033): USD 352.0 million
- CAGR (2026-2033): 6.4%
- Largest region: Europe (41.0% share)

## Segment Analysis

### By Type

| Type | 2025 (USD billion) | 2033 (USD billion) | CAGR |
|---|---|---|---|
| Hydraulic chutes | 0.13 | 0.22 | 6.8% |
| Manual chutes | 0.08 | 0.13 | 5.9% |

## Competitive Landscape

| Company | Headquarters | Focus | Recent move |
|---|---|---|---|
| Clawcare Ltd | Carlisle, UK | Hydraulic chutes for dairy herds | Feb 2025: opened a second plant in Penrith with room for 900 chutes a year |
| Vetra Agrar GmbH | Kiel, Germany | Mobile trimming trailers | Oct 2024: acquired Hofstad Trim AS for USD 6.2 million, adding 140 dealer accounts in Norway |
| Pastora Equipos | Leon, Spain | Manual chutes for small farms | Jun 2024: partnered with a Spanish dairy co-operative to supply 1,300 farms |
"""

NEWS_PAGE = """\
<html><body>
<h1>Kiln-dried firewood sales heat up: report sees USD 2.1 billion by 2031</h1>
<p>The kiln-dried firewood market was worth USD 1.35 billion in 2024 and is expected to grow at a
CAGR of 6.5% from 2025 to 2031, according to a new study by Birchfield Analytics.</p>
<h2>A field of small sellers</h2>
<p>Most supply still comes from regional yards. Consolidation has started, though. In February 2025
Norrland Heat AB completed its acquisition of Dalwood Fuel for USD 18 million, adding two kilns in
Sweden. Retail chains are also moving. In October 2024 Emberline Logs signed a supply deal with
HomeBuild Stores covering 420 outlets in the UK.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(STATS_PAGE, "hoof-trimming-chute-market.md"))


@pytest.fixture(scope="module")
def ask_news(tmp_path_factory: pytest.TempPathFactory):
    page: Path = tmp_path_factory.mktemp("news") / "kiln-dried-firewood-market.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    return asker(parse_report(page))


def test_a_players_move_from_the_company_table_by_position(ask):
    answer = converse(ask, "who are the main companies?", "what did the second one do lately?")
    assert "Hofstad Trim" in answer.text and "Oct 2024" in answer.text
    assert answer.status == "answered" and answer.citations


def test_a_detail_of_a_move_in_the_company_table(ask):
    answer = ask("how much did vetra pay for hofstad and how many dealers came with it?")
    assert "USD 6.2 million" in answer.text and "140 dealer accounts" in answer.text


def test_the_recent_moves_are_the_pages_news(ask):
    answer = ask("any recent developments?")
    for company in ("Clawcare Ltd", "Vetra Agrar GmbH", "Pastora Equipos"):
        assert company in answer.text


def test_deals_in_a_news_articles_prose(ask_news):
    answer = ask_news("what has norrland heat been up to?")
    assert "Dalwood Fuel" in answer.text and answer.status == "answered"
    answer = ask_news("how many outlets does the emberline deal cover?")
    assert "420 outlets" in answer.text


def test_a_segment_figure_asked_in_millions_is_converted(ask):
    answer = ask("hydraulic chutes 2025 value, in millions please")
    assert "USD 0.13 billion (USD 130 million)" in answer.text
    assert any("0.13" in line and "130" in line for line in answer.working)


def test_a_figure_already_in_the_scale_asked_is_left_alone(ask):
    answer = ask("market size in 2025 in millions?")
    assert "USD 214 million" in answer.text or "USD 214.0 million" in answer.text
    assert "billion" not in answer.text


def test_that_in_millions_after_a_figure(ask):
    answer = converse(ask, "manual chutes in 2033?", "what's that in millions")
    assert "USD 130 million" in answer.text


def test_a_figure_named_in_the_question_asks_no_conversion(ask):
    answer = ask("vetra paid usd 6.2 million for hofstad - what is the hydraulic segment worth in 2025?")
    assert "(USD" not in answer.text


# -- wordings around a figure ------------------------------------------------------------------


def test_a_year_going_by_the_reports_rate_is_that_years_size(ask):
    answer = ask("what would the market be in 2030 going by the report's cagr")
    assert "USD 291.82 million" in answer.text and "2030" in answer.text


def test_us_as_a_pronoun_is_not_the_united_states(ask):
    answer = ask("what cagr gets us to 400 million by 2033")
    assert answer.status == "answered" and "United States" not in answer.text
    assert "8.13%" in answer.text


def test_a_lead_in_saying_how_the_answer_is_wanted_is_no_part_of_its_own(ask):
    answer = ask("On average, how many dollars does the market add each year between 2025 and 2033?")
    assert answer.unanswered_parts == [] and "USD 17.25 million" in answer.text


def test_a_parts_value_between_its_stated_years_grows_at_its_own_rate(ask):
    answer = ask("hydraulic chutes in 2028 - ballpark using its growth rate?")
    assert answer.status == "answered" and "6.8%" in answer.text
    assert "USD 0.16 billion in 2028" in answer.text  # 0.13 x 1.068^3


def test_tell_me_about_a_dimensions_segments(ask):
    answer = ask("tell me about the type segments")
    assert "Hydraulic chutes" in answer.text and "Manual chutes" in answer.text
    assert "USD 0.13 billion" in answer.text and "USD 0.22 billion" in answer.text  # then and later
    assert "6.8%" in answer.text and "5.9%" in answer.text


def test_a_parts_two_stated_years_divided(ask):
    answer = ask("hydraulic chutes, how many times larger in 2033 vs 2025")
    assert "1.69 times" in answer.text and answer.ungrounded_numbers == []  # 0.22 / 0.13


def test_how_much_bigger_one_part_is_than_another(ask):
    answer = ask("how much bigger were hydraulic chutes than manual chutes in 2025, in $ terms")
    assert "USD 0.05 billion" in answer.text  # 0.13 - 0.08


REGION_TABLE_PAGE = (
    STATS_PAGE
    + """
## Regional Analysis

| Region | Share 2025 (%) | 2025 (USD million) | 2033 (USD million) | CAGR 2026-2033 (%) |
|---|---|---|---|---|
| Europe | 41.0 | 87.7 | 131.6 | 5.2 |
| North America | 33.0 | 70.6 | 104.1 | 5.0 |
| Asia Pacific | 18.0 | 38.5 | 110.0 | 14.0 |
| Rest of the World | 8.0 | 17.1 | 30.3 | 7.4 |
"""
)


@pytest.fixture(scope="module")
def ask_regions():
    return asker(parse_text(REGION_TABLE_PAGE, "hoof-trimming-chute-market.md"))


def test_the_second_largest_region_ranked_from_a_region_table(ask_regions):
    answer = ask_regions("which region is the second largest")
    assert answer.text.startswith("North America is the second-largest region")


def test_the_second_largest_region_in_a_forecast_year(ask_regions):
    # by 2033 Asia Pacific overtakes North America: the ranking is of that year's sizes
    answer = ask_regions("by 2033 which region will be the second largest")
    assert answer.text.startswith("Asia Pacific is the second-largest region"), answer.text
