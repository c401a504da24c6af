"""The PT plan (能力验证计划): sub-disciplines per accreditation cycle, which comparisons cover
them, coverage and the laboratory's score history.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.proficiency._dto import (
    ComparisonScope,
    CycleInfo,
    HistoryPoint,
    PtPlan,
    SubdisciplineInfo,
    SubdisciplineInput,
)
from labapp.services.proficiency._plan import (
    DEFAULT_CYCLE_YEARS,
    list_subdisciplines,
    pt_plan,
    save_subdiscipline,
    score_history,
    set_cycle,
    set_scope,
)

__all__ = [
    "DEFAULT_CYCLE_YEARS",
    "ComparisonScope",
    "CycleInfo",
    "HistoryPoint",
    "PtPlan",
    "SubdisciplineInfo",
    "SubdisciplineInput",
    "list_subdisciplines",
    "pt_plan",
    "save_subdiscipline",
    "score_history",
    "set_cycle",
    "set_scope",
]
