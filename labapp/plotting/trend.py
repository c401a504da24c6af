"""On-time verification rate (受检率) per month, in %, against a target.

Each month is a bar: the share of the instruments due that month that were verified or calibrated
on time.  Bars at or above the target are drawn in the pass colour, below it in the fail colour;
months with nothing due have no bar and show "–".
The number due is printed in a row above the bars.

Legend keys of :class:`~labapp.plotting.style.ChartLabels`: ``rate``, ``target``, ``due``
(a format string with ``{n}``, default "n={n}").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib.axes import Axes

from labapp.plotting import style
from labapp.plotting.style import ChartLabels

__all__ = ["OnTimeRateData", "draw_on_time_rate"]

_BAR_DAYS = 20  # bar width on a monthly date axis


@dataclass(frozen=True)
class OnTimeRateData:
    """What :func:`draw_on_time_rate` plotted.

    Attributes
    ----------
    periods : tuple of date
        First day (or any day) of each month.
    percents : tuple of float or None
        The rates in % (None: nothing due that month, no bar).
    colours : tuple of str or None
        Bar colour of each month.
    counts_due : tuple of int
        Instruments due each month.
    target_percent : float or None
        The target line in %.
    """

    periods: tuple[date, ...]
    percents: tuple[float | None, ...]
    colours: tuple[str | None, ...]
    counts_due: tuple[int, ...]
    target_percent: float | None


def _colour(percent: float | None, target: float | None) -> str | None:
    if percent is None:
        return None
    return style.PASS if target is None or percent >= target else style.FAIL


def draw_on_time_rate(
    ax: Axes,
    periods: Sequence[date],
    rates: Sequence[float | None],
    counts_due: Sequence[int],
    labels: ChartLabels | None = None,
    target: float | None = None,
) -> tuple[Axes, OnTimeRateData]:
    """Draw the monthly on-time verification rate as bars in %.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes of a Figure (constrained layout keeps the legend under the axes inside it).
    periods : sequence of date
        One date per month (the bar is centred on it).
    rates : sequence of float or None
        On-time rate of each month as a fraction 0..1; None when nothing was due.
    counts_due : sequence of int
        Instruments due each month, printed above the bars.
    labels : ChartLabels, optional
        Translated texts (legend keys in the module docstring).
    target : float, optional
        Target rate as a fraction 0..1 (e.g. 0.98), drawn as a line.
    """
    labels = labels or ChartLabels()
    if not len(periods) == len(rates) == len(counts_due):
        raise ValueError("periods, rates and counts_due must have the same length")
    for rate in (*rates, target):
        if rate is not None and not 0.0 <= float(rate) <= 1.0:
            raise ValueError(f"rates and target are fractions between 0 and 1, got {rate!r}")
    percents = [None if r is None else 100.0 * float(r) for r in rates]
    goal = None if target is None else 100.0 * float(target)
    colours = [_colour(p, goal) for p in percents]
    shown = [(i, p) for i, p in enumerate(percents) if p is not None]
    ax.bar(
        [periods[i] for i, _ in shown],  # type: ignore[arg-type]
        [p for _, p in shown],
        width=_BAR_DAYS,
        color=[colours[i] for i, _ in shown],
        label=labels.text("rate", "On-time rate"),
        zorder=3,
    )
    _annotate_counts(ax, periods, percents, counts_due, labels)
    if goal is not None:
        ax.axhline(
            goal,
            color=style.REFERENCE,
            linestyle="--",
            linewidth=1.2,
            label=labels.text("target", "Target"),
        )
    ax.set_ylim(0, 112)
    style.use_date_axis(ax, labels.language)
    style.apply_labels(ax, labels, "%")
    ax.grid(True, axis="y", alpha=0.3)
    style.legend_below(ax)
    data = OnTimeRateData(
        tuple(periods), tuple(percents), tuple(colours), tuple(int(n) for n in counts_due), goal
    )
    return ax, data


def _annotate_counts(
    ax: Axes,
    periods: Sequence[date],
    percents: Sequence[float | None],
    counts_due: Sequence[int],
    labels: ChartLabels,
) -> None:
    template = labels.text("due", "n={n}")
    for when, percent, n in zip(periods, percents, counts_due, strict=True):
        text = "–" if percent is None else template.format(n=n)
        ax.annotate(
            text,
            xy=(when, 0.985),  # one row above 100 %, clear of the bars and the target line
            xycoords=("data", "axes fraction"),
            ha="center",
            va="top",
            fontsize="x-small",
        )
