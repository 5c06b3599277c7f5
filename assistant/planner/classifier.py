"""What a question asks for, recognised by meaning: the question's embedding is compared with
example phrasings of every intent (nearest neighbour), and a few unambiguous words add weight. The
examples and words come from the intent registry."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.planner.intents import Intent

Examples = Mapping[Intent, Sequence[str]]
Keywords = Sequence[tuple[Intent, re.Pattern[str]]]


# A settling word adds this to its intent's similarity, and lifts it to at least the floor: chosen on
# the seed question set so that a keyword outweighs a near miss of the examples but not an exact one.
KEYWORD_WEIGHT = 0.25
KEYWORD_FLOOR = 0.6


@dataclass(frozen=True)
class IntentScore:
    intent: Intent
    score: float  # cosine similarity to the nearest example, plus keyword weight


class IntentClassifier:
    """Nearest-example intent recognition over sentence embeddings."""

    def __init__(
        self,
        examples: Examples,
        keywords: Keywords,
        embed: Callable[[Sequence[str]], Sequence[Sequence[float]]],
        embed_query: Callable[[str], Sequence[float]] | None = None,
        prefetch: Callable[[str], None] | None = None,
    ) -> None:
        self._keywords = keywords
        # The question's embedding is cached by the embedder, so the search that follows reuses it.
        self._embed_query = embed_query or (lambda text: embed([text])[0])
        intents: list[Intent] = []
        starts: list[int] = []
        texts: list[str] = []
        for intent, phrasings in examples.items():
            if phrasings:  # each intent's examples sit together: row ranges of the matrix
                intents.append(intent)
                starts.append(len(texts))
                texts.extend(phrasings)
        self._prefetch = prefetch
        self._intents = intents
        self._starts = np.asarray(starts, dtype=np.intp)
        self._matrix = _normalise(np.asarray(embed(texts), dtype=np.float32))

    def prefetch(self, question: str) -> None:
        """Start the question's embedding in the background, where the embedder can: the rules that
        read the question first then run while it is computed, and ``rank`` waits for it."""
        if self._prefetch is not None:
            self._prefetch(question)

    def rank(self, question: str, keyword_text: str | None = None) -> list[IntentScore]:
        """Intents by score, best first; keywords are looked for in ``keyword_text`` when given (the
        words the user typed, before acronyms were spelt out)."""
        query = _normalise(np.asarray([self._embed_query(question)], dtype=np.float32))[0]
        nearest: list[float] = (
            np.maximum.reduceat(self._matrix @ query, self._starts).tolist() if self._intents else []
        )
        best: dict[Intent, float] = dict(zip(self._intents, nearest, strict=True))
        for intent, pattern in self._keywords:
            if pattern.search(question if keyword_text is None else keyword_text):
                # A settling word makes its intent count even when the wording is far from the examples.
                best[intent] = max(best.get(intent, 0.0) + KEYWORD_WEIGHT, KEYWORD_FLOOR)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0].value))
        return [IntentScore(intent, score) for intent, score in ranked]


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)
