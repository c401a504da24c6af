"""Frozen values of this feature: what the UI and the CLI read and send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from labapp.domain.enums import (
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    Stage,
)
from labapp.domain.point_values import PointValues
from labapp.domain.quantities import Measured
from labapp.services.attachments import AttachmentInfo


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


#: One point as the form sends it: typed values (``Measured``, k a ``Decimal``, the ``Stage``),
#: parsed once where they were typed (:func:`labapp.domain.point_values.parse_point`).
PointInput = PointValues


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
    temperature: Measured | None = None  # 20.1 °C, parsed where typed (domain.rules.environment)
    humidity: Measured | None = None  # 45 %RH
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
    """A stored point: its typed values as stated, the computed error and the decision."""

    id: int
    stage: Stage
    seq: int
    nominal: Measured | None
    reference: Measured | None
    indication: Measured | None
    error_value: Decimal | None
    error_unit: str | None
    expanded_uncertainty: Measured | None
    coverage_factor: Decimal | None
    mpe: Measured | None
    lower: Measured | None
    upper: Measured | None
    decision: Decision
    capability: Decimal | None = None  # tolerance half-width / U as saved (None: none formed)

    @property
    def values(self) -> PointValues:
        """The point as stated (what an edit of the event starts from)."""
        return PointValues(
            self.reference, self.indication, self.nominal, self.expanded_uncertainty,
            self.coverage_factor, self.mpe, self.lower, self.upper, self.stage,
        )  # fmt: skip


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
