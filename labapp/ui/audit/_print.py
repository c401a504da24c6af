"""Export PDF… and Export Excel… of the audit trail: exactly what the Audit page's filters
select — the item typed (its entries and its events'), the person, the kind of record and the
days From … To — each entry with whether the chain and seals verify; the report's cover names
every filter.  On the worker (:func:`labapp.services.audit.audit_trail`, then
:func:`labapp.services.exports.export_audit_pdf` or ``export_audit_xlsx``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from labapp.services.audit import audit_trail
from labapp.services.exports import export_audit_pdf, export_audit_xlsx
from labapp.ui.audit._item import ItemNotFound, resolve_item
from labapp.ui.common import settings
from labapp.ui.common.export_job import ExportJob
from labapp.ui.common.print_job import PrintJob, start_print

__all__ = ["export_audit", "print_audit"]


def _trail(
    db: Any, view_filters: tuple[str, str | None, str | None], start: date, end: date
) -> Any:
    """The trail of the page's filters; the item as the page resolves it (a typed tag no item
    has is left for ``audit_trail`` to refuse as not found)."""
    tag, user, entity = view_filters
    try:
        item = resolve_item(db, tag)[1] if tag else None
    except ItemNotFound:
        item = tag
    return audit_trail(db, item_tag=item, date_from=start, date_to=end, user=user,
                       entity=entity)  # fmt: skip


def print_audit(
    view: Any, start: date, end: date, path: str | Path | None = None
) -> PrintJob | None:
    """Print the trail of ``view``'s item (if typed) over ``start`` … ``end``."""
    filters = view.filters()
    tag = filters[0] or None
    user, lang = view.session.user, settings.export_language()
    title = QCoreApplication.translate("AuditPrint", "Export audit trail as PDF")
    suggested = f"audit-{tag or 'trail'}-{start.isoformat()}-{end.isoformat()}.pdf"

    def job(db: Any, out: Path, progress: Any, cancel: Any) -> Path | None:
        trail = _trail(db, filters, start, end)
        return export_audit_pdf(out, trail, user, lang, db, progress=progress, cancel=cancel)  # type: ignore[arg-type]

    return start_print(view, view.session, title, suggested, job, path)


def export_audit(
    view: Any, start: date, end: date, path: str | Path | None = None
) -> ExportJob | None:
    """The same trail as an Excel workbook (with every integrity problem found)."""
    filters = view.filters()
    tag = filters[0] or None
    user, lang = view.session.user, settings.export_language()
    title = QCoreApplication.translate("AuditPrint", "Export audit trail to Excel")
    job = ExportJob(view, title, QCoreApplication.translate("AuditPrint", "Exporting…"))
    suggested = f"audit-{tag or 'trail'}-{start.isoformat()}-{end.isoformat()}.xlsx"
    target = Path(path) if path else job.ask_path(suggested)
    if target is None:
        job.deleteLater()
        return None

    def export(db: Any, out: Path, _progress: Any, _cancel: Any) -> Any:
        trail = _trail(db, filters, start, end)
        return export_audit_xlsx(out, trail, user, lang, db)  # type: ignore[arg-type]

    job.start(view.session, target, export)
    return job
