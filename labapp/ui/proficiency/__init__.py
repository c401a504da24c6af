"""TODO."""

from __future__ import annotations

from labapp.ui.proficiency._view import PROFICIENCY, ProficiencyView

__all__ = [
    "PROFICIENCY",
    "ProficiencyView",
]
