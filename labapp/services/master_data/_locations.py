"""Locations (where instruments are kept): create, edit, list.

A location belongs to a laboratory (the one of this database when there is only one) and
optionally to a department; its old ``department`` text is kept equal to the department's name.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.errors import ValidationError
from labapp.persistence.models import LaboratoryRow, LocationRow
from labapp.persistence.models_master import DepartmentRow
from labapp.services.database import Database
from labapp.services.master_data._common import (
    RecordKind,
    clean,
    create_record,
    load,
    required,
    update_record,
)
from labapp.services.master_data._dto import LocationInput, LocationRecord

__all__ = ["create_location", "list_locations", "update_location"]


def _record(session: Session, row: LocationRow) -> LocationRecord:
    dept = session.get(DepartmentRow, row.department_id) if row.department_id else None
    return LocationRecord(
        row.id,
        row.version,
        row.name,
        row.building,
        row.room,
        row.department_id,
        dept.name if dept else row.department,
        row.laboratory_id,
    )


def list_locations(db: Database) -> list[LocationRecord]:
    """Every location, by name."""
    with db.read() as session:
        rows = session.scalars(select(LocationRow).order_by(LocationRow.name, LocationRow.id))
        return [_record(session, r) for r in rows]


def _laboratory(session: Session, wanted: int | None) -> int:
    if wanted is not None:
        return load(session, LaboratoryRow, wanted, "laboratory").id
    ids = list(session.scalars(select(LaboratoryRow.id).limit(2)))
    if not ids:
        raise ValidationError("laboratory_id", "set up the laboratory first", code="no_laboratory")
    if len(ids) > 1:
        raise ValidationError("laboratory_id", "name the laboratory (site)", code="required")
    return ids[0]


def _apply(session: Session, row: LocationRow, data: LocationInput) -> None:
    name = required("name", data.name)
    lab_id = _laboratory(session, data.laboratory_id if row.id is None else row.laboratory_id)
    clash = select(LocationRow.id).where(
        LocationRow.laboratory_id == lab_id, LocationRow.name == name
    )
    if row.id is not None:
        clash = clash.where(LocationRow.id != row.id)
    if session.scalars(clash.limit(1)).first() is not None:
        raise ValidationError("name", f"{name!r} is already used", code="duplicate")
    dept = None
    if data.department_id is not None:
        dept = load(session, DepartmentRow, data.department_id, "department")
    row.name, row.laboratory_id = name, lab_id
    row.building, row.room = clean(data.building), clean(data.room)
    row.department_id = dept.id if dept else None
    row.department = dept.name if dept else None


_KIND = RecordKind(LocationRow, "location", _apply, _record)


def create_location(db: Database, user: str, data: LocationInput) -> LocationRecord:
    """Add a location.

    Raises
    ------
    ValidationError
        No name (``required``); the name is taken in the laboratory (``duplicate``); no
        laboratory is set up yet (``no_laboratory``).
    NotFoundError
        No such department or laboratory.
    """
    return create_record(db, user, _KIND, data)


def update_location(
    db: Database, user: str, location_id: int, data: LocationInput, expected_version: int
) -> LocationRecord:
    """Change a location read at ``expected_version`` (its laboratory stays)."""
    return update_record(db, user, _KIND, location_id, data, expected_version)
