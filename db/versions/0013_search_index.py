"""The register search's trigram index: SQLite FTS5 and PostgreSQL pg_trgm.

SQLite: the FTS5 table ``instrument_search`` (trigram tokenizer) over the six searched instrument
columns, filled from the instruments already there and kept in step by triggers.  PostgreSQL: the
``pg_trgm`` extension and GIN trigram indexes on those columns and on the location and person
names (without the extension the upgrade warns and the search scans, as before).  The DDL lives
in :mod:`labapp.persistence.search_index`, which also rebuilds the triggers after every upgrade.
The marker ``labapp_meta['search_index']`` records that this schema has the index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from labapp.persistence import search_index

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text("INSERT INTO labapp_meta (key, value) VALUES (:k, 'trigram')"),
        {"k": search_index.MARKER_KEY},
    )
    search_index.install(conn)


def downgrade() -> None:
    conn = op.get_bind()
    search_index.remove(conn)
    conn.execute(sa.text("DELETE FROM labapp_meta WHERE key = :k"), {"k": search_index.MARKER_KEY})
