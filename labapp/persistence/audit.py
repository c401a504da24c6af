"""The audit trail: every insert, update and delete of an audited row, in the same transaction.

A ``before_flush`` listener (installed once, for every ``Session``) stamps ``created_*`` /
``updated_*`` on versioned rows and captures each change as ``{field: [old, new]}`` from the
attribute history; an ``after_flush`` listener then inserts the ``audit_log`` rows on the flush's
own connection.  The insert waits for ``after_flush`` because a new row's primary key is only
known once it is inserted; the history is captured before, while it is still exact.

The user and reason come from ``session.info`` (set by the unit of work); a service may name a
more specific action (approve, retire ...) for one object with :func:`mark_action`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.sql.schema import Table

from labapp.domain.enums import AuditAction
from labapp.persistence.base import SYSTEM_USER, Audited, Versioned
from labapp.persistence.models import AuditLogRow
from labapp.persistence.types import utcnow

__all__ = ["REASON_KEY", "USER_KEY", "audit_text", "bulk_insert_audited", "mark_action"]

USER_KEY = "labapp.user"
REASON_KEY = "labapp.reason"
_ACTIONS_KEY = "labapp.audit_actions"
_PENDING_KEY = "labapp.audit_pending"

# Bookkeeping columns: recorded by the row itself, not repeated in every audit entry.
_SKIPPED = frozenset({"version", "created_at", "created_by", "updated_at", "updated_by"})


@dataclass
class _Pending:
    obj: Any
    action: AuditAction
    changes: dict[str, list[str | None]]
    reason: str | None


def audit_text(value: Any) -> str | None:
    """A value as the audit log shows it: enum values, exact decimals, ISO dates, byte counts."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int | str):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} bytes>"
    return str(value)


def mark_action(
    session: Session, obj: object, action: AuditAction, reason: str | None = None
) -> None:
    """Record ``obj``'s next flush under ``action`` (e.g. RETIRE instead of UPDATE)."""
    session.info.setdefault(_ACTIONS_KEY, {})[id(obj)] = (action, reason)


def _column_keys(obj: Any) -> list[str]:
    return [a.key for a in inspect(obj).mapper.column_attrs if a.key not in _SKIPPED]


def _changes(obj: Any, action: AuditAction) -> dict[str, list[str | None]]:
    state = inspect(obj)
    changes: dict[str, list[str | None]] = {}
    for key in _column_keys(obj):
        history = state.attrs[key].history
        if action is AuditAction.CREATE:
            new = audit_text(history.added[0]) if history.added else None
            if new is not None:
                changes[key] = [None, new]
        elif action is AuditAction.DELETE:
            old = history.unchanged or history.deleted
            if old and old[0] is not None:
                changes[key] = [audit_text(old[0]), None]
        elif history.has_changes():
            old_value = history.deleted[0] if history.deleted else None
            new_value = history.added[0] if history.added else None
            if audit_text(old_value) != audit_text(new_value):
                changes[key] = [audit_text(old_value), audit_text(new_value)]
    return changes


def _stamp(session: Session, user: str) -> None:
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Versioned):
            obj.created_at = obj.updated_at = now
            obj.created_by = obj.updated_by = user
    for obj in session.dirty:
        if isinstance(obj, Versioned) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            obj.updated_by = user


def _before_flush(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    user = session.info.get(USER_KEY) or SYSTEM_USER
    _stamp(session, user)
    marked: dict[int, tuple[AuditAction, str | None]] = session.info.pop(_ACTIONS_KEY, {})
    default_reason = session.info.get(REASON_KEY)
    pending: list[_Pending] = session.info.setdefault(_PENDING_KEY, [])
    groups = (
        (session.new, AuditAction.CREATE),
        (session.dirty, AuditAction.UPDATE),
        (session.deleted, AuditAction.DELETE),
    )
    for objects, default_action in groups:
        for obj in objects:
            if not isinstance(obj, Audited):
                continue
            changes = _changes(obj, default_action)
            override = marked.get(id(obj))
            if default_action is AuditAction.UPDATE and not changes and override is None:
                continue  # only a relationship collection changed: nothing of its own to log
            action, reason = override if override else (default_action, None)
            pending.append(_Pending(obj, action, changes, reason or default_reason))


def _log_row(
    at: datetime, user: str, entity: str, entity_id: str, action: AuditAction, item: Any
) -> dict[str, Any]:
    """One ``audit_log`` row as inserted (the one place its shape is built)."""
    changes, reason = item
    return {
        "at": at,
        "user_name": user,
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
        "reason": reason,
    }


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    pending: list[_Pending] = session.info.pop(_PENDING_KEY, [])
    if not pending:
        return
    user = session.info.get(USER_KEY) or SYSTEM_USER
    now = utcnow()
    rows = [
        _log_row(
            now,
            user,
            inspect(item.obj).mapper.local_table.name,
            ",".join(str(v) for v in inspect(item.obj).mapper.primary_key_from_instance(item.obj)),
            item.action,
            (item.changes, item.reason),
        )
        for item in pending
    ]
    session.connection().execute(insert(AuditLogRow), rows)


def bulk_insert_audited(
    session: Session, row_class: type[Versioned], values: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert many new versioned rows in one statement, audited as the flush listener would.

    The ORM unit of work costs milliseconds per object (attribute events, history, identity
    map); a generated plan has thousands of items.  Here the rows go in with one executemany
    INSERT … RETURNING id, stamped with the session's user and one time, and each gets its own
    CREATE entry (same JSON of non-empty fields) in one more executemany, in the same
    transaction.  Returns the new ids in the order of ``values``.
    """
    if not values:
        return []
    user = session.info.get(USER_KEY) or SYSTEM_USER
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "created_by": user}
    stamp |= {"updated_at": now, "updated_by": user}
    table: Table = row_class.__table__  # type: ignore[attr-defined]
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    result = session.connection().execute(stmt, [{**v, **stamp} for v in values])
    ids = [int(i) for i in result.scalars().all()]
    reason = session.info.get(REASON_KEY)
    logs = [
        _log_row(now, user, table.name, str(i), AuditAction.CREATE, (_created(v), reason))
        for i, v in zip(ids, values, strict=True)
    ]
    session.connection().execute(insert(AuditLogRow), logs)
    return ids


def _created(values: Mapping[str, Any]) -> dict[str, list[str | None]]:
    """A CREATE entry's changes: every non-empty field, as ``_changes`` records a new object."""
    changes: dict[str, list[str | None]] = {}
    for key, value in values.items():
        text = audit_text(value)
        if key not in _SKIPPED and text is not None:
            changes[key] = [None, text]
    return changes


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "after_soft_rollback", lambda session, _tx: _after_rollback(session))
