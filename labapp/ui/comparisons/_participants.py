"""The participants of the Comparisons page: add, edit, remove, and the corrective action
(纠正措施) offered on a participant whose score is unsatisfactory.

A mixin of :class:`labapp.ui.comparisons.ComparisonsView`; its texts keep the page's
translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from labapp.domain.proficiency import CorrectiveStatus
from labapp.services import comparisons as svc
from labapp.services import corrective_actions as ca
from labapp.services.comparisons import ComparisonDetail, ComparisonResult
from labapp.services.corrective_actions import ActionInfo
from labapp.ui.comparisons._dialogs import ParticipantDialog
from labapp.ui.corrective_actions import CorrectiveActionDialog, corrective_action_dialog

__all__ = ["ParticipantActionsMixin"]


class ParticipantActionsMixin:
    """Participant actions; the page provides ``session``, ``detail``, ``result``,
    ``participants`` (table), ``participants_model``, ``_changed``, ``_refused`` and the
    ``action_saved`` signal."""

    session: Any
    detail: ComparisonDetail | None
    result: ComparisonResult | None

    def selected_participant(self) -> Any:
        """The participant selected in the table, or None."""
        index = self.participants.currentIndex()
        return self.participants_model.row_at(index.row()) if index.isValid() else None

    def participant_dialog(self, participant: Any = None) -> ParticipantDialog:
        """The dialog for a new (``None``) or an existing participant (tests drive it)."""
        unit = self.detail.unit if self.detail else ""
        return ParticipantDialog(unit, participant, self)

    def add_participant(self, dialog: ParticipantDialog | None = None) -> None:
        """Ask for a participant's result and add it."""
        detail, user = self.detail, self.session.user
        if detail is None:
            return
        dialog = dialog or self.participant_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data = dialog.value_input()
        self.session.run(
            lambda db: svc.add_participant(db, user, detail.id, data), self._changed, self._refused
        )

    def edit_participant(self, dialog: ParticipantDialog | None = None) -> None:
        """Edit the selected participant's result."""
        part, user = self.selected_participant(), self.session.user
        if part is None:
            return
        dialog = dialog or self.participant_dialog(part)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data = dialog.value_input()
        self.session.run(
            lambda db: svc.update_participant(db, user, part.id, data, part.version),
            self._changed,
            self._refused,
        )

    def remove_participant(self) -> None:
        """Delete the selected participant's result (after asking)."""
        part, user = self.selected_participant(), self.session.user
        if part is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("ComparisonsView", "Remove participant"),
            QCoreApplication.translate("ComparisonsView", "Remove {0}?").format(part.code),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.session.run(
            lambda db: svc.remove_participant(db, user, part.id, part.version),
            self._changed,
            self._refused,
        )

    def unsatisfactory(self, participant: Any) -> bool:
        """Whether ``participant``'s current score is unsatisfactory (|En| > 1, |z| ≥ 3 ...)."""
        scores = self.result.scores if self.result else ()
        return any(s.code == participant.code and s.unsatisfactory for s in scores)

    def update_action_button(self) -> None:
        """Offer a corrective action on the selected participant when its score asks for one."""
        scores = self.result.scores if self.result else ()
        self.participants_model.set_unsatisfactory(
            frozenset(s.code for s in scores if s.unsatisfactory)
        )
        part = self.selected_participant()
        offer = part is not None and self.unsatisfactory(part)
        self.action_button.setEnabled(part is not None)
        font = self.action_button.font()
        font.setBold(offer)
        self.action_button.setFont(font)
        self.action_button.setToolTip(
            QCoreApplication.translate(
                "ComparisonsView", "The score is unsatisfactory: open a corrective action"
            )
            if offer
            else QCoreApplication.translate(
                "ComparisonsView", "Open or view the participant's corrective action"
            )
        )

    def corrective_action(self) -> None:
        """Open the selected participant's corrective action: its open one, else a new one."""
        part = self.selected_participant()
        if part is None:
            return
        self.session.run(
            lambda db: ca.actions_of_participant(db, part.id),
            lambda actions: self._show_action(part, actions),
            self._refused,
        )

    def action_dialog(self, part: Any, actions: list[ActionInfo]) -> CorrectiveActionDialog:
        """The dialog for ``part``: its latest open action, else a new one (tests drive it)."""
        detail = self.detail
        context = f"{detail.title if detail else ''} · {part.code}"
        current = next((a for a in reversed(actions) if a.status is CorrectiveStatus.OPEN), None)
        standards = (part.instrument_id,) if part.instrument_id else ()
        dialog = corrective_action_dialog(
            self.session, self, participant_id=part.id, action=current, context=context,  # type: ignore[arg-type]
            standard_ids=standards,
        )  # fmt: skip
        dialog.saved.connect(self.action_saved.emit)
        return dialog

    def _show_action(self, part: Any, actions: list[ActionInfo]) -> None:
        self.action_window = self.action_dialog(part, actions)
        self.action_window.open()
