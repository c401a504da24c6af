"""Plans by due occurrence, plan revisions, and the lab's 受检率 settings.

``plan_items`` is unique on (plan, instrument, due date) instead of (plan, instrument): a year's
plan lists an item once per due date (twice for a 6-month interval).  ``plans.revision`` numbers
the revisions of a year's plan (1 when generated).  ``laboratories`` gets the on-time rate's
target in % and its definition (NULL: LabApp's defaults, 96 % and its own wording) and the
minimum number of baseline points of a control chart.  Existing rows keep their meaning.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = "uq_plan_items_plan_id_instrument_id"
_NEW = "uq_plan_items_plan_id_instrument_id_due_on"


def upgrade() -> None:
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.drop_constraint(_OLD, type_="unique")
        batch_op.create_unique_constraint(_NEW, ["plan_id", "instrument_id", "due_on"])
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "on_time_target_percent", labapp.persistence.types.DecimalText(), nullable=True
            )
        )
        batch_op.add_column(sa.Column("on_time_definition", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("control_min_baseline", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.drop_column("control_min_baseline")
        batch_op.drop_column("on_time_definition")
        batch_op.drop_column("on_time_target_percent")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("revision")
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.drop_constraint(_NEW, type_="unique")
        batch_op.create_unique_constraint(_OLD, ["plan_id", "instrument_id"])
