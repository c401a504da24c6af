"""Tests of the on-time verification rate chart: bars in %, colours against the target."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from matplotlib import colors as mcolors
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.container import BarContainer

from labapp.plotting import style
from labapp.plotting.style import ChartLabels
from labapp.plotting.trend import draw_on_time_rate

Save = Callable[[Axes, str], list[str]]

MONTHS = [date(2024, m, 1) for m in range(1, 13)]
RATES = [1.0, 0.96, 0.99, None, 0.9, 1.0, 0.985, 0.97, 1.0, 0.995, 0.92, 1.0]
DUE = [14, 25, 70, 0, 10, 8, 66, 33, 12, 199, 25, 9]
ZH = ChartLabels(
    title="2024 年受检率",
    x_label="月份",
    y_label="受检率",
    legend={"rate": "受检率", "target": "目标 98 %", "due": "应检 {n}"},
)


def test_bars_in_percent_coloured_by_target(axes: Axes) -> None:
    _, data = draw_on_time_rate(axes, MONTHS, RATES, DUE, target=0.98)
    (bars,) = [c for c in axes.containers if isinstance(c, BarContainer)]
    assert len(bars) == 11  # April had nothing due
    assert [b.get_height() for b in bars] == pytest.approx(
        [100 * r for r in RATES if r is not None]
    )
    centres = [mdates.num2date(b.get_x() + b.get_width() / 2).date() for b in bars]
    assert centres == [m for m, r in zip(MONTHS, RATES, strict=True) if r is not None]
    colours = [mcolors.to_hex(b.get_facecolor()) for b in bars]
    expected = [style.PASS if r >= 0.98 else style.FAIL for r in RATES if r is not None]
    assert colours == [c.lower() for c in expected]
    assert data.target_percent == pytest.approx(98.0)
    assert [float(line.get_ydata()[0]) for line in axes.get_lines()] == pytest.approx([98.0])  # type: ignore[index]
    texts = [t.get_text() for t in axes.texts]
    assert texts[0] == "n=14" and texts[3] == "–"
    assert axes.get_ylabel() == "%"


def test_no_target_is_all_pass(axes: Axes) -> None:
    _, data = draw_on_time_rate(axes, MONTHS, RATES, DUE)
    assert {c for c in data.colours if c is not None} == {style.PASS}
    assert data.target_percent is None and not axes.get_lines()


def test_rates_are_fractions(axes: Axes) -> None:
    with pytest.raises(ValueError, match="fractions"):
        draw_on_time_rate(axes, MONTHS[:1], [96.0], DUE[:1])
    with pytest.raises(ValueError, match="same length"):
        draw_on_time_rate(axes, MONTHS, RATES[:2], DUE)


def test_png_english(axes: Axes, save_png: Save) -> None:
    labels = ChartLabels(title="On-time verification rate 2024", x_label="Month", y_label="Rate")
    draw_on_time_rate(axes, MONTHS, RATES, DUE, labels, target=0.98)
    assert save_png(axes, "on_time_rate_en") == []
    assert all("." not in t.get_text() for t in axes.get_xticklabels())


def test_png_chinese(axes: Axes, save_png: Save, cjk: str) -> None:
    draw_on_time_rate(axes, MONTHS, RATES, DUE, ZH, target=0.98)
    assert save_png(axes, "on_time_rate_zh") == []
    assert "应检 14" in [t.get_text() for t in axes.texts]
