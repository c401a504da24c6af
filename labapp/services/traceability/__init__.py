"""Metrological traceability (量值溯源): an item's forward chain up to the national institute,
reverse traces of what a standard served, broken chains, and the lab's traceability table.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.traceability._broken import broken_chains
from labapp.services.traceability._chains import forward_chain, reverse_trace
from labapp.services.traceability._dto import TraceRow
from labapp.services.traceability._sql import certificate_at
from labapp.services.traceability._table import (
    TraceFilter,
    TraceTableRow,
    count_trace_items,
    trace_table,
)

__all__ = [
    "TraceFilter",
    "TraceRow",
    "TraceTableRow",
    "broken_chains",
    "certificate_at",
    "count_trace_items",
    "forward_chain",
    "reverse_trace",
    "trace_table",
]
