"""The lab's capability threshold: the least tolerance-to-U ratio a point may have unwarned.

``laboratories.capability_threshold`` (NULL: 3, JJF 1094's U95 ≤ MPEV/3).  Additive only.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("capability_threshold", labapp.persistence.types.DecimalText(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.drop_column("capability_threshold")
