"""Add, edit or "add similar" an instrument: the form's texts, loading and saving.

The fields, their checks as the user types and the messages under them are the form's
(:mod:`labapp.ui.register._instrument_form`).  On OK the service saves on the worker: a new item
with ``create_instrument``, an edit with ``update_instrument``, "add similar" with
``duplicate_instrument`` (the form starts from ``similar_data``, the service's own copy rule,
and sends what the user changed).  A ``ValidationError`` lands under the field it names and the
dialog stays open with everything typed; a ``ConcurrentModificationError`` asks to reload
(:func:`labapp.ui.common.conflict.answer_refusal`, the one way the forms answer a refusal).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from labapp.domain.enums import AccuracyKind
from labapp.domain.errors import ValidationError
from labapp.services.master_data import (
    list_persons,
    location_choices,
    procedure_choices,
    provider_choices,
)
from labapp.services.register import (
    InstrumentData,
    create_instrument,
    duplicate_instrument,
    get_instrument_detail,
    register_facets,
    similar_data,
    update_instrument,
)
from labapp.ui.common.conflict import ConflictDialog, answer_refusal
from labapp.ui.common.labels import label
from labapp.ui.register._fields import field_label
from labapp.ui.register._instrument_form import ERROR_STYLE, InstrumentForm, fill_ids

__all__ = ["ERROR_STYLE", "InstrumentDialog"]


def _load_lookups(db: Any, instrument_id: int | None) -> dict[str, Any]:
    """Everything the form offers, and the instrument to edit (one worker job)."""
    return {
        "facets": register_facets(db),
        "persons": list_persons(db),
        "locations": location_choices(db),
        "providers": provider_choices(db),
        "procedures": procedure_choices(db),
        "detail": get_instrument_detail(db, instrument_id) if instrument_id else None,
    }


class InstrumentDialog(InstrumentForm):
    """The instrument form.  ``instrument_id``: edit it; ``similar_to``: a new one prefilled
    with that one's specification (``similar_data``, saved by ``duplicate_instrument``);
    neither: a new one.

    ``saved`` carries the stored ``InstrumentDetail``.
    """

    saved = Signal(object)
    ready = Signal()

    def __init__(
        self,
        session: Any,
        instrument_id: int | None = None,
        similar_to: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("instrumentDialog")
        self.session = session
        self.instrument_id = instrument_id
        self.similar_to = similar_to
        self.version = 0  # of the instrument being edited, once loaded
        self.conflict: ConflictDialog | None = None
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.accuracy_kind.currentIndexChanged.connect(self._accuracy_placeholder)
        self.retranslate_ui()
        self._set_busy(True)
        source = instrument_id or similar_to
        self.session.run(lambda db: _load_lookups(db, source), self._lookups_loaded)

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
    def _lookups_loaded(self, lookups: dict[str, Any]) -> None:
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
        """OK: check, then save on the worker (the dialog closes on success only)."""
        self.general_error.clear()
        for key in self.errors:
            self._clear_error(key)
        try:
            data = self.data()
        except ValidationError as exc:
            self.show_problem(exc)
            return
        self._set_busy(True)
        self.session.run(self._job(data), self._saved, self._failed)

    def _job(self, data: InstrumentData) -> Any:
        """The service call that saves ``data`` as this dialog's kind of change."""
        user, changes = self.session.user, _changes(self.base, data)
        if self.instrument_id:
            reason = self.reason.text().strip() or None
            ident, version = self.instrument_id, self.version
            return lambda db: update_instrument(db, user, ident, version, changes, reason)
        if self.similar_to:
            source = self.similar_to
            return lambda db: duplicate_instrument(db, user, source, data.asset_tag, changes)
        return lambda db: create_instrument(db, user, data)

    def _saved(self, detail: Any) -> None:
        self._set_busy(False)
        self.saved.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.conflict = answer_refusal(self, exc, self.show_problem, self._reload)

    def _reload(self, _info: Any) -> None:
        if not self.instrument_id:
            return  # only an edit meets a newer version (a new item has none)
        self._set_busy(True)
        ident = self.instrument_id
        self.session.run(lambda db: get_instrument_detail(db, ident), self._reloaded)

    def _reloaded(self, detail: Any) -> None:
        self._show_data(detail)
        self._set_busy(False)


def _changes(old: InstrumentData, new: InstrumentData) -> dict[str, Any]:
    return {
        f.name: getattr(new, f.name)
        for f in fields(InstrumentData)
        if getattr(new, f.name) != getattr(old, f.name)
    }
