"""The report text as lines with offsets, plus span helpers shared by every extractor.

A ``Line`` keeps the offsets of its content (leading/trailing spaces, the bullet glyph and
markdown emphasis removed), so any fact cut from it is a verbatim slice of the report text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from assistant.domain.report import Span

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
# Bullet glyphs of web pages, markdown ("- ", "* ", "+ ") and PDFs.
_BULLET = re.compile(r"(?:[•●◦○▪▫■□‣⁃·∙➢►▶✓✔]|[-*+–—](?=\s))\s*")
_EMPHASIS = ("**", "__")


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: ``text == doc[start:end]`` is its content without indent or bullet."""

    index: int
    start: int
    end: int
    text: str
    indent: int
    bullet: bool
    raw_start: int  # offset of the line's first character (indent included)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class Doc:
    """The report text, its path (for spans) and its lines."""

    text: str
    path: str
    lines: list[Line] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, path: str) -> Doc:
        doc = cls(text, path)
        for match in _LINE.finditer(text):
            raw = match.group().rstrip("\r\n")
            if not raw and match.start() == len(text):
                break
            doc.lines.append(_make_line(len(doc.lines), match.start(), raw))
        return doc

    def span(self, start: int, end: int) -> Span:
        """A Span over ``text[start:end]``, trimmed of surrounding whitespace."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Span(file=self.path, start=start, end=end, text=self.text[start:end])

    def line_span(self, line: Line) -> Span:
        return Span(file=self.path, start=line.start, end=line.end, text=line.text)

    def line_at(self, offset: int) -> Line:
        """The line holding ``offset``."""
        return self.lines[max(0, bisect_right(self._starts(), offset) - 1)]

    def _starts(self) -> list[int]:
        if len(self.starts) != len(self.lines):
            self.starts = [line.raw_start for line in self.lines]
        return self.starts

    def next_content(self, index: int, limit: int | None = None) -> Line | None:
        """The first non-blank line after line ``index`` (before line ``limit``)."""
        stop = len(self.lines) if limit is None else min(limit, len(self.lines))
        for line in self.lines[index + 1 : stop]:
            if not line.blank:
                return line
        return None


def _make_line(index: int, raw_start: int, raw: str) -> Line:
    stripped = raw.lstrip(" \t\ufeff\u00a0")
    lead = len(raw) - len(stripped)
    indent = len(raw[:lead].replace("\t", "    ").replace("\ufeff", ""))
    bullet = False
    match = _BULLET.match(stripped)
    if match and match.end() < len(stripped):
        bullet = True
        lead += match.end()
        stripped = stripped[match.end() :]
    content = stripped.rstrip()
    start = raw_start + lead
    start, content = unwrap_emphasis(start, content)
    return Line(index, start, start + len(content), content, indent, bullet, raw_start)


def unwrap_emphasis(start: int, text: str) -> tuple[int, str]:
    """Drop markdown ``**...**`` / ``__...__`` around the whole of ``text``, keeping offsets true."""
    for mark in _EMPHASIS:
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            inner = text[len(mark) : -len(mark)]
            if mark not in inner:
                return start + len(mark), inner
    return start, text


def strip_span(doc: Doc, start: int, end: int, chars: str = " \t.,;:") -> tuple[int, int]:
    """Narrow ``start:end`` past leading/trailing ``chars`` and markdown emphasis marks."""
    text = doc.text
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in chars:
            start, changed = start + 1, True
        while end > start and text[end - 1] in chars:
            end, changed = end - 1, True
        for mark in _EMPHASIS:
            if text.startswith(mark, start) and start + len(mark) <= end:
                start, changed = start + len(mark), True
            if end - len(mark) >= start and text[end - len(mark) : end] == mark:
                end, changed = end - len(mark), True
    return start, end
