"""``labapp-cli department|location|provider|procedure|customer|person``: the master data.

Each kind has ``add`` and ``list``; ``procedure withdraw``, ``person update|disable|enable|
delete`` too.  Writing commands act as ``--user LOGIN`` (:func:`labapp.cli.auth.acting_user`) and
are audited.  Records are named as a user knows them: a department by name or code, a
procedure by its code, a person by login.  Repeated options: ``--role ROLE``, ``--scope
QUANTITY[:RANGE[:CMC]]`` and ``--qualification KIND:NUMBER[:QUANTITY[:VALID_UNTIL]]``.
Refusals print one line (EN/ZH) and exit 2, as every typed error of the CLI.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any, TextIO

from labapp.cli.auth import acting_user
from labapp.cli.common import EXIT_OK, date_type, print_table, with_db
from labapp.cli.master_common import department_id, parse_scope
from labapp.cli.master_people_cmd import add_person_parser
from labapp.cli.messages import Messages
from labapp.domain.enums import EventKind, ProviderKind

__all__ = ["add_master_parsers"]


# --- parsers ----------------------------------------------------------------------------------


def _group(commands: Any, common: argparse.ArgumentParser, name: str, tr: Messages) -> Any:
    parser = commands.add_parser(name, parents=[common], help=tr(f"help.{name}"))
    return parser.add_subparsers(metavar="ACTION", required=True)


def _writer(
    actions: Any,
    common: argparse.ArgumentParser,
    name: str,
    tr: Messages,
    run: Callable[..., int],
    key: str,
) -> argparse.ArgumentParser:
    """A writing action ``name`` (help ``key``) acting as ``--user LOGIN``."""
    parser: argparse.ArgumentParser = actions.add_parser(name, parents=[common], help=tr(key))
    parser.add_argument("--user", metavar="LOGIN", default=None, help=tr("help.acting_user"))
    parser.set_defaults(run=run)
    return parser


def _reader(
    actions: Any, common: argparse.ArgumentParser, tr: Messages, run: Callable[..., int], key: str
) -> argparse.ArgumentParser:
    """The ``list`` action (help ``key``)."""
    parser: argparse.ArgumentParser = actions.add_parser("list", parents=[common], help=tr(key))
    parser.set_defaults(run=run)
    return parser


def add_master_parsers(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add the master-data commands (module docstring) to ``labapp-cli``'s subcommands."""
    actions = _group(commands, common, "department", tr)
    add = _writer(actions, common, "add", tr, _department_add, "help.department_add")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--code", default=None, help=tr("help.code"))
    _reader(actions, common, tr, _department_list, "help.department_list")

    actions = _group(commands, common, "location", tr)
    add = _writer(actions, common, "add", tr, _location_add, "help.location_add")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--building", default=None, help=tr("help.building"))
    add.add_argument("--room", default=None, help=tr("help.room"))
    add.add_argument(
        "--department", metavar="NAME_OR_CODE", default=None, help=tr("help.department_ref")
    )
    _reader(actions, common, tr, _location_list, "help.location_list")

    actions = _group(commands, common, "provider", tr)
    add = _writer(actions, common, "add", tr, _provider_add, "help.provider_add")
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in ProviderKind],
        help=tr("help.provider_kind"),
    )
    add.add_argument("--country", default=None, help=tr("help.country"))
    add.add_argument("--accreditation-body", default=None, help=tr("help.accreditation_body"))
    add.add_argument("--accreditation-no", default=None, help=tr("help.accreditation_no"))
    add.add_argument(
        "--accreditation-valid-until",
        type=date_type(tr),
        default=None,
        metavar="YYYY-MM-DD",
        help=tr("help.accreditation_valid_until"),
    )
    add.add_argument(
        "--scope",
        action="append",
        type=parse_scope(tr),
        default=[],
        metavar="QUANTITY[:RANGE[:CMC]]",
        help=tr("help.scope"),
    )
    _reader(actions, common, tr, _provider_list, "help.provider_list")

    actions = _group(commands, common, "procedure", tr)
    add = _writer(actions, common, "add", tr, _procedure_add, "help.procedure_add")
    add.add_argument("code", metavar="CODE")
    add.add_argument("--title", required=True, help=tr("help.title"))
    add.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in EventKind],
        help=tr("help.procedure_kind"),
    )
    add.add_argument("--revision", default=None, help=tr("help.revision"))
    add.add_argument("--quantity", default=None, help=tr("help.procedure_quantity"))
    withdraw = _writer(
        actions, common, "withdraw", tr, _procedure_withdraw, "help.procedure_withdraw"
    )
    withdraw.add_argument("code", metavar="CODE")
    withdraw.add_argument(
        "--on",
        type=date_type(tr),
        default=None,
        metavar="YYYY-MM-DD",
        help=tr("help.withdrawn_on"),
    )
    withdraw.add_argument("--reason", default=None, help=tr("help.reason"))
    listing = _reader(actions, common, tr, _procedure_list, "help.procedure_list")
    listing.add_argument("--in-force", action="store_true", help=tr("help.in_force"))

    actions = _group(commands, common, "customer", tr)
    add = _writer(actions, common, "add", tr, _customer_add, "help.customer_add")
    add.add_argument("name", metavar="NAME")
    for option in ("code", "address", "contact", "email", "phone"):
        add.add_argument(f"--{option}", default=None, help=tr(f"help.customer_{option}"))
    _reader(actions, common, tr, _customer_list, "help.customer_list")
    owns = _writer(actions, common, "owns", tr, _customer_owns, "help.customer_owns")
    owns.add_argument("name", metavar="CUSTOMER", help=tr("help.customer_ref"))
    owns.add_argument("asset_tag", metavar="ASSET_TAG", nargs="+")

    add_person_parser(commands, common, tr)


