"""Charts of a comparison or proficiency test (计量比对 / 能力验证).

:func:`draw_comparison_chart` draws each participant's value with its expanded uncertainty U, the
reference value with its band ±U_ref, and highlights the laboratory's own result.
:func:`draw_score_chart` draws En, z or ζ scores as bars coloured by their class
(:func:`labapp.metrology.comparison.classify_en`,
:func:`~labapp.metrology.comparison.classify_score`) with the ±1 (En) or ±2/±3 (z, ζ) action lines.
:func:`draw_score_history` draws the laboratory's own En and z over time (its PT history) with the
±1 line of En and the ±2 / ±3 lines of z.

Legend keys of :class:`~labapp.plotting.style.ChartLabels`: ``participants``, ``own``,
``reference``, ``reference_band``, ``warning`` (±2), ``action`` (±1 for En, ±3 for z/ζ),
``satisfactory``, ``questionable``, ``unsatisfactory``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from labapp.metrology.comparison import ScoreClass, classify_en, classify_score
from labapp.plotting import style
from labapp.plotting.style import ChartLabels

__all__ = [
    "SCORE_CLASS_COLOURS",
    "ComparisonChartData",
    "ScoreChartData",
    "draw_comparison_chart",
    "draw_score_chart",
    "draw_score_history",
]

Number = float | Decimal
ScoreKind = Literal["En", "z", "zeta"]

#: Bar colour of each score class.
SCORE_CLASS_COLOURS: dict[ScoreClass, str] = {
    ScoreClass.SATISFACTORY: style.PASS,
    ScoreClass.QUESTIONABLE: style.CONDITIONAL,
    ScoreClass.UNSATISFACTORY: style.FAIL,
}


@dataclass(frozen=True)
class ComparisonChartData:
    """What :func:`draw_comparison_chart` plotted (x of participant i is i)."""

    codes: tuple[str, ...]
    values: tuple[float, ...]
    expanded_uncertainties: tuple[float, ...]
    reference_value: float
    reference_band: tuple[float, float]
    own_index: int | None


@dataclass(frozen=True)
class ScoreChartData:
    """What :func:`draw_score_chart` plotted (bar i at x = i)."""

    codes: tuple[str, ...]
    scores: tuple[float, ...]
    classes: tuple[ScoreClass, ...]
    colours: tuple[str, ...]
    limit_lines: tuple[float, ...]
    own_index: int | None


def _own_index(codes: Sequence[str], own_code: str | None) -> int | None:
    if own_code is None:
        return None
    if own_code not in codes:
        raise ValueError(f"own_code {own_code!r} is not among the participants")
    return list(codes).index(own_code)


def _category_axis(ax: Axes, codes: Sequence[str], own: int | None) -> None:
    ax.set_xticks(range(len(codes)), list(codes), rotation=45 if len(codes) > 12 else 0)
    if own is not None:
        ax.get_xticklabels()[own].set_fontweight("bold")
    ax.set_xlim(-0.6, len(codes) - 0.4)


def draw_comparison_chart(
    ax: Axes,
    participants: Sequence[tuple[str, Number, Number]],
    reference_value: Number,
    reference_U: Number,
    *,
    own_code: str | None = None,
    unit: str = "",
    labels: ChartLabels | None = None,
) -> tuple[Axes, ComparisonChartData]:
    """Draw the participants' results against the reference value.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes of a Figure (constrained layout keeps the legend under the axes inside it).
    participants : sequence of (code, value, U)
        Each participant's code, result and expanded uncertainty (at its own k).
    reference_value, reference_U : float or Decimal
        Reference (assigned) value and its expanded uncertainty, drawn as a line and a band.
    own_code : str, optional
        The laboratory's own code: its point is highlighted and its tick label bold.
    unit : str
        Appended to the y label.
    labels : ChartLabels, optional
        Translated texts (legend keys in the module docstring).
    """
    labels = labels or ChartLabels()
    codes = [str(p[0]) for p in participants]
    values = [float(p[1]) for p in participants]
    big_u = [float(p[2]) for p in participants]
    own = _own_index(codes, own_code)
    ref, ref_u = float(reference_value), abs(float(reference_U))
    band = (ref - ref_u, ref + ref_u)
    ax.axhspan(
        *band,
        color=style.BAND,
        alpha=0.25,
        linewidth=0,
        label=labels.text("reference_band", "Reference ± U"),
    )
    ax.axhline(
        ref, color=style.REFERENCE, linewidth=1.2, label=labels.text("reference", "Reference value")
    )
    others = [i for i in range(len(codes)) if i != own]
    ax.errorbar(
        others,
        [values[i] for i in others],
        yerr=[big_u[i] for i in others],
        fmt="o",
        color=style.DATA,
        capsize=4,
        label=labels.text("participants", "Participant ± U"),
        zorder=3,
    )
    if own is not None:
        ax.errorbar(
            [own],
            [values[own]],
            yerr=[big_u[own]],
            fmt="D",
            markersize=8,
            color=style.HIGHLIGHT,
            capsize=5,
            linewidth=2,
            label=labels.text("own", "This laboratory ± U"),
            zorder=4,
        )
    _category_axis(ax, codes, own)
    style.apply_labels(ax, labels, unit)
    ax.grid(True, axis="y", alpha=0.3)
    style.legend_below(ax)
    return ax, ComparisonChartData(tuple(codes), tuple(values), tuple(big_u), ref, band, own)


def _classify(
    kind: ScoreKind, scores: Sequence[float]
) -> tuple[list[ScoreClass], tuple[float, ...]]:
    if kind == "En":
        return [classify_en(s) for s in scores], (-1.0, 1.0)
    if kind in ("z", "zeta"):
        return [classify_score(s) for s in scores], (-3.0, -2.0, 2.0, 3.0)
    raise ValueError(f"kind must be 'En', 'z' or 'zeta', got {kind!r}")


_CLASS_TEXTS = {
    ScoreClass.SATISFACTORY: "Satisfactory",
    ScoreClass.QUESTIONABLE: "Questionable",
    ScoreClass.UNSATISFACTORY: "Unsatisfactory",
}


def _class_patches(classes: Sequence[ScoreClass], labels: ChartLabels) -> list[Patch]:
    """Legend patches of the classes present, in class order."""
    return [
        Patch(color=SCORE_CLASS_COLOURS[c], label=labels.text(c.value, _CLASS_TEXTS[c]))
        for c in ScoreClass
        if c in classes
    ]


def draw_score_chart(
    ax: Axes,
    codes: Sequence[str],
    scores: Sequence[Number],
    kind: ScoreKind = "En",
    *,
    own_code: str | None = None,
    labels: ChartLabels | None = None,
) -> tuple[Axes, ScoreChartData]:
    """Draw En, z or ζ scores as bars coloured by class, with the action (and warning) lines.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes of a Figure.
    codes, scores : sequences
        Participant codes and their scores.
    kind : {"En", "z", "zeta"}
        En: lines at ±1; z and ζ: warning lines at ±2 and action lines at ±3.
    own_code : str, optional
        The laboratory's own code: its bar gets a black outline and its tick label is bold.
    labels : ChartLabels, optional
        Translated texts (legend keys in the module docstring).
    """
    labels = labels or ChartLabels()
    if len(codes) != len(scores):
        raise ValueError("codes and scores must have the same length")
    values = [float(s) for s in scores]
    classes, lines = _classify(kind, values)
    colours = [SCORE_CLASS_COLOURS[c] for c in classes]
    own = _own_index(codes, own_code)
    bars = ax.bar(range(len(values)), values, color=colours, width=0.7, zorder=3)
    if own is not None:
        bars[own].set_edgecolor("black")
        bars[own].set_linewidth(2.0)
    ax.axhline(0.0, color=style.REFERENCE, linewidth=0.8)
    for y in lines:
        action = abs(y) == (1.0 if kind == "En" else 3.0)
        key, default = ("action", "Action limit") if action else ("warning", "Warning limit")
        ax.axhline(
            y,
            color=style.LIMIT if action else style.CONDITIONAL,
            linestyle="--",
            linewidth=1.2,
            label=labels.text(key, default) if y > 0 else "_nolegend_",
        )
    _category_axis(ax, list(codes), own)
    top = max([abs(v) for v in values] + [abs(lines[-1])]) * 1.15
    ax.set_ylim(-top, top)
    style.apply_labels(ax, labels)
    ax.grid(True, axis="y", alpha=0.3)
    style.legend_below(ax, _class_patches(classes, labels))
    data = ScoreChartData(tuple(codes), tuple(values), tuple(classes), tuple(colours), lines, own)
    return ax, data


def _history_series(
    ax: Axes, days: Sequence[date], values: Sequence[float | None], kind: ScoreKind, label: str
) -> list[tuple[date, float]]:
    """One series of the history: a line through the points, each marker coloured by class."""
    points = [(d, float(v)) for d, v in zip(days, values, strict=True) if v is not None]
    if not points:
        return points
    marker = "o" if kind == "En" else "s"
    classes, _lines = _classify(kind, [v for _d, v in points])
    xs = mdates.date2num([d for d, _v in points])  # type: ignore[no-untyped-call]
    ys = [v for _d, v in points]
    # the line carries the marker shape for the legend; the scatter colours each point by class
    ax.plot(xs, ys, color=style.DATA if kind == "En" else style.REFERENCE, linewidth=1,
            marker=marker, markerfacecolor="white", label=label, zorder=3)  # fmt: skip
    ax.scatter(xs, ys, marker=marker, s=48, zorder=4,
               c=[SCORE_CLASS_COLOURS[c] for c in classes], edgecolors=style.HIGHLIGHT)  # fmt: skip
    return points


def draw_score_history(
    ax: Axes,
    days: Sequence[date],
    en: Sequence[float | None],
    z: Sequence[float | None],
    *,
    labels: ChartLabels | None = None,
) -> tuple[Axes, tuple[tuple[date, float], ...], tuple[tuple[date, float], ...]]:
    """Draw the laboratory's En numbers and z scores over time with the ±1, ±2 and ±3 lines.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes of a Figure.
    days : sequence of date
        Date of each comparison.
    en, z : sequences of float or None
        The laboratory's En and z (or z′) in each comparison; ``None`` where there is none.
    labels : ChartLabels, optional
        Translated texts; legend keys ``en``, ``z``, ``warning`` (±2), ``action`` (±1 of En,
        ±3 of z).

    Returns
    -------
    (Axes, en points, z points)
        The (date, value) pairs drawn for each series.
    """
    labels = labels or ChartLabels()
    if not len(days) == len(en) == len(z):
        raise ValueError("days, en and z must have the same length")
    en_points = _history_series(ax, days, en, "En", labels.text("en", "En"))
    z_points = _history_series(ax, days, z, "z", labels.text("z", "z"))
    ax.axhline(0.0, color=style.REFERENCE, linewidth=0.8)
    for y, colour, key, default in (
        (1.0, style.LIMIT, "action_en", "|En| = 1"),
        (2.0, style.CONDITIONAL, "warning", "Warning limit"),
        (3.0, style.LIMIT, "action", "Action limit"),
    ):
        for sign in (1.0, -1.0):
            ax.axhline(
                sign * y, color=colour, linestyle=":" if y == 1.0 else "--", linewidth=1.1,
                label=labels.text(key, default) if sign > 0 else "_nolegend_",
            )  # fmt: skip
    values = [abs(v) for _d, v in en_points + z_points]
    top = max([*values, 3.0]) * 1.15
    ax.set_ylim(-top, top)
    if days:
        style.use_date_axis(ax, labels.language)
    style.apply_labels(ax, labels)
    ax.grid(True, axis="y", alpha=0.3)
    style.legend_below(ax)
    return ax, tuple(en_points), tuple(z_points)
