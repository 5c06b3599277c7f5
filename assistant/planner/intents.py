"""What a question can ask for. The registry (``assistant.planner.registry``) gives each intent its
example phrasings, settling keywords, the particulars it uses and the script that answers it."""

from __future__ import annotations

from enum import StrEnum


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


SIZE_INTENTS = frozenset({Intent.SIZE_IN_YEAR, Intent.SIZE_BASE, Intent.SIZE_END})
NUMERIC_INTENTS = SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE, Intent.CAGR, Intent.DOUBLING}
