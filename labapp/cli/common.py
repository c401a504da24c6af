"""What ``labapp-cli``'s entry point and its commands share: exit statuses, which database a
command works on, opening it, the date argument type, tab-separated lists, and the CLI's own
error.

``main`` builds the parser from the ``*_cmd`` modules and the commands import this module, never
``main`` (which would make a cycle: main imports every command).
"""

from __future__ import annotations

import argparse
import configparser
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TextIO

from labapp import paths
from labapp.cli.messages import Messages
from labapp.domain.errors import LabAppError, SchemaBehindError

__all__ = [
    "EXIT_BEHIND",
    "EXIT_ERROR",
    "EXIT_NEWER",
    "EXIT_OK",
    "CliError",
    "database_url",
    "date_type",
    "iso_date",
    "masked",
    "open_existing",
    "open_for_cli",
    "open_or_create",
    "print_table",
    "settings_database",
    "with_db",
]

EXIT_OK, EXIT_BEHIND, EXIT_ERROR = 0, 1, 2
#: ``db current``: the database was created by a newer LabApp (update LabApp, never downgrade).
EXIT_NEWER = 3


class CliError(LabAppError):
    """An error of the command line itself, worded from the message table by ``key``."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


# --- which database -----------------------------------------------------------------------------


def settings_database() -> str | None:
    """The GUI's Preferences choice (``database/default`` in the INI file), read without Qt."""
    ini = configparser.ConfigParser(interpolation=None)
    try:
        ini.read(paths.settings_path(), encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    value = ini.get("database", "default", fallback="").strip().strip('"')
    return value or None


def database_url(args: argparse.Namespace, *, demo: bool = False) -> str:
    """The URL a command works on: ``--database``, ``LABAPP_DATABASE_URL``, Preferences, then
    the per-user file (``demo``: the demo file when ``--database`` is not given)."""
    from labapp.services.database import resolve_database_url

    if demo and not args.database:
        return resolve_database_url(demo=True)
    return resolve_database_url(args.database, settings_value=settings_database())


def masked(url: str) -> str:
    """``url`` with any password hidden, for messages."""
    from labapp.services.database import mask_url

    return mask_url(url)


# --- opening it ---------------------------------------------------------------------------------


def open_or_create(url: str) -> Any:
    """Open ``url``, creating the schema in a new file or an empty server database."""
    from labapp.services.database import open_database, upgrade_database

    try:
        return open_database(url)
    except SchemaBehindError as exc:
        if exc.current is not None:
            raise
    upgrade_database(url)  # an empty server database: create the schema (an admin's command)
    return open_database(url)


def open_for_cli(args: argparse.Namespace) -> Any:
    """The database a command works on (created, like ``init``, when it is new)."""
    return open_or_create(database_url(args))


def open_existing(args: argparse.Namespace) -> Any:
    """The database a command works on, which must exist already (never created)."""
    from labapp.services.database import open_database

    return open_database(database_url(args), create=False)


def with_db(args: argparse.Namespace, action: Callable[[Any], int]) -> int:
    """Open the database of ``args`` (a new SQLite file is created), run ``action(db)``, close
    it."""
    from labapp.services.database import open_database

    db = open_database(database_url(args))
    try:
        return action(db)
    finally:
        db.dispose()


# --- arguments and output -----------------------------------------------------------------------


def iso_date(text: str, tr: Messages) -> date | None:
    """``YYYY-MM-DD`` as a date, ``None`` for an empty text; otherwise an argparse error."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(tr("error.bad_date", value=text)) from exc


def date_type(tr: Messages) -> Callable[[str], date]:
    """The argparse type of a date option (``YYYY-MM-DD``; refused in the user's language)."""

    def parse(text: str) -> date:
        value = iso_date(text, tr)
        if value is None:
            raise argparse.ArgumentTypeError(tr("error.bad_date", value=text))
        return value

    return parse


def print_table(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Tab-separated lines under a header (scripts split on tabs; empty cells stay empty)."""
    print("\t".join(header), file=out)
    for row in rows:
        print("\t".join("" if v is None else str(v) for v in row), file=out)
