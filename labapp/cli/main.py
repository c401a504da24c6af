"""``labapp-cli``: create, seed and upgrade LabApp databases without the GUI.

Commands: ``init``, ``demo``, ``db upgrade``, ``db current``, ``db backup``, ``db restore``
(:mod:`labapp.cli.backup_cmd`), ``import register`` (:mod:`labapp.cli.import_cmd`), ``export``,
``plan``, ``user``, ``audit verify``, ``lab`` (:mod:`labapp.cli.accounts_cmd`), the master data
(``department``, ``location``, ``provider``, ``procedure``, ``customer``, ``person``:
:mod:`labapp.cli.master_cmd`), each taking ``--database``, and ``--version``.  Typed LabApp errors
print one line on stderr and exit with status 2; ``--lang zh_CN`` or a ``zh_CN`` locale prints
every message in Simplified Chinese (:mod:`labapp.cli.messages`; errors: :mod:`labapp.cli.errors`).

No Qt here: the CLI runs on servers, so it must never import PySide6 (checked by the tests).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from labapp import __version__, paths
from labapp.cli.accounts_cmd import add_account_parsers
from labapp.cli.backup_cmd import add_backup_parsers
from labapp.cli.certificate_cmd import add_certificate_parser
from labapp.cli.common import (
    EXIT_BEHIND,
    EXIT_ERROR,
    EXIT_NEWER,
    EXIT_OK,
    CliError,
    database_url,
    date_type,
    masked,
    open_or_create,
)
from labapp.cli.errors import word_error
from labapp.cli.export_cmd import add_export_parser
from labapp.cli.import_cmd import add_import_parser
from labapp.cli.master_cmd import add_master_parsers
from labapp.cli.messages import LANGUAGES, Messages, detect_language
from labapp.cli.plan_cmd import add_plan_parser
from labapp.domain.errors import LabAppError

__all__ = ["EXIT_BEHIND", "EXIT_ERROR", "EXIT_NEWER", "EXIT_OK", "main", "word_error"]


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run ``labapp-cli`` with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    if argv is None:  # the console script: the process's own streams
        utf8_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    tr = Messages(detect_language(args_list))
    args = _parser(tr).parse_args(args_list)
    vars(args).setdefault("database", None)  # given before, after or between the commands
    try:
        return int(args.run(args, tr, out))
    except LabAppError as exc:
        print(tr("error.prefix") + word_error(exc, tr), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(tr("interrupted"), file=sys.stderr)
        return 130


def utf8_streams() -> None:
    """Write UTF-8 on stdout and stderr whatever the console's code page, never raising.

    A Windows console or pipe in cp1252 could not encode the Chinese names of the demo lab, so the
    summary raised ``UnicodeEncodeError`` after the data was written; ``errors="replace"`` keeps
    even a lone surrogate from stopping a command half way.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


# --- arguments ------------------------------------------------------------------------------


def _parser(tr: Messages) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="URL_OR_PATH", help=tr("help.database"),
                        default=argparse.SUPPRESS)  # fmt: skip
    common.add_argument("--lang", choices=LANGUAGES, help=tr("help.lang"),
                        default=argparse.SUPPRESS)  # fmt: skip
    parser = argparse.ArgumentParser(
        prog="labapp-cli", description=tr("description"), parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"labapp-cli {__version__}")
    # not ``database=None`` here: set_defaults changes the ``--database`` action every subcommand
    # shares (parents=[common]), and each subcommand then reset a --database given before it
    parser.set_defaults(run=lambda *_: _usage(parser))
    commands = parser.add_subparsers(metavar="COMMAND")
    init = commands.add_parser("init", parents=[common], help=tr("help.init"))
    init.set_defaults(run=_init)
    demo = commands.add_parser("demo", parents=[common], help=tr("help.demo"))
    demo.add_argument("--instruments", type=int, default=200, help=tr("help.instruments"))
    demo.add_argument("--years", type=int, default=5, help=tr("help.years"))
    demo.add_argument("--seed", type=int, default=1, help=tr("help.seed"))
    demo.add_argument("--today", type=date_type(tr), default=None, help=tr("help.today"))
    demo.add_argument("--replace", action="store_true", help=tr("help.replace"))
    demo.set_defaults(run=_demo)
    db = commands.add_parser("db", parents=[common], help=tr("help.db"))
    db_commands = db.add_subparsers(metavar="COMMAND", required=True)
    upgrade = db_commands.add_parser("upgrade", parents=[common], help=tr("help.upgrade"))
    upgrade.set_defaults(run=_upgrade)
    current = db_commands.add_parser("current", parents=[common], help=tr("help.current"))
    current.set_defaults(run=_current)
    add_backup_parsers(db_commands, common, tr)
    add_import_parser(commands, common, tr)
    add_certificate_parser(commands, common, tr)
    add_export_parser(commands, common, tr, date_type(tr))
    add_account_parsers(commands, common, tr)
    add_plan_parser(commands, common, tr, date_type(tr))
    add_master_parsers(commands, common, tr)
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_ERROR


