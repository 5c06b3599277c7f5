"""Render a ``FaqDocument`` as Markdown, JSON, schema.org FAQPage JSON-LD or an HTML fragment.

Every renderer is a pure function of the document: no timestamps, no latency, keys sorted, entries
in document order, so the same corpus and settings give byte-identical output. Questions the report
does not answer are shown honestly in Markdown, JSON and HTML, and left out of the JSON-LD (a
FAQPage's accepted answer must answer), with a note in the HTML saying so.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from assistant.domain.answer import Citation
from assistant.errors import InputError
from assistant.faq.generate import FaqDocument, FaqEntry

_MARKER = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_REFERENCE_LABEL = {"report_faq": "The report's own FAQ answer", "fact_sheet": "The report states"}
_UNANSWERED_NOTE = "The report does not answer these questions; the assistant's replies are shown as given."
_UNANSWERED_HTML_NOTE = (
    "The report does not answer these questions; they are left out of the structured data "
    "rather than answered with a guess."
)


def to_data(document: FaqDocument) -> dict[str, Any]:
    """The JSON shape: report, summary, and every entry with its answer, citations and comparison."""
    entries = []
    for entry in document.entries:
        answer = entry.answer.to_json_dict()
        answer.pop("latency_ms", None)  # timing would break byte-identical output
        answer.pop("question", None)
        comparison = entry.comparison
        entries.append(
            {
                "key": entry.key,
                "question": entry.question,
                "origin": entry.origin,
                "question_source": entry.question_source,
                "topic": entry.topic,
                **answer,
                "reference": None
                if comparison is None
                else {
                    "source": comparison.source,
                    "text": comparison.reference,
                    "agrees": comparison.agrees,
                    "agreements": comparison.agreements,
                    "disagreements": comparison.disagreements,
                },
            }
        )
    compared = [e.comparison for e in document.entries if e.comparison is not None]
    return {
        "report": {
            "id": document.report_id,
            "title": document.title,
            "market": document.market,
            "publisher": document.publisher,
            "content_hash": document.content_hash,
        },
        "summary": {
            "questions": len(document.entries),
            "answered": len(document.answered),
            "not_answered": len(document.unanswered),
            "compared_with_report_faq": sum(1 for c in compared if c.source == "report_faq"),
            "compared_with_fact_sheet": sum(1 for c in compared if c.source == "fact_sheet"),
            "agree_with_the_report": sum(1 for c in compared if c.agrees),
        },
        "entries": entries,
    }


def to_jsonld_data(document: FaqDocument) -> dict[str, Any]:
    """schema.org FAQPage of the answered questions; citation markers such as '[1]' are dropped."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": _MARKER.sub("", entry.answer.text).strip()},
            }
            for entry in document.answered
        ],
    }


def render_json(document: FaqDocument) -> str:
    return _dumps(to_data(document))


def render_jsonld(document: FaqDocument) -> str:
    return _dumps(to_jsonld_data(document))


def render_markdown(document: FaqDocument) -> str:
    lines = [f"# FAQ: {_md(document.title)}", ""]
    source = f"`{document.report_id}`" + (f", {_md(document.publisher)}" if document.publisher else "")
    lines += [
        f"Answers written by the report analyst assistant from the report {source}; "
        "numbered sources quote the report verbatim, with character offsets into its text.",
        "",
    ]
    for entry in document.answered:
        lines += _md_entry(entry, level="##")
    if document.unanswered:
        lines += ["## Questions the report does not answer", "", _UNANSWERED_NOTE, ""]
        for entry in document.unanswered:
            lines += _md_entry(entry, level="###")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_html(document: FaqDocument) -> str:
    """An HTML fragment: the JSON-LD in a script element, then the questions and answers with sources."""
    rid = _id(document.report_id)
    # '<', '>' and '&' as \u escapes: the JSON stays equal, and no '</script' can end the element early.
    script = _dumps(to_jsonld_data(document)).rstrip("\n")
    script = script.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    out = [
        f'<section class="report-faq" id="faq-{rid}" data-report-id="{html.escape(document.report_id)}">',
        f'<script type="application/ld+json">\n{script}\n</script>',
        f"<h2>Frequently asked questions: {html.escape(document.title)}</h2>",
    ]
    for entry in document.answered:
        out += _html_entry(entry, rid)
    if document.unanswered:
        out += [
            '<div class="faq-unanswered">',
            "<h3>Questions the report does not answer</h3>",
            f'<p class="faq-note">{html.escape(_UNANSWERED_HTML_NOTE)}</p>',
        ]
        for entry in document.unanswered:
            out += _html_entry(entry, rid, heading="h4")
        out.append("</div>")
    out.append("</section>")
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[FaqDocument], str]] = {
    "md": render_markdown,
    "json": render_json,
    "jsonld": render_jsonld,
    "html": render_html,
}
FORMATS = tuple(RENDERERS)


