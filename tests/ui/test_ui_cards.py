"""Facts card and example questions, from the real parsed seed report."""

from __future__ import annotations

from assistant.ui.cards import catalogue_card_html, example_questions, facts_card_html


def test_facts_card_shows_the_headline_facts(warm_assistant):
    report = warm_assistant.report()
    html = facts_card_html(report)
    facts = report.facts
    for needle in (
        f"Market size ({facts.market_size.year})",
        f"USD {facts.market_size.amount:,.2f} billion",
        f"Forecast ({facts.forecast_end.year})",
        f"USD {facts.forecast_end.amount:,.2f} billion",
        f"{facts.cagr.percent:g} %",
        facts.largest_region.name,
        facts.fastest_segment.name,
        facts.key_players[0].name,
        report.title,
    ):
        assert needle in html, needle
    assert "USD 6.71 billion" in html and "USD 9.33 billion" in html and "5.65 %" in html
    assert "facts-agree" in html and "not stated" not in html


def test_missing_facts_say_not_stated_and_text_is_escaped(warm_assistant):
    report = warm_assistant.report().model_copy(deep=True)
    report.facts.largest_region = None
    report.title = "Fish <script>x</script> & Co"
    html = facts_card_html(report)
    assert "<script>" not in html and "Fish &lt;script&gt;x&lt;/script&gt; &amp; Co" in html
    assert '<th>Largest region</th><td><span class="fact-missing">not stated</span>' in html


def test_examples_include_the_reports_own_faq(warm_assistant):
    report = warm_assistant.report()
    examples = example_questions(report)
    assert report.faq, "the seed report has an FAQ"
    for pair in report.faq:
        assert pair.question in examples
    assert examples[0] == f"How big will the market be in {report.facts.base_year + 4}?"
    assert len(examples) == len({e.lower() for e in examples})


def test_catalogue_card_lists_every_report(multi_assistant):
    summaries = multi_assistant.reports()
    html = catalogue_card_html(summaries)
    assert f"{len(summaries)} reports in the catalogue" in html
    for summary in summaries:
        assert summary.title in html and summary.id in html
