"""The Overview page: the quality manager's cards, the on-time rate and its trend.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.dashboard._view import OverviewView

__all__ = [
    "OverviewView",
]
