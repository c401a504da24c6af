"""Frozen values of this feature: what the UI and the CLI read and send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from labapp.domain.enums import (
    AuditAction,
)


@dataclass(frozen=True)
class FieldChange:
    """One field of an audit entry: old and new value as text (``None``: empty)."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail."""

    id: int
    at: datetime
    user: str
    entity: str
    entity_id: str
    action: AuditAction
    changes: tuple[FieldChange, ...]
    reason: str | None
