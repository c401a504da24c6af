"""``labapp-cli user …``, ``audit verify`` and ``lab show|set``: accounts, seals, lab settings.

* ``user add LOGIN --name NAME --role ROLE [--role ROLE…] --password-stdin``: on a database with
  no account the first one needs no login and must include ``admin``; after that ``--user`` must
  be an administrator.
* ``user list`` · ``user disable|enable LOGIN`` (admin) · ``user passwd LOGIN --password-stdin``
  (one's own: ``LABAPP_PASSWORD`` is the old password; another's: an admin's reset).
* ``audit verify``: exit 0 intact; 1 with each broken, altered or forged record listed.
* ``lab show`` · ``lab set --name … --pattern … --decision-rule simple|guard_band …`` (admin).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from labapp.cli.auth import (
    acting_actor,
    add_user_argument,
    login_of,
    password_for,
    read_password_stdin,
)
from labapp.cli.common import EXIT_ERROR, open_for_cli
from labapp.cli.lab_cmd import add_lab_parser
from labapp.cli.messages import Messages

__all__ = ["add_account_parsers"]

EXIT_OK, EXIT_BROKEN = 0, 1


def add_account_parsers(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Register ``user``, ``audit`` and ``lab`` with their subcommands."""
    user = commands.add_parser("user", parents=[common], help=tr("help.users"))
    users = user.add_subparsers(metavar="COMMAND", required=True)
    add = users.add_parser("add", parents=[common], help=tr("help.user_add"))
    add.add_argument("login", help=tr("help.login"))
    add.add_argument("--name", required=True, help=tr("help.name"))
    add.add_argument("--role", action="append", default=[], help=tr("help.role"))
    add.add_argument("--password-stdin", action="store_true", required=True,
                     help=tr("help.password_stdin"))  # fmt: skip
    add_user_argument(add, tr)
    add.set_defaults(run=_user_add)
    listing = users.add_parser("list", parents=[common], help=tr("help.user_list"))
    listing.set_defaults(run=_user_list)
    for name, disabled in (("disable", True), ("enable", False)):
        cmd = users.add_parser(name, parents=[common], help=tr(f"help.user_{name}"))
        cmd.add_argument("login", help=tr("help.login"))
        add_user_argument(cmd, tr)
        cmd.set_defaults(run=_user_disable, disabled=disabled)
    passwd = users.add_parser("passwd", parents=[common], help=tr("help.user_passwd"))
    passwd.add_argument("login", help=tr("help.login"))
    passwd.add_argument("--password-stdin", action="store_true", required=True,
                        help=tr("help.password_stdin"))  # fmt: skip
    add_user_argument(passwd, tr)
    passwd.set_defaults(run=_user_passwd)
    audit = commands.add_parser("audit", parents=[common], help=tr("help.audit"))
    audits = audit.add_subparsers(metavar="COMMAND", required=True)
    verify = audits.add_parser("verify", parents=[common], help=tr("help.audit_verify"))
    verify.set_defaults(run=_audit_verify)
    _add_lab(commands, common, tr)


