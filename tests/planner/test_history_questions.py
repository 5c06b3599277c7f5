"""A page with a few years of history in another unit than its headline (million before, billion
after) and segments named at length; then questions as analysts type them about the past and about
segments named short: a dip between two stated years, the pandemic's toll, an implied rate over stated years, a short
year range ('2018-23'), a follow-up that compounds to a year or sets it against the forecast, and a
segment named by the first word of its name or by 'how much of demand'."""

from __future__ import annotations

import pytest
from asking import asker
from test_questions import converse

from assistant.parsing.parse import parse_text

PAGE = """# Commercial Dishwasher Rack Market Report 2025-2032

The global commercial dishwasher rack market was valued at USD 1.20 billion in 2024 and is projected to
grow at a CAGR of 6.0% from 2025 to 2032, reaching USD 1.91 billion by 2032.

Revenue stood at USD 950 million in 2019. Kitchens closed during 2020, and the market shrank to USD 820
million that year before recovering.

## Segmentation

| Rack type | Share, 2024 |
|---|---|
| Stainless wire racks | 48.0% |
| Polypropylene compartment racks | 36.0% |
| Peg racks | 16.0% |

- **Restaurants:** 58.0% of revenue in 2024, the largest end user.
- **Hospitals:** 24.0%.
- **Hotels:** 18.0%.

## Restraints

- **Price pressure:** Buyers in chain kitchens renegotiate rack contracts every year, squeezing margins.
- **Breakage:** Polypropylene racks crack under repeated thermal shock and must be replaced early.
"""


@pytest.fixture(scope="module")
def ask():
    return asker(parse_text(PAGE, "commercial-dishwasher-rack-market.md", "racks"))


def test_a_dip_between_two_stated_years(ask):
    answer = ask("how much did it shrink in 2020 vs 2019, in $ and %")
    assert "shrank by USD 0.13 billion" in answer.text and "13.68%" in answer.text, answer.text
    assert "the sizes the report states" in answer.text and "CAGR" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["how hard did covid hit sales? numbers pls", "pandemic impact on the mkt?", "did lockdowns hurt demand"],
)
def test_the_pandemics_toll_is_the_change_into_its_first_year(ask, question):
    answer = ask(question)
    assert "From 2019 to 2020 the market shrank by USD 0.13 billion" in answer.text, answer.text


def test_the_pandemic_asked_of_a_page_without_its_years_computes_nothing():
    history = "Revenue stood at USD 950 million in 2019. Kitchens closed during 2020, and the market shrank to USD 820\nmillion that year before recovering."
    assert history in PAGE
    page = PAGE.replace(history, "Kitchens closed during 2020 and demand fell sharply before recovering.")
    answer = asker(parse_text(page, "commercial-dishwasher-rack-market.md", "racks"))(
        "how hard did covid hit sales?"
    )
    assert "2019" not in answer.text and "shrank by" not in answer.text, answer.text


@pytest.mark.parametrize("question", ["hist cagr 2019-24?", "historical cagr 2019 to 2024"])
def test_an_implied_rate_over_stated_years(ask, question):
    answer = ask(question)
    assert "4.78%" in answer.text, answer.text  # (1.20 / 0.95)^(1/5) - 1


def test_the_change_and_its_annual_rate(ask):
    answer = ask("growth from 2019 to 2024 - dollars added and implied annual rate")
    assert "USD 0.25 billion" in answer.text and "4.78%" in answer.text, answer.text


def test_compound_to_a_year_then_set_it_against_the_forecast(ask):
    turns = ["2024 mkt size?", "compound that to 2030 at the report's cagr"]
    answer = converse(ask, *turns)
    assert "1.70 billion" in answer.text, answer.text  # 1.20 x 1.06^6
    answer = converse(ask, *turns, "gap between that and the 2032 forecast?")
    assert "From 2030 to 2032" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("polypropylene ones - share of revenue?", "36%"),
        ("stainless share?", "48%"),
        ("how much of demand is hospitals", "24%"),
    ],
)
def test_a_segment_named_short(ask, question, share):
    answer = ask(question)
    assert share in answer.text and "USD" not in answer.text, answer.text


def test_a_section_whose_first_point_opens_with_emphasis(ask):
    answer = ask("what are the restraints")
    assert "Price pressure" in answer.text and "Breakage" in answer.text, answer.text


REGION_PAGE = """# Cable Gland Market Report

The global cable gland market was valued at USD 2.00 billion in 2024 and is expected to grow at a CAGR
of 5.0% from 2025 to 2030.

North America held a 40.0% share of revenue in 2024. The United States alone represented about 80% of
regional revenue.
"""


