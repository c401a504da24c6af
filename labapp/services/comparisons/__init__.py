"""Comparisons and proficiency testing (计量比对 / 能力验证) as records: comparisons, participants,
the assigned value and the scores (En, z, ζ), the participants' workbook and the report.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes
from labapp.services.comparisons._comparisons import (
    add_participant,
    create_comparison,
    input_from_detail,
    remove_participant,
    update_comparison,
    update_participant,
)
from labapp.services.comparisons._dto import (
    AssignedMethod,
    ComparisonDetail,
    ComparisonInput,
    ComparisonResult,
    ParticipantInfo,
    ParticipantInput,
)
from labapp.services.comparisons._read import get_comparison, list_comparisons
from labapp.services.comparisons._scores import score_comparison

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.comparisons._reports import (
        export_report,
        import_workbook,
        results_figure,
        score_figure,
        write_participant_errors,
    )

__all__ = [
    "AssignedMethod",
    "ComparisonDetail",
    "ComparisonInput",
    "ComparisonResult",
    "ParticipantInfo",
    "ParticipantInput",
    "add_participant",
    "create_comparison",
    "export_report",
    "get_comparison",
    "import_workbook",
    "input_from_detail",
    "list_comparisons",
    "remove_participant",
    "results_figure",
    "score_comparison",
    "score_figure",
    "update_comparison",
    "update_participant",
    "write_participant_errors",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(
            (
                "export_report",
                "import_workbook",
                "results_figure",
                "score_figure",
                "write_participant_errors",
            ),
            "_reports",
        ),
    },
)
