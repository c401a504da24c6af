"""Repositories: the unit of work's typed access to rows (Cosmic Python style).

Deliberately thin: ``get``/``add``/``lock``, plus the lookups services need.  Queries that feed
tables (filter, sort, page) live in the services as SQL, not as Python loops over rows.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.persistence.base import Base
from labapp.persistence.models import (
    EventRow,
    InstrumentRow,
    LaboratoryRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)

__all__ = [
    "EventRepository",
    "InstrumentRepository",
    "PersonRepository",
    "Repository",
]

RowT = TypeVar("RowT", bound=Base)


class Repository(Generic[RowT]):
    """Rows of one class, in one session."""

    row_class: type[RowT]

    def __init__(self, session: Session, row_class: type[RowT] | None = None) -> None:
        self.session = session
        if row_class is not None:
            self.row_class = row_class

    def get(self, key: object) -> RowT | None:
        """The row with primary key ``key``, or ``None``."""
        return self.session.get(self.row_class, key)

    def add(self, row: RowT) -> RowT:
        """Add a new row to the unit of work (inserted at the next flush)."""
        self.session.add(row)
        return row


class InstrumentRepository(Repository[InstrumentRow]):
    """Instruments and standards."""

    row_class = InstrumentRow

    def by_asset_tag(self, asset_tag: str) -> InstrumentRow | None:
        """The instrument with this asset tag, or ``None``."""
        stmt = select(InstrumentRow).where(InstrumentRow.asset_tag == asset_tag)
        return self.session.scalars(stmt).one_or_none()


class EventRepository(Repository[EventRow]):
    """Verification, calibration and check events."""

    row_class = EventRow

    def for_instrument(self, instrument_id: int) -> list[EventRow]:
        """The instrument's events, newest first."""
        stmt = (
            select(EventRow)
            .where(EventRow.instrument_id == instrument_id)
            .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        )
        return list(self.session.scalars(stmt))


class PersonRepository(Repository[PersonRow]):
    """Persons."""

    row_class = PersonRow

    def by_login(self, login: str) -> PersonRow | None:
        """The person with this login, or ``None``."""
        return self.session.scalars(select(PersonRow).where(PersonRow.login == login)).one_or_none()


def standard_repositories(session: Session) -> dict[str, Repository[Any]]:
    """The repositories a unit of work exposes, by attribute name."""
    return {
        "instruments": InstrumentRepository(session),
        "events": EventRepository(session),
        "persons": PersonRepository(session),
        "laboratories": Repository(session, LaboratoryRow),
        "locations": Repository(session, LocationRow),
        "providers": Repository(session, ProviderRow),
        "procedures": Repository(session, ProcedureRow),
    }
