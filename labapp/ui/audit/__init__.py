"""TODO."""

from __future__ import annotations

from labapp.ui.audit._view import AuditView

__all__ = [
    "AuditView",
]
