"""Which database to open and how: the desktop policy for opening, creating and migrating a SQLite
file or a PostgreSQL server, the schema's state, and whole-database backup and restore.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): ``db current`` needs no SQLAlchemy
    from labapp.services.database._backup import backup_database, restore_database
    from labapp.services.database._open import (
        Database,
        mask_url,
        open_database,
        server_url,
        upgrade_database,
        url_without_password,
    )
    from labapp.services.database._status import resolve_database_url, schema_status

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

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(("backup_database", "restore_database"), "_backup"),
        **dict.fromkeys(("resolve_database_url", "schema_status"), "_status"),
        **dict.fromkeys(
            (
                "Database",
                "mask_url",
                "open_database",
                "server_url",
                "upgrade_database",
                "url_without_password",
            ),
            "_open",
        ),
    },
)
