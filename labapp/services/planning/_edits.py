"""Editing a draft plan: its items' month, provider, estimated cost and note.

The Planning page saves every pending edit at once, so :func:`update_plan_items` changes them in
one unit of work: a refused edit (a stale version, an approved plan, a provider that is gone) leaves
every item as it was, and the person can correct and save again.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.metrology.units import UnitError, check_decimal_bounds
from labapp.persistence.models import PlanItemRow, ProviderRow
from labapp.persistence.uow import SqlAlchemyUnitOfWork
from labapp.services.database import Database
from labapp.services.planning._annual import get_plan
from labapp.services.planning._dto import PlanDetail, PlanItem, PlanItemEdit

__all__ = ["update_plan_item", "update_plan_items"]


def update_plan_items(
    db: Database,
    user: str,
    plan_id: int,
    edits: Mapping[int, PlanItemEdit],
    versions: Mapping[int, int],
) -> PlanDetail:
    """Apply ``edits`` (item id -> what changed) to items of draft plan ``plan_id``, each over the
    version it was read at (``versions``), in one unit of work: all are saved, or none.

    Returns
    -------
    PlanDetail
        The plan as stored afterwards (unchanged when ``edits`` is empty).

    Raises
    ------
    ValidationError
        ``invalid`` (a month outside 1–12, a negative cost), ``out_of_range`` (a cost no number
        column holds), ``plan_approved`` or ``not_found`` (no such provider).
    NotFoundError
        An item that is not in plan ``plan_id``.
    ConcurrentModificationError
        Someone saved an item since its version in ``versions`` was read.
    """
    for edit in edits.values():
        _check(edit)
    if edits:
        with db.unit_of_work(user) as uow:
            for item_id, edit in edits.items():
                _stage(uow, plan_id, item_id, versions[item_id], edit)
            uow.commit()
    return get_plan(db, plan_id)


def update_plan_item(
    db: Database,
    user: str,
    item_id: int,
    expected_version: int,
    *,
    planned_month: int | None = None,
    provider_id: int | None = None,
    estimated_cost: Decimal | None = None,
    note: str | None = None,
) -> PlanItem:
    """Change one plan item's month, provider, estimated cost or note (None leaves a field as
    is); as :func:`update_plan_items` for that item alone.

    Raises
    ------
    ConcurrentModificationError
        Someone saved the item since ``expected_version`` was read.
    ValidationError
        A month outside 1–12, a negative cost, or the plan is approved.
    """
    with db.read() as session:
        row = session.get(PlanItemRow, item_id)
        if row is None:
            raise NotFoundError("plan item", item_id)
        plan_id = row.plan_id
    edit = PlanItemEdit(planned_month, provider_id, estimated_cost, note)
    plan = update_plan_items(db, user, plan_id, {item_id: edit}, {item_id: expected_version})
    return next(i for i in plan.items if i.id == item_id)


def _check(edit: PlanItemEdit) -> None:
    """Refuse an edit no plan may hold, before anything is written."""
    month, cost = edit.planned_month, edit.estimated_cost
    if month is not None and not 1 <= month <= 12:
        raise ValidationError("planned_month", "must be 1 to 12", code="invalid")
    if cost is not None and cost < 0:
        raise ValidationError("estimated_cost", "must not be negative", code="invalid")
    if cost is not None:
        try:  # stored as typed: held to the bounds of every number
            check_decimal_bounds(cost)
        except UnitError as exc:
            raise ValidationError("estimated_cost", str(exc), code="out_of_range",
                                  params={"text": str(cost)[:40]}) from exc  # fmt: skip


def _stage(
    uow: SqlAlchemyUnitOfWork, plan_id: int, item_id: int, version: int, edit: PlanItemEdit
) -> None:
    """Apply ``edit`` to item ``item_id`` of ``plan_id`` in ``uow`` (not committed)."""
    row = uow.session.get(PlanItemRow, item_id)
    if row is None or row.plan_id != plan_id:
        raise NotFoundError("plan item", item_id)
    uow.check_version(row, version)
    if row.plan.status != "draft":
        raise ValidationError("plan", "an approved plan is not edited", code="plan_approved")
    if edit.provider_id is not None and uow.session.get(ProviderRow, edit.provider_id) is None:
        raise ValidationError("provider_id", "no such provider", code="not_found")
    if edit.planned_month is not None:
        row.planned_month = edit.planned_month
    if edit.provider_id is not None:
        row.provider_id = edit.provider_id
    if edit.estimated_cost is not None:
        row.estimated_cost = edit.estimated_cost
    if edit.note is not None:
        row.note = edit.note or None
