"""Proficiency testing: the PT plan per accreditation cycle, corrective actions, sigma_pt.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Filled in by the issue's work."""


def downgrade() -> None:
    """Filled in by the issue's work."""
