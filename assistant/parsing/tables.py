"""Figures in tables with a row per region or segment and a column per year:

    Market size by region (USD Billion)
    | Region        | 2023 | 2024 | 2032 | CAGR (2024-2032) |
    | North America | 12.1 | 13.0 | 20.4 | 5.8%             |

Rows come as Markdown ``|`` rows or as tab-separated cells (how the HTML loader writes ``<tr>``).
The money unit is read from the header cells or the caption line just above; a money column
without a readable unit is left out and counted. Two-column "Attribute | Details" tables are
key-value pairs (``assistant.parsing.header``), not read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.report import Scope
from assistant.parsing import figures as fig
from assistant.parsing import numbers as num
from assistant.parsing.lines import Doc, Line
from assistant.parsing.quantities import Draft
from assistant.parsing.scopes import ScopeIndex
from assistant.parsing.sections import Outline

_YEAR_CELL = re.compile(rf"(?:FY\s*)?(?P<year>{num.YEAR})\s*[EFAP]?(?:\s*\(.*\))?", re.I)
_CAGR_CELL = re.compile(r".*\b(?:CAGR|growth rate)\b.*", re.I)
_SHARE_CELL = re.compile(r".*\bshare\b.*", re.I)
_UNIT = re.compile(
    r"(?P<cur>US\s?\$|USD|\$|EUR|€|GBP|£|JPY|¥|INR|₹|CNY|RMB)\s*(?:in\s+)?(?P<unit>thousand|million|billion|trillion|mn|bn|mln|bln|tn|[KMBT])\b"
    r"|(?P<unit2>thousand|million|billion|trillion|mn|bn)\s+(?P<cur2>USD|US\s+dollars?|EUR)\b",
    re.I,
)
_NUMBER = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?")
_TOTAL = re.compile(r"(?:global|total|overall|world(?:wide)?|grand total|market total)", re.I)
_GENERIC_DIMENSION = re.compile(
    r"(?:segments?|regions?|countries|country|geography|category|categories|type)", re.I
)


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    start: int  # offset in the report text
    end: int


def _cells(doc: Doc, line: Line) -> list[_Cell]:
    text = line.text
    if text.startswith("|"):
        parts = re.finditer(r"[^|]+", text.strip().strip("|"))
        base = line.start + (len(text) - len(text.lstrip())) + 1
    elif "\t" in text:
        parts = re.finditer(r"[^\t]+", text)
        base = line.start
    else:
        return []
    cells = []
    for part in parts:
        raw = part.group()
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        start = base + part.start() + lead
        cells.append(_Cell(stripped, start, start + len(stripped)))
    return cells


def _rows(doc: Doc, out: Outline) -> list[list[tuple[Line, list[_Cell]]]]:
    """Runs of consecutive table rows with at least three cells."""
    runs: list[list[tuple[Line, list[_Cell]]]] = []
    current: list[tuple[Line, list[_Cell]]] = []
    for line in doc.lines:
        cells = [] if line.blank or line.index in out.furniture else _cells(doc, line)
        if re.fullmatch(r"\|?\s*:?-{2,}.*", line.text):  # markdown separator row
            continue
        if len(cells) >= 3:
            current.append((line, cells))
            continue
        if not line.blank and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def table_drafts(doc: Doc, out: Outline, scopes: ScopeIndex) -> tuple[list[Draft], int, set[int]]:
    """Drafts from every year-column table, figures left out, and the line indexes read."""
    drafts: list[Draft] = []
    skipped = 0
    used: set[int] = set()
    for run in _rows(doc, out):
        head_line, head = run[0]
        columns = _columns(head)
        if sum(1 for kind, _ in columns.values() if kind == "year") < 1 or len(run) < 2:
            continue
        caption = " ".join(
            doc.lines[i].text
            for i in range(max(0, head_line.index - 3), head_line.index)
            if not doc.lines[i].blank
        )
        unit = _UNIT.search(" ".join(c.text for c in head) + " " + caption)
        is_share = bool(_SHARE_CELL.match(caption)) or "%" in caption
        dimension = head[0].text if not _GENERIC_DIMENSION.fullmatch(head[0].text) else None
        used.update(line.index for line, _ in run)
        for line, cells in run[1:]:
            label = cells[0].text
            scope = (
                Scope()
                if _TOTAL.fullmatch(label)
                else scopes.lookup(label) or Scope(kind="segment", name=label, dimension=dimension)
            )
            for position, cell in enumerate(cells[1:], start=1):
                if position not in columns:
                    continue
                kind, years = columns[position]
                number = _NUMBER.search(cell.text)
                if number is None:
                    continue
                figure = doc.span(cell.start, cell.end)
                span = doc.span(line.start, line.end)
                value = float(number.group().replace(",", ""))
                if kind == "cagr":
                    drafts.append(Draft("cagr", scope, value, span, figure, "table", years[0], years[1]))
                elif kind == "share" or "%" in cell.text or is_share:
                    if scope.kind != "market":
                        drafts.append(Draft("share", scope, value, span, figure, "table", years[0], years[0]))
                elif unit is None:
                    skipped += 1
                else:
                    scale = (unit.group("unit") or unit.group("unit2")).lower()
                    currency = unit.group("cur") or unit.group("cur2")
                    drafts.append(
                        Draft(
                            "market_size",
                            scope,
                            value,
                            span,
                            figure,
                            "table",
                            years[0],
                            years[0],
                            unit=num.UNIT_NAMES[scale],
                            currency=fig.currency_code(currency),
                        )
                    )
    return drafts, skipped, used


def _columns(head: list[_Cell]) -> dict[int, tuple[str, tuple[int, int]]]:
    """Column index -> ('year' | 'cagr' | 'share', years) for the header cells it can read."""
    columns: dict[int, tuple[str, tuple[int, int]]] = {}
    for position, cell in enumerate(head[1:], start=1):
        year = _YEAR_CELL.fullmatch(cell.text)
        if _CAGR_CELL.match(cell.text):
            years = num.year_range(cell.text)
            if years:
                columns[position] = ("cagr", years)
        elif year:
            kind = "share" if _SHARE_CELL.match(cell.text) else "year"
            columns[position] = (kind, (int(year.group("year")), int(year.group("year"))))
        elif _SHARE_CELL.match(cell.text):
            match = num.YEAR_ONLY.search(cell.text)
            if match:
                columns[position] = ("share", (int(match.group("year")), int(match.group("year"))))
    return columns
