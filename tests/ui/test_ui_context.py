"""Source panel: the cited passage in context, quote highlighted, everything from the report escaped."""

from __future__ import annotations

import re

import pytest

from assistant.domain.answer import Citation
from assistant.errors import InputError
from assistant.ui.context import passage_html
from tests.ui.ui_helpers import marked, squash


def test_each_citation_of_a_real_answer_is_marked_in_its_passage(warm_assistant, forecast_answer):
    report = warm_assistant.report(forecast_answer.report_id)
    for citation in forecast_answer.citations:
        html = passage_html(report.text, citation)
        assert marked(html) == squash(citation.quote)
        assert f"characters {citation.start}–{citation.end}" in html
        assert "differs from the quote" not in html


def test_context_is_cut_at_word_boundaries_with_ellipses():
    text = "alpha beta gamma " * 50 + "THE QUOTE" + " delta epsilon zeta" * 50
    start = text.index("THE QUOTE")
    citation = Citation(report_id="r", section="S", quote="THE QUOTE", start=start, end=start + 9)
    html = passage_html(text, citation, before_chars=40, after_chars=40)
    body = re.sub(r"<[^>]+>", "", html.split('class="source-text">', 1)[1])
    assert body.startswith("…") and body.endswith("…")
    words = body.strip("…").split()
    assert all(w in {"alpha", "beta", "gamma", "THE", "QUOTE", "delta", "epsilon", "zeta"} for w in words)
    assert len(body) < 120


def test_report_markup_is_escaped_and_a_quote_across_paragraphs_stays_nested():
    text = 'Intro <img src=x onerror="alert(1)">\n\nthe <b>quoted</b> part\n\ncontinues here. Tail'
    start = text.index("<b>")
    end = text.index("continues") + len("continues")
    citation = Citation(report_id="<r>", section="<h1>S</h1>", quote=text[start:end], start=start, end=end)
    html = passage_html(text, citation)
    assert "<img" not in html and "<b>" not in html and "<h1>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert html.count("<mark>") == html.count("</mark>") == 2
    for paragraph in re.findall(r"<p>(.*?)</p>", html):
        assert paragraph.count("<mark>") == paragraph.count("</mark>")


def test_offsets_outside_the_report_are_refused_by_name():
    citation = Citation(report_id="seed", section="S", quote="x", start=90, end=120)
    with pytest.raises(InputError, match=r"90\.\.120 lie outside report 'seed' \(100 characters\)"):
        passage_html("y" * 100, citation)


def test_a_quote_that_does_not_match_its_offsets_is_flagged():
    citation = Citation(report_id="r", section="S", quote="other", start=0, end=5)
    assert "differs from the quote" in passage_html("hello world", citation)
