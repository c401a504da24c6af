"""TODO."""

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
