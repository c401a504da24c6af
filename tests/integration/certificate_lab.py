"""A small seeded lab with one approved in-house calibration that has everything a certificate
states (as-found and as-left points, a standard used, a procedure, conditions, two signatures).
Shared by the certificate service and CLI tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal as D

from sqlalchemy import or_, select

from labapp.domain.enums import EventKind, EventResult, InstrumentStatus, PersonRole, Stage
from labapp.domain.point_values import PointValues
from labapp.domain.quantities import Measured as M
from labapp.domain.rules import qualification_covers
from labapp.persistence.models import InstrumentRow, PersonRow, QualificationRow
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.events import EventInput, StandardUse, valid_standards
from labapp.services.events import _draft as ev
from labapp.services.master_data import _lookups as people
from labapp.services.register import RegisterFilter, query_register

TODAY = date(2025, 6, 1)
PASSWORD = "demo"  # every demo account's

#: (stage, reference, indication, U, k, MPE): digits as a metrologist reports them
POINTS = (
    (Stage.AS_FOUND, "10.00000", "10.00052", "0.000040", "2", "0.00040"),
    (Stage.AS_FOUND, "1.000000", "1.000031", "0.0000050", "2", "0.000040"),
    (Stage.AS_LEFT, "10.00000", "10.00003", "0.000040", "2", "0.00040"),
    (Stage.AS_LEFT, "1.000000", "1.000000", "0.0000050", "2", "0.000040"),
    (Stage.AS_LEFT, "0.1000000", "0.0999980", "0.0000012", "2.05", "0.0000100"),
)


@dataclass(frozen=True)
class CertLab:
    """The seeded database, who signs, and the approved event."""

    db: Database
    performer: str
    checker: str
    approver: str
    event_id: int
    number: str
    instrument_id: int
    standard_tag: str


def points() -> tuple[PointValues, ...]:
    return tuple(
        PointValues(
            M(D(ref), "V"), M(D(ind), "V"), None, M(D(u), "V"), D(k), M(D(mpe), "V"), stage=stage
        )
        for stage, ref, ind, u, k, mpe in POINTS
    )


def seed_certificate_lab(db: Database) -> CertLab:
    """Seed the demo lab, record a calibration of a DC voltage instrument, check and approve it."""
    seed_demo(db, DemoOptions(instruments=30, years=1, seed=5, today=TODAY))
    performer = people.list_persons(db, PersonRole.METROLOGIST)[0].login
    checker = next(p.login for p in people.list_persons(db, PersonRole.CHECKER)
                   if p.login != performer)  # fmt: skip
    approver = next(p.login for p in people.list_persons(db, PersonRole.APPROVER)
                    if p.login not in (performer, checker))  # fmt: skip
    register = query_register(db, RegisterFilter(), today=TODAY)
    item = next(i for i in register if i.status is InstrumentStatus.IN_SERVICE
                and i.quantity == "DC voltage" and i.role.value == "working")  # fmt: skip
    standard = next(s for s in valid_standards(db, TODAY, quantity="DC voltage") if s.valid)
    procedure = get_event_procedure(db, item.id)
    data = EventInput(
        instrument_id=item.id, kind=EventKind.CALIBRATION, performed_on=TODAY,
        procedure_id=procedure, temperature=M(D("20.3"), "°C"), humidity=M(D("46"), "%RH"),
        standards=(StandardUse(standard.instrument_id),), as_found=EventResult.FAIL,
        adjusted=True, points=points(), remarks="adjusted at 10 V",
    )  # fmt: skip
    draft = ev.save_draft(db, performer, data, today=TODAY)
    checked = ev.check_event(db, checker, draft.id, draft.version, PASSWORD)
    approved = ev.approve_event(db, approver, checked.id, checked.version, PASSWORD)
    assert approved.certificate_no is not None
    return CertLab(db, performer, checker, approver, approved.id, approved.certificate_no,
                   item.id, standard.asset_tag)  # fmt: skip


def get_event_procedure(db: Database, instrument_id: int) -> int | None:
    """The instrument's procedure (the demo gives every item one)."""
    with db.read() as session:
        return session.get(InstrumentRow, instrument_id).procedure_id


def licensed(db: Database, instrument_id: int, role: PersonRole, exclude: tuple[str, ...]) -> str:
    """A person in ``role`` whose licence covers the item today (verifications need one)."""
    today = date.today()
    with db.read() as session:
        item = session.get(InstrumentRow, instrument_id)
        quantity, category = item.quantity, item.category
        rows = session.execute(
            select(PersonRow.login, QualificationRow.quantity, QualificationRow.scope)
            .join(QualificationRow, QualificationRow.person_id == PersonRow.id)
            .where(
                or_(QualificationRow.valid_until.is_(None), QualificationRow.valid_until >= today)
            )
        ).all()
    item_quantity = quantity
    holders = {login for login, quantity, scope in rows
               if qualification_covers(quantity, scope, item_quantity, category)}  # fmt: skip
    return next(p.login for p in people.list_persons(db, role)
                if p.login in holders and p.login not in exclude)  # fmt: skip


def record_verification(lab: CertLab, *, fail: bool, coverage_factor: D | None = None) -> int:
    """A verification of the lab's item (as left points; one out of tolerance when ``fail``; every
    U with ``coverage_factor`` when given), checked and approved by licensed signers; the approved
    event's id."""
    as_left = [p for p in points() if p.stage is Stage.AS_LEFT]
    if coverage_factor is not None:
        as_left = [replace(p, coverage_factor=coverage_factor) for p in as_left]
    if fail:  # 1.000090 V against MPE ±0.000040 V at 1 V
        as_left[1] = replace(as_left[1], indication=M(D("1.000090"), "V"))
    procedure = get_event_procedure(lab.db, lab.instrument_id)
    data = EventInput(instrument_id=lab.instrument_id, kind=EventKind.VERIFICATION,
                      performed_on=TODAY, procedure_id=procedure, temperature=M(D("20.1"), "°C"),
                      humidity=M(D("45"), "%RH"), points=tuple(as_left))  # fmt: skip
    checker = licensed(lab.db, lab.instrument_id, PersonRole.CHECKER, (lab.performer,))
    approver = licensed(lab.db, lab.instrument_id, PersonRole.APPROVER, (lab.performer, checker))
    draft = ev.save_draft(lab.db, lab.performer, data, today=TODAY)
    checked = ev.check_event(lab.db, checker, draft.id, draft.version, PASSWORD)
    return ev.approve_event(lab.db, approver, checked.id, checked.version, PASSWORD).id
