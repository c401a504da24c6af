"""Re-verification plans (周检计划): ``plans`` and their ``plan_items``.

A plan is generated for a year from what falls due, edited (month, provider, cost, note) while it is
a draft, and followed up against the events done (``done_event_id``).  Additive only.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _versioned() -> list[sa.Column[object]]:
    """The columns of the ``Versioned`` mixin (version counter, created/updated by/at)."""
    stamp = labapp.persistence.types.UtcDateTime(timezone=True)
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("laboratory_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("filter_text", sa.Text(), nullable=True),
        *_versioned(),
        sa.CheckConstraint("status IN ('draft', 'approved')", name=op.f("ck_plans_status")),
        sa.ForeignKeyConstraint(
            ["laboratory_id"], ["laboratories.id"], name=op.f("fk_plans_laboratory_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_laboratory_id"), ["laboratory_id"])
        batch_op.create_index(batch_op.f("ix_plans_year"), ["year"])

    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("procedure_id", sa.Integer(), nullable=True),
        sa.Column("estimated_cost", labapp.persistence.types.DecimalText(), nullable=True),
        sa.Column("planned_month", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("done_event_id", sa.Integer(), nullable=True),
        *_versioned(),
        sa.CheckConstraint(
            "planned_month BETWEEN 1 AND 12", name=op.f("ck_plan_items_planned_month")
        ),
        sa.ForeignKeyConstraint(
            ["done_event_id"], ["events.id"], name=op.f("fk_plan_items_done_event_id")
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"], ["instruments.id"], name=op.f("fk_plan_items_instrument_id")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_items_plan_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name=op.f("fk_plan_items_procedure_id")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_plan_items_provider_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint(
            "plan_id", "instrument_id", name=op.f("uq_plan_items_plan_id_instrument_id")
        ),
    )
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_items_instrument_id"), ["instrument_id"])
        batch_op.create_index(batch_op.f("ix_plan_items_plan_id"), ["plan_id"])


def downgrade() -> None:
    op.drop_table("plan_items")
    op.drop_table("plans")