def _department_add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``department add``: add a department."""
    from labapp.services import master_data as md

    def run(db: Any) -> int:
        made = md.create_department(
            db, acting_user(args, db, tr), md.DepartmentInput(args.name, args.code)
        )
        print(tr("master.added", what=tr("what.department"), name=made.name, id=made.id), file=out)
        return EXIT_OK

    return with_db(args, run)


def _department_list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``department list``: list the departments."""
    from labapp.services.master_data import list_departments

    def run(db: Any) -> int:
        header = [tr("col.name"), tr("col.code"), tr("col.locations"), tr("col.people")]
        rows = [(d.name, d.code, d.locations, d.people) for d in list_departments(db)]
        print_table(out, header, rows)
        return EXIT_OK

    return with_db(args, run)


def _location_add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``location add``: add a location."""
    from labapp.services import master_data as md

    def run(db: Any) -> int:
        data = md.LocationInput(
            args.name, args.building, args.room, department_id(db, args.department)
        )
        made = md.create_location(db, acting_user(args, db, tr), data)
        print(tr("master.added", what=tr("what.location"), name=made.name, id=made.id), file=out)
        return EXIT_OK

    return with_db(args, run)


def _location_list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``location list``: list the locations."""
    from labapp.services.master_data import list_locations

    def run(db: Any) -> int:
        header = [tr("col.name"), tr("col.building"), tr("col.room"), tr("col.department")]
        rows = [(x.name, x.building, x.room, x.department) for x in list_locations(db)]
        print_table(out, header, rows)
        return EXIT_OK

    return with_db(args, run)


def _provider_add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``provider add``: add a provider with its accreditation and scope."""
    from labapp.services import master_data as md

    data = md.ProviderInput(
        args.name,
        ProviderKind(args.kind),
        args.country,
        args.accreditation_body,
        args.accreditation_no,
        args.accreditation_valid_until,
        tuple(args.scope),
    )

    def run(db: Any) -> int:
        made = md.create_provider(db, acting_user(args, db, tr), data)
        print(tr("master.added", what=tr("what.provider"), name=made.name, id=made.id), file=out)
        return EXIT_OK

    return with_db(args, run)


def _provider_list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``provider list``: list the providers."""
    from labapp.services.master_data import list_providers

    def run(db: Any) -> int:
        header = [
            tr("col.name"),
            tr("col.kind"),
            tr("col.accreditation"),
            tr("col.valid_until"),
            tr("col.scope"),
        ]
        rows = [
            (
                p.name,
                p.kind.value,
                " ".join(filter(None, (p.accreditation_body, p.accreditation_no))),
                p.accreditation_valid_until,
                "; ".join(_scope_text(s) for s in p.scopes),
            )
            for p in list_providers(db)
        ]
        print_table(out, header, rows)
        return EXIT_OK

    return with_db(args, run)


