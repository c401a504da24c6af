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
    check_register_file,
    import_register,
    write_error_workbook,
    write_import_template,
)
from labapp.ui.common.export_job import file_language
from labapp.ui.common.submission import run_on_submit
from labapp.ui.imports._dialog import ImportDialog

__all__ = ["import_dialog", "save_template"]

CHECKING = QT_TRANSLATE_NOOP("ImportDialog", "Checking every row…")
SAVING_ERRORS = QT_TRANSLATE_NOOP("ImportDialog", "Saving the error workbook…")
IMPORTING = QT_TRANSLATE_NOOP("ImportDialog", "Importing…")


def import_dialog(session: Any, parent: QWidget) -> ImportDialog:
    """The import dialog (not yet shown) with each of its steps run on the worker."""
    dialog = ImportDialog(parent)

    def check(path: Path) -> None:
        session.run(
            lambda db: check_register_file(db, path),
            dialog.show_check,
            dialog.check_refused,
            _tr(CHECKING),
            dialog,
        )

    def write_errors(checked: Any, target: Path) -> None:
        lang = file_language()
        session.run(
            lambda _db: write_error_workbook(checked, target, lang),  # type: ignore[arg-type]
            dialog.show_errors_saved,
            dialog.errors_refused,
            _tr(SAVING_ERRORS),
            dialog,
        )

    dialog.file_chosen.connect(check)
    dialog.errors_wanted.connect(write_errors)
    run_on_submit(session, dialog, import_register, progress=_tr(IMPORTING))
    return dialog


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
