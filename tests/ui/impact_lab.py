"""A failed standard in the seeded GUI lab: the standard that served most results is found out of
tolerance today by three times its MPE (a module of its own: conftest files are not importable)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from labapp.domain.enums import EventKind, EventResult, EventStatus
from labapp.metrology.units import Quantity, delta_unit, parse_unit, to_unit
from labapp.persistence.models import EventRow, EventStandardRow, MeasurementPointRow
from labapp.services.database import Database


def _busiest_standard(db: Database) -> int:
    """The standard that served most approved results since its own latest calibration."""
    own = EventRow.__table__.alias("own")
    latest = (
        select(func.max(own.c.performed_on))
        .where(own.c.instrument_id == EventStandardRow.instrument_id,
               own.c.status == EventStatus.APPROVED)
        .scalar_subquery()
    )  # fmt: skip
    stmt = (
        select(EventStandardRow.instrument_id)
        .join(EventRow, EventRow.id == EventStandardRow.event_id)
        .where(EventRow.status == EventStatus.APPROVED, EventRow.performed_on >= latest)
        .group_by(EventStandardRow.instrument_id)
        .order_by(func.count().desc(), EventStandardRow.instrument_id)
        .limit(1)
    )
    with db.read() as session:
        return int(session.scalars(stmt).one())


def _in_reference_unit(p: MeasurementPointRow) -> Decimal:
    assert p.mpe_value is not None and p.reference_unit is not None
    mpe = Quantity(p.mpe_value, delta_unit(parse_unit(p.mpe_unit or p.reference_unit)))
    value: Decimal = to_unit(mpe, delta_unit(parse_unit(p.reference_unit))).magnitude
    return value


def _found_point(p: MeasurementPointRow, stage: str, factor: int) -> MeasurementPointRow:
    assert p.reference_value is not None and p.mpe_value is not None
    return MeasurementPointRow(
        seq=p.seq, stage=stage, nominal_value=p.nominal_value, nominal_unit=p.nominal_unit,
        reference_value=p.reference_value, reference_unit=p.reference_unit,
        indication_value=p.reference_value + factor * _in_reference_unit(p),
        indication_unit=p.reference_unit, mpe_value=p.mpe_value, mpe_unit=p.mpe_unit,
    )  # fmt: skip


def fail_a_standard(db: Database, on: date | None = None) -> tuple[int, int]:
    """Record today's as-found failure of the busiest standard; returns (standard, event) ids."""
    standard_id = _busiest_standard(db)
    with db.unit_of_work("admin") as uow:
        latest = uow.session.scalars(
            select(EventRow)
            .where(EventRow.instrument_id == standard_id, EventRow.status == EventStatus.APPROVED)
            .order_by(EventRow.performed_on.desc())
            .limit(1)
        ).one()
        row = EventRow(
            instrument_id=standard_id, kind=EventKind.CALIBRATION, status=EventStatus.APPROVED,
            performed_on=on or date.today(), provider_id=latest.provider_id,
            certificate_no="IMPACT-TEST-1", as_found=EventResult.FAIL, as_left=EventResult.PASS,
            result=EventResult.PASS, adjusted=True,
        )  # fmt: skip
        row.points = [_found_point(p, "as_found", 3) for p in latest.points] + [
            _found_point(p, "as_left", 0) for p in latest.points
        ]
        uow.session.add(row)
        uow.commit()
        return standard_id, row.id
