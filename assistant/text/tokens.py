"""The one word tokenizer: lower-cased words (keeping inner '.', '&' and apostrophes, so
'example.gov' and 'r&d' stay whole), and content terms cut to a six-letter stem so that
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


def singular(word: str) -> str:
    """Cheap singular form, so 'polishes', 'systems' and 'batteries' meet their names."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and (word.endswith(("sses", "xes", "ches", "shes")) or word in word_list("es-plurals")):
        return word[:-2]  # 'processes', 'boxes', 'batches'; 'phases', 'cases', 'diseases' only lose the s
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stems(text: str) -> set[str]:
    """Stems of the content words of ``text``, singular first ('pumps' and 'pump' meet)."""
    stop = word_list("stopwords")
    return {singular(w)[:STEM_LENGTH] for w in words(text) if w not in stop}
