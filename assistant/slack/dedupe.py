"""Remember what was already answered, so Slack's retries and double deliveries get one answer.

Slack re-sends an event (header ``X-Slack-Retry-Num``, same ``event_id``) when the first delivery was
not acknowledged in 3 s, and one message can arrive as two events (``app_mention`` and ``message.im``).
Keys are the ``event_id`` and the message's ``(channel, ts)``; both are checked and recorded at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable


class Deduper:
    """A thread-safe set of recently seen keys that forgets them after ``ttl_s`` seconds.

    Args:
        ttl_s: How long a key is remembered, in seconds (Slack retries within about 5 minutes).
        max_keys: Upper bound on remembered keys; the oldest are dropped first.
        clock: Monotonic clock in seconds (injected by tests).
    """

    def __init__(
        self, ttl_s: float = 3600.0, max_keys: int = 50_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if ttl_s <= 0 or max_keys <= 0:
            raise ValueError("ttl_s and max_keys must be positive")
        self._ttl_s = ttl_s
        self._max_keys = max_keys
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, keys: Iterable[str]) -> bool:
        """Record ``keys``; True when none of them was seen before (the caller should act on it)."""
        wanted = [key for key in keys if key]
        now = self._clock()
        with self._lock:
            self._expire(now)
            fresh = not any(key in self._seen for key in wanted)
            for key in wanted:
                self._seen[key] = now
                self._seen.move_to_end(key)
            while len(self._seen) > self._max_keys:
                self._seen.popitem(last=False)
            return fresh

    def __len__(self) -> int:
        with self._lock:
            return len(self._seen)

    def _expire(self, now: float) -> None:
        while self._seen:
            key, stamp = next(iter(self._seen.items()))
            if now - stamp < self._ttl_s:
                break
            self._seen.popitem(last=False)


def event_keys(body: dict[str, object]) -> list[str]:
    """The keys that identify one Events API delivery: its event_id and the message's channel and ts."""
    keys: list[str] = []
    event_id = body.get("event_id")
    if isinstance(event_id, str):
        keys.append(f"event:{event_id}")
    event = body.get("event")
    if isinstance(event, dict):
        channel, ts = event.get("channel"), event.get("ts")
        if isinstance(channel, str) and isinstance(ts, str):
            keys.append(f"message:{channel}:{ts}")
    return keys
