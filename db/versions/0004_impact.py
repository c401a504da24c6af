"""Failed-standard impact investigations (what a standard found out of tolerance put at risk).

``impact_investigations`` (standard, trigger event or check, window, as-found error used, decision
rule, open/closed with conclusion), ``impact_items`` (one per result reached, its assessment and the
action decided with its reason) and ``impact_points`` (each re-evaluated point, as found when the
investigation was opened).  Additive only.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 12:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ASSESSMENTS = ("affected", "possibly_affected", "not_affected", "not_assessable")
DECISIONS = ("pass", "fail", "conditional_pass", "conditional_fail", "none")


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


def _enum(name: str, values: Sequence[str]) -> sa.Enum:
    """A ``str_enum`` column type: VARCHAR(32) with a CHECK constraint named ``name``."""
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _decimal(name: str) -> sa.Column[object]:
    return sa.Column(name, labapp.persistence.types.DecimalText(), nullable=True)


def _unit(name: str, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.String(length=32), nullable=nullable)


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.Constraint:
    name = op.f(f"fk_{table}_{column}")
    return sa.ForeignKeyConstraint([column], [target], name=name, ondelete=ondelete)


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column])


def _investigations() -> None:
    table, stamp = "impact_investigations", labapp.persistence.types.UtcDateTime(timezone=True)
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Integer(), nullable=False),
        sa.Column("trigger_event_id", sa.Integer(), nullable=True),
        sa.Column("trigger_check_id", sa.Integer(), nullable=True),
        sa.Column("good_event_id", sa.Integer(), nullable=True),
        sa.Column("status", _enum("status", ("open", "closed")), nullable=False),
        sa.Column("window_start", sa.Date(), nullable=True),
        sa.Column("window_end", sa.Date(), nullable=False),
        sa.Column("error_value", labapp.persistence.types.DecimalText(), nullable=False),
        _unit("error_unit", nullable=False),
        _unit("error_reference_unit", nullable=False),
        sa.Column("error_source", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(length=16), nullable=False),
        sa.Column("guard_band_factor", labapp.persistence.types.DecimalText(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_at", stamp, nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_at", stamp, nullable=True),
        sa.Column("conclusion", sa.Text(), nullable=True),
        *_versioned(),
        sa.CheckConstraint(
            "trigger_event_id IS NOT NULL OR trigger_check_id IS NOT NULL",
            name=op.f("ck_impact_investigations_trigger"),
        ),
        _fk(table, "good_event_id", "events.id"),
        _fk(table, "standard_id", "instruments.id"),
        _fk(table, "trigger_check_id", "intermediate_checks.id"),
        _fk(table, "trigger_event_id", "events.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_investigations")),
    )
    _indexes(table, "standard_id", "status", "trigger_check_id", "trigger_event_id")


def _items() -> None:
    table = "impact_items"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("investigation_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("performed_on", sa.Date(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("via_instrument_id", sa.Integer(), nullable=False),
        sa.Column("assessment", _enum("assessment", ASSESSMENTS), nullable=False),
        sa.Column("upstream_event_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column(
            "action",
            _enum("action", ("recall", "recalibrate", "notify_customer", "no_action")),
            nullable=True,
        ),
        sa.Column("action_reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", labapp.persistence.types.UtcDateTime(timezone=True), nullable=True),
        *_versioned(),
        _fk(table, "event_id", "events.id"),
        _fk(table, "instrument_id", "instruments.id"),
        _fk(table, "investigation_id", "impact_investigations.id", ondelete="CASCADE"),
        _fk(table, "upstream_event_id", "events.id"),
        _fk(table, "via_instrument_id", "instruments.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_items")),
        sa.UniqueConstraint(
            "investigation_id", "event_id", name=op.f("uq_impact_items_investigation_id_event_id")
        ),
    )
    _indexes(table, "event_id", "instrument_id", "investigation_id")


def _points() -> None:
    table = "impact_points"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("point_id", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        *(
            column
            for name in ("nominal", "reference", "indication", "mpe")
            for column in (_decimal(f"{name}_value"), _unit(f"{name}_unit"))
        ),
        *(_decimal(name) for name in ("error", "u_before", "u_after", "shift")),
        _unit("unit", nullable=False),
        sa.Column("decision_before", _enum("decision_before", DECISIONS), nullable=False),
        sa.Column("decision_after", _enum("decision_after", DECISIONS), nullable=False),
        sa.Column("assessment", _enum("assessment", ASSESSMENTS), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        *_versioned(),
        _fk(table, "item_id", "impact_items.id", ondelete="CASCADE"),
        _fk(table, "point_id", "measurement_points.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_points")),
        sa.UniqueConstraint("item_id", "seq", name=op.f("uq_impact_points_item_id_seq")),
    )
    _indexes(table, "item_id")


def upgrade() -> None:
    _investigations()
    _items()
    _points()


def downgrade() -> None:
    op.drop_table("impact_points")
    op.drop_table("impact_items")
    op.drop_table("impact_investigations")
