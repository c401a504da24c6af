"""Record a verification (检定), calibration (校准) or intermediate check (期间核查).

One dialog for the whole life of an event: a draft is typed and saved, marked checked by a
second person, approved by a third (the service enforces the four eyes), and an approved event is
corrected by a new revision.  Points are evaluated as they are typed (pure domain code on the GUI
thread); every database call runs on the session's worker.  Cell edits and added or removed points
are undoable; the title carries ``[*]`` and the window is marked modified until saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMenuBar,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.due import due_on
from labapp.domain.enums import EventKind, EventResult, EventStatus
from labapp.domain.errors import ValidationError
from labapp.domain.points import DecisionRule, overall_result
from labapp.ui import settings
from labapp.ui.dialogs.conflict import ConflictDialog, answer_refusal
from labapp.ui.dialogs.event_attachments import AttachmentsWidget, media_type
from labapp.ui.dialogs.event_form import EventForm
from labapp.ui.dialogs.event_points import PointsPanel
from labapp.ui.dialogs.event_standards import StandardsPanel
from labapp.ui.errors import describe, field_problem, show_error
from labapp.ui.labels import label
from labapp.ui.models.points_model import PointsModel, PointText

EDITABLE_STATUSES = (None, EventStatus.DRAFT, EventStatus.CHECKED)


@dataclass(frozen=True)
class Loaded:
    """What the dialog needs from the database to show an event (fetched in one job)."""

    detail: Any  # EventDetail or None for a new event
    instrument: Any  # InstrumentDetail
    persons: list[Any]
    providers: list[Any]
    procedures: list[Any]
    me: Any  # PersonInfo of the user, or None
    options: list[Any]  # StandardOption on the event's date


def load_event(db: Any, user: str, instrument_id: int | None, event_id: int | None) -> Loaded:
    """Worker job: the event (if any), its instrument, the combo lists and the standards."""
    from labapp.services import events, people
    from labapp.services.instruments import get_instrument

    detail = events.get_event(db, event_id) if event_id is not None else None
    item_id = detail.instrument_id if detail is not None else instrument_id
    instrument = get_instrument(db, item_id)
    day = detail.performed_on if detail is not None else date.today()
    return Loaded(
        detail,
        instrument,
        people.list_persons(db),
        people.list_providers(db),
        people.list_procedures(db),
        people.person_for_login(db, user),
        standards_on(db, day, instrument),
    )


def standards_on(db: Any, day: date, instrument: Any) -> list[Any]:
    """Worker job: the standards offered for an event of ``instrument`` on ``day``."""
    from labapp.services.events import valid_standards

    return valid_standards(db, day, exclude_instrument_id=instrument.id)


def point_text(point: Any) -> PointText:
    """A stored ``PointDetail`` as the text the table edits."""

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    return PointText(
        stage=point.stage,
        nominal=text(point.nominal),
        reference=text(point.reference),
        indication=text(point.indication),
        expanded_uncertainty=text(point.expanded_uncertainty),
        coverage_factor=text(point.coverage_factor),
        mpe=text(point.mpe),
        lower=text(point.lower),
        upper=text(point.upper),
    )


def point_input(point: PointText) -> Any:
    """A typed row as the service's ``PointInput``."""
    from labapp.services.dto import PointInput

    return PointInput(
        reference=point.reference,
        indication=point.indication,
        nominal=point.nominal or None,
        expanded_uncertainty=point.expanded_uncertainty or None,
        coverage_factor=point.coverage_factor or None,
        mpe=point.mpe or None,
        lower=point.lower or None,
        upper=point.upper or None,
        stage=point.stage,
    )


def decision_rule() -> DecisionRule:
    """The lab's decision rule from Preferences."""
    try:
        return DecisionRule(settings.get(settings.DECISION_RULE))
    except ValueError:
        return DecisionRule.SIMPLE


