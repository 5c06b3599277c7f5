"""Every format parses back and carries the same answers; HTML embeds valid, escaped JSON-LD."""

from __future__ import annotations

import html
import json
import re

import pytest

from assistant.errors import InputError
from assistant.faq import FORMATS, FaqDocument, default_stylesheet, render
from assistant.faq.formats import to_data, to_jsonld_data

SCRIPT = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.DOTALL)


def test_seed_faq_has_answered_and_unanswerable_entries(seed_faq: FaqDocument) -> None:
    statuses = {e.key: e.answer.status for e in seed_faq.entries}
    assert statuses["wcg_revenue"] == "unanswerable"
    assert len(seed_faq.answered) >= 10


def test_json_round_trip(seed_faq: FaqDocument) -> None:
    data = json.loads(render(seed_faq, "json"))
    assert data == to_data(seed_faq)
    assert data["report"]["id"] == seed_faq.report_id
    assert [e["question"] for e in data["entries"]] == [e.question for e in seed_faq.entries]
    assert all("latency_ms" not in e for e in data["entries"])
    revenue = next(e for e in data["entries"] if e["key"] == "wcg_revenue")
    assert revenue["status"] == "unanswerable"
    market = next(e for e in data["entries"] if e["key"] == "market_size")
    assert market["reference"]["source"] == "report_faq"
    assert market["reference"]["agrees"] is True and market["reference"]["disagreements"] == []
    forecast_end = next(e for e in data["entries"] if e["key"] == "forecast_end")
    assert forecast_end["reference"]["source"] == "fact_sheet"
    assert "9.33" in forecast_end["reference"]["text"]
    assert market["citations"] and all(c["quote"] for c in market["citations"])


