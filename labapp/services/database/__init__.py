"""TODO."""

from __future__ import annotations

from labapp.services.database._backup import backup_database, restore_database
from labapp.services.database._open import (
    Database,
    mask_url,
    open_database,
    resolve_database_url,
    schema_status,
    server_url,
    upgrade_database,
    url_without_password,
)

__all__ = [
    "Database",
    "backup_database",
    "mask_url",
    "open_database",
    "resolve_database_url",
    "restore_database",
    "schema_status",
    "server_url",
    "upgrade_database",
    "url_without_password",
]
