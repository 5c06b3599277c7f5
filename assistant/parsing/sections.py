"""Headings, page furniture and sections.

Decisions (documented here because chunking and citations rely on them):

- Headings come from markup when the source has it (markdown ``#`` lines, HTML ``h1``-``h6``), from a
  vocabulary of report headings in any layout ("Market Overview", "Key Market Drivers", "Report
  Scope:", "Frequently asked questions", ...; ``data/headings.txt``), and, in plain text without markup, from a standalone
  short title-like line followed by prose (or an ALL CAPS line). A heading repeated on the next line
  (web pages print tab titles twice) counts once.
- Numbered section headings in plain text ("1. Executive Summary", "2.1 By Product") count when the
  page numbers its sections in levels (at least one "2.1"): a standalone numbered title-like line is
  then a heading, its number left out of the heading text. A page of single numbers alone could be a
  numbered list of companies, so it does not count.
- Page furniture is left in ``Report.text`` (offsets stay true) but is never inside a section:
  navigation and call-to-action lines ("Main Content start here", "Download Free Sample Report";
  ``data/furniture.txt``),
  cookie notices, and everything under a "Related Reports"-style heading. A furniture line inside a
  section ends that piece; the text after it continues as another section with the same heading.
- Sections are flat: each heading starts one, whatever its level. ``Section.start:end`` covers the
  body below the heading (the heading line itself is in ``Section.heading``), trimmed of blank lines.
  Text before the first heading becomes a section headed by the report title.
- "Table of content(s)" stays a section (it is the report's own outline) but ``is_navigation`` marks
  it so chunkers may skip it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.domain.report import Section
from assistant.parsing import vocab
from assistant.parsing.lines import Doc, Line
from assistant.parsing.loaders import Heading

KNOWN_HEADING = re.compile(rf"{vocab.pattern('headings', 'headings')}\s*:?", re.I)
NAVIGATION_HEADING = re.compile(r"table of contents?", re.I)
_FURNITURE_LINE = re.compile(rf"{vocab.pattern('furniture', 'lines')}\s*[.:]?", re.I)
_FURNITURE_REGION = re.compile(rf"{vocab.pattern('headings', 'furniture-regions')}\s*:?", re.I)
# Page footers, markdown rules and breadcrumbs: "© 2024 Acme Research. All rights reserved.", "---",
# "Home > Energy & Power > Industrial Equipment".
_FOOTER = re.compile(
    # ('(c) 2024 Acme', not a list's third item '(c) Foodservice menus. ...')
    r"(?:©|\(c\)(?=\s*(?:19|20)\d\d)|copyright\b).{0,150}|[-*_]{3,}|.{0,150}\ball rights reserved\b.{0,50}"
    r"|[^>\n]{1,60}(?:\s+(?:>|»|›)\s+[^>\n]{1,60}){1,6}",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b.{0,300}?\b(?:use|consent|accept|policy|experience)\b", re.I)
_RELEASE_END = re.compile(r"(?:END|ENDS|-?30-?)\W*", re.I)
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_DIGIT = re.compile(r"\d")
# Web pages print segmentation tab titles as a run of lines: "By Type", "By Region", ...
_BY_LINE = re.compile(r"By [A-Z][\w &/,-]{1,50}")
_END_PUNCT = re.compile(r"[.,;!?]$")
_HAS_FIGURE = re.compile(r"\d[\d.,]*\s*%|\$|USD|\t|\|")


@dataclass(frozen=True, slots=True)
class Block:
    """The lines under one heading, up to the next heading; ``furniture`` lines must be skipped."""

    heading: str
    level: int
    line: int  # index of the heading line, -1 for the lead-in
    first: int  # first body line index
    stop: int  # one past the last body line index
    furniture: bool  # the whole block is furniture (e.g. "Related Reports")


@dataclass(slots=True)
class Outline:
    """Blocks in document order plus the indexes of furniture lines."""

    blocks: list[Block]
    furniture: set[int]
    markup: bool  # the source declared its headings (markdown or HTML)

    def find(self, pattern: re.Pattern[str]) -> Iterator[Block]:
        """Content blocks whose heading matches ``pattern`` in full, its number aside ('6.2 Recent
        Developments')."""
        return (b for b in self.blocks if not b.furniture and pattern.fullmatch(unnumbered(b.heading)))

    def body(self, doc: Doc, block: Block) -> Iterator[Line]:
        """Non-blank, non-furniture lines of ``block``."""
        for line in doc.lines[block.first : block.stop]:
            if not line.blank and line.index not in self.furniture:
                yield line


_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})[.)]?\s+(?=[A-Za-z])")


