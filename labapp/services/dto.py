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
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    PersonRole,
    ProviderKind,
    Role,
    StandardLevel,
)
from labapp.services.register_dto import RegisterItem

__all__ = [
    "AttachmentInfo",
    "AuditEntry",
    "DatabaseInfo",
    "EventDetail",
    "EventInput",
    "EventSummary",
    "FieldChange",
    "InstrumentData",
    "InstrumentDetail",
    "InstrumentSummary",
    "LabOverview",
    "LocationInfo",
    "PersonInfo",
    "PointDetail",
    "PointInput",
    "ProcedureInfo",
    "ProviderInfo",
    "RegisterFacets",
    "RegisterItem",
    "RiskReason",
    "StandardOption",
    "StandardUse",
    "StandardUseDetail",
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


# --- register --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocationInfo:
    """A location for a combo box."""

    id: int
    name: str
    department: str | None = None


@dataclass(frozen=True)
class RegisterFacets:
    """What the register's filter combo boxes offer (values present in the data)."""

    quantities: tuple[str, ...]
    locations: tuple[LocationInfo, ...]
    statuses: tuple[InstrumentStatus, ...]


# --- people and lookups ----------------------------------------------------------------------


@dataclass(frozen=True)
class PersonInfo:
    """A person for a combo box (performer, checker, approver, custodian)."""

    id: int
    name: str
    login: str
    roles: tuple[PersonRole, ...]
    active: bool


@dataclass(frozen=True)
class ProviderInfo:
    """A calibration provider for a combo box."""

    id: int
    name: str
    kind: ProviderKind


@dataclass(frozen=True)
class ProcedureInfo:
    """A procedure (JJG/JJF/SOP) for a combo box."""

    id: int
    code: str
    title: str
    kind: EventKind
    in_force: bool = True  # False: withdrawn (作废), offered only where a record names it


# --- events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentInfo:
    """A stored file, without its bytes."""

    id: int
    filename: str
    size: int
    sha256: str
    media_type: str
    event_id: int | None = None
    instrument_id: int | None = None


@dataclass(frozen=True)
class EventSummary:
    """One line of an instrument's history."""

    id: int
    kind: EventKind
    status: EventStatus
    revision: int
    performed_on: date
    certificate_no: str | None
    provider: str | None
    result: EventResult
    valid_until: date | None
    performer: str | None
    version: int = 0


@dataclass(frozen=True)
class StandardUse:
    """A standard used in an event; ``override_reason`` accepts one that is not valid."""

    instrument_id: int
    override_reason: str | None = None


@dataclass(frozen=True)
class PointInput:
    """One point as typed: quantities are text ("10.003 V", decimal comma accepted)."""

    reference: str
    indication: str
    nominal: str | None = None
    expanded_uncertainty: str | None = None
    coverage_factor: str | None = None
    mpe: str | None = None
    lower: str | None = None
    upper: str | None = None
    stage: str = "as_left"  # "as_found" or "as_left"


@dataclass(frozen=True)
class EventInput:
    """The event form's data; ``save_draft`` validates and computes the rest."""

    instrument_id: int
    kind: EventKind
    performed_on: date
    performer_id: int | None = None
    checker_id: int | None = None  # planned checker (the real one signs with check_event)
    provider_id: int | None = None
    certificate_no: str | None = None
    procedure_id: int | None = None
    temperature: str | None = None  # "20.1 °C"
    humidity: str | None = None  # "45 %RH"
    standards: tuple[StandardUse, ...] = ()
    as_found: EventResult | None = None
    adjusted: bool = False
    points: tuple[PointInput, ...] = ()
    interval_months: int | None = None  # override of the instrument's interval
    interval_reason: str | None = None  # required when the interval is shortened
    remarks: str | None = None
    result: EventResult | None = None  # stated result, for a verification without points


@dataclass(frozen=True)
class PointDetail:
    """A stored point with its computed error and decision."""

    id: int
    stage: str
    seq: int
    nominal: str | None
    reference: str | None
    indication: str | None
    error_value: Decimal | None
    error_unit: str | None
    expanded_uncertainty: str | None
    coverage_factor: Decimal | None
    mpe: str | None
    lower: str | None
    upper: str | None
    decision: Decision
    capability: Decimal | None = None  # tolerance half-width / U as saved (None: none formed)


@dataclass(frozen=True)
class StandardUseDetail:
    """A standard used, with its validity on the event's date."""

    instrument_id: int
    asset_tag: str
    name: str
    certificate_event_id: int | None
    valid_until: date | None
    valid: bool
    reason: str | None
    override_reason: str | None


@dataclass(frozen=True)
class StandardOption:
    """A standard the "standards used" list offers; an invalid one carries the reason."""

    instrument_id: int
    asset_tag: str
    name: str
    quantity: str | None
    valid: bool
    reason: str | None  # "overdue", "failed", "not_in_service", "never_calibrated"
    valid_until: date | None


@dataclass(frozen=True)
class EventDetail:
    """Everything about one event (form, review, certificate)."""

    id: int
    instrument_id: int
    asset_tag: str
    kind: EventKind
    status: EventStatus
    revision: int
    supersedes_id: int | None
    superseded_by_id: int | None
    correction_reason: str | None
    performed_on: date
    performer_id: int | None
    performer: str | None
    checker_id: int | None
    checker: str | None
    approver_id: int | None
    approver: str | None
    checked_at: datetime | None
    approved_at: datetime | None
    provider_id: int | None
    provider: str | None
    certificate_no: str | None
    procedure_id: int | None
    temperature: str | None
    humidity: str | None
    as_found: EventResult | None
    as_left: EventResult | None
    result: EventResult
    adjusted: bool
    interval_months: int | None
    interval_reason: str | None
    valid_until: date | None
    remarks: str | None
    points: tuple[PointDetail, ...]
    standards: tuple[StandardUseDetail, ...]
    attachments: tuple[AttachmentInfo, ...]
    revisions: tuple[EventSummary, ...]  # the whole correction chain, oldest first
    warnings: tuple[str, ...]
    version: int
    updated_by: str
    updated_at: datetime
    decision_rule: str = "simple"  # the rule the points were decided with, kept with the record
    guard_band_factor: Decimal | None = None
    signatures: tuple[SignatureInfo, ...] = ()


@dataclass(frozen=True)
class SignatureInfo:
    """An electronic signature on an event: what it means, who signed and when."""

    meaning: str  # check | approve
    person_id: int
    name: str
    login: str
    signed_at: datetime
