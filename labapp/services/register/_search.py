"""The register's search rule as one SQL condition: one definition.

The Register page, its Excel export, the audit page's item filter, the reverse trace and the CLI
export all find instruments by typed text; they take the condition from here, so the same text
finds the same items everywhere.  The text matches, case-insensitively, anywhere in asset tag,
name, model, serial number, manufacturer, quantity, location and custodian (``ILIKE`` on
PostgreSQL; on SQLite ``LIKE``, which ignores the case of ASCII letters as SQLite's ``lower()``
does, without calling ``lower()`` on every cell; ``%``, ``_`` and ``\\`` are matched literally).
Location and custodian match through their small tables (``location_id IN (...)``), so counting
needs no join.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select

from labapp.persistence.models import InstrumentRow, LocationRow, PersonRow

__all__ = ["search_condition"]

_TEXT_COLUMNS = (
    InstrumentRow.asset_tag,
    InstrumentRow.name,
    InstrumentRow.model,
    InstrumentRow.serial_no,
    InstrumentRow.manufacturer,
    InstrumentRow.quantity,
)


def search_condition(text: str, dialect: str) -> ColumnElement[bool]:
    """Instruments matching the typed ``text`` (stripped by the caller, not empty).

    Parameters
    ----------
    text
        As typed; ``%``, ``_`` and ``\\`` are literal characters.
    dialect
        ``Database.engine.dialect.name`` (``"sqlite"`` or ``"postgresql"``).
    """
    pattern = f"%{_escape_like(text)}%"
    places = select(LocationRow.id).where(_contains(LocationRow.name, pattern, dialect))
    people = select(PersonRow.id).where(_contains(PersonRow.name, pattern, dialect))
    return or_(
        *(_contains(c, pattern, dialect) for c in _TEXT_COLUMNS),
        InstrumentRow.location_id.in_(places),
        InstrumentRow.custodian_id.in_(people),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, pattern: str, dialect: str) -> ColumnElement[bool]:
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]
    return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]
