"""Frozen values the failed-standard impact service returns (see :mod:`labapp.services.impact`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from labapp.domain.enums import Decision
from labapp.domain.impact import Assessment, InvestigationStatus, ItemAction
from labapp.domain.quantities import Measured

__all__ = [
    "FailedSource",
    "ImpactItem",
    "ImpactPoint",
    "InvestigationDetail",
    "InvestigationSummary",
    "StandardChoice",
]


@dataclass(frozen=True)
class StandardChoice:
    """A standard that served results and has a failed as-found event or check on record."""

    id: int
    asset_tag: str
    name: str


@dataclass(frozen=True)
class FailedSource:
    """A failed as-found event (``kind="event"``) or failed intermediate check (``"check"``)."""

    kind: str
    id: int
    standard_id: int
    asset_tag: str
    performed_on: date
    certificate_no: str | None
    investigation_id: int | None


@dataclass(frozen=True)
class ImpactPoint:
    """One re-evaluated point; ``error``, U before/after and ``shift`` are in ``unit``."""

    seq: int
    nominal: Measured | None
    reference: Measured | None
    indication: Measured | None
    mpe: Measured | None
    error: Decimal | None
    u_before: Decimal | None
    u_after: Decimal | None
    shift: Decimal | None
    unit: str
    decision_before: Decision
    decision_after: Decision
    assessment: Assessment
    reason: str | None
    error_from: str | None = None  # S's nominal(s) the shift came from, or S's calibrated range


@dataclass(frozen=True)
class ImpactItem:
    """One result reached, its assessment and the action decided (with who and when)."""

    id: int
    version: int
    event_id: int
    instrument_id: int
    asset_tag: str
    name: str
    performed_on: date
    certificate_no: str | None
    depth: int
    via_asset_tag: str
    upstream_event_id: int | None
    upstream_assessment: Assessment | None
    assessment: Assessment
    reason: str | None
    action: ItemAction | None
    action_reason: str | None
    decided_by: str | None
    decided_at: datetime | None
    points: tuple[ImpactPoint, ...]

    @property
    def needs_action(self) -> bool:
        """Affected and possibly affected results need an action before closing."""
        return self.assessment in (Assessment.AFFECTED, Assessment.POSSIBLY_AFFECTED)


@dataclass(frozen=True)
class InvestigationSummary:
    """One line of the investigations list."""

    id: int
    version: int
    status: InvestigationStatus
    standard_id: int
    asset_tag: str
    name: str
    trigger_kind: str
    trigger_id: int
    trigger_on: date
    opened_by: str
    opened_at: datetime
    affected: int
    possibly_affected: int
    not_affected: int
    not_assessable: int
    undecided: int


@dataclass(frozen=True)
class InvestigationDetail:
    """An investigation with its scope, the as-found error used and every result reached."""

    summary: InvestigationSummary
    good_event_id: int | None
    window_start: date | None
    window_end: date
    error: Measured
    error_reference_unit: str
    error_source: str
    rule: str
    guard_band_factor: Decimal
    text: str | None
    closed_by: str | None
    closed_at: datetime | None
    conclusion: str | None
    items: tuple[ImpactItem, ...]

    @property
    def closed(self) -> bool:
        """A closed investigation is read-only."""
        return self.summary.status is InvestigationStatus.CLOSED
