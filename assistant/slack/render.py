"""Render an ``Answer`` for people in Slack: the answer, its working, the numbered sources and the report.

Layout, top to bottom: the question as typed (slash-command replies only, which do not sit under it),
a label when the report does not answer, the answer text, the working of computed figures, parts of
the question left unanswered, report buttons when the bot asks which report is meant, the numbered
verbatim sources with their sections, and the report's title. Verbatim text (quotes, section names,
titles, parts of the question) is shown as ``plain_text`` so no character in it turns into formatting.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.domain.answer import Answer, Citation
from assistant.slack.blocks import (
    MAX_BLOCKS,
    MAX_QUOTE,
    MAX_TEXT,
    Block,
    button,
    context,
    fit,
    literal_quote,
    mrkdwn,
    notification,
    section,
)
from assistant.slack.choices import Asked, action_id, encode

MAX_CHOICES = 5  # report buttons shown; the answer text lists every candidate
LABELS = {
    "unanswerable": ":grey_question: *The report does not answer this.*",
    "rejected": ":no_entry_sign: *This question was not answered.*",
}
CHOOSE_LABEL = ":books: *Several reports fit.* Choose one to answer from:"

_BOLD = re.compile(r"\*\*(.+?)\*\*")

TitleOf = Callable[[str], str | None]


def _plain(text: str) -> dict[str, object]:
    return {"type": "plain_text", "text": fit(text, MAX_TEXT, "…"), "emoji": False}


def _answer_text(answer: Answer) -> str:
    # The model may write CommonMark bold; Slack's mrkdwn bold is a single asterisk.
    return _BOLD.sub(r"*\1*", answer.text.strip()) or "(no answer text)"


def render_answer(
    answer: Answer, *, title_of: TitleOf | None = None, asked: Asked | None = None, echo: bool = False
) -> tuple[str, list[Block]]:
    """Return ``(notification_text, blocks)`` for ``chat.update`` or a ``response_url`` post.

    Args:
        answer: What the assistant answered.
        title_of: Looks up a report's title by id (the footer and sources name reports by title).
        asked: The question as asked; needed to offer report buttons, and quoted when ``echo``.
        echo: Quote the question as typed above the answer.
    """
    title_of = title_of or (lambda _id: None)
    blocks: list[Block] = []
    if echo and asked is not None:
        blocks.append(literal_quote("You asked:", asked.question))
    choices = _choice_buttons(answer, asked)
    if choices:
        blocks.append(context(CHOOSE_LABEL))
    elif answer.status in LABELS:
        blocks.append(context(LABELS[answer.status]))
    blocks.append(section(fit(_answer_text(answer))))
    if answer.working:
        blocks.append(context(fit("Working: " + "  ·  ".join(f"`{line}`" for line in answer.working))))
    if answer.unanswered_parts:
        parts = "; ".join(answer.unanswered_parts)
        blocks.append({"type": "context", "elements": [_plain(f"Not answered from the report: {parts}")]})
    if answer.ungrounded_numbers:
        note = "Not found in the report or a computation: " + ", ".join(answer.ungrounded_numbers)
        blocks.append(context(fit(note)))
    if choices:
        blocks.append({"type": "actions", "block_id": "report_choices", "elements": choices})

    footer = _footer(answer, title_of)
    citations = answer.citations
    if citations:
        blocks.append({"type": "divider"})
    # Keep room for the footer and a "more sources" note.
    room = MAX_BLOCKS - len(blocks) - 2
    for number, citation in enumerate(citations[:room], start=1):
        blocks.append(citation_block(number, citation, answer.report_id, title_of))
    if len(citations) > room:
        blocks.append(context(f"…and {len(citations) - room} more source(s) not shown."))
    if footer is not None:
        blocks.append(footer)
    return notification(answer.text), blocks


def citation_block(number: int, citation: Citation, report_id: str | None, title_of: TitleOf) -> Block:
    """``[n]`` then the verbatim quote and its section (and its report, when not the answer's own);
    ``n`` matches the ``[n]`` markers in the answer text."""
    quote = " ".join(citation.quote.split())
    if len(quote) > MAX_QUOTE:
        quote = quote[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"
    where = f"Section: {citation.section}" if citation.section.strip() else "Section: (untitled)"
    if citation.report_id != report_id:
        where += f" · Report: {title_of(citation.report_id) or citation.report_id}"
    body = f"“{quote}”\n{where}"
    return {"type": "context", "elements": [mrkdwn(f"*[{number}]*"), _plain(body)]}


def _footer(answer: Answer, title_of: TitleOf) -> Block | None:
    if not answer.report_id:
        return None
    title = title_of(answer.report_id) or answer.report_id
    return {"type": "context", "elements": [_plain(f"Report: {title}")]}


def _choice_buttons(answer: Answer, asked: Asked | None) -> list[Block]:
    if not answer.candidates or asked is None:
        return []
    buttons = []
    for index, candidate in enumerate(answer.candidates[:MAX_CHOICES]):
        value = encode(candidate.id, asked)
        if value is None:  # the question is too long to carry; the text still names every report
            return []
        label = candidate.title + (f" ({candidate.years})" if candidate.years else "")
        buttons.append(button(label, action_id(index), value))
    return buttons
