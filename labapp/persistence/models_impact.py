"""Rows of failed-standard impact investigations (migration 0004)."""

from __future__ import annotations

__all__: list[str] = []
