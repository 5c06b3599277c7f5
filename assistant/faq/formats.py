"""Render a ``FaqDocument`` as Markdown, JSON, schema.org FAQPage JSON-LD or an HTML page.

The published formats (Markdown, JSON-LD, HTML) hold what a reader needs: each question, its
answer, the working of a computed figure and the numbered verbatim sources (section named). How an
answer compares with the report's own FAQ, character offsets and tool expressions are for checking:
they go to ``--check`` and to the JSON format, which pipelines read.

Every renderer is a pure function of the document: no timestamps, no latency, keys sorted, entries
in document order, so the same corpus and settings give byte-identical output. Questions the report
does not answer, and questions whose answer would repeat an earlier one, are listed as not answered
in Markdown and HTML, kept in JSON (with ``duplicate_of``), and left out of the JSON-LD (a FAQPage's
accepted answer must answer).
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

from assistant.domain.answer import Citation
from assistant.errors import InputError
from assistant.faq.generate import FaqDocument, FaqEntry
from assistant.faq.plain import plain_text, text_beside_working

_NOT_ANSWERED_NOTE = "The report does not answer these questions, so no answer is given."
_REPEAT_NOTE = "The report gives no separate answer to this question."


def default_stylesheet() -> str:
    """The stylesheet shipped with the package (``assistant/faq/static/faq.css``)."""
    return resources.files("assistant.faq").joinpath("static/faq.css").read_text(encoding="utf-8")


def check_stylesheet(css: str) -> str:
    """``css`` if it can sit inside a <style> element; InputError if it would end the element early."""
    if re.search(r"</style", css, re.IGNORECASE):
        raise InputError("the stylesheet contains '</style', which would end the style element early")
    return css


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
                "duplicate_of": entry.duplicate_of,
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
            "duplicates": len(document.duplicates),
            "compared_with_report_faq": sum(1 for c in compared if c.source == "report_faq"),
            "compared_with_fact_sheet": sum(1 for c in compared if c.source == "fact_sheet"),
            "agree_with_the_report": sum(1 for c in compared if c.agrees),
        },
        "entries": entries,
    }


def to_jsonld_data(document: FaqDocument) -> dict[str, Any]:
    """schema.org FAQPage of the published answers as prose: no citation markers, no formulas."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(entry.answer)},
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
        "numbered sources quote the report verbatim.",
        "",
    ]
    for entry in document.answered:
        lines += _md_entry(entry, level="##")
    if document.unanswered:
        lines += ["## Questions the report does not answer", "", _NOT_ANSWERED_NOTE, ""]
        for entry in document.unanswered:
            lines += [f"### {_md(entry.question)}", ""]
            if entry.duplicate_of is not None:
                lines += [_REPEAT_NOTE, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_html(document: FaqDocument, stylesheet: str | None = None) -> str:
    """A standalone page: the stylesheet (the packaged one unless given), then one
    ``<section class="report-faq">`` holding the JSON-LD and the questions with their sources."""
    css = default_stylesheet() if stylesheet is None else check_stylesheet(stylesheet)
    rid = _id(document.report_id)
    # '<', '>' and '&' as \\u escapes: the JSON stays equal, and no '</script' can end the element early.
    script = _dumps(to_jsonld_data(document)).rstrip("\n")
    script = script.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    title = f"Frequently asked questions: {document.title}"
    source = html.escape(document.report_id) + (
        f", {html.escape(document.publisher)}" if document.publisher else ""
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{css.strip()}\n</style>",
        "</head>",
        "<body>",
        f'<section class="report-faq" id="faq-{rid}" data-report-id="{html.escape(document.report_id)}">',
        f'<script type="application/ld+json">\n{script}\n</script>',
        f"<h2>{html.escape(title)}</h2>",
        f'<p class="faq-lead">Answers written by the report analyst assistant from the report {source}; '
        "numbered sources quote the report verbatim.</p>",
    ]
    for entry in document.answered:
        out += _html_entry(entry, rid)
    if document.unanswered:
        out += [
            '<div class="faq-unanswered">',
            "<h3>Questions the report does not answer</h3>",
            f'<p class="faq-note">{html.escape(_NOT_ANSWERED_NOTE)}</p>',
        ]
        for entry in document.unanswered:
            anchor = f"faq-{rid}-{_id(entry.key)}"
            status = "repeat" if entry.duplicate_of is not None else entry.answer.status
            out.append(f'<div class="faq-item" id="{anchor}" data-status="{status}">')
            out.append(f'<h4 class="faq-question">{html.escape(entry.question)}</h4>')
            if entry.duplicate_of is not None:
                out.append(f'<p class="faq-note">{html.escape(_REPEAT_NOTE)}</p>')
            out.append("</div>")
        out.append("</div>")
    out += ["</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


FORMATS = ("md", "json", "jsonld", "html")
EXTENSIONS = {"md": ".md", "json": ".json", "jsonld": ".jsonld", "html": ".html"}


def render(document: FaqDocument, fmt: str, stylesheet: str | None = None) -> str:
    """The document in format ``fmt`` (one of FORMATS); ``stylesheet`` replaces the HTML's default one."""
    if fmt == "md":
        return render_markdown(document)
    if fmt == "json":
        return render_json(document)
    if fmt == "jsonld":
        return render_jsonld(document)
    if fmt == "html":
        return render_html(document, stylesheet)
    raise InputError(f"unknown FAQ format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    """One line of Markdown-safe text: '<' escaped so report text never turns into raw HTML."""
    return " ".join(text.split()).replace("<", "\\<")


def _quoted_in(citation: Citation, text: str) -> bool:
    """Whether the answer already shows the quote word for word (a list answer's points do)."""
    return " ".join(citation.quote.split()) in " ".join(text.split())


def _answer_lines(text: str) -> tuple[str, list[str]]:
    """The answer's lead sentence and its bullet points ('- ...' lines), if it has any."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    bullets = [line[2:] for line in lines if line.startswith("- ")]
    lead = " ".join(line for line in lines if not line.startswith("- "))
    return lead, bullets


def _md_entry(entry: FaqEntry, level: str) -> list[str]:
    answer = entry.answer
    text = text_beside_working(answer)
    lead, bullets = _answer_lines(text)
    lines = [f"{level} {_md(entry.question)}", "", _md(lead), ""]
    if bullets:
        lines += [f"- {_md(point)}" for point in bullets] + [""]
    for formula in answer.working:
        lines += [f"Computed: `{_code(formula)}`", ""]
    if answer.citations:
        lines += ["Sources:", ""]
        for number, citation in enumerate(answer.citations, start=1):
            section = _md(citation.section) or "The report"
            if _quoted_in(citation, text):  # shown above already: say where it is from, once
                lines.append(f"{number}. {section} (quoted above)")
                continue
            lines.append(f"{number}. {section}:")
            lines += [
                f"   > {line.replace('<', chr(92) + '<')}".rstrip() for line in citation.quote.split("\n")
            ]
        lines.append("")
    return lines


def _code(text: str) -> str:
    """One line for inline code; a backtick inside would end it, so it becomes a quote mark."""
    return " ".join(text.split()).replace("`", "'")


def _html_entry(entry: FaqEntry, rid: str) -> list[str]:
    answer = entry.answer
    anchor = f"faq-{rid}-{_id(entry.key)}"
    text = text_beside_working(answer)
    lead, bullets = _answer_lines(text)
    count = len(answer.citations)
    out = [
        f'<div class="faq-item" id="{anchor}" data-status="{answer.status}">',
        f'<h3 class="faq-question">{html.escape(entry.question)}</h3>',
        '<div class="faq-answer">',
        f"<p>{_link_markers(html.escape(lead), anchor, count)}</p>",
    ]
    if bullets:
        items = "".join(f"<li>{_link_markers(html.escape(point), anchor, count)}</li>" for point in bullets)
        out.append(f"<ul>{items}</ul>")
    for formula in answer.working:
        out.append(f'<p class="faq-working">Computed: <code>{html.escape(formula)}</code></p>')
    if answer.citations:
        out.append('<ol class="faq-citations">')
        for number, citation in enumerate(answer.citations, start=1):
            out.append(_html_citation(citation, f"{anchor}-source-{number}", _quoted_in(citation, text)))
        out.append("</ol>")
    out += ["</div>", "</div>"]
    return out


def _html_citation(citation: Citation, anchor: str, shown: bool = False) -> str:
    section = html.escape(citation.section) or "The report"
    if shown:  # the answer quotes it word for word already
        return f'<li id="{anchor}"><span class="faq-source">{section} (quoted above)</span></li>'
    return (
        f'<li id="{anchor}"><blockquote>{html.escape(citation.quote)}</blockquote> '
        f'<span class="faq-source">{section}</span></li>'
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
