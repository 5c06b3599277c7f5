"""Tool calls as the planner's scripts make them, and the typed results they get back.

A script is a generator: it yields a batch of ``Call``s, receives one ``Result`` per call (in order),
and finally returns its answer. Calls are built from the tools' own argument schemas, and results
carry the tools' own pydantic models, so a script never reads a tool's JSON by string keys.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from assistant.domain.answer import FinalDraft
from tools.facts import FactResult
from tools.schemas import FactArgs, SearchArgs
from tools.search import Passage, SearchResult

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")


@dataclass(frozen=True)
class Call:
    """A tool call a script wants made: the tool's name and its argument schema filled in."""

    name: str
    args: BaseModel

    def arguments(self) -> dict[str, Any]:
        """The arguments as the tool-calling protocol carries them (unset optional ones left out)."""
        return self.args.model_dump(exclude_none=True)


@dataclass(frozen=True)
class Result:
    """A tool's answer: its typed result, or the readable reason it refused the call."""

    value: BaseModel | None
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None or self.value is None

    def get(self, kind: type[T]) -> T:
        """The result as ``kind``; a refusal or another type is a programming error in the script."""
        if not isinstance(self.value, kind):
            raise TypeError(f"expected a {kind.__name__}, got {self.error or type(self.value).__name__}")
        return self.value

    def message(self) -> str:
        return self.error or (self.value.model_dump_json() if self.value is not None else "")


Steps = Generator[list[Call], list[Result], R]
Turn = dict[str, str]  # one earlier turn of the conversation: {"role": "user" | "assistant", "content": ...}
Script = Steps[FinalDraft]  # one turn's answer: its tool calls by round, then its final draft
ScriptFactory = Callable[[str, list[Turn]], Script]

# Where a chat model's final message carries a FinalDraft (the offline planner's, as a chat model).
DRAFT_KEY = "draft"


def ask(call: Call) -> Steps[Result]:
    """Make one call and return its result."""
    (result,) = yield [call]
    return result


A = TypeVar("A")
B = TypeVar("B")


def together(scripts: Sequence[Steps[R]]) -> Steps[list[R]]:
    """Run scripts side by side: each round carries every unfinished script's calls, so the rounds
    they take are the most any one needs, not their sum. Returns their results in order."""
    done: dict[int, R] = {}
    pending: dict[int, list[Call]] = {}
    for i, script in enumerate(scripts):
        try:
            pending[i] = next(script)
        except StopIteration as stop:
            done[i] = stop.value
    while pending:
        order = list(pending)
        results = yield [call for i in order for call in pending[i]]
        position = 0
        for i in order:
            count = len(pending[i])
            mine, position = results[position : position + count], position + count
            try:
                pending[i] = scripts[i].send(mine)
            except StopIteration as stop:
                done[i] = stop.value
                del pending[i]
    return [done[i] for i in range(len(scripts))]


def both(first: Steps[A], second: Steps[B]) -> Steps[tuple[A, B]]:
    """Two scripts side by side; both results."""
    results: list[Any] = yield from together([first, second])
    return results[0], results[1]


def fetch_facts(report_id: str, *names: str) -> Steps[dict[str, FactResult | None]]:
    """The named facts as lookup_fact returned them; None for one the report does not state."""
    results = yield [Call("lookup_fact", FactArgs(name=name, report_id=report_id)) for name in names]
    found: dict[str, FactResult | None] = {}
    for name, result in zip(names, results, strict=True):
        fact = result.value if isinstance(result.value, FactResult) else None
        found[name] = fact if fact is not None and fact.found else None
    return found


MAX_SEARCH_K = 20
MAX_QUERY_CHARS = 500


def search(query: str, report_id: str, k: int) -> Steps[list[Passage]]:
    """Passages for ``query`` from the report, best first (empty when the search was refused)."""
    args = SearchArgs(query=query[:MAX_QUERY_CHARS], k=min(k, MAX_SEARCH_K), report_id=report_id)
    result = yield from ask(Call("search_passages", args))
    return list(result.value.passages) if isinstance(result.value, SearchResult) else []
