"""Accounts, logins and electronic signatures on SQLite and PostgreSQL.

First run (the first account is an administrator and needs no login), lockout after five wrong
passwords, password change and reset (old seals still verify), disabled accounts, and the
signature rules: the role, three different people (or checker = approver where the lab allows
it), a valid licence for a verification, the decision rule kept with the record.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text, update
from test_events_service import TODAY, Lab

from labapp.domain.enums import EventKind, EventStatus, PersonRole
from labapp.domain.errors import AuthenticationError, PermissionDeniedError, ValidationError
from labapp.domain.point_values import parse_point
from labapp.domain.points import DecisionRule
from labapp.persistence.models import LaboratoryRow, PersonRow, QualificationRow
from labapp.persistence.types import utcnow
from labapp.services.accounts import (
    LOCK_MINUTES,
    MAX_FAILED,
    NewAccount,
    authenticate,
    change_password,
    create_account,
    list_accounts,
    reset_password,
    set_disabled,
    unlock,
    verify_integrity,
)
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.events import _draft as ev
from labapp.services.laboratory import _settings as ls

LAB = ls.LabSettingsInput(
    name="上海计量测试实验室", code="SHL", accreditation_body="CNAS", accreditation_no="L1234",
    certificate_pattern="JD{yyyy}-{seq:04}",
)  # fmt: skip


def _admin(db: Database):  # type: ignore[no-untyped-def]
    return ls.setup_laboratory(
        db, LAB, NewAccount("admin", "管理员", (PersonRole.ADMIN,), "first-admin-pw")
    )


def test_first_account_is_an_administrator_and_needs_no_login(db: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        create_account(
            db, None, NewAccount("li.wei", "李伟", (PersonRole.METROLOGIST,), "pw-12345678")
        )
    assert refused.value.code == "first_admin"
    admin = _admin(db)
    assert admin.has(PersonRole.ADMIN) and ls.is_set_up(db)
    assert ls.get_lab_settings(db).accreditation_no == "L1234"  # type: ignore[union-attr]
    with pytest.raises(AuthenticationError):  # a second account needs an administrator
        create_account(
            db, None, NewAccount("li.wei", "李伟", (PersonRole.METROLOGIST,), "pw-12345678")
        )
    metrologist = authenticate(db, "admin", "first-admin-pw")
    made = create_account(
        db, metrologist, NewAccount("li.wei", "李伟", (PersonRole.METROLOGIST,), "pw-12345678")
    )
    with pytest.raises(PermissionDeniedError) as denied:  # a metrologist is no administrator
        create_account(db, made, NewAccount("zhao", "赵", (PersonRole.CHECKER,), "pw-12345678"))
    assert denied.value.code == "role"
    with pytest.raises(ValidationError) as short:
        create_account(db, admin, NewAccount("zhao", "赵", (PersonRole.CHECKER,), "short"))
    assert short.value.code == "password_short"
    assert [a.login for a in list_accounts(db)] == ["admin", "li.wei"]
    assert verify_integrity(db).ok


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(db: Database) -> None:
    admin = _admin(db)
    create_account(db, admin, NewAccount("li.wei", "李伟", (PersonRole.METROLOGIST,), "right-pw-1"))
    start = utcnow()
    for attempt in range(MAX_FAILED):
        with pytest.raises(AuthenticationError) as refused:
            unlock(db, "li.wei", "wrong", now=start + timedelta(seconds=attempt))
    assert refused.value.code == "locked"
    until = refused.value.params["until"]
    assert until == start + timedelta(seconds=MAX_FAILED - 1, minutes=LOCK_MINUTES)
    with pytest.raises(AuthenticationError) as still:  # even the right password, while locked
        unlock(db, "li.wei", "right-pw-1", now=start + timedelta(minutes=LOCK_MINUTES - 1))
    assert still.value.code == "locked"
    later = start + timedelta(minutes=LOCK_MINUTES, seconds=MAX_FAILED)
    assert unlock(db, "li.wei", "right-pw-1", now=later).login == "li.wei"
    with pytest.raises(AuthenticationError) as unknown:  # an unknown login reads the same
        unlock(db, "nobody", "right-pw-1")
    assert unknown.value.code == "wrong_credentials"


def test_disabled_account_cannot_log_in(db: Database) -> None:
    admin = _admin(db)
    create_account(db, admin, NewAccount("li.wei", "李伟", (PersonRole.METROLOGIST,), "right-pw-1"))
    set_disabled(db, admin, "li.wei", True)
    with pytest.raises(AuthenticationError) as refused:
        unlock(db, "li.wei", "right-pw-1")
    assert refused.value.code == "disabled"
    with pytest.raises(ValidationError) as itself:
        set_disabled(db, admin, "admin", True)
    assert itself.value.code == "self_disable"
    set_disabled(db, admin, "li.wei", False)
    assert unlock(db, "li.wei", "right-pw-1").login == "li.wei"


@pytest.fixture
def lab(db: Database) -> Lab:
    seed_demo(db, DemoOptions(instruments=40, years=2, today=TODAY))
    return Lab(db)


def test_three_people_sign_and_the_record_is_sealed(lab: Lab) -> None:
    authenticate(lab.db, lab.metrologist, "demo")  # as the app does: the performer logs in
    event = ev.get_event(lab.db, lab.approved())
    assert len({event.performer_id, event.checker_id, event.approver_id}) == 3
    assert [s.meaning for s in event.signatures] == ["check", "approve"]
    assert [s.person_id for s in event.signatures] == [event.checker_id, event.approver_id]
    report = verify_integrity(lab.db)
    assert report.ok, report.problems
    assert report.events >= 1 and report.entries >= 1


def test_signing_needs_the_password_and_the_role(lab: Lab) -> None:
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    with pytest.raises(AuthenticationError) as wrong:
        ev.check_event(lab.db, lab.checker, draft.id, draft.version, "not-the-password")
    assert wrong.value.code == "wrong_credentials"
    plain = next(p for p in ("liuyang", "yangfan", "huangmin") if p != lab.metrologist)
    with pytest.raises(PermissionDeniedError) as denied:  # a metrologist without the role
        ev.check_event(lab.db, plain, draft.id, draft.version, "demo")
    assert denied.value.code == "role"
    assert ev.get_event(lab.db, draft.id).status is EventStatus.DRAFT  # nothing saved half


def test_checker_approves_only_where_the_lab_allows_it(lab: Lab) -> None:
    both = "liming"  # an approver; make him a checker too
    with lab.db.unit_of_work("admin") as uow:
        person = uow.session.scalars(select(PersonRow).where(PersonRow.login == both)).one()
        from labapp.persistence.models import PersonRoleRow

        uow.session.add(PersonRoleRow(person_id=person.id, role=PersonRole.CHECKER))
        uow.commit()
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    checked = ev.check_event(lab.db, both, draft.id, draft.version, "demo")
    with pytest.raises(ValidationError) as refused:
        ev.approve_event(lab.db, both, checked.id, checked.version, "demo")
    assert refused.value.code == "checker_approver"
    with lab.db.engine.begin() as conn:
        conn.execute(update(LaboratoryRow).values(checker_may_approve=True))
    assert ev.approve_event(lab.db, both, checked.id, checked.version, "demo").approver_id


def test_a_verification_needs_a_valid_licence_for_the_quantity(lab: Lab) -> None:
    data = lab.input(kind=EventKind.VERIFICATION, certificate_no="V-1")
    draft = ev.save_draft(lab.db, lab.metrologist, data, today=TODAY)
    with lab.db.engine.begin() as conn:  # the checker's licences all expired yesterday
        person = conn.execute(select(PersonRow.id).where(PersonRow.login == lab.checker))
        conn.execute(
            update(QualificationRow)
            .where(QualificationRow.person_id == person.scalar_one())
            .values(valid_until=date.today() - timedelta(days=1))
        )
    with pytest.raises(PermissionDeniedError) as denied:
        ev.check_event(lab.db, lab.checker, draft.id, draft.version, "demo")
    assert denied.value.code == "qualification"
    assert denied.value.params["quantity"] == "DC voltage"


def test_password_change_keeps_the_key_reset_makes_a_new_one(lab: Lab) -> None:
    authenticate(lab.db, lab.metrologist, "demo")
    first = lab.approved()
    change_password(lab.db, lab.approver, "demo", "a-new-password")
    admin = authenticate(lab.db, "admin", "demo")
    reset_password(lab.db, admin, lab.checker, "reset-by-admin")
    with pytest.raises(AuthenticationError):
        unlock(lab.db, lab.approver, "demo")
    assert unlock(lab.db, lab.checker, "reset-by-admin").must_change_password
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(certificate_no="T-2"), today=TODAY)
    checked = ev.check_event(lab.db, lab.checker, draft.id, draft.version, "reset-by-admin")
    ev.approve_event(lab.db, lab.approver, checked.id, checked.version, "a-new-password")
    report = verify_integrity(lab.db)  # the seals made before the reset still verify
    assert report.ok, report.problems
    assert ev.get_event(lab.db, first).status is EventStatus.APPROVED


def test_the_decision_rule_belongs_to_the_record(lab: Lab) -> None:
    # error 0.0045 V against an MPE of 0.005 V with U = 0.001 V: a pass under simple
    # acceptance, but inside the guard band (|e| + U > MPE): conditional under a guard band.
    points = (parse_point("10.000 V", "10.0045 V", "10 V", "0.001 V", "2", "0.005 V"),)
    event_id = lab.approved(points=points)
    assert ev.get_event(lab.db, event_id).decision_rule == "simple"
    with lab.db.engine.begin() as conn:  # the lab changes its default rule afterwards
        conn.execute(update(LaboratoryRow).values(decision_rule="guard_band"))
    kept = ev.get_event(lab.db, event_id)
    assert kept.decision_rule == "simple" and kept.result.value == "pass"
    fresh = ev.save_draft(lab.db, lab.metrologist, replace(lab.input(), points=points,
                          certificate_no="T-9"), today=TODAY)  # fmt: skip
    assert fresh.decision_rule == "guard_band" and fresh.result.value != "pass"
    again = ev.save_draft(lab.db, lab.metrologist, replace(lab.input(), points=points,
                          certificate_no="T-9"), event_id=fresh.id,
                          expected_version=fresh.version, today=TODAY,
                          rule=DecisionRule.SIMPLE)  # fmt: skip
    assert again.decision_rule == "simple"


def test_no_login_no_write_when_logins_are_required(lab: Lab) -> None:
    lab.db.require_login = True
    with pytest.raises(AuthenticationError) as refused:
        ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    assert refused.value.code == "not_logged_in"
    authenticate(lab.db, lab.metrologist, "demo")
    assert ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY).id
    with lab.db.read() as session:  # the draft's audit entries are sealed by its author
        seals = session.execute(
            text("SELECT user_name, seal IS NOT NULL FROM audit_log ORDER BY seq DESC LIMIT 1")
        ).one()
    assert tuple(seals) == (lab.metrologist, True)
