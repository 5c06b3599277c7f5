"""Thresholds a run of the assistant must meet, from ``evals/thresholds.json``.

The top-level ``min`` / ``max`` apply to every set without its own entry (the seed set). A set can have
its own under ``sets``, for every mode or per mode (``scoped``, ``routed``); the most specific wins::

    {"min": {...}, "max": {...},
     "sets": {"catalogue": {"scoped": {"min": {...}, "max": {...}}, "routed": {"min": {...}}}}}

Keys are ``<kind or overall>.<metric>`` as in ``evals/results/<backend>.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.json"
Limits = dict[str, dict[str, float]]


def _limits(entry: dict[str, Any]) -> Limits:
    return {"min": dict(entry.get("min", {})), "max": dict(entry.get("max", {}))}


def load_thresholds(path: Path = THRESHOLDS, set_name: str | None = None, mode: str | None = None) -> Limits:
    """The limits for ``set_name`` in ``mode``: its mode entry, else its own, else the top-level ones."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entry = data.get("sets", {}).get(set_name or "", {})
    if mode and mode in entry:
        return _limits(entry[mode])
    if "min" in entry or "max" in entry:
        return _limits(entry)
    return _limits(data)


def check_thresholds(metrics: dict[str, dict[str, Any]], thresholds: Limits) -> list[dict[str, Any]]:
    """One verdict per threshold; a group absent from the set is skipped, an unmeasured metric fails."""
    verdicts = []
    for bound, limits in (("min", thresholds.get("min", {})), ("max", thresholds.get("max", {}))):
        for key, limit in limits.items():
            group, _, metric = key.partition(".")
            if group not in metrics:
                verdicts.append(
                    {
                        "metric": key,
                        "bound": bound,
                        "limit": limit,
                        "value": None,
                        "passed": True,
                        "note": "not in this set",
                    }
                )
                continue
            value = metrics[group].get(metric)
            if value is None:
                ok, note = False, "not measured"
            else:
                ok = value >= limit - 1e-12 if bound == "min" else value <= limit + 1e-12
                note = ""
            verdicts.append(
                {"metric": key, "bound": bound, "limit": limit, "value": value, "passed": ok, "note": note}
            )
    return verdicts
