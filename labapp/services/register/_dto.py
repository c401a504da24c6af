"""Frozen values of this feature: what the UI and the CLI read and send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from labapp.domain.enums import (
    AccuracyKind,
    InstrumentStatus,
    Role,
    StandardLevel,
)
from labapp.services.attachments import AttachmentInfo
from labapp.services.audit import AuditEntry
from labapp.services.events import EventSummary
from labapp.services.master_data import LocationInfo


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
class RiskReason:
    """One reason a standard's traceability is at risk (its detail shows a banner).

    ``kind`` is ``"action"`` (an open corrective action: ``ref_id`` its number, ``title`` its
    description, ``source`` the comparison), ``"investigation"`` (an open impact investigation
    opened on ``on``) or ``"check"`` (the latest intermediate check, on ``on``, failed and no
    calibration followed it).
    """

    kind: str
    ref_id: int
    on: date
    title: str = ""
    source: str = ""


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
    # Filled by register.get_instrument_detail (empty from instruments.get_instrument).
    custodian: str | None = None
    location: str | None = None
    provider: str | None = None
    procedure: str | None = None
    range_text: str = ""
    accuracy_text: str = ""
    events: tuple[EventSummary, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    history: tuple[AuditEntry, ...] = ()
    risks: tuple[RiskReason, ...] = ()  # empty: traceability not at risk


@dataclass(frozen=True)
class RegisterFacets:
    """What the register's filter combo boxes offer (values present in the data)."""

    quantities: tuple[str, ...]
    locations: tuple[LocationInfo, ...]
    statuses: tuple[InstrumentStatus, ...]
