"""``labapp-cli import register FILE``: import a register ledger from Excel, all or nothing
(``import dcc``: :mod:`labapp.cli.certificate_cmd`).

Every row is checked first (:func:`labapp.services.imports.check_register_file`).  With a
bad cell, the cells are listed, an error workbook marking them is written (``--errors``, by default
``FILE.errors.xlsx`` beside the file) and nothing is imported: exit 1.  A file that cannot be read
at all (not Excel, password-protected, empty, no header row, or beyond the limits of
:mod:`labapp.io.excel._limits`: a far-corner cell, a zip bomb, entities, a huge cell): exit 2.
``--dry-run`` checks only.  Otherwise every row is added in one audited transaction ("imported
from FILE"): exit 0.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from labapp.cli.auth import acting_user, add_user_argument
from labapp.cli.certificate_cmd import add_import_dcc_parser
from labapp.cli.common import database_url
from labapp.cli.messages import Messages

__all__ = ["EXIT_IMPORTED", "EXIT_INVALID", "EXIT_UNREADABLE", "add_import_parser"]

EXIT_IMPORTED, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
SHOWN_ERRORS = 50


def add_import_parser(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``import register FILE [--errors OUT] [--dry-run] [--user NAME]`` to the subcommands."""
    command = commands.add_parser("import", parents=[common], help=tr("help.import"))
    kinds = command.add_subparsers(metavar="WHAT", required=True)
    register = kinds.add_parser("register", parents=[common], help=tr("help.import_register"))
    register.add_argument("file", metavar="FILE", type=Path, help=tr("help.import_file"))
    register.add_argument("--errors", metavar="OUT.xlsx", type=Path, default=None,
                          help=tr("help.import_errors"))  # fmt: skip
    register.add_argument("--dry-run", action="store_true", help=tr("help.import_dry_run"))
    add_user_argument(register, tr)
    register.set_defaults(run=_import_register)
    add_import_dcc_parser(kinds, common, tr)


def _import_register(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services import imports as ri
    from labapp.services.database import open_database

    db = open_database(database_url(args))
    try:
        user = None if args.dry_run else acting_user(args, db, tr)
        try:
            check = ri.check_register_file(db, args.file)
        except ri.ImportFileError as exc:
            text = exc.message_zh if tr.language == "zh_CN" else exc.message_en
            print(tr("error.prefix") + text, file=_stderr())
            return EXIT_UNREADABLE
        _print_warnings(check, tr)
        if check.errors:
            return _refuse(check, args, tr, out)
        if not check.rows:
            print(tr("import.no_rows", file=args.file.name), file=out)
            return EXIT_INVALID
        if args.dry_run:
            print(tr("import.dry_run", rows=len(check.rows), file=args.file.name), file=out)
            return EXIT_IMPORTED
        assert user is not None
        added = ri.import_register(db, user, check)
        print(tr("import.done", rows=added, file=args.file.name), file=out)
        return EXIT_IMPORTED
    finally:
        db.dispose()


def _refuse(check: Any, args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.imports import write_error_workbook

    err = _stderr()
    for e in check.errors[:SHOWN_ERRORS]:
        reason = e.message_zh if tr.language == "zh_CN" else e.message_en
        print(tr("import.cell", sheet=e.sheet, cell=f"{e.column}{e.row}", reason=reason), file=err)
    if len(check.errors) > SHOWN_ERRORS:
        print(tr("import.more", n=len(check.errors) - SHOWN_ERRORS), file=err)
    target = args.errors or args.file.with_name(f"{args.file.stem}.errors.xlsx")
    write_error_workbook(check, target, "zh_CN" if tr.language == "zh_CN" else "en")
    print(tr("import.refused", n=len(check.errors), errors=target), file=out)
    return EXIT_INVALID


def _print_warnings(check: Any, tr: Messages) -> None:
    for warning in check.warnings:
        print(tr("import.warning", text=warning), file=_stderr())


def _stderr() -> TextIO:
    import sys

    return sys.stderr
