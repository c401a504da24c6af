"""Races closed by the database: one open correction per event, certificate numbers per provider.

``uq_events_open_correction``: at most one draft or checked correction (``supersedes_id``) of an
event.  ``uq_events_lab_certificate_no``: a certificate number once per provider *including the
laboratory itself* (``provider_id`` NULL, which the old ``(provider_id, certificate_no)``
constraint let repeat).  Both are partial unique indexes (SQLite and PostgreSQL).

Existing data is checked first: if it already breaks either rule the upgrade is refused with the
offending events named (nothing is changed), so a person can resolve them and upgrade again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "supersedes_id IS NOT NULL AND status IN ('draft', 'checked')"
_NUMBERED = "certificate_no IS NOT NULL"

_DUPLICATE_CERTIFICATES = f"""
SELECT COALESCE(provider_id, 0), certificate_no, COUNT(*) FROM events
WHERE {_NUMBERED} GROUP BY COALESCE(provider_id, 0), certificate_no HAVING COUNT(*) > 1
ORDER BY 2
"""
_DUPLICATE_CORRECTIONS = f"""
SELECT supersedes_id, COUNT(*) FROM events WHERE {_OPEN}
GROUP BY supersedes_id HAVING COUNT(*) > 1 ORDER BY 1
"""


class DuplicateRecordsError(RuntimeError):
    """The data already breaks a rule this revision makes the database enforce."""


def _refuse_duplicates() -> None:
    conn = op.get_bind()
    certificates = conn.execute(sa.text(_DUPLICATE_CERTIFICATES)).fetchall()
    if certificates:
        shown = "; ".join(
            f"{number!r} x{count} ({'the lab' if not provider else f'provider {provider}'})"
            for provider, number, count in certificates[:5]
        )
        raise DuplicateRecordsError(
            f"{len(certificates)} certificate number(s) are recorded more than once for the "
            f"same provider: {shown}. Give each event its own number, then upgrade again"
        )
    corrections = conn.execute(sa.text(_DUPLICATE_CORRECTIONS)).fetchall()
    if corrections:
        shown = ", ".join(f"event {event} x{count}" for event, count in corrections[:5])
        raise DuplicateRecordsError(
            f"{len(corrections)} event(s) have more than one open correction: {shown}. "
            "Keep one draft correction per event, then upgrade again"
        )


def upgrade() -> None:
    _refuse_duplicates()
    op.create_index(
        "uq_events_open_correction",
        "events",
        ["supersedes_id"],
        unique=True,
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )
    op.create_index(
        "uq_events_lab_certificate_no",
        "events",
        [sa.text("COALESCE(provider_id, 0)"), "certificate_no"],
        unique=True,
        sqlite_where=sa.text(_NUMBERED),
        postgresql_where=sa.text(_NUMBERED),
    )


def downgrade() -> None:
    op.drop_index("uq_events_lab_certificate_no", table_name="events")
    op.drop_index("uq_events_open_correction", table_name="events")
