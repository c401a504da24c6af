"""Quantities by name: what a user types (key, English or Chinese label) → the stored key."""

from __future__ import annotations

from sqlalchemy import select

from labapp.io.excel import quantity_key
from labapp.persistence.models import InstrumentRow
from labapp.services.database import Database

__all__ = ["known_quantities", "resolve_quantity"]


def known_quantities(db: Database) -> list[str]:
    """The quantities the register holds (distinct stored keys, sorted)."""
    stmt = select(InstrumentRow.quantity).where(InstrumentRow.quantity.is_not(None)).distinct()
    with db.engine.connect() as conn:
        return sorted(str(q) for q in conn.execute(stmt).scalars() if q)


def resolve_quantity(db: Database, text: str) -> str | None:
    """The stored quantity ``text`` names ("温度", "Temperature" or "temperature"), or None.

    Parameters
    ----------
    db : Database
        The open database (its own free-text quantities match as well).
    text : str
        What the user typed, matched case-, width- and space-insensitively.
    """
    known = known_quantities(db)
    return quantity_key(text, known)
