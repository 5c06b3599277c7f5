"""Recent developments wherever a page keeps them: a news article's prose, a company table's column
of recent moves, a timeline under a labelled heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain.report import Report
from assistant.parsing.parse import parse_report, parse_text

NEWS_ARTICLE = """\
<html><body>
<h1>Kiln-dried firewood sales heat up: report sees USD 2.1 billion by 2031</h1>
<p class="byline">By Mara Lind &middot; Published 3 March 2025</p>
<p>The kiln-dried firewood market was worth USD 1.35 billion in 2024 and is expected to grow at a
CAGR of 6.5% from 2025 to 2031, according to a new study by Birchfield Analytics.</p>
<h2>Homes still burn the most</h2>
<p>Households bought 64% of all kiln-dried logs in 2024. Restaurants with wood-fired ovens took most of
the rest.</p>
<h2>A field of small sellers</h2>
<p>Most supply still comes from regional yards. Consolidation has started, though. In February 2025
Norrland Heat AB completed its acquisition of Dalwood Fuel for USD 18 million, adding two kilns in
Sweden. Retail chains are also moving. In October 2024 Emberline Logs signed a supply deal with
HomeBuild Stores covering 420 outlets in the UK.</p>
<p>On the product side, Hearthwise launched a compressed heat-log range in September 2024, sold in
shrink-wrapped 10 kg packs.</p>
<h2>What comes next</h2>
<p>In 2024 demand rose as energy prices stayed high, and analysts expect further growth.</p>
</body></html>
"""

COMPANY_TABLE = """\
# Hoof Trimming Chute Market Report, 2025-2033

The hoof trimming chute market was valued at USD 214.0 million in 2025 and is expected to reach USD
352.0 million by 2033, a CAGR of 6.4%.

## Competitive Landscape

| Company | Headquarters | Focus | Recent move |
|---|---|---|---|
| Clawcare Ltd | Carlisle, UK | Hydraulic chutes for dairy herds | Feb 2025: opened a second plant in Penrith with room for 900 chutes a year |
| Vetra Agrar GmbH | Kiel, Germany | Mobile trimming trailers | Acquired Hofstad Trim AS for USD 6.2 million (October 2024) |
| Pastora Equipos | Leon, Spain | Manual chutes for small farms | Distributor network in Portugal |

## Frequently Asked Questions

**How big is the market?** USD 214.0 million in 2025.
"""

TIMELINE_TXT = """\
LOG SPLITTER MARKET - SUMMARY REPORT, 2024-2030

1. Overview
The log splitter market stood at USD 1.12 billion in 2023 and is forecast to grow at a CAGR of 4.8%
through 2030.

5.2 Recent Developments (Timeline)

  Apr 2025 - Torvik Machines opened an assembly line in Gdansk, Poland, with capacity for 30,000
             splitters a year.
  Nov 2024 - Axebridge Tools acquired SplitPro Oy for USD 22 million.

6. Outlook
Electric splitters keep gaining share as petrol engines fall out of favour.
"""

TIMELINE_LABEL_HTML = """\
<html><body>
<h1>Garden Biochar Kits Market</h1>
<p>The garden biochar kits market was valued at USD 96 million in 2024.</p>
<h2>Timeline: recent deals and launches</h2>
<ul>
<li><strong>Mar 2024</strong> - Charwell Garden completed its purchase of Peatfree Ltd for USD 4 million.</li>
<li><strong>Jan 2025</strong> - Soilcraft launched a 5 kg starter kit in 800 garden centres.</li>
</ul>
</body></html>
"""


@pytest.fixture
def parse(tmp_path: Path):
    """A page parsed as ingest reads it from its file (an HTML page's markup turned to text)."""

    def read(text: str, name: str) -> Report:
        page = tmp_path / name
        page.write_text(text, encoding="utf-8")
        return parse_report(page)

    return read


def _developments(report: Report) -> list[tuple[str, str]]:
    return [(d.date, d.company) for d in report.facts.recent_developments]


def test_deals_told_in_a_news_articles_paragraphs(parse) -> None:
    report = parse(NEWS_ARTICLE, "kiln-dried-firewood-market.html")
    found = _developments(report)
    assert found == [("2025-02", "Norrland Heat AB"), ("2024-10", "Emberline Logs")], found
    first, second = report.facts.recent_developments
    assert "adding two kilns in Sweden" in first.summary and "Retail chains" in first.summary
    assert second.summary.startswith("In October 2024 Emberline Logs signed")
    for dev in report.facts.recent_developments:
        assert report.text[dev.span.start : dev.span.end] == dev.summary


def test_a_year_alone_opening_prose_is_no_deal(parse) -> None:
    text = NEWS_ARTICLE.replace("In February 2025\nNorrland", "In 2025\nNorrland").replace(
        "In October 2024 Emberline", "In 2024 Emberline"
    )
    assert _developments(parse(text, "kiln-dried-firewood-market.html")) == []


def test_a_company_tables_column_of_recent_moves() -> None:
    report = parse_text(COMPANY_TABLE, "hoof-trimming-chute-market.md")
    found = _developments(report)
    assert found == [("2025-02", "Clawcare Ltd"), ("2024-10", "Vetra Agrar GmbH")], found
    clawcare = report.facts.recent_developments[0]
    assert clawcare.summary.startswith("Clawcare Ltd |") and clawcare.summary.endswith("900 chutes a year")
    assert report.text[clawcare.span.start : clawcare.span.end] == clawcare.summary


def test_one_dated_move_is_not_the_pages_news() -> None:
    text = COMPANY_TABLE.replace(
        "Acquired Hofstad Trim AS for USD 6.2 million (October 2024)", "Acquired Hofstad Trim AS"
    )
    assert _developments(parse_text(text, "hoof-trimming-chute-market.md")) == []


def test_a_timeline_under_a_heading_that_says_so(parse) -> None:
    assert _developments(parse_text(TIMELINE_TXT, "log-splitter-market.txt")) == [
        ("2025-04", "Torvik Machines"),
        ("2024-11", "Axebridge Tools"),
    ]
    assert _developments(parse(TIMELINE_LABEL_HTML, "garden-biochar-kits-market.html")) == [
        ("2024-03", "Charwell Garden"),
        ("2025-01", "Soilcraft"),
    ]


def test_a_heading_that_joins_kinds_of_deal_names_the_developments(parse) -> None:
    text = NEWS_ARTICLE.replace("<h2>A field of small sellers</h2>", "<h2>Deals and launches</h2>")
    found = _developments(parse(text, "kiln-dried-firewood-market.html"))
    # under its own heading, a deal dated inside its first sentence counts too
    assert found == [
        ("2025-02", "Norrland Heat AB"),
        ("2024-10", "Emberline Logs"),
        ("2024-09", "Hearthwise"),
    ]
