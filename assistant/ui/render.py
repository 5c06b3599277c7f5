"""Turn an ``Answer`` into what the chat shows: one HTML bubble per message.

Every bubble is a single HTML block with no blank line, so the chat's Markdown renderer passes it
through untouched: nothing a report or a model writes is read as Markdown (no image is fetched, no
link made) and every piece of text is HTML-escaped here. Report text is cleaned of its own Markdown
for display (``display.plain_text``). Citation markers ``[n]`` become links that open the source
panel (``#cite-<turn>-<index>``); report choices become links that ask again (``#ask-<turn>-<k>``).
The page script (``assets.PAGE_JS``) handles both.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.domain.answer import Answer, Citation, ReportChoice
from assistant.ui.cards import report_label
from assistant.ui.display import BULLET, one_line, plain_text, shorten

ABSTENTION_LABEL = "Not answerable from the report"
SHORT_QUOTE_CHARS = 90  # a source's quote under the answer, in characters
LABEL_CHARS = 90  # longest citation label in the source panel picker, in characters
_MARKER = re.compile(r"\[(\d{1,3})\]")
_HELD = re.compile("\x00(\\d+)\x01")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+(.*)$")


@dataclass(frozen=True)
class Block:
    """A paragraph of answer text, or the items of a list."""

    kind: str  # "paragraph" or "list"
    lines: tuple[str, ...]


def text_blocks(text: str) -> list[Block]:
    """The answer's lines grouped into paragraphs and lists. A line with a list marker is an item;
    so is every line after an introduction ending in ':' when the text is written one item a line."""
    lines = [line.strip() for line in text.strip().splitlines()]
    blocks: list[Block] = []
    items: list[str] = []
    listing = False  # after a line ending in ':' that is followed by several lines
    for i, line in enumerate(lines):
        item = _LIST_ITEM.match(line)
        if item or (listing and line):
            items.append(item.group(1) if item else line)
            continue
        if items:
            blocks.append(Block("list", tuple(items)))
            items = []
        if not line:
            listing = False
            continue
        blocks.append(Block("paragraph", (line,)))
        rest = [ln for ln in lines[i + 1 :] if ln]
        listing = line.endswith(":") and len(rest) >= 2
    if items:
        blocks.append(Block("list", tuple(items)))
    return blocks


def _cite_link(turn: int, number: int) -> str:
    return f'<a class="cite" href="#cite-{turn}-{number - 1}" title="Show source {number}">[{number}]</a>'


def inline_html(text: str, turn: int, citations: int, once: bool = False) -> str:
    """One line of answer text: Markdown removed, escaped, ``[n]`` markers as links to source n
    (markers beyond the answer's ``citations`` stay text). ``once`` drops a repeated marker."""
    seen: set[int] = set()

    def hold(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= citations:
            return match.group(0)
        if once and number in seen:
            return ""
        seen.add(number)
        return f"\x00{number}\x01"

    held = _MARKER.sub(hold, text)
    shown = html.escape(" ".join(plain_text(held).split()), quote=False)
    return _HELD.sub(lambda m: _cite_link(turn, int(m.group(1))), shown)


def body_html(text: str, turn: int, citations: int) -> str:
    """The answer text as paragraphs and bullet lists, each item citing its sources once."""
    parts = []
    for block in text_blocks(text):
        if block.kind == "list":
            items = "".join(
                f'<li><span class="bullet">{BULLET} </span>{inline_html(line, turn, citations, once=True)}</li>'
                for line in block.lines
            )
            parts.append(f'<ul class="answer-list">{items}</ul>')
        else:
            parts.append(f"<p>{inline_html(block.lines[0], turn, citations)}</p>")
    return "".join(parts)


def choice_label(choice: ReportChoice) -> str:
    """'Title · Publisher · 2027–2031' (parts the report does not state are left out)."""
    return report_label(choice.title, choice.publisher, choice.years)


def source_line(turn: int, number: int, citation: Citation) -> str:
    """A compact source under the answer: number, section and the start of the quote."""
    section = html.escape(one_line(citation.section) or "Report text")
    quote = html.escape(shorten(one_line(citation.quote), SHORT_QUOTE_CHARS))
    return f'<li>{_cite_link(turn, number)} <span class="source-section">{section}</span> — “{quote}”</li>'


def is_abstention(answer: Answer) -> bool:
    """Unanswerable from a report (not the router asking which report is meant)."""
    return answer.status == "unanswerable" and answer.report_id is not None


def answer_html(answer: Answer, turn: int, text: str | None = None, complete: bool = True) -> str:
    """The bubble of ``answer`` (turn ``turn`` of the conversation). ``text`` replaces the answer's
    text while it streams; ``complete`` adds what follows the text (sources, working, choices)."""
    shown = answer.text if text is None else text
    count = len(answer.citations)
    parts = []
    if is_abstention(answer):
        parts.append(f'<div class="answer-label">{ABSTENTION_LABEL}</div>')
    parts.append(body_html(shown, turn, count))
    if complete:
        if answer.unanswered_parts:
            missing = "; ".join(html.escape(one_line(p)) for p in answer.unanswered_parts)
            parts.append(f'<p class="answer-missing"><strong>Not in the report:</strong> {missing}</p>')
        if answer.candidates:
            links = "".join(
                f'<a class="choice" href="#ask-{turn}-{k}" title="Ask this question of this report">'
                f"{html.escape(choice_label(c))}</a>"
                for k, c in enumerate(answer.candidates)
            )
            parts.append(f'<div class="answer-choices">{links}</div>')
        if answer.citations:
            lines = "".join(source_line(turn, n, c) for n, c in enumerate(answer.citations, start=1))
            parts.append(f'<div class="answer-h">Sources</div><ol class="answer-sources">{lines}</ol>')
        if answer.working:
            steps = "".join(f"<li><code>{html.escape(w)}</code></li>" for w in answer.working)
            parts.append(f'<div class="answer-h">Working</div><ul class="answer-working">{steps}</ul>')
    kind = " abstention" if is_abstention(answer) else ""
    copy = '<button class="copy-answer" type="button" title="Copy the answer as text">Copy</button>'
    return _one_block(
        f'<div class="answer{kind}"><div class="answer-body">{"".join(parts)}</div>'
        f"{copy if complete else ''}</div>"
    )


def pending_html(line: str) -> str:
    """The bubble of an answer not written yet: a progress line."""
    return _one_block(f'<div class="answer pending"><p class="progress">{html.escape(line)}</p></div>')


def refused_html(reason: str) -> str:
    """The bubble of a question that could not be answered (shown until the next question)."""
    return _one_block(f'<div class="answer refused"><p>{html.escape(reason)}</p></div>')


def status_html(reason: str) -> str:
    """The status line under the question box: why a question was not answered."""
    return f'<div class="status-line">⚠️ {html.escape(reason)}</div>' if reason else ""


def question_html(question: str, report_title: str | None = None) -> str:
    """A user's message, shown exactly as typed; ``report_title`` when it was asked of one report."""
    asked = f'<div class="question-report">asked of {html.escape(report_title)}</div>' if report_title else ""
    text = html.escape(question).replace("\n", "<br>")
    return _one_block(f'<div class="question">{text}{asked}</div>')


def _one_block(markup: str) -> str:
    """No line breaks at all: a blank line would end the HTML block and let Markdown in."""
    return markup.replace("\r", " ").replace("\n", " ")


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
    """Short label for the source picker: ``[1] Section — quote…`` (Markdown removed)."""
    section = one_line(citation.section) or "Report text"
    return shorten(f"[{number}] {section} — {one_line(citation.quote)}", LABEL_CHARS)


def citation_choices(turn: int, citations: Sequence[Citation]) -> list[tuple[str, str]]:
    """(label, 'turn:index') pairs for the source picker of one answer."""
    return [(citation_label(i + 1, c), f"{turn}:{i}") for i, c in enumerate(citations)]
