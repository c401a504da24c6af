"""What every master-data service shares: cleaning typed text, loading rows, uniqueness, and
who may change the master data (:data:`MANAGERS`; people and the lab's settings: ``ADMINS``,
asked with :func:`labapp.services.accounts.require_login_role`)."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labapp.domain.enums import PersonRole
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import PersonRoleRow, PersonRow
from labapp.persistence.models_accounts import AccountRow

T = TypeVar("T")


def clean(value: str | None) -> str | None:
    """Typed text without surrounding blanks; an empty field is ``None``."""
    text = (value or "").strip()
    return text or None


def required(field: str, value: str | None) -> str:
    """The cleaned text of a field that must be filled (``required`` otherwise)."""
    text = clean(value)
    if text is None:
        raise ValidationError(field, "a value is required", code="required")
    return text


def load(session: Session, row_class: type[T], key: int, entity: str) -> T:
    """The row ``key`` of ``row_class`` (NotFoundError when there is none)."""
    row = session.get(row_class, key)
    if row is None:
        raise NotFoundError(entity, key)
    return row


def ensure_unique(
    session: Session, column: Any, value: str | None, own_id: int | None, field: str
) -> None:
    """Refuse ``value`` when another row already has it in ``column`` (case-insensitive)."""
    if value is None:
        return
    table = column.class_
    stmt = select(table.id).where(func.lower(column) == value.lower())
    if own_id is not None:
        stmt = stmt.where(table.id != own_id)
    if session.scalars(stmt.limit(1)).first() is not None:
        raise ValidationError(
            field, f"{value!r} is already used", code="duplicate", params={"value": value}
        )


#: Who keeps the master data other than people: the managers of the quality system.
MANAGERS = frozenset({PersonRole.ADMIN, PersonRole.QUALITY_MANAGER, PersonRole.TECHNICAL_MANAGER})


def ensure_an_admin_remains(session: Session) -> None:
    """Refuse a change that leaves no active administrator (nobody could manage accounts).

    Raises
    ------
    ValidationError
        ``code="last_admin"``, ``field="person"``.
    """
    if not session.scalar(select(func.count()).select_from(AccountRow)):
        return
    admins = (
        select(func.count())
        .select_from(PersonRow)
        .join(PersonRoleRow, PersonRoleRow.person_id == PersonRow.id)
        .where(PersonRow.active.is_(True), PersonRoleRow.role == PersonRole.ADMIN)
    )
    if not session.scalar(admins):
        raise ValidationError("person", "no administrator would remain", code="last_admin")
