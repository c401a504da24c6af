"""New investigation…: choose the standard and the failed event or check that triggers it.

The standards offered are those that served results and have a failure on record; the trigger list
is the chosen standard's failed as-found events and failed checks, newest first, and the newest is
pre-selected (or the newest of the kind asked for, e.g. the check just recorded).  The lab's
decision rule (Preferences) is shown and recorded with the investigation.  A failure that already
has an open investigation opens that one instead of a second.

The dialog collects (:mod:`labapp.ui.common.submission`): the page hands in the standards
(:meth:`NewInvestigationDialog.fill_standards`) and, asked by ``sources_wanted``, the chosen
standard's failures (:meth:`NewInvestigationDialog.fill_sources`); Open emits ``submitted`` with a
:class:`NewInvestigation` that :mod:`labapp.ui.impact._flow` opens on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from labapp.domain.points import DecisionRule
from labapp.ui.common.errors import show_error
from labapp.ui.common.labels import label_for
from labapp.ui.events import decision_rule
from labapp.ui.impact._words import impact_problem

__all__ = ["NewInvestigation", "NewInvestigationDialog"]


@dataclass(frozen=True)
class NewInvestigation:
    """What Open hands to the page: the failed event or check (``kind`` ``event``/``check``,
    its id), the investigation already open on it (None: open one), the rule and the summary."""

    kind: str
    source_id: int
    open_id: int | None
    rule: DecisionRule
    summary: str


class NewInvestigationDialog(QDialog):
    """Collects the trigger (``submitted`` carries a :class:`NewInvestigation`); :attr:`opened`
    carries the investigation's detail once the page opened it."""

    submitted = Signal(object)
    opened = Signal(object)
    sources_wanted = Signal(int)  # the standard chosen: the page answers fill_sources

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        standard_id: int | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
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

    def fill_standards(self, standards: list[Any]) -> None:
        """Offer ``standards`` (those with a failure on record, loaded by the page)."""
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
            self.sources_wanted.emit(standard_id)

    def fill_sources(self, sources: list[Any]) -> None:
        """Offer the chosen standard's failures (loaded by the page), the wanted one chosen."""
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
        """Open: hand the trigger to the page (searching the results may take a while)."""
        chosen = self.trigger.currentData()
        if chosen is None:
            self.error.setText(self.tr("Choose the failed event or check."))
            return
        kind, ident, already_open = chosen
        self.buttons.setEnabled(False)
        self.submitted.emit(
            NewInvestigation(kind, ident, already_open, decision_rule(), self.summary.toPlainText())
        )

    def finish(self, detail: Any) -> None:
        """The investigation is open (or was already): emit :attr:`opened` and close."""
        self.opened.emit(detail)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """Refused: say why in the dialog; the choice and the summary stay."""
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(impact_problem(exc))
        else:
            show_error(self, exc)
