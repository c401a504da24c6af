"""The checklist of measurement standards an event may use, valid on the event's date.

Rows are the ``StandardOption`` DTOs of ``labapp.services.events.valid_standards``.  A standard
that is not valid on that date (overdue, failed, out of service) is drawn grey with the reason as
tooltip; ticking it does not tick it but emits :attr:`StandardsModel.override_needed`, and the
dialog asks for the reason and calls :meth:`StandardsModel.set_override` (the service writes the
reason to the audit log).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

CONTEXT = "StandardsModel"
COL_TAG, COL_NAME, COL_QUANTITY, COL_VALID_UNTIL, COL_STATE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("StandardsModel", "Asset tag"),
    QT_TRANSLATE_NOOP("StandardsModel", "Standard"),
    QT_TRANSLATE_NOOP("StandardsModel", "Quantity"),
    QT_TRANSLATE_NOOP("StandardsModel", "Valid until"),
    QT_TRANSLATE_NOOP("StandardsModel", "State"),
)
GREY = QBrush(QColor("#8a8a8a"))


class StandardsModel(QAbstractTableModel):
    """Checkable standards; ``selection()`` gives ``{instrument_id: override reason or None}``."""

    override_needed = Signal(int)  # row of an invalid standard the user tried to tick
    selection_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._options: list[Any] = []
        self._chosen: dict[int, str | None] = {}
        self.read_only = False

    def set_options(self, options: list[Any]) -> None:
        """Show ``options``; choices still offered stay ticked, unless no longer valid."""
        self.beginResetModel()
        self._options = list(options)
        offered = {o.instrument_id: o for o in self._options}
        self._chosen = {
            key: reason
            for key, reason in self._chosen.items()
            if key in offered and (offered[key].valid or reason)
        }
        self.endResetModel()
        self.selection_changed.emit()

    def set_selection(self, chosen: dict[int, str | None]) -> None:
        """Tick the standards of a loaded event (with their override reasons)."""
        self.beginResetModel()
        self._chosen = dict(chosen)
        self.endResetModel()
        self.selection_changed.emit()

    def selection(self) -> dict[int, str | None]:
        """Chosen standard ids with the override reason given for an invalid one."""
        return dict(self._chosen)

    def option(self, row: int) -> Any:
        """The ``StandardOption`` of ``row``."""
        return self._options[row]

    def row_of(self, instrument_id: int) -> int:
        """The row showing ``instrument_id`` (-1 if not offered)."""
        ids = [o.instrument_id for o in self._options]
        return ids.index(instrument_id) if instrument_id in ids else -1

    def set_override(self, row: int, reason: str) -> None:
        """Tick the invalid standard of ``row``, recording why it is used anyway."""
        self._chosen[self._options[row].instrument_id] = reason
        self._changed(row)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_STATE))
        self.selection_changed.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._options)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_TAG and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._options):
            return None
        option = self._options[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(option, index.column())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_TAG:
            chosen = option.instrument_id in self._chosen
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not option.valid:
            return GREY
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(option)
        return None

    def _display(self, option: Any, column: int) -> str:
        if column == COL_TAG:
            return str(option.asset_tag)
        if column == COL_NAME:
            return str(option.name)
        if column == COL_QUANTITY:
            return str(option.quantity or "")
        if column == COL_VALID_UNTIL:
            until = option.valid_until
            return until.isoformat() if isinstance(until, date) else ""
        if option.valid:
            return QCoreApplication.translate(CONTEXT, "Valid")
        reason = self._chosen.get(option.instrument_id)
        state = standard_reason(option.reason)
        if reason:
            return QCoreApplication.translate(CONTEXT, "{0} — used: {1}").format(state, reason)
        return state

    def _tooltip(self, option: Any) -> str | None:
        if option.valid:
            return None
        return QCoreApplication.translate(
            CONTEXT, "Not valid on the event's date: {0}. Ticking it asks for a reason."
        ).format(standard_reason(option.reason))

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != COL_TAG or self.read_only:
            return False
        option = self._options[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if not checked:
            self._chosen.pop(option.instrument_id, None)
        elif option.valid:
            self._chosen[option.instrument_id] = None
        else:
            self.override_needed.emit(index.row())
            return False
        self._changed(index.row())
        return True


#: reason codes of ``StandardOption.reason`` -> words
REASONS: dict[str, str] = {
    "overdue": QT_TRANSLATE_NOOP("StandardsModel", "overdue"),
    "expired": QT_TRANSLATE_NOOP("StandardsModel", "certificate expired"),
    "failed": QT_TRANSLATE_NOOP("StandardsModel", "failed its last calibration"),
    "out_of_service": QT_TRANSLATE_NOOP("StandardsModel", "out of service"),
    "never_calibrated": QT_TRANSLATE_NOOP("StandardsModel", "never calibrated"),
    "no_certificate": QT_TRANSLATE_NOOP("StandardsModel", "no certificate"),
    "not_in_service": QT_TRANSLATE_NOOP("StandardsModel", "not in service"),
}


def standard_reason(reason: Any) -> str:
    """Why a standard is not valid, in the user's language (a code's words, or the text)."""
    code = getattr(reason, "code", reason)
    source = REASONS.get(str(code or ""))
    if source:
        return QCoreApplication.translate(CONTEXT, source)
    return str(reason or QCoreApplication.translate(CONTEXT, "not valid"))
