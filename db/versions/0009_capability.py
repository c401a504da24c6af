"""Capability ratio of each measurement point; the nominal(s) an impact shift came from.

``measurement_points.capability``: tolerance half-width / U of the point as saved (JJF 1094:
U95 ≤ MPEV/3), a decimal string, NULL when it cannot be formed (no U, one-sided tolerance).
``impact_points.error_from``: the failed standard's nominal(s) whose as-found error was
transferred to the point ("10 mm … 50 mm"), or its calibrated range when the point lies outside.
Additive only.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("measurement_points", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("capability", labapp.persistence.types.DecimalText(), nullable=True)
        )
    with op.batch_alter_table("impact_points", schema=None) as batch_op:
        batch_op.add_column(sa.Column("error_from", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("impact_points", schema=None) as batch_op:
        batch_op.drop_column("error_from")
    with op.batch_alter_table("measurement_points", schema=None) as batch_op:
        batch_op.drop_column("capability")
