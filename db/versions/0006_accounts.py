"""Accounts, signing keys, electronic signatures, the audit hash chain, lab settings.

``accounts`` (argon2id password hash, lockout, encrypted Ed25519 key), ``person_keys`` (every
public key a person had), ``signatures`` (核验 / 批准 over an event's canonical form),
``audit_head`` (the chain's head); the chain columns on ``audit_log`` (existing entries are
numbered by id and stay unchained: ``audit verify`` reports them as written before sealing);
the lab's settings on ``laboratories``; the decision rule kept with each event (existing events
were decided under simple acceptance, the only rule before this revision applied by default).
The integrity triggers are not here: :mod:`labapp.persistence.integrity_ddl` (re)creates them after
every upgrade, because SQLite drops a table's triggers when batch mode rebuilds it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamp() -> labapp.persistence.types.UtcDateTime:
    return labapp.persistence.types.UtcDateTime(timezone=True)


def _versioned() -> list[sa.Column[object]]:
    """The columns of the ``Versioned`` mixin (version counter, created/updated by/at)."""
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", _stamp(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", _stamp(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
    ]


def _tables() -> None:
    op.create_table(
        "person_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", _stamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_person_keys_person_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_keys")),
        sa.UniqueConstraint("public_key", name=op.f("uq_person_keys_public_key")),
    )
    with op.batch_alter_table("person_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_keys_person_id"), ["person_id"], unique=False)
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("password_changed_at", _stamp(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", _stamp(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("private_key", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["key_id"], ["person_keys.id"], name=op.f("fk_accounts_key_id")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_accounts_person_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("person_id", name=op.f("uq_accounts_person_id")),
    )
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("meaning", sa.String(length=16), nullable=False),
        sa.Column("signed_at", _stamp(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("meaning IN ('check', 'approve')", name=op.f("ck_signatures_meaning")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_signatures_event_id")),
        sa.ForeignKeyConstraint(["key_id"], ["person_keys.id"], name=op.f("fk_signatures_key_id")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_signatures_person_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
    )
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signatures_event_id"), ["event_id"], unique=False)
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_head_single")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )


def _columns() -> None:
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accreditation_body", sa.String(length=100), nullable=True))
        batch_op.add_column(
            sa.Column(
                "certificate_pattern",
                sa.String(length=100),
                nullable=False,
                server_default="{yyyy}-{seq:04}",
            )
        )
        batch_op.add_column(
            sa.Column(
                "decision_rule", sa.String(length=16), nullable=False, server_default="simple"
            )
        )
        batch_op.add_column(
            sa.Column("guard_band_factor", labapp.persistence.types.DecimalText(), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "checker_may_approve", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column("idle_lock_minutes", sa.Integer(), nullable=False, server_default="15")
        )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "decision_rule", sa.String(length=16), nullable=False, server_default="simple"
            )
        )
        batch_op.add_column(
            sa.Column("guard_band_factor", labapp.persistence.types.DecimalText(), nullable=True)
        )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("seal", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("key_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("db_user", sa.String(length=64), nullable=True))
    op.execute("UPDATE audit_log SET seq = id")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_log_seq"), ["seq"])


def _marks() -> None:
    """Where sealing starts: entries and events before it were written without seals."""
    op.execute(
        "INSERT INTO audit_head (id, seq, hash) SELECT 1, COALESCE(MAX(seq), 0), '' FROM audit_log"
    )
    op.execute(
        "INSERT INTO labapp_meta (key, value) SELECT 'sealing_since_event', "
        "CAST(COALESCE(MAX(id), 0) AS VARCHAR(20)) FROM events"
    )
    op.execute(
        "INSERT INTO labapp_meta (key, value) SELECT 'sealing_since_seq', "
        "CAST(COALESCE(MAX(seq), 0) AS VARCHAR(20)) FROM audit_log"
    )


def upgrade() -> None:
    _tables()
    _columns()
    _marks()


def downgrade() -> None:
    op.execute("DELETE FROM labapp_meta WHERE key IN ('sealing_since_event', 'sealing_since_seq')")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_log_seq"), type_="unique")
        for name in ("db_user", "key_id", "seal", "entry_hash", "prev_hash", "seq"):
            batch_op.drop_column(name)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("guard_band_factor")
        batch_op.drop_column("decision_rule")
    with op.batch_alter_table("laboratories", schema=None) as batch_op:
        for name in (
            "idle_lock_minutes",
            "checker_may_approve",
            "guard_band_factor",
            "decision_rule",
            "certificate_pattern",
            "accreditation_body",
        ):
            batch_op.drop_column(name)
    op.drop_table("audit_head")
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatures_event_id"))
    op.drop_table("signatures")
    op.drop_table("accounts")
    with op.batch_alter_table("person_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_keys_person_id"))
    op.drop_table("person_keys")
