"""Drift chart of a calibration point: the error history, its tolerance and where it is heading.

Errors found at each calibration are drawn against date with their expanded uncertainty U as error
bars, the tolerance (MPE) limits as horizontal lines, and a straight line fitted against days since
the first calibration (:func:`labapp.metrology.regression.fit_line`) with its 95 % prediction band
(t quantile × :meth:`~labapp.metrology.regression.LineFit.prediction_sd`).  The date the projected
error, ± its confidence half-width, reaches a limit comes from
:func:`labapp.metrology.intervals.interval_for_limits` started at the last calibration, and is
marked with a vertical line.

Legend keys of :class:`~labapp.plotting.style.ChartLabels`: ``measured``, ``fit``, ``band``,
``lower``, ``upper``, ``out_of_tolerance`` (a format string with ``{date}``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import numpy as np
from matplotlib.axes import Axes

from labapp.metrology.intervals import DriftFit, days_since, fit_drift, interval_for_limits
from labapp.metrology.regression import LineFit, fit_line
from labapp.metrology.uncertainty import k_factor
from labapp.plotting import style
from labapp.plotting.style import ChartLabels

__all__ = ["DriftChartData", "draw_drift_chart"]

Number = float | Decimal
_GRID = 200  # points of the fitted line and band


@dataclass(frozen=True)
class DriftChartData:
    """What :func:`draw_drift_chart` plotted.

    Attributes
    ----------
    dates, errors, expanded_uncertainties : tuple
        The points, sorted by date, errors and U as floats.
    lower, upper : float or None
        Tolerance limits drawn.
    line : LineFit or None
        The fitted line against days since ``dates[0]`` (None when not fitted).
    fit_days, fit_values, band_low, band_high : tuple of float
        The fitted line and prediction band as drawn, x in days since ``dates[0]``.
    out_of_tolerance_on : date or None
        Predicted date the point leaves tolerance (None: not within the horizon, or no fit).
    interval_days : float or None
        Days from the last calibration to ``out_of_tolerance_on``.
    """

    dates: tuple[date, ...]
    errors: tuple[float, ...]
    expanded_uncertainties: tuple[float, ...]
    lower: float | None
    upper: float | None
    line: LineFit | None = None
    fit_days: tuple[float, ...] = ()
    fit_values: tuple[float, ...] = ()
    band_low: tuple[float, ...] = ()
    band_high: tuple[float, ...] = ()
    out_of_tolerance_on: date | None = None
    interval_days: float | None = None


def _as_datetime(origin: date, days: float) -> datetime:
    return datetime.combine(origin, time()) + timedelta(days=float(days))


def _sorted_points(
    dates: Sequence[date], errors: Sequence[Number], uncertainties: Sequence[Number]
) -> tuple[list[date], list[float], list[float]]:
    if not len(dates) == len(errors) == len(uncertainties):
        raise ValueError("dates, errors and expanded_uncertainties must have the same length")
    rows = sorted(zip(dates, errors, uncertainties, strict=True), key=lambda row: row[0])
    return [r[0] for r in rows], [float(r[1]) for r in rows], [float(r[2]) for r in rows]


def _predict_exit(
    drift: DriftFit,
    t_last: float,
    y0: float,
    u0: float,
    limits: tuple[float | None, float | None],
    horizon_days: float | None,
) -> float | None:
    if limits == (None, None):
        return None
    lower, upper = limits
    return interval_for_limits(
        drift, y0, u0, lower=lower, upper=upper, start=t_last, horizon=horizon_days
    )


def _draw_fit(
    ax: Axes, data: DriftChartData, end_day: float, labels: ChartLabels
) -> DriftChartData:
    assert data.line is not None
    origin = data.dates[0]
    days = np.linspace(0.0, end_day, _GRID)
    k = k_factor(data.line.dof, 0.95)
    values = np.array([data.line.predict(float(t))[0] for t in days])
    half = np.array([k * data.line.prediction_sd(float(t)) for t in days])
    when = [_as_datetime(origin, float(t)) for t in days]
    ax.fill_between(
        when,  # type: ignore[arg-type]
        values - half,
        values + half,
        color=style.BAND,
        alpha=0.25,
        linewidth=0,
        label=labels.text("band", "95 % prediction band"),
    )
    ax.plot(
        when,  # type: ignore[arg-type]
        values,
        color=style.DATA,
        linewidth=1.2,
        label=labels.text("fit", "Drift fit"),
    )
    return replace(
        data,
        fit_days=tuple(float(t) for t in days),
        fit_values=tuple(float(v) for v in values),
        band_low=tuple(float(v) for v in values - half),
        band_high=tuple(float(v) for v in values + half),
    )


def _draw_limits(ax: Axes, data: DriftChartData, labels: ChartLabels) -> None:
    for key, value, default in (
        ("upper", data.upper, "Upper limit"),
        ("lower", data.lower, "Lower limit"),
    ):
        if value is not None:
            ax.axhline(
                value,
                color=style.LIMIT,
                linestyle="--",
                linewidth=1.2,
                label=labels.text(key, default),
            )


def _mark_exit(ax: Axes, when: date, labels: ChartLabels) -> None:
    text = labels.text("out_of_tolerance", "Out of tolerance {date}").format(date=when.isoformat())
    ax.axvline(when, color=style.FAIL, linestyle=":", linewidth=1.5)  # type: ignore[arg-type]
    ax.annotate(
        text,
        xy=(when, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-4, -10),
        textcoords="offset points",
        ha="right",
        va="top",
        color=style.FAIL,
        fontsize="small",
        bbox={
            "boxstyle": "round,pad=0.2",
            "facecolor": "white",
            "edgecolor": "none",
            "alpha": 0.85,
        },
    )


def draw_drift_chart(
    ax: Axes,
    dates: Sequence[date],
    errors: Sequence[Number],
    expanded_uncertainties: Sequence[Number],
    *,
    lower: Number | None = None,
    upper: Number | None = None,
    unit: str = "",
    labels: ChartLabels | None = None,
    fit: bool = True,
    horizon_days: float | None = None,
    coverage_factor: float | None,
) -> tuple[Axes, DriftChartData]:
    """Draw the drift chart of one calibration point on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes of a :class:`matplotlib.figure.Figure` (constrained layout keeps the legend, drawn
        under the axes, inside the figure).
    dates, errors, expanded_uncertainties : sequences
        Calibration dates, errors of indication found, and their expanded uncertainties U.
    lower, upper : float or Decimal, optional
        Tolerance (MPE) limits of the error.
    unit : str
        Unit of the error, appended to the y label.
    labels : ChartLabels, optional
        Translated texts (legend keys in the module docstring).
    fit : bool
        Fit and draw the drift line (needs 3 points on 2 dates or more).
    horizon_days : float, optional
        Longest projection searched for leaving tolerance (default: 10 × the span of the data).
    coverage_factor : float or None
        k of the stated U, never assumed; u = U / k of the last calibration starts the projection.
        None (k not recorded): the fit is drawn but no out-of-tolerance date is predicted.

    Returns
    -------
    (Axes, DriftChartData)
    """
    labels = labels or ChartLabels()
    when, ys, big_u = _sorted_points(dates, errors, expanded_uncertainties)
    limits = (
        None if lower is None else float(lower),
        None if upper is None else float(upper),
    )
    data = DriftChartData(tuple(when), tuple(ys), tuple(big_u), *limits)
    ax.errorbar(
        when,  # type: ignore[arg-type]
        ys,
        yerr=big_u,
        fmt="o",
        color=style.DATA,
        capsize=3,
        markersize=5,
        label=labels.text("measured", "Error ± U"),
        zorder=3,
    )
    _draw_limits(ax, data, labels)
    if fit and len(when) >= 3 and len(set(when)) >= 2:
        data = _fit_and_project(ax, data, horizon_days, coverage_factor, labels)
    style.use_date_axis(ax)
    style.apply_labels(ax, labels, unit)
    ax.grid(True, alpha=0.3)
    style.legend_below(ax)
    return ax, data


def _fit_and_project(
    ax: Axes,
    data: DriftChartData,
    horizon_days: float | None,
    coverage_factor: float | None,
    labels: ChartLabels,
) -> DriftChartData:
    t = days_since(data.dates, data.dates[0])
    line = fit_line(t, data.errors)
    drift = fit_drift(t, data.errors)
    # Without the stated k there is no standard uncertainty to project: no predicted exit date.
    tau = None
    if coverage_factor:
        u0 = data.expanded_uncertainties[-1] / coverage_factor
        limits = (data.lower, data.upper)
        tau = _predict_exit(drift, t[-1], data.errors[-1], u0, limits, horizon_days)
    exit_on = None if tau is None else data.dates[-1] + timedelta(days=tau)
    # Draw the line on to the predicted date, or a quarter of the span past the last point.
    end_day = t[-1] + (tau if tau is not None else 0.25 * (t[-1] - t[0]))
    data = replace(data, line=line, out_of_tolerance_on=exit_on, interval_days=tau)
    data = _draw_fit(ax, data, end_day, labels)
    if exit_on is not None:
        _mark_exit(ax, exit_on, labels)
    return data
