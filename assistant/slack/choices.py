"""Report choice buttons: what a button carries so that a click can re-ask the question with that report.

When a question fits several reports the answer offers each candidate as a Block Kit button. Slack
sends the clicked button back in a ``block_actions`` payload; its ``value`` (at most 2,000 characters)
holds the question, the chosen report and where the question was asked, as compact JSON.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

ACTION_PREFIX = "choose_report"
ACTION_PATTERN = re.compile(rf"^{ACTION_PREFIX}:\d+$")
MAX_VALUE = 2000  # Slack's limit on a button's value


@dataclass(frozen=True)
class Asked:
    """A question as the bot asked it: the text, and the thread message it came from (if any).

    Attributes:
        question: The question without the report option.
        thread_ts: The thread's ``ts`` when the question was a reply in a thread (history is read from it).
        ts: The ``ts`` of the message holding the question; history stops before it.
    """

    question: str
    thread_ts: str | None = None
    ts: str | None = None


@dataclass(frozen=True)
class Choice:
    """A clicked report button: ask ``asked.question`` again, about ``report_id``."""

    report_id: str
    asked: Asked


def action_id(index: int) -> str:
    """Action ids must be unique within a message, so each button gets its position."""
    return f"{ACTION_PREFIX}:{index}"


def encode(report_id: str, asked: Asked) -> str | None:
    """The button value for choosing ``report_id``; None when it would exceed Slack's 2,000 characters."""
    data: dict[str, str] = {"r": report_id, "q": asked.question}
    if asked.thread_ts and asked.ts:
        data["th"], data["ts"] = asked.thread_ts, asked.ts
    value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return value if len(value) <= MAX_VALUE else None


def decode(value: str) -> Choice | None:
    """A button value back into a ``Choice``; None when the value is not one of ours."""
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    report_id, question = data.get("r"), data.get("q")
    if not isinstance(report_id, str) or not isinstance(question, str) or not report_id or not question:
        return None
    thread_ts, ts = data.get("th"), data.get("ts")
    if not (isinstance(thread_ts, str) and isinstance(ts, str)):
        thread_ts = ts = None
    return Choice(report_id=report_id, asked=Asked(question=question, thread_ts=thread_ts, ts=ts))
