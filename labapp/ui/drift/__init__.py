"""The drift chart window of one instrument's measurement point.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.drift._view import DriftWindow

__all__ = [
    "DriftWindow",
]
