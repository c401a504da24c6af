"""Translated labels of the domain's enumerations, in one place.

The tables hold ``QT_TRANSLATE_NOOP`` markers so ``pyside6-lupdate`` extracts them; :func:`label`
translates at call time, so a language switch takes effect on the next repaint.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labapp.domain.enums import (
    AccuracyKind,
    AuditAction,
    CalibrationMethod,
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    ProviderKind,
    Reverification,
    Role,
    StandardLevel,
)
from labapp.domain.impact import Assessment, InvestigationStatus, ItemAction

CONTEXT = "Labels"

_TABLE: dict[str, str] = {
    f"role.{Role.STANDARD}": QT_TRANSLATE_NOOP("Labels", "Measurement standard"),
    f"role.{Role.WORKING}": QT_TRANSLATE_NOOP("Labels", "Working instrument"),
    f"level.{StandardLevel.PRIMARY}": QT_TRANSLATE_NOOP("Labels", "Primary standard"),
    f"level.{StandardLevel.REFERENCE}": QT_TRANSLATE_NOOP("Labels", "Highest standard"),
    f"level.{StandardLevel.WORKING}": QT_TRANSLATE_NOOP("Labels", "Working standard"),
    f"status.{InstrumentStatus.IN_SERVICE}": QT_TRANSLATE_NOOP("Labels", "In service"),
    f"status.{InstrumentStatus.OUT_OF_SERVICE}": QT_TRANSLATE_NOOP("Labels", "Out of service"),
    f"status.{InstrumentStatus.SEALED}": QT_TRANSLATE_NOOP("Labels", "Sealed"),
    f"status.{InstrumentStatus.SUSPENDED}": QT_TRANSLATE_NOOP("Labels", "Suspended"),
    f"status.{InstrumentStatus.RETIRED}": QT_TRANSLATE_NOOP("Labels", "Retired"),
    f"status.{InstrumentStatus.SCRAPPED}": QT_TRANSLATE_NOOP("Labels", "Scrapped"),
    f"event.{EventKind.VERIFICATION}": QT_TRANSLATE_NOOP("Labels", "Verification"),
    f"event.{EventKind.CALIBRATION}": QT_TRANSLATE_NOOP("Labels", "Calibration"),
    f"event.{EventKind.INTERMEDIATE_CHECK}": QT_TRANSLATE_NOOP("Labels", "Intermediate check"),
    f"event_status.{EventStatus.DRAFT}": QT_TRANSLATE_NOOP("Labels", "Draft"),
    f"event_status.{EventStatus.CHECKED}": QT_TRANSLATE_NOOP("Labels", "Checked"),
    f"event_status.{EventStatus.APPROVED}": QT_TRANSLATE_NOOP("Labels", "Approved"),
    f"event_status.{EventStatus.SUPERSEDED}": QT_TRANSLATE_NOOP("Labels", "Superseded"),
    f"result.{EventResult.PASS}": QT_TRANSLATE_NOOP("Labels", "Pass"),
    f"result.{EventResult.FAIL}": QT_TRANSLATE_NOOP("Labels", "Fail"),
    f"result.{EventResult.CONDITIONAL}": QT_TRANSLATE_NOOP("Labels", "Conditional"),
    f"result.{EventResult.LIMITED}": QT_TRANSLATE_NOOP("Labels", "Limited use"),
    f"result.{EventResult.NO_DECISION}": QT_TRANSLATE_NOOP("Labels", "No decision"),
    f"decision.{Decision.PASS}": QT_TRANSLATE_NOOP("Labels", "Pass"),
    f"decision.{Decision.FAIL}": QT_TRANSLATE_NOOP("Labels", "Fail"),
    f"decision.{Decision.CONDITIONAL_PASS}": QT_TRANSLATE_NOOP("Labels", "Conditional pass"),
    f"decision.{Decision.CONDITIONAL_FAIL}": QT_TRANSLATE_NOOP("Labels", "Conditional fail"),
    f"decision.{Decision.NONE}": QT_TRANSLATE_NOOP("Labels", "No decision"),
    f"audit.{AuditAction.CREATE}": QT_TRANSLATE_NOOP("Labels", "Created"),
    f"audit.{AuditAction.UPDATE}": QT_TRANSLATE_NOOP("Labels", "Updated"),
    f"audit.{AuditAction.CHECK}": QT_TRANSLATE_NOOP("Labels", "Checked"),
    f"audit.{AuditAction.APPROVE}": QT_TRANSLATE_NOOP("Labels", "Approved"),
    f"audit.{AuditAction.RETIRE}": QT_TRANSLATE_NOOP("Labels", "Retired"),
    f"audit.{AuditAction.DELETE}": QT_TRANSLATE_NOOP("Labels", "Deleted"),
    f"audit.{AuditAction.CORRECT}": QT_TRANSLATE_NOOP("Labels", "Corrected"),
    f"audit.{AuditAction.OVERRIDE}": QT_TRANSLATE_NOOP("Labels", "Overridden"),
    f"accuracy.{AccuracyKind.MPE}": QT_TRANSLATE_NOOP("Labels", "MPE"),
    f"accuracy.{AccuracyKind.CLASS}": QT_TRANSLATE_NOOP("Labels", "Accuracy class"),
    f"accuracy.{AccuracyKind.UNCERTAINTY}": QT_TRANSLATE_NOOP("Labels", "Uncertainty"),
    f"method.{CalibrationMethod.IN_HOUSE}": QT_TRANSLATE_NOOP("Labels", "In-house verification"),
    f"method.{CalibrationMethod.EXTERNAL}": QT_TRANSLATE_NOOP("Labels", "External verification"),
    f"reverification.{Reverification.PERIODIC}": QT_TRANSLATE_NOOP("Labels", "Periodic"),
    f"reverification.{Reverification.ONE_TIME}": QT_TRANSLATE_NOOP("Labels", "One-time"),
    f"reverification.{Reverification.ON_FAILURE}": QT_TRANSLATE_NOOP(
        "Labels", "Replaced when broken"
    ),
    f"reverification.{Reverification.EXEMPT}": QT_TRANSLATE_NOOP("Labels", "Exempt"),
    f"reverification.{Reverification.BEFORE_USE}": QT_TRANSLATE_NOOP("Labels", "Before each use"),
    "rule.simple": QT_TRANSLATE_NOOP("Labels", "Simple acceptance"),
    "rule.guard_band": QT_TRANSLATE_NOOP("Labels", "Guard band"),
    "stage.as_found": QT_TRANSLATE_NOOP("Labels", "As found"),
    "stage.as_left": QT_TRANSLATE_NOOP("Labels", "As left"),
    f"provider.{ProviderKind.NMI}": QT_TRANSLATE_NOOP("Labels", "National metrology institute"),
    f"provider.{ProviderKind.ACCREDITED_LAB}": QT_TRANSLATE_NOOP("Labels", "Accredited laboratory"),
    f"provider.{ProviderKind.LEGAL_BODY}": QT_TRANSLATE_NOOP("Labels", "Legal verification body"),
    f"provider.{ProviderKind.IN_HOUSE}": QT_TRANSLATE_NOOP("Labels", "In-house"),
    # Quantities are free text in the register; the common ones (and the demo lab's) are worded
    # in the user's language, anything else is shown as stored.
    "quantity.DC voltage": QT_TRANSLATE_NOOP("Labels", "DC voltage"),
    "quantity.AC voltage": QT_TRANSLATE_NOOP("Labels", "AC voltage"),
    "quantity.DC current": QT_TRANSLATE_NOOP("Labels", "DC current"),
    "quantity.AC current": QT_TRANSLATE_NOOP("Labels", "AC current"),
    "quantity.resistance": QT_TRANSLATE_NOOP("Labels", "Resistance"),
    "quantity.temperature": QT_TRANSLATE_NOOP("Labels", "Temperature"),
    "quantity.pressure": QT_TRANSLATE_NOOP("Labels", "Pressure"),
    "quantity.mass": QT_TRANSLATE_NOOP("Labels", "Mass"),
    "quantity.length": QT_TRANSLATE_NOOP("Labels", "Length"),
    "quantity.humidity": QT_TRANSLATE_NOOP("Labels", "Humidity"),
    "quantity.frequency": QT_TRANSLATE_NOOP("Labels", "Frequency"),
    "quantity.force": QT_TRANSLATE_NOOP("Labels", "Force"),
    f"assessment.{Assessment.AFFECTED}": QT_TRANSLATE_NOOP("Labels", "Affected"),
    f"assessment.{Assessment.POSSIBLY_AFFECTED}": QT_TRANSLATE_NOOP("Labels", "Possibly affected"),
    f"assessment.{Assessment.NOT_AFFECTED}": QT_TRANSLATE_NOOP("Labels", "Not affected"),
    f"assessment.{Assessment.NOT_ASSESSABLE}": QT_TRANSLATE_NOOP("Labels", "Not assessable"),
    f"action.{ItemAction.RECALL}": QT_TRANSLATE_NOOP("Labels", "Recall"),
    f"action.{ItemAction.RECALIBRATE}": QT_TRANSLATE_NOOP("Labels", "Re-calibrate"),
    f"action.{ItemAction.NOTIFY_CUSTOMER}": QT_TRANSLATE_NOOP("Labels", "Notify customer"),
    f"action.{ItemAction.NO_ACTION}": QT_TRANSLATE_NOOP("Labels", "No action"),
    f"investigation.{InvestigationStatus.OPEN}": QT_TRANSLATE_NOOP("Labels", "Open"),
    f"investigation.{InvestigationStatus.CLOSED}": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "broken.no_certificate": QT_TRANSLATE_NOOP("Labels", "No certificate for this link"),
    "broken.expired": QT_TRANSLATE_NOOP("Labels", "Certificate expired"),
    "broken.standard_failed": QT_TRANSLATE_NOOP("Labels", "The standard failed its calibration"),
    "broken.provider_not_accredited": QT_TRANSLATE_NOOP(
        "Labels", "Provider not accredited for this quantity"
    ),
    "broken.cycle": QT_TRANSLATE_NOOP("Labels", "The chain loops back on itself"),
    "broken.ends_without_nmi": QT_TRANSLATE_NOOP(
        "Labels", "The chain ends without reaching a national metrology institute"
    ),
}

_PREFIX: dict[type[Enum], str] = {
    AccuracyKind: "accuracy",
    CalibrationMethod: "method",
    Reverification: "reverification",
    Role: "role",
    StandardLevel: "level",
    InstrumentStatus: "status",
    EventKind: "event",
    EventStatus: "event_status",
    EventResult: "result",
    Decision: "decision",
    AuditAction: "audit",
    ProviderKind: "provider",
    Assessment: "assessment",
    ItemAction: "action",
    InvestigationStatus: "investigation",
}

DECISION_RULES = ("simple", "guard_band")


def label(value: Enum | None) -> str:
    """The user's-language label of an enum member ("" for None; the raw value if unknown)."""
    if value is None:
        return ""
    source = _TABLE.get(f"{_PREFIX.get(type(value), '')}.{value.value}")
    return QCoreApplication.translate(CONTEXT, source) if source else str(value.value)


def label_for(prefix: str, raw: str | None) -> str:
    """Like :func:`label`, for a stored string (``prefix`` is ``role``, ``status``, ``rule``...)."""
    if not raw:
        return ""
    source = _TABLE.get(f"{prefix}.{raw}")
    return QCoreApplication.translate(CONTEXT, source) if source else raw
