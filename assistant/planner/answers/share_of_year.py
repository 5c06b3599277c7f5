"""'what's that as a % of the 2025 size?' after a figure: the previous answer's leading amount as a
share of the market's size in the year named. The previous answer is worked out again (so every
number is this turn's own), then its amount is divided by that year's size with the tool."""

from __future__ import annotations

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import MONEY_SAID, format_money, format_percent
from assistant.planner.answers.basis import fetch_basis, in_unit
from assistant.planner.calls import Call, Steps, ask
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from tools.derived import ShareResult
from tools.forecast import SizeResult
from tools.schemas import ShareOfTotalArgs


def share_of_year(earlier: FinalDraft, year: int, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """``earlier``'s leading amount as a percent of the market's size in ``year``; None when the
    earlier answer gives no amount or the report no size to divide by."""
    amount = MONEY_SAID.search(earlier.text)
    if amount is None or earlier.status != "answered":
        return None
    basis = yield from fetch_basis(ctx)
    if not basis.complete:
        return None
    size_result = yield from ask(Call("market_size_in_year", basis.size_args(year)))
    size = size_result.value
    if not isinstance(size, SizeResult):
        return None
    part = in_unit(float(amount.group("number").replace(",", "")), amount.group("unit"), size.unit)
    if part is None:
        return None
    share_result = yield from ask(
        Call("share_of_total", ShareOfTotalArgs(part_value=part, total_value=size.value))
    )
    share = share_result.value
    if not isinstance(share, ShareResult):
        return None
    draft = Draft()
    for quote in earlier.quotes:  # the earlier answer's markers keep their numbers
        draft.cite_again(quote)
    for line in earlier.working:
        draft.show_working(line)
    draft.show_working(share.expression)
    said = amount.group(0)
    whole = basis.size_said(size, draft)
    text = (
        f"{earlier.text} That is {format_percent(share.share_percent)} of the market's {whole}: "
        f"{said} against {format_money(size.currency, size.value, size.unit)}."
    )
    return draft.final(text)
