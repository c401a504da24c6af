"""Frozen values of this feature: what the UI and the CLI read and send."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DatabaseInfo:
    """What the status bar and the About box say about the open database."""

    url: str  # masked: never contains a password
    display_name: str
    dialect: str  # "sqlite" or "postgresql"
    revision: str | None
    path: Path | None = None
