"""`assistant search "text"`: the passages nearest to a text, with scores and spans."""

from __future__ import annotations

import argparse
import json
import textwrap

from assistant.settings import Settings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "search",
        help="find the report passages nearest to a text",
        description="Search the ingested passages by meaning and by exact words: passages holding the "
        "query's exact words come first. The score is the embedding similarity, 0..1 (0 for a passage "
        "found by its words alone).",
    )
    parser.add_argument("query", help="what to look for")
    parser.add_argument("-k", type=int, default=None, help="number of passages (default: agent.search_k)")
    parser.add_argument("--report", metavar="ID", help="search this report only")
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import HybridSearcher

    k = args.k if args.k is not None else settings.agent.search_k
    passages = HybridSearcher(settings).search(args.query, k=k, report_id=args.report)
    if args.json:
        payload = {"query": args.query, "k": k, "passages": [p.model_dump() for p in passages]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for rank, p in enumerate(passages, 1):
        print(f"{rank}. {p.score:.3f}  {p.report_id} / {p.section}  [{p.start}:{p.end}]")
        print(textwrap.indent(textwrap.fill(" ".join(p.text.split()), 100), "   "))
    return 0
