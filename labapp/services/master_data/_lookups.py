"""Lookups for combo boxes: persons (by role), providers, procedures, locations; login → person.

The desktop user is known by login name; :func:`person_for_login` maps it to the person who signs
(performer, checker, approver).  A login without a person row cannot sign anything.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.enums import PersonRole
from labapp.domain.errors import ValidationError
from labapp.persistence.models import (
    LocationRow,
    PersonRoleRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services.database import Database
from labapp.services.master_data._dto import LocationInfo, PersonInfo, ProcedureInfo, ProviderInfo

__all__ = [
    "list_persons",
    "location_choices",
    "person_for_login",
    "procedure_choices",
    "provider_choices",
    "signer",
]


def _roles(session: Session, ids: list[int]) -> dict[int, tuple[PersonRole, ...]]:
    roles: dict[int, list[PersonRole]] = defaultdict(list)
    stmt = select(PersonRoleRow.person_id, PersonRoleRow.role).where(
        PersonRoleRow.person_id.in_(ids)
    )
    for person_id, role in session.execute(stmt):
        roles[person_id].append(role)
    return {k: tuple(sorted(v)) for k, v in roles.items()}


def _info(row: PersonRow, roles: dict[int, tuple[PersonRole, ...]]) -> PersonInfo:
    return PersonInfo(row.id, row.name, row.login, roles.get(row.id, ()), row.active)


def list_persons(
    db: Database, role: PersonRole | None = None, *, active_only: bool = True
) -> list[PersonInfo]:
    """Persons by name, optionally only those holding ``role`` (and, by default, active)."""
    stmt = select(PersonRow).order_by(PersonRow.name, PersonRow.id)
    if role is not None:
        holders = select(PersonRoleRow.person_id).where(PersonRoleRow.role == role)
        stmt = stmt.where(PersonRow.id.in_(holders))
    if active_only:
        stmt = stmt.where(PersonRow.active.is_(True))
    with db.read() as session:
        rows = list(session.scalars(stmt))
        roles = _roles(session, [r.id for r in rows])
        return [_info(r, roles) for r in rows]


def signer(session: Session, login: str) -> PersonRow:
    """The person row for a login, inside a service's session.

    Raises
    ------
    ValidationError
        ``code="unknown_user"``: no (active) person has this login.
    """
    row = session.scalars(select(PersonRow).where(PersonRow.login == login)).one_or_none()
    if row is None or not row.active:
        raise ValidationError(
            "user",
            f"{login!r} is not a person of the lab (or is inactive) and cannot sign",
            code="unknown_user",
            params={"login": login},
        )
    return row


def person_for_login(db: Database, login: str) -> PersonInfo | None:
    """The person with this login, or ``None``."""
    with db.read() as session:
        row = session.scalars(select(PersonRow).where(PersonRow.login == login)).one_or_none()
        return None if row is None else _info(row, _roles(session, [row.id]))


def provider_choices(db: Database) -> list[ProviderInfo]:
    """Calibration/verification providers by name."""
    stmt = select(ProviderRow.id, ProviderRow.name, ProviderRow.kind).order_by(ProviderRow.name)
    with db.read() as session:
        return [ProviderInfo(*row) for row in session.execute(stmt)]


def procedure_choices(db: Database) -> list[ProcedureInfo]:
    """Procedures by code, withdrawn ones too (``in_force`` False: old records name them)."""
    stmt = select(
        ProcedureRow.id, ProcedureRow.code, ProcedureRow.title, ProcedureRow.kind,
        ProcedureRow.in_force,
    )  # fmt: skip
    with db.read() as session:
        return [ProcedureInfo(*row) for row in session.execute(stmt.order_by(ProcedureRow.code))]


def location_choices(db: Database) -> list[LocationInfo]:
    """Locations by name."""
    stmt = select(LocationRow.id, LocationRow.name, LocationRow.department)
    with db.read() as session:
        return [LocationInfo(*row) for row in session.execute(stmt.order_by(LocationRow.name))]
