"""One report per id, one id per content: what an ingest does with files that would collide.

- Two files of one run with one id (``x.txt`` and ``x.md``): the second is refused.
- A file whose id is already stored from another file (the same name in another folder, or two
  names that make the same id) is refused, naming both paths, unless the user asked to replace
  (``assistant ingest --replace``). A file that moved (the stored path is gone, the name is the same)
  simply updates its report.
- A file with the same content as another of the run, or as a stored report whose file still
  exists, is skipped with a message naming the other: the same report under two names would be two
  reports answering alike.
"""

from __future__ import annotations

import os
from pathlib import Path

from assistant.domain.report import Report
from assistant.errors import ReportError
from assistant.index.records import StoredReport


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file (the same file through different spellings included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


class Identities:
    """Decides, file by file, whether a parsed report may be stored (see the module docstring)."""

    def __init__(self, records: dict[str, StoredReport], replace: bool) -> None:
        self.records = records
        self.replace = replace
        self._stored_by_hash = {r.content_hash: r for r in records.values()}
        self.ids: dict[str, Path] = {}  # report id -> the file that took it in this run
        self._hashes: dict[str, tuple[str, Path]] = {}  # content hash -> (id, file) in this run
        self.kept: set[str] = set()  # stored reports kept as the original of a skipped copy
        self.replaced: dict[str, str] = {}  # report id -> the stored path it replaced

    def admit(self, report: Report, path: Path) -> str | None:
        """None if ``report`` (read from ``path``) may be stored; a reason if it is skipped.
        Raises ReportError if it is refused."""
        taken = self.ids.get(report.id)
        if taken is not None:
            if same_file(taken, path):
                return f"the same file as {taken}, named twice: read once"
            raise ReportError(path, f"report id {report.id!r} is already taken by {taken}")
        earlier = self._hashes.get(report.content_hash)
        if earlier is not None:
            return f"same content as {earlier[1]} (report {earlier[0]}): skipped"
        stored = self._stored_by_hash.get(report.content_hash)
        if (
            stored is not None
            and stored.id != report.id
            and Path(stored.path).is_file()
            and not same_file(stored.path, path)
        ):
            self.kept.add(stored.id)
            return f"same content as the stored report {stored.id} (from {stored.path}): skipped"
        self._check_stored_id(report, path)
        self.ids[report.id] = path
        self._hashes[report.content_hash] = (report.id, path)
        return None

    def _check_stored_id(self, report: Report, path: Path) -> None:
        record = self.records.get(report.id)
        if record is None or record.content_hash == report.content_hash or same_file(record.path, path):
            return
        moved = not Path(record.path).exists() and Path(record.path).name == path.name
        if moved:
            return
        if not self.replace:
            raise ReportError(
                path,
                f"report id {report.id!r} is already stored from {record.path}; storing {path} would "
                "replace it. Rename one of the files, or run `assistant ingest --replace` to replace "
                "the stored report",
            )
        self.replaced[report.id] = record.path
