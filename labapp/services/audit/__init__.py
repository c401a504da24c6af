"""TODO."""

from __future__ import annotations

from labapp.services.audit._dto import AuditEntry
from labapp.services.audit._trail import audit_entry, list_audit

__all__ = [
    "AuditEntry",
    "audit_entry",
    "list_audit",
]