def unnumbered(heading: str) -> str:
    """A heading without its section number ('5.3 By Provider Type' -> 'By Provider Type')."""
    return _SECTION_NUMBER.sub("", heading)


def is_navigation(section: Section) -> bool:
    """True for sections that only list the report's outline (table of contents)."""
    return bool(NAVIGATION_HEADING.fullmatch(section.heading))


def is_furniture_line(text: str) -> bool:
    return bool(
        _FURNITURE_LINE.fullmatch(text)
        or (" | " in text and all(_FURNITURE_LINE.fullmatch(part.strip()) for part in text.split(" | ")))
        or _FOOTER.fullmatch(text)
        or (len(text) < 600 and _COOKIE.search(text) is not None)
    )


def outline(doc: Doc, hints: Sequence[Heading] = ()) -> Outline:
    """Find headings and furniture in ``doc``; ``hints`` are HTML heading offsets from the loader."""
    starts = {line.start: line for line in doc.lines if not line.blank}
    found: dict[int, tuple[str, int]] = {}  # line index -> (heading text, level)
    for hint in hints:
        line = starts.get(hint.start)
        if line is not None:
            found[line.index] = (_clean(line.text), hint.level)
    markdown = False
    for line in doc.lines:
        match = None if line.bullet else _MD_HEADING.match(line.text)
        if match and not _RELEASE_END.fullmatch(match.group(2)):  # '### END ###' closes a press release
            markdown = True
            found[line.index] = (_clean(match.group(2)), len(match.group(1)))
    markup = markdown or bool(hints)
    furniture: set[int] = set()
    merged: dict[int, int] = {}  # heading line -> last line of the heading (runs of "By ..." tabs)
    for line in doc.lines:
        if line.blank or line.index in found or any(a < line.index <= b for a, b in merged.items()):
            continue
        run = _by_run(doc, line)
        if run:
            found[line.index] = (" | ".join(item.text for item in run), 2)
            merged[line.index] = run[-1].index
            continue
        if is_furniture_line(line.text):
            furniture.add(line.index)
        elif (asked := _faq_question(doc, line)) is not None:
            found[line.index] = (asked, 3)  # 'Q: What is holding it back?' over its 'A: ...'
        elif (
            not line.bullet
            and (KNOWN_HEADING.fullmatch(line.text) or _FURNITURE_REGION.fullmatch(line.text))
            or not markup
            and _looks_like_heading(doc, line)
        ):
            found[line.index] = (_clean(line.text), 2)
    if not markup:
        for index, heading in _numbered_headings(doc, found).items():
            found[index] = heading
    return Outline(_blocks(doc, found, furniture, merged), furniture, markup)


_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+([A-Z].*)")


def _numbered_headings(doc: Doc, found: dict[int, tuple[str, int]]) -> dict[int, tuple[str, int]]:
    """Standalone numbered title lines, when the page numbers its sections in levels ("2.1")."""
    candidates: dict[int, tuple[str, int]] = {}
    levelled = False
    capitals = True  # every numbered title in capitals ('1. MARKET SNAPSHOT'): headings, levels or not
    for line in doc.lines:
        match = None if line.blank or line.bullet or line.index in found else _NUMBERED.fullmatch(line.text)
        if match is None or not _title_like(match.group(2)):
            continue
        if not (
            _standalone(doc, line)
            or _heads_indented_body(doc, line)
            or _heads_prose(doc, line, match.group(1))
        ):
            continue
        number = match.group(1)
        levelled = levelled or "." in number
        capitals = capitals and match.group(2).isupper()
        candidates[line.index] = (_clean(match.group(2)), number.count(".") + 2)  # the title is level 1
    return candidates if (levelled or capitals) and len(candidates) >= 3 else {}


