"""Tests of the control chart: fixed limits, zone lines, reference/MPE lines, marked violations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from matplotlib import colors as mcolors
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection

from labapp.metrology.control_charts import Rule, RuleViolation, individuals_limits, run_rules
from labapp.plotting import style
from labapp.plotting.control import draw_control_chart
from labapp.plotting.style import ChartLabels

Save = Callable[[Axes, str], list[str]]

# Deviation of a 10 V check standard from its nominal value (µV), one check a fortnight.
BASELINE = [2.1, 1.6, 2.4, 1.9, 2.2, 1.5, 2.0, 2.6, 1.8, 2.3, 1.7, 2.0, 2.5, 1.9, 2.2, 1.8]
LIMITS = individuals_limits(BASELINE)
LATER_Z = [0.3, -0.5, 3.4, 0.2, -0.4, 0.6, 0.5, 0.8, 0.4, 0.7, 0.3, 0.9, 0.5, -0.2]
VALUES = BASELINE + [LIMITS.centre + z * LIMITS.sigma for z in LATER_Z]
DATES = [date(2023, 1, 9) + timedelta(days=14 * i) for i in range(len(VALUES))]
EN = ChartLabels(title="Intermediate check: 10 V", x_label="Check date", y_label="Deviation")
ZH = ChartLabels(
    title="期间核查控制图：10 V 标准",
    x_label="核查日期",
    y_label="偏差",
    legend={
        "values": "核查结果",
        "centre": "中心线",
        "ucl": "上控制限",
        "lcl": "下控制限",
        "zones": "±1σ、±2σ",
        "reference": "参考值",
        "mpe": "最大允许误差",
        "violations": "判异点（规则号）",
    },
)


def _hlines(ax: Axes, colour: str) -> list[float]:
    wanted = mcolors.to_rgba(colour)
    return sorted(
        float(line.get_ydata()[0])  # type: ignore[index]
        for line in ax.get_lines()
        if mcolors.to_rgba(line.get_color()) == wanted and len(line.get_ydata()) == 2  # type: ignore[arg-type]
    )


def _draw(ax: Axes, labels: ChartLabels = EN) -> object:
    return draw_control_chart(
        ax, DATES, VALUES, LIMITS, reference=2.5, mpe=3.0, unit="µV", labels=labels
    )[1]


def test_points_and_lines(axes: Axes) -> None:
    _draw(axes)
    points = axes.get_lines()[0]
    assert list(points.get_xdata()) == DATES
    assert list(points.get_ydata()) == pytest.approx(VALUES)
    assert _hlines(axes, style.LIMIT) == pytest.approx([LIMITS.lcl, LIMITS.ucl])
    zones = [LIMITS.line(k) for k in (-2, -1, 1, 2)]
    assert _hlines(axes, style.ZONE) == pytest.approx(zones)
    assert _hlines(axes, style.REFERENCE) == pytest.approx([LIMITS.centre])
    assert _hlines(axes, style.REFERENCE_VALUE) == [2.5]
    assert _hlines(axes, style.MPE) == [-0.5, 5.5]
    assert isinstance(axes.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)


def test_violations_marked_at_their_indices(axes: Axes) -> None:
    _, data = draw_control_chart(axes, DATES, VALUES, LIMITS, labels=EN)
    expected = run_rules(VALUES, LIMITS)
    assert set(data.marked) == {v.index for v in expected}
    assert data.marked[18] == "1"  # 3.4σ
    assert data.marked[28] == "4"  # the eighth point in a row above the centre
    (scatter,) = [c for c in axes.collections if isinstance(c, PathCollection)]
    offsets = scatter.get_offsets()
    assert [float(y) for _, y in offsets] == pytest.approx([VALUES[i] for i in data.marked])
    assert mcolors.to_hex(scatter.get_facecolor()[0]) == style.FAIL.lower()
    texts = {t.get_text() for t in axes.texts}
    assert {"1", "4"} <= texts


def test_explicit_violations_and_index_axis(axes: Axes) -> None:
    index = list(range(1, len(VALUES) + 1))
    violations = [RuleViolation(3, Rule.TREND, "x"), RuleViolation(3, Rule.BEYOND_3_SIGMA, "y")]
    _, data = draw_control_chart(axes, index, VALUES, LIMITS, violations=violations)
    assert data.marked == {3: "1,5"}
    assert not isinstance(axes.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    _, none = draw_control_chart(axes, index, VALUES, LIMITS, violations=[])
    assert none.marked == {}


def test_limits_do_not_move_when_points_are_added(axes: Axes) -> None:
    _, first = draw_control_chart(axes, DATES[:16], VALUES[:16], individuals_limits(BASELINE))
    axes.clear()
    _, later = draw_control_chart(axes, DATES, VALUES, individuals_limits(BASELINE))
    assert (later.centre, later.ucl, later.lcl, later.zones) == (
        first.centre,
        first.ucl,
        first.lcl,
        first.zones,
    )
    assert individuals_limits(VALUES).ucl != later.ucl
    assert _hlines(axes, style.LIMIT) == pytest.approx([first.lcl, first.ucl])


def test_mpe_without_reference_is_around_zero(axes: Axes) -> None:
    _, data = draw_control_chart(axes, DATES, VALUES, LIMITS, mpe=-4)
    assert data.mpe_lines == (-4.0, 4.0)
    assert data.reference is None


def test_lengths_must_match(axes: Axes) -> None:
    with pytest.raises(ValueError, match="same length"):
        draw_control_chart(axes, DATES[:3], VALUES, LIMITS)


def test_png_english(axes: Axes, save_png: Save) -> None:
    _draw(axes)
    assert save_png(axes, "control_en") == []


def test_png_chinese(axes: Axes, save_png: Save, cjk: str) -> None:
    _draw(axes, ZH)
    assert save_png(axes, "control_zh") == []
    legend = axes.get_legend()
    assert legend is not None
    assert "判异点（规则号）" in {t.get_text() for t in legend.get_texts()}


def test_too_few_baseline_points_are_said_on_the_chart() -> None:
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    labels = ChartLabels(legend={"few_baseline": "基线仅 {n} 点，少于 {m}"})
    _, data = draw_control_chart(ax, DATES, VALUES, LIMITS, labels=labels,
                                 baseline_points=16, min_baseline=20)  # fmt: skip
    assert data.warning == "基线仅 16 点，少于 20"
    assert data.warning in [t.get_text() for t in ax.texts]
    ax2 = Figure().add_subplot()
    _, enough = draw_control_chart(ax2, DATES, VALUES, LIMITS, baseline_points=20, min_baseline=20)
    assert enough.warning is None and not [t for t in ax2.texts if "baseline" in t.get_text()]