# --- commands -------------------------------------------------------------------------------


def _init(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    db = open_or_create(database_url(args))
    try:
        print(tr("init.done", url=db.info.url, revision=db.info.revision), file=out)
    finally:
        db.dispose()
    return EXIT_OK


def _upgrade(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.database import upgrade_database

    url = database_url(args)
    before, after = upgrade_database(url)
    key = "upgrade.none" if before == after else "upgrade.done"
    print(tr(key, url=masked(url), before=before or "-", after=after), file=out)
    return EXIT_OK


def _current(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.database import schema_status

    status = schema_status(database_url(args))  # reads only: never creates or changes a file
    print(tr("current.revision", revision=status.revision or tr("current.empty")), file=out)
    print(tr("current.head", head=status.head), file=out)
    if status.newer:
        print(tr("current.newer", revision=status.revision), file=out)
        return EXIT_NEWER
    print(tr("current.ok" if status.up_to_date else "current.behind"), file=out)
    return EXIT_OK if status.up_to_date else EXIT_BEHIND


def _sqlite_file(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def _demo(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.demo import DemoOptions, seed_demo

    url = database_url(args, demo=True)
    if args.replace:
        _remove_demo_file(url, tr, out)
    options = DemoOptions(
        instruments=args.instruments, years=args.years, seed=args.seed, today=args.today
    )
    db = open_or_create(url)
    try:
        print(tr("demo.start", url=db.info.url, instruments=options.instruments,
                 years=options.years), file=out, flush=True)  # fmt: skip
        report = seed_demo(db, options, progress=_progress(tr, options.instruments))
        _demo_login_roles(db)
    finally:
        db.dispose()
    _print_report(report, tr, out)
    return EXIT_OK


def _demo_login_roles(db: Any) -> None:
    """PostgreSQL (as the owner): a login role for each demo person, password ``demo``."""
    from labapp.services.accounts import create_login_role, list_accounts, uses_login_roles
    from labapp.services.demo import DEMO_PASSWORD

    if uses_login_roles(db):
        for account in list_accounts(db):
            create_login_role(db, account.login, DEMO_PASSWORD)


def _remove_demo_file(url: str, tr: Messages, out: TextIO) -> None:
    """``--replace``: delete the demo database file, and refuse for any other database."""
    path = _sqlite_file(url)
    demo = paths.demo_database_path().resolve()
    if path is None or path.resolve() != demo:
        raise CliError("error.replace_not_demo", demo=demo, url=masked(url))
    if not path.exists():
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(tr("demo.replaced", path=path), file=out)


def _progress(tr: Messages, total: int) -> Any:
    step = max(total // 10, 1)
    state = {"next": step}

    def report(_stage: str, done: int, total_items: int) -> None:
        if total_items >= 5000 and (done >= state["next"] or done == total_items):
            print(tr("demo.progress", done=done, total=total_items), file=sys.stderr, flush=True)
            state["next"] = done + step

    return report


def _print_report(report: Any, tr: Messages, out: TextIO) -> None:
    from labapp.services.demo import describe

    print(tr("demo.made"), file=out)
    for label, count in describe(report):
        key = f"label.{label}"
        print(tr("demo.line", label=tr(key) if tr.has(key) else label, count=count), file=out)
    print(tr("demo.time", seconds=report.seconds, today=report.today), file=out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
