"""The laboratory's certificate counters (migration 0014).

``certificate_counters`` holds, per laboratory and calendar year, the last sequence number given
to one of its own certificates.  Approval takes the next number with one ``UPDATE … RETURNING``
on this row (:func:`next_certificate_seq`): the row lock (PostgreSQL) or the write lock taken at
``BEGIN IMMEDIATE`` (SQLite) makes two approvals at once wait for each other, so they can never
draw the same number; a rolled-back approval rolls its number back with it, so no number is ever
issued twice and none is skipped silently.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from labapp.persistence.base import Base

__all__ = ["CertificateCounterRow", "next_certificate_seq"]


class CertificateCounterRow(Base):
    """The last certificate sequence number a laboratory gave in a year."""

    __tablename__ = "certificate_counters"
    __table_args__ = (CheckConstraint("last_seq >= 0", name="last_seq_not_negative"),)

    laboratory_id: Mapped[int] = mapped_column(
        ForeignKey("laboratories.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(CertificateCounterRow)


def next_certificate_seq(session: Session, laboratory_id: int, year: int) -> int:
    """The next sequence number of ``laboratory_id``'s certificates in ``year`` (1, 2, …).

    Runs inside the caller's transaction: the number is taken only if that transaction commits.
    """
    row = CertificateCounterRow
    first = _insert(session).values(laboratory_id=laboratory_id, year=year, last_seq=0)
    session.execute(first.on_conflict_do_nothing(index_elements=["laboratory_id", "year"]))
    bump = (
        update(row)
        .where(row.laboratory_id == laboratory_id, row.year == year)
        .values(last_seq=row.last_seq + 1)
        .returning(row.last_seq)
    )
    return int(session.execute(bump).scalar_one())
