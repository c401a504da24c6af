"""What several features share and none owns: the cover every export names its origin with,
quantities by name, the due rules as SQL conditions, and the one rule that sets an instrument's
due date.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

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
