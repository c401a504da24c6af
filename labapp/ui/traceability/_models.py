"""Traceability as Qt models: the forward chain as a tree; reverse traces, broken chains as tables.

The tree model wraps the frozen ``ChainNode`` tree of ``labapp.services.traceability``; a broken
link is drawn red and its reasons are worded in the user's language (:func:`reason_text`).
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from labapp.ui.common.labels import label, label_for
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

CONTEXT = "TraceModel"
BROKEN_BRUSH = QBrush(QColor("#c62828"))
BROKEN_BACKGROUND = QBrush(QColor("#fde0e0"))

(
    COL_ITEM,
    COL_DATE,
    COL_PROVIDER,
    COL_CERTIFICATE,
    COL_VALID_UNTIL,
    COL_U,
    COL_RESULT,
    COL_BROKEN,
) = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("TraceModel", "Item"),
    QT_TRANSLATE_NOOP("TraceModel", "Event date"),
    QT_TRANSLATE_NOOP("TraceModel", "Provider"),
    QT_TRANSLATE_NOOP("TraceModel", "Certificate"),
    QT_TRANSLATE_NOOP("TraceModel", "Valid until"),
    QT_TRANSLATE_NOOP("TraceModel", "U"),
    QT_TRANSLATE_NOOP("TraceModel", "Result"),
    QT_TRANSLATE_NOOP("TraceModel", "Broken link"),
)

#: extra words for a reason, from its params
_DETAILS = {
    "expired": QT_TRANSLATE_NOOP("TraceModel", "valid until {valid_until}, used on {used_on}"),
    "no_certificate": QT_TRANSLATE_NOOP("TraceModel", "none on {used_on}"),
    "standard_failed": QT_TRANSLATE_NOOP("TraceModel", "certificate {certificate_no}"),
    "provider_not_accredited": QT_TRANSLATE_NOOP("TraceModel", "{provider}, {quantity}"),
}


def reason_text(code: Any, params: Any = None) -> str:
    """A broken link's reason in the user's language, with its dates or names."""
    raw = getattr(code, "value", code)
    text = label_for("broken", str(raw))
    detail = _DETAILS.get(str(raw))
    values = {k: format_value(v) for k, v in dict(params or {}).items()}
    if detail:
        with contextlib.suppress(KeyError, IndexError):
            text += f" ({QCoreApplication.translate(CONTEXT, detail).format(**values)})"
    return text


class _Node:
    """A tree row: the DTO, its parent and its position (Qt needs parent pointers)."""

    def __init__(self, dto: Any, parent: _Node | None, row: int) -> None:
        self.dto, self.parent, self.row = dto, parent, row
        self.children = [_Node(c, self, i) for i, c in enumerate(getattr(dto, "children", ()))]


class ChainTreeModel(QAbstractItemModel):
    """The forward chain of one item: the item, its standards, their standards ... to the NMI."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []

    def set_chain(self, root: Any | None) -> None:
        """Show the chain under ``root`` (a ``ChainNode``; None clears)."""
        self.beginResetModel()
        self._roots = [] if root is None else [_Node(root, None, 0)]
        self.endResetModel()

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        """The ``ChainNode`` at ``index``."""
        return self._node(index).dto

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return index.internalPointer()  # type: ignore[no-any-return]

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        siblings = self._node(parent).children if parent.isValid() else self._roots
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> Any:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        return QModelIndex() if up is None else self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        dto = self._node(index).dto
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(dto, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and dto.broken:
            return BROKEN_BRUSH
        if role == Qt.ItemDataRole.BackgroundRole and dto.broken:
            return BROKEN_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(dto, index.column())
        return None

    def _tooltip(self, node: Any, column: int) -> str | None:
        if node.broken:
            return "\n".join(reason_text(r.code, r.params) for r in node.reasons)
        text = self._display(node, column)
        return text or None  # the full text of an elided cell

    @staticmethod
    def _display(node: Any, column: int) -> str:
        event = node.event
        if column == COL_ITEM:
            return f"{node.instrument.asset_tag} {node.instrument.name}"
        if column == COL_BROKEN:
            return "; ".join(reason_text(r.code, r.params) for r in node.reasons)
        if event is None:
            return ""
        if column == COL_PROVIDER:
            provider = event.provider
            if provider is None:
                return ""
            return f"{provider.name} ({label(provider.kind)})"
        values = {
            COL_DATE: event.performed_on,
            COL_CERTIFICATE: event.certificate_no,
            COL_VALID_UNTIL: event.valid_until,
            COL_U: event.uncertainty,
            COL_RESULT: event.result,
        }
        return format_value(values.get(column))


class ReverseTraceModel(RowsTableModel):
    """Rows of ``TraceRow``: every event a standard served, level by level."""

    CONTEXT = "ReverseTraceModel"
    COLUMNS = (
        ("depth", QT_TRANSLATE_NOOP("ReverseTraceModel", "Depth")),
        ("performed_on", QT_TRANSLATE_NOOP("ReverseTraceModel", "Event date")),
        ("asset_tag", QT_TRANSLATE_NOOP("ReverseTraceModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("ReverseTraceModel", "Item")),
        ("quantity", QT_TRANSLATE_NOOP("ReverseTraceModel", "Quantity")),
        ("via_asset_tag", QT_TRANSLATE_NOOP("ReverseTraceModel", "Via standard")),
        ("result", QT_TRANSLATE_NOOP("ReverseTraceModel", "Result")),
        ("event_id", QT_TRANSLATE_NOOP("ReverseTraceModel", "Event")),
    )


class BrokenChainsModel(RowsTableModel):
    """Rows of ``BrokenChain``: items whose calibration rests on a broken link."""

    CONTEXT = "BrokenChainsModel"
    COL_REASON = 5
    COLUMNS = (
        ("asset_tag", QT_TRANSLATE_NOOP("BrokenChainsModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("BrokenChainsModel", "Item")),
        ("performed_on", QT_TRANSLATE_NOOP("BrokenChainsModel", "Event date")),
        ("link_asset_tag", QT_TRANSLATE_NOOP("BrokenChainsModel", "Broken at")),
        ("via_asset_tag", QT_TRANSLATE_NOOP("BrokenChainsModel", "Via standard")),
        ("code", QT_TRANSLATE_NOOP("BrokenChainsModel", "Reason")),
    )

    def display(self, row: Any, column: int) -> str:
        if column == self.COL_REASON:
            return reason_text(row.code, row.params)
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return BROKEN_BRUSH
        return None
