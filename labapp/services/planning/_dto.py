"""Frozen data of the Planning page: due windows, filters, due items, plans and their progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

__all__ = [
    "CertificateKind",
    "DueItem",
    "DueWindow",
    "ExpiringCertificate",
    "PlanApproval",
    "PlanDetail",
    "PlanFilter",
    "PlanItem",
    "PlanItemEdit",
    "PlanProgress",
    "PlanSummary",
    "ProgressState",
]


class DueWindow(StrEnum):
    """Which due dates the Planning page lists (all relative to "today")."""

    OVERDUE = "overdue"  # due before today
    THIS_MONTH = "this_month"  # due in today's calendar month
    NEXT_30 = "next_30"  # due from today to today + 30 days
    NEXT_60 = "next_60"
    NEXT_90 = "next_90"
    QUARTER = "quarter"  # due in today's calendar quarter
    YEAR = "year"  # due in today's calendar year


@dataclass(frozen=True)
class PlanFilter:
    """Narrows the due list and a generated plan; None does not filter."""

    location_id: int | None = None
    department: str | None = None
    quantity: str | None = None
    provider_id: int | None = None
    mandatory: bool | None = None  # True: only mandatory verification (强检)
    in_house: bool | None = None  # True: in-house provider, False: external providers
    include_idle: bool = False  # True: sealed and out-of-service items too (never retired)


@dataclass(frozen=True)
class DueItem:
    """An instrument falling due, with where it goes and what it cost last time."""

    instrument_id: int
    asset_tag: str
    name: str
    quantity: str | None
    location: str | None
    department: str | None
    provider: str | None
    procedure: str | None
    mandatory_verification: bool
    in_house: bool
    due_on: date
    overdue: bool
    last_cost: Decimal | None


@dataclass(frozen=True)
class PlanItem:
    """One editable line of a plan (``version`` for optimistic locking)."""

    id: int
    instrument_id: int
    asset_tag: str
    name: str
    due_on: date | None
    provider_id: int | None
    provider: str | None
    procedure: str | None
    estimated_cost: Decimal | None
    planned_month: int
    note: str | None
    version: int
    model: str | None = None
    serial_no: str | None = None
    interval_months: int | None = None
    last_calibrated_on: date | None = None
    department: str | None = None
    location: str | None = None
    quantity: str | None = None
    mandatory_verification: bool = False
    carried_over: bool = False  # due before the plan's year (overdue when the year starts)


@dataclass(frozen=True)
class PlanItemEdit:
    """What a person changed on one item of a draft plan (None: the field is left as it is)."""

    planned_month: int | None = None
    provider_id: int | None = None
    estimated_cost: Decimal | None = None
    note: str | None = None


@dataclass(frozen=True)
class PlanSummary:
    """A plan in a list of plans."""

    id: int
    year: int
    title: str
    status: str
    items: int


@dataclass(frozen=True)
class PlanDetail:
    """A plan with its items, ordered by planned month and asset tag."""

    id: int
    year: int
    title: str
    status: str
    version: int
    items: tuple[PlanItem, ...]
    revision: int = 1  # 1 for a generated plan, n + 1 for a revision of revision n
    laboratory: str = ""

    @property
    def total_cost(self) -> Decimal:
        """Sum of the estimated costs (items without one count 0)."""
        return sum((i.estimated_cost or Decimal(0) for i in self.items), Decimal(0))


@dataclass(frozen=True)
class PlanApproval:
    """Who approved a plan, when, and the reason they gave (from the audit trail)."""

    user: str
    at: datetime
    reason: str


class ProgressState(StrEnum):
    """How a plan item stands: done on or before its due date, done after it, or not yet."""

    ON_TIME = "on_time"
    LATE = "late"
    NOT_DONE = "not_done"


@dataclass(frozen=True)
class PlanProgress:
    """Per item state (plan item id → state, done event) and the counts."""

    plan_id: int
    states: tuple[tuple[int, ProgressState, int | None], ...]
    on_time: int
    late: int
    not_done: int
    carried_over: int = 0  # items due before the plan's year
    rate_due: int = 0  # items due in the year up to ``today``: the 受检率 denominator
    rate_on_time: int = 0  # of those, done on time: the 受检率 numerator


class CertificateKind(StrEnum):
    """The lab's own certificates that expire."""

    STANDARD_CERTIFICATE = "standard_certificate"  # 计量标准考核证书
    ACCREDITATION = "accreditation"  # the lab's accreditation (CNAS)
    QUALIFICATION = "qualification"  # 检定员证 and other staff qualifications


@dataclass(frozen=True)
class ExpiringCertificate:
    """A certificate of the lab expiring within its lead time (or already expired)."""

    kind: CertificateKind
    number: str
    name: str
    valid_until: date
    days_left: int
    lead_days: int = 0  # this kind's lead time: listed from this many days before expiry
