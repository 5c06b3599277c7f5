"""A plain-text page in numbered chapters: sub-headings over dot-leader rows and company lines, points
lettered "(a)" to "(c)" with run-in labels (the third not read as a copyright line), sections headed in
words of their own ("What Holds It Back"), dated rows with dot leaders, a region table's shares, a
country's share worked out from its stated value, and "fcst" read as forecast."""

from __future__ import annotations

import pytest
from asking import asker

from assistant.parsing.parse import parse_text

KOMBUCHA = """\
SHELF-STABLE KOMBUCHA CONCENTRATE MARKET
GLOBAL INDUSTRY REPORT, 2025-2032

Publisher: Tamsin Beverage Analytics
Base Year: 2024


1 EXECUTIVE SUMMARY

1.1 Summary
The global shelf-stable kombucha concentrate market reached USD 840.0 million in 2024 and is projected
to reach USD 1,620.0 million by 2032, a CAGR of 8.6% over 2025-2032.


2 MARKET DYNAMICS

2.1 Why Demand Keeps Rising
(a) Gut-health marketing. Retailers now shelve concentrates beside probiotics, which widens the audience beyond early adopters.
(b) Lower freight. A concentrate ships a fifth of the water of a ready-to-drink bottle, which cuts distribution cost per serving.
(c) Office refreshment. Workplace beverage providers add concentrate taps to replace sugary soft drinks.

2.2 What Holds It Back
(a) Taste drift. Diluted servings vary with the water used, and complaints about sourness persist.
(b) Label rules. Alcohol content limits force some producers to pasteurise, which removes live cultures.


3 SEGMENTATION

3.1 By Format (share of 2024 revenue)
Liquid concentrate ................................. 64.0%
Powder sachets ..................................... 36.0%

3.2 By Channel (share of 2024 revenue)
Grocery ............................................ 55.0%
Online ............................................. 30.0%
Foodservice ........................................ 15.0%


4 REGIONS

4.1 Regional Shares (2024) and Growth (2025-2032)
North America .................. 41.0% ............ CAGR 7.9%
Europe ......................... 33.0% ............ CAGR 8.1%
Asia Pacific ................... 19.0% ............ CAGR 11.2%

4.2 Europe
Germany is the largest European country market at USD 105.0 million in 2024.


5 COMPANIES

5.1 Key Players
Brightcap Ferments (United States)
Hollow Oak Cultures (Canada)
Seidel Getranke (Germany)
Tamaru Drinks (Japan)

5.2 Recent Developments
March 2025 ......... Brightcap Ferments opened a concentrate plant in Reno, Nevada, with capacity of 9 million litres.
June 2025 .......... Tamaru Drinks launched powder sachets in 1,800 convenience stores across Japan.
"""


@pytest.fixture(scope="module")
def kombucha():
    return asker(parse_text(KOMBUCHA, "shelf-stable-kombucha-concentrate-market.txt", "kombucha"))


def test_numbered_sub_headings_over_rows_and_company_lines_are_sections():
    report = parse_text(KOMBUCHA, "shelf-stable-kombucha-concentrate-market.txt", "kombucha")
    headings = [section.heading for section in report.sections]
    assert "By Format (share of 2024 revenue)" in headings and "Key Players" in headings, headings
    assert set(report.facts.segmentation) >= {"Format", "Channel"}, report.facts.segmentation
    players = [named.name for named in report.facts.key_players]
    assert players == ["Brightcap Ferments", "Hollow Oak Cultures", "Seidel Getranke", "Tamaru Drinks"]
    dates = [development.date for development in report.facts.recent_developments]
    assert dates == ["2025-03", "2025-06"], report.facts.recent_developments
    shares = {
        q.scope.name: q.value
        for q in report.facts.quantities
        if q.metric == "share" and q.scope.kind == "region"
    }
    assert shares == {"North America": 41.0, "Europe": 33.0, "Asia Pacific": 19.0}, shares


def test_lettered_points_keep_their_labels_and_the_third_is_not_a_footer(kombucha):
    answer = kombucha("what's driving demand")
    assert answer.status == "answered", answer.text
    for label in ("Gut-health marketing", "Lower freight", "Office refreshment"):
        assert label in answer.text, answer.text


@pytest.mark.parametrize("question", ["whats holding the category back", "main restraints?"])
def test_a_section_headed_in_words_of_its_own(kombucha, question: str):
    answer = kombucha(question)
    assert answer.status == "answered", answer.text
    assert "Taste drift" in answer.text and "Label rules" in answer.text, answer.text


def test_a_countrys_share_from_its_stated_value(kombucha):
    answer = kombucha("germany as a % of the global mkt")
    assert answer.status == "answered", answer.text
    assert "12.5%" in answer.text and "105" in answer.text and "840" in answer.text, answer.text
    assert any(c.tool == "share_of_total" for c in answer.computations), answer.computations


def test_fcst_is_read_as_forecast(kombucha):
    answer = kombucha("2032 fcst?")
    assert answer.status == "answered", answer.text
    assert "1,620" in answer.text, answer.text
