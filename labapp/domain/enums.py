"""Enumerations of the lab's vocabulary (see shared/GLOSSARY.md for the Chinese terms).

Values are stored in the database as these lowercase strings: never renumber or rename a value
without a migration.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What an item is to the lab: a measurement standard (计量标准) or a working instrument."""

    STANDARD = "standard"
    WORKING = "working"


class StandardLevel(StrEnum):
    """Hierarchy level of a standard (计量基准 / 最高计量标准 / 工作计量标准)."""

    PRIMARY = "primary"
    REFERENCE = "reference"
    WORKING = "working"


class InstrumentStatus(StrEnum):
    """Lifecycle status (在用 / 停用 / 封存 / 报废 ...)."""

    IN_SERVICE = "in_service"
    OUT_OF_SERVICE = "out_of_service"
    SEALED = "sealed"
    SUSPENDED = "suspended"
    RETIRED = "retired"
    SCRAPPED = "scrapped"


class AccuracyKind(StrEnum):
    """How an accuracy specification is stated."""

    MPE = "mpe"
    CLASS = "class"
    UNCERTAINTY = "uncertainty"


class ProviderKind(StrEnum):
    """Who calibrates: a national metrology institute, an accredited lab, a legal verification
    body, or the lab itself."""

    NMI = "nmi"
    ACCREDITED_LAB = "accredited_lab"
    LEGAL_BODY = "legal_body"
    IN_HOUSE = "in_house"


class EventKind(StrEnum):
    """检定 / 校准 / 期间核查."""

    VERIFICATION = "verification"
    CALIBRATION = "calibration"
    INTERMEDIATE_CHECK = "intermediate_check"


class EventStatus(StrEnum):
    """Four-eyes workflow: draft → checked → approved; a correction supersedes."""

    DRAFT = "draft"
    CHECKED = "checked"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


class EventResult(StrEnum):
    """Overall outcome of an event."""

    PASS = "pass"
    FAIL = "fail"
    CONDITIONAL = "conditional"
    LIMITED = "limited"
    NO_DECISION = "no_decision"


class Stage(StrEnum):
    """When a calibration point was measured: as found (调整前, before any adjustment) or as left
    (调整后, as the item leaves the lab; the points of an event never adjusted are as left)."""

    AS_FOUND = "as_found"
    AS_LEFT = "as_left"


class Decision(StrEnum):
    """Decision on one measurement point (ILAC-G8)."""

    PASS = "pass"
    FAIL = "fail"
    CONDITIONAL_PASS = "conditional_pass"
    CONDITIONAL_FAIL = "conditional_fail"
    NONE = "none"


class PersonRole(StrEnum):
    """What a person may do in the lab."""

    METROLOGIST = "metrologist"
    CHECKER = "checker"
    APPROVER = "approver"
    QUALITY_MANAGER = "quality_manager"
    TECHNICAL_MANAGER = "technical_manager"
    ADMIN = "admin"


class ComparisonRole(StrEnum):
    """The lab's role in a comparison: pilot (主导实验室) or participant."""

    PILOT = "pilot"
    PARTICIPANT = "participant"


class AuditAction(StrEnum):
    """What an audit-log entry records."""

    CREATE = "create"
    UPDATE = "update"
    CHECK = "check"
    APPROVE = "approve"
    RETIRE = "retire"
    DELETE = "delete"
    CORRECT = "correct"
    OVERRIDE = "override"


class CalibrationMethod(StrEnum):
    """检定方式: verified or calibrated by the lab itself (内检) or by a provider (外检)."""

    IN_HOUSE = "in_house"
    EXTERNAL = "external"


class Reverification(StrEnum):
    """Whether an item is re-verified periodically, and if not, why (a ledger's 检定周期 cell).

    Only ``PERIODIC`` items have an interval; the others never fall due by the calendar:
    ``ONE_TIME`` (一次性: verified once before first use, e.g. a glass thermometer), ``ON_FAILURE``
    (随坏随换: replaced when broken), ``EXEMPT`` (免检: not subject to verification) and
    ``BEFORE_USE`` (使用前校准: checked before each use).
    """

    PERIODIC = "periodic"
    ONE_TIME = "one_time"
    ON_FAILURE = "on_failure"
    EXEMPT = "exempt"
    BEFORE_USE = "before_use"
