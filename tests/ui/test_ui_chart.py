"""Market size chart: one point per year, stated / computed / extrapolated marked distinctly."""

from __future__ import annotations

from matplotlib.colors import to_hex

from assistant.domain.answer import SeriesPoint
from assistant.ui.chart import STYLES, series_figure


def _kinds_drawn(figure):
    """(year, value, marker face colour, edge colour) of every plotted point."""
    axes = figure.axes[0]
    points = []
    for collection in axes.collections:
        if collection.get_sizes()[0] > 100:
            continue  # the halo behind a highlighted year
        ((x, y),) = collection.get_offsets()
        points.append(
            (int(x), float(y), to_hex(collection.get_facecolor()[0]), to_hex(collection.get_edgecolor()[0]))
        )
    return sorted(points)


def test_no_series_no_chart():
    assert series_figure([]) is None


def test_real_forecast_series_is_drawn_point_by_point(forecast_answer):
    figure = series_figure(forecast_answer.series, "USD")
    assert figure is not None
    drawn = _kinds_drawn(figure)
    expected = sorted((p.year, p.value) for p in forecast_answer.series)
    assert [(year, value) for year, value, _, _ in drawn] == expected
    axes = figure.axes[0]
    assert axes.get_ylabel() == "Market size (USD billion)"
    legend = {t.get_text() for t in axes.get_legend().get_texts()}
    assert legend >= {STYLES["stated"][0], STYLES["computed"][0]}


def test_each_kind_has_its_own_marker_and_extrapolation_is_dashed():
    series = [
        SeriesPoint(year=2024, value=6.35, unit="billion", kind="backcast"),
        SeriesPoint(year=2025, value=6.71, unit="billion", kind="stated"),
        SeriesPoint(year=2026, value=7.09, unit="billion", kind="computed"),
        SeriesPoint(year=2032, value=9.86, unit="billion", kind="extrapolated"),
    ]
    figure = series_figure(series)
    assert figure is not None
    faces = {year: (face, edge) for year, _, face, edge in _kinds_drawn(figure)}
    styles = {kind: (to_hex(STYLES[kind][2]), to_hex(STYLES[kind][3])) for kind in STYLES}
    assert faces == {
        2024: styles["backcast"],
        2025: styles["stated"],
        2026: styles["computed"],
        2032: styles["extrapolated"],
    }
    assert len(set(faces.values())) == 4, "every kind must look different"
    axes = figure.axes[0]
    segments = {
        (int(line.get_xdata()[0]), int(line.get_xdata()[1])): line.get_linestyle()
        for line in axes.get_lines()
    }
    assert segments == {(2024, 2025): "--", (2025, 2026): "-", (2026, 2032): "--"}
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == [STYLES[k][0] for k in ("backcast", "stated", "computed", "extrapolated")]


def test_the_year_asked_about_is_highlighted(forecast_answer):
    asked = {c.output["year"] for c in forecast_answer.computations if c.tool == "market_size_in_year"}
    assert asked == {2029}
    figure = series_figure(forecast_answer.series, "USD", asked)
    assert figure is not None
    axes = figure.axes[0]
    halos = [c for c in axes.collections if c.get_sizes()[0] > 100]
    assert [tuple(c.get_offsets()[0]) for c in halos] == [(2029.0, 8.36)]
    bold = [t.get_text() for t in axes.texts if t.get_fontweight() == "bold"]
    assert bold == ["8.36"]
