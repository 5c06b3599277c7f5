"""Market size by year, drawn from ``Answer.series`` with each kind of figure marked distinctly.

Stated figures are solid dots, computed years hollow dots on a solid line, extrapolated years
(beyond the report's forecast) hollow diamonds on a dashed line, backcast years hollow triangles.
Uses matplotlib's object API (no pyplot state), so concurrent requests do not share figures.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from assistant.domain.answer import SeriesPoint
from assistant.domain.formatting import format_number

# kind -> (legend label, marker, face colour, edge colour)
STYLES: dict[str, tuple[str, str, str, str]] = {
    "stated": ("Stated in the report", "o", "#1d4ed8", "#1d4ed8"),
    "computed": ("Computed from the CAGR", "o", "white", "#1d4ed8"),
    "extrapolated": ("Extrapolated past the forecast", "D", "white", "#ea580c"),
    "backcast": ("Backcast before the base year", "^", "white", "#6b7280"),
}
DASHED_KINDS = {"extrapolated", "backcast"}
HALO = "#fde68a"  # the same soft yellow that marks quotes in the source panel
WIDTH_IN, HEIGHT_IN, DPI = 6.4, 3.5, 110  # figure size in inches and dots per inch


def series_figure(
    series: Sequence[SeriesPoint],
    currency: str | None = None,
    highlight: Collection[int] = (),
    title: str = "Market size by year",
) -> Figure | None:
    """A line chart of ``series`` (one point per year, value in the points' ``unit``, e.g. billion,
    of ``currency`` such as USD when given); years in ``highlight`` (the ones the question asked
    about) get a halo and a bold label. None when the series is empty."""
    if not series:
        return None
    points = sorted(series, key=lambda p: p.year)
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    for left, right in zip(points, points[1:], strict=False):
        dashed = left.kind in DASHED_KINDS or right.kind in DASHED_KINDS
        ax.plot(
            [left.year, right.year],
            [left.value, right.value],
            color="#ea580c" if dashed else "#1d4ed8",
            linestyle="--" if dashed else "-",
            linewidth=1.6,
            zorder=1,
        )
    seen: list[str] = []
    for point in points:
        label, marker, face, edge = STYLES[point.kind]
        ax.scatter(
            [point.year],
            [point.value],
            marker=marker,
            s=46,
            facecolors=face,
            edgecolors=edge,
            linewidths=1.6,
            zorder=3,
        )
        asked = point.year in highlight
        if asked:
            ax.scatter([point.year], [point.value], s=260, color=HALO, zorder=2, linewidths=0)
        ax.annotate(
            format_number(point.value),
            (point.year, point.value),
            textcoords="offset points",
            xytext=(0, 10 if asked else 8),
            ha="center",
            fontsize=9 if asked else 8,
            color="#111827" if asked else "#374151",
            fontweight="bold" if asked else "normal",
        )
        if point.kind not in seen:
            seen.append(point.kind)
    handles = [
        Line2D(
            [],
            [],
            marker=STYLES[k][1],
            linestyle="none",
            markerfacecolor=STYLES[k][2],
            markeredgecolor=STYLES[k][3],
            markeredgewidth=1.6,
            markersize=7,
            label=STYLES[k][0],
        )
        for k in seen
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False)
    values = [p.value for p in points]
    span = (max(values) - min(values)) or max(values) or 1.0
    ax.set_ylim(min(values) - 0.12 * span, max(values) + 0.3 * span)
    ax.set_xticks([p.year for p in points])
    ax.tick_params(axis="x", labelsize=8, labelrotation=0 if len(points) <= 12 else 45)
    ax.tick_params(axis="y", labelsize=8)
    unit = points[0].unit
    if currency and not unit.upper().startswith(currency.upper()):
        unit = f"{currency} {unit}"
    ax.set_ylabel(f"Market size ({unit})", fontsize=9)
    ax.set_title(title, fontsize=10, loc="left", color="#111827")
    ax.grid(axis="y", color="#e5e7eb", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig
