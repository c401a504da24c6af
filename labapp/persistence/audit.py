"""The audit trail: every insert, update and delete of an audited row, in the same transaction.

A ``before_flush`` listener (installed once, for every ``Session``) stamps ``created_*`` /
``updated_*`` on versioned rows and captures each change as ``{field: [old, new]}`` from the
attribute history; an ``after_flush`` listener then inserts the ``audit_log`` rows on the flush's
own connection.  The insert waits for ``after_flush`` because a new row's primary key is only
known once it is inserted; the history is captured before, while it is still exact.

The user and reason come from ``session.info`` (set by the unit of work); a service may name a
more specific action (approve, retire ...) for one object with :func:`mark_action`.

Every entry joins a hash chain (:func:`labapp.domain.integrity.chain_hash`): the writer locks the
single ``audit_head`` row, numbers its entries after the head, chains their hashes and, when the
unit of work carries the author's unlocked key (:class:`Signer` under ``SIGNER_KEY``), seals the
last entry of each flush with the author's Ed25519 signature, which covers the whole batch through
the chain.  On PostgreSQL the time is the server's transaction time (a trigger enforces it and
records ``current_user``).  Secret columns (``__audit_redacted__``) are logged as changed, never
with their value; bookkeeping columns (``__audit_skipped__``) are not logged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol

from sqlalchemy import Connection, event, insert, inspect, select, text, update
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.sql.schema import Table

from labapp.domain.enums import AuditAction
from labapp.domain.integrity import chain_hash
from labapp.persistence.base import SYSTEM_USER, Audited, Versioned
from labapp.persistence.models import AuditLogRow
from labapp.persistence.models_accounts import AuditHeadRow
from labapp.persistence.types import utcnow

__all__ = [
    "REASON_KEY",
    "SIGNER_KEY",
    "USER_KEY",
    "Signer",
    "append_audit",
    "audit_text",
    "bulk_insert_audited",
    "mark_action",
]

USER_KEY = "labapp.user"
REASON_KEY = "labapp.reason"
SIGNER_KEY = "labapp.signer"
REDACTED = "<changed>"


class Signer(Protocol):
    """An author's unlocked signing key (made by ``labapp.services.accounts``)."""

    login: str
    key_id: int

    def sign(self, data: bytes) -> str:
        """The base64 Ed25519 signature of ``data``."""
        ...


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
    skipped = _SKIPPED | getattr(obj, "__audit_skipped__", frozenset())
    return [a.key for a in inspect(obj).mapper.column_attrs if a.key not in skipped]


def _changes(obj: Any, action: AuditAction) -> dict[str, list[str | None]]:
    changes = _raw_changes(obj, action)
    for key in getattr(obj, "__audit_redacted__", frozenset()) & changes.keys():
        changes[key] = [None if v is None else REDACTED for v in changes[key]]
    return changes


def _raw_changes(obj: Any, action: AuditAction) -> dict[str, list[str | None]]:
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
    append_audit(session.connection(), rows, session.info.get(SIGNER_KEY))


def _server_time(conn: Connection) -> datetime:
    """The time audit entries carry: the server's transaction time on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        value: datetime = conn.execute(text("SELECT now()")).scalar_one()
        return value
    return utcnow()


def _iso(moment: datetime) -> str:
    from datetime import UTC

    return moment.astimezone(UTC).isoformat()


def append_audit(
    conn: Connection, rows: Sequence[dict[str, Any]], signer: Signer | None = None
) -> None:
    """Insert audit ``rows`` at the end of the chain; seal the batch when ``signer`` is given.

    The head row is locked (``SELECT … FOR UPDATE``; SQLite's write lock does the same), so
    concurrent writers chain one after the other; ``seq`` is unique, so a fork cannot commit.
    """
    if not rows:
        return
    head = conn.execute(
        select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1).with_for_update()
    ).one_or_none()
    if head is None:
        conn.execute(insert(AuditHeadRow).values(id=1, seq=0, hash=""))
        seq, prev = 0, ""
    else:
        seq, prev = int(head.seq), head.hash
    at = _server_time(conn)
    chained = []
    for row in rows:
        seq += 1
        entry = {**row, "at": at, "seq": seq, "prev_hash": prev}
        prev = chain_hash(prev, _hashed_fields(entry))
        chained.append({**entry, "entry_hash": prev, "seal": None, "key_id": None})
    if signer is not None and signer.login == chained[-1]["user_name"]:
        chained[-1]["seal"] = signer.sign(prev.encode("ascii"))
        chained[-1]["key_id"] = signer.key_id or None  # 0: the key is being registered now
    conn.execute(insert(AuditLogRow), chained)
    conn.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=seq, hash=prev))


def _hashed_fields(entry: dict[str, Any]) -> dict[str, Any]:
    action = entry["action"]
    return {
        "seq": entry["seq"],
        "at": _iso(entry["at"]),
        "user_name": entry["user_name"],
        "entity": entry["entity"],
        "entity_id": entry["entity_id"],
        "action": action.value if isinstance(action, Enum) else str(action),
        "changes": entry["changes"],
        "reason": entry["reason"],
    }


def audit_fields(row: Any) -> dict[str, Any]:
    """The hashed fields of a stored audit row (for ``audit verify``)."""
    return _hashed_fields(
        {
            "seq": row.seq,
            "at": row.at,
            "user_name": row.user_name,
            "entity": row.entity,
            "entity_id": row.entity_id,
            "action": row.action,
            "changes": row.changes,
            "reason": row.reason,
        }
    )


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
    append_audit(session.connection(), logs, session.info.get(SIGNER_KEY))
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
