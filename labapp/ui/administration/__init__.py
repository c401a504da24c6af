"""TODO."""

from __future__ import annotations

from labapp.ui.administration._view import ADMINISTRATION, AdministrationView

__all__ = [
    "ADMINISTRATION",
    "AdministrationView",
]
