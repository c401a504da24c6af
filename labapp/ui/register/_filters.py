"""The register's filter bar: quantity, role, status, due state, location, mandatory verification.

Each combo's first entry is "all"; the others carry the value the service's ``RegisterFilter``
takes as item data.  Quantities, locations and statuses come from ``register_facets`` (values
present in the data), fetched on the worker by the register view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from labapp.domain.due import DueState
from labapp.domain.enums import InstrumentStatus, Role
from labapp.ui.common.labels import label, label_for

CONTEXT = "RegisterFilterBar"
DUE_STATES: tuple[tuple[DueState, str], ...] = (
    (DueState.OVERDUE, QT_TRANSLATE_NOOP("RegisterFilterBar", "Overdue")),
    (DueState.DUE_SOON, QT_TRANSLATE_NOOP("RegisterFilterBar", "Due soon")),
    (DueState.OK, QT_TRANSLATE_NOOP("RegisterFilterBar", "Not due")),
    (DueState.NONE, QT_TRANSLATE_NOOP("RegisterFilterBar", "No due date")),
)
MANDATORY: tuple[tuple[bool, str], ...] = (
    (True, QT_TRANSLATE_NOOP("RegisterFilterBar", "Mandatory verification")),
    (False, QT_TRANSLATE_NOOP("RegisterFilterBar", "Not mandatory")),
)
#: filter key -> label of the combo (its "all" entry says the same in the plural)
KEYS: tuple[tuple[str, str], ...] = (
    ("quantity", QT_TRANSLATE_NOOP("RegisterFilterBar", "All quantities")),
    ("role", QT_TRANSLATE_NOOP("RegisterFilterBar", "All roles")),
    ("status", QT_TRANSLATE_NOOP("RegisterFilterBar", "All statuses")),
    ("due_state", QT_TRANSLATE_NOOP("RegisterFilterBar", "Any due state")),
    ("location_id", QT_TRANSLATE_NOOP("RegisterFilterBar", "All locations")),
    ("mandatory", QT_TRANSLATE_NOOP("RegisterFilterBar", "Mandatory or not")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class RegisterFilterBar(QWidget):
    """Combos whose values form the register's filter; ``changed`` fires on every choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        for key, _text in KEYS:
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.combos[key] = combo
            layout.addWidget(combo)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("filterClear")
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self._quantities: tuple[str, ...] = ()
        self._locations: tuple[Any, ...] = ()
        self._statuses: tuple[Any, ...] = tuple(InstrumentStatus)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_facets(self, facets: Any) -> None:
        """Offer the quantities, locations and statuses of ``RegisterFacets``."""
        self._quantities = tuple(facets.quantities)
        self._locations = tuple(facets.locations)
        self._statuses = tuple(facets.statuses) or tuple(InstrumentStatus)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refill every combo in the current language, keeping each choice."""
        self.label.setText(QCoreApplication.translate("RegisterFilterBar", "Filter:"))
        self.clear_button.setText(QCoreApplication.translate("RegisterFilterBar", "Clear filters"))
        entries: dict[str, list[tuple[str, Any]]] = {
            "quantity": [(label_for("quantity", q), q) for q in self._quantities],
            "role": [(label(r), r) for r in Role],
            "status": [(label(s), s) for s in self._statuses],
            "due_state": [(_tr(text), state) for state, text in DUE_STATES],
            "location_id": [(loc.name, loc.id) for loc in self._locations],
            "mandatory": [(_tr(text), value) for value, text in MANDATORY],
        }
        for key, all_text in KEYS:
            self._fill(self.combos[key], _tr(all_text), entries[key])

    def _fill(self, combo: QComboBox, all_text: str, entries: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for text, value in entries:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(_find(combo, current), 0))
        combo.blockSignals(False)

    def values(self) -> dict[str, Any]:
        """The chosen values by ``RegisterFilter`` field (None: no restriction)."""
        return {key: combo.currentData() for key, combo in self.combos.items()}

    def select(self, key: str, value: Any) -> None:
        """Choose ``value`` in the combo of ``key`` (as a user would; ``changed`` fires)."""
        combo = self.combos[key]
        combo.setCurrentIndex(max(_find(combo, value), 0))

    def clear(self) -> None:
        """Every combo back to "all" (one ``changed``)."""
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()


def _find(combo: QComboBox, value: Any) -> int:
    """The index whose item data equals ``value`` (``findData`` cannot compare Python objects)."""
    if value is None:
        return 0
    for index in range(1, combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1
