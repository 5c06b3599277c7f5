"""``assistant eval``: run a question set through the assistant and the retrieval baseline.

Prints a table per kind and overall (assistant vs baseline), writes ``evals/results/<backend>.json``
and ``.md`` (``<backend>-<set>-<mode>`` for a run over ``--corpus``), and exits 1 when a metric of the
assistant misses the set's entry in ``evals/thresholds.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.settings import Settings


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "eval",
        help="evaluate answers against gold question sets, beside a retrieval baseline",
        description=(
            "Ask every question of a set, grade the answers (numbers, terms, abstention, citations, "
            "grounding), compare with a retrieval-only baseline, and check evals/thresholds.json. "
            "Exits 1 when a threshold is missed."
        ),
    )
    parser.add_argument(
        "--set",
        dest="set_name",
        default="seed",
        metavar="NAME",
        help="question set in evals/sets (seed, smoke, analyst, catalogue, blind-analyst, blind-pages, "
        "blind-pages-2, blind-pages-3, blind-pages-4, blind-pages-5, blind-pages-6, blind-pages-7, "
        "blind-pages-8, blind-pages-9, blind-pages-10; analyst-holdout, catalogue-holdout) "
        "or a .jsonl path (default: seed)",
    )
    parser.add_argument(
        "--backend",
        metavar="NAME",
        help="model to evaluate: offline or provider:model (default: ASSISTANT_MODEL)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument(
        "-k",
        type=int,
        default=None,
        metavar="N",
        help="passages for retrieval recall@k and the baseline (default: agent.search_k)",
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N questions")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the results as .json and .md (default: evals/results)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        metavar="DIR",
        help="ask the set over this folder of report pages, ingested into a store of its own "
        "(<data dir>/eval-<set>)",
    )
    parser.add_argument(
        "--mode",
        choices=("scoped", "routed"),
        default="routed",
        help="scoped: ask each question within its report; routed: let the assistant pick the report and "
        "grade the pick (default: routed)",
    )
    parser.add_argument(
        "--thresholds",
        type=Path,
        default=None,
        metavar="FILE",
        help="threshold file (default: evals/thresholds.json)",
    )
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from evals.harness import RESULTS_DIR, run_eval, write_results
    from evals.questions import EvalSetError
    from evals.render import render_markdown
    from evals.thresholds import THRESHOLDS

    if args.k is not None and args.k < 1:
        raise InputError(f"-k must be at least 1, got {args.k}")
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be at least 1, got {args.limit}")
    thresholds = args.thresholds or THRESHOLDS
    if not thresholds.is_file():
        raise InputError(f"threshold file {thresholds} does not exist")
    try:
        result = run_eval(
            settings,
            set_name=args.set_name,
            backend=args.backend,
            k=args.k,
            limit=args.limit,
            thresholds_path=thresholds,
            corpus=args.corpus,
            mode=args.mode,
        )
    except (EvalSetError, json.JSONDecodeError) as exc:
        raise InputError(str(exc)) from exc
    data = result.to_dict()
    markdown = render_markdown(data)
    json_path, md_path = write_results(result, data, markdown, args.out or RESULTS_DIR)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(render_markdown(data, failures_limit=40))
        print(f"results: {json_path} and {md_path}")
    if not result.passed:
        missed = [v["metric"] for v in data["thresholds"] if not v["passed"]]
        print(f"eval: below threshold: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0
