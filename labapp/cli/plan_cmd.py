"""``labapp-cli plan generate|approve --year Y``: the annual re-verification plan without the GUI.

``generate`` draws up the draft plan of a year (one line per due occurrence,
:func:`labapp.services.planning.generate_plan`); ``approve`` approves the newest draft of the year
with a reason (:func:`labapp.services.planning.approve_plan`).  Who acts comes from
:func:`labapp.cli.auth.acting_user` (``--user`` and its password), the one place that decides
it.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from labapp.cli.auth import acting_user
from labapp.cli.common import open_existing
from labapp.cli.messages import Messages
from labapp.domain.errors import LabAppError

__all__ = ["NoDraftPlanError", "add_plan_parser"]


class NoDraftPlanError(LabAppError):
    """``plan approve``: the year has no draft plan (none at all, or only approved ones)."""

    def __init__(self, year: int, approved: int) -> None:
        super().__init__(f"no draft plan for year {year}")
        self.year = year
        self.approved = approved


def add_plan_parser(
    commands: Any, common: argparse.ArgumentParser, tr: Messages, parse_date: Any
) -> None:
    """Add ``plan generate`` and ``plan approve`` to the subcommands of ``labapp-cli``."""
    plan = commands.add_parser("plan", parents=[common], help=tr("help.plan"))
    actions = plan.add_subparsers(metavar="ACTION", required=True)
    generate = actions.add_parser("generate", parents=[common], help=tr("help.plan_generate"))
    generate.add_argument("--year", type=int, required=True, help=tr("help.plan_year"))
    generate.add_argument("--today", type=parse_date, default=None, help=tr("help.plan_today"))
    generate.add_argument("--include-idle", action="store_true", help=tr("help.plan_idle"))
    generate.add_argument("--user", default=None, metavar="LOGIN", help=tr("help.plan_user"))
    generate.set_defaults(run=_generate)
    approve = actions.add_parser("approve", parents=[common], help=tr("help.plan_approve"))
    approve.add_argument("--year", type=int, required=True, help=tr("help.plan_year"))
    approve.add_argument("--reason", required=True, help=tr("help.plan_reason"))
    approve.add_argument("--user", default=None, metavar="LOGIN", help=tr("help.plan_user"))
    approve.set_defaults(run=_approve)


def _generate(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.planning import PlanFilter, generate_plan

    db = open_existing(args)
    try:
        flt = PlanFilter(include_idle=args.include_idle)
        title = tr("plan.title", year=args.year)
        plan = generate_plan(db, acting_user(args, db, tr), args.year, flt, title, today=args.today)
    finally:
        db.dispose()
    carried = sum(1 for i in plan.items if i.carried_over)
    print(tr("plan.generated", year=plan.year, id=plan.id, lines=len(plan.items),
             carried=carried, in_year=len(plan.items) - carried), file=out)  # fmt: skip
    return 0


def _approve(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.planning import approve_plan, get_plan, list_plans

    db = open_existing(args)
    try:
        plans = [p for p in list_plans(db) if p.year == args.year]
        drafts = [p for p in plans if p.status == "draft"]
        if not drafts:
            raise NoDraftPlanError(args.year, len(plans))
        plan = get_plan(db, drafts[0].id)  # the newest draft of the year
        done = approve_plan(
            db, user := acting_user(args, db, tr), plan.id, plan.version, args.reason
        )
    finally:
        db.dispose()
    print(tr("plan.approved", year=done.year, id=done.id, revision=done.revision,
             lines=len(done.items), user=user), file=out)  # fmt: skip
    return 0
