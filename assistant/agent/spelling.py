"""Words as routing reads them: singular forms, spelling distance, acronyms, and the word lists that
never name a market (question vocabulary, places)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from assistant.text.tokens import singular
from assistant.text.words import word_list

# Letters and digits of any script: a report named in French or Japanese is matched like any other.
WORD = re.compile(r"[^\W_]+")
_PAREN_ACRONYM = re.compile(r"\(([^\W\d_][\w&]{1,7})\)")


# Words that never name a market, and places, which qualify a market but never name one alone.
STOP = word_list("question-words") | {singular(w) for w in word_list("question-words")}
PLACES = word_list("places") | {singular(w) for w in word_list("places")}
MARKET_NOUNS = frozenset({"market", "markets", "industry", "industries", "sector", "sectors"})
FUNCTION = frozenset({"global", "market", "of", "and", "the", "for", "in", "on", "to", "with"})


def raw_words(text: str) -> list[str]:
    """Lower-case words of ``text`` as written (possessive 's dropped)."""
    return WORD.findall(text.lower().replace("'s", "").replace("\u2019s", ""))


def words(text: str) -> list[str]:
    """Singular name words of ``text``, numbers left out."""
    return [singular(w) for w in raw_words(text) if not w.isdigit()]


def deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` letters deleted (symmetric-delete spelling correction)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


def index_depth(word: str) -> int:
    """Edits a name word of this length may be misspelt by: none below 4 letters, two from 9."""
    return 0 if len(word) < 4 else 1 if len(word) < 9 else 2


def typo_depth(word: str) -> int:
    """Edits forgiven in a word of this length: none below 5 letters (too many short words are one
    edit apart), one up to 8, two from 9."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, prev2[j - 2] + 1)
            row.append(value)
        prev2, prev = prev, row
    return prev[-1]


@lru_cache(maxsize=1)
def stop_typos() -> dict[str, set[str]]:
    """Deletion index of the stop words, to tell a misspelt question word from a misspelt name."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in STOP:
        for variant in deletions(word, index_depth(word)):
            index[variant].add(word)
    return index


def acronyms(name_words: list[str], text: str) -> set[str]:
    """Acronyms a report may be asked by: any written in brackets in its title or market, and the
    initials of every run of three or more name words ('autonomous mobile robot' -> 'amr')."""
    found = {a.lower() for a in _PAREN_ACRONYM.findall(text)}
    for size in range(3, min(len(name_words), 6) + 1):
        for i in range(len(name_words) - size + 1):
            found.add("".join(w[0] for w in name_words[i : i + size]))
    return {a for a in found if a not in STOP and not a.isdigit()}
