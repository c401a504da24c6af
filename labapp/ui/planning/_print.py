"""Export PDF… of the plan shown: the printable plan with its 编制 / 审核 / 批准 blocks, written on
the worker (:func:`labapp.services.exports.export_plan_pdf`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from labapp.services.exports import export_plan_pdf
from labapp.ui.common import settings
from labapp.ui.common.print_job import PrintJob, start_print

__all__ = ["print_plan"]


def print_plan(view: Any, path: str | Path | None = None) -> PrintJob | None:
    """Print ``view.plan`` (asks for the file unless ``path``); None if nothing was started."""
    plan = view.plan
    if plan is None:
        return None
    user, lang = view.session.user, settings.export_language()
    title = QCoreApplication.translate("PlanPrint", "Export plan as PDF")
    return start_print(
        view, view.session, title, f"plan-{plan.year}.pdf",
        lambda db, out, progress, cancel: export_plan_pdf(
            out, plan, user, lang, db, progress=progress, cancel=cancel), path,
    )  # fmt: skip
