"""New investigation…: choose the standard and the failed event or check that triggers it.

The standards offered are those that served results and have a failure on record; the trigger list
is the chosen standard's failed as-found events and failed checks, newest first, and the newest is
pre-selected (or the newest of the kind asked for, e.g. the check just recorded).  The lab's
decision rule (Preferences) is shown and recorded with the investigation.  A failure that already
has an open investigation opens that one instead of a second.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.services import impact
from labapp.ui.common.errors import show_error
from labapp.ui.common.labels import label_for
from labapp.ui.events import decision_rule
from labapp.ui.impact._words import impact_problem

__all__ = ["NewInvestigationDialog"]

#: The guard band factor r in w = r·U (the lab's decisions use r = 1).
GUARD_BAND_FACTOR = Decimal(1)


class NewInvestigationDialog(QDialog):
    """Collects the trigger and opens the investigation; :attr:`opened` carries its detail."""

    opened = Signal(object)

    def __init__(
        self,
        session: Any,
        parent: QWidget | None = None,
        *,
        standard_id: int | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._preset = (standard_id, kind)
        self.setObjectName("newInvestigationDialog")
        self.setWindowTitle(self.tr("New impact investigation"))
        self.setMinimumWidth(520)
        self.standard = QComboBox()
        self.standard.setObjectName("impactStandard")
        self.trigger = QComboBox()
        self.trigger.setObjectName("impactTrigger")
        self.rule = QLabel(label_for("rule", decision_rule().value))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("impactSummary")
        self.summary.setPlaceholderText(self.tr("What was found, and why it matters"))
        self.summary.setFixedHeight(80)
        self.error = QLabel()
        self.error.setObjectName("impactNewError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self.open_investigation)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Standard"), self.standard)
        form.addRow(self.tr("Found out of tolerance by"), self.trigger)
        form.addRow(self.tr("Decision rule"), self.rule)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.standard.currentIndexChanged.connect(lambda _=0: self._load_sources())
        session.run(impact.standards_with_failures, self._fill_standards)

    def _fill_standards(self, standards: list[Any]) -> None:
        self.standard.blockSignals(True)
        for s in standards:
            self.standard.addItem(f"{s.asset_tag} {s.name}", s.id)
        wanted = self.standard.findData(self._preset[0]) if self._preset[0] is not None else 0
        self.standard.setCurrentIndex(max(wanted, 0))
        self.standard.blockSignals(False)
        if not standards:
            self.error.setText(self.tr("No standard has a failed calibration or check on record."))
        self._load_sources()

    def _load_sources(self) -> None:
        standard_id = self.standard.currentData()
        self.trigger.clear()
        if standard_id is not None:
            self.session.run(lambda db: impact.failed_sources(db, standard_id), self._fill_sources)

    def _fill_sources(self, sources: list[Any]) -> None:
        self.trigger.clear()
        for s in sources:
            self.trigger.addItem(self._source_text(s), (s.kind, s.id, s.investigation_id))
        kind = self._preset[1]
        first = next((i for i, s in enumerate(sources) if kind is None or s.kind == kind), 0)
        self.trigger.setCurrentIndex(first if sources else -1)
        self._preset = (None, None)

    def _source_text(self, s: Any) -> str:
        if s.kind == "check":
            text = self.tr("Intermediate check of {0}").format(s.performed_on.isoformat())
        else:
            text = self.tr("Calibration/verification of {0} ({1})").format(
                s.performed_on.isoformat(), s.certificate_no or "—"
            )
        if s.investigation_id is not None:
            text += " — " + self.tr("investigation {0} open").format(s.investigation_id)
        return text

    def open_investigation(self) -> None:
        """Open the investigation on the worker (searching the results may take a while)."""
        chosen = self.trigger.currentData()
        if chosen is None:
            self.error.setText(self.tr("Choose the failed event or check."))
            return
        kind, ident, already_open = chosen
        self.buttons.setEnabled(False)
        if already_open is not None:  # one open investigation per failure: show that one
            self.session.run(
                lambda db: impact.get_investigation(db, already_open), self._opened, self._failed
            )
            return
        keys = {"event_id": ident} if kind == "event" else {"check_id": ident}
        user, rule, text = self.session.user, decision_rule(), self.summary.toPlainText()
        self.session.run(
            lambda db: impact.open_investigation(
                db, user, rule=rule, guard_band_factor=GUARD_BAND_FACTOR, summary=text, **keys
            ),
            self._opened,
            self._failed,
            progress=self.tr("Searching every result the standard served…"),
            parent=self,
        )

    def _opened(self, detail: Any) -> None:
        self.opened.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(impact_problem(exc))
        else:
            show_error(self, exc)
