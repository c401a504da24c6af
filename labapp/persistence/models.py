"""The LabApp schema as SQLAlchemy 2 typed ORM rows (``*Row``).

Conventions: plural snake_case table names; integer surrogate keys ``id``; a measured value is a
pair of columns ``<name>_value`` (:class:`DecimalText`) + ``<name>_unit`` (VARCHAR(32)); enums are
stored as their lowercase values (:func:`str_enum`); editable rows mix in :class:`Versioned`
(version counter + created/updated by/at) and every audited row is logged in ``audit_log`` by the
flush listener in :mod:`labapp.persistence.audit`.  Child rows that only exist inside their parent
(points, readings, scopes) are deleted with it (``ON DELETE CASCADE``); everything else is never
deleted by LabApp (instruments are retired, persons deactivated).

Long module on purpose: the rows of the first schema, which the first migrations map table by
table and most services import together; the rows later migrations add live in their own
``models_*`` modules.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from labapp.domain.enums import (
    AccuracyKind,
    AuditAction,
    CalibrationMethod,
    ComparisonRole,
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    PersonRole,
    ProviderKind,
    Reverification,
    Role,
    Stage,
    StandardLevel,
)
from labapp.domain.point_values import QUANTITY_FIELDS, PointValues
from labapp.domain.quantities import Measured
from labapp.persistence.base import Audited, Base, Versioned
from labapp.persistence.types import DecimalText, UtcDateTime, enum_text, str_enum

__all__ = [
    "APPLICATION_ID",
    "AttachmentRow",
    "AuditLogRow",
    "Base",
    "CheckPlanRow",
    "CheckReadingRow",
    "ComparisonParticipantRow",
    "ComparisonRow",
    "EventRow",
    "EventStandardRow",
    "InstrumentRow",
    "IntermediateCheckRow",
    "LaboratoryRow",
    "LocationRow",
    "MeasurementPointRow",
    "MetaRow",
    "PersonRoleRow",
    "PersonRow",
    "PlanItemRow",
    "PlanRow",
    "ProcedureRow",
    "ProviderRow",
    "ProviderScopeRow",
    "QualificationRow",
    "StandardCertificateRow",
    "point_columns",
    "standard_certificate_instruments",
]

APPLICATION_ID = "labapp"
UNIT = 32  # length of every unit column


def _fk(target: str, *, cascade: bool = False) -> ForeignKey:
    return ForeignKey(target, ondelete="CASCADE" if cascade else None)


# --- organisation ---------------------------------------------------------------------------


class LaboratoryRow(Versioned, Base):
    """A laboratory (the lab using LabApp, or one of its sites)."""

    __tablename__ = "laboratories"
    __table_args__ = (  # migration 0014: the certificate logo, PNG or JPEG of at most 1 MiB
        CheckConstraint(
            "(logo IS NULL AND logo_media_type IS NULL) OR (logo IS NOT NULL AND length(logo) <= "
            "1048576 AND coalesce(logo_media_type, '') IN ('image/png', 'image/jpeg'))",
            name="logo",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    address: Mapped[str | None] = mapped_column(Text)
    accreditation_no: Mapped[str | None] = mapped_column(String(64))
    accreditation_valid_until: Mapped[date | None] = mapped_column(Date)
    # Lab settings (migration 0006): set in the first-run wizard, edited by an administrator.
    accreditation_body: Mapped[str | None] = mapped_column(String(100))
    certificate_pattern: Mapped[str] = mapped_column(String(100), default="{yyyy}-{seq:04}")
    decision_rule: Mapped[str] = mapped_column(String(16), default="simple")
    guard_band_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    checker_may_approve: Mapped[bool] = mapped_column(Boolean, default=False)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # migration 0011: least tolerance/U ratio unwarned (None: 3, JJF 1094)
    capability_threshold: Mapped[Decimal | None] = mapped_column(DecimalText)
    # 受检率 settings (None: the defaults of labapp.services.laboratory._settings)
    on_time_target_percent: Mapped[Decimal | None] = mapped_column(DecimalText)
    on_time_definition: Mapped[str | None] = mapped_column(Text)
    control_min_baseline: Mapped[int | None] = mapped_column(Integer)
    # migration 0014: the logo the certificates print (deferred: settings reads skip the bytes)
    logo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    logo_media_type: Mapped[str | None] = mapped_column(String(16))


class LocationRow(Versioned, Base):
    """Where an instrument is kept: building, room, department."""

    __tablename__ = "locations"
    __table_args__ = (UniqueConstraint("laboratory_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    laboratory_id: Mapped[int] = mapped_column(_fk("laboratories.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    building: Mapped[str | None] = mapped_column(String(100))
    room: Mapped[str | None] = mapped_column(String(50))
    department: Mapped[str | None] = mapped_column(String(200))  # kept in step (readers)
    department_id: Mapped[int | None] = mapped_column(_fk("departments.id"), index=True)  # 0007


class PersonRow(Versioned, Base):
    """A person: metrologist (检定员), checker (核验员), approver (批准人), custodian."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    login: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    laboratory_id: Mapped[int | None] = mapped_column(_fk("laboratories.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(_fk("departments.id"), index=True)  # 0007

    roles: Mapped[list[PersonRoleRow]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    qualifications: Mapped[list[QualificationRow]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class PersonRoleRow(Audited, Base):
    """One role held by a person."""

    __tablename__ = "person_roles"

    person_id: Mapped[int] = mapped_column(_fk("persons.id", cascade=True), primary_key=True)
    role: Mapped[PersonRole] = mapped_column(str_enum(PersonRole, "role"), primary_key=True)

    person: Mapped[PersonRow] = relationship(back_populates="roles")


class QualificationRow(Versioned, Base):
    """A licence or qualification (检定员证, 注册计量师) for a scope/quantity."""

    __tablename__ = "qualifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(_fk("persons.id", cascade=True), index=True)
    kind: Mapped[str] = mapped_column(String(100))
    number: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[str | None] = mapped_column(String(64))
    scope: Mapped[str | None] = mapped_column(Text)
    issued_on: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)

    person: Mapped[PersonRow] = relationship(back_populates="qualifications")


# --- providers and procedures ---------------------------------------------------------------


class ProviderRow(Versioned, Base):
    """Who calibrates or verifies: an NMI, an accredited lab, a legal body, or the lab itself."""

    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[ProviderKind] = mapped_column(str_enum(ProviderKind, "kind"))
    country: Mapped[str | None] = mapped_column(String(64))
    accreditation_body: Mapped[str | None] = mapped_column(String(100))
    accreditation_no: Mapped[str | None] = mapped_column(String(64))
    accreditation_valid_until: Mapped[date | None] = mapped_column(Date)

    scopes: Mapped[list[ProviderScopeRow]] = relationship(
        back_populates="provider", cascade="all, delete-orphan"
    )

    @hybrid_property
    def is_nmi(self) -> bool:
        """A national metrology institute (derived from ``kind``, not stored)."""
        return self.kind == ProviderKind.NMI

    @is_nmi.inplace.expression
    @classmethod
    def _is_nmi_expression(cls) -> ColumnElement[bool]:
        return cls.kind == ProviderKind.NMI


class ProviderScopeRow(Versioned, Base):
    """One line of a provider's accreditation scope: quantity, range, CMC."""

    __tablename__ = "provider_scopes"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(_fk("providers.id", cascade=True), index=True)
    quantity: Mapped[str] = mapped_column(String(64))
    range_text: Mapped[str | None] = mapped_column(Text)
    cmc: Mapped[str | None] = mapped_column(Text)

    provider: Mapped[ProviderRow] = relationship(back_populates="scopes")


class ProcedureRow(Versioned, Base):
    """A verification regulation, calibration specification or in-house SOP."""

    __tablename__ = "procedures"
    __table_args__ = (
        # Withdrawn (作废) exactly when a withdrawal date is recorded (migration 0007).
        CheckConstraint(
            "(in_force AND withdrawn_on IS NULL) OR (NOT in_force AND withdrawn_on IS NOT NULL)",
            name="withdrawn_on",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    revision: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind, "kind"))
    quantity: Mapped[str | None] = mapped_column(String(64))
    in_force: Mapped[bool] = mapped_column(Boolean, default=True)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)


