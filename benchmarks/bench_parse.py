"""Parse time per report: ``parse_report`` over a synthetic catalogue plus the bundled report.

Generates N synthetic reports (``benchmarks/synth_catalogue.py``, five publisher layouts), parses each
file ``--runs`` times and prints the median CPU time per report, per layout and for the bundled report,
plus the facts found (so a faster parser that finds less shows it). Not a test: figures from one run
on a shared machine.

    python benchmarks/bench_parse.py --n 300 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.parsing.parse import parse_report  # noqa: E402
from benchmarks.synth_catalogue import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED_REPORT = ROOT / "corpus" / "clinical-trial-smo-market.txt"


def _time(path: Path, runs: int) -> float:
    """Median CPU seconds of ``runs`` parses of ``path`` (CPU time, so other work on a shared
    machine inflates the figure less than wall time would)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        parse_report(path)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="synthetic reports to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5, help="parses per report (medians are printed)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        truths = generate(args.n, args.seed, Path(folder))
        parse_report(SEED_REPORT)  # warm imports and compiled patterns
        per_layout: dict[str, list[float]] = defaultdict(list)
        found = 0
        quantities = 0
        for truth in truths:
            path = Path(folder) / truth.file
            per_layout[truth.layout].append(_time(path, args.runs))
            report = parse_report(path)
            found += report.facts.market_size is not None and report.facts.cagr is not None
            quantities += len(getattr(report.facts, "quantities", []))
        seed_ms = 1000 * _time(SEED_REPORT, args.runs * 4)
    every = [t for times in per_layout.values() for t in times]
    print(f"parse_report over {len(every)} synthetic reports, {args.runs} runs each (median per report)")
    print(
        f"  all layouts        median {1000 * statistics.median(every):7.2f} ms   total {sum(every):6.2f} s"
    )
    for layout, times in sorted(per_layout.items()):
        print(f"  {layout:18s} median {1000 * statistics.median(times):7.2f} ms   ({len(times)} reports)")
    print(f"  bundled report     median {seed_ms:7.2f} ms   ({SEED_REPORT.stat().st_size:,} bytes)")
    print(f"  reports with size and CAGR: {found}/{len(every)}; quantities found: {quantities}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
