"""Events over a seeded demo lab on SQLite and PostgreSQL: drafts, four eyes, standards,
corrections, concurrency and attachments."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from labapp.domain.enums import (
    AuditAction,
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    PersonRole,
    Role,
)
from labapp.domain.errors import AuthenticationError, ConcurrentModificationError, ValidationError
from labapp.domain.point_values import parse_measured, parse_point
from labapp.domain.points import DecisionRule
from labapp.domain.quantities import Measured
from labapp.domain.rules import environment
from labapp.persistence.models import AttachmentRow, AuditLogRow, EventRow, MeasurementPointRow
from labapp.services.attachments import _files as att
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.events import EventInput, PointInput, StandardUse
from labapp.services.events import _draft as ev
from labapp.services.master_data import _lookups as people
from labapp.services.register import RegisterFilter, get_instrument_detail, query_register

TODAY = date(2025, 6, 1)


def m(text: str) -> Measured | None:
    return parse_measured(text, "value")


class Lab:
    """The seeded lab and the people and items the tests use."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.metrologist = people.list_persons(db, PersonRole.METROLOGIST)[0].login
        checkers = people.list_persons(db, PersonRole.CHECKER)
        self.checker = next(p.login for p in checkers if p.login != self.metrologist)
        self.approver = people.list_persons(db, PersonRole.APPROVER)[0].login
        flt = RegisterFilter(quantity="DC voltage", role=Role.WORKING)
        self.uut = next(
            i for i in query_register(db, flt, today=TODAY)
            if i.status is InstrumentStatus.IN_SERVICE
        )  # fmt: skip
        options = ev.valid_standards(db, TODAY, quantity="DC voltage")
        self.standard = next(o for o in options if o.valid)
        self.provider = people.provider_choices(db)[0].id

    def input(self, **kw: object) -> EventInput:
        base = EventInput(
            instrument_id=self.uut.id,
            kind=EventKind.CALIBRATION,
            performed_on=TODAY,
            provider_id=self.provider,
            certificate_no="T-0001",
            temperature=environment("20,1 °C", "temperature"),  # parsed where typed
            humidity=environment("45 %RH", "humidity"),
            standards=(StandardUse(self.standard.instrument_id),),
            points=(
                parse_point("10.000 V", "10.003 V", "10 V", "0.001 V", "2", "0.005 V"),
                parse_point("100.00 V", "100.02 V", "100 V", "0.01 V", "2", "0.05 V"),
            ),
        )
        return replace(base, **kw)  # type: ignore[arg-type]

    def approved(self, **kw: object) -> int:
        draft = ev.save_draft(self.db, self.metrologist, self.input(**kw), today=TODAY)
        checked = ev.check_event(self.db, self.checker, draft.id, draft.version, "demo")
        return ev.approve_event(self.db, self.approver, checked.id, checked.version, "demo").id


@pytest.fixture
def lab(db: Database) -> Lab:
    seed_demo(db, DemoOptions(instruments=40, years=2, today=TODAY))
    return Lab(db)


def _audit(db: Database, action: AuditAction) -> list[tuple[str, str | None]]:
    """(entity, reason) of the audit entries with ``action``."""
    stmt = select(AuditLogRow.entity, AuditLogRow.reason).where(AuditLogRow.action == action)
    with db.read() as session:
        return [(entity, reason) for entity, reason in session.execute(stmt)]


def test_draft_computes_points_result_and_validity(lab: Lab) -> None:
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    assert draft.status is EventStatus.DRAFT
    assert [str(p.error_value) for p in draft.points] == ["0.003", "0.02"]
    assert {p.decision for p in draft.points} == {Decision.PASS}
    assert draft.result is EventResult.PASS
    assert draft.temperature == "20.1 °C" and draft.humidity == "45 %RH"
    assert draft.valid_until == date(2026, 6, 1)  # the DMM's 12-month interval
    assert draft.performer is not None
    assert draft.standards[0].valid and draft.standards[0].certificate_event_id is not None
    assert ev.get_event(lab.db, draft.id) == draft


def test_draft_check_approve_moves_the_due_date(lab: Lab) -> None:
    before = get_instrument_detail(lab.db, lab.uut.id)
    event_id = lab.approved()
    after = get_instrument_detail(lab.db, lab.uut.id)
    event = ev.get_event(lab.db, event_id)
    assert event.status is EventStatus.APPROVED and event.checker and event.approver
    assert after.data.last_calibrated_on == TODAY
    assert after.due_on == event.valid_until == date(2026, 6, 1) != before.due_on
    assert after.events[0].id == event_id
    assert _audit(lab.db, AuditAction.APPROVE) and _audit(lab.db, AuditAction.CHECK)


