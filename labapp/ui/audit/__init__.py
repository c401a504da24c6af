"""The Audit page: the audit trail filtered, and "Verify integrity".

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.audit._view import AuditView

__all__ = [
    "AuditView",
]
