"""Answer -> chat markdown: numbered citations, computations written out, escaping, streaming."""

from __future__ import annotations

from assistant.domain.answer import Answer, Citation, Computation
from assistant.ui.render import (
    LABEL_CHARS,
    answer_markdown,
    citation_choices,
    citation_label,
    escape_quote,
    stream_prefixes,
)


def test_forecast_answer_lists_numbered_sources_and_working(forecast_answer):
    markdown = answer_markdown(forecast_answer)
    assert markdown.startswith(forecast_answer.text.strip()[:40])
    assert forecast_answer.citations, "the forecast answer should cite the report"
    for number, citation in enumerate(forecast_answer.citations, start=1):
        assert f"{number}. *{escape_quote(citation.section)}* — “{escape_quote(citation.quote)}”" in markdown
    assert "**Working**" in markdown
    for computation in forecast_answer.computations:
        assert f"`{computation.expression}`" in markdown
    assert "6.71 x 1.0565^4 = 8.36" in markdown


def test_markup_from_a_report_or_model_is_escaped():
    answer = Answer(
        question="q",
        status="answered",
        text="Size <script>alert(1)</script> & more",
        citations=[
            Citation(report_id="r", section="<b>Overview</b>", quote="a *bold* [link](x)", start=0, end=1)
        ],
        computations=[Computation(tool="t", inputs={}, output={}, expression="1 x `2`")],
    )
    markdown = answer_markdown(answer)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "<b>" not in markdown and "&lt;b&gt;Overview&lt;/b&gt;" in markdown
    assert r"a \*bold\* \[link\](x)" in markdown
    assert "`1 x 2`" in markdown  # a backtick in an expression cannot break out of the code span


def test_unanswerable_answers_say_so():
    answer = Answer(question="q", status="unanswerable", text="The report does not say.", report_id="r")
    markdown = answer_markdown(answer)
    assert markdown.startswith("**Not answerable from the report.**")
    assert "Sources" not in markdown and "Working" not in markdown


def test_a_question_back_from_the_router_is_shown_as_is(multi_assistant):
    answer = multi_assistant.ask("How big will the market be in 2029?")
    assert answer.status == "unanswerable" and answer.report_id is None
    markdown = answer_markdown(answer)
    assert markdown.startswith(answer.text.strip()[:30])
    assert "Not answerable" not in markdown


def test_stream_prefixes_grow_at_word_boundaries_and_end_with_the_text():
    text = "The market is projected at USD 8.36 billion in 2029, computed from the report's figures."
    prefixes = list(stream_prefixes(text, steps=5))
    assert prefixes[-1] == text
    assert 3 <= len(prefixes) <= 6
    for shorter, longer in zip(prefixes, prefixes[1:], strict=False):
        assert longer.startswith(shorter) and len(longer) > len(shorter)
    for prefix in prefixes[:-1]:
        assert text[len(prefix)] == " ", f"cut mid-word: {prefix!r}"


def test_stream_prefixes_of_empty_text_yield_it_once():
    assert list(stream_prefixes("")) == [""]


def test_citation_labels_are_numbered_and_bounded():
    citation = Citation(report_id="r", section="Market Overview", quote="word " * 60, start=0, end=300)
    label = citation_label(3, citation)
    assert label.startswith("[3] Market Overview — word")
    assert len(label) == LABEL_CHARS and label.endswith("…")
    answer = Answer(question="q", status="answered", text="t", citations=[citation, citation])
    assert [value for _, value in citation_choices(answer)] == [0, 1]
