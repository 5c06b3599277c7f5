"""`assistant reports`: list the ingested reports."""

from __future__ import annotations

import argparse
import json

from assistant.settings import Settings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "reports",
        help="list the ingested reports",
        description="List the reports in the store: id, title, market, publisher and passage count.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Catalogue

    summaries = Catalogue(settings).list_reports()
    if args.json:
        print(json.dumps({"reports": [s.model_dump() for s in summaries]}, ensure_ascii=False, indent=2))
        return 0
    width = max(len(s.id) for s in summaries)
    for s in summaries:
        extra = ", ".join(x for x in (s.market, s.publisher) if x)
        print(f"{s.id:<{width}}  {s.chunks:>5} chunks  {s.title}" + (f" ({extra})" if extra else ""))
    return 0
