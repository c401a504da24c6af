"""Where LabApp keeps its files: one module for the GUI and the CLI alike (platformdirs).

Qt's ``QStandardPaths`` and platformdirs disagree on Linux, so nothing else in LabApp may compute a
per-user directory.  ``LABAPP_HOME`` overrides the base (tests, portable installs).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP_NAME = "LabApp"
APP_AUTHOR = "LabApp"


def _user_dir(sub: str, platform_dir: Callable[[str, str], str]) -> Path:
    home = os.environ.get("LABAPP_HOME")
    path = Path(home) / sub if home else Path(platform_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Return the per-user data directory (databases, backups, attachments), created if missing."""
    return _user_dir("data", platformdirs.user_data_dir)


def config_dir() -> Path:
    """Return the per-user configuration directory (the settings file), created if missing."""
    return _user_dir("config", platformdirs.user_config_dir)


def cache_dir() -> Path:
    """Return the per-user cache directory (compiled translations), created if missing."""
    return _user_dir("cache", platformdirs.user_cache_dir)


def default_database_path() -> Path:
    """The user's own SQLite database."""
    return data_dir() / "labapp.sqlite3"


def demo_database_path() -> Path:
    """The demo database: its own file, never the user's real one."""
    return data_dir() / "labapp-demo.sqlite3"


def settings_path() -> Path:
    """The INI file QSettings reads and writes."""
    return config_dir() / "labapp.ini"


def _package_root() -> Path:
    return Path(__file__).resolve().parent


def migrations_dir() -> Path:
    """The Alembic script directory: inside the wheel, or ``db/`` in a source checkout."""
    installed = _package_root() / "_migrations"
    return installed if installed.is_dir() else _package_root().parent / "db"


def resources_dir() -> Path:
    """The resources directory: inside the wheel, or ``resources/`` in a source checkout."""
    installed = _package_root() / "_resources"
    return installed if installed.is_dir() else _package_root().parent / "resources"
