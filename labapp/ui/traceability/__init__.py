"""TODO."""

from __future__ import annotations

from labapp.ui.traceability._reverse_trace import find_instrument
from labapp.ui.traceability._view import TraceabilityView

__all__ = [
    "TraceabilityView",
    "find_instrument",
]
