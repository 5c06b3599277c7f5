"""Figures in tables with a row per region or segment and a column per year:

    Market size by region (USD Billion)
    | Region        | 2023 | 2024 | 2032 | CAGR (2024-2032) |
    | North America | 12.1 | 13.0 | 20.4 | 5.8%             |

Rows come as Markdown ``|`` rows or as tab-separated cells (how the HTML loader writes ``<tr>``).
The money unit is read from the header cells or the caption line just above; a money column
without a readable unit is left out and counted. Two-column "Attribute | Details" tables are
key-value pairs (``assistant.parsing.header``), not read here; a two-column table is read when its
header names the measure of its figures ("Region | Share, 2023").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.domain.report import Scope, Span
from assistant.parsing import figures as fig
from assistant.parsing import numbers as num
from assistant.parsing.lines import Doc, Line
from assistant.parsing.quantities import Draft
from assistant.parsing.scopes import ScopeIndex
from assistant.parsing.sections import Outline, unnumbered

_CAGR_CELL = re.compile(r".*\b(?:CAGR|growth rate)\b.*", re.I)
_SHARE_CELL = re.compile(r".*\bshare\b.*", re.I)
_UNIT = re.compile(
    r"(?P<cur>US\s?\$|USD|\$|EUR|€|GBP|£|JPY|¥|INR|₹|CNY|RMB)\s*(?:in\s+)?(?P<unit>thousand|million|billion|trillion|mn|bn|mln|bln|tn|[KMBT])\b"
    r"|(?P<unit2>thousand|million|billion|trillion|mn|bn)\s+(?P<cur2>USD|US\s+dollars?|EUR)\b",
    re.I,
)
_DIMENSION_CELL = re.compile(r"dimension|segment type|segmentation|category", re.I)
_VALUE_CELL = re.compile(r"\b(?:revenue|value|size|sales|share)\b|%", re.I)
_NUMBER = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?")
_TOTAL = re.compile(r"(?:global|total|overall|world(?:wide)?|grand total|market total)", re.I)
_GENERIC_DIMENSION = re.compile(
    r"(?:segments?|regions?|countries|country|geography|category|categories|type)", re.I
)


_BY_HEADING = re.compile(r"(?:segmentation\s+)?by\s+(?P<dim>[A-Za-z][\w -]{1,40})", re.I)


def _heading_over(out: Outline, index: int) -> str:
    """The heading of the block that holds line ``index`` ('' for none)."""
    return next((b.heading for b in out.blocks if b.first <= index < b.stop), "")


_ALIGNED_GAP = re.compile(r"\S {2,}(?=\S)")
# A key-value line ('Growth rate   | CAGR of 11.6%') or a sentence is no row of an aligned table.
_NOT_A_ROW = re.compile(r"\||[.:;]\s*$")
_TRAILING_FIGURE = re.compile(r"^(?P<label>\D.*?) (?P<figure>[-+]?\d[\d.,]*\s?%?)$")


def _aligned_parts(text: str) -> list[re.Match[str]]:
    """Cells of a space-aligned row: runs of text between gaps of two or more spaces, the first one
    cut before a figure it runs into."""
    parts: list[re.Match[str]] = list(re.finditer(r"\S+(?: \S+)*", text))
    if parts and (tail := _TRAILING_FIGURE.match(parts[0].group())):
        first = parts[0]
        label = re.compile(re.escape(tail.group("label"))).match(text, first.start())
        figure = re.compile(re.escape(tail.group("figure"))).match(text, first.start() + tail.start("figure"))
        parts[:1] = [m for m in (label, figure) if m is not None]
    return parts


MAX_ALIGNED_ROW = 200  # longer lines are prose, whatever their spacing


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    start: int  # offset in the report text
    end: int


_LEADER_TAIL = re.compile(r"\s*\.{3,}$")
_PIPE_GAP = re.compile(r"\S\s*\|\s*(?=\S)")


def cells(doc: Doc, line: Line, aligned: bool = False) -> list[Cell]:
    text = line.text
    parts: Iterable[re.Match[str]]
    if text.startswith("|"):
        parts = re.finditer(r"[^|]+", text.strip().strip("|"))
        base = line.start + (len(text) - len(text.lstrip())) + 1
    elif len(_PIPE_GAP.findall(text)) >= 2 and ": " not in text:
        # '  Hardware     | 0.41 | 0.69 | 7.7%': pipes without outer rules ('Base year: 2024 | Forecast
        # period: 2025-2032' is a line of key-value pairs, not a row)
        parts = re.finditer(r"[^|]+", text)
        base = line.start
    elif "\t" in text:
        parts = re.finditer(r"[^\t]+", text)
        base = line.start
    elif (
        aligned and _ALIGNED_GAP.search(text) and len(text) <= MAX_ALIGNED_ROW and not _NOT_A_ROW.search(text)
    ):
        # a plain-text table whose columns are aligned with runs of spaces; a long label may leave
        # a single space before the first figure ('Agricultural residues 31.1%')
        parts = _aligned_parts(text)
        base = line.start
    else:
        return []
    found = []
    for part in parts:
        raw = part.group()
        lead = len(raw) - len(raw.lstrip())
        # ('Europe ...................   34.5%': the label's dot leader is no part of it)
        stripped = _LEADER_TAIL.sub("", raw.strip())
        start = base + part.start() + lead
        found.append(Cell(stripped, start, start + len(stripped)))
    return found


def table_rows(doc: Doc, out: Outline) -> list[list[tuple[Line, list[Cell]]]]:
    """Runs of consecutive table rows with at least three cells."""
    runs: list[list[tuple[Line, list[Cell]]]] = []
    current: list[tuple[Line, list[Cell]]] = []
    after_row = False  # the line before was a row no table took (a key-value pair)
    for line in doc.lines:
        row = [] if line.blank or line.index in out.furniture else cells(doc, line, not out.markup)
        if re.fullmatch(r"\|?\s*:?-{2,}.*", line.text):  # markdown separator row
            continue
        # Three cells start a table, or two in the first row of a table whose header names a
        # measure ('Region | Share, 2023'); a row whose last cells are empty (trimmed away) continues one.
        headed = len(row) == 2 and not after_row and _measure_header(row[1].text)
        if len(row) >= 3 or (current and len(row) >= 2) or headed:
            current.append((line, row))
            after_row = False
            continue
        after_row = len(row) >= 2
        if not line.blank and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


MAX_HEADER_CELL = 40  # a longer cell is a key-value pair's value, not a column's header
_FIGURE_IN_CELL = re.compile(r"\d\s*%|\d[.,]\d|\b\d{1,3}\b")


def _measure_header(text: str) -> bool:
    """A header cell over a column of figures ('Revenue share, 2023', 'CAGR 2025-2033', 'Revenue 2024
    (USD million)'), not a key-value pair's value ('CAGR of 5.9% from 2025 to 2033')."""
    if _FIGURE_IN_CELL.search(text) or len(text) > MAX_HEADER_CELL:
        return False
    measured = _VALUE_CELL.search(text) and (num.YEAR_ONLY.search(text) or _UNIT.search(text))
    return bool(_SHARE_CELL.match(text) or _CAGR_CELL.match(text) or measured)


def table_drafts(doc: Doc, out: Outline, scopes: ScopeIndex) -> tuple[list[Draft], int, set[int]]:
    """Drafts from every table with a year, share or CAGR column, figures left out, and the line
    indexes read."""
    drafts: list[Draft] = []
    skipped = 0
    used: set[int] = set()
    for run in table_rows(doc, out):
        head_line, head = run[0]
        if _YEAR_HEAD.fullmatch(head[0].text.strip("*_ ")):
            # '| Year | Market size (USD million) | Note |' with a row per year: the market's size each year
            found, missed = _year_rows(doc, run)
            drafts += found
            skipped += missed
            used.update(line.index for line, _ in run)
            continue
        caption = " ".join(
            doc.lines[i].text
            for i in range(max(0, head_line.index - 3), head_line.index)
            if not doc.lines[i].blank
        )
        # "Regional Breakdown, 2024" above a table whose columns name no year: every column is 2024.
        caption_years = {int(y) for y in re.findall(rf"\b{num.YEAR}\b", caption)}
        columns = _columns(head, caption_years.pop() if len(caption_years) == 1 else None)
        if not any(kind not in ("note", "dimension") for kind, _ in columns.values()) or len(run) < 2:
            continue
        table_unit = _UNIT.search(" ".join(c.text for c in head) + " " + caption)
        is_share = bool(_SHARE_CELL.match(caption))
        first = head[0].text.strip("*_ ")
        # ('Type | 2025 | 2033' under '### By Type': a generic first header, named by the heading)
        dimension = None if _GENERIC_DIMENSION.fullmatch(first) else first
        by_heading = _BY_HEADING.fullmatch(unnumbered(_heading_over(out, head_line.index)).strip("# "))
        if dimension is None and by_heading and by_heading.group("dim").lower() == first.lower():
            dimension = by_heading.group("dim")
        # 'Segment type | Segment | Share | CAGR': the first column names each row's dimension and
        # the second its segment.
        labels = [cells[0].text.strip("*_ ") for _, cells in run[1:] if cells]
        repeats = len(set(labels)) < len(labels)  # 'Cooling technology' on several rows names a dimension
        by_dimension = (bool(_DIMENSION_CELL.fullmatch(first)) or repeats) and columns.get(1, ("", None))[
            0
        ] == "note"
        if by_dimension:
            del columns[1]
        used.update(line.index for line, _ in run)
        for line, cells in run[1:]:
            if by_dimension and len(cells) < 2:
                continue
            label = cells[1 if by_dimension else 0].text.strip("*_ ")
            row_dimension = next(
                (cells[i].text for i, (kind, _) in columns.items() if kind == "dimension" and i < len(cells)),
                cells[0].text.strip("*_ ") if by_dimension else dimension,
            )
            scope = (
                Scope()
                if _TOTAL.fullmatch(label)
                else scopes.lookup(label) or Scope(kind="segment", name=label, dimension=row_dimension)
            )
            span = doc.span(line.start, line.end)
            for position, cell in enumerate(cells[1:], start=1):
                if position not in columns or position >= len(head) + 1:
                    continue
                kind, years = columns[position]
                if kind == "note":
                    drafts.extend(_note_rates(doc, cell, scope, span))
                    continue
                number = _NUMBER.search(cell.text)
                if number is None:
                    continue
                figure = doc.span(
                    cell.start + number.start(), cell.start + number.end() + _percent_tail(cell, number)
                )
                value = float(number.group().replace(",", ""))
                if years is None:
                    if kind == "share" and scope.kind != "market":  # of the report's base year
                        drafts.append(Draft("share", scope, value, span, figure, "table", needs="base"))
                    elif kind == "cagr" and "%" in cell.text:  # a 'CAGR' column that names no years
                        drafts.append(Draft("cagr", scope, value, span, figure, "table", needs="forecast"))
                    continue
                if kind == "cagr":
                    drafts.append(Draft("cagr", scope, value, span, figure, "table", years[0], years[1]))
                    continue
                if kind == "share" or "%" in cell.text or is_share:
                    if scope.kind != "market":
                        drafts.append(Draft("share", scope, value, span, figure, "table", years[0], years[0]))
                    continue
                unit = _UNIT.search(head[position].text) or table_unit
                if unit is None:
                    skipped += 1
                    continue
                drafts.append(_size_draft(scope, value, span, figure, years[0], unit))
    return drafts, skipped, used


# 'Country notes (2024 revenue, US$ Mn):' over rows of a name and a bare figure
_CAPTION = re.compile(r".{3,120}:\s*")
_VALUE_ROW = re.compile(
    r"\s*(?P<label>[A-Z][\w .&'/()-]{1,40}?)\s*(?:\.{3,}|\s{2,}|:)\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!\s*%|[\d.,])(?:\s.*)?"
)
MIN_CAPTIONED_ROWS = 2


def captioned_values(doc: Doc, out: Outline, scopes: ScopeIndex, read: set[int]) -> list[Draft]:
    """Values listed one per line under a caption that gives their unit and year ('Country notes (2024
    revenue, US$ Mn):' then 'China ....... 189'): each known region's, country's or segment's size.
    The rows stay for the sentences' reader, which reads a note after the value ('(CAGR 14.1%)')."""
    drafts: list[Draft] = []
    lines = [line for line in doc.lines if not line.blank and line.index not in out.furniture]
    for position, line in enumerate(lines):
        if line.index in read or not _CAPTION.fullmatch(line.text):
            continue
        unit = _UNIT.search(line.text)
        years = {int(y) for y in re.findall(rf"\b{num.YEAR}\b", line.text)}
        if unit is None or len(years) != 1:
            continue
        rows: list[tuple[Line, re.Match[str], Scope]] = []
        for row in lines[position + 1 :]:
            found = _VALUE_ROW.fullmatch(row.text)
            scope = scopes.lookup(found.group("label").strip(" .")) if found else None
            if found is None or scope is None or row.index in read:
                break
            rows.append((row, found, scope))
        if len(rows) < MIN_CAPTIONED_ROWS:
            continue
        (year,) = years
        for row, found, scope in rows:
            figure = doc.span(row.start + found.start("n"), row.start + found.end("n"))
            value = float(found.group("n").replace(",", ""))
            drafts.append(_size_draft(scope, value, doc.span(row.start, row.end), figure, year, unit))
    return drafts


def _size_draft(
    scope: Scope, value: float, span: Span, figure: Span, year: int, unit: re.Match[str]
) -> Draft:
    """A size a table states for ``year``, in the currency and scale its ``unit`` match names."""
    scale = (unit.group("unit") or unit.group("unit2")).lower()
    return Draft(
        "market_size",
        scope,
        value,
        span,
        figure,
        "table",
        year,
        year,
        unit=num.UNIT_NAMES[scale],
        currency=fig.currency_code(unit.group("cur") or unit.group("cur2")),
    )


_YEAR_HEAD = re.compile(r"years?|fiscal\s+year|fy|period", re.I)
_SIZE_HEAD = re.compile(r"\b(?:market\s+)?(?:size|value|revenue|sales)\b", re.I)


def _year_columns(doc: Doc, run: list[tuple[Line, list[Cell]]]) -> tuple[list[Draft], int] | None:
    """'Year  2022  2023 ...' over 'US$ Bn  1.52  1.69 ...': the market's size in each year of a table
    with a column per year and a row naming its unit; None when the header is not a row of years."""
    head = run[0][1]
    years = [num.YEAR_ONLY.fullmatch(cell.text.strip("*_ ")) for cell in head[1:]]
    if len(years) < MIN_YEAR_COLUMNS or not all(years):
        return None
    drafts: list[Draft] = []
    skipped = 0
    for line, cells in run[1:]:
        label = cells[0].text if cells else ""
        unit = _UNIT.search(label)
        if unit is None or not (_SIZE_HEAD.search(label) or _UNIT.fullmatch(label.strip())):
            continue  # a row of shipments or prices, or of a part: not the market's size
        for year, cell in zip(years, cells[1:], strict=False):
            number = _NUMBER.fullmatch(cell.text.strip())
            if year is None or number is None:
                skipped += 1
                continue
            drafts.append(
                _size_draft(
                    Scope(),
                    float(number.group().replace(",", "")),
                    doc.span(run[0][0].start, line.end),  # the years' row too, so the quote dates the figure
                    doc.span(cell.start + number.start(), cell.start + number.end()),
                    int(year.group("year")),
                    unit,
                )
            )
    return drafts, skipped


MIN_YEAR_COLUMNS = 3


def _year_rows(doc: Doc, run: list[tuple[Line, list[Cell]]]) -> tuple[list[Draft], int]:
    """The market's size in each year of a table with a row per year and a size column naming its unit
    (or, 'Year 2022 2023 ...' over a row of sizes, a column per year)."""
    across = _year_columns(doc, run)
    if across is not None:
        return across
    head = run[0][1]
    columns = [
        (position, unit)
        for position, cell in enumerate(head)
        if position and _SIZE_HEAD.search(cell.text) and (unit := _UNIT.search(cell.text)) is not None
    ]
    drafts: list[Draft] = []
    skipped = 0
    for line, cells in run[1:]:
        year = num.YEAR_ONLY.fullmatch(cells[0].text.strip("*_ ")) if cells else None
        if year is None:
            continue
        for position, unit in columns:
            number = _NUMBER.search(cells[position].text) if position < len(cells) else None
            if number is None:
                skipped += 1
                continue
            cell = cells[position]
            figure = doc.span(cell.start + number.start(), cell.start + number.end())
            value = float(number.group().replace(",", ""))
            drafts.append(
                _size_draft(
                    Scope(), value, doc.span(line.start, line.end), figure, int(year.group("year")), unit
                )
            )
    return drafts, skipped


def _percent_tail(cell: Cell, number: re.Match[str]) -> int:
    tail = re.match(r"\s?%", cell.text[number.end() :])
    return tail.end() if tail else 0


def _note_rates(doc: Doc, cell: Cell, scope: Scope, span: Span) -> list[Draft]:
    """A CAGR written in a remarks cell: 'Fastest growing, CAGR 9.1% (2025-2033)'."""
    if not _CAGR_CELL.match(cell.text):
        return []
    out = []
    for figure in fig.find(cell.text):
        years = fig.year_range(cell.text, figure, 0)
        if figure.kind == "percent" and years.start is not None and years.start != years.end:
            where = doc.span(cell.start + figure.start, cell.start + figure.end)
            out.append(Draft("cagr", scope, figure.value, span, where, "table", years.start, years.end))
    return out


def _columns(head: list[Cell], caption_year: int | None) -> dict[int, tuple[str, tuple[int, int] | None]]:
    """Column index -> ('year' | 'cagr' | 'share' | 'note' | 'dimension', years) for each header cell;
    a column naming no year takes the caption's year when it names a value or a share."""
    columns: dict[int, tuple[str, tuple[int, int] | None]] = {}
    for position, cell in enumerate(head[1:], start=1):
        text = cell.text.strip("*_ ")
        years = num.year_range(text)
        year = num.YEAR_ONLY.search(text)
        single = (int(year.group("year")),) * 2 if year and not years else None
        if single is None and caption_year is not None:
            single = (caption_year, caption_year)
        if _CAGR_CELL.match(text) and (years or "%" not in text):
            # a 'CAGR' header without years: over the report's forecast period ('(CAGR 12.9%)' in a
            # row read as the header is a figure, not a column's name)
            columns[position] = ("cagr", years)
        elif _CAGR_CELL.match(text):
            columns[position] = ("note", None)
        elif _DIMENSION_CELL.fullmatch(text):
            columns[position] = ("dimension", None)
        elif single and (year or _VALUE_CELL.search(text)):
            columns[position] = ("share" if _SHARE_CELL.match(text) or "%" in text else "year", single)
        elif _SHARE_CELL.match(text):
            columns[position] = ("share", None)  # 'Share of revenue': of the report's base year
        else:
            columns[position] = ("note", None)
    return columns
