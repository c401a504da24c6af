"""Rows of the laboratory's master data added by migration 0007: departments and customers.

A department (部门/科室) groups people and locations; a customer (委托单位) owns instruments the
lab calibrates for others.  The columns these add to older tables (``persons.department_id``,
``locations.department_id``, ``instruments.customer_id``, ``procedures.in_force`` /
``withdrawn_on``) are declared on those rows in :mod:`labapp.persistence.models`.
"""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from labapp.persistence.base import Base, Versioned
from labapp.persistence.models import EventRow, IntermediateCheckRow

__all__ = ["CustomerRow", "DepartmentRow"]


class DepartmentRow(Versioned, Base):
    """A department of the laboratory (e.g. 电学室); never deleted once used."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str | None] = mapped_column(String(32), unique=True)


class CustomerRow(Versioned, Base):
    """A customer (委托单位) whose instruments the laboratory calibrates or verifies."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str | None] = mapped_column(String(32), unique=True)
    address: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))


# "Has this person signed anything?" decides whether a person may be deleted and is asked for
# every row of the people list: the signer columns are indexed so each answer is one index probe.
for _column in (EventRow.performer_id, EventRow.checker_id, EventRow.approver_id,
                IntermediateCheckRow.performer_id):  # fmt: skip
    Index(f"ix_{_column.class_.__tablename__}_{_column.key}", _column)