def test_a_share_of_its_region_is_never_taken_of_the_whole_market():
    ask = asker(parse_text(REGION_PAGE, "cable-gland-market.md", "glands"))
    answer = ask("approx US revenue 2024?")
    assert "1.60 billion" not in answer.text and "1.6 billion" not in answer.text, answer.text
    share = ask("us share?")
    assert "80%" in share.text and "region" in share.text, share.text


def test_the_cagr_check_reads_an_end_size_stated_in_another_unit():
    page = (
        "# Lab Simulation Market\n\nThe global lab simulation market was worth USD 842.6 million in 2025 and is "
        "set to reach USD 2.31 billion by 2032, a CAGR of 15.5% during 2026-2032. Schools and universities buy "
        "licences for chemistry, biology and physics simulations that replace part of their wet-lab work.\n"
    )
    answer = asker(parse_text(page, "lab-simulation-market.md", "labs"))("cagr?")
    assert "15.5%" in answer.text and "-" not in answer.text.split("CAGR is")[-1], answer.text
    assert "USD 2.31 billion" in answer.text, answer.text


BINDER_PAGE = """# Fibre Cement Panel Market Report

The global fibre cement panel market was valued at USD 3.00 billion in 2024 and is expected to grow at
a CAGR of 6.0% from 2025 to 2030.

| Binder type | Share, 2024 | CAGR 2025-2030 |
|---|---|---|
| Sulfate-bonded (CaSO4) | 40.0% | 9.5% |
| Chloride-bonded (CaCl2) | 60.0% | 4.0% |

Sulfate-bonded panels grow fastest as builders seek moisture-resistant boards.
"""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("chloride vs sulfate share", ["60%", "40%"]),
        ("sulphate panels cagr?", ["9.5%"]),
        ("chloride vs sulphate - revenue split?", ["60%", "40%"]),
    ],
)
def test_two_segments_side_by_side_and_a_british_spelling(question, expected):
    ask = asker(parse_text(BINDER_PAGE, "fibre-cement-panel-market.md", "panels"))
    answer = ask(question)
    assert all(e in answer.text for e in expected) and "USD" not in answer.text, answer.text


def test_a_numbered_list_is_listed_without_its_numbers():
    page = (
        "# Lab Furniture Market\n\nThe global lab furniture market was valued at USD 4.00 billion in 2024 and is "
        "expected to grow at a CAGR of 5.0% from 2025 to 2030.\n\n## Growth Drivers\n\n"
        "1. **New university labs.** Governments fund science buildings on many campuses.\n"
        "2. **Safety rules.** Fume hood standards push schools to replace old benches.\n"
    )
    answer = asker(parse_text(page, "lab-furniture-market.md", "labs"))("what drives the market?")
    assert "- New university labs" in answer.text or "- **New university labs" in answer.text, answer.text
    assert "- 1." not in answer.text and answer.ungrounded_numbers == [], answer.text


def test_a_rate_implied_from_the_year_just_asked_through_another(ask):
    answer = ask("2019 number and what growth rate does that imply thru 2024?")
    # (1.20 / 0.95)^(1/5) - 1 = 4.78 %
    assert "0.95 billion" in answer.text and "4.78%" in answer.text, answer.text


def test_year_on_year_growth_between_two_short_years(ask):
    answer = ask("yoy change 19 -> 20?")
    # 820 / 950 - 1 = -13.68 %
    assert "2019" in answer.text and "2020" in answer.text and "13.68%" in answer.text, answer.text


def test_a_what_if_off_the_base_year_the_user_names(ask):
    answer = ask("if it only grew 3%/yr off the 2019 base, what's 2024 look like")
    # 950 million x 1.03^5 = 1,101.30 million
    assert "1,101.30" in answer.text or "1.10" in answer.text, answer.text
    assert "2019" in answer.text


def test_compare_that_with_a_year_typed_as_w_slash(ask):
    answer = converse(ask, "give me the 2028 estimate", "compare that w/ 2026")
    assert "2026" in answer.text and "2028" in answer.text and "grows by" in answer.text, answer.text


def test_a_list_of_three_years_to_add_up_is_one_part(ask):
    answer = ask("add up 2026, 2027 and 2028 mkt values for me")
    assert "2026-2028" in answer.text and answer.unanswered_parts == [], answer.text


def test_a_what_if_written_with_a_hyphen_takes_the_year_after_it(ask):
    answer = ask("what-if: 3% annual growth, 2027 size?")
    assert "2027" in answer.text and "your assumption" in answer.text, answer.text
    assert "2032" not in answer.text.split("\n\n")[0]
