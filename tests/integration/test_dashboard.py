"""Dashboard counts, drill-downs, the on-time rate (受检率) and drift, on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
from matplotlib.figure import Figure
from sqlalchemy import select, text

from labapp.domain.due import due_on
from labapp.domain.quantities import Measured
from labapp.metrology.drift import days_since, fit_drift, interval_for_limits
from labapp.persistence import integrity_ddl
from labapp.persistence.models import AuditLogRow, EventRow, InstrumentRow
from labapp.plotting.drift import draw_drift_chart
from labapp.services.dashboard import _figures as dashboard
from labapp.services.dashboard import lab_overview
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.drift import _drift as drift
from labapp.services.traceability import broken_chains

TODAY = date(2026, 11, 23)
USER = "quality"


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=60, years=4, seed=5, today=TODAY))
    return db


def test_counts_match_drill_down_and_overview(lab: Database) -> None:
    counts = dashboard.dashboard_counts(lab, TODAY, 30)
    for key in dashboard.COUNTS:
        items = dashboard.drill_down(lab, key, TODAY, 30)
        assert len(items) == getattr(counts, key), key
    overview = lab_overview(lab, TODAY, 30)
    assert (counts.overdue, counts.due_soon, counts.failed, counts.out_of_service) == (
        overview.overdue,
        overview.due_30,
        overview.failed,
        overview.out_of_service,
    )
    assert counts.broken_chains == len({b.instrument_id for b in broken_chains(lab, today=TODAY)})
    assert counts.broken_chains >= 1, "the demo lab seeds one broken chain"
    overdue = dashboard.drill_down(lab, "overdue", TODAY, 30)
    assert all(i.due_on is not None and i.due_on < TODAY for i in overdue)
    with pytest.raises(ValueError):
        dashboard.drill_down(lab, "nonsense", TODAY)


def test_drill_down_and_on_time_items_page_without_overlap_or_gap(lab: Database) -> None:
    """The Overview fetches long lists a page at a time: the pages join into the whole list."""

    def paged(fetch, size: int) -> list:
        pages, offset = [], 0
        while page := fetch(limit=size, offset=offset):
            assert len(page) <= size
            pages += page
            offset += size
        return pages

    several = 0
    for key in dashboard.COUNTS:
        whole = dashboard.drill_down(lab, key, TODAY, 30)
        several += len(whole) > 1
        fetch = functools.partial(dashboard.drill_down, lab, key, TODAY, 30)
        assert paged(fetch, 1) == whole
    assert several >= 2  # lists of several pages of 1 were joined
    first, last = date(2025, 1, 1), date(2026, 12, 31)
    whole_items = dashboard.on_time_items(lab, first, last, TODAY)
    assert len(whole_items) > 7
    pages = paged(lambda **page: dashboard.on_time_items(lab, first, last, TODAY, **page), 7)
    assert pages == whole_items


def _by_hand(lab: Database, year: int) -> Counter[tuple[int, str]]:
    """Due and on-time occurrences per month, from the rows, in Python.

    Due: each approved verification/calibration's valid-until, and an instrument's own due date
    no such event records, of instruments in service or suspended (sealed, out of service,
    retired, scrapped are not due).  On time: a later approved one on or before the due date.
    """
    columns = (EventRow.instrument_id, EventRow.status, EventRow.kind)
    dates = (EventRow.performed_on, EventRow.valid_until)
    items = (InstrumentRow.id, InstrumentRow.status, InstrumentRow.due_on,
             InstrumentRow.last_calibrated_on)  # fmt: skip
    with lab.engine.connect() as conn:
        events = conn.execute(select(*columns, *dates)).all()
        instruments = {row[0]: row[1:] for row in conn.execute(select(*items)).all()}
    rows = [
        (i, performed, valid)
        for i, st, kind, performed, valid in events
        if st == "approved"
        and kind in ("verification", "calibration")
        and instruments[i][0] in ("in_service", "suspended")
    ]
    history: dict[int, list[date]] = {}
    for instrument, performed, _ in rows:
        history.setdefault(instrument, []).append(performed)
    recorded = {(i, valid) for i, _, valid in rows}
    tally: Counter[tuple[int, str]] = Counter()
    for instrument, performed, valid in rows:
        if valid is None or valid.year != year or valid > TODAY:
            continue
        tally[valid.month, "due"] += 1
        if any(performed < later <= valid for later in history[instrument]):
            tally[valid.month, "on_time"] += 1
    for i, (st, due, last) in instruments.items():
        if st not in ("in_service", "suspended") or due is None or (i, due) in recorded:
            continue
        if due.year == year and due <= TODAY:
            tally[due.month, "due"] += 1
            later = [p for p in history.get(i, []) if last is None or p > last]
            if later and min(later) <= due:
                tally[due.month, "on_time"] += 1
    return tally


def test_on_time_rate_by_hand(lab: Database) -> None:
    for year in (2025, 2026):
        rate = dashboard.on_time_rate(lab, year, TODAY)
        tally = _by_hand(lab, year)
        for month in rate.months:
            m = month.first_day.month
            assert (month.due, month.on_time) == (tally[m, "due"], tally[m, "on_time"])
        assert rate.total.due == sum(v for (_, k), v in tally.items() if k == "due")
        assert sum(q.due for q in rate.quarters) == rate.total.due
        assert sum(q.on_time for q in rate.quarters) == rate.total.on_time
        assert rate.total.due > 0
        assert 0 <= rate.total.rate <= 1
    assert "受检率" in dashboard.ON_TIME_RATE_DEFINITION
    future = dashboard.on_time_rate(lab, 2030, TODAY)
    assert future.total.due == 0 and future.total.rate is None


def test_every_on_time_number_lists_its_items(lab: Database) -> None:
    rate = dashboard.on_time_rate(lab, 2026, TODAY)
    for period in (*rate.months, *rate.quarters, rate.total):
        assert period.last_day is not None and period.first_day <= period.last_day
        items = dashboard.on_time_items(lab, period.first_day, period.last_day, TODAY)
        assert len(items) == period.due, period.label
        assert sum(i.on_time for i in items) == period.on_time, period.label
        assert all(period.first_day <= i.due_on <= min(period.last_day, TODAY) for i in items)
        for item in items:  # on time: the next calibration on or before the due date
            assert item.on_time == (item.done_on is not None and item.done_on <= item.due_on)
    assert rate.quarters[3].last_day == date(2026, 12, 31)
    late = [
        i for i in dashboard.on_time_items(lab, date(2026, 1, 1), TODAY, TODAY) if not i.on_time
    ]
    assert late, "the demo lab has late or missed re-verifications"


def _instrument_with_history(lab: Database) -> tuple[int, Measured]:
    with lab.engine.connect() as conn:
        rows = conn.execute(select(InstrumentRow.id).order_by(InstrumentRow.id)).scalars().all()
    for instrument_id in rows:
        options = drift.nominal_points(lab, instrument_id)
        if options and options[0].events >= 4:
            return instrument_id, options[0].nominal
    raise AssertionError("no instrument with four events at one point")


def test_drift_series_units_and_prediction(lab: Database) -> None:
    instrument_id, nominal = _instrument_with_history(lab)
    series = drift.drift_series(lab, instrument_id, nominal)
    assert len(series.dates) >= 4 and series.dates == tuple(sorted(series.dates))
    assert series.lower is not None and series.upper is not None
    # The same point asked in another unit of the nominal gives the same series.
    value, unit = nominal.value, nominal.unit
    if unit == "V":
        in_mv = drift.drift_series(lab, instrument_id, Measured(value * 1000, "mV"))
        assert replace(in_mv, nominal=nominal) == series
    # Prediction equals the metrology functions on the same numbers, and the drift chart's.
    t = days_since(series.dates, series.dates[0])
    fit = fit_drift(t, [float(e) for e in series.errors])
    tau = interval_for_limits(
        fit,
        float(series.errors[-1]),
        float(series.expanded_uncertainties[-1]) / series.coverage_factor,
        lower=float(series.lower),
        upper=float(series.upper),
        start=t[-1],
    )
    expected = None if tau is None else series.dates[-1] + timedelta(days=tau)
    assert series.out_of_tolerance_on == expected
    _, chart = draw_drift_chart(
        Figure().add_subplot(),
        series.dates,
        series.errors,
        series.expanded_uncertainties,
        lower=series.lower,
        upper=series.upper,
        coverage_factor=series.coverage_factor,
    )
    assert chart.out_of_tolerance_on == series.out_of_tolerance_on
    assert series.proposed_months is not None and series.proposed_months >= 1
    if chart.interval_days:  # the band drawn meets a limit on the date the service reports
        days = np.array(chart.projection_days)
        low, high = np.array(chart.band_low), np.array(chart.band_high)
        at = days[0] + chart.interval_days
        step = max(np.abs(np.diff(high)).max(), np.abs(np.diff(low)).max())
        gaps = (
            np.interp(at, days, high) - float(series.upper),
            float(series.lower) - np.interp(at, days, low),
        )
        assert max(gaps) == pytest.approx(0.0, abs=step)


def test_drift_converts_units_exactly(lab: Database) -> None:
    instrument_id, nominal = _instrument_with_history(lab)
    series = drift.drift_series(lab, instrument_id, nominal)
    if series.unit != "µV":
        pytest.skip("first point's error is not in µV")
    with lab.engine.begin() as conn:  # the same error stored in nV (set-up: triggers lifted)
        integrity_ddl.remove(conn)
        conn.execute(
            text(
                "UPDATE measurement_points SET error_value = :v, error_unit = 'nV' "
                "WHERE error_value = :old AND error_unit = 'µV' AND event_id IN "
                "(SELECT id FROM events WHERE instrument_id = :i AND performed_on = :d)"
            ),
            {
                "v": str(series.errors[0] * 1000),
                "old": str(series.errors[0]),
                "i": instrument_id,
                "d": series.dates[0],
            },
        )
        integrity_ddl.install(conn)
    again = drift.drift_series(lab, instrument_id, nominal)
    assert again.errors[0] == series.errors[0] and again.unit == "µV"


def test_accept_interval_with_reason(lab: Database) -> None:
    instrument_id, _ = _instrument_with_history(lab)
    version = drift.accept_interval(lab, USER, instrument_id, 18, "drift chart: stable")
    with lab.read() as session:
        row = session.get(InstrumentRow, instrument_id)
        assert row is not None and row.interval_months == 18 and row.version == version
        assert row.due_on == due_on(row.last_calibrated_on, 18)  # the due date follows
        reasons = session.scalars(
            select(AuditLogRow.reason).where(
                AuditLogRow.entity_id == str(instrument_id), AuditLogRow.user_name == USER
            )
        ).all()
    assert "drift chart: stable" in reasons
    from labapp.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        drift.accept_interval(lab, USER, instrument_id, 18, "  ")
