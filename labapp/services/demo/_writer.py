"""How the demo seeder writes: SQLAlchemy Core bulk inserts in chunks, with running row counts.

Core inserts bypass the ORM flush (so the per-row audit listener does not fire; the seeding writes
one audit entry of its own) and take precomputed ids.  Every seeded row carries the same
:func:`stamp`: version 1, created and updated by :data:`DEMO_USER` at the plan's clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert

from labapp.services.demo._plan import Plan

__all__ = ["DEMO_USER", "Writer", "stamp", "table_of"]

DEMO_USER = "admin"  # the demo administrator seeds the lab (and seals its audit entry)


def table_of(row_class: type[Any]) -> Table:
    """The Core table of a row class (for bulk inserts that bypass the ORM flush)."""
    return cast(Table, row_class.__table__)


def stamp(plan: Plan) -> dict[str, Any]:
    """The audit columns of a seeded row: version 1, by the demo administrator, now."""
    return {
        "version": 1,
        "created_at": plan.now,
        "created_by": DEMO_USER,
        "updated_at": plan.now,
        "updated_by": DEMO_USER,
    }


def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], size: int) -> int:
    for first in range(0, len(rows), size):
        conn.execute(insert(table), list(rows[first : first + size]))
    return len(rows)


class Writer:
    """Bulk inserts with running row counts per table."""

    def __init__(self, conn: Connection, chunk_rows: int) -> None:
        self.conn = conn
        self.size = chunk_rows
        self.counts: Counter[str] = Counter()

    def put(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` into ``table`` in chunks of :attr:`size` and count them."""
        if rows:
            self.counts[table.name] += _insert(self.conn, table, rows, self.size)
