"""Markdown tables of an evaluation result (the dict from ``EvalRun.to_dict``), for terminal and file."""

from __future__ import annotations

from typing import Any

SYSTEMS = ("assistant", "baseline")
OVERALL_ROWS = (
    ("accuracy", "accuracy", "pct"),
    ("abstention precision", "abstention_precision", "pct"),
    ("abstention recall", "abstention_recall", "pct"),
    ("citation validity", "citation_validity", "pct"),
    ("citations", "citations", "int"),
    ("answered with a citation", "citation_coverage", "pct"),
    ("ungrounded-number rate", "ungrounded_rate", "pct"),
    ("cited gold section", "cited_section_hit", "pct"),
    ("routed to the right report", "routing_accuracy", "pct"),
    ("latency p50 (ms)", "latency_p50_ms", "ms"),
    ("latency p95 (ms)", "latency_p95_ms", "ms"),
)
ONLY_WHEN_MEASURED = {"routing_accuracy"}  # a row of a routed run over many reports, else noise


def fmt(value: Any, style: str = "pct") -> str:
    if value is None:
        return "-"
    if style == "pct":
        return f"{100 * value:.1f}%"
    if style == "ms":
        return f"{value:.1f}"
    return str(value)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def kind_table(data: dict[str, Any]) -> list[str]:
    k = data["k"]
    metrics, retrieval = data["metrics"], data["retrieval"]
    header = [
        "kind",
        "n",
        "accuracy A",
        "accuracy B",
        "ungrounded A",
        "ungrounded B",
        f"recall@{k}",
        f"hit@{k}",
        "p50 A ms",
        "p95 A ms",
    ]
    rows = []
    for kind, a in metrics["assistant"].items():
        b = metrics.get("baseline", {}).get(kind, {})
        r = retrieval.get(kind, {})
        rows.append(
            [
                f"**{kind}**" if kind == "overall" else kind,
                str(a["n"]),
                fmt(a["accuracy"]),
                fmt(b.get("accuracy")),
                fmt(a["ungrounded_rate"]),
                fmt(b.get("ungrounded_rate")),
                fmt(r.get(f"recall@{k}")),
                fmt(r.get(f"hit@{k}")),
                fmt(a["latency_p50_ms"], "ms"),
                fmt(a["latency_p95_ms"], "ms"),
            ]
        )
    return _table(header, rows)


def overall_table(data: dict[str, Any]) -> list[str]:
    systems = [s for s in SYSTEMS if s in data["metrics"]]
    values = {key: [data["metrics"][s]["overall"].get(key) for s in systems] for _, key, _ in OVERALL_ROWS}
    rows = [
        [label, *(fmt(value, style) for value in values[key])]
        for label, key, style in OVERALL_ROWS
        if key not in ONLY_WHEN_MEASURED or any(value is not None for value in values[key])
    ]
    return _table(["overall", *systems], rows)


def conversation_lines(data: dict[str, Any]) -> list[str]:
    """'Conversations fully right: assistant 3 of 20, baseline 1 of 20.' when the set has conversations."""
    counts = []
    for system in SYSTEMS:
        overall = data["metrics"].get(system, {}).get("overall", {})
        if overall.get("conversations"):
            counts.append(f"{system} {overall['conversations_right']} of {overall['conversations']}")
    return [f"Conversations fully right (every turn): {', '.join(counts)}.", ""] if counts else []


def threshold_lines(data: dict[str, Any]) -> list[str]:
    lines = []
    for v in data["thresholds"]:
        sign = ">=" if v["bound"] == "min" else "<="
        mark = "ok  " if v["passed"] else "FAIL"
        value = "-" if v["value"] is None else f"{v['value']:.4g}"
        note = f" ({v['note']})" if v.get("note") else ""
        lines.append(f"- {mark} {v['metric']} = {value} (need {sign} {v['limit']}){note}")
    return lines


def failure_lines(data: dict[str, Any], system: str = "assistant", limit: int | None = None) -> list[str]:
    failed = [q for q in data["questions"] if not q[system]["passed"]]
    lines = []
    for q in failed[:limit]:
        reasons = "; ".join(q[system]["failures"]) or "?"
        question = q["question"].replace("\n", "\\n")
        if len(question) > 70:
            question = question[:70] + "..."
        lines.append(f"- `{q['id']}` ({q['kind']}) {question!r}: {reasons}")
        lines.append(f"  - got [{q[system]['status']}] {q[system]['answer'][:160]!r}")
    if limit is not None and len(failed) > limit:
        lines.append(f"- ... and {len(failed) - limit} more (see the .md/.json results)")
    return lines


def render_markdown(data: dict[str, Any], failures_limit: int | None = None) -> str:
    """The whole result as Markdown: A = assistant, B = retrieval baseline."""
    verdict = "PASS" if data["passed"] else "FAIL"
    scope = ""
    if data.get("corpus"):
        scope = f"Corpus `{data['corpus']}`, mode `{data['mode']}`" + (
            ": each question asked within its report."
            if data["mode"] == "scoped"
            else ": each question routed by the assistant; an answer from the wrong report fails."
        )
    lines = [
        f"# Evaluation: set `{data['set']}`, backend `{data['backend']}` ({data['n']} questions) - {verdict}",
        "",
        *([scope, ""] if scope else []),
        f"A = assistant, B = retrieval baseline (top {data['k']} passages, best sentence, no tools).",
        "",
        *kind_table(data),
        "",
        *overall_table(data),
        "",
        *conversation_lines(data),
        "## Thresholds (assistant)",
        "",
        *threshold_lines(data),
        "",
        "## Failing questions (assistant)",
        "",
        *(failure_lines(data, "assistant", failures_limit) or ["- none"]),
        "",
    ]
    return "\n".join(lines)
