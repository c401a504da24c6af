"""TODO."""

from __future__ import annotations

from labapp.ui.drift._view import DriftWindow

__all__ = [
    "DriftWindow",
]
