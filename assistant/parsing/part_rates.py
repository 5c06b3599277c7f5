"""Growth rates that belong to a part of the market, though no extractor could name the part.

"Fastest-growing service line: digital forensics and e-discovery, at an 11.2% CAGR", "| Fastest-growing
organization size | Small and medium-sized enterprises (14.0% CAGR) |", "..., and this segment is
forecast to grow at 15.4% a year": each rate is a part's, never the whole market's. Such a rate takes
the one region or segment its words name before it, else the part the figure before it was about
(for 'this segment'), else it is dropped: a part's rate read as the market's would answer 'what is the
CAGR?' wrongly.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.parsing.quantities import Draft
from assistant.parsing.scopes import ScopeIndex

# 'fastest-growing service line', 'slowest growing segment', but not 'fastest-growing market'
_RANKED_PART = re.compile(
    r"\b(?:fastest|slowest|quickest)[- ]+(?:growing|expanding)\s+(?!markets?\b|industry\b|sector\b)[a-z]",
    re.I,
)
# 'this segment is forecast to grow at ...': the clause's subject is a part named before
_PART_SUBJECT = re.compile(r"\b(?:this|that|the)\s+(?:segment|sub-?segment|category)\b", re.I)
# how far back the figure before may sit for 'this segment' to mean its part (the same paragraph)
_NEAR = 400
# words that put the figure back on the whole market
_MARKET_WORDS = re.compile(r"\b(?:market|industry|overall|global|globally|worldwide|total)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;.]\s|,\s+(?:and|while|whereas|but)\s", re.I)


def rescope_part_rates(drafts: list[Draft], scopes: ScopeIndex) -> list[Draft]:
    """``drafts`` with each market-wide rate that its words give to a part moved to that part, or dropped."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.metric == "cagr" and draft.scope.kind == "market":
            before = _words_before(draft)
            ranked = _RANKED_PART.search(before)
            if ranked and not _MARKET_WORDS.search(before[ranked.end() :]):
                named = {
                    m.scope for m in scopes.mentions(before[ranked.start() :]) if m.scope.kind != "market"
                }
                if len(named) != 1:
                    continue
                draft = replace(draft, scope=named.pop())
            elif _PART_SUBJECT.search(_clause_before(before)):
                last = kept[-1] if kept else None
                if last is None or last.scope.kind == "market" or draft.span.start - last.span.end > _NEAR:
                    continue
                draft = replace(draft, scope=last.scope)
        kept.append(draft)
    return kept


def _words_before(draft: Draft) -> str:
    """The statement's text up to the figure."""
    return draft.span.text[: max(0, draft.figure.start - draft.span.start)]


def _clause_before(before: str) -> str:
    """The clause the figure ends: after the last full stop, semicolon or joining comma."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before
