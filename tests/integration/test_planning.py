"""Planning over a seeded demo lab on SQLite and PostgreSQL: due windows, plans, progress."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from labapp.domain.enums import EventKind, EventResult, EventStatus
from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.persistence.models import EventRow
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.planning import DueWindow, PlanFilter
from labapp.services.planning import _due as planning
from labapp.services.planning._dto import CertificateKind, ProgressState

TODAY = date(2026, 11, 23)
USER = "planner"
ACTIVE = "status IN ('in_service', 'suspended')"  # sealed, out of service: not due


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=60, years=3, seed=11, today=TODAY))
    return db


def _count(db: Database, where: str, **params: object) -> int:
    sql = (
        "SELECT count(*) FROM instruments i LEFT JOIN providers p ON p.id = i.provider_id "
        f"WHERE i.{ACTIVE} AND {where}"
    )
    with db.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def test_window_ranges() -> None:
    assert planning.window_range(DueWindow.OVERDUE, TODAY) == (None, date(2026, 11, 22))
    assert planning.window_range(DueWindow.THIS_MONTH, TODAY) == (
        date(2026, 11, 1),
        date(2026, 11, 30),
    )
    assert planning.window_range(DueWindow.QUARTER, TODAY) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert planning.window_range(DueWindow.NEXT_60, TODAY) == (TODAY, TODAY + timedelta(60))
    assert planning.window_range(DueWindow.YEAR, TODAY) == (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize("window", list(DueWindow))
def test_due_windows_match_sql_counts(lab: Database, window: DueWindow) -> None:
    first, last = planning.window_range(window, TODAY)
    items = planning.due_items(lab, window, TODAY)
    if first is None:
        expected = _count(lab, "i.due_on <= :b", b=last)
    else:
        expected = _count(lab, "i.due_on BETWEEN :a AND :b", a=first, b=last)
    assert len(items) == expected
    assert [i.due_on for i in items] == sorted(i.due_on for i in items)
    assert all(i.overdue == (i.due_on < TODAY) for i in items)


def test_filters_match_sql_counts(lab: Database) -> None:
    window = DueWindow.YEAR
    year = "i.due_on BETWEEN :a AND :b"
    span = {"a": date(2026, 1, 1), "b": date(2026, 12, 31)}
    every = planning.due_items(lab, window, TODAY)
    assert every, "the demo lab has items due this year"
    mandatory = planning.due_items(lab, window, TODAY, PlanFilter(mandatory=True))
    optional = planning.due_items(lab, window, TODAY, PlanFilter(mandatory=False))
    assert len(mandatory) == _count(lab, f"{year} AND i.mandatory_verification", **span)
    assert len(mandatory) + len(optional) == len(every)
    in_house = planning.due_items(lab, window, TODAY, PlanFilter(in_house=True))
    external = planning.due_items(lab, window, TODAY, PlanFilter(in_house=False))
    assert len(in_house) == _count(lab, f"{year} AND p.kind = 'in_house'", **span)
    assert len(external) == _count(lab, f"{year} AND p.kind <> 'in_house'", **span)
    assert all(i.in_house for i in in_house) and not any(i.in_house for i in external)
    quantity = every[0].quantity
    by_quantity = planning.due_items(lab, window, TODAY, PlanFilter(quantity=quantity))
    assert len(by_quantity) == _count(lab, f"{year} AND i.quantity = :q", q=quantity, **span)
    department = next(i.department for i in every if i.department)
    by_department = planning.due_items(lab, window, TODAY, PlanFilter(department=department))
    assert by_department and all(i.department == department for i in by_department)
    provider_items = [i for i in every if i.provider]
    with lab.engine.connect() as conn:
        provider_id = conn.execute(
            text("SELECT id FROM providers WHERE name = :n"), {"n": provider_items[0].provider}
        ).scalar_one()
    by_provider = planning.due_items(lab, window, TODAY, PlanFilter(provider_id=provider_id))
    assert len(by_provider) == _count(lab, f"{year} AND i.provider_id = :p", p=provider_id, **span)


def _approve_event(db: Database, instrument_id: int, on: date) -> int:
    with db.unit_of_work(USER) as uow:
        row = EventRow(
            instrument_id=instrument_id,
            kind=EventKind.CALIBRATION,
            status=EventStatus.APPROVED,
            performed_on=on,
            result=EventResult.PASS,
        )
        uow.session.add(row)
        uow.commit()
        return row.id


def test_generate_plan_edit_and_progress(lab: Database) -> None:
    plan = planning.generate_plan(lab, USER, 2026, today=TODAY)
    due = planning.due_items(lab, DueWindow.YEAR, TODAY)
    in_year = [i for i in plan.items if not i.carried_over]
    assert {d.instrument_id for d in due} <= {i.instrument_id for i in in_year}
    assert all(i.due_on is not None and i.planned_month == i.due_on.month for i in in_year)
    assert all(i.planned_month == TODAY.month for i in plan.items if i.carried_over)
    assert plan.status == "draft" and plan.year == 2026 and plan.revision == 1
    assert [p.id for p in planning.list_plans(lab)] == [plan.id]

    item = plan.items[0]
    changed = planning.update_plan_item(
        lab, USER, item.id, item.version, planned_month=12, note="send with the batch"
    )
    assert (changed.planned_month, changed.note) == (12, "send with the batch")
    assert changed.version == item.version + 1
    with pytest.raises(ConcurrentModificationError):
        planning.update_plan_item(lab, USER, item.id, item.version, planned_month=3)
    with pytest.raises(ValidationError):
        planning.update_plan_item(lab, USER, item.id, changed.version, planned_month=13)

    before = planning.plan_progress(lab, plan.id, TODAY)
    state = {item_id: st for item_id, st, _ in before.states}
    assert before.on_time + before.late + before.not_done == len(plan.items)
    missed: dict[int, object] = {}
    for i in in_year:
        if i.due_on is not None and i.due_on < TODAY and state[i.id] is ProgressState.NOT_DONE:
            missed.setdefault(i.instrument_id, i)
    assert len(missed) >= 2, "the demo lab has missed re-verifications this year"
    on_time, late = list(missed.values())[:2]
    event = _approve_event(lab, on_time.instrument_id, on_time.due_on - timedelta(days=5))
    _approve_event(lab, late.instrument_id, TODAY)
    progress = planning.plan_progress(lab, plan.id, TODAY)
    states = {item_id: (state, ev) for item_id, state, ev in progress.states}
    assert states[on_time.id] == (ProgressState.ON_TIME, event)
    assert states[late.id][0] is ProgressState.LATE
    assert (progress.on_time, progress.late) == (before.on_time + 1, before.late + 1)
    assert progress.not_done == before.not_done - 2


def test_plan_keeps_costs_exact(lab: Database) -> None:
    from decimal import Decimal

    plan = planning.generate_plan(lab, USER, 2026)
    item = plan.items[-1]
    saved = planning.update_plan_item(
        lab, USER, item.id, item.version, estimated_cost=Decimal("1234.50")
    )
    assert str(saved.estimated_cost) == "1234.50"
    assert planning.get_plan(lab, plan.id).total_cost >= Decimal("1234.50")
    with pytest.raises(ValidationError) as caught:  # never stored: 1e-150000000 is out of range
        planning.update_plan_item(
            lab, USER, item.id, saved.version, estimated_cost=Decimal("1e-150000000")
        )
    assert caught.value.code == "out_of_range"
    assert str(planning.get_plan(lab, plan.id).items[-1].estimated_cost) == "1234.50"


def test_expiring_certificates_each_with_its_lead(lab: Database) -> None:
    leads = {
        CertificateKind.STANDARD_CERTIFICATE: 400,
        CertificateKind.ACCREDITATION: 2000,
        CertificateKind.QUALIFICATION: 30,
    }
    found = planning.expiring_certificates(lab, TODAY, leads)
    sql = {
        CertificateKind.STANDARD_CERTIFICATE: "SELECT count(*) FROM standard_certificates "
        "WHERE valid_until <= :d",
        CertificateKind.ACCREDITATION: "SELECT count(*) FROM laboratories "
        "WHERE accreditation_valid_until <= :d",
        CertificateKind.QUALIFICATION: "SELECT count(*) FROM qualifications q JOIN persons p "
        "ON p.id = q.person_id WHERE p.active AND q.valid_until <= :d",
    }
    with lab.engine.connect() as conn:
        for kind, query in sql.items():
            expected = conn.execute(text(query), {"d": TODAY + timedelta(leads[kind])}).scalar()
            assert sum(1 for c in found if c.kind is kind) == expected
    assert all(c.days_left == (c.valid_until - TODAY).days for c in found)
    assert all(c.lead_days == leads[c.kind] for c in found)  # each kind with its own lead
    assert [c.valid_until for c in found] == sorted(c.valid_until for c in found)


def _expected_checks(db: Database, window: DueWindow) -> set[int]:
    """Check plans due in ``window``, from the tables: last check + frequency (never: overdue)."""
    from dateutil.relativedelta import relativedelta

    first, last = planning.window_range(window, TODAY)
    sql = (
        "SELECT cp.id, cp.frequency_months, cp.ended_on, max(c.performed_on) "
        "FROM check_plans cp JOIN instruments i ON i.id = cp.instrument_id "
        "LEFT JOIN intermediate_checks c ON c.plan_id = cp.id "
        f"WHERE i.{ACTIVE} GROUP BY cp.id, cp.frequency_months, cp.ended_on"
    )
    wanted: set[int] = set()
    with db.engine.connect() as conn:
        for plan_id, months, ended, checked in conn.execute(text(sql)).all():
            if (ended is not None and ended <= TODAY) or months <= 0:
                continue
            if checked is None:
                due = None
            else:
                checked = checked if isinstance(checked, date) else date.fromisoformat(checked)
                due = checked + relativedelta(months=months)
            never_checked = due is None and first is None
            in_window = due is not None and (first is None or due >= first) and due <= last
            if never_checked or in_window:
                wanted.add(plan_id)
    return wanted


@pytest.mark.parametrize("window", [DueWindow.OVERDUE, DueWindow.NEXT_90, DueWindow.YEAR])
def test_due_checks_follow_the_window(lab: Database, window: DueWindow) -> None:
    found = planning.due_checks(lab, window, TODAY)
    assert {p.id for p in found} == _expected_checks(lab, window)
    assert [p.due_on or date.min for p in found] == sorted(p.due_on or date.min for p in found)
    if window is DueWindow.OVERDUE:
        assert all(p.due_on is None or p.due_on < TODAY for p in found)


def test_a_new_check_plan_is_due_now_then_after_its_check(lab: Database) -> None:
    from labapp.services.checks import CheckInput, CheckPlanInput, parse_reading, parse_readings
    from labapp.services.checks import _checks as checks
    from labapp.services.checks import _plans as check_plans

    with lab.engine.connect() as conn:
        sql = f"SELECT min(id) FROM instruments WHERE role = 'standard' AND {ACTIVE}"
        item = conn.execute(text(sql)).scalar_one()
    data = CheckPlanInput(item, "10 V", 6, "-0.5 mV", "0.5 mV")
    plan = check_plans.create_plan(lab, USER, data, TODAY).id

    def ids(window: DueWindow) -> set[int]:
        return {p.id for p in planning.due_checks(lab, window, TODAY)}

    assert plan in ids(DueWindow.OVERDUE) and plan not in ids(DueWindow.NEXT_30)
    checked_on = TODAY - timedelta(days=160)  # + 6 months: due within the next 30 days
    checks.record_check(
        lab,
        USER,
        CheckInput(
            plan,
            checked_on,
            parse_readings(("0.1 mV",), None),
            parse_reading("0 mV", None, "reference_value"),
        ),
    )
    assert plan not in ids(DueWindow.OVERDUE) and plan in ids(DueWindow.NEXT_30)
    assert ids(DueWindow.NEXT_30) == _expected_checks(lab, DueWindow.NEXT_30)
