"""Intermediate checks of measurement standards (期间核查, ISO/IEC 17025 6.4.10, JJF 1033): check
plans, recorded checks with their verdict, control charts, stability and repeatability tests, and
their Excel workbook.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.checks._checks import (
    control_chart_data,
    convert_readings,
    export_checks,
    list_checks,
    mean_of,
    parse_reading,
    parse_readings,
    record_check,
    repeatability,
    stability,
    verdict_of,
)
from labapp.services.checks._dto import CheckInput, CheckPlanInfo, CheckPlanInput
from labapp.services.checks._plans import (
    create_plan,
    delete_plan,
    end_plan,
    list_plans,
    update_plan,
)

__all__ = [
    "CheckInput",
    "CheckPlanInfo",
    "CheckPlanInput",
    "control_chart_data",
    "convert_readings",
    "create_plan",
    "delete_plan",
    "end_plan",
    "export_checks",
    "list_checks",
    "list_plans",
    "mean_of",
    "parse_reading",
    "parse_readings",
    "record_check",
    "repeatability",
    "stability",
    "update_plan",
    "verdict_of",
]
