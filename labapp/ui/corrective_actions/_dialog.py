"""A corrective action (纠正措施) after an unsatisfactory score: open, edit, close.

The dialog collects (:mod:`labapp.ui.common.submission`): Save and Close action emit
``submitted`` with an :class:`ActionSubmit`, which :func:`corrective_action_dialog`'s caller side
saves through :mod:`labapp.services.corrective_actions` on the worker; the dialog stays open when
the service refuses (the reason is shown under the form, nothing typed is lost): closing needs
what was done and the verification of effectiveness.  A closed action is shown read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.domain.proficiency import CorrectiveStatus
from labapp.services.corrective_actions import ActionInfo, ActionInput
from labapp.ui.common.errors import field_problem, show_error

__all__ = ["ActionSubmit", "CorrectiveActionDialog", "action_problem", "status_text"]

CONTEXT = "CorrectiveActionDialog"
STATUS_TEXTS: dict[CorrectiveStatus, str] = {
    CorrectiveStatus.OPEN: QT_TRANSLATE_NOOP("ProficiencyModels", "Open"),
    CorrectiveStatus.CLOSED: QT_TRANSLATE_NOOP("ProficiencyModels", "Closed"),
}

#: (field, code) refusals of the service, worded here
PROBLEMS: dict[tuple[str, str], str] = {
    ("description", "required"): QT_TRANSLATE_NOOP(
        "CorrectiveActionDialog", "Describe the nonconformity."
    ),
    ("action_taken", "required"): QT_TRANSLATE_NOOP(
        "CorrectiveActionDialog", "Say what action was taken before closing."
    ),
    ("verification", "required"): QT_TRANSLATE_NOOP(
        "CorrectiveActionDialog",
        "Record the verification of effectiveness before closing the action.",
    ),
}


def action_problem(exc: ValidationError) -> str:
    """A refusal of the corrective-actions service in the user's language."""
    source = PROBLEMS.get((exc.field, exc.code))
    return QCoreApplication.translate(CONTEXT, source) if source else field_problem(exc)


def status_text(value: CorrectiveStatus) -> str:
    """A corrective action's status in the user's language."""
    return QCoreApplication.translate("ProficiencyModels", STATUS_TEXTS[value])


@dataclass(frozen=True)
class ActionSubmit:
    """What Save (``closing`` false) or Close action (true) hands to the caller."""

    data: ActionInput
    closing: bool = False


class CorrectiveActionDialog(QDialog):
    """Open a corrective action on ``participant_id``, or edit / close ``action``.

    ``submitted`` carries an :class:`ActionSubmit`; :attr:`saved` the stored
    :class:`ActionInfo` (after Save or Close action).
    """

    submitted = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        *,
        participant_id: int | None = None,
        action: ActionInfo | None = None,
        context: str = "",
        standard_ids: tuple[int, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctiveActionDialog")
        self.action, self.participant_id = action, participant_id
        self.context_text = context or (
            f"{action.comparison_title} · {action.participant_code}" if action else ""
        )
        self._wanted = {s.instrument_id for s in action.standards} if action else set(standard_ids)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.description = self._text_edit("description", action.description if action else "")
        self.root_cause = self._text_edit("rootCause", action.root_cause if action else "")
        self.action_taken = self._text_edit("actionTaken", action.action_taken if action else "")
        self.verification = self._text_edit("verification", action.verification if action else "")
        self.standards = QListWidget()
        self.standards.setObjectName("standards")
        self.standards.setMaximumHeight(110)
        self.error = QLabel()
        self.error.setObjectName("actionError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self._build()
        self._fill_known_standards()
        self.retranslate_ui()

    @staticmethod
    def _text_edit(name: str, text: str | None) -> QPlainTextEdit:
        edit = QPlainTextEdit(text or "")
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(54)
        return edit

    def _build(self) -> None:
        self.form = QFormLayout()
        self.labels = []
        for widget in (self.description, self.root_cause, self.action_taken, self.verification,
                       self.standards):  # fmt: skip
            label = QLabel()
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            self.labels.append(label)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveAction")
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeAction")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_action)
        closed = self.action is not None and self.action.status is CorrectiveStatus.CLOSED
        for widget in (self.description, self.root_cause, self.action_taken, self.verification):
            widget.setReadOnly(closed)
        self.standards.setEnabled(not closed)
        self.save_button.setVisible(not closed)
        self.close_button.setVisible(self.action is not None and not closed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # --- standards -------------------------------------------------------------------------------
    def _add_standard(self, instrument_id: int, text: str) -> None:
        for row in range(self.standards.count()):
            if self.standards.item(row).data(Qt.ItemDataRole.UserRole) == instrument_id:
                return
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, instrument_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        checked = instrument_id in self._wanted
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.standards.addItem(item)

    def _fill_known_standards(self) -> None:
        for ref in self.action.standards if self.action else ():
            self._add_standard(ref.instrument_id, f"{ref.asset_tag} {ref.name}")

    def fill_standards(self, options: list[Any]) -> None:
        """Offer ``options`` (the standards valid today, loaded by the caller) to tick."""
        for option in options:
            self._add_standard(option.instrument_id, f"{option.asset_tag} {option.name}")

    def checked_standards(self) -> tuple[int, ...]:
        """The ids of the standards ticked."""
        items = (self.standards.item(r) for r in range(self.standards.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    # --- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        a = self.action
        self.setWindowTitle(self.tr("Corrective action"))
        lines = [f"<b>{self.context_text}</b>"]
        if a is not None:
            lines.append(
                self.tr("Opened by {0} on {1} · {2}").format(
                    a.opened_by, a.opened_on.isoformat(), status_text(a.status)
                )
            )
            if a.closed_on is not None:
                lines.append(
                    self.tr("Closed by {0} on {1}").format(a.closed_by, a.closed_on.isoformat())
                )
        self.heading.setText("<br>".join(lines))
        for label, text in zip(self.labels, [
            self.tr("Nonconformity / description:"), self.tr("Root cause:"),
            self.tr("Action taken:"), self.tr("Verification of effectiveness:"),
            self.tr("Standards involved:"),
        ], strict=True):  # fmt: skip
            label.setText(text)
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close action"))
        self.verification.setPlaceholderText(
            self.tr("How the action was shown to work (e.g. a repeated measurement, En ≤ 1)")
        )

    # --- saving ----------------------------------------------------------------------------------
    def value_input(self) -> ActionInput:
        """What was typed and ticked."""
        return ActionInput(
            self.description.toPlainText(),
            self.root_cause.toPlainText(),
            self.action_taken.toPlainText(),
            self.verification.toPlainText(),
            self.checked_standards(),
        )

    def save(self) -> None:
        """Save: hand what was typed to the caller (opens a new action, or saves the changes)."""
        self.submitted.emit(ActionSubmit(self.value_input()))

    def close_action(self) -> None:
        """Close action: hand what was typed to be saved and closed (refused without the
        verification of effectiveness)."""
        if self.action is None:
            return
        self.submitted.emit(ActionSubmit(self.value_input(), closing=True))

    def finish(self, info: ActionInfo) -> None:
        """Saved: emit :attr:`saved` and close."""
        self.action = info
        self.saved.emit(info)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """Refused: the reason under the form (nothing typed is lost)."""
        if isinstance(exc, ValidationError):
            self.error.setText(action_problem(exc))
        else:
            show_error(self, exc)
