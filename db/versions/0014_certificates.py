"""The laboratory's certificate counters: one row per laboratory and year.

``certificate_counters(laboratory_id, year, last_seq)``: approval of an in-house calibration or
verification takes the next ``last_seq`` of the approval's year in its own transaction and fills
the lab's numbering pattern with it (:mod:`labapp.persistence.models_certificates`).  Additive
only; a database upgraded from 0013 starts every year at 0 and approval skips a number the
events already hold.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "certificate_counters",
        sa.Column("laboratory_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "last_seq >= 0", name=op.f("ck_certificate_counters_last_seq_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["laboratory_id"],
            ["laboratories.id"],
            name=op.f("fk_certificate_counters_laboratory_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("laboratory_id", "year", name=op.f("pk_certificate_counters")),
    )


def downgrade() -> None:
    op.drop_table("certificate_counters")
