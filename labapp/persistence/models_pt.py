"""Rows of proficiency testing: the PT plan and corrective actions (migration 0005).

The plan is the list of sub-disciplines (子领域) of the lab's scope, the accreditation cycles
(every sub-discipline is tested at least once per cycle) and, per comparison, which
sub-discipline and quantity it covered.  A corrective action (纠正措施) follows an unsatisfactory
score of a participant and names the standards involved.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labapp.domain.proficiency import CorrectiveStatus
from labapp.persistence.base import Base, Versioned
from labapp.persistence.types import str_enum

__all__ = [
    "ComparisonScopeRow",
    "CorrectiveActionRow",
    "CorrectiveActionStandardRow",
    "PtCycleRow",
    "SubdisciplineRow",
]


class SubdisciplineRow(Versioned, Base):
    """A sub-discipline (子领域) of the lab's accredited scope, e.g. "DC voltage"."""

    __tablename__ = "pt_subdisciplines"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    quantity: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PtCycleRow(Versioned, Base):
    """An accreditation cycle of the PT plan: ``years`` years from ``starts_on``."""

    __tablename__ = "pt_cycles"
    __table_args__ = (CheckConstraint("years BETWEEN 1 AND 10", name="years"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date, unique=True)
    years: Mapped[int] = mapped_column(Integer)


class ComparisonScopeRow(Versioned, Base):
    """Which sub-discipline and quantity a comparison covered (one per comparison)."""

    __tablename__ = "pt_comparison_scopes"

    id: Mapped[int] = mapped_column(primary_key=True)
    comparison_id: Mapped[int] = mapped_column(
        ForeignKey("comparisons.id", ondelete="CASCADE"), unique=True
    )
    subdiscipline_id: Mapped[int] = mapped_column(ForeignKey("pt_subdisciplines.id"), index=True)
    quantity: Mapped[str] = mapped_column(String(200))


class CorrectiveActionRow(Versioned, Base):
    """纠正措施 after an unsatisfactory score; closing it needs the verification text."""

    __tablename__ = "corrective_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("comparison_participants.id"), index=True
    )
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    root_cause: Mapped[str | None] = mapped_column(Text)
    action_taken: Mapped[str | None] = mapped_column(Text)
    verification: Mapped[str | None] = mapped_column(Text)
    status: Mapped[CorrectiveStatus] = mapped_column(
        str_enum(CorrectiveStatus, "status"), default=CorrectiveStatus.OPEN
    )
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_on: Mapped[date | None] = mapped_column(Date)

    standards: Mapped[list[CorrectiveActionStandardRow]] = relationship(
        back_populates="action", cascade="all, delete-orphan"
    )


class CorrectiveActionStandardRow(Versioned, Base):
    """A standard involved in a corrective action (many actions may name many standards)."""

    __tablename__ = "corrective_action_standards"
    __table_args__ = (UniqueConstraint("action_id", "instrument_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("corrective_actions.id", ondelete="CASCADE"), index=True
    )
    instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id"), index=True)

    action: Mapped[CorrectiveActionRow] = relationship(back_populates="standards")
