"""A standard's detail says why its traceability is at risk, on SQLite and PostgreSQL: an open
corrective action naming it, an open impact investigation of it, a failed intermediate check no
calibration has followed; each reason goes away when it is dealt with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from test_impact import event, item
from test_proficiency import USER, _comparison

from labapp.domain.enums import EventResult
from labapp.persistence.models import CheckPlanRow
from labapp.services.checks import CheckInput, parse_readings
from labapp.services.checks import _checks as checks
from labapp.services.comparisons import get_comparison
from labapp.services.corrective_actions import ActionInput
from labapp.services.corrective_actions import _actions as ca
from labapp.services.impact import _investigations as impact
from labapp.services.register._page import get_instrument_detail

CHECKED_ON = date(2026, 3, 2)


def _plan(db, instrument_id: int) -> int:
    with db.unit_of_work(USER) as uow:
        row = CheckPlanRow(
            instrument_id=instrument_id, point="10 V", frequency_months=3,
            lower_limit_value=Decimal("9.9990"), lower_limit_unit="V",
            upper_limit_value=Decimal("10.0010"), upper_limit_unit="V",
        )  # fmt: skip
        uow.session.add(row)
        uow.commit()
        return row.id


def _reasons(db, instrument_id: int) -> list[tuple[str, int]]:
    return [(r.kind, r.ref_id) for r in get_instrument_detail(db, instrument_id).risks]


def test_each_reason_appears_and_goes_away(db):
    std = item(db, "S")
    event(db, std, date(2025, 6, 1))
    assert get_instrument_detail(db, std).risks == ()
    cid = _comparison(db)
    own = next(p for p in get_comparison(db, cid).participants if p.is_own_lab)
    data = ActionInput("En = 2.1 at 10 V", instrument_ids=(std,))
    action = ca.open_action(db, USER, own.id, data, date(2026, 2, 1))
    (reason,) = get_instrument_detail(db, std).risks
    assert (reason.kind, reason.ref_id, reason.on) == ("action", action.id, date(2026, 2, 1))
    assert (reason.title, reason.source) == ("En = 2.1 at 10 V", "DC 10 V")

    good = checks.record_check(
        db, USER, CheckInput(_plan(db, std), date(2026, 1, 5), parse_readings(("10.0002 V",), None))
    )
    assert not good.impact_suggested and _reasons(db, std) == [("action", action.id)]
    failed = checks.record_check(
        db,
        USER,
        CheckInput(
            good.check.plan_id, CHECKED_ON, parse_readings(("10.0031 V", "10.0029 V"), None)
        ),
    )
    assert failed.impact_suggested
    assert _reasons(db, std)[1:] == [("check", failed.check.id)]
    assert get_instrument_detail(db, std).risks[1].on == CHECKED_ON

    investigation = impact.open_investigation(db, USER, check_id=failed.check.id)
    opened_on = investigation.summary.opened_at.astimezone().date()
    risks = get_instrument_detail(db, std).risks
    assert [(r.kind, r.ref_id) for r in risks] == [
        ("action", action.id), ("investigation", investigation.summary.id),
        ("check", failed.check.id),
    ]  # fmt: skip
    assert risks[1].on == opened_on

    impact.close_investigation(
        db, USER, investigation.summary.id, investigation.summary.version, "nothing served"
    )
    assert _reasons(db, std) == [("action", action.id), ("check", failed.check.id)]
    event(db, std, CHECKED_ON, result=EventResult.PASS)  # recalibrated the same day
    assert _reasons(db, std) == [("action", action.id)]
    done = ActionInput(action.description, "divider", "recalibrated", "En = 0.3", (std,))
    ca.close_action(db, USER, action.id, done, action.version, date(2026, 4, 1))
    assert get_instrument_detail(db, std).risks == ()


def test_a_standard_of_another_lab_entry_is_not_at_risk(db):
    """Reasons belong to their standard only: another standard's failures do not show."""
    mine, other = item(db, "MINE"), item(db, "OTHER")
    failed = checks.record_check(
        db, USER, CheckInput(_plan(db, other), CHECKED_ON, parse_readings(("10.0031 V",), None))
    )
    impact.open_investigation(db, USER, check_id=failed.check.id)
    assert _reasons(db, other)[0][0] == "investigation"
    assert get_instrument_detail(db, mine).risks == ()
