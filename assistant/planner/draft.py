"""Small pieces the answer scripts share: fetching facts and passages through the tools, and a
draft that numbers citations as the text cites them."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from assistant.planner.model import Call, Final, Result

if TYPE_CHECKING:
    from assistant.planner.understanding import PolicyContext


class Draft:
    """Collects citations in the order the text cites them; ``cite`` returns the marker '[n]'."""

    def __init__(self) -> None:
        self.citations: list[dict[str, Any]] = []

    def cite(self, quote: dict[str, Any]) -> str:
        key = (quote["start"], quote["end"])
        for i, existing in enumerate(self.citations, 1):
            if (existing["start"], existing["end"]) == key:
                return f"[{i}]"
        self.citations.append(
            {"quote": quote.get("quote", quote.get("text")), "start": quote["start"], "end": quote["end"]}
        )
        return f"[{len(self.citations)}]"

    def cite_all(self, quotes: list[dict[str, Any]]) -> str:
        return "".join(self.cite(q) for q in quotes)

    def cite_range(self, quotes: list[dict[str, Any]]) -> str:
        """One citation spanning several quotes (e.g. a list); its text is filled from the report."""
        if not quotes:
            return ""
        return self.cite(
            {"quote": None, "start": min(q["start"] for q in quotes), "end": max(q["end"] for q in quotes)}
        )

    def final(self, text: str, status: str = "answered", series: list[dict[str, Any]] | None = None) -> Final:
        return Final(text=text.strip(), status=status, citations=self.citations, series=series or [])


def fetch_facts(ctx: PolicyContext, *names: str) -> Generator[list[Call], list[Result], dict[str, Any]]:
    """The named facts as lookup_fact returned them; None for one the report does not state."""
    results = yield [Call("lookup_fact", {"name": name, "report_id": ctx.report_id}) for name in names]
    found: dict[str, Any] = {}
    for name, result in zip(names, results, strict=True):
        data = result.data
        found[name] = data if not result.error and isinstance(data, dict) and data.get("found") else None
    return found


def search(
    query: str, ctx: PolicyContext, k: int | None = None
) -> Generator[list[Call], list[Result], list[dict[str, Any]]]:
    """Passages for ``query`` from the report, best first (empty when the search was refused)."""
    args = {"query": query[:500], "k": min(k or ctx.search_k, 20), "report_id": ctx.report_id}
    (result,) = yield [Call("search_passages", args)]
    if result.error or not isinstance(result.data, dict):
        return []
    return list(result.data.get("passages", []))
