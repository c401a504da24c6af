"""``labapp-cli person add|list|update|disable|enable|delete``: the people of the laboratory.

``person add LOGIN --name NAME [--role ROLE]… [--department NAME_OR_CODE] [--email E]
[--qualification KIND:NUMBER[:QUANTITY[:VALID_UNTIL]]]…``.  ``person update LOGIN`` changes only
what it is given: ``--role`` (repeated) replaces the roles, ``--qualification`` adds a licence or
replaces the one with the same number, ``--no-department`` clears the department.  A person who
has signed records is disabled, never deleted (``delete`` refuses, exit 2).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any, TextIO

from labapp.cli.auth import acting_user
from labapp.cli.common import EXIT_OK, print_table, with_db
from labapp.cli.master_common import department_id, parse_qualification
from labapp.cli.messages import Messages
from labapp.domain.enums import PersonRole

__all__ = ["add_person_parser"]


def add_person_parser(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``person …`` (module docstring) to ``labapp-cli``'s subcommands."""
    parser = commands.add_parser("person", parents=[common], help=tr("help.person"))
    actions = parser.add_subparsers(metavar="ACTION", required=True)
    add = _action(actions, common, tr, "add", _add)
    add.add_argument("--name", required=True, help=tr("help.person_name"))
    _details(add, tr)
    update = _action(actions, common, tr, "update", _update)
    update.add_argument("--name", default=None, help=tr("help.person_name"))
    update.add_argument("--no-department", action="store_true", help=tr("help.no_department"))
    _details(update, tr)
    for name, run in (("disable", _disable), ("enable", _enable), ("delete", _delete)):
        _action(actions, common, tr, name, run)
    listing = actions.add_parser("list", parents=[common], help=tr("help.person_list"))
    listing.add_argument("--all", action="store_true", help=tr("help.person_all"))
    listing.set_defaults(run=_list)


def _action(
    actions: Any, common: argparse.ArgumentParser, tr: Messages, name: str, run: Any
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(
        name, parents=[common], help=tr(f"help.person_{name}")
    )
    parser.add_argument("login", metavar="LOGIN")
    parser.add_argument("--user", metavar="LOGIN", default=None, help=tr("help.acting_user"))
    parser.set_defaults(run=run)
    return parser


def _details(parser: argparse.ArgumentParser, tr: Messages) -> None:
    parser.add_argument(
        "--role",
        action="append",
        default=None,
        choices=[r.value for r in PersonRole],
        help=tr("help.role"),
    )
    parser.add_argument(
        "--department", metavar="NAME_OR_CODE", default=None, help=tr("help.department_ref")
    )
    parser.add_argument("--email", default=None, help=tr("help.email"))
    parser.add_argument(
        "--qualification",
        action="append",
        type=parse_qualification(tr),
        default=[],
        metavar="KIND:NUMBER[:QUANTITY[:VALID_UNTIL]]",
        help=tr("help.qualification"),
    )


def _find(db: Any, login: str) -> Any:
    from labapp.domain.errors import ValidationError
    from labapp.services.master_data import list_people

    for person in list_people(db):
        if person.login == login.strip():
            return person
    raise ValidationError(
        "login", f"no person {login!r}", code="not_found", params={"value": login}
    )


def _add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``person add``: a new active person."""
    from labapp.services import master_data as md

    def run(db: Any) -> int:
        roles = tuple(PersonRole(r) for r in args.role or ())
        data = md.PersonInput(
            args.name,
            args.login.strip(),
            roles,
            args.email,
            department_id(db, args.department),
            tuple(args.qualification),
        )
        made = md.create_person(db, acting_user(args, db, tr), data)
        print(tr("master.added", what=tr("what.person"), name=made.login, id=made.id), file=out)
        return EXIT_OK

    return with_db(args, run)


def _update(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``person update``: change what is given, keep the rest."""
    from labapp.services import master_data as md

    def run(db: Any) -> int:
        person = _find(db, args.login)
        data = md.PersonInput(
            args.name if args.name is not None else person.name,
            person.login,
            tuple(PersonRole(r) for r in args.role) if args.role is not None else person.roles,
            args.email if args.email is not None else person.email,
            None
            if args.no_department
            else (department_id(db, args.department) if args.department else person.department_id),
            _licences(person, args.qualification),
        )
        done = md.update_person(db, acting_user(args, db, tr), person.id, data, person.version)
        print(tr("master.updated", what=tr("what.person"), name=done.login), file=out)
        return EXIT_OK

    return with_db(args, run)


def _licences(person: Any, given: list[Any]) -> tuple[Any, ...]:
    """The stored licences (kept by id), each replaced by a given one with the same number."""
    from labapp.services.master_data import QualificationInput

    by_number = {q.number: q for q in given}
    kept = []
    for q in person.qualifications:
        new = by_number.pop(q.number, None)
        kept.append(
            replace(new, id=q.id)
            if new
            else QualificationInput(
                q.kind, q.number, q.quantity, q.scope, q.issued_on, q.valid_until, q.id
            )
        )
    return (*kept, *by_number.values())


def _set_active(args: argparse.Namespace, tr: Messages, out: TextIO, active: bool) -> int:
    from labapp.services.master_data import set_person_active

    def run(db: Any) -> int:
        person = _find(db, args.login)
        set_person_active(db, acting_user(args, db, tr), person.id, active, person.version)
        key = "master.enabled" if active else "master.disabled"
        print(tr(key, name=person.login), file=out)
        return EXIT_OK

    return with_db(args, run)


def _disable(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``person disable``: the person can no longer sign (records keep the name)."""
    return _set_active(args, tr, out, False)


def _enable(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``person enable``: a disabled person may sign again."""
    return _set_active(args, tr, out, True)


def _delete(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``person delete``: only a person who never signed and keeps no instrument."""
    from labapp.services.master_data import delete_person

    def run(db: Any) -> int:
        person = _find(db, args.login)
        delete_person(db, acting_user(args, db, tr), person.id, person.version)
        print(tr("master.deleted", name=person.login), file=out)
        return EXIT_OK

    return with_db(args, run)


def _list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``person list``: active people (``--all``: the disabled too)."""
    from labapp.services.master_data import list_people

    def run(db: Any) -> int:
        header = [
            tr("col.login"),
            tr("col.name"),
            tr("col.roles"),
            tr("col.department"),
            tr("col.qualifications"),
            tr("col.status"),
        ]
        rows = [
            (
                p.login,
                p.name,
                ",".join(r.value for r in p.roles),
                p.department,
                "; ".join(
                    f"{q.kind} {q.number} {q.quantity or ''} {q.valid_until or ''}".strip()
                    for q in p.qualifications
                ),
                tr("status.active") if p.active else tr("status.disabled"),
            )
            for p in list_people(db, include_inactive=args.all)
        ]
        print_table(out, header, rows)
        return EXIT_OK

    return with_db(args, run)