def test_failed_result_suspends_the_instrument(lab: Lab) -> None:
    bad = (parse_point("10.000 V", "10.009 V", mpe="0.005 V"),)
    event = ev.get_event(lab.db, lab.approved(points=bad))
    assert event.result is EventResult.FAIL and event.valid_until is None
    detail = get_instrument_detail(lab.db, lab.uut.id)
    assert detail.data.status is InstrumentStatus.SUSPENDED and detail.due_on is None


def test_four_eyes(lab: Lab) -> None:
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    with pytest.raises(ValidationError) as caught:
        ev.check_event(lab.db, lab.metrologist, draft.id, draft.version, "demo")
    assert caught.value.code == "four_eyes"
    with pytest.raises(ValidationError) as caught:
        ev.approve_event(lab.db, lab.approver, draft.id, draft.version, "demo")
    assert caught.value.code == "not_checked"
    checked = ev.check_event(lab.db, lab.checker, draft.id, draft.version, "demo")
    with pytest.raises(ValidationError) as caught:
        ev.approve_event(lab.db, lab.metrologist, checked.id, checked.version, "demo")
    assert caught.value.code == "four_eyes"
    with pytest.raises(AuthenticationError) as refused:  # no account: never says which part
        ev.check_event(lab.db, "nobody", draft.id, checked.version, "demo")
    assert refused.value.code == "wrong_credentials"


def test_overdue_standard_refused_then_accepted_with_an_audited_reason(lab: Lab) -> None:
    assert lab.standard.valid_until is not None
    late = lab.standard.valid_until + timedelta(days=1)
    data = lab.input(performed_on=late)
    with pytest.raises(ValidationError) as caught:
        ev.save_draft(lab.db, lab.metrologist, data, today=late)
    assert (caught.value.field, caught.value.code) == ("standards", "standard_not_valid")
    assert caught.value.params == {"asset_tag": lab.standard.asset_tag, "reason": "overdue"}
    offered = {o.instrument_id: o for o in ev.valid_standards(lab.db, late)}
    assert offered[lab.standard.instrument_id].reason == "overdue"
    reason = "recalibration booked; drift checked against the reference today"
    use = StandardUse(lab.standard.instrument_id, override_reason=reason)
    draft = ev.save_draft(lab.db, lab.metrologist, replace(data, standards=(use,)), today=late)
    assert draft.standards[0].override_reason == reason and not draft.standards[0].valid
    overrides = _audit(lab.db, AuditAction.OVERRIDE)
    assert len(overrides) == 1 and reason in (overrides[0][1] or "")
    assert overrides[0][0] == "event_standards"


def test_failed_standard_refused(lab: Lab) -> None:
    # calibrate the standard itself and fail it: it is suspended and cannot be used
    standard_lab = Lab(lab.db)
    standard_lab.uut = next(
        i
        for i in query_register(lab.db, today=TODAY, limit=10_000)
        if i.id == lab.standard.instrument_id
    )
    others = [o for o in ev.valid_standards(lab.db, TODAY) if o.valid]
    ref = next(o for o in others if o.instrument_id != lab.standard.instrument_id)
    bad = (parse_point("10.000 V", "10.009 V", mpe="0.005 V"),)
    standard_lab.approved(
        standards=(StandardUse(ref.instrument_id),), points=bad, certificate_no="T-STD"
    )
    with pytest.raises(ValidationError) as caught:
        ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    assert caught.value.code == "standard_not_valid"
    assert caught.value.params["reason"] == "not_in_service"  # a FAIL suspends it first


def test_a_standard_cannot_calibrate_itself(lab: Lab) -> None:
    data = lab.input(standards=(StandardUse(lab.uut.id),))
    with pytest.raises(ValidationError) as caught:
        ev.save_draft(lab.db, lab.metrologist, data, today=TODAY)
    assert caught.value.code == "self_standard"


def test_duplicate_certificate_and_future_date_refused(lab: Lab) -> None:
    ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    with pytest.raises(ValidationError) as caught:
        ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    assert (caught.value.field, caught.value.code) == ("certificate_no", "duplicate")
    tomorrow = TODAY + timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        ev.save_draft(lab.db, lab.metrologist, lab.input(performed_on=tomorrow), today=TODAY)
    assert (caught.value.field, caught.value.code) == ("performed_on", "future")


