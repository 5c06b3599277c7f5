"""The one word tokenizer: lower-cased words (keeping inner '.', '&' and apostrophes, so
'clinicaltrials.gov' and 'r&d' stay whole), and content terms cut to a six-letter stem so that
'acquired' meets 'acquisition'."""

from __future__ import annotations

import re

from assistant.text.words import word_list

_TOKEN = re.compile(r"[a-z0-9]+(?:[.&'][a-z0-9]+)*")
STEM_LENGTH = 6


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` in order."""
    return _TOKEN.findall(text.lower())


def terms(text: str) -> list[str]:
    """Content words of ``text`` (stop words dropped), each cut to its stem."""
    stop = word_list("stopwords")
    return [w[:STEM_LENGTH] for w in words(text) if w not in stop]
