"""File → Export register…: the register page's current filter to Excel, through :class:`ExportJob`.

The rows are counted, then streamed into the workbook on the worker
(:func:`labapp.services.exports.export_register`); the progress bar follows the rows written
and Cancel stops the export, leaving no partial file (an existing file of that name untouched).
The workbook has the import's columns, so it can be imported back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from labapp.services.exports import export_register
from labapp.services.register import RegisterFilter, count_register
from labapp.ui.common import settings
from labapp.ui.common.export_job import ExportJob

__all__ = ["start_register_export"]


def start_register_export(
    parent: QWidget,
    session: Any,
    register_filter: RegisterFilter | None = None,
    path: str | Path | None = None,
    today: date | None = None,
) -> ExportJob | None:
    """Ask where (unless ``path`` is given) and export on the worker; None if not started."""
    title = QCoreApplication.translate("RegisterExport", "Export register")
    label = QCoreApplication.translate("RegisterExport", "Exporting the register…")
    job = ExportJob(parent, title, label)
    suggested = QCoreApplication.translate("RegisterExport", "register.xlsx")
    target = Path(path) if path else job.ask_path(suggested)
    if target is None:
        job.deleteLater()
        return None
    flt, lang, user = register_filter or RegisterFilter(), settings.export_language(), session.user
    day, lead_days = today or date.today(), int(settings.get(settings.DUE_SOON_DAYS))

    def export(db: Any, out: Path, progress: Callable[[int, int], None], cancel: Any) -> Any:
        total = count_register(db, flt, day, lead_days)
        return export_register(
            db, out, register_filter=flt, language=lang,  # type: ignore[arg-type]
            exported_by=user, today=day, lead_days=lead_days,
            progress=lambda done: progress(done, total), cancel=cancel,
        )  # fmt: skip

    job.start(session, target, export)
    return job
