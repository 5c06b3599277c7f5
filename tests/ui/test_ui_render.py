"""Answer -> chat bubble: citation links, lists, compact sources, user-facing working, escaping."""

from __future__ import annotations

import html
import re

from assistant.domain.answer import Answer, Citation, Computation, ReportChoice
from assistant.ui.render import (
    ABSTENTION_LABEL,
    LABEL_CHARS,
    SHORT_QUOTE_CHARS,
    answer_html,
    citation_choices,
    citation_label,
    question_html,
    stream_prefixes,
    text_blocks,
)
from tests.ui.ui_helpers import MARKUP


def visible_text(bubble: str) -> str:
    """What a reader sees of a bubble: tags dropped, entities decoded, whitespace squashed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", bubble)).split())


def _citation(quote: str, section: str = "Market Overview", start: int = 0) -> Citation:
    return Citation(report_id="r", section=section, quote=quote, start=start, end=start + len(quote))


def test_every_marker_is_a_link_to_its_source(forecast_answer):
    bubble = answer_html(forecast_answer, 3)
    markers = set(re.findall(r"\[(\d+)\]", forecast_answer.text))
    assert markers, "the forecast answer cites its base and CAGR"
    for number in markers:
        link = f'<a class="cite" href="#cite-3-{int(number) - 1}"'
        assert link in bubble, f"[{number}] is not a link"
    answer = Answer(question="q", status="answered", text="Size [1], see [7].", citations=[_citation("x")])
    assert "[7]" in visible_text(answer_html(answer, 0)) and "#cite-0-6" not in answer_html(answer, 0)


def test_sources_are_compact_and_do_not_repeat_long_quotes(seed_assistant):
    answer = seed_assistant.ask("What are the recent developments?")
    assert len(answer.citations) >= 2
    bubble = answer_html(answer, 0)
    shown = visible_text(bubble)
    for citation in answer.citations:
        quote = " ".join(citation.quote.split())
        # The answer text may quote a development once; the Sources list never repeats it whole.
        assert shown.count(quote) <= 1
    sources = re.findall(r"<li>(.*?)</li>", bubble.split('class="answer-sources"', 1)[1])
    assert len(sources) == len(answer.citations)
    for number, (line, citation) in enumerate(zip(sources, answer.citations, strict=True), start=1):
        number_part, section, quote = re.match(r"(\[\d+\]) (.*?) — “(.*)”$", visible_text(line)).groups()
        assert (number_part, section) == (f"[{number}]", citation.section)
        assert len(quote) <= SHORT_QUOTE_CHARS


def test_list_answers_are_bullets_each_cited_once():
    text = "The report names these key players:\n- Alpha Corp [1] [1]\n- Beta Ltd [1]\n* Gamma Inc [2]"
    citations = [_citation("Alpha Corp, Beta Ltd"), _citation("Gamma Inc", start=30)]
    bubble = answer_html(Answer(question="q", status="answered", text=text, citations=citations), 0)
    items = re.findall(r"<li><span class=\"bullet\">• </span>(.*?)</li>", bubble)
    assert [visible_text(i) for i in items] == ["Alpha Corp [1]", "Beta Ltd [1]", "Gamma Inc [2]"]
    assert visible_text(bubble).startswith("The report names these key players:")


def test_an_introduction_followed_by_lines_is_a_list():
    blocks = text_blocks(
        "Recent developments:\nIn May, A launched B. [1]\nIn June, C bought D. [2]\n\nThat is all."
    )
    assert [(b.kind, len(b.lines)) for b in blocks] == [("paragraph", 1), ("list", 2), ("paragraph", 1)]
    assert [b.kind for b in text_blocks("One sentence. Another one [1].")] == ["paragraph"]


def test_working_shows_only_the_users_formulas():
    answer = Answer(
        question="How big in 2031?",
        status="answered",
        text="The report states USD 9.33 billion for 2031 [1].",
        citations=[_citation("USD 9.33 Billion")],
        computations=[
            Computation(
                tool="market_size_in_year", inputs={}, output={"year": 2031}, expression="stated: 9.33"
            ),
            Computation(
                tool="size_table", inputs={}, output={}, expression="size(y) = 6.71 x 1.0565^(y - 2025)"
            ),
        ],
    )
    shown = visible_text(answer_html(answer, 0))
    assert "Working" not in shown and "market_size_in_year" not in shown and "size(y)" not in shown
    answer.working = ["6.71 x 1.0565^4 = 8.36"]
    bubble = answer_html(answer, 0)
    assert "<code>6.71 x 1.0565^4 = 8.36</code>" in bubble and "Working" in visible_text(bubble)


def test_report_text_never_becomes_markup():
    quote = (
        "a photo ![x](http://127.0.0.1:9/p.png) at [site](http://127.0.0.1:9/) <img src=x onerror=alert(1)>"
    )
    answer = Answer(
        question="q",
        status="answered",
        text=f"In 2024 **Kelpwise** opened a hatchery: {quote} [1] <script>alert(1)</script> R&amp;D",
        citations=[_citation(quote, section="<b>Recent</b> **Developments**")],
    )
    bubble = answer_html(answer, 0)
    assert "<img" not in bubble and "<script" not in bubble and "<b>" not in bubble
    assert "http://127.0.0.1:9" not in bubble, "neither the link nor the image address is kept"
    assert re.findall(r'href="([^"]+)"', bubble) == ["#cite-0-0", "#cite-0-0"]
    shown = visible_text(bubble)
    assert "Kelpwise opened a hatchery" in shown and "R&D" in shown
    assert not [m for m in MARKUP if m in shown]
    assert "\n" not in bubble, "one HTML block: a blank line would let Markdown in"


def test_abstention_is_labelled_from_the_first_streamed_piece():
    answer = Answer(
        question="q",
        status="unanswerable",
        text="I could not find that in the report. The nearest evidence: [1].",
        citations=[_citation("nearest passage")],
        report_id="r",
    )
    pieces = [answer_html(answer, 0, prefix, complete=False) for prefix in stream_prefixes(answer.text, 5)]
    assert len(pieces) >= 3
    for piece in pieces + [answer_html(answer, 0)]:
        assert visible_text(piece).startswith(ABSTENTION_LABEL)
    routed = Answer(question="q", status="unanswerable", text="Which report do you mean?")
    assert ABSTENTION_LABEL not in answer_html(routed, 0), "asking back is not an abstention"


def test_report_choices_are_links_that_ask_again():
    answer = Answer(
        question="How big is the fish feed market?",
        status="unanswerable",
        text="Which report do you mean?",
        candidates=[
            ReportChoice(
                id="a", title="Aquaculture **Fish** Feed Market", publisher="Brackwater", years="2023–2030"
            ),
            ReportChoice(id="b", title="Ornamental Fish Feed Market"),
        ],
    )
    bubble = answer_html(answer, 4)
    links = re.findall(r'<a class="choice" href="#ask-4-(\d)"[^>]*>(.*?)</a>', bubble)
    assert links == [
        ("0", "Aquaculture Fish Feed Market · Brackwater · 2023–2030"),
        ("1", "Ornamental Fish Feed Market"),
    ]


def test_unanswered_parts_are_listed():
    answer = Answer(
        question="q", status="answered", text="The CAGR is 5.65% [1].", citations=[_citation("5.65%")]
    )
    answer.unanswered_parts = ["the CEO's salary"]
    assert "Not in the report: the CEO's salary" in visible_text(answer_html(answer, 0))


def test_questions_show_exactly_as_typed():
    bubble = question_html("What about **this** <b>and</b> ![x](http://h/i.png)?")
    assert visible_text(bubble) == "What about **this** <b>and</b> ![x](http://h/i.png)?"
    assert "<b>" not in bubble and "<img" not in bubble


def test_stream_prefixes_grow_at_word_boundaries_and_end_with_the_text():
    text = "The market is projected at USD 8.36 billion in 2029, computed from the report's figures."
    prefixes = list(stream_prefixes(text, steps=5))
    assert prefixes[-1] == text
    assert 3 <= len(prefixes) <= 6
    for shorter, longer in zip(prefixes, prefixes[1:], strict=False):
        assert longer.startswith(shorter) and len(longer) > len(shorter)
    for prefix in prefixes[:-1]:
        assert text[len(prefix)] == " ", f"cut mid-word: {prefix!r}"
    assert list(stream_prefixes("")) == [""]


def test_citation_labels_are_numbered_bounded_and_plain():
    citation = _citation("**word** " * 60, section="## Market Overview")
    label = citation_label(3, citation)
    assert label.startswith("[3] Market Overview — word word")
    assert len(label) <= LABEL_CHARS and label.endswith("…") and "**" not in label
    assert [value for _, value in citation_choices(5, [citation, citation])] == ["5:0", "5:1"]
