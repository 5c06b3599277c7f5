"""The tools' argument schemas: what each argument means and its unit, as the model reads them.

The schemas only type and describe the arguments; ranges (years 1900..2100, rates above -100 %) are
checked by the pure functions so the model gets one consistent message for each mistake.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools.facts import FACT_NAMES
from tools.search import MAX_K

_BASE = "Base-year market size in the report's unit, e.g. 6.71 for USD 6.71 billion."
_RATE = "CAGR as a percent: 5.65 means 5.65 % a year. Above -100."
_UNIT = "Scale of the sizes: thousand, million, billion or trillion (as the report states them)."
_END = "Last year of the report's forecast (e.g. 2031); later years are marked extrapolated."
_STATED = "Sizes the report itself states, year to size in `unit`, e.g. {2025: 6.71, 2031: 9.33}."


class _SeriesArgs(BaseModel):
    base_value: float = Field(description=_BASE)
    base_year: int = Field(description="Year of the base size, e.g. 2025 (1900..2100).")
    cagr_percent: float = Field(description=_RATE)
    unit: str = Field("billion", description=_UNIT)
    currency: str = Field("USD", description="ISO currency code of the sizes.")
    forecast_end_year: int | None = Field(None, description=_END)
    stated: dict[int, float] | None = Field(None, description=_STATED)


class MarketSizeArgs(_SeriesArgs):
    year: int = Field(description="Year whose size is wanted (1900..2100).")


class GrowthArgs(_SeriesArgs):
    from_year: int = Field(description="First year (1900..2100).")
    to_year: int = Field(description="Last year, not before from_year (1900..2100).")


class TableArgs(GrowthArgs):
    """Same arguments as growth; at most 200 rows."""


class CagrArgs(BaseModel):
    start_value: float = Field(description="Size in start_year, in the report's unit (e.g. billion USD).")
    start_year: int = Field(description="Year of start_value (1900..2100).")
    end_value: float = Field(description="Size in end_year, same unit as start_value.")
    end_year: int = Field(description="Year of end_value, after start_year (1900..2100).")


class DoublingArgs(BaseModel):
    cagr_percent: float = Field(description="CAGR as a percent: 5.65 means 5.65 % a year. Positive.")


class ConvertArgs(BaseModel):
    value: float = Field(description="Amount in from_unit, e.g. 8.36.")
    from_unit: str = Field(description="thousand, million, billion or trillion, e.g. billion.")
    to_unit: str = Field(description="thousand, million, billion or trillion, e.g. million.")


class ThresholdArgs(_SeriesArgs):
    target_value: float = Field(
        description="The size to reach, in the report's unit (e.g. 10 for USD 10 billion)."
    )


class RatioArgs(GrowthArgs):
    """Same arguments as growth: from_year must be before to_year."""


class CumulativeArgs(GrowthArgs):
    """Same arguments as growth; at most 200 years."""


class AverageGainArgs(GrowthArgs):
    """Same arguments as growth: from_year must be before to_year."""


class RequiredRateArgs(BaseModel):
    start_value: float = Field(description="Size in start_year, in the report's unit (e.g. billion USD).")
    start_year: int = Field(description="Year of start_value (1900..2100).")
    target_value: float | None = Field(
        None, description="The size to reach, same unit as start_value; or give target_multiple instead."
    )
    target_year: int = Field(description="Year by which the target is reached, after start_year.")
    target_multiple: float | None = Field(
        None, description="Instead of target_value: how many times start_value to reach (2 = double)."
    )


class ProjectionArgs(BaseModel):
    base_value: float = Field(description=_BASE)
    base_year: int = Field(description="Year of the base size, e.g. 2025 (1900..2100).")
    assumed_cagr_percent: float = Field(description="The rate the user supplies, as a percent: 6 means 6 %.")
    year: int = Field(description="Year whose size is wanted (1900..2100).")
    unit: str = Field("billion", description=_UNIT)
    currency: str = Field("USD", description="ISO currency code of the sizes.")


class ShareValueArgs(BaseModel):
    total_value: float = Field(description="The whole, e.g. the market's size in a year, in its unit.")
    share_percent: float = Field(description="The part's share as a percent: 31.4 means 31.4 %.")


class ShareOfTotalArgs(BaseModel):
    part_value: float = Field(description="The part, in the same unit as total_value.")
    total_value: float = Field(description="The whole, in the same unit as part_value.")


class PerUnitArgs(BaseModel):
    total_value: float = Field(description="The amount to share out, e.g. the market's size in a year.")
    total_unit: str = Field("billion", description=_UNIT)
    count: float = Field(description="How many units it is shared over, e.g. units shipped that year.")


class RemainderArgs(BaseModel):
    shares: list[float] = Field(
        description="The parts' shares as percents, e.g. [38.5, 27.2] for two regions."
    )


class CountArgs(BaseModel):
    items: list[str] = Field(description="The items of a list the report gives, one string each.")


class CompareArgs(BaseModel):
    first_value: float = Field(description="The first figure.")
    second_value: float = Field(description="The second figure, same unit as the first.")
    first_label: str = Field(description="What the first figure is, e.g. 'X market 2030'.")
    second_label: str = Field(description="What the second figure is.")


class FactArgs(BaseModel):
    name: str = Field(description="Which fact: " + ", ".join(FACT_NAMES) + ".")
    report_id: str | None = Field(None, description="Report id; omit for the current report.")


class QuantitiesArgs(BaseModel):
    metric: str | None = Field(
        None, description="market_size, cagr, share, volume, price, count or growth; omit for all."
    )
    name: str | None = Field(None, description="A region, country or segment, or 'market'; omit for all.")
    year: int | None = Field(None, description="Keep the figures whose years include this year.")
    report_id: str | None = Field(None, description="Report id; omit for the current report.")


class SearchArgs(BaseModel):
    query: str = Field(description="What to look for, as a phrase or question.")
    k: int = Field(4, description=f"How many passages, 1 to {MAX_K}.")
    report_id: str | None = Field(None, description="Report id; omit for the current report.")