def _neighbours(doc: Doc, line: Line) -> tuple[Line | None, Line | None]:
    """The lines right above and right below ``line``, None at the page's ends."""
    before = doc.lines[line.index - 1] if line.index else None
    after = doc.lines[line.index + 1] if line.index + 1 < len(doc.lines) else None
    return before, after


def _standalone(doc: Doc, line: Line) -> bool:
    """Blank, a drawn rule ('-----') or nothing on both sides of ``line``."""
    before, after = _neighbours(doc, line)
    return _spacer(before) and _spacer(after)


def _heads_prose(doc: Doc, line: Line, number: str) -> bool:
    """'3.1 By component' over its body with no blank between: a numbered sub-heading ('3.1', not
    '3.') with a spacer above and its paragraph, rows or list right below."""
    before, after = _neighbours(doc, line)
    return (
        "." in number.strip(".")
        and _spacer(before)
        and after is not None
        and not after.blank
        and _NUMBERED.fullmatch(after.text) is None
    )


def _heads_indented_body(doc: Doc, line: Line) -> bool:
    """A spacer above ``line`` and, right below it, a line indented deeper: its body."""
    before, after = _neighbours(doc, line)
    return _spacer(before) and after is not None and not after.blank and after.indent > line.indent


_RULE = re.compile(r"[-=_*~]{3,}")


_FAQ_QUESTION = re.compile(r"(?:Q|Question)\s*[:.]\s+(?P<asked>\S.{2,150}\?)\s*")
# an FAQ answer's label: 'A: Nursing preparation held 27.3% ...'
ANSWER_LABEL = re.compile(r"(?:A|Ans|Answer)\s*[:.]\s+(?=\S)")


def _faq_question(doc: Doc, line: Line) -> str | None:
    """'Q: What is holding it back?' with its 'A: ...' on the next line: a heading of the answer."""
    asked = _FAQ_QUESTION.fullmatch(line.text)
    after = doc.next_content(line.index)
    if asked is None or after is None or not ANSWER_LABEL.match(after.text):
        return None
    return asked.group("asked")


MIN_BODY_CHARS = 80  # a paragraph, not another short line of a list


def _heads_its_paragraph(doc: Doc, line: Line, capitals: bool) -> bool:
    """'DEAL FLOW AND CATALYSTS' or 'Investment Thesis' with a spacer above and its paragraph right
    below, no blank between: a heading in capitals, or in title case of a few words."""
    before, after = _neighbours(doc, line)
    if not _spacer(before) or after is None or after.blank or _END_PUNCT.search(line.text):
        return False
    if len(after.text) < MIN_BODY_CHARS and not (capitals and after.bullet):
        return False
    if capitals:
        return True
    words = re.findall(r"[A-Za-z][\w'-]*", line.text)
    long_words, titled = _titled(line.text)
    return 1 <= len(words) <= MAX_RUN_IN_WORDS and bool(long_words) and titled == long_words


