"""Drift chart of a calibration point: the error history, its tolerance and where it is heading.

Errors found at each calibration are drawn against date with their expanded uncertainty U as error
bars, the tolerance (MPE) limits as horizontal lines, and the drift fitted against days since the
first calibration (:func:`labapp.metrology.intervals.fit_drift`) over the history.  From the last
calibration on, the projection of :class:`labapp.metrology.intervals.Projection` is drawn: the last
error carried along the fitted drift, with its 95 % band of a new observation (t quantile ×
sqrt(u0² + s² + var of the drift), s the residual scatter; one-sided t when only one limit is
given), u0 = U / k of the last calibration.  The predicted date the point leaves tolerance is
where that same band meets a limit (:func:`~labapp.metrology.intervals.interval_for_limits`), so
the chart shows the band touching the limit at the date it reports.  The band, not the fitted
value, decides: at that date the chance of being out of tolerance reaches 2.5 % (5 % with a single
limit) on the side of the limit met, which is when a re-calibration should be due, not when the
point is as likely out as in.

Legend keys of :class:`~labapp.plotting.style.ChartLabels`: ``measured``, ``fit``, ``projection``,
``band``, ``lower``, ``upper``, ``out_of_tolerance`` (a format string with ``{date}``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import numpy as np
from matplotlib.axes import Axes

from labapp.metrology.intervals import (
    DriftFit,
    Projection,
    days_since,
    fit_drift,
    interval_for_limits,
)
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
    line : DriftFit or None
        The drift fitted against days since ``dates[0]`` (None when not fitted).
    fit_days, fit_values : tuple of float
        The fitted drift as drawn over the history, x in days since ``dates[0]``.
    projection_days, projection_values, band_low, band_high : tuple of float
        The projection from the last calibration and its 95 % band as drawn (same x), empty
        without the stated k.
    out_of_tolerance_on : date or None
        Predicted date the band meets a limit (None: not within the horizon, or no fit).
    interval_days : float or None
        Days from the last calibration to ``out_of_tolerance_on``.
    """

    dates: tuple[date, ...]
    errors: tuple[float, ...]
    expanded_uncertainties: tuple[float, ...]
    lower: float | None
    upper: float | None
    line: DriftFit | None = None
    fit_days: tuple[float, ...] = ()
    fit_values: tuple[float, ...] = ()
    projection_days: tuple[float, ...] = ()
    projection_values: tuple[float, ...] = ()
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


def _draw_fit(ax: Axes, data: DriftChartData, labels: ChartLabels) -> DriftChartData:
    """The fitted drift over the history (first to last calibration)."""
    assert data.line is not None
    days = np.linspace(0.0, float((data.dates[-1] - data.dates[0]).days), _GRID)
    values = [data.line.predict(float(t))[0] for t in days]
    when = [_as_datetime(data.dates[0], float(t)) for t in days]
    ax.plot(
        when,  # type: ignore[arg-type]
        values,
        color=style.DATA,
        linewidth=1.2,
        label=labels.text("fit", "Drift fit"),
    )
    return replace(data, fit_days=tuple(float(t) for t in days), fit_values=tuple(values))


def _draw_projection(
    ax: Axes, data: DriftChartData, projection: Projection, end_tau: float, labels: ChartLabels
) -> DriftChartData:
    """The projection from the last calibration to ``end_tau`` days after it, with its band."""
    taus = np.linspace(0.0, end_tau, _GRID)
    value, low, high = np.array([projection.band(float(t)) for t in taus]).T
    offset = float((data.dates[-1] - data.dates[0]).days)
    when = [_as_datetime(data.dates[-1], float(t)) for t in taus]
    ax.fill_between(
        when,  # type: ignore[arg-type]
        low,
        high,
        color=style.BAND,
        alpha=0.25,
        linewidth=0,
        label=labels.text("band", "95 % projection band"),
    )
    ax.plot(
        when,  # type: ignore[arg-type]
        value,
        color=style.DATA,
        linestyle="--",
        linewidth=1.0,
        label=labels.text("projection", "Projection from last calibration"),
    )
    return replace(
        data,
        projection_days=tuple(float(offset + t) for t in taus),
        projection_values=tuple(float(v) for v in value),
        band_low=tuple(float(v) for v in low),
        band_high=tuple(float(v) for v in high),
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
    default = "Out of tolerance {date} (band meets limit)"
    text = labels.text("out_of_tolerance", default).format(date=when.isoformat())
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
    style.use_date_axis(ax, labels.language)
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
    drift = fit_drift(t, data.errors)
    data = _draw_fit(ax, replace(data, line=drift), labels)
    # Without the stated k there is no standard uncertainty to project: no band, no exit date.
    if not coverage_factor:
        return data
    u0 = data.expanded_uncertainties[-1] / coverage_factor
    # One limit: the one-sided quantile, as interval_for_limits uses, so the band meets the limit
    # at the date reported.
    one_sided = (data.lower is None) != (data.upper is None)
    projection = Projection(drift, data.errors[-1], u0, t[-1], one_sided=one_sided)
    tau = None
    if (data.lower, data.upper) != (None, None):
        tau = interval_for_limits(
            drift, data.errors[-1], u0, data.lower, data.upper, start=t[-1], horizon=horizon_days
        )
    # Project on to the predicted date (a little past it), or a quarter of the span.
    end_tau = 1.1 * tau if tau else 0.25 * (t[-1] - t[0])
    data = _draw_projection(ax, data, projection, end_tau, labels)
    if tau is None:
        return data
    exit_on = data.dates[-1] + timedelta(days=tau)
    _mark_exit(ax, exit_on, labels)
    return replace(data, out_of_tolerance_on=exit_on, interval_days=tau)
