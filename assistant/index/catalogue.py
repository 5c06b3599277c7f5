"""The catalogue of ingested reports, served from the store (no corpus folder needed)."""

from __future__ import annotations

from contextlib import suppress

from pydantic import BaseModel, Field

from assistant.domain.report import Report
from assistant.errors import IndexError_, ReportNotFoundError
from assistant.index.embedded import INGEST_HINT
from assistant.index.store import ChromaStore, ReportStore
from assistant.settings import Settings


class ReportSummary(BaseModel):
    """One line of the catalogue."""

    id: str
    title: str
    market: str | None = None
    publisher: str | None = None
    chunks: int = Field(ge=0, description="Passages stored for the report.")
    path: str = Field(description="Source file the report was ingested from.")
    years: str | None = Field(None, description="The report's forecast period, e.g. '2025-2031'.")
    codes: list[str] = Field(
        default_factory=list, description="Other names the report goes by: report codes, edition labels."
    )
    publisher_aliases: list[str] = Field(
        default_factory=list, description="Abbreviations of the publisher's name, e.g. 'QLR'."
    )


class Catalogue:
    """Lists and loads the stored reports; both are cached in memory once loaded.

    A long-running process calls ``refresh_if_changed()`` before each question: one small read of the
    store's version stamp tells whether an ingest (in any process) changed the store since the
    catalogue was loaded. ``generation`` counts the reloads, so caches built from the catalogue (BM25
    indexes, per-report planners) know when to drop what they hold. ``refresh()`` forgets the cache
    unconditionally (after an ingest in the same process).
    """

    def __init__(self, settings: Settings, store: ReportStore | None = None) -> None:
        self.settings = settings
        self._store = store
        self._summaries: list[ReportSummary] | None = None
        self._reports: dict[str, Report] = {}
        self._stamp: str | None = None
        self.generation = 0

    @property
    def store(self) -> ReportStore:
        if self._store is None:
            self._store = ChromaStore(self.settings, create=False)
        return self._store

    def refresh(self) -> None:
        """Forget what was cached."""
        self._summaries = None
        self._reports.clear()
        self._stamp = None
        self.generation += 1

    def refresh_if_changed(self) -> bool:
        """Reload (lazily) if the store changed since the catalogue was loaded; True if it did.

        IndexError_ says so plainly when the store was deleted meanwhile.
        """
        if self._stamp is None:  # nothing loaded yet: whatever is loaded next is current
            return False
        stamp = self.store.stamp()
        if stamp == self._stamp:
            return False
        self.store.reopen()  # searches must see the new passages too, not only the catalogue
        self.refresh()
        self._stamp = self.store.stamp()
        return True

    def _note_stamp(self) -> None:
        """Remember the stamp of what is about to be loaded (once per load)."""
        if self._stamp is None:
            with suppress(IndexError_):  # no index yet: the load that follows says so in its own words
                self._stamp = self.store.stamp()

    def list_reports(self) -> list[ReportSummary]:
        """Every ingested report, sorted by id; IndexError_ if nothing was ingested."""
        if self._summaries is None:
            self._note_stamp()
            records = self.store.report_records()
            if not records:
                raise IndexError_(f"the index holds no reports; {INGEST_HINT}")
            self._summaries = [
                ReportSummary(
                    id=r.id,
                    title=r.title,
                    market=r.market,
                    publisher=r.publisher,
                    chunks=r.chunks,
                    path=r.path,
                    years=r.years,
                    codes=r.codes,
                    publisher_aliases=r.publisher_aliases,
                )
                for r in records
            ]
        return list(self._summaries)

    def ids(self) -> list[str]:
        """Ids of the ingested reports."""
        return [s.id for s in self.list_reports()]

    def get_report(self, report_id: str) -> Report:
        """The parsed report ``report_id``; ReportNotFoundError names the known ids if it is unknown."""
        cached = self._reports.get(report_id)
        if cached is not None:
            return cached
        self._note_stamp()
        report = self.store.get_report(report_id)
        if report is None:
            known = ", ".join(self.ids()) or "none"
            raise ReportNotFoundError(f"no report with id {report_id!r} (known: {known})")
        self._reports[report_id] = report
        return report

    def reports(self) -> list[Report]:
        """Every ingested report, parsed, in id order."""
        return [self.get_report(i) for i in self.ids()]