def _titled(text: str) -> tuple[int, int]:
    """How many words of four letters or more ``text`` has, and how many of them open in capitals."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return len(words), sum(1 for w in words if w[0].isupper())


MAX_RUN_IN_WORDS = 6


def _spacer(line: Line | None) -> bool:
    return line is None or line.blank or bool(_RULE.fullmatch(line.text))


def _title_like(text: str) -> bool:
    """Short, capitalised, without figures or closing punctuation: a title, not a sentence."""
    return _short_and_capitalised(text) and not _HAS_FIGURE.search(text) and not _END_PUNCT.search(text)


def _short_and_capitalised(text: str) -> bool:
    """As long as a heading may be, and opening with a capital."""
    return len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS and text[:1].isupper()


MAX_HEADING_CHARS, MAX_HEADING_WORDS = 70, 9


def build_sections(doc: Doc, out: Outline, title: str) -> list[Section]:
    """Sections from the outline: body spans split at furniture lines, blank edges trimmed."""
    sections: list[Section] = []
    for block in out.blocks:
        if block.furniture:
            continue
        heading = block.heading or title
        piece: list[Line] = []
        for line in doc.lines[block.first : block.stop]:
            if line.index in out.furniture:
                _emit(doc, heading, piece, sections)
                piece = []
            elif not line.blank:
                piece.append(line)
        _emit(doc, heading, piece, sections)
    return sections


def _emit(doc: Doc, heading: str, piece: list[Line], sections: list[Section]) -> None:
    if not piece:
        return
    # Whole lines: from the first line's first character (so a bullet keeps its glyph) to the end
    # of the last line (so closing emphasis marks stay), then trimmed of whitespace.
    start = piece[0].raw_start
    end = piece[-1].end
    while end < len(doc.text) and doc.text[end] not in "\r\n":
        end += 1
    span = doc.span(start, end)
    sections.append(Section(heading=heading, text=span.text, start=span.start, end=span.end))


def _by_run(doc: Doc, line: Line) -> list[Line]:
    """Two or more consecutive standalone "By ..." lines (segmentation tab titles), else []."""
    run: list[Line] = []
    current: Line | None = line
    while current is not None and not current.bullet and _BY_LINE.fullmatch(current.text):
        run.append(current)
        current = doc.next_content(current.index)
    return run if len(run) >= 2 else []


def _blocks(
    doc: Doc, found: dict[int, tuple[str, int]], furniture: set[int], merged: dict[int, int]
) -> list[Block]:
    blocks: list[Block] = []
    order = sorted(found)
    first_heading = order[0] if order else len(doc.lines)
    if any(not line.blank and line.index not in furniture for line in doc.lines[:first_heading]):
        blocks.append(Block("", 1, -1, 0, first_heading, False))
    position = 0
    while position < len(order):
        index = order[position]
        heading, level = found[index]
        last = merged.get(index, index)
        position += 1
        # A heading printed twice in a row (page tab, then title) is one heading.
        while position < len(order):
            nxt = doc.next_content(last)
            if nxt is None or nxt.index != order[position] or found[nxt.index][0].lower() != heading.lower():
                break
            last = nxt.index
            position += 1
        stop = order[position] if position < len(order) else len(doc.lines)
        is_furniture = bool(_FURNITURE_REGION.fullmatch(heading))
        if is_furniture:
            furniture.update(range(index, stop))
        blocks.append(Block(heading, level, index, last + 1, stop, is_furniture))
    return blocks


def _clean(text: str) -> str:
    """Heading text without a trailing colon or markdown emphasis."""
    text = text.strip().rstrip(":").strip()
    for mark in ("**", "__"):
        if text.startswith(mark) and text.endswith(mark) and len(text) > 2 * len(mark):
            text = text[len(mark) : -len(mark)].strip()
    return text


def _looks_like_heading(doc: Doc, line: Line) -> bool:
    """A standalone short title-like line in plain text, followed by prose or a list."""
    text = line.text
    if line.bullet or not _short_and_capitalised(text):
        return False
    if _DIGIT.search(text) or _HAS_FIGURE.search(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    capitals = bool(letters) and all(ch.isupper() for ch in letters) and len(letters) > 3
    if capitals and _heads_indented_body(doc, line):
        return True  # 'KEY COMPANIES AND HEADQUARTERS' over its indented rows
    if not _standalone(doc, line):
        return _heads_its_paragraph(doc, line, capitals)
    nxt = doc.next_content(line.index)
    if nxt is None:
        return False
    if capitals:
        return True
    if text.endswith(":"):
        return nxt.bullet or len(nxt.text) >= 80
    if _END_PUNCT.search(text):
        return False
    long_words, titled = _titled(text)
    return titled * 2 >= long_words and not nxt.bullet and (len(nxt.text) >= 80 or nxt.text.endswith("."))
