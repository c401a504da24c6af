"""Record a verification (检定), calibration (校准) or intermediate check (期间核查).

One dialog for the whole life of an event: a draft is typed and saved, marked checked by a
second person, approved by a third (the service enforces the four eyes), and an approved event is
corrected by a new revision.  Points are evaluated as they are typed (pure domain code on the GUI
thread).  The dialog collects (:mod:`labapp.ui.common.submission`): what it shows is loaded by its
caller (:func:`labapp.ui.events._flow.event_dialog`, on the worker) and each action is handed over
as a typed value (:mod:`labapp.ui.events._actions`) with ``submitted``; the caller answers
``finish`` with the stored event or ``refuse``.  Cell edits and added or removed points are
undoable; the title carries ``[*]`` and the window is marked modified until saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QMessageBox,
    QWidget,
)

from labapp.domain.due import due_on
from labapp.domain.enums import EventKind, EventResult
from labapp.domain.errors import ValidationError
from labapp.domain.points import event_result
from labapp.ui.common.conflict import ConflictDialog, answer_refusal
from labapp.ui.common.errors import describe, field_problem, show_error
from labapp.ui.common.labels import label
from labapp.ui.events._actions import Correction, DraftSave, EventAction
from labapp.ui.events._frame import EventFrame
from labapp.ui.events._loading import Loaded, decision_rule, point_text
from labapp.ui.events._points_model import PointText
from labapp.ui.events._signatures import SigningMixin, record_rule

#: decision_rule stays importable from here (the impact dialog reads the lab's rule so)
__all__ = ["EventDialog", "decision_rule"]


class EventDialog(EventFrame, SigningMixin):
    """The event form, its points, standards, attachments and revisions, and the workflow.

    Asks its caller: ``reload_wanted(event_id)`` (answer :meth:`show_loaded` or
    :meth:`load_refused`), ``standards_wanted(day, instrument)`` (:meth:`show_standards`),
    ``seal_check_wanted(event_id)`` (:meth:`show_seal`) and ``submitted(action)``
    (:meth:`finish` or :meth:`refuse`).
    """

    reload_wanted = Signal(int)
    standards_wanted = Signal(object, object)
    seal_check_wanted = Signal(int)
    submitted = Signal(object)
    loaded = Signal()
    standards_loaded = Signal()
    saved = Signal(object)  # the EventDetail after a save, check, approval or correction
    failed = Signal(object)  # the exception of a refused action
    seal_checked = Signal(object)  # the integrity problems of the record shown (maybe none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict: ConflictDialog | None = None
        self._pending: tuple[EventAction, Any] | None = None  # the action sent, what follows it
        self.history.revision_requested.connect(self._open_revision)
        self._connect()
        self.retranslate_ui()
        self.resize(1180, 760)
        self._set_busy(True)  # until the caller hands in the event (show_loaded)

    def _connect(self) -> None:
        self.model.evaluated.connect(self._update_result)
        self.form.changed.connect(self._form_edited)
        self.form.date_changed.connect(self._date_changed)
        self.standards.model.override_needed.connect(self._ask_override)
        self.standards.model.selection_changed.connect(self._standards_edited)
        self.attachments.changed.connect(self._form_edited)
        self.save_button.clicked.connect(lambda: self.save_draft())
        self.check_button.clicked.connect(self.mark_checked)
        self.approve_button.clicked.connect(self.approve)
        self.correct_button.clicked.connect(lambda: self.correct())

    # --- texts --------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.form.retranslate_ui()
        self.points.retranslate_ui()
        self.standards.retranslate_ui()
        self.attachments.retranslate_ui()
        for index, text in enumerate(
            (
                self.tr("Measurement points"),
                self.tr("Standards used"),
                self.tr("Attachments"),
                self.tr("Revisions"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.history.retranslate_ui()
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.add_point_action.setText(self.tr("Add point"))
        self.remove_point_action.setText(self.tr("Remove point"))
        self.save_button.setText(self.tr("Save draft"))
        self.check_button.setText(self.tr("Check…"))
        self.approve_button.setText(self.tr("Approve…"))
        self.correct_button.setText(self.tr("Correct…"))
        self._update_title()
        self._update_result()
        self._fill_history()
        self._show_signatures()

    def _update_title(self) -> None:
        tag = self.instrument.data.asset_tag if self.instrument is not None else ""
        if self.detail is None:
            title = self.tr("New event — {0}[*]").format(tag)
        else:
            title = self.tr("{0} — {1}, revision {2} ({3})[*]").format(
                label(self.detail.kind), tag, self.detail.revision, label(self.detail.status)
            )
        self.setWindowTitle(title)

    # --- loading ------------------------------------------------------------------------------
    def show_loaded(self, loaded: Loaded) -> None:
        """Show the event (or a new one) with the lists its fields offer, as the caller loaded."""
        self.instrument = loaded.instrument
        data = loaded.instrument.data
        self.form.set_lookups(loaded.persons, loaded.providers, loaded.procedures)
        self.form.set_instrument(data.asset_tag, data.name, data.interval_months)
        self.standards.model.set_options(loaded.options)
        if loaded.capability_threshold is not None:
            self.model.capability_threshold = loaded.capability_threshold
        if loaded.detail is not None:
            self._show_detail(loaded.detail)
        else:
            self._new_event(loaded.me)
        self._update_title()
        self._set_busy(False)
        self.loaded.emit()
        self.standards_loaded.emit()

    def _new_event(self, me: Any) -> None:
        mandatory = self.instrument.data.mandatory_verification
        kind = EventKind.VERIFICATION if mandatory else EventKind.CALIBRATION
        self.form.kind.setCurrentIndex(self.form.kind.findData(kind.value))
        if me is not None:
            self.form.performer.setCurrentIndex(max(self.form.performer.findData(me.id), 0))
        self.model.set_points([PointText()])
        self._mark_saved()
        self._apply_status()

    def _show_detail(self, detail: Any) -> None:
        self.detail = detail
        self.model.set_rule(*record_rule(detail))  # the record's rule, not the Preferences'
        self.form.fill(detail)
        points = list(detail.points)  # typed values kept; their text only for display
        if points:
            self.model.set_points([point_text(p) for p in points], [p.values for p in points])
        else:
            self.model.set_points([PointText()])
        self.standards.model.set_selection(
            {s.instrument_id: s.override_reason for s in detail.standards}
        )
        self.attachments.pending.clear()
        self.attachments.set_stored(list(detail.attachments))
        self._mark_saved()
        self._apply_status()
        self._fill_history()
        self._update_title()
        self._show_signatures()
        self._check_seal()

    def load_refused(self, exc: BaseException) -> None:
        """The event could not be loaded: say why."""
        self._set_busy(False)
        self.failed.emit(exc)
        show_error(self, exc)

    def _date_changed(self, day: date) -> None:
        if self.instrument is None:
            return
        self.standards_wanted.emit(day, self.instrument)

    def show_standards(self, options: list[Any]) -> None:
        """Offer ``options``, the standards valid on the date typed (loaded by the caller)."""
        self.standards.model.set_options(options)
        self.standards_loaded.emit()

    def _fill_history(self) -> None:
        self.history.show_revisions(getattr(self.detail, "revisions", ()) or ())

    def _open_revision(self, event_id: int) -> None:
        if self.detail is not None and event_id != self.detail.id and not self.isWindowModified():
            self.reload(event_id)

    def reload(self, event_id: int | None = None) -> None:
        """Show ``event_id`` (default: this event) as stored now."""
        target = event_id if event_id is not None else self.detail.id
        self._set_busy(True)
        self.reload_wanted.emit(target)

    # --- live result --------------------------------------------------------------------------
    def _update_result(self) -> None:
        stated = None if self.model.decisions() else self.points.stated_result()
        result = event_result(self.model.stage_decisions(), stated)
        performed = self.form.event_date()
        interval = self.form.interval_months()
        valid_until = None if result == EventResult.FAIL else due_on(performed, interval)
        text = self.tr("Result: {0}").format(label(result))
        if result == EventResult.FAIL:
            text += self.tr(" — not valid for use")
        elif valid_until is not None:
            text += self.tr(" — next due {0}").format(valid_until.isoformat())
        problems = self.model.problems()
        if problems:
            text += self.tr(" — %n point(s) cannot be evaluated", "", len(problems))
        self.result_label.setText(text)
        self.live_result, self.live_due = result, valid_until

    # --- modified marker ----------------------------------------------------------------------
    def _form_edited(self) -> None:
        self._form_dirty = True
        self._update_modified()
        self._update_result()

    def _standards_edited(self) -> None:
        self._form_edited()

    # --- saving -------------------------------------------------------------------------------
    def event_input(self) -> Any:
        """The form as the service's ``EventInput``."""
        from labapp.services.events import EventInput, StandardUse

        values = self.form.values()
        chosen = self.standards.model.selection()
        stated = None if self.model.decisions() else self.points.stated_result()
        return EventInput(
            instrument_id=self.instrument.id,
            standards=tuple(StandardUse(i, reason) for i, reason in chosen.items()),
            points=tuple(self.model.values()),  # typed when typed: nothing parsed here
            result=stated,
            **values,
        )

    def save_draft(self, then: Any = None) -> bool:
        """Save draft: store the form (new event or new version of the draft).

        Refused here, before any database call, while a point cannot be evaluated (its cell is
        red and the reason is shown).  ``then(detail)`` runs after a successful save.
        """
        self._clear_errors()
        problems = self.model.problems()
        if problems:
            row, field, reason = problems[0]
            self._show_point_problem(row, field, reason)
            return False
        event_id = None if self.detail is None else self.detail.id
        version = None if self.detail is None else self.detail.version
        files = tuple(file.path for file in self.attachments.pending)
        rule, factor = self.model.rule, self.model.guard_band_factor
        try:  # the conditions are parsed here, once: a typo is shown next to its field
            data = self.event_input()
        except ValidationError as exc:
            self._show_validation(exc)
            return False
        self._submit(DraftSave(data, files, event_id, version, rule, factor), then)
        return True

    def correct(self, reason: str | None = None) -> QInputDialog | None:
        """Correct…: ask why, then open the new revision (the approved one stays in history)."""
        if reason is None:
            prompt = QInputDialog(self)
            prompt.setObjectName("correctionReason")
            prompt.setWindowTitle(self.tr("Correct an approved event"))
            prompt.setLabelText(
                self.tr("Why is this approved event corrected? The reason is kept in the history.")
            )
            prompt.textValueSelected.connect(lambda text: self.correct(text) if text else None)
            prompt.open()
            return prompt
        self._clear_errors()
        self._submit(Correction(self.detail.id, reason.strip()))
        return None

    def _submit(self, action: EventAction, then: Any = None) -> None:
        """Hand ``action`` to the caller; ``then(detail)`` follows once it is done."""
        self._set_busy(True)
        self._pending = (action, then)
        self.submitted.emit(action)

    def finish(self, detail: Any) -> None:
        """The action is done: show the event as stored now, then what follows it."""
        then = self._pending[1] if self._pending is not None else None
        self._pending = None
        self._show_detail(detail)
        self.saved.emit(detail)
        if then is not None:
            then(detail)

    def refuse(self, exc: BaseException) -> None:
        """The action was refused: say why next to its field (or ask to reload, or to try again
        when the database was busy); nothing typed is lost."""
        from labapp.domain.errors import AuthenticationError, PermissionDeniedError

        pending, self._pending = self._pending, None
        self._set_busy(False)
        if isinstance(exc, AuthenticationError | PermissionDeniedError):
            self.error_label.setText(describe(exc))  # a refused signature: said under the form
            self.failed.emit(exc)
            return
        self.failed.emit(exc)
        retry = (lambda: self._submit(*pending)) if pending is not None else None
        self.conflict = answer_refusal(
            self, exc, self._show_validation, lambda _i: self.reload(), retry
        )

    # --- errors next to their fields ----------------------------------------------------------
    def _clear_errors(self) -> None:
        self.error_label.clear()
        self.form.clear_errors()
        self.standards.clear_error()

    def _show_validation(self, exc: ValidationError) -> None:
        message = field_problem(exc) if exc.code != "invalid" else describe(exc)
        self.error_label.setText(message)
        field = exc.field.split(".")[0].split("[")[0]
        widget = self.form.widget_for(field)
        if widget is not None:
            self.form.mark_error(widget, message)
            widget.setFocus()
        elif field == "standards":
            self.tabs.setCurrentWidget(self.standards)
            self.standards.show_error(message)
        elif field == "points":
            self.tabs.setCurrentWidget(self.points)

    def _show_point_problem(self, row: int, field: str, reason: str) -> None:
        self.tabs.setCurrentWidget(self.points)
        self.points.select_field(row, field)
        self.error_label.setText(self.tr("Point {0}: {1}").format(row + 1, reason))

    # --- standards override -------------------------------------------------------------------
    def _ask_override(self, row: int) -> QInputDialog:
        from labapp.ui.events._standards_model import standard_reason

        option = self.standards.model.option(row)
        prompt = QInputDialog(self)
        prompt.setObjectName("overrideReason")
        prompt.setWindowTitle(self.tr("Use a standard that is not valid"))
        prompt.setLabelText(
            self.tr(
                "{0} is not valid on {1}: {2}.\nWhy is it used anyway? "
                "The reason goes to the audit log."
            ).format(
                option.asset_tag, self.form.event_date().isoformat(), standard_reason(option.reason)
            )
        )

        def accepted(text: str) -> None:
            if text.strip():
                self.standards.model.set_override(row, text.strip())

        prompt.textValueSelected.connect(accepted)
        prompt.open()
        return prompt

    # --- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Close; unsaved changes are discarded only after the user says so."""
        if not self.isWindowModified():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Discard the changes to this event?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardChanges")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        discard = box.button(QMessageBox.StandardButton.Discard)
        box.buttonClicked.connect(lambda b: self.discard() if b is discard else None)
        box.open()

    def discard(self) -> None:
        """Drop the unsaved changes and close."""
        self._mark_saved()
        super().reject()
