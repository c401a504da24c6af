"""An instrument found by the asset tag a person typed (the drift window, the reverse trace, the
Calibrations page's "Record event…")."""

from __future__ import annotations

from labapp.domain.errors import NotFoundError
from labapp.services.database import Database
from labapp.services.register._dto import InstrumentSummary
from labapp.services.register._instruments import list_instruments

__all__ = ["find_instrument"]


def find_instrument(db: Database, asset_tag: str) -> InstrumentSummary:
    """The instrument with exactly this asset tag (case-insensitive), else the first one the
    register's search finds for it.

    Raises
    ------
    NotFoundError
        The search finds nothing.
    """
    wanted = asset_tag.strip()
    rows = list_instruments(db, search=wanted, limit=50)
    exact = [r for r in rows if r.asset_tag.lower() == wanted.lower()]
    if not exact and not rows:
        raise NotFoundError("instruments", asset_tag)
    return (exact or rows)[0]
