"""Whether a text names a topic a question calls a market ('the decentralised trials market'),
whatever its spelling: each word is looked for by its first letters, which British and American
spellings share (decentrali[sz]ed)."""

from __future__ import annotations

import re

TOPIC_PREFIX = 6  # letters of a word that survive its spellings


def topic_words(topic: str) -> list[str]:
    """The words of ``topic`` that name it (three letters or more), cut to their first letters."""
    return [word[:TOPIC_PREFIX] for word in re.findall(r"[a-z0-9]{3,}", topic.lower())]


def names_topic(text: str, topic: str) -> bool:
    """Whether ``text`` holds every word of ``topic``."""
    words = topic_words(topic)
    lowered = text.lower()
    return bool(words) and all(word in lowered for word in words)
