"""The Traceability page: an item's forward chain, broken chains, and reverse traces.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.traceability._view import TraceabilityView

__all__ = [
    "TraceabilityView",
]
