"""The corrective-action dialog, run for its callers (the Comparisons page, the PT plan page): the
standards it offers load on the worker and what it returns is opened, saved or closed there
(:mod:`labapp.ui.common.submission`); the dialog only collects.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from labapp.services import corrective_actions as ca
from labapp.services.corrective_actions import ActionInfo
from labapp.services.events import valid_standards
from labapp.ui.common.submission import UseCase, run_on_submit
from labapp.ui.corrective_actions._dialog import ActionSubmit, CorrectiveActionDialog

__all__ = ["corrective_action_dialog"]


def corrective_action_dialog(
    session: Any,
    parent: QWidget,
    *,
    participant_id: int | None = None,
    action: ActionInfo | None = None,
    context: str = "",
    standard_ids: tuple[int, ...] = (),
) -> CorrectiveActionDialog:
    """The dialog (not yet open) opening an action on ``participant_id``, or editing or closing
    ``action``; ``standard_ids`` are ticked at first (a new action's standards involved)."""
    dialog = CorrectiveActionDialog(
        participant_id=participant_id, action=action, context=context,
        standard_ids=standard_ids, parent=parent,
    )  # fmt: skip
    today = date.today()
    session.run(lambda db: valid_standards(db, today), dialog.fill_standards)
    run_on_submit(session, dialog, _saving(participant_id, action))
    return dialog


def _saving(participant_id: int | None, action: ActionInfo | None) -> UseCase:
    """Open a new action, or save (or close) ``action`` over the version the dialog read."""

    def save(db: Any, user: str, submit: ActionSubmit) -> ActionInfo:
        today = date.today()
        if action is None:
            assert participant_id is not None  # a new action is opened on a participant
            return ca.open_action(db, user, participant_id, submit.data, today)
        if submit.closing:
            return ca.close_action(db, user, action.id, submit.data, action.version, today)
        return ca.update_action(db, user, action.id, submit.data, action.version)

    return save
