"""Master data: departments, customers, procedures in force or withdrawn.

``departments`` (name unique, code) with ``persons.department_id`` and ``locations.department_id``
(the old ``locations.department`` text stays, kept in step for its readers; each distinct text
becomes a department and its locations point at it); ``customers`` (委托单位) with the optional
owner ``instruments.customer_id``; ``procedures.in_force`` (every existing procedure is in force)
and ``procedures.withdrawn_on``, checked to agree; indexes on the signer columns of ``events``
and ``intermediate_checks``.  Additive only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MIGRATION_USER = "migration-0007"


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


def _tables() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        *_versioned(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("name", name=op.f("uq_departments_name")),
        sa.UniqueConstraint("code", name=op.f("uq_departments_code")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("contact", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=64), nullable=True),
        *_versioned(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("name", name=op.f("uq_customers_name")),
        sa.UniqueConstraint("code", name=op.f("uq_customers_code")),
    )


def _reference(table: str, column: str, target: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column])
        batch_op.create_foreign_key(batch_op.f(f"fk_{table}_{column}"), target, [column], ["id"])


def _departments_from_locations() -> None:
    """Each distinct ``locations.department`` text becomes a department row."""
    conn = op.get_bind()
    texts = conn.execute(
        sa.text("SELECT DISTINCT department FROM locations WHERE department IS NOT NULL")
    ).scalars()
    names = sorted({t.strip() for t in texts if t and t.strip()})
    now = datetime.now(UTC)
    departments = sa.table(
        "departments",
        sa.column("name", sa.String),
        sa.column("version", sa.Integer),
        sa.column("created_at", labapp.persistence.types.UtcDateTime(timezone=True)),
        sa.column("created_by", sa.String),
        sa.column("updated_at", labapp.persistence.types.UtcDateTime(timezone=True)),
        sa.column("updated_by", sa.String),
    )
    for name in names:
        conn.execute(
            departments.insert().values(
                name=name,
                version=1,
                created_at=now,
                created_by=MIGRATION_USER,
                updated_at=now,
                updated_by=MIGRATION_USER,
            )
        )
    conn.execute(
        sa.text(
            "UPDATE locations SET department_id = (SELECT d.id FROM departments d "
            "WHERE d.name = TRIM(locations.department)) WHERE department IS NOT NULL"
        )
    )


def _procedure_status() -> None:
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("in_force", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
    op.execute(sa.text("UPDATE procedures SET in_force = :yes").bindparams(yes=True))
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.alter_column("in_force", existing_type=sa.Boolean(), nullable=False)
        batch_op.create_check_constraint(
            "withdrawn_on",
            "(in_force AND withdrawn_on IS NULL) OR (NOT in_force AND withdrawn_on IS NOT NULL)",
        )


#: the signer columns "has this person signed?" probes (one index each)
SIGNER_INDEXES = (
    ("events", "performer_id"),
    ("events", "checker_id"),
    ("events", "approver_id"),
    ("intermediate_checks", "performer_id"),
)


def upgrade() -> None:
    _tables()
    for table, column in SIGNER_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])
    _reference("persons", "department_id", "departments")
    _reference("locations", "department_id", "departments")
    _reference("instruments", "customer_id", "customers")
    _departments_from_locations()
    _procedure_status()


def downgrade() -> None:
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_procedures_withdrawn_on"), type_="check")
        batch_op.drop_column("withdrawn_on")
        batch_op.drop_column("in_force")
    for table, column in (
        ("instruments", "customer_id"),
        ("locations", "department_id"),
        ("persons", "department_id"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"fk_{table}_{column}"), type_="foreignkey")
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
            batch_op.drop_column(column)
    for table, column in SIGNER_INDEXES:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    op.drop_table("customers")
    op.drop_table("departments")
