"""The PT plan page (能力验证计划): sub-disciplines per accreditation cycle, score history and
corrective actions.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.common.view import PROFICIENCY
from labapp.ui.proficiency._view import ProficiencyView

__all__ = [
    "PROFICIENCY",
    "ProficiencyView",
]
