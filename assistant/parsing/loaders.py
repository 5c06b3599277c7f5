"""Read a report file into the text that every span offset refers to.

- ``.txt`` / ``.md``: the file decoded as UTF-8 with no newline translation, so offsets are the
  file's own characters.
- ``.html`` / ``.htm``: the visible text (stdlib ``html.parser``); script, style, nav, head and
  similar invisible parts are dropped, and so is text hidden from the reader (``hidden``,
  ``aria-hidden="true"``, ``display:none`` / ``visibility:hidden`` inline or by a ``<style>`` class
  rule), so it is never indexed or quoted. Block elements become paragraphs separated by a blank line,
  list items become "• " lines indented two spaces per nesting level, a table row becomes one line
  with its cells separated by tabs (empty cells kept, so columns stay aligned). ``h1``-``h6`` offsets
  are returned as heading hints.
- ``.pdf``: the text pypdf extracts, pages separated by a blank line.

Anything that cannot be a report (empty, whitespace only, binary, undecodable, too short, mostly
non-letters, larger than ``MAX_BYTES``) raises ``ReportParseError`` naming the file and the reason.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from assistant.errors import ReportError, ReportParseError

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far beyond any report page, small enough to hold in memory.
MIN_WORDS = 30  # fewer words than this cannot hold a report's headline facts
MIN_LETTER_RATIO = 0.5  # share of letters among non-space characters in readable prose
_SAMPLE_CHARS = 200_000
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

_WORD = re.compile(r"[^\W\d_]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


class Heading(NamedTuple):
    """A heading the source marks up (HTML ``h1``-``h6``): offsets into the loaded text."""

    start: int
    end: int
    level: int


class LoadedText(NamedTuple):
    """The loaded text plus the headings its markup declared (empty for plain text and PDF)."""

    text: str
    headings: tuple[Heading, ...] = ()


def load_text(path: Path) -> str:
    """The report's text; see the module docstring for what each file type gives."""
    return load_document(path).text


def load_document(path: Path) -> LoadedText:
    """The report's text with heading hints; raises ReportError / ReportParseError naming ``path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(path, f"unsupported file type '{suffix or path.name}' (expected {_expected()})")
    if not path.exists():
        raise ReportError(path, "file not found")
    if not path.is_file():
        raise ReportError(path, "not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReportParseError(
            path, f"file is {size / 1_048_576:.1f} MB, over the {MAX_BYTES // 1_048_576} MB limit"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ReportParseError(path, "file is empty" if not data else "file holds only whitespace")
    if suffix in PDF_SUFFIXES:
        loaded = LoadedText(_pdf_text(path, data))
    else:
        raw = _decode(path, data)
        loaded = _html_text(raw) if suffix in HTML_SUFFIXES else LoadedText(raw)
    check_readable(path, loaded.text)
    return loaded


def check_readable(path: object, text: str) -> None:
    """Raise ReportParseError unless ``text`` looks like prose long enough to be a report."""
    if not text.strip():
        raise ReportParseError(path, "no readable text (only whitespace or markup)")
    sample = text[:_SAMPLE_CHARS]  # judged on the opening, which is enough and bounds the cost
    if "\x00" in text or len(_CONTROL.findall(sample)) > max(3, len(sample) // 1000):
        raise ReportParseError(path, "binary content (control characters), not report text")
    visible = len(sample) - sum(map(str.isspace, sample))
    letters = sum(map(str.isalpha, sample))
    if visible and letters / visible < MIN_LETTER_RATIO:
        raise ReportParseError(
            path, f"does not look like report text (only {100 * letters // visible}% letters)"
        )
    words = sum(1 for _ in islice(_WORD.finditer(sample), MIN_WORDS))
    if words < MIN_WORDS:
        raise ReportParseError(path, f"too short to be a report ({words} words, need at least {MIN_WORDS})")


def _expected() -> str:
    return ", ".join(sorted(SUFFIXES))


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise ReportParseError(path, "binary file (NUL bytes), not report text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportParseError(
            path, f"not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


def _pdf_text(path: Path, data: bytes) -> str:
    """Text of every page; pypdf is imported here so plain-text parsing never pays for it."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise ReportParseError(path, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReportParseError(path, "PDF is encrypted")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except ReportParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # pypdf reports malformed files through several exception types.
        raise ReportParseError(path, f"malformed PDF: {exc}") from exc
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise ReportParseError(path, "PDF has no extractable text (scanned images?)")
    return text.replace("\x00", "")


# --- HTML -----------------------------------------------------------------------------------------

_HIDDEN = frozenset({"script", "style", "nav", "noscript", "template", "head", "svg", "iframe", "button"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "thead",
        "tbody",
        "tfoot",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "details",
        "summary",
        "address",
        "hr",
        "br",
        "body",
        "html",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "caption",
    }
)
_VOID = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CSS_RULE = re.compile(r"(?P<selectors>[^{}]+)\{(?P<body>[^}]*)\}")
_CSS_CLASS = re.compile(r"^\s*(?:[a-z0-9]*)\.(?P<name>[\w-]+)\s*$", re.I)
_CELLS = frozenset({"td", "th"})


