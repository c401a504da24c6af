"""The event dialog, run: what it shows is loaded and what it returns is done on the worker.

The dialog only collects (:mod:`labapp.ui.common.submission`); :func:`event_dialog` answers its
requests: the event and its lists (``reload_wanted``), the standards valid on the date typed
(``standards_wanted``), the seal of a signed record (``seal_check_wanted``), a stored attachment
to open, and the typed actions of :mod:`labapp.ui.events._actions` (``submitted``): a draft saved
with its files in one unit of work, a correction, a signature.  The signer shown in the signature
dialog follows the session's logged-in person.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from labapp.services import events
from labapp.services.accounts import event_problems
from labapp.ui.common.submission import run_on_submit
from labapp.ui.events._actions import Correction, DraftSave, EventAction
from labapp.ui.events._attachments import media_type, open_attachment
from labapp.ui.events._dialog import EventDialog
from labapp.ui.events._loading import load_event, standards_on

__all__ = ["event_dialog", "run_action"]


def run_action(db: Any, user: str, action: EventAction) -> Any:
    """Worker job: do ``action`` as ``user``; the stored ``EventDetail`` it leaves."""
    if isinstance(action, DraftSave):
        return _save_draft(db, user, action)
    if isinstance(action, Correction):
        return events.correct_event(db, user, action.event_id, action.reason)
    sign = events.check_event if action.meaning == "check" else events.approve_event
    return sign(db, user, action.event_id, action.version, action.password)


def _save_draft(db: Any, user: str, action: DraftSave) -> Any:
    """The draft and its files in one unit of work: a refused file leaves no draft behind."""
    files = [_new_file(path) for path in action.files]
    return events.save_draft_with_files(
        db, user, action.data, files, event_id=action.event_id,
        expected_version=action.version, rule=action.rule,
        guard_band_factor=action.guard_band_factor,
    )  # fmt: skip


def _new_file(path: Path) -> events.NewFile:
    return events.NewFile(path.name, path.read_bytes(), media_type(path))


def event_dialog(
    session: Any,
    parent: QWidget | None = None,
    *,
    instrument_id: int | None = None,
    event_id: int | None = None,
) -> EventDialog:
    """The event dialog (not yet shown) for a new event of ``instrument_id`` or stored event
    ``event_id``, loading on the worker and with its requests answered there."""
    dialog = EventDialog(parent)
    dialog.set_signer(session.actor)
    session.actor_changed.connect(dialog.set_signer)

    def load(instrument: int | None, event: int | None) -> None:
        user = session.user
        session.run(
            lambda db: load_event(db, user, instrument, event),
            dialog.show_loaded,
            dialog.load_refused,
        )

    dialog.reload_wanted.connect(lambda ident: load(None, ident))
    dialog.standards_wanted.connect(
        lambda day, item: session.run(lambda db: standards_on(db, day, item), dialog.show_standards)
    )
    dialog.seal_check_wanted.connect(
        lambda ident: session.run(
            lambda db: event_problems(db, ident), dialog.show_seal, lambda _exc: None
        )
    )
    attachments = dialog.attachments
    attachments.open_wanted.connect(
        lambda ident: open_attachment(session, ident, attachments.opened.emit)
    )
    run_on_submit(session, dialog, run_action)
    load(instrument_id, event_id)
    return dialog
