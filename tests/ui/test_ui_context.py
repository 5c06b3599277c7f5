"""Source panel: the quote highlighted among a few lines of its own section, shown as text."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from assistant import Report, parse_report
from assistant.domain.answer import Citation
from assistant.errors import InputError
from assistant.ui.context import LINES_AFTER, LINES_BEFORE, passage_html
from tests.ui.ui_helpers import MARKDOWN_REPORT, MARKUP, marked, squash

DEBRIS = ("Main Content start here", "Main Layout")


def _text(panel: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "\n", panel))


def _cite(report, quote: str, occurrence: int = 0) -> Citation:
    start = -1
    for _ in range(occurrence + 1):
        start = report.text.index(quote, start + 1)
    section = report.section_at(start)
    return Citation(
        report_id=report.id, section=section.heading, quote=quote, start=start, end=start + len(quote)
    )


def test_each_citation_of_a_real_answer_is_marked_in_its_section(warm_assistant, forecast_answer):
    report = warm_assistant.report(forecast_answer.report_id)
    for citation in forecast_answer.citations:
        panel = passage_html(report, citation)
        assert marked(panel) == squash(citation.quote)
        assert citation.section in panel and report.title in panel
        assert "characters" not in panel and "differs from the quote" not in panel
        assert not [d for d in DEBRIS if d in panel], "page furniture before the first section"


def test_context_is_a_few_lines_of_the_section(warm_assistant):
    report = warm_assistant.report()
    answer = warm_assistant.ask("How big will the market be in 2031?")
    citation = answer.citations[0]
    panel = passage_html(report, citation)
    lines = re.findall(r"<p>(.*?)</p>", panel)
    quote_lines = [line for line in lines if "<mark>" in line]
    assert 1 <= len(lines) - len(quote_lines) <= LINES_BEFORE + LINES_AFTER
    section = report.section_at(citation.start)
    for line in lines:
        assert squash(html_lib.unescape(re.sub(r"<[^>]+>", "", line))) in squash(section.text)


def test_long_context_is_cut_at_word_boundaries_with_ellipses(warm_assistant):
    report = warm_assistant.report()
    sentence = "This capital influx necessitates robust site management infrastructure"
    panel = passage_html(report, _cite(report, sentence), context_chars=60)
    body = _text(panel.split('class="source-text">', 1)[1])
    words = [w for w in body.replace("…", " ").split() if w]
    section = report.section_at(report.text.index(sentence))
    assert all(w in section.text for w in words), "no word is cut in half"
    assert body.strip().startswith("…") and body.strip().endswith("…")


def test_markdown_reports_show_as_text_while_offsets_point_into_the_file():
    report = parse_report(MARKDOWN_REPORT)
    snapshot = "**Market size in 2024:** USD 412.0 Million"
    citation = _cite(report, snapshot)
    assert report.text[citation.start : citation.end] == snapshot
    panel = passage_html(report, citation)
    assert marked(panel) == "Market size in 2024: USD 412.0 Million"
    shown = _text(panel)
    assert not [m for m in MARKUP if m in shown], shown
    assert "Report Snapshot" in shown and "Projected market size (2030): USD 650.5 Million" in shown
    developments = _cite(report, "In August 2024, Kelpwise Harvest Co. opened a hatchery")
    panel = passage_html(report, developments)
    assert "<img" not in panel and "<a " not in panel and "http://127.0.0.1:9" not in panel


def test_report_markup_is_escaped_and_a_quote_across_lines_stays_nested():
    text = 'Intro <img src=x onerror="alert(1)">\n\nthe <b>quoted</b> part\n\ncontinues here. Tail'
    report = parse_report_text(text)
    start = text.index("<b>")
    end = text.index("continues") + len("continues")
    citation = Citation(report_id="<r>", section="<h1>S</h1>", quote=text[start:end], start=start, end=end)
    panel = passage_html(report, citation)
    assert "<img" not in panel and "<b>" not in panel and "<h1>" not in panel
    assert panel.count("<mark>") == panel.count("</mark>") == 2
    for paragraph in re.findall(r"<p>(.*?)</p>", panel):
        assert paragraph.count("<mark>") == paragraph.count("</mark>")


def test_offsets_outside_the_report_are_refused_by_name():
    citation = Citation(report_id="seed", section="S", quote="x", start=90, end=120)
    with pytest.raises(InputError, match=r"90\.\.120 lie outside report 'seed' \(100 characters\)"):
        passage_html(parse_report_text("y" * 100), citation)


def test_a_quote_that_does_not_match_its_offsets_is_flagged():
    citation = Citation(report_id="r", section="S", quote="other", start=0, end=5)
    assert "differs from the quote" in passage_html(parse_report_text("hello world"), citation)


def parse_report_text(text: str) -> Report:
    """A report over ``text`` with no sections (context may come from anywhere in it)."""
    consistency = {"status": "unknown", "message": ""}
    return Report.model_validate(
        {
            "id": "r",
            "title": "T",
            "path": "r.txt",
            "content_hash": "h",
            "text": text,
            "consistency": consistency,
        }
    )
