"""What a question asks for, recognised by meaning: the question's embedding is compared with
example phrasings of every intent (nearest neighbour), and a few unambiguous words add weight.

Examples are written the way analysts type, so paraphrases land on the same intent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np


class Intent(StrEnum):
    SIZE_IN_YEAR = "size_in_year"
    SIZE_BASE = "size_base"
    SIZE_END = "size_end"
    CAGR = "cagr"
    GROWTH = "growth"
    DOUBLING = "doubling"
    TABLE = "table"
    FORECAST_PERIOD = "forecast_period"
    LARGEST_REGION = "largest_region"
    FASTEST_SEGMENT = "fastest_segment"
    KEY_PLAYERS = "key_players"
    SEGMENTATION = "segmentation"
    DEVELOPMENTS = "developments"
    DRIVERS = "drivers"
    CHALLENGES = "challenges"
    TRENDS = "trends"
    DEFINITION = "definition"
    PUBLISHER = "publisher"
    PASSAGE = "passage"  # a fact stated somewhere in the prose


EXAMPLES: dict[Intent, tuple[str, ...]] = {
    Intent.SIZE_IN_YEAR: (
        "how big will the market be in 2029",
        "market size in 2028",
        "what will the market be worth in 2030",
        "projected market value for 2027",
        "forecast revenue of the market in 2029",
        "2029 market size?",
        "expected size of the market by 2030",
        "how large is the market going to be in 2033",
        "what was the market size in 2022",
        "estimate the market value for 2026 in millions",
    ),
    Intent.SIZE_BASE: (
        "how big is the market",
        "what is the current market size",
        "market size today",
        "what is the market worth now",
        "how large was the market in the base year",
        "current value of the market in usd",
        "what is the base year",
        "base year of the report",
    ),
    Intent.SIZE_END: (
        "how big will the market be at the end of the forecast",
        "what is the forecast market size",
        "projected market size at the end of the forecast period",
        "what will the market reach",
        "market value by the end of the forecast",
    ),
    Intent.CAGR: (
        "what is the cagr",
        "what growth rate is expected",
        "how fast is the market growing",
        "annual growth rate of the market",
        "compound annual growth rate over the forecast period",
        "at what rate will the market expand",
        "growth rate %",
    ),
    Intent.GROWTH: (
        "how much will the market grow between 2025 and 2031",
        "by how much will the market increase from 2026 to 2030",
        "absolute growth of the market over the forecast",
        "percentage increase in market size between 2027 and 2031",
        "how much bigger will the market be in 2031 than in 2025",
        "what is the increase in market value",
        "how much growth is that",
        "how much does it grow in between",
        "what is the growth between those years",
        "how much will it add in value",
    ),
    Intent.DOUBLING: (
        "when will the market double",
        "how long until the market doubles",
        "doubling time of the market",
        "in how many years will the market size be twice as big",
    ),
    Intent.TABLE: (
        "market size for each year of the forecast",
        "year by year forecast",
        "show the market size every year from 2025 to 2031",
        "annual market values table",
        "forecast table by year",
    ),
    Intent.FORECAST_PERIOD: (
        "what is the forecast period",
        "which years does the forecast cover",
        "what period is the report forecasting",
        "forecast horizon of the report",
    ),
    Intent.LARGEST_REGION: (
        "which region leads",
        "which region dominates the market",
        "largest regional market",
        "biggest region",
        "which geography has the largest share",
        "leading region",
        "where is the market largest",
    ),
    Intent.FASTEST_SEGMENT: (
        "fastest growing segment",
        "which segment grows fastest",
        "which therapeutic area is growing the fastest",
        "quickest growing category",
        "what segment has the highest growth",
    ),
    Intent.KEY_PLAYERS: (
        "who are the key players",
        "main companies in the market",
        "list the major competitors",
        "which companies are profiled",
        "top vendors",
        "who are the leading firms",
    ),
    Intent.SEGMENTATION: (
        "how is the market segmented",
        "what segments does the report cover",
        "which phases are covered",
        "what clinical trial services are included",
        "which countries are covered in europe",
        "what therapeutic areas are included",
        "which regions does the report cover",
    ),
    Intent.DEVELOPMENTS: (
        "what are the recent developments",
        "what did the company acquire",
        "latest news in the market",
        "any recent acquisitions or partnerships",
        "what did the company launch",
        "which company opened a new site",
        "what happened in october 2024",
    ),
    Intent.DRIVERS: (
        "what drives the market",
        "key market drivers",
        "what is fueling growth",
        "why is the market growing",
        "growth factors",
    ),
    Intent.CHALLENGES: (
        "what are the challenges",
        "what is holding the market back",
        "key market challenges",
        "main obstacles and restraints",
        "what risks does the market face",
    ),
    Intent.TRENDS: (
        "what are the key trends",
        "emerging trends in the market",
        "what trends are shaping the market",
        "market trends",
    ),
    Intent.DEFINITION: (
        "what is a site management organization",
        "what does an smo do",
        "define the market",
        "what do these organizations do",
        "what services do smos provide",
    ),
    Intent.PUBLISHER: (
        "who published this report",
        "publisher?",
        "which firm wrote the report",
        "who is the author of the study",
        "source of this research report",
    ),
    Intent.PASSAGE: (
        "what percentage of sites reported a decline in operating capital",
        "how many studies were listed on clinicaltrials.gov",
        "how much did the top 20 pharma companies spend on r&d",
        "by how much did enrollment time increase",
        "what share of respondents prioritize ai",
        "according to the report, what did a survey find",
    ),
}

# Words that settle an intent on their own; the embedding decides everything else.
_KEYWORDS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    (Intent.CAGR, re.compile(r"\bc\.?a\.?g\.?r\b|growth rate", re.I)),
    (Intent.DOUBLING, re.compile(r"\bdoubl|\btwice\b", re.I)),
    (
        Intent.TABLE,
        re.compile(
            r"\b(year[- ]by[- ]year|each year|every year|per year|annual(ly)? (values|sizes)|table)\b", re.I
        ),
    ),
    (Intent.FORECAST_PERIOD, re.compile(r"forecast (period|horizon|window)|which years", re.I)),
    (
        Intent.LARGEST_REGION,
        re.compile(
            r"\b(region|geograph|continent)\w*\b.*\b(lead|largest|biggest|dominat|top|main|most)|\b(lead|largest|biggest|dominat)\w*\b.*\b(region|geograph)",
            re.I,
        ),
    ),
    (Intent.FASTEST_SEGMENT, re.compile(r"fastest|quickest|most rapid|highest growth", re.I)),
    (
        Intent.KEY_PLAYERS,
        re.compile(r"\b(players?|vendors|competitors|competition|companies|firms|profiled)\b", re.I),
    ),
    (Intent.DRIVERS, re.compile(r"\bdriv(er|ers|ing|es)\b|\bfuel", re.I)),
    (Intent.CHALLENGES, re.compile(r"\bchallenge|\bobstacle|\brestraint|\bbarrier|\bhurdle", re.I)),
    (Intent.TRENDS, re.compile(r"\btrend", re.I)),
    (
        Intent.DEVELOPMENTS,
        re.compile(r"\b(acqui\w*|partner\w*|launch\w*|develop(ment)?s|news|announc\w*)\b", re.I),
    ),
    # Plural nouns and listing words ask for the list, not the leader.
    (
        Intent.SEGMENTATION,
        re.compile(
            r"\b(regions|countries|phases|segments|therapeutic areas|services|segmentation|segmented|breakdown)\b"
            r"|\b(covered|included|list)\b",
            re.I,
        ),
    ),
)
_KEYWORD_WEIGHT = 0.25
KEYWORD_FLOOR = 0.6


@dataclass(frozen=True)
class IntentScore:
    intent: Intent
    score: float  # cosine similarity to the nearest example, plus keyword weight


class IntentClassifier:
    """Nearest-example intent recognition over sentence embeddings."""

    def __init__(
        self,
        embed: Callable[[Sequence[str]], Sequence[Sequence[float]]],
        embed_query: Callable[[str], Sequence[float]] | None = None,
    ) -> None:
        self._embed = embed
        # The question's embedding is cached by the embedder, so the search that follows reuses it.
        self._embed_query = embed_query or (lambda text: embed([text])[0])
        labels: list[Intent] = []
        texts: list[str] = []
        for intent, examples in EXAMPLES.items():
            labels.extend([intent] * len(examples))
            texts.extend(examples)
        self._labels = labels
        self._matrix = _normalise(np.asarray(embed(texts), dtype=np.float32))

    def rank(self, question: str) -> list[IntentScore]:
        """Intents by score, best first."""
        query = _normalise(np.asarray([self._embed_query(question)], dtype=np.float32))[0]
        sims = self._matrix @ query
        best: dict[Intent, float] = {}
        for label, sim in zip(self._labels, sims, strict=True):
            best[label] = max(best.get(label, -1.0), float(sim))
        for intent, pattern in _KEYWORDS:
            if pattern.search(question):
                # A settling word makes its intent count even when the wording is far from the examples.
                best[intent] = max(best.get(intent, 0.0) + _KEYWORD_WEIGHT, KEYWORD_FLOOR)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0].value))
        return [IntentScore(intent, score) for intent, score in ranked]


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)
