"""Re-verification planning (周检计划): what falls due, the due occurrences that the annual plan,
its progress and 受检率 all count, the annual plan and its approval, expiring certificates.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.planning._annual import generate_plan, get_plan, list_plans, plan_progress
from labapp.services.planning._approval import approve_plan, plan_approval, revise_plan
from labapp.services.planning._dto import (
    DueItem,
    DueWindow,
    ExpiringCertificate,
    PlanApproval,
    PlanDetail,
    PlanFilter,
    PlanItem,
    PlanItemEdit,
    ProgressState,
)
from labapp.services.planning._due import due_checks, due_items
from labapp.services.planning._edits import update_plan_item, update_plan_items
from labapp.services.planning._expiry import expiring_certificates
from labapp.services.planning._occurrences import (
    CALIBRATIONS,
    Occurrence,
    OccurrenceTuple,
    by_due_and_tag,
    occurrence_tuples,
    occurrences,
)

__all__ = [
    "CALIBRATIONS",
    "DueItem",
    "DueWindow",
    "ExpiringCertificate",
    "Occurrence",
    "OccurrenceTuple",
    "PlanApproval",
    "PlanDetail",
    "PlanFilter",
    "PlanItem",
    "PlanItemEdit",
    "ProgressState",
    "approve_plan",
    "by_due_and_tag",
    "due_checks",
    "due_items",
    "expiring_certificates",
    "generate_plan",
    "get_plan",
    "list_plans",
    "occurrence_tuples",
    "occurrences",
    "plan_approval",
    "plan_progress",
    "revise_plan",
    "update_plan_item",
    "update_plan_items",
]
