"""The Calibrations page's list: recent events across the lab, filtered in SQL.

Kept apart from :mod:`labapp.services.events` (the write side: drafts, four eyes, corrections).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from labapp.domain.enums import EventKind, EventResult, EventStatus, ProviderKind
from labapp.domain.errors import ValidationError
from labapp.persistence.models import EventRow
from labapp.services.database import Database
from labapp.services.events._dto import EventSummary

__all__ = ["EventListItem", "list_events"]


@dataclass(frozen=True)
class EventListItem:
    """One event in the lab-wide list: the history line plus the instrument it belongs to."""

    id: int
    instrument_id: int
    asset_tag: str
    instrument_name: str
    kind: EventKind
    status: EventStatus
    revision: int
    performed_on: date
    certificate_no: str | None
    provider: str | None
    result: EventResult
    valid_until: date | None
    performer: str | None
    version: int
    in_house: bool = True  # performed by the lab itself (no provider, or the in-house one)


def list_events(
    db: Database,
    *,
    status: EventStatus | None = None,
    kind: EventKind | None = None,
    since: date | None = None,
    until: date | None = None,
    instrument_id: int | None = None,
    limit: int = 500,
) -> list[EventListItem]:
    """Events newest first (date, then revision), filtered by status, kind and a date range.

    Raises
    ------
    ValidationError
        ``since`` after ``until`` (field ``since``), or a limit below 1.
    """
    if since is not None and until is not None and since > until:
        raise ValidationError("since", "the start date is after the end date", code="date_order")
    if limit < 1:
        raise ValidationError("limit", "at least one row", code="invalid")
    stmt = (
        select(EventRow)
        .options(
            joinedload(EventRow.instrument),
            joinedload(EventRow.provider),
            joinedload(EventRow.performer),
        )
        .order_by(EventRow.performed_on.desc(), EventRow.revision.desc(), EventRow.id.desc())
        .limit(limit)
    )
    if status is not None:
        stmt = stmt.where(EventRow.status == status)
    if kind is not None:
        stmt = stmt.where(EventRow.kind == kind)
    if since is not None:
        stmt = stmt.where(EventRow.performed_on >= since)
    if until is not None:
        stmt = stmt.where(EventRow.performed_on <= until)
    if instrument_id is not None:
        stmt = stmt.where(EventRow.instrument_id == instrument_id)
    with db.read() as session:
        return [_item(row) for row in session.scalars(stmt)]


def _item(row: EventRow) -> EventListItem:
    line = event_summary(row)
    return EventListItem(
        instrument_id=row.instrument_id,
        asset_tag=row.instrument.asset_tag,
        instrument_name=row.instrument.name,
        in_house=row.provider is None or row.provider.kind is ProviderKind.IN_HOUSE,
        **{f: getattr(line, f) for f in _SUMMARY_FIELDS},
    )


_SUMMARY_FIELDS = (
    "id",
    "kind",
    "status",
    "revision",
    "performed_on",
    "certificate_no",
    "provider",
    "result",
    "valid_until",
    "performer",
    "version",
)


def event_summary(row: EventRow) -> EventSummary:
    """An event as one line of a history."""
    return EventSummary(
        id=row.id,
        kind=row.kind,
        status=row.status,
        revision=row.revision,
        performed_on=row.performed_on,
        certificate_no=row.certificate_no,
        provider=row.provider.name if row.provider else None,
        result=row.result,
        valid_until=row.valid_until,
        performer=row.performer.name if row.performer else None,
        version=row.version,
    )