def test_bad_inputs_name_their_field(lab: Lab) -> None:
    cases = {
        # typed values the service must still check: the wrong kind of unit, below 0 K, unknown
        "temperature": lab.input(temperature=Measured(Decimal(45), "%RH")),
        "humidity": lab.input(humidity=Measured(Decimal(20), "°C")),
        "temperature ": lab.input(temperature=Measured(Decimal(-5), "K")),
        "temperature  ": lab.input(temperature=Measured(Decimal(20), "ten")),
        "points.1.indication": lab.input(
            # a typed value the service must still refuse: a unit LabApp does not know
            points=(
                parse_point("10 V", "10.0 V"),
                PointInput(m("10 V"), Measured(Decimal(10), "ten")),
            )
        ),
        "interval_reason": lab.input(interval_months=6),
    }
    for field, data in cases.items():
        with pytest.raises(ValidationError) as caught:
            ev.save_draft(lab.db, lab.metrologist, data, today=TODAY)
        assert caught.value.field == field.strip()
    shortened = lab.input(interval_months=6, interval_reason="drift seen at last two checks")
    draft = ev.save_draft(lab.db, lab.metrologist, shortened, today=TODAY)
    assert draft.valid_until == date(2025, 12, 1)


def test_verification_without_points_takes_the_stated_result(lab: Lab) -> None:
    data = lab.input(kind=EventKind.VERIFICATION, points=(), result=EventResult.PASS)
    assert ev.save_draft(lab.db, lab.metrologist, data, today=TODAY).result is EventResult.PASS
    none = lab.input(points=(), certificate_no="T-0002")
    assert ev.save_draft(lab.db, lab.metrologist, none, today=TODAY).result is (
        EventResult.NO_DECISION
    )


def test_correction_supersedes_on_approval(lab: Lab) -> None:
    first = lab.approved()
    with pytest.raises(ValidationError) as caught:
        ev.save_draft(lab.db, lab.metrologist, lab.input(), event_id=first, expected_version=3)
    assert caught.value.code == "approved_immutable"
    with pytest.raises(ValidationError):
        ev.correct_event(lab.db, lab.metrologist, first, " ")
    fix = ev.correct_event(lab.db, lab.metrologist, first, "reading transposed on point 2")
    assert (fix.revision, fix.supersedes_id, fix.status) == (2, first, EventStatus.DRAFT)
    assert len(fix.points) == 2 and len(fix.standards) == 1
    assert fix.certificate_no is None  # a replacement certificate has its own number
    corrected = lab.input(
        certificate_no="T-0001/R1",
        points=(parse_point("10.000 V", "10.003 V", mpe="0.005 V"),),
        interval_months=6,
        interval_reason="correction",
    )
    fix = ev.save_draft(
        lab.db, lab.metrologist, corrected, event_id=fix.id, expected_version=fix.version,
        today=TODAY,
    )  # fmt: skip
    fix = ev.check_event(lab.db, lab.checker, fix.id, fix.version, "demo")
    fix = ev.approve_event(lab.db, lab.approver, fix.id, fix.version, "demo")
    old = ev.get_event(lab.db, first)
    assert old.status is EventStatus.SUPERSEDED and old.superseded_by_id == fix.id
    assert [r.revision for r in fix.revisions] == [1, 2]
    detail = get_instrument_detail(lab.db, lab.uut.id)
    assert detail.due_on == fix.valid_until == date(2025, 12, 1)
    assert {first, fix.id} <= {e.id for e in detail.events}  # the old one is still listed
    assert any(a.action is AuditAction.CORRECT for a in detail.history)


def test_concurrent_edit_of_a_draft_names_the_other_user(lab: Lab) -> None:
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    other = people.list_persons(lab.db, PersonRole.METROLOGIST)[1].login
    ev.save_draft(
        lab.db, other, lab.input(remarks="mine"), event_id=draft.id,
        expected_version=draft.version, today=TODAY,
    )  # fmt: skip
    with pytest.raises(ConcurrentModificationError) as caught:
        ev.save_draft(
            lab.db, lab.metrologist, lab.input(remarks="theirs"), event_id=draft.id,
            expected_version=draft.version, today=TODAY,
        )  # fmt: skip
    assert caught.value.info.changed_by == other
    assert other in str(caught.value)
    assert ev.get_event(lab.db, draft.id).remarks == "mine"


