"""What every master-data service shares: cleaning typed text, loading rows, uniqueness."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labapp.domain.errors import NotFoundError, ValidationError

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
