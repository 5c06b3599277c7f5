"""Typed view of a parsed report: sections, a fact sheet whose every fact carries its source span,
the report's own FAQ, and the consistency verdict on its headline arithmetic.

Offsets are Python string indices into ``Report.text``: for .txt and .md reports that is the file
exactly as decoded (read with ``newline=""``), for .html and .pdf the extracted text. Page furniture is
left in place and skipped by sections and chunks, so ``report.text[span.start:span.end] == span.text``
always holds and a quote can be found again in the file.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Unit = Literal["thousand", "million", "billion", "trillion"]


class Span(BaseModel):
    """Where a fact came from: the file, character offsets and the verbatim text there."""

    file: str = Field(description="Path of the report file the offsets refer to.")
    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The verbatim source text between start and end.")


class Section(BaseModel):
    """A headed part of the report; ``text`` is the source between ``start`` and ``end``."""

    heading: str
    text: str
    start: int
    end: int


class Money(BaseModel):
    """A market size, e.g. USD 6.71 billion in 2025."""

    amount: float = Field(description="The number as stated, in `unit`.")
    unit: Unit = Field(description="Scale of `amount`.")
    currency: str = Field("USD", description="ISO currency code.")
    year: int | None = Field(None, description="Year the size refers to.")
    span: Span


class Rate(BaseModel):
    """A compound annual growth rate; percent=5.65 means 5.65 %."""

    percent: float
    start_year: int | None = None
    end_year: int | None = None
    span: Span


class Period(BaseModel):
    """A span of years such as the forecast period 2027-2031."""

    start_year: int
    end_year: int
    span: Span


class Named(BaseModel):
    """A named thing the report states: a region, segment, company or country."""

    name: str
    span: Span
    children: list[Named] = Field(default_factory=list, description="E.g. a region's countries.")


class Development(BaseModel):
    """A dated recent development: who did what, when."""

    date: str = Field(description="As precise as the report: 'YYYY-MM' or 'YYYY'.")
    company: str
    summary: str = Field(description="The development's full sentence(s), verbatim.")
    span: Span


class FaqPair(BaseModel):
    """One of the report's own FAQ entries."""

    question: str
    answer: str = Field(description="The report's answer, verbatim.")
    question_source: Literal["report", "reconstructed"] = Field(
        "report", description="'reconstructed' when the page shows only the answer."
    )
    topic: str | None = Field(None, description="market_size, largest_region, fastest_segment, cagr, ...")
    span: Span = Field(description="Span of the answer in the source.")


class Consistency(BaseModel):
    """Recomputation of base x (1 + CAGR)^years against the stated end value."""

    status: Literal["agree", "disagree", "unknown"]
    base: float | None = None
    percent: float | None = None
    years: int | None = None
    computed_end: float | None = None
    stated_end: float | None = None
    implied_percent: float | None = Field(None, description="CAGR implied by base and stated end.")
    message: str


Metric = Literal["market_size", "cagr", "share", "volume", "price", "count", "growth"]
ScopeKind = Literal["market", "region", "country", "segment"]
PeriodKind = Literal["historical", "base", "forecast"]
QuantitySource = Literal["header", "bullet", "prose", "table", "faq"]


