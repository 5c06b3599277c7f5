"""Render an ``Answer`` as Slack Block Kit: the answer, the computation line, citations as context blocks.

Slack's limits (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks per message,
3000 characters per section or context text, 10 elements per context block. Whatever does not fit
is shortened with a visible note rather than rejected by Slack.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.domain.answer import Answer, Citation

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_TEXT = 3000  # characters per section / context text object
MAX_QUOTE = 600  # a citation longer than this is shown in part; the full span is in the report
PLACEHOLDER = "Looking that up…"
APOLOGY = "Sorry, something went wrong while answering. The error has been logged; please try again later."

_SHORTENED = "… _(shortened to fit Slack; ask a narrower question for the rest)_"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit(text: str, limit: int = MAX_TEXT, suffix: str = _SHORTENED) -> str:
    """Escape ``text`` for mrkdwn and shorten it to at most ``limit`` characters, ending with ``suffix``.

    The cut falls on a word boundary where one is near, and never inside an escape such as ``&amp;``.
    """
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    budget, used, cut = max(limit - len(suffix), 0), 0, 0
    for char in text:  # count escaped length, so an entity is kept whole or dropped whole
        used += len(escape(char))
        if used > budget:
            break
        cut += 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > max(cut - 200, 0):
        head = head[:space]
    return (escape(head.rstrip()) + suffix)[:limit]


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def _answer_text(answer: Answer) -> str:
    # The model may write CommonMark bold; Slack's mrkdwn bold is a single asterisk.
    return _BOLD.sub(r"*\1*", answer.text.strip()) or "(no answer text)"


def render_answer(answer: Answer) -> tuple[str, list[Block]]:
    """Return ``(fallback_text, blocks)`` for ``chat.update`` or a ``response_url`` post.

    The fallback text is the plain answer (what notifications show and what thread history reads back).
    """
    blocks: list[Block] = [{"type": "section", "text": _mrkdwn(fit(_answer_text(answer)))}]
    if answer.computations:
        lines = [f"`{c.expression or f'{c.tool} -> {c.output}'}`" for c in answer.computations]
        blocks.append({"type": "context", "elements": [_mrkdwn(fit("Computed: " + "  ·  ".join(lines)))]})
    if answer.ungrounded_numbers:
        note = "Not found in the report or a computation: " + ", ".join(answer.ungrounded_numbers)
        blocks.append({"type": "context", "elements": [_mrkdwn(fit(note))]})

    footer = _footer(answer)
    citations = answer.citations
    if citations:
        blocks.append({"type": "divider"})
    # Keep room for the footer and a "more citations" note.
    room = MAX_BLOCKS - len(blocks) - 2
    for number, citation in enumerate(citations[:room], start=1):
        blocks.append({"type": "context", "elements": [_mrkdwn(citation_text(number, citation))]})
    if len(citations) > room:
        more = len(citations) - room
        blocks.append({"type": "context", "elements": [_mrkdwn(f"…and {more} more citation(s) not shown.")]})
    blocks.append(footer)
    return fit(answer.text.strip() or "(no answer text)", MAX_TEXT, "…"), blocks


def citation_text(number: int, citation: Citation) -> str:
    """``*[n]* “quote”`` and, below it, the section, report and character span; ``n`` matches the
    ``[n]`` markers in the answer text."""
    quote = " ".join(citation.quote.split())
    if len(quote) > MAX_QUOTE:
        quote = quote[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"
    span = f"chars {citation.start}–{citation.end}"
    where = f"_{escape(citation.section)}_ · {escape(citation.report_id)} ({span})"
    head = f"*[{number}]* “"
    return f"{head}{fit(quote, MAX_TEXT - len(head) - len(where) - 2, ' …')}”\n{where}"


def _footer(answer: Answer) -> Block:
    parts = []
    if answer.report_id:
        parts.append(f"Report: {escape(answer.report_id)}")
    if answer.status != "answered":
        parts.append(f"status: {answer.status}")
    parts.append(f"{escape(answer.backend)} · {answer.latency_ms:.0f} ms")
    return {"type": "context", "elements": [_mrkdwn(" · ".join(parts))]}


def render_message(text: str) -> tuple[str, list[Block]]:
    """A plain notice (placeholder, apology, error, usage) as ``(fallback_text, blocks)``."""
    return fit(text, MAX_TEXT, "…"), [{"type": "section", "text": _mrkdwn(fit(text))}]
