"""Look up one headline fact of a report, with the verbatim quote(s) it came from.

The fact sheet is the JSON of ``assistant.domain.report.FactSheet`` (``model_dump(mode="json")``) plus
``"report_id"`` and ``"consistency"`` keys; every fact in it carries a ``"span"`` ``{file, start, end,
text}``. This module only reads that JSON, so it stays free of the ``assistant`` package. The value
comes back typed (``MoneyFact``, ``RateFact``, ...), spans moved to ``quotes``. A fact the report does
not state comes back ``found=False``: never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from pydantic import BaseModel, Field, TypeAdapter

FACT_NAMES: tuple[str, ...] = (
    "market_size",
    "cagr",
    "forecast_period",
    "forecast_end",
    "largest_region",
    "fastest_segment",
    "key_players",
    "segmentation",
    "recent_developments",
    "consistency",
    "identity",
)
_ALIASES = {
    **dict.fromkeys(("size", "market_value", "base_size", "current_size", "base_year_size"), "market_size"),
    **dict.fromkeys(("growth_rate", "rate", "cagr_percent", "annual_growth"), "cagr"),
    **dict.fromkeys(("period", "forecast_years", "forecast_horizon"), "forecast_period"),
    **dict.fromkeys(("end_value", "forecast_value", "forecast_size", "projected_size"), "forecast_end"),
    **dict.fromkeys(("region", "leading_region", "dominant_region", "top_region"), "largest_region"),
    **dict.fromkeys(("fastest_growing_segment", "fastest_growing", "growth_segment"), "fastest_segment"),
    **dict.fromkeys(("players", "companies", "key_companies", "competitors", "vendors"), "key_players"),
    **dict.fromkeys(("segments", "market_segmentation", "segment"), "segmentation"),
    **dict.fromkeys(("developments", "recent_development", "news", "recent_news"), "recent_developments"),
    **dict.fromkeys(("reconciliation", "consistency_check", "arithmetic_check"), "consistency"),
    **dict.fromkeys(
        ("metadata", "report_identity", "report_code", "pages", "edition", "base_year"), "identity"
    ),
}


class FactSource(Protocol):
    """Gives the fact sheet of a report (``None``: the default report).

    Returns ``FactSheet.model_dump(mode="json")`` plus ``"report_id"``. An unknown report id should
    raise ``LookupError`` or ``ValueError``; the tool wrapper hands either message to the model.
    """

    def fact_sheet(self, report_id: str | None) -> Mapping[str, Any]: ...


class Quote(BaseModel):
    """A verbatim passage of the report file: ``text == file_text[start:end]``."""

    file: str
    start: int
    end: int
    text: str
    label: str | None = Field(None, description="What the quote supports, e.g. a company's name.")


class MoneyFact(BaseModel):
    """A market size: amount in ``unit`` (thousand, million, billion, trillion) of ``currency``."""

    amount: float
    unit: str
    currency: str = "USD"
    year: int | None = None


class RateFact(BaseModel):
    """A compound annual growth rate; percent=5.65 means 5.65 %."""

    percent: float
    start_year: int | None = None
    end_year: int | None = None


class PeriodFact(BaseModel):
    """A span of years, e.g. the forecast period."""

    start_year: int
    end_year: int


class NamedFact(BaseModel):
    """A region, segment or company the report names, with what it lists under it."""

    name: str
    children: list[NamedFact] = Field(default_factory=list)


class DevelopmentFact(BaseModel):
    """A dated recent development: who did what, when ('YYYY-MM' or 'YYYY')."""

    date: str
    company: str
    summary: str


class ConsistencyFact(BaseModel):
    """Whether base x (1 + CAGR)^years gives the stated forecast end (agree, disagree, unknown)."""

    status: str
    base: float | None = None
    percent: float | None = None
    years: int | None = None
    computed_end: float | None = None
    stated_end: float | None = None
    implied_percent: float | None = None
    message: str = ""


class StatedText(BaseModel):
    """A value the page states as text, e.g. a report code or a publication date."""

    text: str


class StatedValue(BaseModel):
    """A number the page states, e.g. its page count or base year."""

    value: float


class IdentityFact(BaseModel):
    """Which report this is, as the page describes itself; a field is None when not stated."""

    publisher: StatedText | None = None
    abbreviations: list[StatedText] = Field(default_factory=list)
    report_code: StatedText | None = None
    pages: StatedValue | None = None
    published: StatedText | None = None
    edition_year: int | None = None
    base_year: StatedValue | None = None
    historical_period: PeriodFact | None = None
    forecast_period: PeriodFact | None = None
    study_period: PeriodFact | None = None


FactValue = (
    MoneyFact
    | RateFact
    | PeriodFact
    | NamedFact
    | ConsistencyFact
    | IdentityFact
    | list[NamedFact]
    | list[DevelopmentFact]
    | dict[str, list[NamedFact]]
)
_VALUE_TYPES: dict[str, Any] = {
    "market_size": MoneyFact,
    "forecast_end": MoneyFact,
    "cagr": RateFact,
    "forecast_period": PeriodFact,
    "largest_region": NamedFact,
    "fastest_segment": NamedFact,
    "key_players": list[NamedFact],
    "segmentation": dict[str, list[NamedFact]],
    "recent_developments": list[DevelopmentFact],
    "consistency": ConsistencyFact,
    "identity": IdentityFact,
}
# Validators built once: building one costs more than the lookup it serves.
_VALIDATORS: dict[str, TypeAdapter[Any]] = {name: TypeAdapter(kind) for name, kind in _VALUE_TYPES.items()}


class FactResult(BaseModel):
    """One fact of one report, with the quotes it rests on."""

    name: str = Field(description="Canonical fact name.")
    report_id: str | None
    found: bool = Field(description="False when the report does not state this fact.")
    value: FactValue | None = Field(
        None, description="The fact without its spans (sizes in the report's unit)."
    )
    summary: str = Field(description="One line a person can read, e.g. 'USD 6.71 billion in 2025'.")
    quotes: list[Quote] = Field(default_factory=list)


def canonical_fact_name(name: object) -> str:
    """'Growth rate', 'CAGR', 'cagr' -> 'cagr'; an unknown name raises ValueError listing the valid ones."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_") if isinstance(name, str) else ""
    key = _ALIASES.get(key, key)
    if key not in FACT_NAMES:
        raise ValueError(f"unknown fact {name!r}; valid names are: {', '.join(FACT_NAMES)}")
    return key


