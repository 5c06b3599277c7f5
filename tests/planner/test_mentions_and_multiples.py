"""A plain-text release with a byline that ends in its date, asked as analysts type: whether the report
mentions a topic and then who and when, a part's value in "$", a later year "if it keeps that
pace", a percent change over two stated years, the rate that would double the market by a year, a
figure the prose states in passing (and a price it does not state), and a site's staff from the news."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """\
SEED CLEANING SERVICES MARKET TO REACH USD 3.30 BILLION BY 2031

Press release | Orwell Fenn Analytics | Bristol / Lyon, 9 June 2025

The global seed cleaning services market generated revenue of USD 2.00 billion in 2023 and is set to
reach USD 3.30 billion by 2031, growing at a CAGR of 6.5% from 2024 to 2031. Revenue was USD 1.60 billion
in 2021. Seed treatment chemicals and cleaning that growers do on their own farms are excluded from the
estimates.

1. SEGMENTS

Technology and telecom-linked farms are not a segment here. Gravity tables accounted for 45.0% of 2023
revenue. Optical sorters held 35.0% and are forecast to grow at a CAGR of 9.0%, while air-screen
cleaners made up the remaining 20.0%.

2. REGIONS

North America led with a 40.0% share in 2023. Asia Pacific, with a 25.0% share, is the fastest-growing
region at a CAGR of 8.2%.

3. RESTRAINTS

Trucking cleaned seed to distant growers can add 8-12% to the delivered cost in remote regions.

4. RECENT DEVELOPMENTS

   March 2025 - Halden Seedworks opened a cleaning centre in Ghent, Belgium, staffed by 45 technicians
   who handle 14 crop types.

   October 2024 - Corvo Agritech launched SortIQ, an AI-based colour sorter for pulses.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "seed-cleaning-services-market.txt", "seeds"))


def test_a_mention_quotes_the_sentence_that_names_it_and_then_its_company_and_date(ask):
    answer = ask("anything about AI in there?")
    assert "SortIQ" in answer.text and answer.status == "answered", answer.text
    answer = converse(ask, "anything about AI in there?", "which company, and when was it")
    assert "Corvo Agritech" in answer.text and "October 2024" in answer.text, answer.text
    assert "Halden" not in answer.text


def test_a_topic_the_report_never_names_is_said_to_be_unmentioned(ask):
    answer = ask("any mention of blockchain?")
    assert answer.status == "unanswerable" and "does not mention blockchain" in answer.text, answer.text


def test_a_parts_value_asked_in_dollar_signs(ask):
    answer = converse(ask, "fastest growing region?", "its share?", "convert that to $ for 2023")
    assert "USD 0.50 billion in 2023" in answer.text, answer.text  # 25% of USD 2.00 billion


def test_a_later_year_if_the_part_keeps_its_pace(ask):
    answer = converse(
        ask, "optical sorters share?", "so in $ for 2023 that's what?", "and by 2027 if it keeps that pace"
    )
    # 35% of USD 2.00 billion = 0.70, then 0.70 x 1.09^4
    assert "USD 0.99 billion in 2027" in answer.text, answer.text


def test_a_percent_change_over_two_stated_years_is_no_yearly_rate(ask):
    answer = ask("% growth from 2021 to 2023?")
    assert "25%" in answer.text and "CAGR is" not in answer.text, answer.text  # 2.00 / 1.60 - 1


def test_the_rate_that_doubles_the_market_by_a_year(ask):
    answer = ask("what growth rate would double the 2023 market by 2031")
    assert "USD 4 billion by 2031" in answer.text and "9.05%" in answer.text, answer.text  # 2^(1/8) - 1


def test_a_figure_the_prose_states_in_passing_and_a_price_it_does_not(ask):
    answer = ask("how much does trucking add to the delivered price in remote regions")
    assert "8-12%" in answer.text and answer.status == "answered", answer.text
    assert ask("what's the price of an optical sorter?").status == "unanswerable"


def test_a_sites_staff_comes_from_the_news(ask):
    answer = ask("halden belgium centre: city, headcount?")
    assert "Ghent" in answer.text and "45 technicians" in answer.text, answer.text


def test_who_published_it_and_when_from_a_byline(ask):
    answer = ask("who put this out and when")
    assert "Orwell Fenn Analytics" in answer.text and "9 June 2025" in answer.text, answer.text


