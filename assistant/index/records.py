"""What the store keeps about each report beside its JSON: the record routing and ingest read.

Chroma metadata holds scalars only, so lists are stored joined by ``LIST_SEPARATOR``.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from assistant.domain.report import Report
from assistant.index.chunking import CHUNKER_VERSION
from assistant.parsing.version import PARSER_VERSION

# Bump when a report record gains fields: ingest then rewrites unchanged reports' records (no embedding).
RECORD_VERSION = 1
LIST_SEPARATOR = "|"

__all__ = [
    "LIST_SEPARATOR",
    "RECORD_VERSION",
    "StoredReport",
    "forecast_years",
    "identity_names",
    "record_metadata",
]


class StoredReport(BaseModel):
    """What the store keeps about a report besides its JSON: enough to list and to skip unchanged."""

    id: str
    title: str
    market: str | None = None
    publisher: str | None = None
    path: str
    content_hash: str
    chunks: int = Field(ge=0, description="Number of chunks stored for the report.")
    chunker: int = Field(default=0, description="Chunker version the chunks were cut with.")
    parser: int = Field(default=0, description="Parser version the stored report was read with.")
    record: int = Field(default=0, description="Version of this record's layout (RECORD_VERSION).")
    years: str | None = Field(None, description="Forecast period, e.g. '2025-2031'.")
    codes: list[str] = Field(default_factory=list, description="Report codes and edition labels.")
    publisher_aliases: list[str] = Field(default_factory=list, description="Publisher abbreviations.")

    @field_validator("codes", "publisher_aliases", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return [x for x in value.split(LIST_SEPARATOR) if x]
        return value


def record_metadata(report: Report, chunks: int) -> dict[str, str | int]:
    """The stored record of ``report`` with ``chunks`` passages (see ``StoredReport``)."""
    meta: dict[str, str | int] = {
        "title": report.title,
        "path": report.path,
        "content_hash": report.content_hash,
        "chunks": chunks,
        "chunker": CHUNKER_VERSION,
        "parser": PARSER_VERSION,
        "record": RECORD_VERSION,
    }
    optional = {"market": report.market, "publisher": report.publisher, "years": forecast_years(report)}
    codes, aliases = identity_names(report)
    optional |= {"codes": LIST_SEPARATOR.join(codes), "publisher_aliases": LIST_SEPARATOR.join(aliases)}
    meta.update({key: value for key, value in optional.items() if value})
    return meta


def identity_names(report: Report) -> tuple[list[str], list[str]]:
    """Names routing may meet in a question: the report's code, and the publisher's abbreviations."""
    found = report.identity
    codes = [found.report_code.text] if found.report_code else []
    aliases = [a.text for a in found.abbreviations]
    return [c for c in codes if LIST_SEPARATOR not in c], [a for a in aliases if LIST_SEPARATOR not in a]


def forecast_years(report: Report) -> str | None:
    """The report's forecast period as 'YYYY-YYYY' (from the stated period, else the CAGR's)."""
    facts = report.facts
    stated = report.identity.forecast_period
    if stated:
        return f"{stated.start_year}-{stated.end_year}"
    if facts.forecast_period:
        return f"{facts.forecast_period.start_year}-{facts.forecast_period.end_year}"
    if facts.cagr and facts.cagr.start_year and facts.cagr.end_year:
        return f"{facts.cagr.start_year}-{facts.cagr.end_year}"
    return None
