"""The ingest progress bar on stderr: reports done out of the files found, the file being read, and
the passages embedded so far.

Loading the embedding model takes seconds before the first passage is embedded; the bar says so while
it happens and leaves that time out of its rate, so the estimate of the time left is not inflated by
it. Passages of many reports are embedded in shared batches and the reports are stored together
when their last batch is done, so a report counts as done by the share of its passages embedded, not
only when stored: the bar moves with every batch instead of in bursts, and the rate is the average
over the run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

NAME_WIDTH = 32
LOADING = "loading the embedding model"


class Progress:
    """The bar, or nothing when ``enabled`` is false."""

    def __init__(self, total: int, enabled: bool, file: TextIO | None = None) -> None:
        self.enabled = enabled
        self.bar = tqdm(
            total=total,
            unit="report",
            file=file or sys.stderr,
            disable=not enabled,
            desc="ingest",
            smoothing=0,  # average rate over the run
            dynamic_ncols=file is None,
            # n grows by shares of reports (see the module docstring): shown as whole reports.
            bar_format="{desc}: {percentage:3.0f}%|{bar}| {n:.0f}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}{postfix}]",
        )

    def reading(self, path: Path) -> None:
        """Name the file being read."""
        name = path.name if len(path.name) <= NAME_WIDTH else path.name[: NAME_WIDTH - 1] + "\u2026"
        self.bar.set_description_str(f"ingest {name}", refresh=True)

    def stored(self, reports: float) -> None:
        """``reports`` more reports (or shares of reports) are done."""
        total = self.bar.total or 0
        self.bar.update(max(0.0, min(reports, total - self.bar.n)))  # shares may sum past a whole

    def embedded(self, passages: int) -> None:
        self.bar.set_postfix_str(f"{passages} chunks embedded", refresh=False)

    @contextmanager
    def loading_model(self) -> Iterator[None]:
        """Say that the model is loading, and keep its load time out of the rate."""
        if not self.enabled:
            yield
            return
        before = self.bar.desc
        self.bar.set_description_str(LOADING, refresh=True)
        started = time.time()
        try:
            yield
        finally:
            self.bar.start_t += time.time() - started  # tqdm's clock is time.time
            self.bar.set_description_str(before, refresh=True)

    def close(self) -> None:
        self.bar.close()
