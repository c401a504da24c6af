"""Control chart of intermediate-check results (期间核查) against fixed Shewhart limits.

Draws the points, the centre line, UCL/LCL, light ±1σ/±2σ zone lines, optionally the certified
reference value and the MPE band around it, and marks the points that break run rules in red with
the rule numbers of :class:`labapp.metrology.control_charts.Rule`.

Legend keys of :class:`~labapp.plotting.style.ChartLabels`: ``values``, ``centre``, ``ucl``,
``lcl``, ``zones``, ``reference``, ``mpe``, ``violations``, ``few_baseline`` (the note when the
limits come from fewer baseline points than the lab's minimum).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from matplotlib.axes import Axes

from labapp.metrology.control_charts import ControlLimits, RuleViolation, run_rules
from labapp.plotting import style
from labapp.plotting.style import ChartLabels

__all__ = ["ControlChartData", "draw_control_chart"]

Number = float | Decimal


@dataclass(frozen=True)
class ControlChartData:
    """What :func:`draw_control_chart` plotted.

    Attributes
    ----------
    x : tuple
        Dates or indices of the points.
    values : tuple of float
        The points.
    centre, ucl, lcl : float
        Centre line and control limits.
    zones : dict
        ``{1: (low, high), 2: (low, high)}``, the light zone lines.
    reference : float or None
        Reference value line.
    mpe_lines : tuple of float or None
        ``(reference - |MPE|, reference + |MPE|)`` (reference 0 when not given).
    marked : dict
        Index of each marked point → rule numbers drawn beside it ("1,2").
    warning : str or None
        The note drawn on the chart when the baseline has fewer points than the minimum.
    """

    x: tuple[object, ...]
    values: tuple[float, ...]
    centre: float
    ucl: float
    lcl: float
    zones: dict[int, tuple[float, float]]
    reference: float | None
    mpe_lines: tuple[float, float] | None
    marked: dict[int, str]
    warning: str | None = None


def _hline(ax: Axes, y: float, color: str, style_: str, width: float, label: str) -> None:
    ax.axhline(y, color=color, linestyle=style_, linewidth=width, label=label)


def _draw_limits(ax: Axes, limits: ControlLimits, labels: ChartLabels) -> None:
    _hline(ax, limits.centre, style.REFERENCE, "-", 1.2, labels.text("centre", "Centre line"))
    _hline(ax, limits.ucl, style.LIMIT, "--", 1.2, labels.text("ucl", "UCL (+3σ)"))
    _hline(ax, limits.lcl, style.LIMIT, "--", 1.2, labels.text("lcl", "LCL (-3σ)"))
    zone_label = labels.text("zones", "±1σ, ±2σ")
    for k in (1, 2):
        for y in limits.zones[k]:
            _hline(ax, y, style.ZONE, ":", 0.8, zone_label)
            zone_label = "_nolegend_"


def _draw_reference(
    ax: Axes, reference: float | None, mpe: float | None, labels: ChartLabels
) -> tuple[float, float] | None:
    if reference is not None:
        _hline(
            ax,
            reference,
            style.REFERENCE_VALUE,
            "-.",
            1.2,
            labels.text("reference", "Reference value"),
        )
    if mpe is None:
        return None
    centre, half = reference or 0.0, abs(mpe)
    label = labels.text("mpe", "± MPE")
    for y in (centre - half, centre + half):
        _hline(ax, y, style.MPE, (0, (6, 2, 1, 2)), 1.2, label)  # type: ignore[arg-type]
        label = "_nolegend_"
    return centre - half, centre + half


def _mark(
    ax: Axes,
    x: Sequence[object],
    values: Sequence[float],
    violations: Sequence[RuleViolation],
    labels: ChartLabels,
) -> dict[int, str]:
    rules: dict[int, list[int]] = defaultdict(list)
    for violation in violations:
        if 0 <= violation.index < len(values) and int(violation.rule) not in rules[violation.index]:
            rules[violation.index].append(int(violation.rule))
    marked = {i: ",".join(str(r) for r in sorted(found)) for i, found in sorted(rules.items())}
    if not marked:
        return marked
    ax.scatter(
        [x[i] for i in marked],  # type: ignore[arg-type]
        [values[i] for i in marked],
        s=70,
        color=style.FAIL,
        edgecolors="black",
        linewidths=0.6,
        zorder=4,
        label=labels.text("violations", "Run-rule violation (rule no.)"),
    )
    for i, text in marked.items():
        ax.annotate(
            text,
            xy=(x[i], values[i]),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            color=style.FAIL,
            fontsize="small",
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )
    return marked


def draw_control_chart(
    ax: Axes,
    dates_or_index: Sequence[date] | Sequence[int],
    values: Sequence[Number],
    limits: ControlLimits,
    *,
    reference: Number | None = None,
    mpe: Number | None = None,
    violations: Sequence[RuleViolation] | None = None,
    unit: str = "",
    labels: ChartLabels | None = None,
    baseline_points: int | None = None,
    min_baseline: int | None = None,
) -> tuple[Axes, ControlChartData]:
    """Draw a Shewhart control chart on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes of a Figure (constrained layout keeps the legend under the axes inside it).
    dates_or_index : sequence of date or int
        Check dates (a date axis) or sequence numbers.
    values : sequence of float or Decimal
        The checked values (or subgroup means), in time order.
    limits : ControlLimits
        Fixed limits from a baseline (:func:`~labapp.metrology.control_charts.individuals_limits`,
        :func:`~labapp.metrology.control_charts.xbar_limits`); never recomputed here.
    reference : float or Decimal, optional
        Certified reference value of the check standard.
    mpe : float or Decimal, optional
        Maximum permissible error: lines at reference ± |MPE| (around 0 without a reference,
        i.e. when the values are errors).
    violations : sequence of RuleViolation, optional
        Points to mark; None applies :func:`~labapp.metrology.control_charts.run_rules` with its
        default rules (pass ``[]`` to mark none).
    unit : str
        Appended to the y label.
    labels : ChartLabels, optional
        Translated texts (legend keys in the module docstring).
    baseline_points, min_baseline : int, optional
        How many points the limits came from, and the lab's minimum: with fewer, the chart says
        so in its corner (legend key ``few_baseline``, with ``{n}`` and ``{m}``).

    Returns
    -------
    (Axes, ControlChartData)
    """
    labels = labels or ChartLabels()
    x = list(dates_or_index)
    ys = [float(v) for v in values]
    if len(x) != len(ys):
        raise ValueError("dates_or_index and values must have the same length")
    found = run_rules(ys, limits) if violations is None else violations
    ax.plot(
        x,  # type: ignore[arg-type]
        ys,
        marker="o",
        markersize=4,
        color=style.DATA,
        linewidth=1.0,
        label=labels.text("values", "Check results"),
        zorder=3,
    )
    _draw_limits(ax, limits, labels)
    ref = None if reference is None else float(reference)
    mpe_lines = _draw_reference(ax, ref, None if mpe is None else float(mpe), labels)
    marked = _mark(ax, x, ys, found, labels)
    if x and isinstance(x[0], date):
        style.use_date_axis(ax, labels.language)
    style.apply_labels(ax, labels, unit)
    style.legend_below(ax)
    zones = {k: limits.zones[k] for k in (1, 2)}
    warning = _few_baseline(ax, baseline_points, min_baseline, labels)
    return ax, ControlChartData(
        tuple(x), tuple(ys), limits.centre, limits.ucl, limits.lcl, zones, ref, mpe_lines, marked,
        warning,
    )  # fmt: skip


def _few_baseline(
    ax: Axes, points: int | None, minimum: int | None, labels: ChartLabels
) -> str | None:
    """Write "baseline of n points, fewer than m" in the axes' corner when it is so."""
    if points is None or minimum is None or points >= minimum:
        return None
    template = labels.text(
        "few_baseline", "Limits from {n} baseline points, fewer than the lab's minimum of {m}"
    )
    text = template.format(n=points, m=minimum)
    box = {"facecolor": "white", "alpha": 0.8, "edgecolor": style.FAIL}
    ax.text(0.01, 0.98, text, transform=ax.transAxes, ha="left", va="top", fontsize="small",
            color=style.FAIL, bbox=box)  # fmt: skip
    return text