def _strip_spans(node: Any, quotes: list[Quote], label: str | None) -> Any:
    """The node without its "span" keys; each span met on the way becomes a quote, labelled with the
    name it supports, or else the field holding it ('report_code')."""
    if isinstance(node, Mapping):
        named = node.get("name") or node.get("company")
        own_label = named or label
        span = node.get("span")
        if isinstance(span, Mapping):
            quote = Quote(
                file=str(span["file"]),
                start=int(span["start"]),
                end=int(span["end"]),
                text=str(span["text"]),
                label=own_label,
            )
            if all((q.start, q.end) != (quote.start, quote.end) for q in quotes):
                quotes.append(quote)
        return {
            k: _strip_spans(v, quotes, own_label if named or not isinstance(v, Mapping | list) else k)
            for k, v in node.items()
            if k != "span"
        }
    if isinstance(node, list):
        return [_strip_spans(item, quotes, label) for item in node]
    return node


def _names(items: list[NamedFact]) -> str:
    return ", ".join(item.name for item in items)


def _summary(value: FactValue) -> str:
    """A one-line reading of the fact, built only from the value (so every number is the report's)."""
    if isinstance(value, MoneyFact):
        year = f" in {value.year}" if value.year is not None else ""
        return f"{value.currency} {value.amount} {value.unit}{year}".strip()
    if isinstance(value, RateFact):
        years = value.start_year, value.end_year
        return f"{value.percent} %" + (f" over {years[0]}-{years[1]}" if all(years) else "")
    if isinstance(value, PeriodFact):
        return f"{value.start_year}-{value.end_year}"
    if isinstance(value, NamedFact):
        return value.name
    if isinstance(value, ConsistencyFact):
        return f"{value.status}: {value.message}"
    if isinstance(value, IdentityFact):
        stated = {
            "publisher": value.publisher.text if value.publisher else None,
            "report code": value.report_code.text if value.report_code else None,
            "pages": f"{value.pages.value:g}" if value.pages else None,
            "published": value.published.text if value.published else None,
        }
        return "; ".join(f"{k}: {v}" for k, v in stated.items() if v) or "no identity details stated"
    if isinstance(value, dict):
        return "; ".join(f"{dim}: {_names(items)}" for dim, items in value.items())
    named = [item for item in value if isinstance(item, NamedFact)]
    if named:
        return _names(named)
    return "; ".join(f"{d.date} {d.company}: {d.summary}" for d in value if isinstance(d, DevelopmentFact))


def lookup_fact(source: FactSource, name: str, report_id: str | None = None) -> FactResult:
    """Look up a headline fact the report states, with its verbatim quote(s) and their offsets.

    name is one of: market_size (base-year size), cagr (percent, 5.65 means 5.65 %),
    forecast_period, forecast_end (size at the forecast's end), largest_region, fastest_segment,
    key_players, segmentation, recent_developments, consistency (whether the base, CAGR and end
    reconcile). Sizes are in the report's unit, e.g. billion USD.
    found=False means the report does not state the fact: say so, do not guess a value.
    """
    canonical = canonical_fact_name(name)
    sheet = source.fact_sheet(report_id)
    rid = sheet.get("report_id", report_id)
    raw = sheet.get(canonical)
    if raw is None or raw == [] or raw == {}:
        return FactResult(
            name=canonical,
            report_id=rid,
            found=False,
            value=None,
            summary=f"The report does not state {canonical.replace('_', ' ')}.",
        )
    quotes: list[Quote] = []
    value: FactValue = _VALIDATORS[canonical].validate_python(_strip_spans(raw, quotes, canonical))
    return FactResult(
        name=canonical, report_id=rid, found=True, value=value, summary=_summary(value), quotes=quotes
    )
