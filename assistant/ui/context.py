"""The source panel: a cited quote highlighted with a few lines of its section around it.

Context never leaves the quote's section, so page furniture between sections (navigation, "Main
Content start here") never shows. Report text is cleaned of Markdown for display (``display``) and
HTML-escaped; the only markup is the panel's own.
"""

from __future__ import annotations

import html

from assistant.domain.answer import Citation
from assistant.domain.report import Report
from assistant.errors import InputError
from assistant.ui.display import one_line, plain_text

LINES_BEFORE = 2  # non-blank lines of the section shown before the quote's own line, at most
LINES_AFTER = 2  # non-blank lines shown after the quote's own line, at most
CONTEXT_CHARS = 320  # report characters read on either side of the quote, at most


def _bounds(report: Report, start: int, end: int) -> tuple[int, int]:
    """Where context may come from: the quote's section, or the whole text if it lies in none."""
    section = report.section_at(start)
    if section is None or end > section.end:
        return 0, len(report.text)
    return section.start, section.end


def _last_lines(text: str, count: int, cut: bool) -> str:
    """The end of ``text``: its part of the quote's line plus ``count`` non-blank lines before it.
    ``cut`` says the text starts mid-passage, so a partial first word is dropped."""
    lines = text.split("\n")
    kept = [lines[-1]]
    for line in reversed(lines[:-1]):
        if len([k for k in kept[:-1] if k.strip()]) >= count:
            break
        kept.insert(0, line)
    out = "\n".join(kept)
    if cut and len(kept) == len(lines):
        space = out.find(" ")
        out = "…" + out[space + 1 :] if space >= 0 else out
    return out


def _first_lines(text: str, count: int, cut: bool) -> str:
    """The start of ``text``: the rest of the quote's line plus ``count`` non-blank lines after it."""
    lines = text.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if len([k for k in kept[1:] if k.strip()]) >= count:
            break
        kept.append(line)
    out = "\n".join(kept)
    if cut and len(kept) == len(lines):
        space = out.rfind(" ")
        out = out[:space] + "…" if space > 0 else out
    return out


def _lines_html(pieces: list[tuple[str, bool]]) -> str:
    """(text, highlighted) pieces as one <p> per non-blank line; a highlight spanning lines is
    marked on each of them, so the HTML stays well nested."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, marked in pieces:
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, marked))
    out = []
    for line in lines:
        if not any(part.strip() for part, _ in line):
            continue
        body = "".join(
            f"<mark>{html.escape(part)}</mark>" if marked else html.escape(part) for part, marked in line
        )
        out.append(f"<p>{body.strip()}</p>")
    return "".join(out)


def passage_html(
    report: Report,
    citation: Citation,
    lines_before: int = LINES_BEFORE,
    lines_after: int = LINES_AFTER,
    context_chars: int = CONTEXT_CHARS,
) -> str:
    """HTML for the source panel: the section's name, the report's title and the quote marked among
    at most ``lines_before`` / ``lines_after`` lines of its section (``context_chars`` characters
    read on either side).

    Raises ``InputError`` if the citation's offsets do not lie inside the report text.
    """
    text = report.text
    start, end = citation.start, citation.end
    if not 0 <= start <= end <= len(text):
        raise InputError(
            f"citation offsets {start}..{end} lie outside report {citation.report_id!r} "
            f"({len(text)} characters)"
        )
    low, high = _bounds(report, start, end)
    lead_from = max(low, start - context_chars)
    tail_to = min(high, end + context_chars)
    before = _last_lines(text[lead_from:start], lines_before, cut=lead_from > low)
    after = _first_lines(text[end:tail_to], lines_after, cut=tail_to < high)
    quote = text[start:end]
    mismatch = ""
    if quote != citation.quote:
        mismatch = '<p class="source-warning">The report text at these offsets differs from the quote.</p>'
    pieces = [(plain_text(before), False), (plain_text(quote), True), (plain_text(after), False)]
    section = one_line(citation.section) or "Report text"
    return (
        '<div class="source-passage">'
        f'<div class="source-meta"><strong>{html.escape(section)}</strong>'
        f" · {html.escape(one_line(report.title))}</div>"
        f"{mismatch}"
        f'<div class="source-text">{_lines_html(pieces)}</div>'
        "</div>"
    )


EMPTY_SOURCE_HTML = (
    '<div class="source-passage source-empty">Choose a citation ([1], [2], …) to see it in the report.</div>'
)
