"""Index events by (instrument, status, date): the latest approved event of an instrument.

The register's "last result" column, the traceability queries (a standard's certificate on a date)
and approval all ask for it; on the 100 000-instrument lab the register's first screen spent most of
its time there.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_events_instrument_status_performed",
        "events",
        ["instrument_id", "status", "performed_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_events_instrument_status_performed", table_name="events")
