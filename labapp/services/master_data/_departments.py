"""Departments (部门/科室): create, rename, list.  A rename keeps the department text of its
locations in step (older readers filter on that text)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labapp.persistence.models import LocationRow, PersonRow
from labapp.persistence.models_master import DepartmentRow
from labapp.services.database import Database
from labapp.services.master_data._common import (
    RecordKind,
    clean,
    create_record,
    ensure_unique,
    required,
    update_record,
)
from labapp.services.master_data._dto import DepartmentInput, DepartmentRecord

__all__ = ["create_department", "list_departments", "update_department"]


def _record(session: Session, row: DepartmentRow) -> DepartmentRecord:
    count_loc = select(func.count()).where(LocationRow.department_id == row.id)
    count_people = select(func.count()).where(PersonRow.department_id == row.id)
    return DepartmentRecord(
        row.id,
        row.version,
        row.name,
        row.code,
        session.scalar(count_loc) or 0,
        session.scalar(count_people) or 0,
    )


def list_departments(db: Database) -> list[DepartmentRecord]:
    """Every department, by name."""
    with db.read() as session:
        rows = session.scalars(select(DepartmentRow).order_by(DepartmentRow.name))
        return [_record(session, r) for r in rows]


def _apply(session: Session, row: DepartmentRow, data: DepartmentInput) -> None:
    name = required("name", data.name)
    code = clean(data.code)
    ensure_unique(session, DepartmentRow.name, name, row.id, "name")
    ensure_unique(session, DepartmentRow.code, code, row.id, "code")
    renamed = row.id is not None and row.name != name
    row.name, row.code = name, code
    if renamed:
        _rename_locations(session, row)


_KIND = RecordKind(DepartmentRow, "department", _apply, _record)


def create_department(db: Database, user: str, data: DepartmentInput) -> DepartmentRecord:
    """Add a department.

    Raises
    ------
    ValidationError
        No name (``required``); the name or code is taken (``duplicate``).
    """
    return create_record(db, user, _KIND, data)


def update_department(
    db: Database, user: str, department_id: int, data: DepartmentInput, expected_version: int
) -> DepartmentRecord:
    """Rename or recode a department read at ``expected_version``.

    Raises
    ------
    ValidationError, NotFoundError, ConcurrentModificationError
    """
    return update_record(db, user, _KIND, department_id, data, expected_version)


def _rename_locations(session: Session, row: DepartmentRow) -> None:
    # Through the ORM (not a bulk UPDATE) so each location's change is audited and versioned.
    stmt = select(LocationRow).where(LocationRow.department_id == row.id)
    for location in session.scalars(stmt):
        location.department = row.name
