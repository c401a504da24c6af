"""``labapp-cli export KIND OUT.xlsx``: the auditor's workbooks without the GUI.

Kinds: ``register``, ``traceability``, ``plan``, ``due``, ``dashboard`` and ``audit`` (the audit
trail of ``--item`` and/or the days ``--from`` … ``--to``); each writes the same workbook as the
GUI (the services do the work).  ``register``, ``plan`` and ``audit`` print a PDF instead when
OUT ends in ``.pdf``.  Headers follow ``--lang`` (``--bilingual`` puts
both languages in them).  Progress goes to stderr; Ctrl+C stops and leaves no file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from labapp.cli.common import open_existing
from labapp.cli.messages import Messages
from labapp.domain.errors import LabAppError

__all__ = ["KINDS", "WINDOWS", "add_export_parser"]

KINDS = ("register", "traceability", "plan", "due", "dashboard", "audit")
#: the kinds that also print a PDF (OUT.pdf)
PDF_KINDS = ("register", "plan", "audit")
WINDOWS = ("overdue", "this_month", "next_30", "next_60", "next_90", "quarter", "year")


class NotXlsxError(LabAppError):
    """The file to write does not end in ``.xlsx`` (worded as ``error.NotXlsxError``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: not an .xlsx file")
        self.path = path


class NotXlsxOrPdfError(LabAppError):
    """The file to write for a kind that prints too ends in neither ``.xlsx`` nor ``.pdf``."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: not an .xlsx or .pdf file")
        self.path = path


class NoFolderError(LabAppError):
    """The folder of the file to write does not exist."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"no such folder: {folder}")
        self.folder = folder


class NoItemError(LabAppError):
    """``--item`` names no item."""

    def __init__(self, tag: str) -> None:
        super().__init__(f"no item with asset tag {tag!r}")
        self.tag = tag


class NoQuantityError(LabAppError):
    """``--quantity`` names no quantity of the register (by key, English or Chinese label)."""

    def __init__(self, text: str, known: str) -> None:
        super().__init__(f"no quantity {text!r}")
        self.text = text
        self.known = known


class NoPlanError(LabAppError):
    """No plan of the year asked for (or no plan at all)."""

    def __init__(self, year: object) -> None:
        super().__init__(f"no re-verification plan for year {year}")
        self.year = year


def add_export_parser(
    commands: Any, common: argparse.ArgumentParser, tr: Messages, parse_date: Any
) -> None:
    """Add ``export`` to the subcommands of ``labapp-cli``."""
    export = commands.add_parser("export", parents=[common], help=tr("help.export"))
    export.add_argument("kind", choices=KINDS, help=tr("help.export_kind"))
    export.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.pdf", help=tr("help.out"))
    export.add_argument("--year", type=int, default=None, help=tr("help.export_year"))
    export.add_argument("--window", choices=WINDOWS, default="next_30", help=tr("help.window"))
    export.add_argument("--today", type=parse_date, default=None, help=tr("help.export_today"))
    export.add_argument("--lead-days", type=int, default=30, help=tr("help.lead_days"))
    export.add_argument("--item", default=None, metavar="ASSET_TAG", help=tr("help.item"))
    export.add_argument("--quantity", default=None, help=tr("help.quantity"))
    export.add_argument("--standards-only", action="store_true", help=tr("help.standards_only"))
    export.add_argument("--from", dest="date_from", type=parse_date, default=None,
                        metavar="YYYY-MM-DD", help=tr("help.audit_from"))  # fmt: skip
    export.add_argument("--to", dest="date_to", type=parse_date, default=None,
                        metavar="YYYY-MM-DD", help=tr("help.audit_to"))  # fmt: skip
    export.add_argument("--columns", default=None, metavar="KEY,KEY,…",
                        help=tr("help.register_columns"))  # fmt: skip
    export.add_argument("--bilingual", action="store_true", help=tr("help.bilingual"))
    export.add_argument("--user", default=None, help=tr("help.user"))
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    """Open the database, write the workbook, print where it went and how many rows."""
    target = _checked_target(args.out, args.kind)
    db = open_existing(args)
    started = time.perf_counter()
    try:
        if target.suffix.lower() == ".pdf":
            rows = _PDF_JOBS[args.kind](db, target, args, tr)
            from labapp.io.excel import ExportResult  # xlsxwriter: not for every command

            result = ExportResult(target, {"pdf": rows}, False, time.perf_counter() - started)
        else:
            result = _JOBS[args.kind](db, target, args, tr)
    finally:
        db.dispose()
    rows = sum(result.rows_per_sheet.values())
    print(tr("export.done", path=result.path, rows=rows, seconds=result.elapsed_s), file=out)
    data = list(result.rows_per_sheet.values())
    if data and data[0] == 0:  # the first data sheet is what the filter selected
        print(tr("export.empty", kind=args.kind), file=out)
    return 0


def _checked_target(path: Path, kind: str) -> Path:
    suffix = path.suffix.lower()
    if kind in PDF_KINDS and suffix not in (".xlsx", ".pdf"):
        raise NotXlsxOrPdfError(path)
    if kind not in PDF_KINDS and suffix != ".xlsx":
        raise NotXlsxError(path)
    if not path.parent.resolve().is_dir():
        raise NoFolderError(path.parent)
    return path


def _language(args: argparse.Namespace, tr: Messages) -> Any:
    return "bilingual" if args.bilingual else tr.language


def _user(args: argparse.Namespace) -> str:
    return str(args.user or getpass.getuser())


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def _progress(tr: Messages) -> Callable[[int, int], None]:
    state = {"shown": -1}

    def report(done: int, total: int) -> None:
        tenth = 10 * done // total if total else 10
        if total >= 5000 and tenth > state["shown"]:
            print(tr("export.progress", done=done, total=total), file=sys.stderr, flush=True)
            state["shown"] = tenth

    return report


# --- the kinds ------------------------------------------------------------------------------


def _register(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> Any:
    from labapp.services.exports import export_register

    return export_register(db, target, language=_language(args, tr), exported_by=_user(args),
                           today=_today(args), lead_days=args.lead_days)  # fmt: skip


def _traceability(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> Any:
    from labapp.services.exports import TraceFilter, export_traceability

    item_id = _item_id(db, args.item) if args.item else None
    quantity = _quantity(db, args.quantity) if args.quantity else None
    flt = TraceFilter(_today(args), quantity, args.standards_only, item_id)
    return export_traceability(db, target, flt, language=_language(args, tr),
                               exported_by=_user(args), item_tag=args.item,
                               progress=_progress(tr))  # fmt: skip


def _quantity(db: Any, text: str) -> str:
    """The stored quantity ``text`` names (key, English or Chinese label), else a clear error."""
    from labapp.io.excel import quantity_label
    from labapp.services.common import known_quantities, resolve_quantity

    key = resolve_quantity(db, text)
    if key is None:
        known = ", ".join(quantity_label(q, "bilingual") for q in known_quantities(db))
        raise NoQuantityError(text.strip(), known or "-")
    return key


def _item_id(db: Any, asset_tag: str) -> int:
    from labapp.services.register import list_instruments

    wanted = asset_tag.strip().casefold()
    found = [r for r in list_instruments(db, search=asset_tag.strip(), limit=50)
             if r.asset_tag.casefold() == wanted]  # fmt: skip
    if not found:
        raise NoItemError(asset_tag)
    return int(found[0].id)


def _plan(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> Any:
    from labapp.services.exports import export_plan

    return export_plan(target, _newest_plan(db, args), _user(args), _language(args, tr), db)


def _newest_plan(db: Any, args: argparse.Namespace) -> Any:
    from labapp.services.planning import get_plan, list_plans

    plans = [p for p in list_plans(db) if args.year is None or p.year == args.year]
    if not plans:
        raise NoPlanError(args.year or "-")
    return get_plan(db, plans[0].id)  # the newest plan of the year


def _due(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> Any:
    from labapp.services.exports import export_due
    from labapp.services.planning import DueWindow, PlanFilter, due_items

    window = DueWindow(args.window)
    items = due_items(db, window, _today(args), PlanFilter())
    shown = tr(f"window.{window.value}")
    title = tr("export.due_title", window=shown)
    described = tr("export.due_filter", window=shown, today=_today(args).isoformat())
    return export_due(target, items, title, described, _user(args), _language(args, tr), db)


def _dashboard(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> Any:
    from labapp.services.exports import export_dashboard

    return export_dashboard(db, target, year=args.year, today=_today(args),
                            lead_days=args.lead_days, language=_language(args, tr),
                            exported_by=_user(args))  # fmt: skip


def _audit_trail(db: Any, args: argparse.Namespace) -> Any:
    from labapp.services.audit import audit_trail

    if args.item:
        _item_id(db, args.item)  # an unknown tag is worded as the other kinds word it
    return audit_trail(db, item_tag=args.item, date_from=args.date_from, date_to=args.date_to)


def _audit(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> Any:
    from labapp.services.exports import export_audit_xlsx

    return export_audit_xlsx(target, _audit_trail(db, args), _user(args), _language(args, tr), db)


# --- the printed kinds (OUT.pdf): each returns the number of lines printed ----------------------


def _register_pdf(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> int:
    from labapp.services.exports import REGISTER_PDF_DEFAULT, export_register_pdf
    from labapp.services.register import RegisterFilter, count_register

    chosen = [c.strip() for c in (args.columns or "").split(",") if c.strip()]
    export_register_pdf(db, target, chosen or REGISTER_PDF_DEFAULT, language=_language(args, tr),
                        exported_by=_user(args), today=_today(args),
                        lead_days=args.lead_days)  # fmt: skip
    return int(count_register(db, RegisterFilter(), today=_today(args)))


def _plan_pdf(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> int:
    from labapp.services.exports import export_plan_pdf

    plan = _newest_plan(db, args)
    export_plan_pdf(target, plan, _user(args), _language(args, tr), db, _today(args))
    return len(plan.items)


def _audit_pdf(db: Any, target: Path, args: argparse.Namespace, tr: Messages) -> int:
    from labapp.services.exports import export_audit_pdf

    trail = _audit_trail(db, args)
    export_audit_pdf(target, trail, _user(args), _language(args, tr), db)
    return len(trail.lines)


_JOBS: dict[str, Callable[[Any, Path, argparse.Namespace, Messages], Any]] = {
    "register": _register,
    "traceability": _traceability,
    "plan": _plan,
    "due": _due,
    "dashboard": _dashboard,
    "audit": _audit,
}
_PDF_JOBS: dict[str, Callable[[Any, Path, argparse.Namespace, Messages], int]] = {
    "register": _register_pdf,
    "plan": _plan_pdf,
    "audit": _audit_pdf,
}
