"""The import dialog: a lab's ledger chosen, its column mapping corrected, every bad cell shown,
or what will be added (and the master data created with it).

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
