"""The import dialog: a register ledger chosen, every bad cell shown, or what will be added.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.imports._dialog import ImportDialog
from labapp.ui.imports._flow import import_dialog, save_template

__all__ = [
    "ImportDialog",
    "import_dialog",
    "save_template",
]
