"""Facts card, picker labels and example questions, from real parsed reports; one number style."""

from __future__ import annotations

import re

from assistant import parse_report
from assistant.domain.formatting import format_money, format_percent
from assistant.ui.app import AUTO, picker_choices
from assistant.ui.cards import (
    example_questions,
    examples_html,
    facts_card_html,
    market_examples,
    no_report_card_html,
    report_years,
)
from tests.ui.ui_helpers import MARKDOWN_ID, MARKDOWN_REPORT, MARKUP, SECOND_ID


def test_facts_card_shows_the_headline_facts_in_the_page_number_style(warm_assistant):
    report = warm_assistant.report()
    html = facts_card_html(report)
    facts = report.facts
    for needle in (
        f"Market size ({facts.market_size.year})",
        format_money("USD", facts.market_size.amount, facts.market_size.unit),
        f"Forecast ({facts.forecast_end.year})",
        format_percent(facts.cagr.percent),
        facts.largest_region.name,
        facts.fastest_segment.name,
        facts.key_players[0].name,
        report.title,
        report.publisher,
        "2027–2031",
    ):
        assert needle in html, needle
    assert "USD 6.71 billion" in html and "USD 9.33 billion" in html and "5.65%" in html
    assert not re.search(r"\d %", html), "percent signs follow their number directly"
    assert "facts-agree" in html and "not stated" not in html


def test_missing_facts_say_not_stated_and_text_is_escaped(warm_assistant):
    report = warm_assistant.report().model_copy(deep=True)
    report.facts.largest_region = None
    report.title = "Fish <script>x</script> & Co <3"
    html = facts_card_html(report)
    assert "<script>" not in html and "Fish x &amp; Co &lt;3" in html
    assert '<th>Largest region</th><td><span class="fact-missing">not stated</span>' in html


def test_a_markdown_report_card_shows_text():
    report = parse_report(MARKDOWN_REPORT)
    html = facts_card_html(report)
    assert "USD 412 million" in html and "7.9%" in html and "2025–2030" in html  # the CAGR's years
    assert not [m for m in MARKUP if m in html.replace("&amp; Frond", "")]


def test_examples_come_from_the_report(warm_assistant):
    report = warm_assistant.report()
    examples = example_questions(report)
    assert report.faq, "the seed report has an FAQ"
    for pair in report.faq:
        assert pair.question in examples
    assert examples[0] == f"How big will the market be in {report.facts.base_year + 4}?"
    assert len(examples) == len({e.lower() for e in examples})
    markdown = example_questions(parse_report(MARKDOWN_REPORT))
    assert "How big is the tidal kelp farming market?" in markdown and not any("**" in q for q in markdown)


def test_example_chips_carry_the_whole_question_and_escape_it():
    chips = examples_html(["What is <b>the</b> CAGR?", "A very long question " * 8])
    assert "<b>" not in chips and 'title="What is &lt;b&gt;the&lt;/b&gt; CAGR?"' in chips
    assert chips.count('class="example-chip"') == 2 and ("A very long question " * 8) in chips


def test_picker_names_reports_by_title_publisher_and_years(multi_assistant):
    choices = picker_choices(multi_assistant)
    assert choices[0][1] == AUTO
    labels = dict((value, label) for label, value in choices)
    second = multi_assistant.report(SECOND_ID)
    assert labels[SECOND_ID] == f"{second.title} · {second.publisher} · {report_years(second)}"
    kelp = multi_assistant.report(MARKDOWN_ID)
    assert labels[MARKDOWN_ID] == f"{kelp.title} · 2025–2030", (
        "a publisher the report does not name is left out"
    )


def test_without_a_chosen_report_the_card_lists_no_catalogue(multi_assistant):
    summaries = multi_assistant.reports()
    html = no_report_card_html(len(summaries))
    assert f"{len(summaries)} reports" in html
    assert not [s.title for s in summaries if s.title in html]
    examples = market_examples(summaries)
    assert any(multi_assistant.report(SECOND_ID).market in q for q in examples)
