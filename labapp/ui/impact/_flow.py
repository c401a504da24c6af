"""New investigation… and Close…, run: the Investigations page loads what the dialogs offer and
runs what they return on the worker (:mod:`labapp.ui.common.submission`); the dialogs only collect.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from labapp.services import impact
from labapp.ui.common.submission import run_on_submit
from labapp.ui.impact._close import CloseInvestigationDialog
from labapp.ui.impact._new import NewInvestigation, NewInvestigationDialog

__all__ = ["GUARD_BAND_FACTOR", "close_dialog", "new_dialog"]

#: The guard band factor r in w = r·U (the lab's decisions use r = 1).
GUARD_BAND_FACTOR = Decimal(1)


def open_or_show(db: Any, user: str, chosen: NewInvestigation) -> Any:
    """Worker job: open the investigation of ``chosen``'s failure, or show the one already open
    on it (one open investigation per failure)."""
    if chosen.open_id is not None:
        return impact.get_investigation(db, chosen.open_id)
    key = "event_id" if chosen.kind == "event" else "check_id"
    return impact.open_investigation(
        db, user, rule=chosen.rule, guard_band_factor=GUARD_BAND_FACTOR, summary=chosen.summary,
        **{key: chosen.source_id},
    )  # fmt: skip


def new_dialog(
    session: Any, parent: QWidget, standard_id: int | None, kind: str | None
) -> NewInvestigationDialog:
    """The New investigation dialog (not yet open): its standards and failures load on the
    worker, Open opens the investigation there."""
    dialog = NewInvestigationDialog(parent, standard_id=standard_id, kind=kind)
    dialog.sources_wanted.connect(
        lambda ident: session.run(lambda db: impact.failed_sources(db, ident), dialog.fill_sources)
    )
    session.run(impact.standards_with_failures, dialog.fill_standards)
    searching = QCoreApplication.translate(
        "NewInvestigationDialog", "Searching every result the standard served…"
    )
    run_on_submit(session, dialog, open_or_show, progress=searching)
    return dialog


def close_dialog(session: Any, parent: QWidget, detail: Any) -> CloseInvestigationDialog:
    """The Close dialog for ``detail`` (not yet open), closing with the version the page read."""
    dialog = CloseInvestigationDialog(detail, parent)
    ident, version = detail.summary.id, detail.summary.version
    run_on_submit(
        session,
        dialog,
        lambda db, user, text: impact.close_investigation(db, user, ident, version, text),
    )
    return dialog
