"""A draft answer: text whose [n] markers number the quotes in the order the text cites them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from assistant.domain.answer import FinalDraft, QuoteRef, SeriesPoint, Status

_MARKER = re.compile(r"\[(\d+)\]")


class Quotable(Protocol):
    """Anything with offsets into the report text: a fact's quote, a passage, a sentence."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


class Draft:
    """Collects citations in the order the text cites them; ``cite`` returns the marker '[n]'."""

    def __init__(self) -> None:
        self.quotes: list[QuoteRef] = []
        self.working: list[str] = []
        self.echoed: list[str] = []

    def echo(self, number: str) -> str:
        """A number repeated from the question (a premise being corrected); returns it for the text."""
        self.echoed.append(number)
        return number

    def _cite(self, start: int, end: int, text: str | None) -> str:
        for i, existing in enumerate(self.quotes, 1):
            if (existing.start, existing.end) == (start, end):
                return f"[{i}]"
        self.quotes.append(QuoteRef(start=start, end=end, text=text))
        return f"[{len(self.quotes)}]"

    def cite(self, quote: Quotable) -> str:
        return self._cite(quote.start, quote.end, quote.text)

    def cite_again(self, quote: QuoteRef) -> str:
        """A quote an earlier answer cited (its text may be left to be filled from the report)."""
        return self._cite(quote.start, quote.end, quote.text)

    def cite_all(self, quotes: Sequence[Quotable]) -> str:
        return "".join(self.cite(q) for q in quotes)

    def cite_range(self, quotes: Sequence[Quotable]) -> str:
        """One citation spanning several quotes (e.g. a list); its text is filled from the report."""
        if not quotes:
            return ""
        return self._cite(min(q.start for q in quotes), max(q.end for q in quotes), None)

    def show_working(self, formula: str) -> None:
        """A computed figure's formula, for the reader to check; each is shown once."""
        if formula and formula not in self.working:
            self.working.append(formula)

    def final(self, text: str, status: Status = "answered", series: Sequence[SeriesPoint] = ()) -> FinalDraft:
        return FinalDraft(
            text=text.strip(),
            status=status,
            quotes=list(self.quotes),
            series=list(series),
            working=list(self.working),
            echoed=list(self.echoed),
        )


def combine(parts: Sequence[FinalDraft], unanswered: Sequence[str] = ()) -> FinalDraft:
    """Several parts' answers as one, in the order given: markers renumbered over the joined quotes,
    the first chart kept. Answered if any part is; ``unanswered`` names the parts that are not."""
    if len(parts) == 1 and not unanswered:
        return parts[0]  # its own unanswered parts, if any, kept
    quotes: list[QuoteRef] = []
    texts: list[str] = []
    working: list[str] = []
    echoed: list[str] = []
    for part in parts:
        numbers: dict[int, int] = {}
        for i, quote in enumerate(part.quotes, 1):
            key = next(
                (j for j, q in enumerate(quotes, 1) if (q.start, q.end) == (quote.start, quote.end)), 0
            )
            if not key:
                quotes.append(quote)
                key = len(quotes)
            numbers[i] = key
        text = _renumber(part.text, numbers)
        texts.append("" if text in texts else text)  # two parts one sentence answers: said once
        working.extend(w for w in part.working if w not in working)
        echoed.extend(part.echoed)
    answered = [p for p in parts if p.status == "answered"]
    status: Status = "answered" if answered else parts[0].status
    series = next((p.series for p in parts if p.series), [])
    return FinalDraft(
        text="\n\n".join(t for t in texts if t),
        status=status,
        quotes=quotes,
        series=series,
        working=working,
        # the parts not answered, then what an answered part itself could not give ('methanol's rate')
        unanswered_parts=[
            *unanswered,
            *(u for p in answered for u in p.unanswered_parts if u not in unanswered),
        ],
        echoed=echoed,
    )


def _renumber(text: str, numbers: dict[int, int]) -> str:
    return _MARKER.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", text)
