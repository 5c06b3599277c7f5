"""Prose as passages: the lines that wrap one paragraph read as one text, so a sentence a page breaks
across lines (Markdown, PDF text, plain-text releases and e-mails) is read as one sentence.

A passage's ``text`` is its lines' contents joined by single spaces, and ``at`` maps a position in it
back to the report text: a span cut from a passage is a verbatim slice of the report, so the quote
of a wrapped sentence holds its line break.

A line continues the line above it when the break looks like a wrap: the line above does not end a
sentence (a full stop after an abbreviation such as "U.S." does not end one) and either the line
below opens in lower case or with a digit, or the line above ends mid-phrase (a lower-case word, a
comma or a hyphen) or is as long as wrapped prose. Bullets, numbered items and table rows are never
joined to the line above; a bullet takes only the indented lines that continue it. Sentences are
then cut inside passages, never across them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from assistant.domain.report import Span
from assistant.parsing.lines import Doc, Line
from assistant.parsing.sections import ANSWER_LABEL

# A line this long that does not end a sentence is wrapped prose, whatever the next line opens with.
WRAP_WIDTH = 60
_CLOSERS = "\"'”’)]*_"
_OPENS_MID_SENTENCE = re.compile(r"(?!\d+[.)]\s)[a-z0-9(%$€£¥₹,–—-]")
# A full stop after these does not end a sentence ("U.S.", "Inc.", "e.g.", "approx.").
ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Pvt|Plc|LLC|St|Dr|Mr|Mrs|Ms|No|Nos|Fig|approx|vs|etc|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|est)\.$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\.\.)\s+(?=[A-Z\"'“(])")  # no dot leader ends one
_MAY_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True, slots=True)
class Passage:
    """Text read as one: ``text[starts[i]:]`` begins at report offset ``offsets[i]``."""

    text: str
    starts: tuple[int, ...]
    offsets: tuple[int, ...]
    first: Line  # the line the passage opens with (its source: a bullet or prose)

    def at(self, position: int) -> int:
        """The report offset of ``text[position]`` (of the end of a line for the space that joins it)."""
        piece = bisect_right(self.starts, position) - 1
        return self.offsets[piece] + position - self.starts[piece]

    def span(self, doc: Doc, start: int, end: int) -> Span:
        """The verbatim report text of ``text[start:end]``, trimmed of surrounding whitespace."""
        return doc.span(self.at(start), self.at(end))

    def part(self, start: int, end: int) -> Passage:
        """``text[start:end]`` as a passage of its own (a sentence)."""
        if len(self.starts) == 1:
            return Passage(self.text[start:end], (0,), (self.offsets[0] + start,), self.first)
        inside = [i for i, s in enumerate(self.starts) if start < s < end]
        return Passage(
            self.text[start:end],
            (0, *(self.starts[i] - start for i in inside)),
            (self.at(start), *(self.offsets[i] for i in inside)),
            self.first,
        )


def single(line: Line) -> Passage:
    return Passage(line.text, (0,), (line.start,), line)


def passages(lines: Iterable[Line], keep: Callable[[str], object] | None = None) -> Iterator[Passage]:
    """The passages of ``lines`` (non-blank lines in page order; a gap in their indexes, such as a
    blank or a skipped line, ends a passage); with ``keep``, only those holding a line it accepts
    (checked line by line, before the lines are joined)."""
    run: list[Line] = []
    for line in lines:
        if run and (line.index != run[-1].index + 1 or not _continues(run, line)):
            if keep is None or any(keep(x.text) for x in run):
                yield join(run)
            run = []
        run.append(line)
    if run and (keep is None or any(keep(x.text) for x in run)):
        yield join(run)


def _continues(run: list[Line], line: Line) -> bool:
    above = run[-1]
    if line.bullet or run[0].bullet and line.indent <= run[0].indent:
        return False
    # Plain string checks on the line ends: this runs for every line of the page.
    stripped = above.text.rstrip(_CLOSERS)
    ends = not stripped or stripped[-1] in ".!?:;"
    if ends and not ABBREVIATION.search(above.text[-12:]) or _table_row(above.text) or _table_row(line.text):
        return False
    if _KEY_VALUE.match(above.text) and _KEY_VALUE.match(line.text):
        return False  # 'Largest end user: K-12 ...' then 'Fastest-growing end user: ...': one pair a line
    last = stripped.rsplit(None, 1)[-1]
    return bool(
        _OPENS_MID_SENTENCE.match(line.text)
        or last[-1] in ",–—(&/-"
        or last[0].islower()
        or len(above.text) >= WRAP_WIDTH
    )


_KEY_VALUE = re.compile(r"\s*[A-Z][\w ()/&'-]{1,40}:\s+\S")


def _table_row(text: str) -> bool:
    return "|" in text or "\t" in text or "...." in text  # cells, or a dot leader ('Base year .... 2024')


def join(run: list[Line]) -> Passage:
    """The lines of ``run`` as one passage."""
    if len(run) == 1:
        return single(run[0])
    starts: list[int] = []
    position = 0
    for line in run:
        starts.append(position)
        position += len(line.text) + 1
    return Passage(" ".join(line.text for line in run), tuple(starts), tuple(x.start for x in run), run[0])


def sentences(passage: Passage) -> Iterator[Passage]:
    """The sentences of ``passage``; a full stop after an abbreviation does not end one. An FAQ
    answer's label ('A:') opens none."""
    label = ANSWER_LABEL.match(passage.text)  # 'A: Nursing preparation held ...' reads from the name
    if label is not None:
        passage = passage.part(label.end(), len(passage.text))
    text = passage.text
    if not _MAY_END.search(text):
        yield passage
        return
    position = 0
    for match in _SENTENCE_END.finditer(text):
        words = text[max(position, match.start() - 12) : match.start()].split()
        if words and ABBREVIATION.search(words[-1]):
            continue
        yield passage.part(position, match.start())
        position = match.end()
    yield passage.part(position, len(text))
