"""``labapp-cli db backup OUT`` and ``labapp-cli db restore BACKUP``.

SQLite: the online backup API, the copy checked with ``PRAGMA integrity_check`` and LabApp's marks
(:mod:`labapp.services.database._backup`).  An existing ``OUT`` is replaced only with ``--force``; a
restore replaces a target that holds data only with ``--force``, and keeps the old file beside it
first.  PostgreSQL: a message giving the ``pg_dump -Fc`` / ``pg_restore`` command, exit 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from labapp.cli.common import EXIT_OK, database_url
from labapp.cli.messages import Messages

__all__ = ["add_backup_parsers"]


def add_backup_parsers(db_commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``backup OUT [--force]`` and ``restore BACKUP [--force]`` under ``db``."""
    backup = db_commands.add_parser("backup", parents=[common], help=tr("help.backup"))
    backup.add_argument("out", metavar="OUT", type=Path, help=tr("help.backup_out"))
    backup.add_argument("--force", action="store_true", help=tr("help.backup_force"))
    backup.set_defaults(run=_backup)
    restore = db_commands.add_parser("restore", parents=[common], help=tr("help.restore"))
    restore.add_argument("backup", metavar="BACKUP", type=Path, help=tr("help.restore_file"))
    restore.add_argument("--force", action="store_true", help=tr("help.restore_force"))
    restore.set_defaults(run=_restore)


def _backup(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.database import backup_database

    result = backup_database(database_url(args), args.out, force=args.force)
    print(tr("backup.done", source=result.source, out=result.target, revision=result.revision),
          file=out)  # fmt: skip
    return EXIT_OK


def _restore(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.database import restore_database

    result = restore_database(args.backup, database_url(args), force=args.force)
    if result.previous is not None:
        print(tr("restore.kept", path=result.previous), file=out)
    print(tr("restore.done", backup=result.source, target=result.target,
             revision=result.revision), file=out)  # fmt: skip
    return EXIT_OK