def _add_lab(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    lab = commands.add_parser("lab", parents=[common], help=tr("help.lab"))
    labs = lab.add_subparsers(metavar="COMMAND", required=True)
    show = labs.add_parser("show", parents=[common], help=tr("help.lab_show"))
    show.set_defaults(run=_lab_show)
    put = labs.add_parser("set", parents=[common], help=tr("help.lab_set"))
    for flag in ("--name", "--code", "--address", "--accreditation-body", "--accreditation-no",
                 "--pattern"):  # fmt: skip
        put.add_argument(flag, default=None)
    put.add_argument("--decision-rule", choices=("simple", "guard_band"), default=None)
    put.add_argument("--guard-band-factor", default=None)
    put.add_argument("--checker-may-approve", choices=("yes", "no"), default=None)
    put.add_argument("--idle-lock-minutes", type=int, default=None)
    put.add_argument("--capability-threshold", default=None)
    logo = put.add_mutually_exclusive_group()
    logo.add_argument("--logo", type=Path, metavar="FILE", default=None, help=tr("help.lab_logo"))
    logo.add_argument("--no-logo", action="store_true", help=tr("help.lab_no_logo"))
    add_user_argument(put, tr)
    put.set_defaults(run=_lab_set)
    add_lab_parser(labs, common, tr)  # lab settings: the 受检率 target, definition, baseline


def _user_add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.accounts import NewAccount, create_account, has_accounts, roles_of

    password = read_password_stdin(tr)
    db = open_for_cli(args)
    try:
        actor = acting_actor(args, db, tr) if has_accounts(db) else None
        new = NewAccount(args.login.strip(), args.name, roles_of(args.role), password)
        made = create_account(db, actor, new)
        from labapp.services.accounts import create_login_role

        create_login_role(db, made.login, password)
        roles = ", ".join(sorted(r.value for r in made.roles))
        print(tr("user.added", login=made.login, name=made.name, roles=roles), file=out)
    finally:
        db.dispose()
    return EXIT_OK


def _user_list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.persistence.types import utcnow
    from labapp.services.accounts import list_accounts

    db = open_for_cli(args)
    try:
        print(tr("user.header"), file=out)
        now = utcnow()
        for a in list_accounts(db):
            if a.disabled or not a.active:
                state = tr("user.state.disabled")
            elif a.locked_until is not None and a.locked_until > now:
                state = tr("user.state.locked", until=a.locked_until.isoformat(timespec="minutes"))
            else:
                state = tr("user.state.active")
            roles = ",".join(r.value for r in a.roles)
            print(tr("user.row", login=a.login, name=a.name, roles=roles, state=state), file=out)
    finally:
        db.dispose()
    return EXIT_OK


def _user_disable(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.accounts import set_disabled

    db = open_for_cli(args)
    try:
        admin = acting_actor(args, db, tr)
        set_disabled(db, admin, args.login.strip(), args.disabled)
        key = "user.disabled" if args.disabled else "user.enabled"
        print(tr(key, login=args.login.strip()), file=out)
    finally:
        db.dispose()
    return EXIT_OK


def _user_passwd(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.accounts import change_password, reset_password, set_role_password

    new = read_password_stdin(tr)
    db = open_for_cli(args)
    try:
        login = args.login.strip()
        me = login_of(args)
        if me == login:
            change_password(db, login, password_for(login, tr), new)
            key = "user.changed"
        else:
            reset_password(db, acting_actor(args, db, tr), login, new)
            key = "user.reset"
        set_role_password(db, login, new)
        print(tr(key, login=login), file=out)
    finally:
        db.dispose()
    return EXIT_OK


def _audit_verify(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.accounts import verify_integrity

    db = open_for_cli(args)
    try:
        report = verify_integrity(db)
    finally:
        db.dispose()
    if report.legacy_entries or report.legacy_events:
        print(tr("audit.legacy", entries=report.legacy_entries, events=report.legacy_events),
              file=out)  # fmt: skip
    if report.ok:
        print(tr("audit.intact", entries=report.entries, events=report.events,
                 seq=report.head_seq, hash=report.head_hash[:16]), file=out)  # fmt: skip
        return EXIT_OK
    print(tr("audit.broken", count=len(report.problems)), file=out)
    for p in report.problems:
        print(tr("audit.problem", entity=p.entity, record=p.key, detail=p.detail), file=out)
    return EXIT_BROKEN


def _lab_show(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from dataclasses import asdict

    from labapp.services.laboratory import get_lab_settings

    db = open_for_cli(args)
    try:
        settings = get_lab_settings(db)
    finally:
        db.dispose()
    if settings is None:
        print(tr("lab.none"), file=out)
        return EXIT_OK
    for label, value in asdict(settings).items():
        shown = getattr(value, "value", value)
        if label == "logo" and value is not None:  # the bytes: what and how big
            shown = tr("lab.logo", media=settings.logo_media_type, size=len(value))
        print(tr("lab.line", label=label, value="-" if shown is None else shown), file=out)
    return EXIT_OK


def _lab_set(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from dataclasses import replace

    from labapp.domain.enums import PersonRole
    from labapp.domain.errors import NotFoundError
    from labapp.domain.points import DecisionRule
    from labapp.services.accounts import require_role
    from labapp.services.laboratory import get_lab_settings, update_lab_settings

    logo: bytes | None = None
    if args.logo is not None:  # read before anything opens: an unreadable file changes nothing
        try:
            logo = args.logo.read_bytes()
        except OSError as exc:
            print(tr("error.prefix") + tr("certificate.unreadable", file=args.logo,
                                          reason=exc.strerror), file=sys.stderr)  # fmt: skip
            return EXIT_ERROR
    db = open_for_cli(args)
    try:
        admin = acting_actor(args, db, tr)
        require_role(admin, PersonRole.ADMIN)
        current = get_lab_settings(db)
        if current is None:
            raise NotFoundError("laboratory", "-")
        changes: dict[str, Any] = {}
        for attr, key in (("name", "name"), ("code", "code"), ("address", "address"),
                          ("accreditation_body", "accreditation_body"),
                          ("accreditation_no", "accreditation_no"),
                          ("pattern", "certificate_pattern")):  # fmt: skip
            if getattr(args, attr) is not None:
                changes[key] = getattr(args, attr)
        if args.decision_rule is not None:
            changes["decision_rule"] = DecisionRule(args.decision_rule)
        if args.checker_may_approve is not None:
            changes["checker_may_approve"] = args.checker_may_approve == "yes"
        if args.idle_lock_minutes is not None:
            changes["idle_lock_minutes"] = args.idle_lock_minutes
        for flag, key in (("guard_band_factor", "guard_band_factor"),
                          ("capability_threshold", "capability_threshold")):  # fmt: skip
            if getattr(args, flag) is not None:
                changes[key] = _number(getattr(args, flag), key)
        if logo is not None or args.no_logo:
            changes["logo"] = logo
        update_lab_settings(db, admin.login, replace(current.as_input(), **changes),
                            current.version)  # fmt: skip
        print(tr("lab.saved"), file=out)
    finally:
        db.dispose()
    return EXIT_OK


def _number(text: str, field: str) -> Decimal:
    """A number typed on the command line (LabApp's one number rule), or the typed refusal."""
    from labapp.domain.points import parse_number

    number = parse_number(text, field, required=True)
    assert number is not None  # required
    return number