def _hidden_classes(css: str) -> set[str]:
    """Class names a stylesheet hides ('.note{display:none}'); only plain '.name' selectors."""
    names: set[str] = set()
    for rule in _CSS_RULE.finditer(css):
        if _HIDDEN_STYLE.search(rule.group("body")):
            for selector in rule.group("selectors").split(","):
                match = _CSS_CLASS.match(selector)
                if match:
                    names.add(match.group("name"))
    return names


class _VisibleText(HTMLParser):
    """Collects visible text as lines: (prefix, text, heading level or 0, is list item).

    Text a reader cannot see is dropped with its element: ``hidden``, ``aria-hidden="true"``, an
    inline ``display:none`` / ``visibility:hidden`` style, or a class a ``<style>`` rule hides.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, str, int, bool]] = []
        self._buf: list[str] = []
        self._hidden_stack: list[str] = []
        self._list_depth = 0
        self._prefix = ""
        self._in_li = False
        self._heading = 0
        self._pre = 0
        self._css: list[str] = []
        self._hidden_names: set[str] = set()
        self._row_cells = 0  # cells opened in the current table row
        self._cell_depth = 0

    def _hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _HIDDEN:
            return True
        for name, value in attrs:
            if name == "hidden":
                return True
            if name == "aria-hidden" and (value or "").strip().lower() == "true":
                return True
            if name == "style" and value and _HIDDEN_STYLE.search(value):
                return True
            if name == "class" and value and self._hidden_names.intersection(value.split()):
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden_stack:
            if tag == "body" and self._hidden_stack[0] == "head":
                self._hidden_stack.clear()  # an unclosed <head> ends where <body> starts
            elif tag not in _VOID:
                self._hidden_stack.append(tag)
                return
            else:
                return
        if self._hides(tag, attrs):
            if tag not in _VOID:
                self._hidden_stack.append(tag)
            return
        if tag in _CELLS:
            if self._row_cells:
                self._buf.append("\t")
            self._row_cells += 1
            self._cell_depth += 1
            return
        if tag == "tr":
            self._flush()
            self._row_cells = 0
            return
        if tag in _BLOCKS:
            if self._cell_depth and tag not in ("table", "tr"):
                self._buf.append(" ")  # a paragraph or break inside a cell stays in the cell
            else:
                self._flush()
        if tag in ("ul", "ol"):
            self._list_depth += 1
        elif tag == "li":
            self._prefix = "  " * max(0, self._list_depth - 1) + "• "
            self._in_li = True
        elif tag in _HEADINGS:
            self._heading = _HEADINGS[tag]
        elif tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._hidden_stack and tag in _BLOCKS:
            if self._cell_depth:
                self._buf.append(" ")
            else:
                self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden_stack:
            if tag in self._hidden_stack:
                # Close up to the matching tag: end tags the page left out close with it.
                while self._hidden_stack and self._hidden_stack.pop() != tag:
                    pass
                if tag == "style":
                    self._hidden_names |= _hidden_classes("".join(self._css))
            return
        if tag in _CELLS:
            self._cell_depth = max(0, self._cell_depth - 1)
            return
        if tag in _BLOCKS:
            if self._cell_depth and tag not in ("table", "tr"):
                self._buf.append(" ")
                return
            self._flush()
        if tag == "tr":
            self._row_cells = 0
        if tag in ("ul", "ol"):
            self._list_depth = max(0, self._list_depth - 1)
        elif tag in _HEADINGS:
            self._heading = 0
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        elif tag == "li":
            self._in_li = False

    def handle_data(self, data: str) -> None:
        if not self._hidden_stack:
            self._buf.append(data)
        elif self._hidden_stack[-1] == "style":
            self._css.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        raw = "".join(self._buf)
        self._buf = []
        if self._pre:
            text = raw.strip("\n")
            if not text.strip():
                return
        elif "\t" in raw:
            # A table row: every cell kept, empty ones too, so columns stay aligned.
            cells = [_SPACES.sub(" ", cell).strip() for cell in raw.split("\t")]
            if not any(cells):
                return
            text = "\t".join(cells)
        else:
            text = _SPACES.sub(" ", raw).strip()
            if not text:
                return
        self.lines.append((self._prefix, text, self._heading, bool(self._prefix)))
        self._prefix = ""


def _html_text(html: str) -> LoadedText:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    parts: list[str] = []
    headings: list[Heading] = []
    offset = 0
    previous_item = False
    for index, (prefix, text, level, item) in enumerate(parser.lines):
        if index:
            sep = "\n" if item and previous_item else "\n\n"
            parts.append(sep)
            offset += len(sep)
        parts.append(prefix + text)
        start = offset + len(prefix)
        offset += len(prefix) + len(text)
        if level:
            headings.append(Heading(start, offset, level))
        previous_item = item
    return LoadedText("".join(parts), tuple(headings))
