"""Turn an ``Answer`` into what the chat page shows: markdown for the chat bubble, citation labels,
computation lines and the progressive prefixes that make an answer stream in.

Everything that comes from a report or a model is HTML-escaped here, so the page never renders
markup that a report happens to contain.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from assistant.domain.answer import Answer, Citation, Computation

# Characters that would start markdown formatting inside a verbatim quote.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#])")
LABEL_CHARS = 90  # longest citation label in the source panel picker, in characters


def escape_text(text: str) -> str:
    """HTML-escape model or report text so the chat shows it literally (markdown still applies)."""
    return html.escape(text, quote=False)


def escape_quote(text: str) -> str:
    """Escape a verbatim quote for markdown: no HTML, no accidental emphasis or links."""
    return _MD_SPECIAL.sub(r"\\\1", escape_text(" ".join(text.split())))


def citation_line(number: int, citation: Citation) -> str:
    """``1. *Section* — “quote”`` (numbered as the answer text refers to it)."""
    return f"{number}. *{escape_quote(citation.section)}* — “{escape_quote(citation.quote)}”"


def computation_line(computation: Computation) -> str:
    """The working written out, e.g. ``6.71 x 1.0565^4 = 8.36`` with the tool that computed it."""
    working = computation.expression or ", ".join(f"{k}={v}" for k, v in computation.output.items())
    return f"- `{working.replace('`', '')}` ({escape_quote(computation.tool)})"


def answer_markdown(answer: Answer) -> str:
    """The full chat bubble: the answer, then numbered sources, then the working."""
    parts = [escape_text(answer.text.strip())]
    if answer.status == "unanswerable" and answer.report_id is not None:
        # Without a report it is the router asking which report is meant, not a refusal.
        parts[0] = f"**Not answerable from the report.** {parts[0]}"
    if answer.citations:
        lines = [citation_line(i, c) for i, c in enumerate(answer.citations, start=1)]
        parts.append("**Sources**\n" + "\n".join(lines))
    if answer.computations:
        parts.append("**Working**\n" + "\n".join(computation_line(c) for c in answer.computations))
    return "\n\n".join(parts)


def stream_prefixes(text: str, steps: int = 12) -> Iterator[str]:
    """Growing prefixes of ``text`` cut at word boundaries, the last one being ``text`` itself.

    ``steps`` is how many pieces the text is shown in (at least one).
    """
    words = re.findall(r"\S+\s*", text)
    if not words:
        yield text
        return
    size = max(1, -(-len(words) // max(1, steps)))  # ceiling division
    for stop in range(size, len(words), size):
        yield "".join(words[:stop]).rstrip()
    yield text


def citation_label(number: int, citation: Citation) -> str:
    """Short label for the source panel picker: ``[1] Section — quote…``."""
    quote = " ".join(citation.quote.split())
    label = f"[{number}] {citation.section} — {quote}"
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def citation_choices(answer: Answer) -> list[tuple[str, int]]:
    """(label, index) pairs for the source panel, index into ``answer.citations``."""
    return [(citation_label(i + 1, c), i) for i, c in enumerate(answer.citations)]
