"""Figures stated as key-value pairs: "Market Size (2024): USD 1.2 Billion", "CAGR (2025-2030): 8.9%",
"Largest market: North America (39.2% share in 2024)", "U.S. Market Size 2024 | USD 9.5 Billion".

The key says what the figure is and often its year; a size key without a year takes the report's
base year, or its forecast end when the key names a projection ("Projected market size").
"""

from __future__ import annotations

import re

from assistant.domain.report import QuantitySource, Scope
from assistant.parsing import figures as fig
from assistant.parsing import header
from assistant.parsing import numbers as num
from assistant.parsing.header import Pair
from assistant.parsing.lines import Doc
from assistant.parsing.quantities import Draft
from assistant.parsing.scopes import ScopeIndex

_MARKET = Scope()


def _source(pair: Pair) -> QuantitySource:
    return "bullet" if pair.form == "bullet" else "table" if pair.form == "table" else "header"


def pair_drafts(doc: Doc, found: list[Pair], scopes: ScopeIndex) -> tuple[list[Draft], int]:
    """Drafts from every figure-bearing pair, and how many figures could not be read."""
    drafts: list[Draft] = []
    skipped = 0
    for pair in found:
        pattern = pair.key_pattern
        scope = pair.scope or _MARKET
        if pattern is header._SIZE_KEY:
            draft, missed = _size(doc, pair, scope)
        elif pattern is header._CAGR_KEY:
            draft, missed = _rate(doc, pair, scope)
        elif pattern is header._SHARE_KEY:
            draft, missed = _share(doc, pair, scope, scopes)
        elif pattern is header._VOLUME_KEY:
            draft, missed = _volume(doc, pair, scope)
        elif pattern is header._REGION_KEY:
            draft, missed = _leader_share(doc, pair, scopes), 0
        else:
            continue
        skipped += missed
        if draft is not None:
            drafts.append(draft)
    return drafts, skipped


def _key_year(match: re.Match[str] | None) -> int | None:
    if match is None:
        return None
    for group in ("y1", "y2", "y3", "y4", "y5"):
        if group in match.re.groupindex and match.group(group):
            return int(match.group(group))
    return None


def _size(doc: Doc, pair: Pair, scope: Scope) -> tuple[Draft | None, int]:
    found = [f for f in fig.find(pair.value) if f.kind == "money"]
    if not found:
        # A size key with a bare number has no readable unit.
        return None, int(
            bool(re.search(r"\d", pair.value)) and not num.YEAR_ONLY.fullmatch(pair.value.strip())
        )
    money = found[0]
    key = header._SIZE_KEY.fullmatch(_key_text(pair))
    year = _key_year(key) or fig.single_year(pair.value, money, 0, 0).start
    needs = None
    if year is None:
        needs = "end" if header._PROJECTION.search(pair.key) else "base"
    figure = doc.span(pair.start + money.start, pair.start + money.end)
    return (
        Draft(
            metric="market_size",
            scope=scope,
            value=money.value,
            unit=money.unit,
            currency=money.currency,
            span=pair.statement(doc, figure.end),
            figure=figure,
            source=_source(pair),
            start_year=year,
            end_year=year,
            needs=needs,
        ),
        0,
    )


def _key_text(pair: Pair) -> str:
    """The key without the scope named before it."""
    if pair.scope is None:
        return pair.key
    for cut in header._SCOPED_TAIL.finditer(pair.key):
        rest = pair.key[cut.end() :]
        if pair.key_pattern is not None and pair.key_pattern.fullmatch(rest):
            return rest
    return pair.key


def _rate(doc: Doc, pair: Pair, scope: Scope) -> tuple[Draft | None, int]:
    found = [f for f in fig.find(pair.value) if f.kind == "percent"]
    if not found:
        return None, 0
    rate = found[0]
    years = num.year_range(pair.key)
    needs = None
    if years is None:
        read = fig.year_range(pair.value, rate, rate.start)
        years = (read.start, read.end) if read.start and read.end and read.start != read.end else None
        needs = "forecast" if read.forecast_phrase else None
    figure = doc.span(pair.start + rate.start, pair.start + rate.end)
    return (
        Draft(
            metric="cagr",
            scope=scope,
            value=rate.value,
            span=pair.statement(doc, figure.end),
            figure=figure,
            source=_source(pair),
            start_year=years[0] if years else None,
            end_year=years[1] if years else None,
            needs=needs,
        ),
        0,
    )


def _share(doc: Doc, pair: Pair, scope: Scope, scopes: ScopeIndex) -> tuple[Draft | None, int]:
    found = [f for f in fig.find(pair.value) if f.kind == "percent"]
    if not found:
        return None, 0
    key = header._SHARE_KEY.fullmatch(_key_text(pair))
    inside = key.group("inside") if key else None
    if inside and scope.kind == "market":
        mentions = scopes.mentions(inside)
        scope = mentions[0].scope if mentions else scope
    if scope.kind == "market":
        return None, 1  # a share of nothing named
    share = found[0]
    key_year = int(key.group("y1")) if key and key.group("y1") else None
    year = _first_year(inside) or key_year or fig.single_year(pair.value, share, 0, 0).start
    figure = doc.span(pair.start + share.start, pair.start + share.end)
    return (
        Draft(
            metric="share",
            scope=scope,
            value=share.value,
            span=pair.statement(doc, figure.end),
            figure=figure,
            source=_source(pair),
            start_year=year,
            end_year=year,
            needs=None if year else "share",
        ),
        0,
    )


def _first_year(text: str | None) -> int | None:
    match = num.YEAR_ONLY.search(text or "")
    return int(match.group("year")) if match else None


def _volume(doc: Doc, pair: Pair, scope: Scope) -> tuple[Draft | None, int]:
    amounts = [f for f in fig.find(pair.value) if f.kind == "amount"]
    if not amounts:
        return None, int(bool(re.search(r"\d", pair.value)))
    amount = amounts[0]
    key = header._VOLUME_KEY.fullmatch(_key_text(pair))
    year = _key_year(key) or fig.single_year(pair.value, amount, 0, 0).start
    if year is None:
        return None, 1
    figure = doc.span(pair.start + amount.start, pair.start + amount.end)
    return (
        Draft(
            metric="volume",
            scope=scope,
            value=amount.value,
            measure=amount.measure,
            span=pair.statement(doc, figure.end),
            figure=figure,
            source=_source(pair),
            start_year=year,
            end_year=year,
        ),
        0,
    )


def _leader_share(doc: Doc, pair: Pair, scopes: ScopeIndex) -> Draft | None:
    """'Largest market: North America (39.2% share in 2024)': the leader's share, if stated."""
    shares = [f for f in fig.find(pair.value) if f.kind == "percent"]
    mentions = scopes.mentions(pair.value)
    if not shares or not mentions or mentions[0].start > shares[0].start:
        return None
    share = shares[0]
    year = fig.single_year(pair.value, share, mentions[0].end, 0).start
    figure = doc.span(pair.start + share.start, pair.start + share.end)
    return Draft(
        metric="share",
        scope=mentions[0].scope,
        value=share.value,
        span=pair.statement(doc, pair.end),
        figure=figure,
        source=_source(pair),
        start_year=year,
        end_year=year,
        needs=None if year else "share",
    )