class EventDialog(QDialog):
    """The event form, its points, standards, attachments and revisions, and the workflow."""

    loaded = Signal()
    standards_loaded = Signal()
    saved = Signal(object)  # the EventDetail after a save, check, approval or correction
    failed = Signal(object)  # the exception of a refused action

    def __init__(
        self,
        session: Any,
        *,
        instrument_id: int | None = None,
        event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.setAcceptDrops(True)
        self.session = session
        self.instrument: Any = None
        self.detail: Any = None
        self._form_dirty = False
        self.conflict: ConflictDialog | None = None
        self.undo_stack = QUndoStack(self)
        self.model = PointsModel(self.undo_stack, self)
        self.model.set_rule(decision_rule())
        self.form = EventForm()
        self.points = PointsPanel(self.model)
        self.standards = StandardsPanel()
        self.attachments = AttachmentsWidget(session)
        self.history = QTreeWidget()
        self.history.setObjectName("revisions")
        self.history.setRootIsDecorated(False)
        self.history.itemDoubleClicked.connect(self._open_revision)
        self.tabs = QTabWidget()
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self._build_buttons()
        self._build_menu()
        self._build_layout()
        self._connect()
        self.retranslate_ui()
        self.resize(1180, 760)
        self._set_busy(True)
        self.session.run(
            lambda db: load_event(db, session.user, instrument_id, event_id),
            self._show_loaded,
            self._load_failed,
        )

    # --- construction -------------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.save_button = self.buttons.addButton("", role)
        self.save_button.setObjectName("saveDraft")
        self.check_button = self.buttons.addButton("", role)
        self.check_button.setObjectName("markChecked")
        self.approve_button = self.buttons.addButton("", role)
        self.approve_button.setObjectName("approve")
        self.correct_button = self.buttons.addButton("", role)
        self.correct_button.setObjectName("correct")
        self.buttons.rejected.connect(self.reject)

    def _build_menu(self) -> None:
        self.menu_bar = QMenuBar(self)
        self.edit_menu = self.menu_bar.addMenu("")
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self)
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.edit_menu.addAction(action)
            self.addAction(action)
        self.edit_menu.addSeparator()
        self.add_point_action = self.edit_menu.addAction("")
        self.add_point_action.triggered.connect(self.points.add_point)
        self.remove_point_action = self.edit_menu.addAction("")
        self.remove_point_action.triggered.connect(self.points.remove_point)

    def _build_layout(self) -> None:
        self.tabs.addTab(self.points, "")
        self.tabs.addTab(self.standards, "")
        self.tabs.addTab(self.attachments, "")
        self.tabs.addTab(self.history, "")
        layout = QVBoxLayout(self)
        layout.setMenuBar(self.menu_bar)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.undo_stack.cleanChanged.connect(self._update_modified)
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
        self.history.setHeaderLabels(
            [
                self.tr("Revision"),
                self.tr("Status"),
                self.tr("Date"),
                self.tr("Result"),
                self.tr("Certificate no."),
                self.tr("Performed by"),
            ]
        )
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.add_point_action.setText(self.tr("Add point"))
        self.remove_point_action.setText(self.tr("Remove point"))
        self.save_button.setText(self.tr("Save draft"))
        self.check_button.setText(self.tr("Mark checked"))
        self.approve_button.setText(self.tr("Approve"))
        self.correct_button.setText(self.tr("Correct…"))
        self._update_title()
        self._update_result()
        self._fill_history()

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
    def _show_loaded(self, loaded: Loaded) -> None:
        self.instrument = loaded.instrument
        data = loaded.instrument.data
        self.form.set_lookups(loaded.persons, loaded.providers, loaded.procedures)
        self.form.set_instrument(data.asset_tag, data.name, data.interval_months)
        self.standards.model.set_options(loaded.options)
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
        self.form.fill(detail)
        self.model.set_points([point_text(p) for p in detail.points] or [PointText()])
        self.standards.model.set_selection(
            {s.instrument_id: s.override_reason for s in detail.standards}
        )
        self.attachments.pending.clear()
        self.attachments.set_stored(list(detail.attachments))
        self._mark_saved()
        self._apply_status()
        self._fill_history()
        self._update_title()

    def _load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(exc)
        show_error(self, exc)

    def _date_changed(self, day: date) -> None:
        if self.instrument is None:
            return
        instrument = self.instrument
        self.session.run(lambda db: standards_on(db, day, instrument), self._standards_arrived)

    def _standards_arrived(self, options: list[Any]) -> None:
        self.standards.model.set_options(options)
        self.standards_loaded.emit()

    def _fill_history(self) -> None:
        self.history.clear()
        for summary in getattr(self.detail, "revisions", ()) or ():
            item = QTreeWidgetItem(
                [
                    str(summary.revision),
                    label(summary.status),
                    summary.performed_on.isoformat(),
                    label(summary.result),
                    summary.certificate_no or "",
                    summary.performer or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            self.history.addTopLevelItem(item)

    def _open_revision(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        event_id = item.data(0, Qt.ItemDataRole.UserRole)
        if self.detail is not None and event_id != self.detail.id and not self.isWindowModified():
            self.reload(event_id)

    def reload(self, event_id: int | None = None) -> None:
        """Show ``event_id`` (default: this event) as stored now."""
        target = event_id if event_id is not None else self.detail.id
        user = self.session.user
        self._set_busy(True)
        self.session.run(
            lambda db: load_event(db, user, None, target), self._show_loaded, self._load_failed
        )

    # --- live result --------------------------------------------------------------------------
    def _update_result(self) -> None:
        result = overall_result(self.model.decisions())
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

    def _update_modified(self, *_: object) -> None:
        self.setWindowModified(self._form_dirty or not self.undo_stack.isClean())

    def _mark_saved(self) -> None:
        self._form_dirty = False
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._update_modified()

    # --- status and buttons -------------------------------------------------------------------
    def status(self) -> EventStatus | None:
        """The stored event's status (None while never saved)."""
        return None if self.detail is None else self.detail.status

    def _apply_status(self) -> None:
        status = self.status()
        editable = status in EDITABLE_STATUSES
        self.form.set_read_only(not editable)
        self.model.read_only = not editable
        self.standards.model.read_only = not editable
        self.points.set_read_only(not editable)
        self.attachments.add_button.setEnabled(editable)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        status = self.status()
        self.save_button.setEnabled(not busy and status in EDITABLE_STATUSES)
        self.check_button.setEnabled(not busy and status == EventStatus.DRAFT)
        self.approve_button.setEnabled(not busy and status == EventStatus.CHECKED)
        self.correct_button.setEnabled(not busy and status == EventStatus.APPROVED)

    # --- saving -------------------------------------------------------------------------------
    def event_input(self) -> Any:
        """The form as the service's ``EventInput``."""
        from labapp.services.dto import EventInput, StandardUse

        values = self.form.values()
        chosen = self.standards.model.selection()
        stated = None if self.model.decisions() else self.points.stated_result()
        return EventInput(
            instrument_id=self.instrument.id,
            standards=tuple(StandardUse(i, reason) for i, reason in chosen.items()),
            points=tuple(point_input(p) for p in self.model.points()),
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
        from labapp.services.attachments import add_attachment
        from labapp.services.events import get_event, save_draft

        data, user = self.event_input(), self.session.user
        event_id = None if self.detail is None else self.detail.id
        version = None if self.detail is None else self.detail.version
        pending = list(self.attachments.pending)
        rule, factor = self.model.rule, self.model.guard_band_factor

        def job(db: Any) -> Any:
            detail = save_draft(
                db,
                user,
                data,
                event_id=event_id,
                expected_version=version,
                rule=rule,
                guard_band_factor=factor,
            )
            for file in pending:
                content = file.path.read_bytes()
                add_attachment(
                    db,
                    user,
                    event_id=detail.id,
                    filename=file.path.name,
                    content=content,
                    media_type=media_type(file.path),
                )
            return get_event(db, detail.id) if pending else detail

        self._run(job, then)
        return True

    def mark_checked(self) -> None:
        """Mark checked: the checker signs (saving pending edits first)."""
        self._workflow("check_event")

    def approve(self) -> None:
        """Approve: a person other than performer and checker signs; the due date moves."""
        self._workflow("approve_event")

    def _workflow(self, name: str) -> None:
        from labapp.services import events

        action = getattr(events, name)
        user = self.session.user

        def step(detail: Any) -> None:
            event_id, version = detail.id, detail.version
            self._run(lambda db: action(db, user, event_id, version))

        self._clear_errors()
        if self.isWindowModified() and self.status() in EDITABLE_STATUSES:
            self.save_draft(then=step)
        elif self.detail is not None:
            step(self.detail)

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
        from labapp.services.events import correct_event

        event_id, user = self.detail.id, self.session.user
        self._clear_errors()
        self._run(lambda db: correct_event(db, user, event_id, reason.strip()))
        return None

    def _run(self, job: Any, then: Any = None) -> None:
        self._set_busy(True)

        def done(detail: Any) -> None:
            self._show_detail(detail)
            self.saved.emit(detail)
            if then is not None:
                then(detail)

        self.session.run(job, done, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(exc)
        self.conflict = answer_refusal(self, exc, self._show_validation, lambda _i: self.reload())

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
        from labapp.ui.models.standards_model import standard_reason

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

    # --- attachments by drag and drop ---------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.attachments.add_button.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.attachments.add_paths(paths)
        self.tabs.setCurrentWidget(self.attachments)
        event.acceptProposedAction()

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
