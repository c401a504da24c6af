"""Rows of proficiency testing: the PT plan and corrective actions (migration 0005)."""

from __future__ import annotations

__all__: list[str] = []