def test_jsonld_is_a_faq_page_of_answered_questions(seed_faq: FaqDocument) -> None:
    data = json.loads(render(seed_faq, "jsonld"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == [e.question for e in seed_faq.answered]
    for question in data["mainEntity"]:
        assert question["@type"] == "Question"
        assert question["acceptedAnswer"]["@type"] == "Answer"
        text = question["acceptedAnswer"]["text"]
        assert text and not re.search(r"\[\d+\]", text)  # no dangling citation markers
    assert "WCG Clinical's revenue" not in json.dumps(data)


def test_html_embeds_the_jsonld_and_escapes_the_text(seed_faq: FaqDocument) -> None:
    page = render(seed_faq, "html")
    (script,) = SCRIPT.findall(page)
    assert json.loads(script) == json.loads(render(seed_faq, "jsonld"))
    assert "</" not in script
    for entry in seed_faq.entries:
        assert html.escape(entry.question) in page
    for entry in seed_faq.answered:
        for citation in entry.answer.citations:
            assert html.escape(citation.quote) in page
    assert 'data-status="unanswerable"' in page
    assert "Questions the report does not answer" in page


def test_html_survives_hostile_text(seed_faq: FaqDocument) -> None:
    entry = seed_faq.answered[0]
    nasty = 'It is </script><script>alert("x")</script> & <b>bold</b> [1].'
    hostile = seed_faq.model_copy(
        update={
            "entries": [entry.model_copy(update={"answer": entry.answer.model_copy(update={"text": nasty})})]
        }
    )
    page = render(hostile, "html")
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert page.startswith("<!DOCTYPE html>") and page.count("<style>") == 1
    (script,) = SCRIPT.findall(page)
    assert (
        json.loads(script)["mainEntity"][0]["acceptedAnswer"]["text"]
        == to_jsonld_data(hostile)["mainEntity"][0]["acceptedAnswer"]["text"]
    )
    assert "&lt;/script&gt;" in page and "&amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<b>" not in page


def test_markdown_lists_questions_sources_and_the_unanswered(seed_faq: FaqDocument) -> None:
    text = render(seed_faq, "md")
    assert text.startswith(f"# FAQ: {seed_faq.title}\n")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings[: len(seed_faq.answered)] == [" ".join(e.question.split()) for e in seed_faq.answered]
    assert headings[-1] == "Questions the report does not answer"
    unanswered_part = text.split("## Questions the report does not answer", 1)[1]
    assert "### What was WCG Clinical's revenue in 2024?" in unanswered_part
    for entry in seed_faq.answered:
        for number, citation in enumerate(entry.answer.citations, start=1):
            first_line = citation.quote.split("\n")[0]
            shown = " ".join(citation.quote.split()) in " ".join(entry.answer.text.split())
            # A quote the answer already shows word for word is named, not printed twice.
            expected = (
                f"{number}. {citation.section} (quoted above)" if shown else f"   > {first_line}".rstrip()
            )
            assert expected in text
    unanswered = seed_faq.unanswered
    assert all(e.answer.text not in unanswered_part for e in unanswered if e.answer.text)
    assert "Generated answer" not in text and "agrees" not in text


PUBLISHED = ("md", "html", "jsonld")
# What checking leaves behind and a reader must not see: comparison notes, character offsets, tool
# expressions ('stated in the report: 6.71 (compounding: 6.71 x 1.0565^0 = 6.71)', 'size(y) = ...').
CHECKING_NOTES = re.compile(
    r"Generated answer|this answer (?:agrees|disagrees)|The report's own FAQ answer|The report states:"
    r"|characters \d+-\d+|\^0\b|size\(y\)|compounding:|Working:"
)


@pytest.mark.parametrize("fmt", PUBLISHED)
def test_published_formats_hold_no_checking_notes(seed_faq: FaqDocument, fmt: str) -> None:
    text = render(seed_faq, fmt)
    assert not CHECKING_NOTES.search(text), CHECKING_NOTES.search(text).group(0)  # type: ignore[union-attr]
    shown = 0
    for entry in seed_faq.entries:
        for computation in entry.answer.computations:
            # A tool's expression may appear only as the answer's own words or its user-facing working.
            if computation.expression and computation.expression not in entry.answer.text:
                shown += 1
                if computation.expression not in entry.answer.working:
                    assert computation.expression not in text
    assert shown  # the seed's answers do compute more than they say, so this checks something


def test_jsonld_answers_are_prose_without_formulas(seed_faq: FaqDocument) -> None:
    cagr = next(e for e in seed_faq.answered if e.key == "cagr")
    # Arithmetic written into the answer's own words, named by no tool result: still left out.
    spelled = "The implied CAGR is 5.65% ((9.33 / 6.71)^(1/6) - 1 = 5.65 %), and 6.71 x 1.0565^6 = 9.33 [1]."
    written = cagr.model_copy(
        update={"answer": cagr.answer.model_copy(update={"text": spelled, "working": [], "computations": []})}
    )
    document = seed_faq.model_copy(
        update={"entries": [*seed_faq.entries, written.model_copy(update={"key": "x"})]}
    )
    texts = [q["acceptedAnswer"]["text"] for q in json.loads(render(document, "jsonld"))["mainEntity"]]
    assert "The implied CAGR is 5.65%, and." not in texts and "The implied CAGR is 5.65%." in " ".join(texts)
    for text in texts:
        assert not re.search(r"=|\^|\d\s*[x×*/]\s*\(?\d", text), text
    assert any("5.65%" in text for text in texts)


def test_the_json_keeps_the_comparisons_apart_from_the_answer(seed_faq: FaqDocument) -> None:
    data = json.loads(render(seed_faq, "json"))
    market = next(e for e in data["entries"] if e["key"] == "market_size")
    assert "agrees" not in market["answer"]
    assert market["reference"]["agreements"] and market["citations"][0]["start"] >= 0


def test_a_repeated_answer_is_published_once(seed_faq: FaqDocument) -> None:
    by_key = {e.key: e for e in seed_faq.entries}
    assert by_key["what_drives"].answer.status == "answered"  # the assistant did answer it ...
    assert by_key["what_drives"].duplicate_of == "drivers"  # ... with the drivers answer again
    assert by_key["drivers"].duplicate_of is None
    jsonld = json.loads(render(seed_faq, "jsonld"))
    answers = [q["acceptedAnswer"]["text"] for q in jsonld["mainEntity"]]
    assert len(answers) == len(set(answers))
    assert "What drives" not in json.dumps(jsonld)
    for fmt in ("md", "html"):
        text = render(seed_faq, fmt)
        drivers = by_key["drivers"].answer.text
        first_point = next(line[2:] for line in drivers.splitlines() if line.startswith("- "))
        first_sentence = first_point.split(" [")[0].split(". ")[0]
        assert text.count(html.escape(first_sentence) if fmt == "html" else first_sentence) == 1, fmt
    page = render(seed_faq, "html")
    assert 'data-status="repeat"' in page
    entry = next(e for e in json.loads(render(seed_faq, "json"))["entries"] if e["key"] == "what_drives")
    assert entry["duplicate_of"] == "drivers"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(
    seed_assistant, faq_questions, seed_faq: FaqDocument, fmt: str
) -> None:
    from assistant.faq import generate_faq

    again = generate_faq(seed_assistant, standard=faq_questions)
    assert render(again, fmt).encode() == render(seed_faq, fmt).encode()


def test_unknown_format_is_refused(seed_faq: FaqDocument) -> None:
    with pytest.raises(InputError, match="unknown FAQ format 'pdf'"):
        render(seed_faq, "pdf")


def test_html_uses_the_packaged_stylesheet_or_the_one_given(seed_faq: FaqDocument) -> None:
    page = render(seed_faq, "html")
    assert default_stylesheet().strip() in page and ".report-faq" in default_stylesheet()
    own = ".report-faq { color: rebeccapurple; }"
    mine = render(seed_faq, "html", stylesheet=own)
    assert own in mine and default_stylesheet().strip() not in mine
    with pytest.raises(InputError, match="</style"):
        render(seed_faq, "html", stylesheet="a {} </style><script>alert(1)</script>")


def test_working_is_shown_beside_the_answer_and_never_inside_the_jsonld(seed_faq: FaqDocument) -> None:
    entry = next(e for e in seed_faq.answered if e.key == "market_size")
    formula = "6.71 x 1.0565^4 = 8.36"
    text = f"The market is projected at USD 8.36 billion in 2029 [1]: {formula}."
    answer = entry.answer.model_copy(update={"text": text, "working": [formula]})
    document = seed_faq.model_copy(update={"entries": [entry.model_copy(update={"answer": answer})]})
    markdown = render(document, "md")
    assert f"Computed: `{formula}`" in markdown
    assert "The market is projected at USD 8.36 billion in 2029 [1]." in markdown
    assert markdown.count(formula) == 1
    page = render(document, "html")
    assert f'<p class="faq-working">Computed: <code>{formula}</code></p>' in page
    (question,) = json.loads(render(document, "jsonld"))["mainEntity"]
    assert question["acceptedAnswer"]["text"] == "The market is projected at USD 8.36 billion in 2029."
