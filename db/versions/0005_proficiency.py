"""Proficiency testing: the PT plan per accreditation cycle, corrective actions, sigma_pt.

Sub-disciplines of the scope (``pt_subdisciplines``), accreditation cycles (``pt_cycles``), the
sub-discipline and quantity each comparison covered (``pt_comparison_scopes``), corrective actions
after an unsatisfactory score with the standards involved (``corrective_actions``,
``corrective_action_standards``); ``comparisons.sigma_pt`` (σ_pt stored in the comparison's unit)
and ``check_plans.ended_on`` (a plan with history is ended, not deleted).  Additive only.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0005"
down_revision: str | None = "0004"
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


def _plan_tables() -> None:
    op.create_table(
        "pt_subdisciplines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_versioned(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pt_subdisciplines")),
        sa.UniqueConstraint("name", name=op.f("uq_pt_subdisciplines_name")),
    )
    op.create_table(
        "pt_cycles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        *_versioned(),
        sa.CheckConstraint("years BETWEEN 1 AND 10", name=op.f("ck_pt_cycles_years")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pt_cycles")),
        sa.UniqueConstraint("starts_on", name=op.f("uq_pt_cycles_starts_on")),
    )
    op.create_table(
        "pt_comparison_scopes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comparison_id", sa.Integer(), nullable=False),
        sa.Column("subdiscipline_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.String(length=200), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["comparison_id"],
            ["comparisons.id"],
            name=op.f("fk_pt_comparison_scopes_comparison_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subdiscipline_id"],
            ["pt_subdisciplines.id"],
            name=op.f("fk_pt_comparison_scopes_subdiscipline_id"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pt_comparison_scopes")),
        sa.UniqueConstraint("comparison_id", name=op.f("uq_pt_comparison_scopes_comparison_id")),
    )
    with op.batch_alter_table("pt_comparison_scopes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pt_comparison_scopes_subdiscipline_id"), ["subdiscipline_id"]
        )


def _action_tables() -> None:
    op.create_table(
        "corrective_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("root_cause", sa.Text(), nullable=True),
        sa.Column("action_taken", sa.Text(), nullable=True),
        sa.Column("verification", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "closed",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["comparison_participants.id"],
            name=op.f("fk_corrective_actions_participant_id"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrective_actions")),
    )
    with op.batch_alter_table("corrective_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_corrective_actions_participant_id"), ["participant_id"]
        )
    op.create_table(
        "corrective_action_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["corrective_actions.id"],
            name=op.f("fk_corrective_action_standards_action_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
            name=op.f("fk_corrective_action_standards_instrument_id"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrective_action_standards")),
        sa.UniqueConstraint(
            "action_id",
            "instrument_id",
            name=op.f("uq_corrective_action_standards_action_id_instrument_id"),
        ),
    )
    with op.batch_alter_table("corrective_action_standards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrective_action_standards_action_id"), ["action_id"])
        batch_op.create_index(
            batch_op.f("ix_corrective_action_standards_instrument_id"), ["instrument_id"]
        )


def upgrade() -> None:
    _plan_tables()
    _action_tables()
    with op.batch_alter_table("comparisons", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sigma_pt", labapp.persistence.types.DecimalText(), nullable=True)
        )
    with op.batch_alter_table("check_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ended_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("check_plans", schema=None) as batch_op:
        batch_op.drop_column("ended_on")
    with op.batch_alter_table("comparisons", schema=None) as batch_op:
        batch_op.drop_column("sigma_pt")
    op.drop_table("corrective_action_standards")
    op.drop_table("corrective_actions")
    op.drop_table("pt_comparison_scopes")
    op.drop_table("pt_cycles")
    op.drop_table("pt_subdisciplines")
