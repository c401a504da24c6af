"""``labapp-cli import register FILE`` and ``import mapping FILE``: a lab's ledger, all or nothing
(``import dcc``: :mod:`labapp.cli.certificate_cmd`).

``import mapping FILE`` prints the column mapping LabApp detects (JSON) for the user to edit and
pass back with ``import register FILE --mapping MAPPING.json``.  ``import register`` reads the
ledger as it is (any layout, CSV too, or LabApp's own export) and checks every line against the
database (:func:`labapp.services.imports.check_ledger`).  With a bad cell, the cells are listed, an
error workbook marking them is written (``--errors``, by default ``FILE.errors.xlsx`` beside the
file) and nothing is imported: exit 1.  A file (or mapping) that cannot be read at all: exit 2.
``--create-missing`` lists the master data to be created and creates it in the import's own
transaction; ``--dry-run`` checks only.  Otherwise everything is added in one audited transaction
("imported from FILE"): exit 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from labapp.cli.auth import acting_user, add_user_argument
from labapp.cli.certificate_cmd import add_import_dcc_parser
from labapp.cli.common import database_url
from labapp.cli.messages import Messages

__all__ = ["EXIT_IMPORTED", "EXIT_INVALID", "EXIT_UNREADABLE", "add_import_parser"]

EXIT_IMPORTED, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
SHOWN_ERRORS = 50
_KIND_ORDER = ("department", "location", "provider", "custodian", "procedure")


def add_import_parser(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``import register FILE …`` and ``import mapping FILE`` to the subcommands."""
    command = commands.add_parser("import", parents=[common], help=tr("help.import"))
    kinds = command.add_subparsers(metavar="WHAT", required=True)
    register = kinds.add_parser("register", parents=[common], help=tr("help.import_register"))
    register.add_argument("file", metavar="FILE", type=Path, help=tr("help.import_ledger_file"))
    register.add_argument("--mapping", metavar="auto|MAPPING.json", default="auto",
                          help=tr("help.import_mapping_file"))  # fmt: skip
    register.add_argument("--create-missing", action="store_true",
                          help=tr("help.import_create_missing"))  # fmt: skip
    register.add_argument("--tag-pattern", metavar="PATTERN", default=None,
                          help=tr("help.import_tag_pattern"))  # fmt: skip
    register.add_argument("--errors", metavar="OUT.xlsx", type=Path, default=None,
                          help=tr("help.import_errors"))  # fmt: skip
    register.add_argument("--dry-run", action="store_true", help=tr("help.import_dry_run"))
    add_user_argument(register, tr)
    register.set_defaults(run=_import_register)
    mapping = kinds.add_parser("mapping", parents=[common], help=tr("help.import_mapping"))
    mapping.add_argument("file", metavar="FILE", type=Path, help=tr("help.import_ledger_file"))
    mapping.add_argument("--sheet", default=None, help=tr("help.import_sheet"))
    mapping.add_argument("--tag-pattern", metavar="PATTERN", default=None,
                         help=tr("help.import_tag_pattern"))  # fmt: skip
    mapping.set_defaults(run=_print_mapping)
    add_import_dcc_parser(kinds, common, tr)


def _print_mapping(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.io.excel import ImportFileError
    from labapp.io.ledger import detect_ledger_mapping

    try:
        found = detect_ledger_mapping(args.file, sheet=args.sheet, tag_pattern=args.tag_pattern)
    except ImportFileError as exc:
        return _unreadable(exc, tr)
    print(found.to_json(), file=out)
    return EXIT_IMPORTED


def _import_register(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.io.excel import ImportFileError
    from labapp.services import imports
    from labapp.services.database import open_database

    mapping = _mapping(args, tr)
    if mapping is False:
        return EXIT_UNREADABLE
    db = open_database(database_url(args))
    try:
        user = None if args.dry_run else acting_user(args, db, tr)
        try:
            check = imports.check_ledger(db, args.file, mapping or None,
                                         tag_pattern=args.tag_pattern,
                                         create_missing=args.create_missing)  # fmt: skip
        except ImportFileError as exc:
            return _unreadable(exc, tr)
        _print_warnings(check, tr)
        if check.errors:
            return _refuse(check, args, tr, out)
        if not check.records:
            print(tr("import.no_rows", file=args.file.name), file=out)
            return EXIT_INVALID
        _print_to_create(check, tr, out)
        if args.dry_run:
            print(tr("import.dry_run", rows=len(check.records), file=args.file.name), file=out)
            return EXIT_IMPORTED
        assert user is not None
        done = imports.import_ledger(db, user, check)
        for kind in _KIND_ORDER:
            if done.created.get(kind):
                print(tr("import.created", kind=_kind(kind, tr), n=done.created[kind]), file=out)
        print(tr("import.done", rows=done.instruments, file=args.file.name), file=out)
        return EXIT_IMPORTED
    finally:
        db.dispose()


def _mapping(args: argparse.Namespace, tr: Messages) -> Any:
    """The mapping from ``--mapping`` (None: detect), or False when it cannot be read."""
    from labapp.io.ledger import ColumnMapping, LedgerFileError

    if args.mapping == "auto":
        return None
    path = Path(args.mapping)
    try:
        return ColumnMapping.from_json(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror or type(exc).__name__ if isinstance(exc, OSError) else "UTF-8"
    except LedgerFileError as exc:
        reason = exc.message_zh if tr.language == "zh_CN" else exc.message_en
    print(tr("error.prefix") + tr("import.mapping_unreadable", file=path.name, reason=reason),
          file=sys.stderr)  # fmt: skip
    return False


def _unreadable(exc: Any, tr: Messages) -> int:
    text = exc.message_zh if tr.language == "zh_CN" else exc.message_en
    print(tr("error.prefix") + text, file=sys.stderr)
    return EXIT_UNREADABLE


def _refuse(check: Any, args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.imports import write_ledger_errors

    for e in check.errors[:SHOWN_ERRORS]:
        reason = e.message_zh if tr.language == "zh_CN" else e.message_en
        cell = f"{e.column}{e.row}" if e.column else str(e.row)
        print(tr("import.cell", sheet=e.sheet, cell=cell, reason=reason), file=sys.stderr)
    if len(check.errors) > SHOWN_ERRORS:
        print(tr("import.more", n=len(check.errors) - SHOWN_ERRORS), file=sys.stderr)
    target = args.errors or args.file.with_name(f"{args.file.stem}.errors.xlsx")
    write_ledger_errors(check, target, "zh_CN" if tr.language == "zh_CN" else "en")
    print(tr("import.refused", n=len(check.errors), errors=target), file=out)
    return EXIT_INVALID


def _print_to_create(check: Any, tr: Messages, out: TextIO) -> None:
    for kind in _KIND_ORDER:
        names = check.to_create.get(kind)
        if names:
            shown = "、".join(names) if tr.language == "zh_CN" else ", ".join(names)
            print(tr("import.to_create", kind=_kind(kind, tr), names=shown), file=out)


def _kind(kind: str, tr: Messages) -> str:
    from labapp.services.imports import KIND_WORDS

    en, zh = KIND_WORDS[kind]
    return zh if tr.language == "zh_CN" else en


def _print_warnings(check: Any, tr: Messages) -> None:
    for w in check.warnings:
        reason = w.message_zh if tr.language == "zh_CN" else w.message_en
        cell = f"{w.sheet}!{w.column}{w.row}"
        print(tr("import.warning", text=f"{cell}: {reason}"), file=sys.stderr)
