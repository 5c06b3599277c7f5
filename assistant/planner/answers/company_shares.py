"""Companies' shares a page states in passing ('Frostline ... is the market leader with an estimated
14.5% share of 2024 revenue, followed by Kaltwerk ... at 11.0%') or in a company table under a share
column: most pages rank no companies, so these are read from the lines that name them, never from the
quantity table. A share asked is
quoted; two shares compared, or one share turned into dollars, are worked out by the tools."""

from __future__ import annotations

import re

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import fetch_basis
from assistant.planner.calls import Call, Steps, ask, search
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from assistant.planner.slots import TIMES_AS, Entity
from assistant.text.sentences import Sentence, sentences
from tools.derived import ComparisonResult, ShareResult
from tools.forecast import SizeResult
from tools.schemas import CompareArgs, ShareValueArgs

# the words of a sentence that states a company's share of the market
_SHARE_WORDS = re.compile(r"\b(?:share|revenue|leader|led|leads|followed|behind|ahead)\b", re.I)
# a percentage, and how far after a company's name it may come ('..., held an estimated 6.1% share')
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d+)?)\s?%")
NAME_REACH = 90
_GAP = re.compile(r"\b(?:gap|difference|differ|minus|pts|points|spread|vs\.?|versus|compared?)\b", re.I)
_COMBINED = re.compile(r"\b(?:combined|together|total|sum|add(?:ed)?)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
COMPANY_PASSAGES = 8


def _spellings(company: Entity) -> list[str]:
    """How a sentence may name the company: in full, or by its distinctive first word."""
    first = company.name.split()[0]
    return [company.name, first] if len(first) > 3 else [company.name]


def _share_in(sentence: Sentence, company: Entity, others: list[Entity]) -> float | None:
    """The percentage right after the company's name in ``sentence``, before any other company's."""
    text = sentence.text
    for spelling in _spellings(company):
        at = re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text, re.I)
        if at is None:
            continue
        reach = text[at.end() : at.end() + NAME_REACH]
        for other in others:
            for name in _spellings(other):
                cut = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", reach, re.I)
                if cut is not None:
                    reach = reach[: cut.start()]
        found = _PERCENT.search(reach)
        return float(found.group(1)) if found else None
    return None


def _cells(sentence: Sentence) -> list[str] | None:
    """A table row's cells ('| Acme | Berlin | 14.6% |', or tab-separated), None for prose."""
    text = sentence.text.strip()
    if text.startswith("|"):
        return [cell.strip() for cell in text.strip("|").split("|")]
    return [cell.strip() for cell in text.split("\t")] if "\t" in text else None


def _row_share(cells: list[str], column: int, company: Entity) -> float | None:
    """The share in the row's share column, when the row's first cell names the company."""
    if column >= len(cells) or not any(
        re.fullmatch(rf"[*_\s]*{re.escape(spelling)}\b.*", cells[0], re.I) for spelling in _spellings(company)
    ):
        return None
    found = _PERCENT.search(cells[column])
    return float(found.group(1)) if found else None


def stated_shares(companies: list[Entity], ctx: ReportContext) -> Steps[dict[str, tuple[float, Sentence]]]:
    """Each named company's share as a sentence or a table row of the page states it, with that line."""
    query = " ".join(c.name for c in companies) + " market share leader"
    passages = yield from search(query, ctx.report_id, COMPANY_PASSAGES)
    found: dict[str, tuple[float, Sentence]] = {}
    for passage in sorted(passages, key=lambda p: p.start):
        share_column: int | None = None  # of the table being read, when its header names a share
        for sentence in sentences(passage.text, passage.start):
            cells = _cells(sentence)
            if cells is None:
                share_column = None
            elif all(re.fullmatch(r"[-:\s]*", cell) for cell in cells):
                continue  # the rule under a markdown header
            elif not any(_PERCENT.search(cell) for cell in cells):
                # a header row: 'Company | Headquarters | Est. share of 2024 revenue'
                share_column = next((i for i, c in enumerate(cells) if re.search(r"\bshare", c, re.I)), None)
                continue
            for company in companies:
                if company.name in found:
                    continue
                if cells is not None and share_column is not None:
                    share = _row_share(cells, share_column, company)
                elif _SHARE_WORDS.search(sentence.text):
                    share = _share_in(sentence, company, [c for c in companies if c is not company])
                else:
                    share = None
                if share is not None:
                    found[company.name] = (share, sentence)
    return found


def company_share_answer(
    question: str, companies: list[Entity], asks_money: bool, ctx: ReportContext
) -> Steps[FinalDraft | None]:
    """The shares the page states for ``companies``, compared or turned into dollars when asked; None
    when it states none of them."""
    found = yield from stated_shares(companies, ctx)
    if not found:
        return None
    draft = Draft()
    lines = [
        f"The report puts {_possessive(name)} share at {format_percent(share)} {draft.cite(sentence)}."
        for name, (share, sentence) in found.items()
    ]
    # a company the question names itself, not one a pointer brings from the conversation
    missing = [c.name for c in companies if c.name not in found and _named_in(question, c)]
    if len(found) == 2 and (_GAP.search(question) or _COMBINED.search(question) or TIMES_AS.search(question)):
        (first, (a, _)), (second, (b, _)) = found.items()
        compared = yield from ask(
            Call(
                "compare_values",
                CompareArgs(
                    first_value=a,
                    second_value=b,
                    first_label=f"{first} share",
                    second_label=f"{second} share",
                ),
            )
        )
        if isinstance(compared.value, ComparisonResult):
            result = compared.value
            draft.show_working(result.expression)
            if TIMES_AS.search(question) and result.ratio is not None:
                lines.append(f"{_possessive(first)} share is {result.ratio:g} times {_possessive(second)}.")
            elif _COMBINED.search(question) and not _GAP.search(question) and result.total is not None:
                lines.append(f"Together they hold {format_percent(result.total)}.")
            else:
                lines.append(
                    f"The gap between them is {format_percent(abs(result.difference)).rstrip('%')} percentage points."
                )
    elif len(found) == 1 and asks_money:
        ((name, (share, sentence)),) = found.items()
        value = yield from _share_in_dollars(name, share, sentence, draft, ctx)
        if value:
            lines.append(value)
    if missing:
        lines.append(f"The report states no share for {' or '.join(missing)}.")
    final = draft.final(" ".join(lines))
    if missing:
        final = final.model_copy(update={"unanswered_parts": [f"share of {name}" for name in missing]})
    return final


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _named_in(question: str, company: Entity) -> bool:
    lowered = question.lower()
    return any(spelling.lower() in lowered for spelling in _spellings(company))


def _share_in_dollars(
    name: str, share: float, sentence: Sentence, draft: Draft, ctx: ReportContext
) -> Steps[str]:
    """'That comes to USD 37.36 million of the market's USD 612.40 million in 2024.': the share of the
    market's size in the year the sentence names (else the base year)."""
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return ""
    years = {int(y) for y in _YEAR.findall(sentence.text)}
    year = years.pop() if len(years) == 1 else basis.base_year
    size = yield from ask(Call("market_size_in_year", basis.size_args(year)))
    if not isinstance(size.value, SizeResult):
        return ""
    total = size.value
    part = yield from ask(Call("share_value", ShareValueArgs(total_value=total.value, share_percent=share)))
    if not isinstance(part.value, ShareResult):
        return ""
    draft.show_working(part.value.expression)
    whole = basis.size_said(total, draft)
    return (
        f"The report states no revenue for {name}; its {format_percent(share)} of the market's {whole} comes "
        f"to {format_money(total.currency, part.value.part_value, total.unit)}."
    )
