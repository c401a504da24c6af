"""Approving a re-verification plan, and starting a revision of an approved one.

A plan is generated as a draft, adjusted, then approved by a person with a reason; the approval
is an audit entry (action ``approve``, the reason, who and when) and is what the plan shows as
"approved by".  An approved plan is read-only (:func:`labapp.services.planning.update_plan_item`
refuses).  When it must change, :func:`revise_plan` copies it into a new draft of the same year
(its items as adjusted, not regenerated), which is then adjusted and approved in its turn.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from labapp.domain.enums import AuditAction
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.audit import bulk_insert_audited
from labapp.persistence.models import AuditLogRow, PlanItemRow, PlanRow
from labapp.services.database import Database
from labapp.services.planning._dto import PlanApproval, PlanDetail
from labapp.services.planning._due import get_plan

__all__ = ["approve_plan", "plan_approval", "revise_plan"]

DRAFT, APPROVED = "draft", "approved"
#: The fields a revision copies from each item of the approved plan.
_COPIED = (
    "instrument_id",
    "due_on",
    "provider_id",
    "procedure_id",
    "estimated_cost",
    "planned_month",
    "note",
)


def _required_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise ValidationError("reason", "a reason is required", code="required")
    return text


def _plan_row(session: Any, plan_id: int) -> PlanRow:
    plan = session.get(PlanRow, plan_id)
    if plan is None:
        raise NotFoundError("plan", plan_id)
    return plan  # type: ignore[no-any-return]


def approve_plan(
    db: Database, user: str, plan_id: int, expected_version: int, reason: str
) -> PlanDetail:
    """Approve draft plan ``plan_id`` as ``user`` with ``reason`` (audited as ``approve``).

    Raises
    ------
    ValidationError
        No reason (``required``), or the plan is approved already (``plan_approved``).
    ConcurrentModificationError
        The plan was changed since ``expected_version`` was read.
    """
    text = _required_reason(reason)
    with db.unit_of_work(user, text) as uow:
        plan = _plan_row(uow.session, plan_id)
        uow.check_version(plan, expected_version)
        if plan.status != DRAFT:
            raise ValidationError("plan", "the plan is approved already", code="plan_approved")
        plan.status = APPROVED
        uow.audit(plan, AuditAction.APPROVE, text)
        uow.commit()
    return get_plan(db, plan_id)


def revise_plan(db: Database, user: str, plan_id: int, reason: str, title: str = "") -> PlanDetail:
    """Start a new draft of approved plan ``plan_id``: same year, its items as approved.

    The new plan's audit entry carries ``reason`` and its filter text names the plan revised;
    the approved plan stays as it was (it is what was approved).

    Raises
    ------
    ValidationError
        No reason (``required``), or the plan is still a draft (``plan_not_approved``).
    """
    text = _required_reason(reason)
    with db.unit_of_work(user, text) as uow:
        old = _plan_row(uow.session, plan_id)
        if old.status != APPROVED:
            raise ValidationError(
                "plan", "only an approved plan is revised", code="plan_not_approved"
            )
        new = PlanRow(year=old.year, title=title or old.title, status=DRAFT)
        new.revision = (old.revision or 1) + 1
        new.laboratory_id = old.laboratory_id
        new.filter_text = f"revision of plan {old.id}" + (
            f"; {old.filter_text}" if old.filter_text else ""
        )
        uow.session.add(new)
        uow.flush()
        copies = [{"plan_id": new.id, **{k: getattr(i, k) for k in _COPIED}} for i in old.items]
        bulk_insert_audited(uow.session, PlanItemRow, copies)
        uow.commit()
        new_id = new.id
    return get_plan(db, new_id)


def plan_approval(db: Database, plan_id: int) -> PlanApproval | None:
    """Who approved plan ``plan_id``, when and why (its latest ``approve`` audit entry)."""
    stmt = (
        select(AuditLogRow.user_name, AuditLogRow.at, AuditLogRow.reason)
        .where(
            AuditLogRow.entity == PlanRow.__tablename__,
            AuditLogRow.entity_id == str(plan_id),
            AuditLogRow.action == AuditAction.APPROVE,
        )
        .order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
        .limit(1)
    )
    with db.engine.connect() as conn:
        row = conn.execute(stmt).first()
    return None if row is None else PlanApproval(row[0], row[1], row[2] or "")