# --- instruments and standards --------------------------------------------------------------


class InstrumentRow(Versioned, Base):
    """A measuring instrument or measurement standard in the register."""

    __tablename__ = "instruments"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_tag: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    manufacturer: Mapped[str | None] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(100))
    serial_no: Mapped[str | None] = mapped_column(String(100))
    category: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[str | None] = mapped_column(String(64), index=True)
    range_low_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    range_low_unit: Mapped[str | None] = mapped_column(String(UNIT))
    range_high_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    range_high_unit: Mapped[str | None] = mapped_column(String(UNIT))
    accuracy_kind: Mapped[AccuracyKind | None] = mapped_column(
        str_enum(AccuracyKind, "accuracy_kind")
    )
    accuracy_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    accuracy_unit: Mapped[str | None] = mapped_column(String(UNIT))
    accuracy_class: Mapped[str | None] = mapped_column(String(32))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), default=Role.WORKING)
    level: Mapped[StandardLevel | None] = mapped_column(str_enum(StandardLevel, "level"))
    mandatory_verification: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[InstrumentStatus] = mapped_column(
        str_enum(InstrumentStatus, "status"), default=InstrumentStatus.IN_SERVICE, index=True
    )
    custodian_id: Mapped[int | None] = mapped_column(_fk("persons.id"), index=True)
    location_id: Mapped[int | None] = mapped_column(_fk("locations.id"), index=True)
    laboratory_id: Mapped[int | None] = mapped_column(_fk("laboratories.id"), index=True)
    interval_months: Mapped[int | None] = mapped_column(Integer)
    provider_id: Mapped[int | None] = mapped_column(_fk("providers.id"), index=True)
    procedure_id: Mapped[int | None] = mapped_column(_fk("procedures.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(_fk("customers.id"), index=True)  # owner
    last_calibrated_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    retired_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # What a lab's own ledger (台账) states and the columns above cannot hold (migration 0012).
    department_id: Mapped[int | None] = mapped_column(_fk("departments.id"), index=True)  # 使用部门
    calibration_method: Mapped[CalibrationMethod | None] = mapped_column(
        str_enum(CalibrationMethod, "calibration_method")
    )  # 检定方式: 内检 / 外检
    reverification: Mapped[Reverification] = mapped_column(
        str_enum(Reverification, "reverification"),
        default=Reverification.PERIODIC,
        server_default=Reverification.PERIODIC.value,
    )  # 随坏随换 / 一次性 ...: no interval, never due by the calendar
    # The last verification or calibration as the ledger records it (no event row behind it):
    # its kind, result, certificate number and the certificate's own valid-until (有效期至),
    # which is also the due date and is never recomputed from the date and the interval.
    last_event_kind: Mapped[EventKind | None] = mapped_column(
        str_enum(EventKind, "last_event_kind")
    )
    last_result: Mapped[EventResult | None] = mapped_column(str_enum(EventResult, "last_result"))
    last_certificate_no: Mapped[str | None] = mapped_column(String(64))
    last_valid_until: Mapped[date | None] = mapped_column(Date)
    # U's coverage factor k as stated (never assumed 2); the accuracy or range exactly as written
    # when the typed columns cannot hold it (±(0.02%+2字), 0~10V/0~100V), flagged at import.
    accuracy_coverage_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    accuracy_text: Mapped[str | None] = mapped_column(Text)
    range_text: Mapped[str | None] = mapped_column(Text)
    purchase_value: Mapped[Decimal | None] = mapped_column(DecimalText)  # 原值, in yuan (CNY)
    purchased_on: Mapped[date | None] = mapped_column(Date)  # 购置日期

    custodian: Mapped[PersonRow | None] = relationship(foreign_keys=[custodian_id])
    location: Mapped[LocationRow | None] = relationship()
    laboratory: Mapped[LaboratoryRow | None] = relationship()
    provider: Mapped[ProviderRow | None] = relationship()
    procedure: Mapped[ProcedureRow | None] = relationship()

    @property
    def range_low(self) -> Measured | None:
        """The lower end of the measuring range."""
        return Measured.of(self.range_low_value, self.range_low_unit)

    @property
    def range_high(self) -> Measured | None:
        """The upper end of the measuring range."""
        return Measured.of(self.range_high_value, self.range_high_unit)

    @property
    def accuracy(self) -> Measured | None:
        """The MPE or uncertainty, when the accuracy is stated as a value."""
        return Measured.of(self.accuracy_value, self.accuracy_unit)


standard_certificate_instruments = Table(
    "standard_certificate_instruments",
    Base.metadata,
    Column(
        "certificate_id",
        ForeignKey("standard_certificates.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("instrument_id", ForeignKey("instruments.id"), primary_key=True, index=True),
)


class StandardCertificateRow(Versioned, Base):
    """计量标准考核证书: the certificate of examination of a measurement standard."""

    __tablename__ = "standard_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    laboratory_id: Mapped[int | None] = mapped_column(_fk("laboratories.id"), index=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    standard_name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str | None] = mapped_column(String(200))
    issued_on: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)

    instruments: Mapped[list[InstrumentRow]] = relationship(
        secondary=standard_certificate_instruments
    )


# --- events ---------------------------------------------------------------------------------


class EventRow(Versioned, Base):
    """A verification (检定), calibration (校准) or intermediate check, with its certificate."""

    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("provider_id", "certificate_no"),
        CheckConstraint("revision >= 1", name="revision_positive"),
        # "The latest approved event of an instrument" is asked by the register (last result),
        # the traceability queries (a standard's certificate at a date) and approval: one index
        # answers it without touching the table.
        Index("ix_events_instrument_status_performed", "instrument_id", "status", "performed_on"),
        # "Does an approved event of this instrument record this due date?" (the due occurrences:
        # 受检率, the annual plan and its progress; migration 0015)
        Index("ix_events_instrument_valid_until", "instrument_id", "valid_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(_fk("instruments.id"), index=True)
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind, "kind"))
    status: Mapped[EventStatus] = mapped_column(
        str_enum(EventStatus, "status"), default=EventStatus.DRAFT
    )
    revision: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(_fk("events.id"), index=True)
    correction_reason: Mapped[str | None] = mapped_column(Text)
    performed_on: Mapped[date] = mapped_column(Date, index=True)
    performer_id: Mapped[int | None] = mapped_column(_fk("persons.id"))
    checker_id: Mapped[int | None] = mapped_column(_fk("persons.id"))
    approver_id: Mapped[int | None] = mapped_column(_fk("persons.id"))
    checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    provider_id: Mapped[int | None] = mapped_column(_fk("providers.id"))
    certificate_no: Mapped[str | None] = mapped_column(String(64))
    procedure_id: Mapped[int | None] = mapped_column(_fk("procedures.id"))
    temperature_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    temperature_unit: Mapped[str | None] = mapped_column(String(UNIT))
    humidity_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    humidity_unit: Mapped[str | None] = mapped_column(String(UNIT))
    as_found: Mapped[EventResult | None] = mapped_column(str_enum(EventResult, "as_found"))
    as_left: Mapped[EventResult | None] = mapped_column(str_enum(EventResult, "as_left"))
    result: Mapped[EventResult] = mapped_column(
        str_enum(EventResult, "result"), default=EventResult.NO_DECISION
    )
    adjusted: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)
    interval_months: Mapped[int | None] = mapped_column(Integer)
    interval_reason: Mapped[str | None] = mapped_column(Text)
    remarks: Mapped[str | None] = mapped_column(Text)
    cost: Mapped[Decimal | None] = mapped_column(DecimalText)
    # The decision rule the points were decided with, kept with the record (migration 0006).
    decision_rule: Mapped[str] = mapped_column(String(16), default="simple")
    guard_band_factor: Mapped[Decimal | None] = mapped_column(DecimalText)

    instrument: Mapped[InstrumentRow] = relationship()
    supersedes: Mapped[EventRow | None] = relationship(remote_side=[id])
    provider: Mapped[ProviderRow | None] = relationship()
    procedure: Mapped[ProcedureRow | None] = relationship()
    performer: Mapped[PersonRow | None] = relationship(foreign_keys=[performer_id])
    checker: Mapped[PersonRow | None] = relationship(foreign_keys=[checker_id])
    approver: Mapped[PersonRow | None] = relationship(foreign_keys=[approver_id])
    points: Mapped[list[MeasurementPointRow]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="(MeasurementPointRow.stage, MeasurementPointRow.seq)",
    )
    standards: Mapped[list[EventStandardRow]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        foreign_keys="EventStandardRow.event_id",
    )


class EventStandardRow(Versioned, Base):
    """A standard used in an event, with the standard's own certificate event at the time."""

    __tablename__ = "event_standards"
    __table_args__ = (UniqueConstraint("event_id", "instrument_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(_fk("events.id", cascade=True), index=True)
    instrument_id: Mapped[int] = mapped_column(_fk("instruments.id"), index=True)
    certificate_event_id: Mapped[int | None] = mapped_column(_fk("events.id"))
    override_reason: Mapped[str | None] = mapped_column(Text)

    event: Mapped[EventRow] = relationship(back_populates="standards", foreign_keys=[event_id])
    instrument: Mapped[InstrumentRow] = relationship()


class MeasurementPointRow(Versioned, Base):
    """One calibration point: nominal, reference, indication, error, U, k, tolerance, decision."""

    __tablename__ = "measurement_points"
    __table_args__ = (
        UniqueConstraint("event_id", "stage", "seq"),
        CheckConstraint("stage IN ('as_found', 'as_left')", name="stage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(_fk("events.id", cascade=True), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    stage: Mapped[Stage] = mapped_column(enum_text(Stage, 16), default=Stage.AS_LEFT)
    nominal_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    nominal_unit: Mapped[str | None] = mapped_column(String(UNIT))
    reference_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    reference_unit: Mapped[str | None] = mapped_column(String(UNIT))
    indication_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    indication_unit: Mapped[str | None] = mapped_column(String(UNIT))
    error_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    error_unit: Mapped[str | None] = mapped_column(String(UNIT))
    expanded_uncertainty_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    expanded_uncertainty_unit: Mapped[str | None] = mapped_column(String(UNIT))
    coverage_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    tolerance_lower_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    tolerance_lower_unit: Mapped[str | None] = mapped_column(String(UNIT))
    tolerance_upper_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    tolerance_upper_unit: Mapped[str | None] = mapped_column(String(UNIT))
    mpe_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    mpe_unit: Mapped[str | None] = mapped_column(String(UNIT))
    decision: Mapped[Decision] = mapped_column(
        str_enum(Decision, "decision"), default=Decision.NONE
    )
    #: tolerance half-width / U when the draft was saved (labapp.domain.capability; 0009)
    capability: Mapped[Decimal | None] = mapped_column(DecimalText)

    event: Mapped[EventRow] = relationship(back_populates="points")

    @property
    def values(self) -> PointValues:
        """The point as stated, typed: each value/unit column pair a ``Measured``, never text."""
        typed = {
            name: Measured.of(getattr(self, f"{column}_value"), getattr(self, f"{column}_unit"))
            for name, column in POINT_COLUMNS.items()
        }
        return PointValues(**typed, coverage_factor=self.coverage_factor, stage=self.stage)


#: the column pair (``<prefix>_value``, ``<prefix>_unit``) of each quantity of a point
POINT_COLUMNS = {
    name: f"tolerance_{name}" if name in ("lower", "upper") else name for name in QUANTITY_FIELDS
}


_POINT_PAIRS = tuple((n, f"{p}_value", f"{p}_unit") for n, p in POINT_COLUMNS.items())


def point_columns(point: PointValues) -> dict[str, Any]:
    """The columns of :class:`MeasurementPointRow` holding ``point``: each ``Measured``'s value
    and unit as they are (the digits kept), k and the stage; computed columns are not included."""
    columns: dict[str, Any] = {"stage": point.stage, "coverage_factor": point.coverage_factor}
    for name, value_column, unit_column in _POINT_PAIRS:
        value: Measured | None = getattr(point, name)
        if value is None:
            columns[value_column] = columns[unit_column] = None
        else:
            columns[value_column], columns[unit_column] = value.value, value.unit
    return columns


class AttachmentRow(Versioned, Base):
    """A stored file (certificate scan, raw data) of an event or an instrument."""

    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint("length(sha256) = 64", name="sha256_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(_fk("events.id", cascade=True), index=True)
    instrument_id: Mapped[int | None] = mapped_column(_fk("instruments.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # Deferred: listing attachments never loads their bytes.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


# --- comparisons ----------------------------------------------------------------------------


class ComparisonRow(Versioned, Base):
    """An interlaboratory comparison or proficiency test (计量比对 / 能力验证)."""

    __tablename__ = "comparisons"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    scheme: Mapped[str | None] = mapped_column(String(100))
    provider_name: Mapped[str | None] = mapped_column(String(200))
    measurand: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(UNIT))
    artefact: Mapped[str | None] = mapped_column(String(200))
    pilot_lab: Mapped[str | None] = mapped_column(String(200))
    protocol: Mapped[str | None] = mapped_column(Text)
    role: Mapped[ComparisonRole] = mapped_column(str_enum(ComparisonRole, "role"))
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    assigned_value_method: Mapped[str | None] = mapped_column(String(100))
    assigned_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    assigned_uncertainty: Mapped[Decimal | None] = mapped_column(DecimalText)
    assigned_coverage_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    sigma_pt: Mapped[Decimal | None] = mapped_column(DecimalText)  # in ``unit`` (migration 0005)

    participants: Mapped[list[ComparisonParticipantRow]] = relationship(
        back_populates="comparison", cascade="all, delete-orphan"
    )


class ComparisonParticipantRow(Versioned, Base):
    """One participant's result in a comparison (values in the comparison's unit)."""

    __tablename__ = "comparison_participants"
    __table_args__ = (UniqueConstraint("comparison_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comparison_id: Mapped[int] = mapped_column(_fk("comparisons.id", cascade=True), index=True)
    code: Mapped[str] = mapped_column(String(32))
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    expanded_uncertainty: Mapped[Decimal | None] = mapped_column(DecimalText)
    coverage_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    method: Mapped[str | None] = mapped_column(String(200))
    measured_on: Mapped[date | None] = mapped_column(Date)
    is_own_lab: Mapped[bool] = mapped_column(Boolean, default=False)
    instrument_id: Mapped[int | None] = mapped_column(_fk("instruments.id"))

    comparison: Mapped[ComparisonRow] = relationship(back_populates="participants")


# --- intermediate checks --------------------------------------------------------------------


class CheckPlanRow(Versioned, Base):
    """What to check on a standard between calibrations, how often, and the limits."""

    __tablename__ = "check_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(_fk("instruments.id"), index=True)
    check_instrument_id: Mapped[int | None] = mapped_column(_fk("instruments.id"))
    point: Mapped[str] = mapped_column(String(200))
    frequency_months: Mapped[int] = mapped_column(Integer)
    lower_limit_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    lower_limit_unit: Mapped[str | None] = mapped_column(String(UNIT))
    upper_limit_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    upper_limit_unit: Mapped[str | None] = mapped_column(String(UNIT))
    ended_on: Mapped[date | None] = mapped_column(Date)  # deactivated from (migration 0005)


class IntermediateCheckRow(Versioned, Base):
    """期间核查: one intermediate check of an instrument, with its readings and verdict."""

    __tablename__ = "intermediate_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(_fk("instruments.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(_fk("check_plans.id"), index=True)
    performed_on: Mapped[date] = mapped_column(Date, index=True)
    performer_id: Mapped[int | None] = mapped_column(_fk("persons.id"))
    check_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    check_unit: Mapped[str | None] = mapped_column(String(UNIT))
    reference_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    reference_unit: Mapped[str | None] = mapped_column(String(UNIT))
    lower_limit_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    lower_limit_unit: Mapped[str | None] = mapped_column(String(UNIT))
    upper_limit_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    upper_limit_unit: Mapped[str | None] = mapped_column(String(UNIT))
    verdict: Mapped[Decision] = mapped_column(str_enum(Decision, "verdict"), default=Decision.NONE)
    remarks: Mapped[str | None] = mapped_column(Text)

    readings: Mapped[list[CheckReadingRow]] = relationship(
        back_populates="check", cascade="all, delete-orphan", order_by="CheckReadingRow.seq"
    )


class CheckReadingRow(Versioned, Base):
    """One reading of an intermediate check."""

    __tablename__ = "check_readings"
    __table_args__ = (UniqueConstraint("check_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(_fk("intermediate_checks.id", cascade=True), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(String(UNIT))

    check: Mapped[IntermediateCheckRow] = relationship(back_populates="readings")


# --- re-verification plans ------------------------------------------------------------------


class PlanRow(Versioned, Base):
    """量值溯源计划 / 周检计划: the re-verification plan of one year (draft, then approved)."""

    __tablename__ = "plans"
    __table_args__ = (CheckConstraint("status IN ('draft', 'approved')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(300))
    laboratory_id: Mapped[int | None] = mapped_column(_fk("laboratories.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    filter_text: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    items: Mapped[list[PlanItemRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanItemRow.id"
    )


class PlanItemRow(Versioned, Base):
    """One line of a plan: an instrument due, where it goes, the estimated cost and the month."""

    __tablename__ = "plan_items"
    __table_args__ = (
        # One line per due occurrence: an item on a 6-month interval is in a year's plan twice.
        UniqueConstraint("plan_id", "instrument_id", "due_on"),
        CheckConstraint("planned_month BETWEEN 1 AND 12", name="planned_month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_fk("plans.id", cascade=True), index=True)
    instrument_id: Mapped[int] = mapped_column(_fk("instruments.id"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    provider_id: Mapped[int | None] = mapped_column(_fk("providers.id"))
    procedure_id: Mapped[int | None] = mapped_column(_fk("procedures.id"))
    estimated_cost: Mapped[Decimal | None] = mapped_column(DecimalText)
    planned_month: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    done_event_id: Mapped[int | None] = mapped_column(_fk("events.id"))

    plan: Mapped[PlanRow] = relationship(back_populates="items")


# --- audit and metadata ---------------------------------------------------------------------


class AuditLogRow(Base):
    """Who changed what, when and why; ``changes`` is JSON ``{field: [old, new]}`` as strings."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    user_name: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[AuditAction] = mapped_column(str_enum(AuditAction, "action"))
    changes: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str | None] = mapped_column(Text)
    # The hash chain (migration 0006; see labapp.domain.integrity): each entry's hash covers the
    # previous one; the last entry a transaction writes carries its author's Ed25519 seal.
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))
    seal: Mapped[str | None] = mapped_column(Text)
    key_id: Mapped[int | None] = mapped_column(Integer)
    db_user: Mapped[str | None] = mapped_column(String(64))  # PostgreSQL: the server's current_user


class MetaRow(Base):
    """Key/value facts about the database; ``application = "labapp"`` marks a LabApp database."""

    __tablename__ = "labapp_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
