"""SQL pieces shared by the due list and the annual plan: the filters and the last cost."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select

from labapp.domain.enums import EventStatus, ProviderKind
from labapp.persistence.models import EventRow, InstrumentRow, LocationRow, ProviderRow
from labapp.services.planning._dto import PlanFilter
from labapp.services.planning._occurrences import due_status

__all__ = ["last_cost", "plan_filters"]


def last_cost() -> Any:
    """The cost of the instrument's latest approved event (the estimate for the next one)."""
    return (
        select(EventRow.cost)
        .where(EventRow.instrument_id == InstrumentRow.id, EventRow.status == EventStatus.APPROVED)
        .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def plan_filters(flt: PlanFilter) -> list[ColumnElement[bool]]:
    """``flt`` as WHERE conditions (joined with locations and providers).

    Only instruments that fall due (:func:`labapp.services.planning._occurrences.due_status`):
    sealed and out-of-service ones only when ``flt.include_idle``, retired or scrapped ones never.
    """
    where: list[ColumnElement[bool]] = [due_status(flt.include_idle)]
    if flt.location_id is not None:
        where.append(InstrumentRow.location_id == flt.location_id)
    if flt.department:
        where.append(LocationRow.department == flt.department)
    if flt.quantity:
        where.append(InstrumentRow.quantity == flt.quantity)
    if flt.provider_id is not None:
        where.append(InstrumentRow.provider_id == flt.provider_id)
    if flt.mandatory is not None:
        where.append(InstrumentRow.mandatory_verification.is_(flt.mandatory))
    if flt.in_house is True:
        where.append(ProviderRow.kind == ProviderKind.IN_HOUSE)
    elif flt.in_house is False:
        where.append(ProviderRow.kind != ProviderKind.IN_HOUSE)
    return where
