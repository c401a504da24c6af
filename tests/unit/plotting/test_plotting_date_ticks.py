"""Date ticks in the UI language: numbers, never the C locale's English month names."""

from __future__ import annotations

import locale
from datetime import date

import pytest
from matplotlib.axes import Axes

from labapp.metrology.control_charts import individuals_limits
from labapp.plotting.comparison import draw_score_history
from labapp.plotting.control import draw_control_chart
from labapp.plotting.drift import draw_drift_chart
from labapp.plotting.fonts import configure_matplotlib_fonts
from labapp.plotting.style import ChartLabels, date_formats
from labapp.plotting.trend import draw_on_time_rate

MONTHS = [date(2026, m, 1) for m in range(1, 13)]
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov")


@pytest.fixture(autouse=True)
def _fonts() -> None:
    """Chinese tick texts render (no missing-glyph warnings) where a CJK font is installed."""
    configure_matplotlib_fonts()


def _ticks(ax: Axes) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels() if t.get_text()]


def _expected(ax: Axes, language: str) -> list[str]:
    """The tick texts computed from the tick dates themselves, in ``language``."""
    from matplotlib import dates as mdates

    days = [mdates.num2date(x).date() for x in ax.get_xticks()]
    left, right = ax.get_xlim()
    days = [d for d in days if left <= mdates.date2num(d) <= right]
    if language == "zh_CN":
        return [f"{d.year}年" if d.month == 1 else f"{d.month}月" for d in days]
    return [f"{d.year}-{d.month:02d}" for d in days]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_on_time_chart_months_in_the_language(axes: Axes, language: str) -> None:
    labels = ChartLabels(language=language)
    draw_on_time_rate(axes, MONTHS, [0.9] * 12, [10] * 12, labels=labels)
    ticks = _ticks(axes)
    assert ticks and ticks == _expected(axes, language)
    assert not any(name in t for t in ticks for name in ENGLISH_MONTHS)


def test_chinese_ticks_do_not_depend_on_the_process_locale(axes: Axes) -> None:
    before = locale.setlocale(locale.LC_TIME)
    draw_on_time_rate(axes, MONTHS, [0.9] * 12, [10] * 12, labels=ChartLabels(language="zh_CN"))
    assert "3月" in _ticks(axes) or "4月" in _ticks(axes)
    assert locale.setlocale(locale.LC_TIME) == before  # nothing global was changed
    axes.figure.savefig("/tmp/labapp-charts/date_ticks_zh.png")


def test_every_date_chart_takes_the_language(axes: Axes) -> None:
    zh = ChartLabels(language="zh_CN")
    figure = axes.figure
    figure.set_size_inches(8, 12)
    drift_ax, control_ax, score_ax = (figure.add_subplot(3, 1, i) for i in (1, 2, 3))
    axes.remove()
    draw_drift_chart(drift_ax, MONTHS[:6], [0.1] * 6, [0.01] * 6, labels=zh, coverage_factor=2)
    values = [1.0, 1.2, 0.9, 1.1, 1.0, 1.05]
    limits = individuals_limits(values)
    draw_control_chart(control_ax, MONTHS[:6], values, limits, labels=zh)
    draw_score_history(score_ax, MONTHS[:6], [0.2] * 6, [0.5] * 6, labels=zh)
    for ax in (drift_ax, control_ax, score_ax):
        ticks = _ticks(ax)
        assert ticks and all(t.endswith(("月", "年", "日")) for t in ticks), ticks


def test_formats_are_numeric() -> None:
    for language in ("en", "zh_CN", "zh"):
        for formats in date_formats(language):
            assert not any("%b" in f or "%B" in f for f in formats)
    assert date_formats("zh_CN") == date_formats("zh") != date_formats("en_US")
