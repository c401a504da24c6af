"""TODO."""

from __future__ import annotations

from labapp.ui.imports._dialog import ImportDialog, save_template

__all__ = [
    "ImportDialog",
    "save_template",
]
