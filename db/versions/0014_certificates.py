"""The laboratory's certificate counters: one row per laboratory and year.

``certificate_counters(laboratory_id, year, last_seq)``: approval of an in-house calibration or
verification takes the next ``last_seq`` of the approval's year in its own transaction and fills
the lab's numbering pattern with it (:mod:`labapp.persistence.models_certificates`).  Additive
only; a database upgraded from 0013 starts every year at 0 and approval skips a number the
events already hold.

``laboratories.logo`` / ``logo_media_type``: the optional lab logo the certificates print, PNG or
JPEG of at most 1 MiB (checked by the database as well as by the settings service); NULL: no logo.

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
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("logo_media_type", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_laboratories_logo"),
            "(logo IS NULL AND logo_media_type IS NULL) OR (logo IS NOT NULL AND length(logo) <= "
            "1048576 AND coalesce(logo_media_type, '') IN ('image/png', 'image/jpeg'))",
        )


def downgrade() -> None:
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_laboratories_logo"), type_="check")
        batch_op.drop_column("logo_media_type")
        batch_op.drop_column("logo")
    op.drop_table("certificate_counters")
