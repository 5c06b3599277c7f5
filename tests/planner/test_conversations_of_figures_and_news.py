"""Conversations about figures and news on two pages: a markdown press release on e-signature
software (bold run-in segment paragraphs, a drivers section written as "First, Second, Third", dated
deals, a site built with an amount in Canadian dollars) and a plain-text ski-lift maintenance report
with one upper-case heading per region. Analysts ask in few words: what the page says of a place or
a rule, what slows adoption, who was bought and for how much, a part called the majority that is
not, a part's value worked out from its share and grown at its own rate, the fastest region with its
rate and share, why demand is strong in the largest region, two classes compared, a company given a
site the page gives to another, and sizes at the report's rate and at the user's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from asking import asker

from assistant.domain.answer import Answer
from assistant.parsing.parse import parse_text

E_SIGNATURE = """\
# E-Signature Software Market Size, Share & Trends by Deployment (Cloud, On-premise), End User, and Region, 2025-2033

**Oslo, 14 April 2025** - The global e-signature software market was valued at USD 5.20 billion in
2024 and is projected to reach USD 21.60 billion by 2033, growing at a CAGR of 17.1% from 2025 to
2033, according to a new study by Fjordline Research.

**By deployment.** The cloud segment held 61.0% of revenue in 2024, compared with 39.0% for on-premise
deployments. Cloud deployments are expected to grow at a CAGR of 19.4% through 2033, as vendors move
new features to their hosted platforms first.

**By end user.** Banking and financial services held 34.0% of 2024 revenue. Healthcare accounted for
22.0%, government for 18.0% and real estate for 15.0%. Other end users made up the remaining 11.0%.

## Regional Outlook

North America accounted for 41.0% of revenue in 2024. Europe held 29.0%. In Europe, the eIDAS
rules give qualified electronic signatures the same legal weight as handwritten
ones, and public agencies now accept them for most filings. Vendors that keep signed records on
servers outside the EU face reviews under GDPR, which has delayed several cross-border contracts.

## Growth Drivers

The report identifies three main growth drivers. First, **remote onboarding** lets
banks and insurers open accounts without a branch visit. Second, **paperless procurement**
rules now require digital contract signing in many public tenders. Third, **mobile signing** on
phones has cut the average time to close a sales contract from days to hours.

## Challenges

Security concerns about forged signatures and account takeover continue to slow adoption
among smaller law firms. Integration with older document-management systems also
raises the cost of switching.

## Key Players

Quillmark, SignaRoute, Penwise Labs, Trustledger and Inkvault

## Recent Developments

- February 2025: SignaRoute acquired Inkvault for USD 260 million, adding identity-verification tools
  to its platform.
- October 2024: Trustledger raised USD 48 million in a Series C funding round led by growth investors.
- July 2024: Penwise Labs opened a data centre in Moncton, Canada, an investment of CAD 28 million,
  to host signing records for Canadian public-sector clients.
"""

SKI_LIFTS = """\
SKI-LIFT MAINTENANCE SERVICES MARKET - GLOBAL REPORT 2025-2032

MARKET OVERVIEW

The global ski-lift maintenance services market was valued at USD 2.40 billion in 2024 and is
expected to reach USD 3.60 billion by 2032, growing at a CAGR of 5.2% from 2025 to 2032.

SEGMENT ANALYSIS - BY LIFT CLASS

Class II lifts, the detachable chairlifts and gondolas, accounted for 57.0% of 2024 revenue. Class I
lifts, mostly fixed-grip chairs and surface tows, held the remaining 43.0%.

REGIONAL ANALYSIS - EUROPE

Europe held 46.0% of 2024 revenue, the largest share of any region. Demand is strong there because
many Alpine lifts built in the 1980s have reached the age at which safety rules require a full
overhaul. Growth in the region is forecast at a CAGR of 4.1%.

REGIONAL ANALYSIS - NORTH AMERICA

North America accounted for 31.0% of revenue in 2024. The region is expected to grow at a CAGR of
5.0%, supported by resort consolidation in the Rocky Mountains.

REGIONAL ANALYSIS - ASIA PACIFIC

Asia Pacific is the fastest-growing region, with a CAGR of 8.7%, as new resorts open in China and
Japan. The region held 15.0% of revenue in 2024.

COMPANY LANDSCAPE

