"""Every format parses back and carries the same answers; HTML embeds valid, escaped JSON-LD."""

from __future__ import annotations

import html
import json
import re

import pytest

from assistant.errors import InputError
from assistant.faq import FORMATS, FaqDocument, render
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
        for citation in entry.answer.citations:
            first_line = citation.quote.split("\n")[0]
            assert f"   > {first_line}".rstrip() in text
    assert "Generated answer agrees" in text and "disagrees" not in text


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