def _scope_text(scope: Any) -> str:
    return " ".join(filter(None, (scope.quantity, scope.range_text, scope.cmc)))


def _procedure_add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``procedure add``: add a procedure, in force."""
    from labapp.services import master_data as md

    data = md.ProcedureInput(
        args.code, args.title, EventKind(args.kind), args.revision, args.quantity
    )

    def run(db: Any) -> int:
        made = md.create_procedure(db, acting_user(args, db, tr), data)
        print(tr("master.added", what=tr("what.procedure"), name=made.code, id=made.id), file=out)
        return EXIT_OK

    return with_db(args, run)


def _procedure_withdraw(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``procedure withdraw``: withdraw a procedure (by code) from a date."""
    from labapp.domain.errors import ValidationError
    from labapp.services import master_data as md

    def run(db: Any) -> int:
        found = [p for p in md.list_procedures(db) if p.code.lower() == args.code.strip().lower()]
        if not found:
            raise ValidationError(
                "procedure",
                f"no procedure {args.code!r}",
                code="not_found",
                params={"value": args.code},
            )
        user, on = acting_user(args, db, tr), args.on or date.today()
        done = md.withdraw_procedure(db, user, found[0].id, on, found[0].version, args.reason)
        print(tr("master.withdrawn", code=done.code, on=done.withdrawn_on), file=out)
        return EXIT_OK

    return with_db(args, run)


def _procedure_list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``procedure list``: list the procedures."""
    from labapp.services.master_data import list_procedures

    def run(db: Any) -> int:
        header = [
            tr("col.code"),
            tr("col.title"),
            tr("col.revision"),
            tr("col.kind"),
            tr("col.quantity"),
            tr("col.status"),
        ]
        rows = [
            (
                p.code,
                p.title,
                p.revision,
                p.kind.value,
                p.quantity,
                tr("status.in_force") if p.in_force else tr("status.withdrawn", on=p.withdrawn_on),
            )
            for p in list_procedures(db, in_force_only=args.in_force)
        ]
        print_table(out, header, rows)
        return EXIT_OK

    return with_db(args, run)


def _customer_add(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``customer add``: add a customer."""
    from labapp.services import master_data as md

    data = md.CustomerInput(
        args.name, args.code, args.address, args.contact, args.email, args.phone
    )

    def run(db: Any) -> int:
        made = md.create_customer(db, acting_user(args, db, tr), data)
        print(tr("master.added", what=tr("what.customer"), name=made.name, id=made.id), file=out)
        return EXIT_OK

    return with_db(args, run)


def _customer_list(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``customer list``: list the customers."""
    from labapp.services.master_data import list_customers

    def run(db: Any) -> int:
        header = [
            tr("col.name"),
            tr("col.code"),
            tr("col.contact"),
            tr("col.email"),
            tr("col.phone"),
        ]
        rows = [(c.name, c.code, c.contact, c.email, c.phone) for c in list_customers(db)]
        print_table(out, header, rows)
        return EXIT_OK

    return with_db(args, run)


def _customer_owns(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """``customer owns``: the customer owns these instruments (``-``: the lab's own again)."""
    from labapp.domain.errors import ValidationError
    from labapp.services import master_data as md

    def run(db: Any) -> int:
        user = acting_user(args, db, tr)
        owner = None
        if args.name.strip() != "-":
            wanted = args.name.strip().lower()
            found = [
                c
                for c in md.list_customers(db)
                if c.name.lower() == wanted or (c.code or "").lower() == wanted
            ]
            if not found:
                raise ValidationError(
                    "customer",
                    f"no customer {args.name!r}",
                    code="not_found",
                    params={"value": args.name},
                )
            owner = found[0].id
        md.set_instrument_owner(db, user, args.asset_tag, owner)
        print(tr("master.owns", name=args.name, n=len(args.asset_tag)), file=out)
        return EXIT_OK

    return with_db(args, run)
