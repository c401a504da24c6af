"""What a lab's own ledger (仪器设备台账) states about an item that the register could not hold.

On ``instruments``, all nullable except ``reverification`` (every existing item is ``periodic``):

* ``department_id`` → ``departments``: the department of use (使用部门);
* ``calibration_method``: 检定方式, ``in_house`` (内检) or ``external`` (外检);
* ``reverification``: ``periodic``, or why the item is never due by the calendar (``one_time``
  一次性, ``on_failure`` 随坏随换, ``exempt`` 免检, ``before_use`` 使用前校准);
* ``last_event_kind``, ``last_result``, ``last_certificate_no``, ``last_valid_until``: the last
  verification or calibration as the ledger records it (有效期至 is the certificate's own date);
* ``accuracy_coverage_factor``: the k of an accuracy stated as U (never assumed);
* ``accuracy_text``, ``range_text``: the accuracy or range as written when the typed columns
  cannot hold it;
* ``purchase_value`` (原值, yuan) and ``purchased_on`` (购置日期).

Additive only; the enum columns get the same CHECK constraints as the models declare.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labapp.persistence.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The values as of this revision (a migration never imports today's enums: they may grow).
_ENUMS: dict[str, tuple[str, ...]] = {
    "calibration_method": ("in_house", "external"),
    "reverification": ("periodic", "one_time", "on_failure", "exempt", "before_use"),
    "last_event_kind": ("verification", "calibration", "intermediate_check"),
    "last_result": ("pass", "fail", "conditional", "limited", "no_decision"),
}
_PLAIN: tuple[tuple[str, sa.types.TypeEngine[object]], ...] = (
    ("last_certificate_no", sa.String(length=64)),
    ("last_valid_until", sa.Date()),
    ("accuracy_coverage_factor", labapp.persistence.types.DecimalText()),
    ("accuracy_text", sa.Text()),
    ("range_text", sa.Text()),
    ("purchase_value", labapp.persistence.types.DecimalText()),
    ("purchased_on", sa.Date()),
)


def _check(column: str) -> str:
    values = ", ".join(f"'{value}'" for value in _ENUMS[column])
    return f"{column} IN ({values})"


def upgrade() -> None:
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        for column in ("calibration_method", "last_event_kind", "last_result"):
            batch_op.add_column(sa.Column(column, sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column(
                "reverification", sa.String(length=32), nullable=False, server_default="periodic"
            )
        )
        for name, type_ in _PLAIN:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
        batch_op.create_index(batch_op.f("ix_instruments_department_id"), ["department_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_instruments_department_id"), "departments", ["department_id"], ["id"]
        )
        for column in _ENUMS:
            batch_op.create_check_constraint(column, _check(column))


def downgrade() -> None:
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        for column in _ENUMS:
            batch_op.drop_constraint(batch_op.f(f"ck_instruments_{column}"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_instruments_department_id"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_instruments_department_id"))
        for name, _ in reversed(_PLAIN):
            batch_op.drop_column(name)
        for column in ("reverification", "last_result", "last_event_kind", "calibration_method"):
            batch_op.drop_column(column)
        batch_op.drop_column("department_id")