def render(document: FaqDocument, fmt: str) -> str:
    """The document in format ``fmt`` (one of FORMATS)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise InputError(f"unknown FAQ format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(document)


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    """One line of Markdown-safe text: '<' escaped so report text never turns into raw HTML."""
    return " ".join(text.split()).replace("<", "\\<")


def _md_entry(entry: FaqEntry, level: str) -> list[str]:
    answer = entry.answer
    lines = [f"{level} {_md(entry.question)}", "", _md(answer.text), ""]
    for computation in answer.computations:
        if computation.expression:
            lines += [f"Working: {_md(computation.expression)}", ""]
    if answer.citations:
        lines += ["Sources:", ""]
        for number, citation in enumerate(answer.citations, start=1):
            lines.append(f"{number}. {_md(citation.section)}, characters {citation.start}-{citation.end}:")
            lines += [
                f"   > {line.replace('<', chr(92) + '<')}".rstrip() for line in citation.quote.split("\n")
            ]
        lines.append("")
    if entry.comparison is not None:
        comparison = entry.comparison
        verdict = "agrees" if comparison.agrees else "**disagrees**"
        points = comparison.disagreements if not comparison.agrees else comparison.agreements
        lines += [f"{_REFERENCE_LABEL[comparison.source]}: {_md(comparison.reference)}", ""]
        lines += [
            f"Generated answer {verdict}: " + ("; ".join(_md(p) for p in points) or "nothing to compare"),
            "",
        ]
    return lines


def _html_entry(entry: FaqEntry, rid: str, heading: str = "h3") -> list[str]:
    answer = entry.answer
    anchor = f"faq-{rid}-{_id(entry.key)}"
    out = [
        f'<div class="faq-item" id="{anchor}" data-status="{answer.status}">',
        f'<{heading} class="faq-question">{html.escape(entry.question)}</{heading}>',
        '<div class="faq-answer">',
        f"<p>{_link_markers(html.escape(answer.text), anchor, len(answer.citations))}</p>",
    ]
    for computation in answer.computations:
        if computation.expression:
            out.append(f'<p class="faq-working">Working: {html.escape(computation.expression)}</p>')
    if answer.citations:
        out.append('<ol class="faq-citations">')
        for number, citation in enumerate(answer.citations, start=1):
            out.append(_html_citation(citation, f"{anchor}-source-{number}"))
        out.append("</ol>")
    if entry.comparison is not None:
        verdict = "agrees" if entry.comparison.agrees else "disagrees"
        label = _REFERENCE_LABEL[entry.comparison.source]
        out.append(
            f'<p class="faq-compare" data-verdict="{verdict}">{html.escape(label)}: '
            f"<q>{html.escape(entry.comparison.reference)}</q> (this answer {verdict})</p>"
        )
    out += ["</div>", "</div>"]
    return out


def _html_citation(citation: Citation, anchor: str) -> str:
    return (
        f'<li id="{anchor}"><blockquote>{html.escape(citation.quote)}</blockquote> '
        f'<span class="faq-source">{html.escape(citation.section)}, '
        f"characters {citation.start}-{citation.end}</span></li>"
    )


def _link_markers(escaped: str, anchor: str, count: int) -> str:
    """Turn '[n]' in already-escaped text into a link to source n (only when source n exists)."""

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if 1 <= number <= count:
            return f'<a href="#{anchor}-source-{number}">[{number}]</a>'
        return match.group(0)

    return re.sub(r"\[(\d+)\]", link, escaped)


def _id(text: str) -> str:
    """A safe HTML id fragment."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"
