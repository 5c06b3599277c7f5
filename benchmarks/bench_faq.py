"""``assistant faq`` wall time: each format in its own process against all formats in one run.

    .venv/bin/python benchmarks/bench_faq.py [--runs 3] [--data .data/bench/faq]

Each run starts fresh processes of ``assistant faq --format F --out FILE`` for md, json, jsonld and
html, and one ``assistant faq --format all --out DIR``, interleaved so the machine's load falls on
all alike; medians per command of the wall time and of the CPU time the process used (user +
system, which a loaded machine disturbs far less), start-up included. A first ``assistant faq`` over a fresh store
(which writes the intent-example vector cache) is run before timing and left out. Goal on 2 CPU
cores: all formats together under 10 s. Not a test: the figures move with the machine and its load,
so the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.stats import load  # noqa: E402 - needs ROOT on sys.path

SEED = ROOT / "corpus" / "clinical-trial-smo-market.txt"
FORMATS = ("md", "json", "jsonld", "html")
GOAL_ALL_S = 10.0


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        ASSISTANT_DATA_DIR=str(data / "data"),
        ASSISTANT_CORPUS_DIR=str(data / "corpus"),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
    )
    return env


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _assistant(*args: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``assistant`` process."""
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"assistant {' '.join(args)} failed: {done.stderr.decode()[-500:]}")
    return elapsed, _cpu() - cpu


def prepare(data: Path) -> None:
    corpus = data / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    target = corpus / SEED.name
    if not target.exists():
        target.write_bytes(SEED.read_bytes())
    env = _env(data)
    _assistant("ingest", "--no-progress", env=env)
    with tempfile.TemporaryDirectory() as out:
        _assistant("faq", "--format", "md", "--out", str(Path(out) / "faq.md"), env=env)  # warms caches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT / ".data" / "bench" / "faq")
    args = parser.parse_args()
    prepare(args.data)
    env = _env(args.data)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in (*FORMATS, "all")}
    with tempfile.TemporaryDirectory() as out:
        for run in range(args.runs):
            for fmt in FORMATS:
                times[fmt].append(_assistant("faq", "--format", fmt, "--out", f"{out}/faq.{fmt}", env=env))
            times["all"].append(_assistant("faq", "--format", "all", "--out", out, env=env))
            print(
                f"run {run + 1}/{args.runs}: "
                + ", ".join(f"{k} {v[-1][0]:.2f} s (cpu {v[-1][1]:.2f} s)" for k, v in times.items())
            )
    wall = {name: statistics.median(v[0] for v in values) for name, values in times.items()}
    cpu = {name: statistics.median(v[1] for v in values) for name, values in times.items()}
    print(f"\nmedians of {args.runs} run(s), start-up included ({load()}):")
    for name in times:
        print(f"  assistant faq --format {name:<7} wall {wall[name]:6.2f} s   cpu {cpu[name]:6.2f} s")
    one_by_one = (sum(wall[f] for f in FORMATS), sum(cpu[f] for f in FORMATS))
    print(f"  four formats one by one          wall {one_by_one[0]:6.2f} s   cpu {one_by_one[1]:6.2f} s")
    verdict = "met" if wall["all"] <= GOAL_ALL_S else "not met"
    print(f"all formats together: wall {wall['all']:.2f} s (goal <= {GOAL_ALL_S:.0f} s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
