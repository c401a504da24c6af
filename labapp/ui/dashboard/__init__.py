"""TODO."""

from __future__ import annotations

from labapp.ui.dashboard._view import OverviewView

__all__ = [
    "OverviewView",
]