class Scope(BaseModel):
    """What a figure is about: the whole market, a region, a country or a segment of it."""

    kind: ScopeKind = "market"
    name: str | None = Field(
        None, description="As the page names it ('Europe', 'Hospitals'); None for the market."
    )
    dimension: str | None = Field(
        None, description="Segmentation the name is listed under: 'Region', 'End User', 'Product Type'."
    )

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the scope for grouping: kind and lower-cased name."""
        return self.kind, (self.name or "").casefold()


class Quantity(BaseModel):
    """One figure the page states, typed: what it measures, of what, for which years, in which unit."""

    metric: Metric
    scope: Scope = Field(default_factory=Scope)
    start_year: int | None = Field(None, description="First year; the only year for a one-year figure.")
    end_year: int | None = Field(None, description="Last year; equal to start_year for a one-year figure.")
    period: PeriodKind | None = Field(
        None, description="Relative to the report's base year: before it, it, or after it (None: no year)."
    )
    value: float = Field(description="As stated in `unit` (a percent for cagr, share and growth: 5.65).")
    unit: Unit | None = Field(None, description="Scale of a money figure; None otherwise.")
    currency: str | None = Field(None, description="ISO code of a money figure.")
    measure: str | None = Field(None, description="For volume, price and count: 'units', 'tonnes', 'per kg'.")
    span: Span = Field(description="The sentence or key-value fragment stating the figure, verbatim.")
    figure: Span = Field(description="The figure itself ('USD 6.71 Billion', '5.65%'), inside `span`.")
    source: QuantitySource

    @property
    def years(self) -> tuple[int | None, int | None]:
        return self.start_year, self.end_year


class QuantityConflict(BaseModel):
    """Figures of the same metric, scope and years that the page states with different values."""

    metric: Metric
    scope: Scope
    start_year: int | None = None
    end_year: int | None = None
    quantities: list[Quantity] = Field(description="Every differing statement, in page order.")
    message: str


class FactSheet(BaseModel):
    """Headline facts; a fact the report does not state is None or empty, never guessed.

    ``quantities`` holds every figure the page states; the headline money and rate fields are views
    of it chosen by ``assistant.domain.basis.forecast_basis``.
    """

    market_size: Money | None = Field(None, description="Base-year market size.")
    cagr: Rate | None = None
    forecast_period: Period | None = None
    forecast_end: Money | None = Field(None, description="Size at the end of the forecast.")
    largest_region: Named | None = None
    fastest_segment: Named | None = None
    key_players: list[Named] = Field(default_factory=list)
    segmentation: dict[str, list[Named]] = Field(
        default_factory=dict, description="Dimension ('Region', 'End User', ...) to its segments."
    )
    recent_developments: list[Development] = Field(default_factory=list)
    quantities: list[Quantity] = Field(
        default_factory=list,
        description="Every figure stated, once each (a restatement keeps the first span).",
    )
    conflicts: list[QuantityConflict] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="What the reader should know about the table.")
    skipped: int = Field(
        0, ge=0, description="Figures left out because their unit or year could not be read."
    )

    @property
    def base_year(self) -> int | None:
        return self.market_size.year if self.market_size else None


class Stated(BaseModel):
    """A value as the page writes it; ``span`` is None when it is known from data, not stated."""

    text: str
    span: Span | None = None


class StatedNumber(BaseModel):
    """A whole number the page states (a page count, a year), with where it says so."""

    value: int
    span: Span


class ReportIdentity(BaseModel):
    """Which report this is, as the page describes itself; each field None when not stated."""

    publisher: Stated | None = None
    abbreviations: list[Stated] = Field(
        default_factory=list, description="The publisher's short names ('GVR'), from the page or known data."
    )
    report_code: Stated | None = Field(None, description="The publisher's report id or code.")
    pages: StatedNumber | None = None
    published: Stated | None = Field(None, description="Publication date or edition as written.")
    edition_year: int | None = Field(None, description="Year of `published`.")
    base_year: StatedNumber | None = None
    historical_period: Period | None = None
    forecast_period: Period | None = None
    study_period: Period | None = None


class Report(BaseModel):
    """A parsed report."""

    id: str = Field(description="Slug, e.g. 'industrial-heat-pump-market'.")
    title: str
    publisher: str | None = None
    market: str | None = Field(None, description="The market's name, e.g. 'Industrial Heat Pump'.")
    path: str = Field(description="Source file path.")
    content_hash: str = Field(description="sha256 of the decoded text; ingest skips unchanged reports.")
    text: str = Field(repr=False, description="Decoded source text that every offset refers to.")
    sections: list[Section] = Field(default_factory=list)
    facts: FactSheet = Field(default_factory=FactSheet)
    faq: list[FaqPair] = Field(default_factory=list)
    consistency: Consistency
    identity: ReportIdentity = Field(default_factory=ReportIdentity)
    suspect_spans: list[Span] = Field(
        default_factory=list,
        description="Passages that address the assistant instead of the reader; they give no facts and no chunks.",
    )

    def section_at(self, offset: int) -> Section | None:
        """The section holding ``offset``, if any."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None
