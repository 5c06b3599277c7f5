"""What every surface renders: an ``Answer`` with its status, text, citations and computations."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Status = Literal["answered", "unanswerable", "rejected"]


# How an answer introduces a second value the page states for the same figure: what follows it is
# the page's other figure, not the answer's (the FAQ check compares the answer's own figures).
ALSO_STATED = "The page also states"


class Citation(BaseModel):
    """A verbatim quote: ``report.text[start:end] == quote``."""

    report_id: str
    section: str = Field(description="Heading of the section holding the quote.")
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Computation(BaseModel):
    """One deterministic tool call whose output the answer uses."""

    tool: str = Field(description="Tool name, e.g. 'market_size_in_year'.")
    inputs: dict[str, Any]
    output: dict[str, Any]
    expression: str = Field("", description="Human-readable working, e.g. '6.71 x 1.0565^4 = 8.36'.")


class SeriesPoint(BaseModel):
    """One year of a market-size series drawn as a chart."""

    year: int
    value: float
    unit: str
    kind: Literal["stated", "computed", "extrapolated", "backcast"]


class QuoteRef(BaseModel):
    """A span of the report a draft cites; ``text`` None means 'the report's text at these offsets'."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = None


class FinalDraft(BaseModel):
    """A model's answer before it is checked: text whose [n] markers point into ``quotes`` (1-based).

    The offline planner returns one directly; for an LLM backend the agent builds one from its tool
    calls. Either way it goes through the same verification (quotes against the report text, numbers
    against quotes and computations) to become an ``Answer``.
    """

    text: str
    status: Status = "answered"
    quotes: list[QuoteRef] = Field(default_factory=list)
    series: list[SeriesPoint] = Field(default_factory=list)
    working: list[str] = Field(default_factory=list)
    unanswered_parts: list[str] = Field(default_factory=list)
    echoed: list[str] = Field(
        default_factory=list,
        description="Numbers the text repeats from the question (a premise it corrects).",
    )


class ReportChoice(BaseModel):
    """A report the user may mean, offered when a question fits several (best match first)."""

    id: str
    title: str
    publisher: str | None = None
    years: str | None = Field(None, description="The report's forecast period, e.g. '2025-2031'.")
    score: float = Field(0.0, description="How well the question matches the report, higher is better.")


class Answer(BaseModel):
    """The assistant's reply to one question."""

    question: str
    status: Status
    text: str
    citations: list[Citation] = Field(default_factory=list)
    computations: list[Computation] = Field(default_factory=list)
    series: list[SeriesPoint] = Field(
        default_factory=list, description="Market size by year, when the answer is about size or growth."
    )
    report_id: str | None = None
    backend: str = Field("offline", description="Which model wrote the answer.")
    latency_ms: float = 0.0
    ungrounded_numbers: list[str] = Field(
        default_factory=list, description="Numbers the guard found in no quote or computation."
    )
    unanswered_parts: list[str] = Field(
        default_factory=list, description="Parts of a several-part question the report cannot answer."
    )
    candidates: list[ReportChoice] = Field(
        default_factory=list, description="Reports the question may mean, when it is asked back."
    )
    working: list[str] = Field(
        default_factory=list,
        description="Formulas of the computed figures, for people: '6.71 x 1.0565^4 = 8.36'; none for stated ones.",
    )

    def to_json_dict(self) -> dict[str, Any]:
        """The stable JSON shape the CLI, the /ask endpoint and evals share."""
        data = self.model_dump(mode="json")
        data["answer"] = data.pop("text")
        return data
