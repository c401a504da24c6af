"""The audit trail as people read it: who changed what, when, from which value to which, why.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.audit._dto import AuditEntry
from labapp.services.audit._report import AuditTrail, AuditTrailLine, EntryIntegrity, audit_trail
from labapp.services.audit._trail import audit_entry, list_audit

__all__ = [
    "AuditEntry",
    "AuditTrail",
    "AuditTrailLine",
    "EntryIntegrity",
    "audit_entry",
    "audit_trail",
    "list_audit",
]
