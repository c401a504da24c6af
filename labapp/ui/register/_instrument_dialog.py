"""Add, edit or "add similar" an instrument: the form's texts, what it offers, what OK returns.

The fields, their checks as the user types and the messages under them are the form's
(:mod:`labapp.ui.register._instrument_form`).  The dialog collects
(:mod:`labapp.ui.common.submission`): the register page loads what it offers and the record to
edit and hands them to :meth:`InstrumentDialog.fill`; OK emits ``submitted`` with an
:class:`InstrumentSave` (the data, what changed from what the form was filled from, the version
read and the reason), which :mod:`labapp.ui.register._flow` saves as this dialog's kind
of change (create, update, or "add similar" from ``similar_data``, the service's own copy rule).  A
``ValidationError`` lands under the field it names and the dialog stays open with everything typed;
a ``ConcurrentModificationError`` asks to reload (:func:`labapp.ui.common.conflict.answer_refusal`,
the one way the forms answer a refusal) and ``reload_wanted`` asks the page for the stored version.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from labapp.domain.enums import AccuracyKind
from labapp.domain.errors import ValidationError
from labapp.services.register import InstrumentData, similar_data
from labapp.ui.common.conflict import ConflictDialog, answer_refusal
from labapp.ui.common.labels import label
from labapp.ui.register._fields import field_label
from labapp.ui.register._instrument_form import ERROR_STYLE, InstrumentForm, fill_ids

__all__ = ["ERROR_STYLE", "InstrumentDialog", "InstrumentSave"]


@dataclass(frozen=True)
class InstrumentSave:
    """What OK hands to the page: the form's ``data``, the fields ``changes`` from what the form
    was filled from, the ``version`` of the edited instrument read, and the ``reason`` typed."""

    data: InstrumentData
    changes: dict[str, Any]
    version: int
    reason: str | None


class InstrumentDialog(InstrumentForm):
    """The instrument form.  ``instrument_id``: edit it; ``similar_to``: a new one prefilled
    with that one's specification (``similar_data``, saved by ``duplicate_instrument``);
    neither: a new one.

    ``submitted`` carries an :class:`InstrumentSave`; ``saved`` the stored ``InstrumentDetail``;
    ``reload_wanted`` asks for the stored version after a conflict (:meth:`show_reloaded`).
    """

    submitted = Signal(object)
    saved = Signal(object)
    ready = Signal()
    reload_wanted = Signal()

    def __init__(
        self,
        instrument_id: int | None = None,
        similar_to: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("instrumentDialog")
        self.instrument_id = instrument_id
        self.similar_to = similar_to
        self.version = 0  # of the instrument being edited, once loaded
        self.conflict: ConflictDialog | None = None
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.accuracy_kind.currentIndexChanged.connect(self._accuracy_placeholder)
        self.retranslate_ui()
        self._set_busy(True)  # until the page hands in what the form offers (fill)

    # --- texts --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text of the form in the current language."""
        if self.instrument_id:
            self.setWindowTitle(self.tr("Edit instrument"))
        elif self.similar_to:
            self.setWindowTitle(self.tr("Add similar instrument"))
        else:
            self.setWindowTitle(self.tr("New instrument"))
        for key, name in self.names.items():  # "mandatory" is the legal-status check box
            name.setText(field_label("legal_status" if key == "mandatory" else key))
        self.mandatory.setText(self.tr("Subject to mandatory (legal) verification"))
        self.range_low.setPlaceholderText(self.tr("e.g. 0 V"))
        self.range_high.setPlaceholderText(self.tr("e.g. 1000 V"))
        self.reason.setPlaceholderText(self.tr("Why this change (kept in the audit trail)"))
        self.interval.setSpecialValueText(self.tr("none"))
        self.interval.setSuffix(self.tr(" months"))
        for combo in (self.role, self.level, self.status, self.accuracy_kind):
            combo.set_texts([self._enum_text(value) for value in combo.values])
        self._accuracy_placeholder()
        self.relayout()

    def _enum_text(self, value: Any) -> str:
        if value is None:
            return self.tr("(none)")
        if isinstance(value, AccuracyKind):
            return {
                AccuracyKind.MPE: self.tr("Maximum permissible error (MPE)"),
                AccuracyKind.CLASS: self.tr("Accuracy class"),
                AccuracyKind.UNCERTAINTY: self.tr("Uncertainty"),
            }[value]
        return label(value)

    def _accuracy_placeholder(self, *_: object) -> None:
        kind = self.accuracy_kind.value()
        if kind == AccuracyKind.CLASS:
            self.accuracy.setPlaceholderText(self.tr("e.g. 0.2"))
        else:
            self.accuracy.setPlaceholderText(self.tr("e.g. 0.05 V or 0.01 %"))

    # --- loading ------------------------------------------------------------------------------
    def fill(self, lookups: dict[str, Any]) -> None:
        """Offer what ``lookups`` holds (quantities, people, locations, providers, procedures) and
        show its ``detail`` (the instrument edited or copied; None for a new one)."""
        self.quantity.addItems(["", *lookups["facets"].quantities])
        none = self.tr("(none)")
        fill_ids(self.custodian, [(p.id, p.name) for p in lookups["persons"]], none)
        fill_ids(self.location, [(x.id, x.name) for x in lookups["locations"]], none)
        fill_ids(self.provider, [(x.id, x.name) for x in lookups["providers"]], none)
        procedures = [(x.id, f"{x.code} {x.title}") for x in lookups["procedures"]]
        fill_ids(self.procedure, procedures, none)
        detail = lookups["detail"]
        if detail is not None:
            self._show_data(detail)
        self.reason.setVisible(bool(self.instrument_id))
        self.names["reason"].setVisible(bool(self.instrument_id))
        self._set_busy(False)
        self.ready.emit()

    def _show_data(self, detail: Any) -> None:
        if self.similar_to:
            self.set_data(similar_data(detail.data))
        else:
            self.version = detail.version
            self.set_data(detail.data)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    # --- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        """OK: check, then hand the change to the page (the dialog closes on success only)."""
        self.general_error.clear()
        for key in self.errors:
            self._clear_error(key)
        try:
            data = self.data()
        except ValidationError as exc:
            self.show_problem(exc)
            return
        self._set_busy(True)
        reason = self.reason.text().strip() or None
        self.submitted.emit(InstrumentSave(data, _changes(self.base, data), self.version, reason))

    def finish(self, detail: Any) -> None:
        """Saved: emit :attr:`saved` with the stored detail and close."""
        self._set_busy(False)
        self.saved.emit(detail)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """Refused: the problem under its field, or the conflict box (Reload asks the page)."""
        self._set_busy(False)
        self.conflict = answer_refusal(self, exc, self.show_problem, self._reload)

    def _reload(self, _info: Any) -> None:
        if not self.instrument_id:
            return  # only an edit meets a newer version (a new item has none)
        self._set_busy(True)
        self.reload_wanted.emit()

    def show_reloaded(self, detail: Any) -> None:
        """Show the version stored now (the page fetched it after Reload)."""
        self._show_data(detail)
        self._set_busy(False)


def _changes(old: InstrumentData, new: InstrumentData) -> dict[str, Any]:
    return {
        f.name: getattr(new, f.name)
        for f in fields(InstrumentData)
        if getattr(new, f.name) != getattr(old, f.name)
    }
