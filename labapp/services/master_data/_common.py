"""What every master-data service shares: cleaning typed text, loading rows, uniqueness, and
who may change the master data (:data:`MANAGERS`; people and the lab's settings: ``ADMINS``,
asked with :func:`labapp.services.accounts.require_login_role`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labapp.domain.enums import PersonRole
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import PersonRoleRow, PersonRow
from labapp.persistence.models_accounts import AccountRow
from labapp.services.accounts import require_login_role
from labapp.services.database import Database

T = TypeVar("T")
Row = TypeVar("Row")
In = TypeVar("In")
Out = TypeVar("Out")


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


@dataclass(frozen=True)
class RecordKind(Generic[Row, In, Out]):
    """One kind of master-data record as :func:`create_record` and :func:`update_record` write it.

    ``apply(session, row, data)`` checks ``data`` and sets the row's fields (on a new row and on
    a stored one alike); ``record(session, row)`` is the DTO the caller gets back.
    """

    row_class: type[Row]
    entity: str
    apply: Callable[[Session, Row, In], None]
    record: Callable[[Session, Row], Out]
    new_row: Callable[[], Row] | None = None  # default: ``row_class()``
    allowed: frozenset[PersonRole] = MANAGERS


def create_record(db: Database, user: str, kind: RecordKind[Row, In, Out], data: In) -> Out:
    """Add one record of ``kind`` from ``data`` as ``user``, in one audited unit of work.

    Raises
    ------
    ValidationError
        ``not_permitted`` (``user`` lacks the roles), and what ``kind.apply`` refuses.
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, kind.allowed)
        row = kind.new_row() if kind.new_row is not None else kind.row_class()
        kind.apply(uow.session, row, data)
        uow.session.add(row)
        uow.flush()
        record = kind.record(uow.session, row)
        uow.commit()
    return record


def update_record(
    db: Database,
    user: str,
    kind: RecordKind[Row, In, Out],
    key: int,
    data: In,
    expected_version: int,
) -> Out:
    """Change record ``key`` of ``kind`` read at ``expected_version`` to ``data`` as ``user``.

    Raises
    ------
    ValidationError
        ``not_permitted``, and what ``kind.apply`` refuses.
    NotFoundError, ConcurrentModificationError
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, kind.allowed)
        row = load(uow.session, kind.row_class, key, kind.entity)
        uow.check_version(row, expected_version)
        kind.apply(uow.session, row, data)
        uow.flush()
        record = kind.record(uow.session, row)
        uow.commit()
    return record