def test_attachment_sha256_stored_and_verified(lab: Lab, tmp_path: Path) -> None:
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(), today=TODAY)
    content = b"%PDF-1.7 certificate scan \x00\x01"
    info = att.add_attachment(
        lab.db, lab.metrologist, event_id=draft.id, filename="C:\\scans\\cert.pdf", content=content
    )
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert (info.filename, info.size, info.media_type) == (
        "cert.pdf",
        len(content),
        "application/pdf",
    )
    assert ev.get_event(lab.db, draft.id).attachments == (info,)
    with pytest.raises(ValidationError) as caught:
        att.add_attachment(
            lab.db, lab.metrologist, event_id=draft.id, filename="again.pdf", content=content
        )
    assert caught.value.code == "duplicate"
    assert att.attachment_content(lab.db, info.id) == (info, content)
    path = att.export_attachment(lab.db, info.id, tmp_path)
    assert path.read_bytes() == content and path.name == "cert.pdf"
    assert att.export_attachment(lab.db, info.id, tmp_path).name == "cert (1).pdf"
    with lab.db.unit_of_work("vandal") as uow:
        uow.session.execute(
            update(AttachmentRow).where(AttachmentRow.id == info.id).values(content=b"tampered")
        )
        uow.commit()
    with pytest.raises(att.AttachmentCorruptError):
        att.export_attachment(lab.db, info.id, tmp_path / "out")
    assert not (tmp_path / "out" / "cert.pdf").exists()


def test_audit_trail_of_an_approved_event(lab: Lab) -> None:
    event_id = lab.approved()
    entries = [a for a in get_instrument_detail(lab.db, lab.uut.id).history if a.entity == "events"]
    actions = [a.action for a in entries if a.entity_id == str(event_id)]
    assert actions[:3] == [AuditAction.APPROVE, AuditAction.CHECK, AuditAction.CREATE]
    created = next(a for a in entries if a.action is AuditAction.CREATE)
    assert json.dumps([c.field for c in created.changes])  # field-level changes recorded


def test_capability_is_stored_with_each_point_and_read_back(lab: Lab) -> None:
    """MPE / U per point (JJF 1094: at least 3), computed here by hand, kept with the record."""
    points = (
        parse_point("10.000 V", "10.003 V", "10 V", "0.001 V", "2", "0.005 V"),  # 5 / 1 = 5
        parse_point("10.000 V", "10.003 V", "10 V", "2 mV", "2", "5 mV"),  # 5 / 2 = 2.5
        parse_point("1.000000 V", "1.000003 V", "1 V", "20 µV", "2", "10 µV"),  # 0.5, the issue
        parse_point("10.000 V", "10.003 V", "10 V", None, None, "0.005 V"),  # no U: none
    )
    draft = ev.save_draft(lab.db, lab.metrologist, lab.input(points=points), today=TODAY)
    detail = ev.get_event(lab.db, draft.id)
    assert [p.capability for p in detail.points] == [Decimal("5.00"), Decimal("2.50"),
                                                     Decimal("0.50"), None]  # fmt: skip
    assert [p.decision for p in detail.points][2] is Decision.PASS  # passes, but not capable
    with lab.db.read() as session:
        stored = session.scalars(
            select(MeasurementPointRow.capability)
            .where(MeasurementPointRow.event_id == draft.id)
            .order_by(MeasurementPointRow.seq)
        ).all()
    assert [None if v is None else str(v) for v in stored] == ["5.00", "2.50", "0.50", None]


def test_guard_band_without_u_is_refused_and_nothing_saved(lab: Lab) -> None:
    blank_u = (parse_point("10.000 V", "10.003 V", "10 V", None, None, "0.005 V"),)
    with pytest.raises(ValidationError) as refused:
        ev.save_draft(lab.db, lab.metrologist, lab.input(points=blank_u), today=TODAY,
                      rule=DecisionRule.GUARD_BAND)  # fmt: skip
    assert (refused.value.field, refused.value.code) == (
        "points.0.expanded_uncertainty", "required_by_rule")  # fmt: skip
    with lab.db.read() as session:
        assert session.scalars(select(MeasurementPointRow.id)).first() is not None  # demo kept
        assert not session.scalars(
            select(EventRow.id).where(EventRow.certificate_no == "T-0001")
        ).all()
