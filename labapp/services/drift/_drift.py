"""Drift of one measurement point of an instrument: its history, the fit, and a new interval.

The history is the error of indication found at one nominal value in each approved event (the
as-found point when the event has one, else the as-left point), with its expanded uncertainty U
and the tolerance (MPE), all converted exactly (Decimal) to the unit of the latest error.  The fit
and the predicted date the point leaves tolerance are :func:`labapp.metrology.drift.fit_drift` and
:func:`~labapp.metrology.drift.interval_for_limits`, as on the drift chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from labapp.domain.due import due_on
from labapp.domain.enums import Decision, EventKind, EventStatus, Stage
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.point_values import quantity_of, unit_of
from labapp.domain.quantities import Measured
from labapp.metrology.drift import days_since, fit_drift, interval_for_limits
from labapp.metrology.errors import MetrologyError
from labapp.metrology.intervals import method_a3
from labapp.metrology.units import Quantity, to_unit
from labapp.persistence.models import EventRow, InstrumentRow, MeasurementPointRow
from labapp.services.common import due_for
from labapp.services.database import Database

__all__ = [
    "DAYS_PER_MONTH",
    "DriftSeries",
    "NominalOption",
    "accept_interval",
    "drift_series",
    "nominal_points",
]

DAYS_PER_MONTH = 365.25 / 12
CALIBRATIONS = (EventKind.VERIFICATION, EventKind.CALIBRATION)
_PASSING = (Decision.PASS, Decision.CONDITIONAL_PASS)


@dataclass(frozen=True)
class NominalOption:
    """A nominal value found in an instrument's approved events, and in how many.

    Nominals equal in value are one option ("10 V", "10.00 V" and "10000 mV" are one point);
    ``nominal`` is the first as recorded.
    """

    nominal: Measured  # Measured(Decimal("10"), "V")
    events: int


@dataclass(frozen=True)
class DriftSeries:
    """The history of one point, its fit and the interval it suggests.

    ``limits_interval_months``: where the prediction band of a new observation (residual scatter
    included; one-sided quantile when only one tolerance limit is set) meets a limit
    (:func:`~labapp.metrology.drift.interval_for_limits`, NASA-HDBK-8739.19-5 §7).
    ``a3_interval_months``: NCSLI RP-1 method A3 on the in-tolerance history at the current
    interval (:func:`~labapp.metrology.intervals.method_a3`: the current interval when the test
    does not reject it, else RP-1's adjusted interval).  ``proposed_months`` is the shorter.
    """

    instrument_id: int
    asset_tag: str
    nominal: Measured
    unit: str
    dates: tuple[date, ...]
    errors: tuple[Decimal, ...]
    expanded_uncertainties: tuple[Decimal, ...]
    coverage_factor: float | None  # the last result's stated k; None when not recorded
    lower: Decimal | None
    upper: Decimal | None
    in_tolerance: tuple[bool, ...]
    interval_months: int | None
    instrument_version: int
    slope_per_year: float | None = None
    out_of_tolerance_on: date | None = None
    limits_interval_months: float | None = None
    a3_interval_months: float | None = None
    proposed_months: int | None = None


def _points_stmt(instrument_id: int) -> Any:
    return (
        select(
            EventRow.id,
            EventRow.performed_on,
            MeasurementPointRow.stage,
            MeasurementPointRow.nominal_value,
            MeasurementPointRow.nominal_unit,
            MeasurementPointRow.error_value,
            MeasurementPointRow.error_unit,
            MeasurementPointRow.expanded_uncertainty_value,
            MeasurementPointRow.expanded_uncertainty_unit,
            MeasurementPointRow.coverage_factor,
            MeasurementPointRow.tolerance_lower_value,
            MeasurementPointRow.tolerance_lower_unit,
            MeasurementPointRow.tolerance_upper_value,
            MeasurementPointRow.tolerance_upper_unit,
            MeasurementPointRow.mpe_value,
            MeasurementPointRow.mpe_unit,
            MeasurementPointRow.decision,
        )
        .join(EventRow, EventRow.id == MeasurementPointRow.event_id)
        .where(
            EventRow.instrument_id == instrument_id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.kind.in_(CALIBRATIONS),
            MeasurementPointRow.nominal_value.is_not(None),
            MeasurementPointRow.error_value.is_not(None),
        )
        .order_by(EventRow.performed_on, EventRow.id, MeasurementPointRow.seq)
    )


@lru_cache(maxsize=4096)
def _key(nominal: Measured) -> tuple[str, Decimal]:
    """What identifies a nominal: its value in base units (10 V, 10.00 V and 10000 mV are one).

    A unit LabApp does not know (never written by it) is its own kind, compared by value.
    """
    try:
        base = quantity_of(nominal).to_base_units()
    except (ValidationError, MetrologyError):
        return nominal.unit, nominal.value.normalize()
    return str(base.units), Decimal(base.magnitude).normalize()


def nominal_points(db: Database, instrument_id: int) -> list[NominalOption]:
    """The nominal values of an instrument's history, in order of first appearance."""
    with db.engine.connect() as conn:
        rows = conn.execute(_points_stmt(instrument_id)).all()
    first: dict[tuple[str, Decimal], Measured] = {}
    events: dict[tuple[str, Decimal], set[int]] = {}
    for row in rows:
        nominal = Measured(row.nominal_value, row.nominal_unit or "")
        key = _key(nominal)
        first.setdefault(key, nominal)
        events.setdefault(key, set()).add(row.id)
    return [NominalOption(first[key], len(ids)) for key, ids in events.items()]


def _in(value: Decimal | None, unit: str | None, target: str) -> Decimal | None:
    if value is None:
        return None
    if not unit or unit == target:
        return value
    return Decimal(to_unit(Quantity(value, unit_of(unit)), target).magnitude)


def _pick(rows: list[Any]) -> list[Any]:
    """One point per event: the as-found point when there is one, else the as-left point."""
    chosen: dict[int, Any] = {}
    for row in rows:
        if row.id not in chosen or row.stage is Stage.AS_FOUND:
            chosen[row.id] = row
    return list(chosen.values())


def drift_series(db: Database, instrument_id: int, nominal: Measured) -> DriftSeries:
    """The drift of ``instrument_id`` at ``nominal`` (10 V: a point recorded at 10000 mV is it).

    Raises
    ------
    NotFoundError
        No such instrument.
    """
    wanted = _key(nominal)
    with db.engine.connect() as conn:
        head = conn.execute(
            select(
                InstrumentRow.asset_tag, InstrumentRow.interval_months, InstrumentRow.version
            ).where(InstrumentRow.id == instrument_id)
        ).one_or_none()
        if head is None:
            raise NotFoundError("instrument", instrument_id)
        rows = conn.execute(_points_stmt(instrument_id)).all()
    at = [r for r in rows if _key(Measured(r.nominal_value, r.nominal_unit or "")) == wanted]
    return _series(instrument_id, head, nominal, _pick(at))


def _limits(last: Any, unit: str) -> tuple[Decimal | None, Decimal | None]:
    lower = _in(last.tolerance_lower_value, last.tolerance_lower_unit, unit)
    upper = _in(last.tolerance_upper_value, last.tolerance_upper_unit, unit)
    mpe = _in(last.mpe_value, last.mpe_unit, unit)
    if lower is None and upper is None and mpe is not None:
        return -abs(mpe), abs(mpe)
    return lower, upper


def _series(instrument_id: int, head: Any, nominal: Measured, rows: list[Any]) -> DriftSeries:
    unit = rows[-1].error_unit or "" if rows else ""
    errors = tuple(_in(r.error_value, r.error_unit, unit) or Decimal(0) for r in rows)
    us = tuple(
        _in(r.expanded_uncertainty_value, r.expanded_uncertainty_unit, unit) or Decimal(0)
        for r in rows
    )
    # The stated k, never an assumed 2: without it no out-of-tolerance date is projected.
    k = float(rows[-1].coverage_factor) if rows and rows[-1].coverage_factor else None
    lower, upper = _limits(rows[-1], unit) if rows else (None, None)
    series = DriftSeries(
        instrument_id=instrument_id,
        asset_tag=head.asset_tag,
        nominal=nominal,
        unit=unit,
        dates=tuple(r.performed_on for r in rows),
        errors=errors,
        expanded_uncertainties=us,
        coverage_factor=k,
        lower=lower,
        upper=upper,
        in_tolerance=tuple(r.decision in _PASSING for r in rows),
        interval_months=head.interval_months,
        instrument_version=head.version,
    )
    return _with_fit(series)


def _with_fit(s: DriftSeries) -> DriftSeries:
    values: dict[str, Any] = {}
    if len(s.dates) >= 3:
        t = days_since(s.dates, s.dates[0])
        y = [float(e) for e in s.errors]
        try:
            fit = fit_drift(t, y)
            values["slope_per_year"] = fit.coefficients[1] * 365.25
            if s.coverage_factor and (s.lower is not None or s.upper is not None):
                tau = interval_for_limits(
                    fit,
                    y[-1],
                    float(s.expanded_uncertainties[-1]) / s.coverage_factor,
                    lower=None if s.lower is None else float(s.lower),
                    upper=None if s.upper is None else float(s.upper),
                    start=t[-1],
                )
                if tau is not None:
                    values["out_of_tolerance_on"] = s.dates[-1] + timedelta(days=tau)
                    values["limits_interval_months"] = tau / DAYS_PER_MONTH
        except MetrologyError:
            pass
    if s.in_tolerance and s.interval_months:
        values["a3_interval_months"] = method_a3(s.in_tolerance, s.interval_months).interval
    candidates = [
        values[k] for k in ("limits_interval_months", "a3_interval_months") if k in values
    ]
    if candidates:
        values["proposed_months"] = max(1, math.floor(min(candidates)))
    return replace(s, **values)


def accept_interval(
    db: Database,
    user: str,
    instrument_id: int,
    months: int,
    reason: str,
    expected_version: int | None = None,
) -> int:
    """Set the instrument's interval to ``months`` (and its due date from the last calibration).

    The reason is written to the audit log with the change.  Returns the new version.
    """
    if not 1 <= months <= 240:
        raise ValidationError("interval_months", "must be 1 to 240 months", code="invalid")
    if not reason.strip():
        raise ValidationError("reason", "a reason is required", code="required")
    with db.unit_of_work(user, reason.strip()) as uow:
        row = uow.session.get(InstrumentRow, instrument_id)
        if row is None:
            raise NotFoundError("instrument", instrument_id)
        uow.check_version(row, expected_version)
        row.interval_months = months
        row.due_on = due_for(uow.session, row, due_on(row.last_calibrated_on, months) or row.due_on)
        uow.commit()
        return row.version
