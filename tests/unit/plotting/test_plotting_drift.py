"""Tests of the drift chart: plotted data, the predicted out-of-tolerance date, Chinese labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.container import ErrorbarContainer
from matplotlib.lines import Line2D

from labapp.metrology.intervals import days_since, fit_drift, interval_for_limits
from labapp.plotting.drift import draw_drift_chart
from labapp.plotting.style import ChartLabels

Save = Callable[[Axes, str], list[str]]

DATES = [
    date(2019, 3, 1),
    date(2020, 2, 15),
    date(2021, 3, 10),
    date(2022, 3, 1),
    date(2023, 2, 20),
    date(2024, 3, 5),
]
ERRORS = [Decimal("0.010"), Decimal("0.018"), Decimal("0.031"), Decimal("0.037"), 0.049, 0.058]
U = [0.008] * 6
ZH = ChartLabels(
    title="数字多用表 10 V 点示值误差漂移",
    x_label="校准日期",
    y_label="示值误差",
    legend={
        "measured": "示值误差 ± U",
        "fit": "漂移拟合",
        "band": "95 % 预测区间",
        "upper": "最大允许误差上限",
        "lower": "最大允许误差下限",
        "out_of_tolerance": "预计超差 {date}",
    },
)
EN = ChartLabels(title="DMM 10 V point: drift", x_label="Calibration date", y_label="Error")


def _line(ax: Axes, label: str) -> Line2D:
    found = [line for line in ax.get_lines() if line.get_label() == label]
    assert len(found) == 1, [line.get_label() for line in ax.get_lines()]
    return found[0]


def _draw(ax: Axes, labels: ChartLabels = EN) -> object:
    return draw_drift_chart(
        ax,
        DATES,
        ERRORS,
        U,
        lower=-0.1,
        upper=Decimal("0.1"),
        unit="mV",
        labels=labels,
        coverage_factor=2.0,
    )[1]


def test_points_and_error_bars(axes: Axes) -> None:
    _draw(axes)
    container = axes.containers[0]
    assert isinstance(container, ErrorbarContainer)
    data_line, _caps, (bars,) = container.lines
    assert list(data_line.get_xdata()) == DATES
    assert list(data_line.get_ydata()) == pytest.approx([float(e) for e in ERRORS])
    spans = np.array([(seg[0][1], seg[1][1]) for seg in bars.get_segments()])
    expected = np.array([(float(e) - 0.008, float(e) + 0.008) for e in ERRORS])
    np.testing.assert_allclose(spans, expected)
    assert list(_line(axes, "Upper limit").get_ydata()) == [0.1, 0.1]
    assert list(_line(axes, "Lower limit").get_ydata()) == [-0.1, -0.1]
    assert axes.get_ylabel() == "Error (mV)"


def test_fit_line_and_predicted_exit_date(axes: Axes) -> None:
    ax, data = draw_drift_chart(
        axes, DATES, ERRORS, U, lower=-0.1, upper=0.1, labels=EN, coverage_factor=2.0
    )
    t = days_since(DATES, DATES[0])
    slope, intercept = np.polyfit(t, [float(e) for e in ERRORS], 1)
    fitted = _line(ax, "Drift fit")
    assert data.fit_values == pytest.approx(intercept + slope * np.array(data.fit_days))
    assert list(fitted.get_ydata()) == pytest.approx(data.fit_values)
    # Independent of the chart: project from the last calibration, u0 = U / 2.
    tau = interval_for_limits(
        fit_drift(t, [float(e) for e in ERRORS]), 0.058, 0.004, -0.1, 0.1, start=t[-1]
    )
    assert tau is not None and tau > 0
    expected = DATES[-1] + timedelta(days=tau)
    assert data.out_of_tolerance_on == expected
    assert data.interval_days == pytest.approx(tau)
    exits = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert len(exits) == 1
    assert mdates.date2num(exits[0].get_xdata()[0]) == pytest.approx(mdates.date2num(expected))
    assert fitted.get_xdata()[-1].date() == DATES[-1]  # the fit covers the history
    projected = _line(ax, "Projection from last calibration")
    assert projected.get_xdata()[0].date() == DATES[-1]
    assert projected.get_ydata()[0] == pytest.approx(0.058)  # starts at the last error
    # The band contains the projection and widens away from the last calibration.
    low, high = np.array(data.band_low), np.array(data.band_high)
    value = np.array(data.projection_values)
    assert np.all(low < value) and np.all(value < high)
    assert (high - low)[-1] > (high - low)[len(high) // 3]


def test_plotted_band_meets_the_limit_at_the_reported_date(axes: Axes) -> None:
    """One computation: the band drawn crosses the upper limit where the exit date is."""
    _, data = draw_drift_chart(
        axes, DATES, ERRORS, U, lower=-0.1, upper=0.1, labels=EN, coverage_factor=2.0
    )
    assert data.out_of_tolerance_on is not None and data.interval_days is not None
    exit_day = float(days_since([data.out_of_tolerance_on], DATES[0])[0])
    days, high = np.array(data.projection_days), np.array(data.band_high)
    assert days[0] < exit_day < days[-1]
    crossing = np.interp(0.1, high, days)  # the band's upper edge rises monotonically here
    assert crossing == pytest.approx(days[0] + data.interval_days, abs=days[1] - days[0])
    assert np.all(high[days < exit_day - 1] < 0.1) and np.all(high[days > exit_day + 1] > 0.1)
    # The band as drawn in the figure (the PolyCollection) reaches 0.1 at the same date.
    band = next(c for c in axes.collections if c.get_label() == "95 % projection band")
    vertices = band.get_paths()[0].vertices
    upper_edge = vertices[len(days) + 1 : 2 * len(days) + 1]
    x = mdates.date2num(data.out_of_tolerance_on)
    y_at_exit = np.interp(x, upper_edge[::-1, 0], upper_edge[::-1, 1])
    assert y_at_exit == pytest.approx(0.1, abs=1e-4)


def test_no_limits_no_prediction_and_few_points_no_fit(axes: Axes) -> None:
    _, data = draw_drift_chart(axes, DATES, ERRORS, U, labels=EN, coverage_factor=2.0)
    assert data.line is not None and data.out_of_tolerance_on is None
    assert not [line for line in axes.get_lines() if line.get_linestyle() == ":"]
    _, few = draw_drift_chart(axes, DATES[:2], ERRORS[:2], U[:2], upper=0.1, coverage_factor=2.0)
    assert few.line is None and few.fit_values == ()
    _, unfitted = draw_drift_chart(
        axes, DATES, ERRORS, U, upper=0.1, fit=False, coverage_factor=2.0
    )
    assert unfitted.line is None


def test_horizon_limits_the_search(axes: Axes) -> None:
    _, data = draw_drift_chart(
        axes, DATES, ERRORS, U, upper=0.1, horizon_days=30, coverage_factor=2.0
    )
    assert data.out_of_tolerance_on is None


def test_unsorted_input_is_sorted(axes: Axes) -> None:
    _, data = draw_drift_chart(axes, DATES[::-1], ERRORS[::-1], U, upper=0.1, coverage_factor=2.0)
    assert data.dates == tuple(DATES)


def test_lengths_must_match(axes: Axes) -> None:
    with pytest.raises(ValueError, match="same length"):
        draw_drift_chart(axes, DATES, ERRORS[:3], U, coverage_factor=2.0)


def test_date_axis_reads_as_dates(axes: Axes, save_png: Save) -> None:
    _draw(axes)
    assert save_png(axes, "drift_en") == []
    assert isinstance(axes.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    ticks = [t.get_text() for t in axes.get_xticklabels()]
    assert ticks and all("." not in t for t in ticks)
    assert any(t in {"2020", "2022", "2024"} for t in ticks)


def test_chinese_labels_render_without_missing_glyphs(axes: Axes, save_png: Save, cjk: str) -> None:
    _draw(axes, ZH)
    assert save_png(axes, "drift_zh") == []
    assert axes.get_title() == ZH.title
    assert "预计超差" in " ".join(t.get_text() for t in axes.texts)
    assert {t.get_text() for t in axes.get_legend().get_texts()} >= {"漂移拟合", "示值误差 ± U"}


def test_the_glyph_check_catches_missing_cjk_glyphs(axes: Axes, save_png: Save) -> None:
    import matplotlib

    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["font.sans-serif"] = ["DejaVu Sans"]
    _draw(axes, ZH)
    assert save_png(axes, "drift_zh_boxes")  # without a CJK font the warnings do come


def test_no_predicted_exit_without_a_stated_k(axes: Axes) -> None:
    _, data = draw_drift_chart(axes, DATES, ERRORS, U, upper=0.1, coverage_factor=None)
    assert data.line is not None
    assert data.out_of_tolerance_on is None
