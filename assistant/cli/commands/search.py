"""`assistant search "text"`: the passages nearest to a text, with scores and spans."""

from __future__ import annotations

import argparse
import json
import textwrap

from assistant.settings import Settings


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "search",
        help="find the report passages nearest to a text",
        description="Semantic search over the ingested passages; scores are 0..1, higher is nearer.",
    )
    parser.add_argument("query", help="what to look for")
    parser.add_argument("-k", type=int, default=None, help="number of passages (default: agent.search_k)")
    parser.add_argument("--report", metavar="ID", help="search this report only")
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Retriever

    k = args.k if args.k is not None else settings.agent.search_k
    passages = Retriever(settings).search(args.query, k=k, report_id=args.report)
    if args.json:
        payload = {"query": args.query, "k": k, "passages": [p.model_dump() for p in passages]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for rank, p in enumerate(passages, 1):
        print(f"{rank}. {p.score:.3f}  {p.report_id} / {p.section}  [{p.start}:{p.end}]")
        print(textwrap.indent(textwrap.fill(" ".join(p.text.split()), 100), "   "))
    return 0
