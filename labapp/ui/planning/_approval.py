"""The Planning page's approval bar: where a plan stands, "Approve plan…" and "New revision…".

A draft is approved by a person with a reason (the service audits it); an approved plan is
read-only and shows who approved it, when and why; "New revision…" copies it into a new draft.
Both actions ask for the reason in :class:`ReasonDialog` and run on the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labapp.services.planning import approve_plan, plan_approval, revise_plan
from labapp.ui.common.errors import show_error

DRAFT, APPROVED = "draft", "approved"


class ReasonDialog(QDialog):
    """Asks for a reason; OK stays disabled until one is typed."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planReasonDialog")
        self.setWindowTitle(title)
        text = QLabel(explanation)
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("planReason")
        self.reason.setPlaceholderText(self.tr("Reason (kept in the audit trail)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        for widget in (text, self.reason, self.buttons):
            layout.addWidget(widget)
        self._update_ok()

    def text(self) -> str:
        """The reason as typed (trimmed)."""
        return self.reason.toPlainText().strip()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))


class PlanApprovalBar(QWidget):
    """Status of the plan shown, with the approve and revise buttons in their states.

    ``plan_changed`` carries the plan to show next (the approved plan, or the new revision).
    """

    plan_changed = Signal(object)
    approval_loaded = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan: Any = None
        self.approval: Any = None
        self.pending = False
        self.dialog: ReasonDialog | None = None
        self.status = QLabel()
        self.status.setObjectName("planStatus")
        self.status.setWordWrap(True)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approvePlan")
        self.approve_button.clicked.connect(lambda: self.ask_approval())
        self.revise_button = QPushButton()
        self.revise_button.setObjectName("revisePlan")
        self.revise_button.clicked.connect(lambda: self.ask_revision())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.revise_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        self.approve_button.setText(self.tr("Approve plan…"))
        self.revise_button.setText(self.tr("New revision…"))
        self._show_status()

    # --- state ------------------------------------------------------------------------------
    def set_plan(self, plan: Any) -> None:
        """Show ``plan``'s status; an approved plan's approval is fetched on the worker."""
        self.plan, self.approval = plan, None
        self._show_status()
        if plan is not None and plan.status == APPROVED:
            plan_id = plan.id
            self.session.run(lambda db: plan_approval(db, plan_id), self._show_approval)

    def set_pending(self, pending: bool) -> None:
        """Unsaved edits block approval (what is approved must be what is saved)."""
        self.pending = pending
        self._show_status()

    def _show_approval(self, approval: Any) -> None:
        self.approval = approval
        self._show_status()
        self.approval_loaded.emit(approval)

    def _show_status(self) -> None:
        plan = self.plan
        draft = plan is not None and plan.status == DRAFT
        self.approve_button.setEnabled(draft and not self.pending)
        self.revise_button.setEnabled(plan is not None and plan.status == APPROVED)
        self.approve_button.setToolTip(
            self.tr("Save or discard the changes first") if draft and self.pending else ""
        )
        self.status.setText(self._status_text())

    def _status_text(self) -> str:
        if self.plan is None:
            return self.tr("No plan: choose a year and generate one.")
        if self.plan.status == DRAFT:
            return self.tr("Draft: adjust months, providers, costs and notes, save, then approve.")
        if self.approval is None:
            return self.tr("Approved: read-only.")
        when = self.approval.at.astimezone().strftime("%Y-%m-%d %H:%M")
        return self.tr(
            "Approved by {0} on {1}: {2}. Read-only; start a new revision to change it."
        ).format(self.approval.user, when, self.approval.reason)

    # --- actions ----------------------------------------------------------------------------
    def ask_approval(self) -> ReasonDialog | None:
        """Ask why the plan is approved, then approve it."""
        if self.plan is None or self.plan.status != DRAFT or self.pending:
            return None
        explanation = self.tr(
            "Approving freezes the plan's {0} items: it can no longer be edited, and progress "
            "is tracked against it. Why is it approved (e.g. budget agreed, reviewed by)?"
        ).format(len(self.plan.items))
        return self._ask(self.tr("Approve plan"), explanation, self.approve)

    def ask_revision(self) -> ReasonDialog | None:
        """Ask why the approved plan must change, then start the new draft."""
        if self.plan is None or self.plan.status != APPROVED:
            return None
        explanation = self.tr(
            "A new draft of the same year starts from the approved items; the approved plan "
            "stays as it was. Why must the plan change?"
        )
        return self._ask(self.tr("New revision"), explanation, self.revise)

    def _ask(self, title: str, explanation: str, action: Any) -> ReasonDialog:
        dialog = ReasonDialog(title, explanation, self)
        dialog.accepted.connect(lambda: action(dialog.text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def approve(self, reason: str) -> None:
        """Approve the draft shown with ``reason`` (on the worker)."""
        plan, user = self.plan, self.session.user
        self.session.run(
            lambda db: approve_plan(db, user, plan.id, plan.version, reason),
            self.plan_changed.emit,
            self._error,
        )

    def revise(self, reason: str) -> None:
        """Start a new draft from the approved plan shown, with ``reason`` (on the worker)."""
        plan, user = self.plan, self.session.user
        title = self.tr("{0} (revised)").format(plan.title)
        self.session.run(
            lambda db: revise_plan(db, user, plan.id, reason, title),
            self.plan_changed.emit,
            self._error,
        )

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)
