"""The Administration page: people with roles and licences, departments and locations, providers,
procedures, customers and the laboratory's settings.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.administration._view import AdministrationView
from labapp.ui.common.view import ADMINISTRATION

__all__ = [
    "ADMINISTRATION",
    "AdministrationView",
]
