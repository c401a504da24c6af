"""TODO."""

from __future__ import annotations

from labapp.services.exports._dashboard import draw_rate_year, export_dashboard
from labapp.services.exports._plan import export_due, export_plan
from labapp.services.exports._register import export_register
from labapp.services.exports._traceability import TraceFilter, export_traceability

__all__ = [
    "TraceFilter",
    "draw_rate_year",
    "export_dashboard",
    "export_due",
    "export_plan",
    "export_register",
    "export_traceability",
]
