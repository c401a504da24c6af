"""Export PDF… of the investigation shown: the printable report, written on the worker
(:func:`labapp.services.impact.export_investigation_pdf`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from labapp.services.impact import export_investigation_pdf
from labapp.ui.common import settings
from labapp.ui.common.print_job import PrintJob, start_print

__all__ = ["print_investigation"]


def print_investigation(view: Any, path: str | Path | None = None) -> PrintJob | None:
    """Print ``view.detail`` (asks for the file unless ``path``); None if nothing was started."""
    if view.detail is None:
        return None
    s = view.detail.summary
    user, lang = view.session.user, settings.export_language()
    title = QCoreApplication.translate("ImpactPrint", "Export investigation as PDF")
    return start_print(
        view, view.session, title, f"impact-{s.asset_tag}-{s.id}.pdf",
        lambda db, out, progress, cancel: export_investigation_pdf(
            db, s.id, out, lang, user, progress=progress, cancel=cancel), path,  # type: ignore[arg-type]
    )  # fmt: skip
