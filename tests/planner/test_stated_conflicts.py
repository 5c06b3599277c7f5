"""What a page states outright wins over arithmetic, and a page that states two values for one
figure has both shown: a size its header and its prose give differently, growth over the historical
years the page gives a CAGR for, and one year's own growth rate. On a page in a key-value layout of
its own."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

PAGE = """Hospital Linen Tracking Systems Market - Global Forecast 2025-2032

| Attribute | Detail |
|---|---|
| Market Size (2024) | USD 1.10 Billion |
| CAGR (2025-2032) | 9.0% |
| Base Year | 2024 |
| Historical Period | 2019-2023 |

Market Overview

The hospital linen tracking systems market was valued at USD 1.25 billion in 2024, as RFID tags sewn
into gowns and sheets let laundries bill hospitals per item. The market grew at a CAGR of 6.5% over
2019-2023. The year-on-year growth rate for 2026 is estimated at 9.2%.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(
        parse_text(
            PAGE, "hospital-linen-tracking-systems-market.txt", "hospital-linen-tracking-systems-market"
        )
    )


@pytest.mark.parametrize("question", ["market size 2024", "how big was the market in 2024?"])
def test_a_figure_stated_twice_differently_shows_both(ask, question):
    answer = ask(question)
    assert answer.status == "answered", answer.text
    assert "1.10 billion" in answer.text and "1.25 billion" in answer.text, answer.text
    assert len(answer.citations) >= 2


@pytest.mark.parametrize(
    "question", ["growth 2019-2023", "how fast did the market grow between 2019 and 2023"]
)
def test_growth_over_years_the_page_gives_a_cagr_for_is_that_cagr(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "6.5%" in answer.text, answer.text
    assert any("6.5%" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question", ["yoy growth 2026", "what is the year-on-year growth rate in 2026?"])
def test_a_year_s_own_growth_rate_the_page_states(ask, question):
    answer = ask(question)
    assert answer.status == "answered" and "9.2%" in answer.text, answer.text


def test_a_year_the_page_gives_no_growth_rate_for_says_so(ask):
    answer = ask("yoy growth 2028")
    assert "9.2%" not in answer.text and "9%" in answer.text, answer.text
    assert "no year-on-year" in answer.text, answer.text
