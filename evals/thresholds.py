"""Thresholds a run of the assistant must meet, from ``evals/thresholds.json``.

The file holds one entry per set under ``sets``; a set without an entry (smoke, a .jsonl path) uses the
``seed`` entry. An entry is ``min`` / ``max`` limits, or one such pair per mode (``scoped``, ``routed``)
for a set asked over its own corpus::

    {"sets": {"seed": {"min": {...}, "max": {...}},
              "catalogue": {"scoped": {"min": {...}}, "routed": {"min": {...}, "max": {...}}}}}

Keys are ``<kind or overall>.<metric>`` as in ``evals/results/<backend>.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.questions import EvalSetError, set_stem

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.json"
DEFAULT_SET = "seed"
BOUNDS = ("min", "max")
Limits = dict[str, dict[str, float]]


class ThresholdsError(EvalSetError):
    """The threshold file is malformed or has no entry for the set; the message names the file."""


def _limits(entry: Any, where: str) -> Limits:
    if not isinstance(entry, dict) or not set(entry) <= set(BOUNDS):
        raise ThresholdsError(f"{where}: expected 'min' and/or 'max' limits")
    limits: Limits = {}
    for bound in BOUNDS:
        values = entry.get(bound, {})
        if not isinstance(values, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()
        ):
            raise ThresholdsError(f"{where}: {bound!r} must map '<kind>.<metric>' to a number")
        limits[bound] = dict(values)
    return limits


def load_thresholds(path: Path = THRESHOLDS, set_name: str = DEFAULT_SET, mode: str | None = None) -> Limits:
    """The limits for ``set_name`` (a name or a .jsonl path) run in ``mode``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ThresholdsError(f"{path}: not JSON ({exc.msg})") from exc
    sets = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(sets, dict):
        raise ThresholdsError(f"{path}: thresholds must be a JSON object with a 'sets' object")
    key = set_stem(set_name)
    if key not in sets:
        key = DEFAULT_SET
    if key not in sets:
        raise ThresholdsError(f"{path}: no thresholds for set {set_name!r} and no {DEFAULT_SET!r} entry")
    entry = sets[key]
    if isinstance(entry, dict) and entry and not set(entry) & set(BOUNDS):  # limits per mode
        if mode not in entry:
            raise ThresholdsError(f"{path}: set {key!r} has no thresholds for mode {mode!r}")
        return _limits(entry[mode], f"{path}: set {key!r}, mode {mode!r}")
    return _limits(entry, f"{path}: set {key!r}")


def check_thresholds(metrics: dict[str, dict[str, Any]], thresholds: Limits) -> list[dict[str, Any]]:
    """One verdict per threshold; a group absent from the set is skipped, an unmeasured metric fails."""
    verdicts = []
    for bound in BOUNDS:
        for key, limit in thresholds.get(bound, {}).items():
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
