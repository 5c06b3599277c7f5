"""Free disk space, checked before an ingest writes: a disk that fills while Chroma writes can leave
the whole store unreadable, so an ingest stops before it would come close.

The need is estimated from what is about to be written. Measured on the embedded store (1,000 to
4,000 passages of about 1.4 kB): 15 to 18 kB per passage (the vector and the text in the write-ahead
log, the vector index, the text and its full-text index), so about 12 kB plus four times its text,
and twice the report's JSON (record and log), doubled for compaction, plus
``ingest.min_free_mb`` left free. A Chroma server's disk is the server's to watch: no check there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.errors import StoreSpaceError
from assistant.settings import Settings

PER_PASSAGE_BYTES = 12_000
TEXT_FACTOR = 4
SAFETY = 2
MB = 1024 * 1024


def _existing(folder: Path) -> Path:
    """The nearest existing folder at or above ``folder`` (what disk_usage can measure)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return Path("/")


def estimate(passages: int, text_chars: int, report_chars: int = 0) -> int:
    """Bytes the store may grow by when writing ``passages`` passages of ``text_chars`` characters in
    all, and reports whose JSON totals ``report_chars``."""
    return SAFETY * (passages * PER_PASSAGE_BYTES + TEXT_FACTOR * text_chars + 2 * report_chars)


def check_space(settings: Settings, need: int, what: str) -> None:
    """StoreSpaceError unless the store's disk has ``need`` bytes plus the reserve free."""
    if settings.chroma_url is not None:
        return
    folder = _existing(settings.data_dir / "chroma")
    free = shutil.disk_usage(folder).free
    reserve = settings.ingest.min_free_mb * MB
    if free >= need + reserve:
        return
    raise StoreSpaceError(
        f"not enough free disk space for the store at {settings.data_dir}: writing {what} needs about "
        f"{_mb(need)} MB and {_mb(reserve)} MB must stay free, but {_mb(free)} MB are free. Nothing "
        "more was written; the store answers as before this ingest for every report not yet "
        "stored. Free some space (or set ASSISTANT_DATA_DIR to a larger disk) and run the ingest again"
    )


def _mb(n: int) -> str:
    return f"{n / MB:,.1f}"
