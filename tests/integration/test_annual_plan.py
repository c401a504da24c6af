"""The annual plan by due occurrence, reconciled with 受检率, on SQLite and PostgreSQL.

Every expected number is worked out here from the seeded rows (instruments and approved events),
never taken from the services under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from labapp.domain.enums import EventKind, EventResult, EventStatus
from labapp.persistence.models import EventRow, InstrumentRow
from labapp.services.dashboard import _figures as dashboard
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.planning import PlanFilter
from labapp.services.planning import _due as planning
from labapp.services.planning._dto import ProgressState

TODAY = date(2026, 12, 1)
USER = "planner"
DUE = ("in_service", "suspended")  # sealed, out of service, retired, scrapped: not due


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=60, years=3, seed=11, today=TODAY))
    return db


def _rows(db: Database) -> tuple[dict[int, tuple], list[tuple]]:
    cols = (InstrumentRow.id, InstrumentRow.status, InstrumentRow.due_on,
            InstrumentRow.interval_months, InstrumentRow.last_calibrated_on)  # fmt: skip
    ev = (EventRow.instrument_id, EventRow.performed_on, EventRow.valid_until)
    approved = (EventRow.status == "approved", EventRow.kind.in_(("verification", "calibration")))
    with db.engine.connect() as conn:
        items = {r[0]: tuple(r[1:]) for r in conn.execute(select(*cols)).all()}
        events = [tuple(r) for r in conn.execute(select(*ev).where(*approved)).all()]
    return items, events


def _steps(start: date, months: int, year: int) -> Iterator[date]:
    when = start
    while True:
        when = when + relativedelta(months=months)
        if when.year > year:
            return
        if when > TODAY and when.year == year:
            yield when


def _expected_plan(db: Database, year: int) -> tuple[set, set]:
    """(carried over, in the year) as (instrument id, due date) pairs, from the rows."""
    items, events = _rows(db)
    recorded = {(i, v) for i, _, v in events if v is not None}
    first = date(year, 1, 1)
    due_ok = {i for i, (st, *_) in items.items() if st in DUE}
    carried = {(i, items[i][1]) for i in due_ok if items[i][1] and items[i][1] < first}
    in_year = {(i, v) for i, v in recorded if i in due_ok and v.year == year}
    in_year |= {(i, items[i][1]) for i in due_ok if items[i][1] and items[i][1].year == year}
    for i in due_ok:
        _, due, months, _ = items[i]
        if due and months:
            # a cycle restarts when its re-verification can happen: carried-over items in January
            start = max(due, TODAY, first)
            in_year |= {(i, d) for d in _steps(start, months, year)}
    return carried, in_year


def _rate_by_hand(db: Database, year: int) -> tuple[int, int]:
    """受检率 of ``year`` up to TODAY: (due, on time), from the rows."""
    items, events = _rows(db)
    history: dict[int, list[date]] = {}
    for i, performed, _ in events:
        history.setdefault(i, []).append(performed)
    due = on_time = 0
    seen = set()
    for i, performed, valid in events:
        if items[i][0] in DUE and valid and valid.year == year and valid <= TODAY:
            seen.add((i, valid))
            due += 1
            on_time += any(performed < p <= valid for p in history[i])
    for i, (st, when, _, last) in items.items():
        if st in DUE and when and when.year == year and when <= TODAY and (i, when) not in seen:
            due += 1
            on_time += any((last is None or p > last) and p <= when for p in history.get(i, []))
    return due, on_time


def test_the_plan_lists_every_due_occurrence_of_the_year(lab: Database) -> None:
    carried, in_year = _expected_plan(lab, 2027)
    plan = planning.generate_plan(lab, USER, 2027, today=TODAY)
    got = [(i.instrument_id, i.due_on) for i in plan.items]
    assert len(got) == len(set(got)) == len(carried) + len(in_year)
    assert {g for g, i in zip(got, plan.items, strict=True) if i.carried_over} == carried
    assert set(got) - carried == in_year
    assert len(carried) >= 5, "the demo lab has overdue items and items due in December"
    assert all(i.carried_over for i in plan.items[: len(carried)])  # listed first
    assert all(i.planned_month == 1 for i in plan.items if i.carried_over)
    twice = [i for i in plan.items if not i.carried_over and i.interval_months == 6]
    by_item: dict[int, list[date]] = {}
    for i in twice:
        by_item.setdefault(i.instrument_id, []).append(i.due_on)
    pair = next(d for d in by_item.values() if len(d) == 2)
    assert sorted(pair)[1] == sorted(pair)[0] + relativedelta(months=6)


def test_sealed_and_out_of_service_items_only_when_asked(lab: Database) -> None:
    items, _ = _rows(lab)
    idle = {i for i, (st, due, *_) in items.items()
            if st in ("sealed", "out_of_service") and due and due.year <= 2027}  # fmt: skip
    assert idle, "the demo lab has sealed or out-of-service items"
    plan = planning.generate_plan(lab, USER, 2027, today=TODAY)
    assert not idle & {i.instrument_id for i in plan.items}
    every = planning.generate_plan(lab, USER, 2027, PlanFilter(include_idle=True), today=TODAY)
    assert idle <= {i.instrument_id for i in every.items}
    due_list = planning.due_items(lab, planning.DueWindow.YEAR, TODAY)
    assert not idle & {d.instrument_id for d in due_list}


def test_plan_progress_reconciles_with_the_on_time_rate(lab: Database) -> None:
    due, on_time = _rate_by_hand(lab, 2026)
    assert due > 50 and 0 < on_time < due
    plan = planning.generate_plan(lab, USER, 2026, today=TODAY)
    progress = planning.plan_progress(lab, plan.id, TODAY)
    rate = dashboard.on_time_rate(lab, 2026, TODAY)
    assert (rate.total.due, rate.total.on_time) == (due, on_time)
    assert (progress.rate_due, progress.rate_on_time) == (due, on_time)
    listed = dashboard.on_time_items(lab, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    states = {s[0]: s[1] for s in progress.states}
    by_key = {(i.instrument_id, i.due_on): states[i.id] for i in plan.items}
    for item in listed:
        expected = ProgressState.ON_TIME if item.on_time else None
        got = by_key[(item.instrument_id, item.due_on)]
        assert (got is ProgressState.ON_TIME) == (expected is ProgressState.ON_TIME)


def _do(db: Database, instrument_id: int, on: date, months: int | None) -> None:
    with db.unit_of_work(USER) as uow:
        uow.session.add(EventRow(
            instrument_id=instrument_id, kind=EventKind.CALIBRATION,
            status=EventStatus.APPROVED, performed_on=on, result=EventResult.PASS,
            valid_until=on + relativedelta(months=months or 12), interval_months=months,
        ))  # fmt: skip
        uow.commit()


def test_doing_the_2027_plan_on_its_dates_makes_both_numbers_agree(lab: Database) -> None:
    carried, in_year = _expected_plan(lab, 2027)
    plan = planning.generate_plan(lab, USER, 2027, today=TODAY)
    end = date(2027, 12, 31)
    before = {s[0]: s[1] for s in planning.plan_progress(lab, plan.id, TODAY).states}
    for item in sorted(plan.items, key=lambda i: i.due_on):  # carried over first, then by date
        if before[item.id] is ProgressState.NOT_DONE and item.due_on is not None:
            _do(lab, item.instrument_id, max(item.due_on, date(2027, 1, 1)), item.interval_months)
    rate = dashboard.on_time_rate(lab, 2027, end)
    progress = planning.plan_progress(lab, plan.id, end)
    assert rate.total.due == progress.rate_due == len(in_year)
    assert rate.total.on_time == progress.rate_on_time == len(in_year)
    assert progress.carried_over == len(carried)
    assert progress.late == len(carried) and progress.not_done == 0


def test_a_plans_occurrences_are_the_years_occurrences_of_its_own_pairs(lab: Database) -> None:
    """plan_progress asks only for the (instrument, due date) pairs its plan lists (ten years of
    occurrences for one year's items took 26 s at 100 000 items): each one it gets is the very
    occurrence the unfiltered definition gives for that pair, and none is missing."""
    from labapp.services.planning import occurrence_tuples

    plan = planning.generate_plan(
        lab, USER, 2027, today=TODAY, filters=PlanFilter(include_idle=True)
    )
    pairs = {(i.instrument_id, i.due_on) for i in plan.items}
    first = min(due for _iid, due in pairs)
    with lab.engine.connect() as conn:
        every = occurrence_tuples(conn, first, date(2027, 12, 31), include_idle=True)
        mine = occurrence_tuples(
            conn, first, date(2027, 12, 31), include_idle=True, plan_id=plan.id
        )
    assert mine == {key: occ for key, occ in every.items() if key in pairs}
    assert len(mine) > 10 and any(occ[6] for occ in mine.values())  # recorded ones among them