Key companies: Pistenhof Technik, Cablecrest Services, Summit Rope Care, Alpenzug Group
"""


@pytest.fixture(scope="module")
def ask() -> Callable[..., Answer]:
    """Ask about the e-signature press release."""
    return asker(parse_text(E_SIGNATURE, "e-signature-software-market.md", "e-signature"))


@pytest.fixture(scope="module")
def ask_ski() -> Callable[..., Answer]:
    """Ask about the ski-lift maintenance report."""
    return asker(parse_text(SKI_LIFTS, "ski-lift-maintenance-services-market.txt", "ski-lifts"))


def converse(ask, *questions: str) -> list[Answer]:
    """Every answer of a conversation, each question asked with the turns before it."""
    history: list[dict[str, str]] = []
    answers = []
    for question in questions:
        answer = ask(question, history)
        answers.append(answer)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    return answers


def test_what_the_page_says_of_a_place_and_of_a_rule_named_in_passing(ask):
    europe, gdpr = converse(
        ask, "what does it say about europe", "u mentioned gdpr somewhere - what's the issue there"
    )
    assert "The report mentions Europe" in europe.text, europe.text
    assert "eIDAS" in europe.text, europe.text
    assert 2 <= len(europe.citations) <= 3, europe.citations
    assert all("Europe" in c.quote or "EU" in c.quote for c in europe.citations), europe.citations
    assert "face reviews under GDPR" in gdpr.text, gdpr.text
    assert "delayed several cross-border contracts" in gdpr.text, gdpr.text


def test_what_slows_adoption_is_the_pages_challenges(ask):
    answer = ask("n what's slowing adoption")
    assert answer.status == "answered", answer.text
    assert "Security concerns about forged signatures" in answer.text, answer.text
    assert "remote onboarding" not in answer.text, answer.text


def test_drivers_announced_then_written_first_second_third(ask):
    answer = ask("what drives the market?")
    for point in ("remote onboarding", "paperless procurement", "mobile signing"):
        assert point in answer.text, answer.text
    assert "identifies three main growth drivers" not in answer.text, answer.text
    assert "Security concerns" not in answer.text, answer.text


def test_the_vendor_bought_its_price_and_date_then_a_funding_round(ask):
    players, bought, priced, funded = converse(
        ask, "vendors covered?", "which one got acquired", "for how much and when", "did anyone raise money?"
    )
    assert "SignaRoute" in players.text and "Trustledger" in players.text, players.text
    assert "Inkvault" in bought.text, bought.text
    assert "USD 260 million" in priced.text and "February 2025" in priced.text, priced.text
    assert "Trustledger" in funded.text and "USD 48 million" in funded.text, funded.text
    assert "Inkvault" not in funded.text, funded.text


def test_an_amount_in_another_currency_is_not_converted(ask):
    answer = ask("what's the penwise labs plant investment in usd")
    assert answer.status == "unanswerable", answer.text
    assert "do not convert" in answer.text and "CAD 28 million" in answer.text, answer.text
    assert not answer.computations, answer.computations


def test_a_part_called_the_majority_that_holds_less_than_half(ask):
    answer = ask("on-prem is still most of the deployments i assume - what's its share")
    correction = answer.text.partition("\n")[0]
    assert "does not make" in correction and "On-premise" in correction, answer.text
    assert "39%" in answer.text, answer.text


def test_every_end_users_share(ask):
    answer = ask("break down the end users by share")
    expected = {
        "Banking and financial services": "34",
        "Healthcare": "22",
        "government": "18",
        "real estate": "15",
        "Other end users": "11",
    }
    for name, share in expected.items():
        assert name in answer.text, (name, answer.text)
        assert f"{share}.0%" in answer.text or f"{share}%" in answer.text, (share, answer.text)


def test_a_parts_value_from_its_share_grown_at_its_own_rate(ask):
    split, value, grown = converse(
        ask,
        "cloud vs on prem split?",
        "cloud revenue in $ then",
        "and what would that be worth in 2033 at cloud's own growth rate",
    )
    assert "61%" in split.text and "39%" in split.text, split.text
    cloud_2024 = 5.20 * 0.61
    assert f"USD {cloud_2024:.2f} billion in 2024" in value.text, value.text
    cloud_2033 = cloud_2024 * 1.194 ** (2033 - 2024)
    assert f"USD {cloud_2033:.2f} billion in 2033" in grown.text, grown.text
    assert "19.4%" in grown.text, grown.text


def test_a_parts_share_and_its_growth_in_one_question(ask):
    answer = ask("cloud share of rev and its growth?")
    assert "61%" in answer.text and "19.4%" in answer.text, answer.text
    assert "17.1%" not in answer.text, answer.text


def test_the_players_and_a_company_share_the_page_does_not_give(ask):
    answer = ask("who are the main cos and which one has the biggest mkt share")
    for company in ("Quillmark", "SignaRoute", "Penwise Labs", "Trustledger", "Inkvault"):
        assert company in answer.text, answer.text
    assert answer.unanswered_parts, answer.text


def test_a_site_given_to_the_wrong_company(ask):
    answer = ask("Quillmark opened that Moncton site — what will it do there?")
    assert "Penwise Labs, not Quillmark" in answer.text, answer.text
    assert "Canadian public-sector clients" in answer.text, answer.text
    assert answer.text.index("not Quillmark") < answer.text.index("public-sector"), answer.text


def test_a_regions_revenue_from_its_share(ask_ski):
    answer = ask_ski("n. america 2024 revenue in usd?")
    # 31% of USD 2.40 billion
    assert "USD 0.744 billion" in answer.text and "31%" in answer.text, answer.text
    assert answer.status == "answered", answer.text


def test_a_regions_value_grown_at_its_own_rate(ask_ski):
    answer = ask_ski("NA value in 2031 if it grows at the regional rate from 2024?")
    expected = 2.40 * 0.31 * 1.05 ** (2031 - 2024)
    assert f"USD {expected:.2f} billion in 2031" in answer.text, answer.text
    assert "5%" in answer.text and "5.2%" not in answer.text, answer.text


def test_the_fastest_region_with_its_rate_and_share(ask_ski):
    answer = ask_ski("fastest growing region, its cagr and current share")
    assert "Asia Pacific" in answer.text, answer.text
    assert "8.7%" in answer.text, answer.text
    assert "15%" in answer.text or "15.0%" in answer.text, answer.text


def test_why_demand_is_strong_in_the_largest_region(ask_ski):
    biggest, rate, why = converse(ask_ski, "biggest region?", "its growth rate?", "why's demand strong there")
    assert "Europe" in biggest.text and "46%" in biggest.text, biggest.text
    assert "4.1%" in rate.text, rate.text
    assert "Alpine lifts built in the 1980s" in why.text, why.text
    assert "Rocky Mountains" not in why.text, why.text


def test_two_classes_compared_by_share(ask_ski):
    answer = ask_ski("class ii vs class i share")
    assert "Class II lifts" in answer.text and "57%" in answer.text, answer.text
    assert "Class I lifts" in answer.text and "43%" in answer.text, answer.text


def test_a_year_reached_its_size_and_a_what_if_three_points_higher(ask_ski):
    rate, passing, size, what_if = converse(
        ask_ski,
        "cagr?",
        "at that pace when does it pass 3bn",
        "what's 2029 exactly then",
        "and if the rate were 3 pts higher, that same year?",
    )
    assert "5.2%" in rate.text, rate.text
    assert "2029" in passing.text, passing.text
    assert f"USD {2.40 * 1.052**5:.2f} billion in 2029" in size.text, size.text
    assert "8.2%" in what_if.text, what_if.text
    assert f"USD {2.40 * 1.082**5:.2f} billion in 2029" in what_if.text, what_if.text


def test_the_reports_rate_and_the_users_rate_and_the_gap_between_them(ask_ski):
    premise, actual, assumed, gap = converse(
        ask_ski,
        "this mkt grows around 6.5% a year right?",
        "ok with the real rate what's 2030",
        "and with my number?",
        "gap between those two?",
    )
    assert "5.2%" in premise.text, premise.text
    at_report_rate = 2.40 * 1.052**6
    at_user_rate = 2.40 * 1.065**6
    assert actual.status == "answered", actual.text
    assert f"USD {at_report_rate:.2f} billion in 2030" in actual.text, actual.text
    assert "6.5%" in assumed.text, assumed.text
    assert f"USD {at_user_rate:.2f} billion in 2030" in assumed.text, assumed.text
    assert f"{at_user_rate - at_report_rate:.2f}" in gap.text, gap.text
