"""The declarative base (with a constraint naming convention) and the audit/version mixins."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from labapp.persistence.types import UtcDateTime, utcnow

# Names every constraint deterministically, so Alembic batch mode on SQLite can find and drop
# them and both databases get the same names (all stay under PostgreSQL's 63-character limit).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}

SYSTEM_USER = "system"


class Base(DeclarativeBase):
    """Base of every LabApp row class (``*Row``)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Audited:
    """Marker: inserts, updates and deletes of these rows are written to ``audit_log``."""

    __audited__: ClassVar[bool] = True


class Versioned(Audited):
    """An editable row: optimistic version counter plus who/when created and last updated.

    ``version`` is SQLAlchemy's ``version_id_col``: every UPDATE checks and increments it, so
    saving over a row another user changed meanwhile fails (see the unit of work).
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default=SYSTEM_USER)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default=SYSTEM_USER)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
