"""An editable table over frozen DTOs: what the user types is kept as pending edits per row.

The rows stay the DTOs a worker fetched (never changed in place); an edit is checked by the
subclass's :meth:`EditableRowsModel.parse` and kept as ``{row key: {field: value}}`` until the page
saves :meth:`~EditableRowsModel.pending` through a service and shows the rows it gets back.
Subclasses declare ``EDITABLE`` (column → the field an edit of it changes), override
:meth:`~EditableRowsModel.parse` and, where a field is stored under another name or shape,
:meth:`~EditableRowsModel.stored` (or where an editor wants text, :meth:`~.edit_value`); the rest
is :class:`~labapp.ui.common.rows_table_model.RowsTableModel`'s.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from labapp.ui.common.rows_table_model import RowsTableModel

__all__ = ["REFUSED", "EditableRowsModel"]

#: What :meth:`EditableRowsModel.parse` returns for a value it does not accept.
REFUSED = object()


class EditableRowsModel(RowsTableModel):
    """Rows of DTOs (each with an ``id``) whose ``EDITABLE`` cells take pending edits."""

    EDITABLE: ClassVar[dict[int, str]] = {}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pending: dict[Any, dict[str, Any]] = {}
        self.editable = True

    def set_rows(self, rows: list[Any], editable: bool = True) -> None:
        """Show ``rows`` (editable or not) and forget every pending edit."""
        self.beginResetModel()
        self._rows, self._pending, self.editable = list(rows), {}, editable
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        """The DTO of ``row`` (as stored: pending edits are not applied to it)."""
        return self._rows[row]

    def pending(self) -> dict[Any, dict[str, Any]]:
        """Row key → {field: new value} typed and not yet saved."""
        return {key: dict(edits) for key, edits in self._pending.items()}

    def value(self, row: Any, field: str) -> Any:
        """``field`` of ``row`` as the user sees it: the pending edit, else the stored value."""
        return self._pending.get(row.id, {}).get(field, self.stored(row, field))

    def stored(self, row: Any, field: str) -> Any:
        """``field`` as the DTO holds it (a subclass maps a field stored under another name)."""
        return getattr(row, field)

    def edit_value(self, row: Any, column: int) -> Any:
        """What an editor of ``column`` starts from (here: the value as the user sees it)."""
        return self.value(row, self.EDITABLE[column])

    def parse(self, column: int, value: Any) -> Any:
        """The value an edit of ``column`` stores, or :data:`REFUSED` (here: any value)."""
        return value

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editable and index.column() in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            if index.column() not in self.EDITABLE:
                return None
            return self.edit_value(self._rows[index.row()], index.column())
        return super().data(index, role)

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        new = self.parse(index.column(), value)
        if new is REFUSED:
            return False
        row, field = self._rows[index.row()], self.EDITABLE[index.column()]
        if new == self.value(row, field):
            return True
        self.store_edit(index.row(), field, new)
        return True

    def store_edit(self, row_number: int, field: str, value: Any) -> None:
        """Keep an accepted edit (here: as pending) and repaint its row.

        A model whose rows are the edited values themselves (a table of points with an undo
        stack) overrides this, and :meth:`value`, to change its row instead.
        """
        self._pending.setdefault(self._rows[row_number].id, {})[field] = value
        self.row_changed(row_number)

    def row_changed(self, row_number: int) -> None:
        """Tell the views that every cell of ``row_number`` may show something else."""
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, last))
