"""Frozen data the UI consumes: never a live ORM row, never a session.

DTOs of editable records carry ``version``: an update names the version it was based on, so a
form read an hour ago cannot silently overwrite a newer change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from labapp.domain.enums import (
    AccuracyKind,
    AuditAction,
    InstrumentStatus,
    Role,
    StandardLevel,
)

__all__ = [
    "AuditEntry",
    "DatabaseInfo",
    "FieldChange",
    "InstrumentData",
    "InstrumentDetail",
    "InstrumentSummary",
    "LabOverview",
]


@dataclass(frozen=True)
class DatabaseInfo:
    """What the status bar and the About box say about the open database."""

    url: str  # masked: never contains a password
    display_name: str
    dialect: str  # "sqlite" or "postgresql"
    revision: str | None
    path: Path | None = None


@dataclass(frozen=True)
class InstrumentSummary:
    """One line of the instrument register."""

    id: int
    asset_tag: str
    name: str
    manufacturer: str | None
    model: str | None
    serial: str | None
    quantity: str | None
    role: Role
    level: StandardLevel | None
    status: InstrumentStatus
    mandatory_verification: bool
    location: str | None
    custodian: str | None
    interval_months: int | None
    last_calibrated_on: date | None
    due_on: date | None
    version: int


@dataclass(frozen=True)
class InstrumentData:
    """The fields of a new instrument, as a form collects them."""

    asset_tag: str
    name: str
    manufacturer: str | None = None
    model: str | None = None
    serial_no: str | None = None
    category: str | None = None
    quantity: str | None = None
    range_low_value: Decimal | None = None
    range_low_unit: str | None = None
    range_high_value: Decimal | None = None
    range_high_unit: str | None = None
    accuracy_kind: AccuracyKind | None = None
    accuracy_value: Decimal | None = None
    accuracy_unit: str | None = None
    accuracy_class: str | None = None
    role: Role = Role.WORKING
    level: StandardLevel | None = None
    mandatory_verification: bool = False
    status: InstrumentStatus = InstrumentStatus.IN_SERVICE
    custodian_id: int | None = None
    location_id: int | None = None
    laboratory_id: int | None = None
    interval_months: int | None = None
    provider_id: int | None = None
    procedure_id: int | None = None
    last_calibrated_on: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class InstrumentDetail:
    """Everything the instrument dialog shows, with who created/changed it and the version."""

    id: int
    data: InstrumentData
    due_on: date | None
    retired_reason: str | None
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class LabOverview:
    """The dashboard's counts (instruments are the ones not retired or scrapped)."""

    today: date
    instruments: int
    standards: int
    working: int
    overdue: int
    due_30: int  # due within ``lead_days`` (30) days from today, not yet overdue
    failed: int  # the latest non-superseded event's result is FAIL
    out_of_service: int  # out of service or suspended
    events: int
    last_event_on: date | None
    lead_days: int = 30


@dataclass(frozen=True)
class FieldChange:
    """One field of an audit entry: old and new value as text (``None``: empty)."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail."""

    id: int
    at: datetime
    user: str
    entity: str
    entity_id: str
    action: AuditAction
    changes: tuple[FieldChange, ...]
    reason: str | None
