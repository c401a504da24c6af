"""The Intermediate checks page's actions on plans and checks: new, edit, end and delete a plan,
record a check.

The plan and check dialogs only collect; here their values are saved on the worker
(:func:`labapp.ui.common.submission.run_on_submit`) and the standards a new plan may name are
loaded and handed in.  A plan against which checks were recorded is not deleted (the auditor needs
its history): the refusal says so and offers to end the plan today instead, after which no check
falls due.  A mixin of :class:`labapp.ui.checks.ChecksView`; its texts keep the page's translation
context.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from labapp.domain.errors import ValidationError
from labapp.services import checks as check_plans
from labapp.services.events import valid_standards
from labapp.ui.checks._check_dialog import CheckDialog
from labapp.ui.checks._plan_dialog import CheckPlanDialog
from labapp.ui.common.errors import field_problem, show_error
from labapp.ui.common.submission import run_on_submit

__all__ = ["CheckPlanActionsMixin"]


class CheckPlanActionsMixin:
    """Plan actions; the page provides ``session``, ``plan`` (the chosen CheckPlanInfo),
    ``refresh`` and the ``plan_removed`` signal."""

    session: Any
    plan: Any
    plan_box: QMessageBox | None = None

    def update_plan_buttons(self) -> None:
        """Edit / delete / end (or resume) act on the chosen plan."""
        plan = self.plan
        for button in (self.edit_plan_button, self.delete_plan_button, self.end_plan_button):  # type: ignore[attr-defined]
            button.setEnabled(plan is not None)
        ended = plan is not None and plan.ended_on is not None
        self.record_button.setEnabled(  # type: ignore[attr-defined]
            plan is not None and (not ended or plan.ended_on > date.today())
        )
        self.end_plan_button.setText(
            QCoreApplication.translate("ChecksView", "Resume plan")
            if ended
            else QCoreApplication.translate("ChecksView", "End plan")
        )  # type: ignore[attr-defined]

    def new_plan(self) -> CheckPlanDialog:
        """Open the new-plan dialog; the standards valid today are loaded into it."""
        dialog = CheckPlanDialog(self)  # type: ignore[arg-type]
        today = date.today()
        self.session.run(lambda db: valid_standards(db, today), dialog.fill_standards)
        run_on_submit(self.session, dialog, check_plans.create_plan)
        return self._open_plan_dialog(dialog)

    def edit_plan(self) -> CheckPlanDialog | None:
        """Open the chosen plan in the plan dialog (its standard stays)."""
        plan = self.plan
        if plan is None:
            return None
        dialog = CheckPlanDialog(self, plan)  # type: ignore[arg-type]
        run_on_submit(
            self.session,
            dialog,
            lambda db, user, data: check_plans.update_plan(
                db, user, plan.id, data, plan.version, date.today()
            ),
        )
        return self._open_plan_dialog(dialog)

    def _open_plan_dialog(self, dialog: CheckPlanDialog) -> CheckPlanDialog:
        dialog.saved.connect(lambda _plan: self.refresh())  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    def record_check(self) -> CheckDialog | None:
        """Open the record-check dialog for the chosen plan; its check is recorded here."""
        if self.plan is None:
            return None
        dialog = CheckDialog(self.plan, self)  # type: ignore[arg-type]
        dialog.recorded.connect(self._recorded)  # type: ignore[attr-defined]
        run_on_submit(self.session, dialog, check_plans.record_check)
        dialog.open()
        return dialog

    def _box(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(
            icon, QCoreApplication.translate("ChecksView", "Check plan"), text, parent=self
        )  # type: ignore[call-overload]
        box.setObjectName("checkPlanBox")
        self.plan_box = box
        return box

    def delete_plan(self) -> None:
        """Ask, then delete the chosen plan; one with checks is offered to be ended instead."""
        plan, user = self.plan, self.session.user
        if plan is None:
            return
        box = self._box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("ChecksView", "Delete the check plan {0} {1}?").format(
                plan.asset_tag, plan.point
            ),
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(
            lambda: self.session.run(
                lambda db: check_plans.delete_plan(db, user, plan.id, plan.version),
                lambda _none: self._plan_deleted(),
                self._plan_refused,
            )
        )
        box.open()

    def _plan_deleted(self) -> None:
        self.plan = None
        self.update_plan_buttons()
        self.plan_removed.emit()  # type: ignore[attr-defined]
        self.refresh()  # type: ignore[attr-defined]

    def _plan_refused(self, exc: BaseException) -> None:
        if not isinstance(exc, ValidationError):
            show_error(self, exc)  # type: ignore[arg-type]
            return
        if exc.code != "has_checks":
            self._box(QMessageBox.Icon.Warning, field_problem(exc)).open()
            return
        box = self._box(
            QMessageBox.Icon.Information,
            QCoreApplication.translate(
                "ChecksView",
                "%n check(s) were recorded against this plan: its history stays, it cannot be deleted.",  # noqa: E501
                "",
                int(str(exc.params.get("count", 0))),
            ),
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ChecksView", "End the plan today instead? No check falls due after that."
            )
        )
        end = box.addButton(
            QCoreApplication.translate("ChecksView", "End the plan"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        end.setObjectName("endPlan")
        end.clicked.connect(lambda: self.end_plan())
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.open()

    def end_plan(self, on: date | None = None) -> None:
        """End the chosen plan from ``on`` (today by default); an ended plan is resumed."""
        plan, user, today = self.plan, self.session.user, date.today()
        if plan is None:
            return
        ended_on = None if plan.ended_on is not None else (on or today)
        self.session.run(
            lambda db: check_plans.end_plan(db, user, plan.id, ended_on, plan.version, today),
            lambda _info: self.refresh(),  # type: ignore[attr-defined]
            self._plan_refused,
        )
