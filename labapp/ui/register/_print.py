"""Export PDF… of the register: the page's filter and its visible columns, in the order shown,
printed on the worker (:func:`labapp.services.exports.export_register_pdf`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from labapp.services.exports import REGISTER_PDF_COLUMNS, export_register_pdf
from labapp.ui.common import settings
from labapp.ui.common.print_job import PrintJob, start_print
from labapp.ui.register._table_model import COLUMNS

__all__ = ["start_register_print", "visible_columns"]


def visible_columns(table: Any) -> list[str]:
    """The register columns the table shows, in their on-screen order."""
    header = table.horizontalHeader()
    shown = [i for i in range(len(COLUMNS)) if not table.isColumnHidden(i)]
    keys = [COLUMNS[i][0] for i in sorted(shown, key=header.visualIndex)]
    return [k for k in keys if k in REGISTER_PDF_COLUMNS]


def start_register_print(
    view: Any, path: str | Path | None = None, today: date | None = None
) -> PrintJob | None:
    """Print the register as the page shows it (asks for the file unless ``path``)."""
    flt, columns = view.current_filter(), visible_columns(view.table)
    lang, user = settings.export_language(), view.session.user
    day, lead_days = today or date.today(), int(settings.get(settings.DUE_SOON_DAYS))
    title = QCoreApplication.translate("RegisterPrint", "Export register as PDF")

    def job(db: Any, out: Path, progress: Any, cancel: Any) -> Path | None:
        return export_register_pdf(db, out, columns, register_filter=flt, language=lang,  # type: ignore[arg-type]
                                   exported_by=user, today=day, lead_days=lead_days,
                                   progress=progress, cancel=cancel)  # fmt: skip

    return start_print(view, view.session, title, "register.pdf", job, path)
