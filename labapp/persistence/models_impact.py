"""Rows of failed-standard impact investigations (migration 0004).

An investigation (``impact_investigations``) is opened for a standard from the event or the
intermediate check that found it out of tolerance; it holds the window searched, the as-found error
used and the decision rule applied.  Each result reached (``impact_items``, one per event) carries
its assessment and the manager's action with its reason; each re-evaluated point of a directly
served event (``impact_points``) keeps the numbers as found when the investigation was opened, so
the report an auditor reads later does not move with the data.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labapp.domain.enums import Decision
from labapp.domain.impact import Assessment, InvestigationStatus, ItemAction
from labapp.persistence.base import Base, Versioned
from labapp.persistence.types import DecimalText, UtcDateTime, str_enum

__all__ = ["ImpactInvestigationRow", "ImpactItemRow", "ImpactPointRow"]

UNIT = 32


class ImpactInvestigationRow(Versioned, Base):
    """One investigation of what a failed standard put at risk (open, then closed)."""

    __tablename__ = "impact_investigations"
    __table_args__ = (
        CheckConstraint(
            "trigger_event_id IS NOT NULL OR trigger_check_id IS NOT NULL", name="trigger"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("instruments.id"), index=True)
    trigger_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    trigger_check_id: Mapped[int | None] = mapped_column(
        ForeignKey("intermediate_checks.id"), index=True
    )
    good_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    status: Mapped[InvestigationStatus] = mapped_column(
        str_enum(InvestigationStatus, "status"), default=InvestigationStatus.OPEN, index=True
    )
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    error_value: Mapped[Decimal] = mapped_column(DecimalText)
    error_unit: Mapped[str] = mapped_column(String(UNIT))
    error_reference_unit: Mapped[str] = mapped_column(String(UNIT))
    error_source: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(16))
    guard_band_factor: Mapped[Decimal] = mapped_column(DecimalText)
    summary: Mapped[str | None] = mapped_column(Text)
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    conclusion: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[ImpactItemRow]] = relationship(
        back_populates="investigation",
        cascade="all, delete-orphan",
        order_by="(ImpactItemRow.depth, ImpactItemRow.performed_on, ImpactItemRow.event_id)",
    )


class ImpactItemRow(Versioned, Base):
    """One result (event) the standard served, with its assessment and the action decided.

    ``depth`` 1: the event used the standard (its points are re-evaluated); deeper: the event used
    ``via_instrument_id``, whose certificate then was ``upstream_event_id`` (None: not one of this
    investigation's results).  ``reason`` says why it is not assessable or not affected.
    """

    __tablename__ = "impact_items"
    __table_args__ = (UniqueConstraint("investigation_id", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    investigation_id: Mapped[int] = mapped_column(
        ForeignKey("impact_investigations.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id"), index=True)
    performed_on: Mapped[date] = mapped_column(Date)
    depth: Mapped[int] = mapped_column(Integer)
    via_instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id"))
    assessment: Mapped[Assessment] = mapped_column(str_enum(Assessment, "assessment"))
    upstream_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    reason: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[ItemAction | None] = mapped_column(str_enum(ItemAction, "action"))
    action_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    investigation: Mapped[ImpactInvestigationRow] = relationship(back_populates="items")
    points: Mapped[list[ImpactPointRow]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ImpactPointRow.seq"
    )


class ImpactPointRow(Versioned, Base):
    """One point of a directly served event, before and after the standard's as-found error.

    ``error``, ``u_before``, ``u_after`` and ``shift`` are in ``unit`` (the point's error unit).
    """

    __tablename__ = "impact_points"
    __table_args__ = (UniqueConstraint("item_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("impact_items.id", ondelete="CASCADE"), index=True
    )
    point_id: Mapped[int | None] = mapped_column(ForeignKey("measurement_points.id"))
    seq: Mapped[int] = mapped_column(Integer)
    nominal_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    nominal_unit: Mapped[str | None] = mapped_column(String(UNIT))
    reference_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    reference_unit: Mapped[str | None] = mapped_column(String(UNIT))
    indication_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    indication_unit: Mapped[str | None] = mapped_column(String(UNIT))
    mpe_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    mpe_unit: Mapped[str | None] = mapped_column(String(UNIT))
    error: Mapped[Decimal | None] = mapped_column(DecimalText)
    u_before: Mapped[Decimal | None] = mapped_column(DecimalText)
    u_after: Mapped[Decimal | None] = mapped_column(DecimalText)
    shift: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(String(UNIT))
    decision_before: Mapped[Decision] = mapped_column(str_enum(Decision, "decision_before"))
    decision_after: Mapped[Decision] = mapped_column(str_enum(Decision, "decision_after"))
    assessment: Mapped[Assessment] = mapped_column(str_enum(Assessment, "assessment"))
    reason: Mapped[str | None] = mapped_column(String(32))
    #: the standard's nominal(s) the shift came from ("10 mm … 50 mm"), or its calibrated range
    #: when the point lies outside it (migration 0009)
    error_from: Mapped[str | None] = mapped_column(Text)

    item: Mapped[ImpactItemRow] = relationship(back_populates="points")