def test_the_time_to_double_is_no_rate_needed(ask):
    answer = ask("at the report's growth rate how many yrs till the 2023 market doubles")
    assert "would need to grow" not in answer.text, answer.text


def test_a_question_about_what_was_said_before_is_no_topic(ask):
    answer = converse(ask, "fastest growing region?", "any of the recent developments touch that area?")
    assert "does not mention" not in answer.text, answer.text


def test_a_companys_name_is_no_site(ask):
    answer = ask("corvo agritech market share?")
    assert answer.status == "unanswerable" and answer.text.startswith("The report gives no market share"), (
        answer.text
    )


@pytest.mark.parametrize(
    "question",
    ["avg selling price of an air-screen cleaner?", "how many units were shipped globally in 2025"],
)
def test_a_price_or_volume_the_page_never_states_is_declined(ask, question):
    assert ask(question).status == "unanswerable"


def test_a_change_asked_in_dollars(ask):
    answer = ask("how many $ does the market add between 2023 and 2031")
    assert "USD 1.30 billion" in answer.text, answer.text  # 3.30 - 2.00


LEANING = """# Ferry Ticketing Software Market

The global ferry ticketing software market was valued at USD 410 million in 2024 and is expected to grow
at a CAGR of 8.0% from 2025 to 2030.

## Regional analysis

Europe held 44.0% of revenue in 2024. In several Nordic countries, island routes are subsidised on
condition that operators sell through a national booking platform. Norway and Denmark are the most
prominent examples, which helps explain Europe's large share of the market.

Asia Pacific is the fastest-growing region, driven by new island links in Indonesia. Operators there
skip paper tickets altogether. Most sell through mobile wallets from the first sailing. Ticket sales
through mobile apps reached USD 120 million in 2023.

## Restraints

About 30% of operators surveyed still sell most tickets at the quay. Small operators cite the cost of
onboard validators. According to the Ferry Operators Forum, in 2024, 22% of operators delayed a
ticketing upgrade for lack of staff.
"""


@pytest.fixture(scope="module")
def ferries():
    return asker(parse_text(LEANING, "ferry-ticketing-software-market.md", "ferries"))


def test_a_sentence_that_leans_on_the_one_before_brings_it(ferries):
    answer = ferries("why is europe's share so large")
    assert "subsidised" in answer.text and "Norway and Denmark" in answer.text, answer.text


def test_how_many_is_answered_by_a_share_of_those_things_only(ferries):
    answer = ferries("how many operators still sell at the quay")
    assert "30%" in answer.text and answer.status == "answered", answer.text
    assert ferries("how many ferry terminals are there in europe").status == "unanswerable"


def test_why_gives_the_reason_over_the_sentences_that_follow(ferries):
    answer = ferries("why is asia pacific growing fastest")
    assert "island links" in answer.text and "paper tickets" in answer.text, answer.text


def test_the_other_stat_of_a_section_and_where_it_is_from(ferries):
    answer = converse(ferries, "what are the restraints", "and the 22% one, where's that from?")
    assert "Ferry Operators Forum" in answer.text, answer.text


def test_a_bare_rate_after_a_comparison_reruns_the_what_if(ask):
    turns = ["cagr?", "if it were 9% instead whats 2031", "how far above the page's own forecast is that"]
    answer = converse(ask, *turns, "and at 3%?")
    # 2.00 x 1.03^8
    assert "at an assumed 3%" in answer.text.lower() and "USD 2.53 billion in 2031" in answer.text, (
        answer.text
    )


def test_a_leaders_reason_that_leans_on_the_sentence_before_brings_it(ferries):
    answer = ferries("which region is the largest")
    assert "subsidised" in answer.text and "Norway and Denmark" in answer.text, answer.text


def test_a_figure_dated_otherwise_answers_no_year_asked(ferries):
    assert "USD 120 million" in ferries("mobile app ticket sales in 2023?").text
    assert ferries("mobile app ticket sales in 2021?").status == "unanswerable"


@pytest.mark.parametrize(
    "question", ["what's excluded from the numbers?", "what does the report leave out of scope"]
)
def test_what_the_figures_leave_out(ask, question):
    answer = ask(question)
    assert "Seed treatment chemicals" in answer.text and answer.status == "answered", answer.text


def test_a_figure_pointed_at_by_its_section_and_year(ferries):
    answer = ferries("that upgrade figure in the restraints section - how much, which year?")
    assert "22%" in answer.text and "2024" in answer.text, answer.text
