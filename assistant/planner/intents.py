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
    OVERVIEW = "overview"  # what the report covers: its market and headline facts
    PASSAGE = "passage"  # a fact stated somewhere in the prose
    THRESHOLD_YEAR = "threshold_year"  # the first year the market reaches a size
    RATIO = "ratio"  # how many times one year's size is another's
    CUMULATIVE = "cumulative"  # sizes added up over a range of years
    AVERAGE_GAIN = "average_gain"  # the mean yearly increase
    REQUIRED_RATE = "required_rate"  # the growth rate a target needs
    WHAT_IF = "what_if"  # a size at a rate the user supplies
    SOURCE = "source"  # the evidence behind the last answer
    SMALL_TALK = "small_talk"  # a greeting, thanks, or a question about the assistant itself
    STATED_FIGURE = "stated_figure"  # a figure from the quantity table: a region's share, a volume, ...
    METADATA = "metadata"  # the report's own code, pages, edition, periods
    YEAR_SPAN = "year_span"  # how many years lie between two years
    COMPARE_EARLIER = "compare_earlier"  # the difference between the two figures the last answers gave


SIZE_INTENTS = frozenset({Intent.SIZE_IN_YEAR, Intent.SIZE_BASE, Intent.SIZE_END})
# The two rankings the report names a leader for: the largest region, the fastest segment.
RANKINGS = frozenset({Intent.LARGEST_REGION, Intent.FASTEST_SEGMENT})
DERIVED_INTENTS = frozenset(
    {
        Intent.THRESHOLD_YEAR,
        Intent.RATIO,
        Intent.CUMULATIVE,
        Intent.AVERAGE_GAIN,
        Intent.REQUIRED_RATE,
        Intent.WHAT_IF,
    }
)
NUMERIC_INTENTS = SIZE_INTENTS | {Intent.GROWTH, Intent.TABLE, Intent.CAGR, Intent.DOUBLING} | DERIVED_INTENTS
