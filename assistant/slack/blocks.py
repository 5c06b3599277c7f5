"""Block Kit pieces and Slack's text rules: escaping, limits, and text shown exactly as a person typed it.

Slack's limits (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks per message,
3000 characters per section or context text, 10 elements per context block, 75 characters of button
text. Whatever does not fit is shortened with a visible note rather than rejected by Slack.

``&``, ``<`` and ``>`` are Slack's control characters in every text object and are always escaped.
mrkdwn also reads ``*bold*``, ``_italic_``, ``~strike~`` and code marks, and has no escape for them,
so text a person typed is never put into mrkdwn: it goes into a ``rich_text`` block, whose text
elements Slack shows literally, or a ``plain_text`` object.
"""

from __future__ import annotations

import re
from typing import Any

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_TEXT = 3000  # characters per section / context text object
MAX_QUOTE = 600  # a citation longer than this is shown in part; the full span is in the report
MAX_BUTTON_TEXT = 75
PLACEHOLDER = "Looking that up…"
APOLOGY = "Sorry, something went wrong while answering. The error has been logged; please try again later."
BUSY = "Sorry, too many questions are waiting to be answered right now. Please ask again in a minute."

_SHORTENED = "… _(shortened to fit Slack; ask a narrower question for the rest)_"
# Citation markers in answer text: [1], [2, 3], [1-3]; notifications show them as noise.
_MARKERS = re.compile(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control characters in text objects."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit(text: str, limit: int = MAX_TEXT, suffix: str = _SHORTENED) -> str:
    """Escape ``text`` and shorten it to at most ``limit`` characters, ending with ``suffix``.

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


def shorten(text: str, limit: int) -> str:
    """Cut unescaped ``text`` to ``limit`` characters with an ellipsis (for plain and literal text)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def without_markers(text: str) -> str:
    """Drop ``[n]`` citation markers: they point at sources a notification does not show."""
    return " ".join(_MARKERS.sub("", text).split())


def notification(text: str) -> str:
    """The message's top-level ``text``: what notifications and thread history show. Escaped, no markers."""
    return fit(without_markers(text) or "(no answer text)", MAX_TEXT, "…")


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def section(text: str) -> Block:
    """A section of mrkdwn ``text`` the bot wrote (already escaped)."""
    return {"type": "section", "text": mrkdwn(text)}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


def plain_section(text: str) -> Block:
    """A section shown without any formatting: for text that may hold what a person typed."""
    return {
        "type": "section",
        "text": {"type": "plain_text", "text": fit(text, MAX_TEXT, "…"), "emoji": False},
    }


def literal_quote(label: str, text: str) -> Block:
    """``label`` in bold, then ``text`` as a quote exactly as typed (a ``rich_text`` block)."""
    return {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [{"type": "text", "text": label, "style": {"bold": True}}],
            },
            {"type": "rich_text_quote", "elements": [{"type": "text", "text": shorten(text, MAX_TEXT)}]},
        ],
    }


def button(text: str, action_id: str, value: str) -> Block:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": fit(text, MAX_BUTTON_TEXT, "…"), "emoji": False},
        "action_id": action_id,
        "value": value,
    }


def render_message(text: str) -> tuple[str, list[Block]]:
    """A notice the bot wrote (placeholder, apology, usage; may use mrkdwn) as ``(fallback, blocks)``.

    ``text`` must already be safe mrkdwn apart from ``&``, ``<`` and ``>``, which are escaped here.
    """
    return fit(text, MAX_TEXT, "…"), [section(fit(text))]


def render_notice(text: str) -> tuple[str, list[Block]]:
    """A notice that may quote what a person typed (an error naming their input): shown unformatted."""
    return fit(text, MAX_TEXT, "…"), [plain_section(text)]


def placeholder(question: str | None = None) -> tuple[str, list[Block]]:
    """ "Looking that up…", with the question quoted as typed when the reply will not sit under it."""
    text, blocks = render_message(PLACEHOLDER)
    if question:
        blocks.append(literal_quote("You asked:", question))
    return text, blocks
