"""TODO."""

from __future__ import annotations

from labapp.services.common._cover import cover_for, laboratory_name, with_laboratory
from labapp.services.common._due_sql import INACTIVE, active, due_condition
from labapp.services.common._instrument_due import due_for
from labapp.services.common._quantity_names import known_quantities, resolve_quantity

__all__ = [
    "INACTIVE",
    "active",
    "cover_for",
    "due_condition",
    "due_for",
    "known_quantities",
    "laboratory_name",
    "resolve_quantity",
    "with_laboratory",
]
