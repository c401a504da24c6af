"""The audit trail as the Audit page and the CLI read it (filtered and limited in SQL)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from labapp.persistence.models import AuditLogRow, EventRow
from labapp.services.audit._dto import AuditEntry, FieldChange
from labapp.services.database import Database

__all__ = ["item_condition", "list_audit"]


def item_condition(session: Any, instrument_id: int) -> Any:
    """The audit entries of an item: its own and those of its events (as its page shows them)."""
    events = select(EventRow.id).where(EventRow.instrument_id == instrument_id)
    ids = [str(i) for i in session.scalars(events)]
    mine = and_(AuditLogRow.entity == "instruments", AuditLogRow.entity_id == str(instrument_id))
    if not ids:
        return mine
    return or_(mine, and_(AuditLogRow.entity == "events", AuditLogRow.entity_id.in_(ids)))


def audit_entry(row: AuditLogRow) -> AuditEntry:
    """An audit-log row as a DTO (field -> old/new pairs); the one mapping of audit rows."""
    raw = json.loads(row.changes or "{}")
    changes = tuple(FieldChange(field, old, new) for field, (old, new) in sorted(raw.items()))
    return AuditEntry(
        id=row.id,
        at=row.at,
        user=row.user_name,
        entity=row.entity,
        entity_id=row.entity_id,
        action=row.action,
        changes=changes,
        reason=row.reason,
    )


def list_audit(
    db: Database,
    entity: str | None = None,
    entity_id: object | None = None,
    user: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
    item_id: int | None = None,
) -> list[AuditEntry]:
    """Audit entries, newest first.

    Parameters
    ----------
    entity, entity_id
        Restrict to one table (``"instruments"``) and optionally one record (its id).
    user
        Restrict to one user name.
    since, until
        Half-open time window ``[since, until)`` (timezone-aware).
    limit
        At most this many entries.
    item_id
        Restrict to one item's trail: its own entries and its events' (:func:`item_condition`).
    """
    stmt = select(AuditLogRow).order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc()).limit(limit)
    if entity is not None:
        stmt = stmt.where(AuditLogRow.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditLogRow.entity_id == str(entity_id))
    if user is not None:
        stmt = stmt.where(AuditLogRow.user_name == user)
    if since is not None:
        stmt = stmt.where(AuditLogRow.at >= since)
    if until is not None:
        stmt = stmt.where(AuditLogRow.at < until)
    with db.read() as session:
        if item_id is not None:
            stmt = stmt.where(item_condition(session, item_id))
        return [audit_entry(row) for row in session.scalars(stmt)]
