"""Tests of the comparison and score charts: values, U bars, reference band, class colours."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from matplotlib import colors as mcolors
from matplotlib.axes import Axes
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.patches import Rectangle

from labapp.metrology.comparison import ScoreClass, classify_score, en_number
from labapp.plotting import style
from labapp.plotting.comparison import draw_comparison_chart, draw_score_chart
from labapp.plotting.style import ChartLabels

Save = Callable[[Axes, str], list[str]]

# A 100 Ω standard resistor comparison: deviation from nominal (µΩ/Ω) and U (k = 2).
PARTICIPANTS = [
    ("L01", 1.8, 0.6),
    ("L02", 2.4, 0.5),
    ("L03", 1.1, 0.8),
    ("L04", 3.9, 0.7),
    ("L05", 2.0, 0.4),
    ("L06", 2.6, 0.9),
]
REF, REF_U = 2.1, 0.3
EN_SCORES = [en_number(v, u, REF, REF_U) for _, v, u in PARTICIPANTS]
CODES = [p[0] for p in PARTICIPANTS]
ZH = ChartLabels(
    title="100 Ω 标准电阻比对结果",
    x_label="实验室代码",
    y_label="偏差",
    legend={
        "participants": "参加实验室 ± U",
        "own": "本实验室 ± U",
        "reference": "参考值",
        "reference_band": "参考值 ± U",
    },
)


def test_participants_reference_and_own_point(axes: Axes) -> None:
    _, data = draw_comparison_chart(axes, PARTICIPANTS, REF, REF_U, own_code="L05", unit="µΩ/Ω")
    others, own = [c for c in axes.containers if isinstance(c, ErrorbarContainer)]
    x, y = others.lines[0].get_xdata(), others.lines[0].get_ydata()
    assert list(x) == [0, 1, 2, 3, 5]
    assert list(y) == [1.8, 2.4, 1.1, 3.9, 2.6]
    spans = np.array([(s[0][1], s[1][1]) for s in others.lines[2][0].get_segments()])
    np.testing.assert_allclose(spans[:, 1] - spans[:, 0], [1.2, 1.0, 1.6, 1.4, 1.8])
    assert list(own.lines[0].get_xdata()) == [4] and list(own.lines[0].get_ydata()) == [2.0]
    assert own.lines[0].get_marker() == "D"
    assert axes.get_xticklabels()[4].get_fontweight() == "bold"
    assert [t.get_text() for t in axes.get_xticklabels()] == CODES
    (band,) = [p for p in axes.patches if isinstance(p, Rectangle)]  # axhspan
    assert (band.get_y(), band.get_y() + band.get_height()) == pytest.approx((1.8, 2.4))
    assert data.reference_band == pytest.approx((1.8, 2.4))
    assert [float(line.get_ydata()[0]) for line in axes.get_lines()[:1]] == [2.1]  # type: ignore[index]


def test_own_code_must_be_a_participant(axes: Axes) -> None:
    with pytest.raises(ValueError, match="L99"):
        draw_comparison_chart(axes, PARTICIPANTS, REF, REF_U, own_code="L99")


def test_en_bars_coloured_by_class(axes: Axes) -> None:
    _, data = draw_score_chart(axes, CODES, EN_SCORES, "En", own_code="L05")
    (bars,) = [c for c in axes.containers if isinstance(c, BarContainer)]
    heights = [b.get_height() for b in bars]
    assert heights == pytest.approx(EN_SCORES)
    colours = [mcolors.to_hex(b.get_facecolor()) for b in bars]
    expected = [style.PASS if abs(s) <= 1 else style.FAIL for s in EN_SCORES]
    assert colours == [c.lower() for c in expected]
    assert colours[3] == style.FAIL.lower()  # L04: En = 2.4
    assert data.limit_lines == (-1.0, 1.0)
    limit_ys = sorted(float(line.get_ydata()[0]) for line in axes.get_lines())  # type: ignore[index]
    assert limit_ys == [-1.0, 0.0, 1.0]
    assert bars[4].get_linewidth() == 2.0


@pytest.mark.parametrize("kind", ["z", "zeta"])
def test_z_bars_have_three_classes(axes: Axes, kind: str, save_png: Save) -> None:
    scores = [0.4, -1.9, 2.5, -2.7, 3.2, -0.1]
    _, data = draw_score_chart(axes, CODES, scores, kind, own_code="L02")  # type: ignore[arg-type]
    assert data.classes == tuple(classify_score(s) for s in scores)
    assert data.classes[2] is ScoreClass.QUESTIONABLE
    (bars,) = [c for c in axes.containers if isinstance(c, BarContainer)]
    colours = [mcolors.to_hex(b.get_facecolor()) for b in bars]
    assert colours == [
        c.lower()
        for c in (
            style.PASS,
            style.PASS,
            style.CONDITIONAL,
            style.CONDITIONAL,
            style.FAIL,
            style.PASS,
        )
    ]
    limit_ys = sorted(float(line.get_ydata()[0]) for line in axes.get_lines())  # type: ignore[index]
    assert limit_ys == [-3.0, -2.0, 0.0, 2.0, 3.0]
    assert save_png(axes, f"score_{kind}_en") == []


def test_bad_kind_and_lengths(axes: Axes) -> None:
    with pytest.raises(ValueError, match="kind"):
        draw_score_chart(axes, CODES, EN_SCORES, "t")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="same length"):
        draw_score_chart(axes, CODES[:2], EN_SCORES)


def test_png_english(axes: Axes, save_png: Save) -> None:
    labels = ChartLabels(
        title="100 Ω resistor comparison", x_label="Laboratory", y_label="Deviation"
    )
    draw_comparison_chart(
        axes, PARTICIPANTS, REF, REF_U, own_code="L05", unit="µΩ/Ω", labels=labels
    )
    assert save_png(axes, "comparison_en") == []


def test_png_chinese(axes: Axes, save_png: Save, cjk: str) -> None:
    draw_comparison_chart(axes, PARTICIPANTS, REF, REF_U, own_code="L05", unit="µΩ/Ω", labels=ZH)
    assert save_png(axes, "comparison_zh") == []
    axes.clear()
    score_labels = ChartLabels(
        title="En 值", x_label="实验室代码", y_label="En", legend={"action": "|En| = 1"}
    )
    draw_score_chart(axes, CODES, EN_SCORES, "En", own_code="L05", labels=score_labels)
    assert save_png(axes, "score_en_zh") == []


def test_score_history_over_time_with_the_three_limit_pairs(axes: Axes, save_png) -> None:
    from datetime import date

    from labapp.metrology.comparison import classify_en
    from labapp.plotting.comparison import SCORE_CLASS_COLOURS, draw_score_history

    days = [date(2021, 5, 1), date(2022, 6, 1), date(2023, 4, 1), date(2024, 9, 1)]
    en = [0.4, None, -1.3, 0.8]  # 2022: not scored
    z = [0.9, 2.4, None, 3.6]
    ax, en_points, z_points = draw_score_history(axes, days, en, z)
    assert [d for d, _v in en_points] == [days[0], days[2], days[3]]
    assert [v for _d, v in z_points] == [0.9, 2.4, 3.6]
    levels = sorted({round(abs(line.get_ydata()[0]), 6) for line in ax.get_lines()
                     if len(set(line.get_ydata())) == 1})  # fmt: skip
    assert levels == [0.0, 1.0, 2.0, 3.0]
    low, high = ax.get_ylim()
    assert high >= 3.6 and low <= -3.6  # the largest score and the ±3 lines are inside
    en_marks = ax.collections[0].get_facecolors()
    expected = [mcolors.to_rgba(SCORE_CLASS_COLOURS[classify_en(v)]) for v in (0.4, -1.3, 0.8)]
    assert [tuple(c) for c in en_marks] == [tuple(c) for c in expected]
    assert not save_png(ax, "score_history")
    with pytest.raises(ValueError):
        draw_score_history(axes, days, en[:2], z)
