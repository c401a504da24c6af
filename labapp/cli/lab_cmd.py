"""``labapp-cli lab settings``: show or set the laboratory's 受检率 target and definition and the
control charts' minimum baseline (:mod:`labapp.services.laboratory`)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from labapp.cli.auth import acting_user
from labapp.cli.common import open_existing
from labapp.cli.messages import Messages

__all__ = ["add_lab_parser"]


def add_lab_parser(actions: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``settings [--on-time-target PCT] [--on-time-definition TEXT] [...]`` to ``lab``."""
    settings = actions.add_parser("settings", parents=[common], help=tr("help.lab_settings"))
    settings.add_argument("--on-time-target", default=None, metavar="PERCENT",
                          help=tr("help.lab_target"))  # fmt: skip
    settings.add_argument("--on-time-definition", default=None, metavar="TEXT",
                          help=tr("help.lab_definition"))  # fmt: skip
    settings.add_argument("--control-min-baseline", type=int, default=None, metavar="N",
                          help=tr("help.lab_baseline"))  # fmt: skip
    settings.add_argument("--user", default=None, metavar="LOGIN", help=tr("help.plan_user"))
    settings.set_defaults(run=_settings)


def _settings(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.services.laboratory import figure_settings, update_figure_settings

    db = open_existing(args)
    try:
        changes = (args.on_time_target, args.on_time_definition, args.control_min_baseline)
        if any(v is not None for v in changes):
            shown = update_figure_settings(
                db, acting_user(args, db, tr), on_time_target=args.on_time_target,
                on_time_definition=args.on_time_definition,
                control_min_baseline=args.control_min_baseline,
            )  # fmt: skip
        else:
            shown = figure_settings(db)
    finally:
        db.dispose()
    definition = (
        shown.on_time_definition_zh if tr.language == "zh_CN" else shown.on_time_definition_en
    )
    print(tr("lab.target", target=f"{shown.on_time_target.normalize():f}"), file=out)
    print(tr("lab.definition", text=definition), file=out)
    print(tr("lab.baseline", n=shown.control_min_baseline), file=out)
    return 0
