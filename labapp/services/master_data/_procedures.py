"""Procedures (JJG 检定规程, JJF 校准规范, in-house SOPs): create, edit, withdraw, list.

A procedure is never deleted: old records name it.  Withdrawn (作废) on a date, it stays readable
on those records, but cannot be chosen for an event performed on or after that date
(:func:`ensure_procedure_usable`, called by the event service).  A withdrawn procedure cannot be
edited: its replacement is a new procedure (or a new revision of it).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.enums import AuditAction
from labapp.domain.errors import ValidationError
from labapp.persistence.models import ProcedureRow
from labapp.services.accounts import require_login_role
from labapp.services.database import Database
from labapp.services.master_data._common import (
    MANAGERS,
    RecordKind,
    clean,
    create_record,
    ensure_unique,
    load,
    required,
    update_record,
)
from labapp.services.master_data._dto import ProcedureInput, ProcedureRecord

__all__ = [
    "create_procedure",
    "ensure_procedure_usable",
    "list_procedures",
    "update_procedure",
    "withdraw_procedure",
]


def _record(row: ProcedureRow) -> ProcedureRecord:
    return ProcedureRecord(
        row.id,
        row.version,
        row.code,
        row.title,
        row.revision,
        row.kind,
        row.quantity,
        row.in_force,
        row.withdrawn_on,
    )


def list_procedures(db: Database, *, in_force_only: bool = False) -> list[ProcedureRecord]:
    """Procedures by code (only those in force, if asked)."""
    stmt = select(ProcedureRow).order_by(ProcedureRow.code)
    if in_force_only:
        stmt = stmt.where(ProcedureRow.in_force.is_(True))
    with db.read() as session:
        return [_record(r) for r in session.scalars(stmt)]


def _apply(session: Session, row: ProcedureRow, data: ProcedureInput) -> None:
    _in_force(row)  # a withdrawn procedure is not edited (a new one is always in force)
    code = required("code", data.code)
    title = required("title", data.title)
    ensure_unique(session, ProcedureRow.code, code, row.id, "code")
    row.code, row.title, row.kind = code, title, data.kind
    row.revision, row.quantity = clean(data.revision), clean(data.quantity)


_KIND = RecordKind(
    ProcedureRow,
    "procedure",
    _apply,
    lambda _session, row: _record(row),
    new_row=lambda: ProcedureRow(in_force=True, withdrawn_on=None),
)


def create_procedure(db: Database, user: str, data: ProcedureInput) -> ProcedureRecord:
    """Add a procedure, in force.

    Raises
    ------
    ValidationError
        No code or title (``required``), a code taken (``duplicate``).
    """
    return create_record(db, user, _KIND, data)


def _in_force(row: ProcedureRow) -> None:
    if not row.in_force:
        raise ValidationError(
            "procedure_id",
            f"{row.code} is withdrawn",
            code="withdrawn",
            params={"code": row.code, "on": row.withdrawn_on},
        )


def update_procedure(
    db: Database, user: str, procedure_id: int, data: ProcedureInput, expected_version: int
) -> ProcedureRecord:
    """Change a procedure in force read at ``expected_version`` (``withdrawn`` otherwise)."""
    return update_record(db, user, _KIND, procedure_id, data, expected_version)


def withdraw_procedure(
    db: Database,
    user: str,
    procedure_id: int,
    on: date,
    expected_version: int | None,
    reason: str | None = None,
) -> ProcedureRecord:
    """Withdraw a procedure from ``on`` (audited as a retirement, with ``reason``).

    Raises
    ------
    ValidationError
        Already withdrawn (``withdrawn``).
    NotFoundError, ConcurrentModificationError
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, MANAGERS)
        row = load(uow.session, ProcedureRow, procedure_id, "procedure")
        uow.check_version(row, expected_version)
        _in_force(row)
        row.in_force, row.withdrawn_on = False, on
        uow.audit(row, AuditAction.RETIRE, clean(reason))
        uow.flush()
        record = _record(row)
        uow.commit()
    return record


def ensure_procedure_usable(
    session: Session, procedure_id: int | None, performed_on: date, previous_id: int | None
) -> None:
    """Refuse a withdrawn procedure for an event performed on or after its withdrawal.

    ``previous_id`` is the procedure the event already named (an edit keeps it readable).

    Raises
    ------
    ValidationError
        ``code="withdrawn"``, ``field="procedure_id"``.
    """
    if procedure_id is None or procedure_id == previous_id:
        return
    row = load(session, ProcedureRow, procedure_id, "procedure")
    if not row.in_force and row.withdrawn_on is not None and row.withdrawn_on <= performed_on:
        _in_force(row)
