"""File → Import register… and Download import template…, run on the worker.

:func:`import_dialog` answers the import dialog's steps (check the file chosen, write the error
workbook, import the checked rows in one transaction); the dialog only collects
(:mod:`labapp.ui.common.submission`).  :func:`save_template` writes the template with this lab's
names in its lists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from labapp.services.imports import (
    check_ledger,
    import_ledger,
    ledger_mapping,
    remember_mapping,
    write_import_template,
    write_ledger_errors,
)
from labapp.ui.common.export_job import file_language
from labapp.ui.common.submission import run_on_submit
from labapp.ui.imports._dialog import ImportDialog, LedgerRequest

__all__ = ["import_dialog", "save_template"]

CHECKING = QT_TRANSLATE_NOOP("ImportDialog", "Checking every row…")
SAVING_ERRORS = QT_TRANSLATE_NOOP("ImportDialog", "Saving the error workbook…")
IMPORTING = QT_TRANSLATE_NOOP("ImportDialog", "Importing…")


def import_dialog(session: Any, parent: QWidget) -> ImportDialog:
    """The import dialog (not yet shown) with each of its steps run on the worker."""
    dialog = ImportDialog(parent)

    def check(request: LedgerRequest) -> None:
        session.run(
            lambda db: _check(db, request),
            dialog.show_check,
            dialog.check_refused,
            _tr(CHECKING),
            dialog,
        )

    def write_errors(checked: Any, target: Path) -> None:
        lang = file_language()
        session.run(
            lambda _db: write_ledger_errors(checked, target, lang),  # type: ignore[arg-type]
            dialog.show_errors_saved,
            dialog.errors_refused,
            _tr(SAVING_ERRORS),
            dialog,
        )

    dialog.file_chosen.connect(check)
    dialog.errors_wanted.connect(write_errors)
    run_on_submit(session, dialog, _import, progress=_tr(IMPORTING))
    return dialog


def _check(db: Any, request: LedgerRequest) -> Any:
    """Check the ledger with the user's mapping, else the one remembered for its layout."""
    mapping = request.mapping
    if mapping is None and request.tag_pattern is None:
        mapping = ledger_mapping(request.path)
    return check_ledger(db, request.path, mapping, tag_pattern=request.tag_pattern,
                        create_missing=request.create_missing)  # fmt: skip


def _import(db: Any, user: str, check: Any) -> int:
    """Import (one transaction), then remember the mapping for the next ledger of this layout."""
    done = import_ledger(db, user, check)
    remember_mapping(check.mapping)
    return done.instruments


def save_template(
    session: Any,
    parent: QWidget | None,
    path: str | Path | None = None,
    on_saved: Callable[[Path], None] | None = None,
) -> None:
    """File → Download import template…: the template with this lab's names in its lists."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            _tr("Download import template"),
            _tr("register-template.xlsx"),
            _tr("Excel files (*.xlsx)"),
        )
    if not path:
        return
    target, lang = Path(path), file_language()
    session.run(
        lambda db: write_import_template(db, target, lang),  # type: ignore[arg-type]
        on_saved,
        progress=_tr("Writing the template…"),
        parent=parent,
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)
