"""The source panel: a cited passage shown in its context with the quote highlighted.

Everything taken from the report is HTML-escaped; the only markup is the panel's own.
"""

from __future__ import annotations

import html
import re

from assistant.domain.answer import Citation
from assistant.errors import InputError

CONTEXT_BEFORE = 300  # report characters shown before a quote, at most
CONTEXT_AFTER = 500  # report characters shown after a quote, at most
PARAGRAPHS_BEFORE = 1  # whole paragraphs shown before the one holding the quote, at most
PARAGRAPHS_AFTER = 1  # whole paragraphs shown after the one holding the quote, at most
_OPEN, _CLOSE = "\x00", "\x01"  # stand-ins for <mark> and </mark> while splitting paragraphs


def _trim_before(text: str, paragraphs: int = PARAGRAPHS_BEFORE) -> str:
    """Leading context: at most ``paragraphs`` paragraphs before the quote's own, never mid-word."""
    parts = re.split(r"(\n\s*\n)", text)
    if len(parts) > 2 * paragraphs + 1:
        return "".join(parts[-(2 * paragraphs + 1) :])
    space = re.search(r"\s", text)
    return text[space.end() :] if space else text


def _trim_after(text: str, paragraphs: int = PARAGRAPHS_AFTER) -> str:
    """Trailing context: at most ``paragraphs`` paragraphs after the quote's own, never mid-word."""
    parts = re.split(r"(\n\s*\n)", text)
    if len(parts) > 2 * paragraphs + 1:
        return "".join(parts[: 2 * paragraphs + 1])
    space = max(text.rfind(" "), text.rfind("\n"))
    return text[:space] if space > 0 else text


def _escape(text: str) -> str:
    """HTML-escape report text and drop any characters that would pass for the mark stand-ins."""
    return html.escape(text).replace(_OPEN, "").replace(_CLOSE, "")


def _paragraphs(marked: str) -> str:
    """Escaped text (with mark stand-ins) as <p> paragraphs; a quote spanning paragraphs is marked
    in each of them so the HTML stays well nested."""
    out = []
    inside = False
    for paragraph in re.split(r"\n\s*\n", marked):
        if not paragraph.strip():
            continue
        body = (_OPEN if inside else "") + paragraph.strip("\n")
        inside = body.rfind(_OPEN) > body.rfind(_CLOSE)
        if inside:
            body += _CLOSE
        body = body.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>").replace("\n", "<br>")
        out.append(f"<p>{body}</p>")
    return "".join(out)


def passage_html(
    report_text: str, citation: Citation, before_chars: int = CONTEXT_BEFORE, after_chars: int = CONTEXT_AFTER
) -> str:
    """HTML for the source panel: section, offsets, and the quote marked inside its context.

    ``before_chars`` and ``after_chars`` bound the report text shown around the quote, in characters.
    Raises ``InputError`` if the citation's offsets do not lie inside the report text.
    """
    start, end = citation.start, citation.end
    if not 0 <= start <= end <= len(report_text):
        raise InputError(
            f"citation offsets {start}..{end} lie outside report {citation.report_id!r} "
            f"({len(report_text)} characters)"
        )
    lead_from = max(0, start - before_chars)
    tail_to = min(len(report_text), end + after_chars)
    before = report_text[lead_from:start]
    after = report_text[end:tail_to]
    if lead_from > 0:
        before = _trim_before(before)
    if tail_to < len(report_text):
        after = _trim_after(after)
    quote = report_text[start:end]
    mismatch = ""
    if quote != citation.quote:
        mismatch = '<p class="source-warning">The report text at these offsets differs from the quote.</p>'
    ellipsis_before = "…" if lead_from > 0 else ""
    ellipsis_after = "…" if tail_to < len(report_text) else ""
    # Escape first, then insert the stand-ins: nothing from the report can become markup.
    marked = (
        ellipsis_before + _escape(before) + _OPEN + _escape(quote) + _CLOSE + _escape(after) + ellipsis_after
    )
    return (
        '<div class="source-passage">'
        f'<div class="source-meta"><strong>{html.escape(citation.section)}</strong>'
        f" · {html.escape(citation.report_id)} · characters {start}–{end}</div>"
        f"{mismatch}"
        f'<div class="source-text">{_paragraphs(marked)}</div>'
        "</div>"
    )


EMPTY_SOURCE_HTML = (
    '<div class="source-passage source-empty">Choose a citation to see the passage in the report.</div>'
)
