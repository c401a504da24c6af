"""Intermediate checks over a seeded demo lab on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from labapp.domain.due import DueState
from labapp.domain.enums import AuditAction, Decision, InstrumentStatus
from labapp.domain.errors import ValidationError
from labapp.io.excel import CoverInfo
from labapp.metrology.control_charts import Rule
from labapp.persistence.models import AuditLogRow, InstrumentRow
from labapp.services.checks import CheckInput, CheckPlanInput
from labapp.services.checks import _checks as checks
from labapp.services.checks import _plans as check_plans
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo

TODAY = date(2025, 6, 1)
USER = "tester"


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=30, years=2, today=TODAY))
    return db


def _plan(db: Database, lower: str = "-1.0 mV", upper: str = "1.0 mV") -> int:
    item = check_plans.list_plans(db, TODAY)[0].instrument_id
    data = CheckPlanInput(item, "10 V", 6, lower, upper)
    return check_plans.create_plan(db, USER, data).id


def _check(db: Database, plan: int, on: date, *readings: str, ref: str = "0 mV") -> object:
    """Record a check typed as text: parsed at the boundary, then recorded typed."""
    typed = checks.parse_readings(readings, None)
    reference = checks.parse_reading(ref, None, "reference_value")
    return checks.record_check(db, USER, CheckInput(plan, on, typed, reference))


def test_demo_plans_and_due_state(lab: Database) -> None:
    plans = check_plans.list_plans(lab, TODAY)
    assert len(plans) == 4
    assert all(p.last_checked_on == TODAY - timedelta(days=30) for p in plans)
    assert {p.due_state for p in plans} == {DueState.OK}
    later = check_plans.due_checks(lab, TODAY + timedelta(days=200))
    assert {p.due_state for p in later} == {DueState.OVERDUE}
    assert len(checks.list_checks(lab, plans[0].id)) == 4


def test_passing_check_keeps_digits_and_converts_units(lab: Database) -> None:
    plan = _plan(lab)
    result = checks.record_check(
        lab,
        USER,
        CheckInput(
            plan,
            TODAY,
            checks.parse_readings(("0.10 mV", "0.0003 V", "200 µV"), None),
            checks.parse_reading("0.00 mV", None, "reference_value"),
        ),
    )
    assert result.check.readings == (Decimal("0.10"), Decimal("0.3000"), Decimal("0.200"))
    assert result.check.check_value == Decimal("0.2000")
    assert result.check.verdict is Decision.PASS
    assert not result.impact_suggested
    assert result.instrument_status is not InstrumentStatus.SUSPENDED


def test_failing_check_suspends_the_standard_with_an_audit_entry(lab: Database) -> None:
    plan = _plan(lab)
    result = _check(lab, plan, TODAY, "1.5 mV", "1.7 mV")
    assert result.check.verdict is Decision.FAIL  # type: ignore[attr-defined]
    assert result.impact_suggested  # type: ignore[attr-defined]
    info = next(p for p in check_plans.list_plans(lab, TODAY) if p.id == plan)
    assert info.instrument_status is InstrumentStatus.SUSPENDED
    stmt = select(AuditLogRow.reason).where(
        AuditLogRow.entity == InstrumentRow.__tablename__,
        AuditLogRow.entity_id == str(info.instrument_id),
        AuditLogRow.action == AuditAction.UPDATE,
    )
    with lab.read() as session:
        reasons = list(session.scalars(stmt))
    assert any("intermediate check" in (r or "") and "failed" in (r or "") for r in reasons)


def test_reading_in_the_wrong_unit_is_refused_by_name(lab: Database) -> None:
    plan = _plan(lab)
    with pytest.raises(ValidationError) as caught:
        _check(lab, plan, TODAY, "0.1 mV", "0.2 A")
    assert caught.value.field == "readings[1]"
    assert caught.value.code == "incommensurable"
    assert caught.value.params["reading"] == 2
    assert (caught.value.params["unit"], caught.value.params["expected"]) == ("A", "mV")
    assert len(checks.list_checks(lab, plan)) == 0


def test_unreadable_reading_and_reference_are_refused_with_the_shared_codes(lab: Database) -> None:
    plan = _plan(lab)
    with pytest.raises(ValidationError) as caught:
        _check(lab, plan, TODAY, "0.1 mV", "zero")
    assert (caught.value.field, caught.value.code) == ("readings[1]", "not_a_quantity")
    assert caught.value.params == {"reading": 2, "text": "zero"}
    with pytest.raises(ValidationError) as ref:
        _check(lab, plan, TODAY, "0.1 mV", ref="0 kg")
    assert (ref.value.field, ref.value.code) == ("reference_value", "incommensurable")
    assert (ref.value.params["unit"], ref.value.params["expected"]) == ("kg", "mV")
    assert len(checks.list_checks(lab, plan)) == 0


def test_limits_are_fixed_by_the_baseline_and_violations_flagged(lab: Database) -> None:
    plan = _plan(lab, "-5 mV", "5 mV")
    days = [TODAY + timedelta(days=30 * i) for i in range(8)]
    for day, value in zip(days, ["0.10", "0.12", "0.09", "0.11", "0.10", "0.12"], strict=False):
        _check(lab, plan, day, f"{value} mV")
    before = checks.control_chart_data(lab, plan, days[0], days[5])
    _check(lab, plan, days[6], "2.00 mV")  # far beyond 3 sigma, inside the MPE
    after = checks.control_chart_data(lab, plan, days[0], days[5])
    assert after.limits == before.limits
    assert len(after.values) == len(before.values) + 1
    assert any(v.index == 6 and v.rule is Rule.BEYOND_3_SIGMA for v in after.violations)
    assert after.mpe == Decimal("5") and after.reference == Decimal("0")
    # six baseline checks against the lab's minimum (default 20, a lab setting)
    assert (after.baseline_points, after.min_baseline) == (6, 20)
    from labapp.services.laboratory import update_figure_settings

    update_figure_settings(lab, "qm", control_min_baseline=5)
    assert checks.control_chart_data(lab, plan, days[0], days[5]).min_baseline == 5


def test_baseline_needs_two_checks(lab: Database) -> None:
    plan = _plan(lab)
    _check(lab, plan, TODAY, "0.1 mV")
    with pytest.raises(ValidationError) as caught:
        checks.control_chart_data(lab, plan, TODAY, TODAY)
    assert caught.value.code == "baseline_too_small"


def test_stability_against_the_mpe(lab: Database) -> None:
    plan = _plan(lab, "-0.5 mV", "0.5 mV")
    for i, value in enumerate(["0.10", "0.30", "0.20", "0.25"]):
        _check(lab, plan, TODAY + timedelta(days=40 * i), f"{value} mV")
    outcome = checks.stability(lab, plan)
    assert outcome.result.stability == Decimal("0.20") and outcome.result.passed
    _check(lab, plan, TODAY + timedelta(days=200), "-0.45 mV")
    assert not checks.stability(lab, plan, groups=5).result.passed
    assert checks.stability(lab, plan, groups=2).result.groups == 2


def test_repeatability_against_a_limit() -> None:
    readings = ["10.001 V", "10.003 V", "10.002 V", "10.000 V", "10002 mV"]
    typed = checks.parse_readings(readings, "V")
    limit, tight = (checks.parse_reading(t, "V", "limit") for t in ("0.002 V", "0.0005 V"))
    outcome = checks.repeatability(None, typed, "V", limit)
    assert outcome.result.n == 5 and outcome.result.passed
    assert not checks.repeatability(None, typed, "V", tight).result.passed
    with pytest.raises(ValidationError) as caught:
        checks.repeatability(None, checks.parse_readings(["10 V", "10 Ω"], "V"), "V")
    assert caught.value.field == "readings[1]"


def test_export_reads_back(lab: Database, tmp_path: Path) -> None:
    plan = check_plans.list_plans(lab, TODAY)[0]
    unit = plan.unit or ""
    rep = checks.repeatability(
        None,
        checks.parse_readings(["1.0 mV", "1.2 mV", "1.1 mV"], unit),
        unit,
        checks.parse_reading("0.2 mV", unit, "limit"),
    )
    target = tmp_path / "checks.xlsx"
    cover = CoverInfo("Intermediate checks")
    result = checks.export_checks(lab, plan.id, str(target), cover, repeatability_outcome=rep)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[1:] == [
        "Check history",
        "Stability test",
        "Repeatability test",
        "Results",
    ]
    assert result.rows_per_sheet["Check history"] == 4


def test_plan_edit_keeps_the_unit_once_checked_and_refuses_another_quantity(lab: Database) -> None:
    plan = _plan(lab)
    _check(lab, plan, TODAY, "0.1 mV")
    info = next(p for p in check_plans.list_plans(lab, TODAY) if p.id == plan)
    item = info.instrument_id
    changed = check_plans.update_plan(
        lab, USER, plan, CheckPlanInput(item, "10 V", 3, "-0.0005 V", "0.0005 V"), info.version,
        TODAY,
    )  # fmt: skip
    assert (changed.lower_limit, changed.upper_limit, changed.unit) == (
        Decimal("-0.5000"),
        Decimal("0.5000"),
        "mV",
    )
    assert changed.frequency_months == 3
    with pytest.raises(ValidationError) as info_err:
        check_plans.update_plan(
            lab, USER, plan, CheckPlanInput(item, "10 V", 3, "", "1 kg"), changed.version, TODAY
        )
    assert info_err.value.code == "incommensurable"
    again = next(p for p in check_plans.list_plans(lab, TODAY) if p.id == plan)
    assert again == changed  # nothing lost


def test_plan_with_checks_is_ended_not_deleted(lab: Database) -> None:
    plan = _plan(lab)
    _check(lab, plan, TODAY - timedelta(days=400), "0.1 mV")
    info = next(p for p in check_plans.list_plans(lab, TODAY) if p.id == plan)
    assert info.due_state is DueState.OVERDUE and info.check_count == 1
    with pytest.raises(ValidationError) as refused:
        check_plans.delete_plan(lab, USER, plan, info.version)
    assert (refused.value.code, refused.value.params["count"]) == ("has_checks", 1)
    ended = check_plans.end_plan(lab, USER, plan, TODAY, info.version, TODAY)
    assert (ended.ended_on, ended.due_state, ended.due_on) == (TODAY, DueState.NONE, None)
    with pytest.raises(ValidationError) as late:
        _check(lab, plan, TODAY, "0.1 mV")
    assert late.value.code == "plan_ended"
    with pytest.raises(ValidationError) as early:
        check_plans.end_plan(lab, USER, plan, TODAY - timedelta(days=500), ended.version, TODAY)
    assert early.value.code == "order"


def test_unused_plan_is_deleted(lab: Database) -> None:
    plan = _plan(lab)
    info = next(p for p in check_plans.list_plans(lab, TODAY) if p.id == plan)
    check_plans.delete_plan(lab, USER, plan, info.version)
    assert plan not in {p.id for p in check_plans.list_plans(lab, TODAY)}


def test_no_frequency_is_never_overdue_and_lead_days_decide_due_soon(lab: Database) -> None:
    item = check_plans.list_plans(lab, TODAY)[0].instrument_id
    free = check_plans.create_plan(lab, USER, CheckPlanInput(item, "1 V", 0, "", "1 mV"), TODAY)
    assert (free.due_state, free.due_on) == (DueState.NONE, None)
    plan = _plan(lab)  # every 6 months
    _check(lab, plan, TODAY - timedelta(days=160), "0.1 mV")
    due = next(p for p in check_plans.list_plans(lab, TODAY) if p.id == plan).due_on
    assert due is not None
    days_left = (due - TODAY).days
    soon = check_plans.list_plans(lab, TODAY, lead_days=days_left)
    assert next(p for p in soon if p.id == plan).due_state is DueState.DUE_SOON
    later = check_plans.list_plans(lab, TODAY, lead_days=days_left - 1)
    assert next(p for p in later if p.id == plan).due_state is DueState.OK
    far = check_plans.due_checks(lab, TODAY + timedelta(days=3000))
    assert free.id not in {p.id for p in far}
