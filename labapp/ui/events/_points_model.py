"""The measurement points of an event, as typed, evaluated live with the lab's decision rule.

Every cell keeps the text the user typed (digits and unit: "10000.2 mV" stays as typed) and its
value parsed once, when the text changed (:mod:`labapp.ui.events._point_cells`).  Each row is
evaluated from its typed values with :func:`labapp.domain.point_values.evaluate_values` whenever
one of its cells changes: the pure function runs on the GUI thread, no database involved.  A
typed error (text in a number cell, incommensurable units) colours the cell it names red with the
reason as tooltip.  :meth:`PointsModel.values` gives the typed points the dialog saves.

The last column is the point's capability, MPE / U (tolerance half-width over U,
:func:`labapp.domain.capability.capability_ratio`): below the lab's threshold (JJF 1094: 3) the
cell is marked and its tooltip says why.  A stored point shows the ratio saved with the record
until one of its cells is edited; then the live one.

Edits go through a :class:`QUndoStack` when one is attached: each cell edit and each added or
removed row is one :class:`QUndoCommand`, so Ctrl+Z / Ctrl+Shift+Z undo and redo them.

Long module on purpose: the points table's cells, its live evaluation and its undo commands
work on the same rows and are read together.
"""

from __future__ import annotations

from decimal import Decimal
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
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from labapp.domain.capability import CAPABILITY_THRESHOLD
from labapp.domain.enums import Decision, Stage
from labapp.domain.point_values import PointValues
from labapp.domain.points import DecisionRule
from labapp.ui.common.labels import label, label_for
from labapp.ui.events._point_cells import Evaluated, PointRow, PointText, evaluate_row, parse_row
from labapp.ui.events._points_capability import capability_cell

CONTEXT = "PointsModel"

STAGES = (Stage.AS_LEFT, Stage.AS_FOUND)

(
    COL_STAGE,
    COL_NOMINAL,
    COL_REFERENCE,
    COL_INDICATION,
    COL_U,
    COL_K,
    COL_MPE,
    COL_ERROR,
    COL_DECISION,
    COL_CAPABILITY,
) = range(10)

#: column -> (PointText attribute, header)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("stage", QT_TRANSLATE_NOOP("PointsModel", "Stage")),
    ("nominal", QT_TRANSLATE_NOOP("PointsModel", "Nominal")),
    ("reference", QT_TRANSLATE_NOOP("PointsModel", "Reference value")),
    ("indication", QT_TRANSLATE_NOOP("PointsModel", "Indication")),
    ("expanded_uncertainty", QT_TRANSLATE_NOOP("PointsModel", "U")),
    ("coverage_factor", QT_TRANSLATE_NOOP("PointsModel", "k")),
    ("mpe", QT_TRANSLATE_NOOP("PointsModel", "MPE")),
    ("error", QT_TRANSLATE_NOOP("PointsModel", "Error")),
    ("decision", QT_TRANSLATE_NOOP("PointsModel", "Decision")),
    ("capability", QT_TRANSLATE_NOOP("PointsModel", "MPE / U")),
)
EDITABLE = frozenset(range(COL_STAGE, COL_MPE + 1))

BAD_BRUSH = QBrush(QColor("#f4b6b6"))
DECISION_BRUSHES = {
    Decision.PASS: QBrush(QColor("#c8e6c9")),
    Decision.FAIL: QBrush(QColor("#f4b6b6")),
    Decision.CONDITIONAL_PASS: QBrush(QColor("#fff3b0")),
    Decision.CONDITIONAL_FAIL: QBrush(QColor("#ffd59e")),
}


class PointsModel(QAbstractTableModel):
    """Editable table of :class:`PointText` rows with computed error and decision columns.

    ``evaluated`` is emitted after any change of values or rule (the dialog updates the
    overall result and the due date from it).
    """

    evaluated = Signal()

    def __init__(self, undo_stack: QUndoStack | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.rule = DecisionRule.SIMPLE
        self.guard_band_factor = 1.0
        self.read_only = False
        #: below this MPE / U the capability cell warns (the lead makes it a lab setting)
        self.capability_threshold = CAPABILITY_THRESHOLD
        self._rows: list[PointRow] = []
        self._evaluations: list[Evaluated] = []

    # --- contents -----------------------------------------------------------------------------
    def set_points(self, points: list[PointText], values: list[PointValues] | None = None) -> None:
        """Replace every row (loading an event; not an undoable edit).

        ``values``: the typed points the texts were written from (a stored event), taken as they
        are; without them each text is parsed.
        """
        self.beginResetModel()
        typed = values if values is not None else [None] * len(points)
        self._rows = [parse_row(p, v) for p, v in zip(points, typed, strict=True)]
        self._evaluations = [self._evaluate(r) for r in self._rows]
        self.endResetModel()
        self.evaluated.emit()

    def points(self) -> list[PointText]:
        """The rows as typed, blank rows left out."""
        return [r.text for r in self._rows if not r.text.is_blank()]

    def values(self) -> list[PointValues]:
        """The typed points, blank rows left out (what the dialog saves; parsed when typed).

        Raises
        ------
        ValidationError
            A row whose cell does not parse (the dialog saves only when :meth:`problems` is empty).
        """
        return [r.values() for r in self._rows if not r.text.is_blank()]

    def evaluation(self, row: int) -> Evaluated:
        """The evaluation of ``row``."""
        return self._evaluations[row]

    def decisions(self) -> list[Decision]:
        """The decision of every evaluated row."""
        return [e.result.decision for e in self._evaluations if e.result is not None]

    def stage_decisions(self) -> list[tuple[Stage, Decision]]:
        """``(stage, decision)`` of every evaluated row (what the event's result is made of)."""
        return [
            (r.cells["stage"], e.result.decision)
            for r, e in zip(self._rows, self._evaluations, strict=True)
            if e.result is not None
        ]

    def problems(self) -> list[tuple[int, str, str]]:
        """``(row, field, reason)`` of every row that cannot be evaluated."""
        return [(r, e.field, e.problem) for r, e in enumerate(self._evaluations) if e.field]

    def set_rule(self, rule: DecisionRule, guard_band_factor: float = 1.0) -> None:
        """Use another decision rule; every row is evaluated again (from its parsed cells)."""
        self.rule, self.guard_band_factor = rule, guard_band_factor
        self._evaluations = [self._evaluate(r) for r in self._rows]
        if self._rows:
            last = self.index(len(self._rows) - 1, COL_CAPABILITY)
            self.dataChanged.emit(self.index(0, 0), last)
        self.evaluated.emit()

    def _evaluate(self, row: PointRow) -> Evaluated:
        return evaluate_row(row, self.rule, self.guard_band_factor)

    # --- live preview while a cell is being typed --------------------------------------------
    def preview(self, row: int, column: int, text: str) -> None:
        """Evaluate ``row`` as if ``text`` were in the cell being typed (not stored, not undoable).

        The editor calls this on each keystroke, so the error and decision follow the typing: the
        typed cell is parsed, the row's other cells are not parsed again.  Committing the editor
        stores the text as one undoable edit.
        """
        if not 0 <= row < len(self._rows) or column not in EDITABLE:
            return
        typed = self._rows[row].with_cell(COLUMNS[column][0], text, edit=False)
        self._evaluations[row] = self._evaluate(typed)
        # Not the edited cell itself: the view would reset the open editor to the stored text.
        if column > 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, column - 1))
        self.dataChanged.emit(self.index(row, column + 1), self.index(row, COL_CAPABILITY))
        self.evaluated.emit()

    def end_preview(self, row: int) -> None:
        """The editor closed: evaluate ``row`` from its stored cells again."""
        if 0 <= row < len(self._rows):
            self._evaluations[row] = self._evaluate(self._rows[row])
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_CAPABILITY))
            self.evaluated.emit()

    # --- raw changes (the undo commands call these) ---------------------------------------
    def set_cell(self, row: int, column: int, text: str) -> None:
        """Store ``text`` in a cell, parse that cell and evaluate its row again."""
        self._rows[row] = self._rows[row].with_cell(COLUMNS[column][0], text)
        self._evaluations[row] = self._evaluate(self._rows[row])
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_CAPABILITY))
        self.evaluated.emit()

    def insert_point(self, row: int, point: PointRow) -> None:
        """Insert ``point`` before ``row``."""
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, point)
        self._evaluations.insert(row, self._evaluate(point))
        self.endInsertRows()
        self.evaluated.emit()

    def take_point(self, row: int) -> PointRow:
        """Remove ``row`` and return it."""
        self.beginRemoveRows(QModelIndex(), row, row)
        point = self._rows.pop(row)
        self._evaluations.pop(row)
        self.endRemoveRows()
        self.evaluated.emit()
        return point

    # --- undoable edits -----------------------------------------------------------------------
    def _push(self, command: QUndoCommand) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def add_point(self, point: PointText | None = None) -> int:
        """Append a point (the stage of the last row by default); returns its row."""
        if point is None:
            stage = self._rows[-1].text.stage if self._rows else STAGES[0]
            point = PointText(stage=stage)
        row = len(self._rows)
        self._push(_RowCommand(self, row, parse_row(point), adding=True))
        return row

    def remove_point(self, row: int) -> None:
        """Remove ``row`` (undoable)."""
        if 0 <= row < len(self._rows):
            self._push(_RowCommand(self, row, self._rows[row], adding=False))

    # --- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(CONTEXT, _HEADER_TIPS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        point, evaluated = self._rows[index.row()].text, self._evaluations[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return getattr(point, COLUMNS[column][0])
        if column == COL_CAPABILITY:
            return self._capability_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(point, evaluated, column)
        bad = evaluated.field is not None and _FIELD_COLUMN.get(evaluated.field) == column
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(evaluated, column, bad)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(evaluated, column, bad)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (COL_STAGE, COL_DECISION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def capability(self, row: int) -> Decimal | None:
        """The ratio shown for ``row``: the stored one, else the live evaluation's."""
        stored, evaluated = self._rows[row].capability, self._evaluations[row]
        if stored is not None:
            return stored
        return evaluated.result.capability if evaluated.result is not None else None

    def _capability_data(self, row: int, role: int) -> Any:
        return capability_cell(self.capability(row), self.capability_threshold, role)

    def _display(self, point: PointText, evaluated: Evaluated, column: int) -> str:
        result = evaluated.result
        if column == COL_STAGE:
            return label_for("stage", point.stage)
        if column == COL_ERROR:
            return f"{result.error} {result.error_unit}" if result else ""
        if column == COL_DECISION:
            if result is not None:
                return label(result.decision)
            return QCoreApplication.translate(CONTEXT, "Cannot evaluate") if evaluated.field else ""
        return str(getattr(point, COLUMNS[column][0]))

    @staticmethod
    def _background(evaluated: Evaluated, column: int, bad: bool) -> Any:
        if bad:
            return BAD_BRUSH
        if column == COL_DECISION:
            if evaluated.result is not None:
                return DECISION_BRUSHES.get(evaluated.result.decision)
            return BAD_BRUSH if evaluated.field else None
        return None

    @staticmethod
    def _tooltip(evaluated: Evaluated, column: int, bad: bool) -> str | None:
        if bad or (column in (COL_ERROR, COL_DECISION) and evaluated.field):
            return evaluated.problem
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = "" if value is None else str(value)
        row, column = index.row(), index.column()
        old = getattr(self._rows[row].text, COLUMNS[column][0])
        if column == COL_STAGE and text not in STAGES:
            return False
        if text == old:
            return True
        self._push(_CellCommand(self, row, column, old, text))
        return True


_HEADER_TIPS = (
    QT_TRANSLATE_NOOP("PointsModel", "As found (before adjustment) or as left"),
    QT_TRANSLATE_NOOP("PointsModel", "Nominal value with its unit, e.g. 10 V"),
    QT_TRANSLATE_NOOP("PointsModel", "Value of the standard with its unit, e.g. 10000.2 mV"),
    QT_TRANSLATE_NOOP("PointsModel", "Reading of the unit under test, e.g. 10.0005 V"),
    QT_TRANSLATE_NOOP("PointsModel", "Expanded uncertainty of the error, e.g. 0.2 mV"),
    QT_TRANSLATE_NOOP("PointsModel", "Coverage factor, e.g. 2"),
    QT_TRANSLATE_NOOP("PointsModel", "Maximum permissible error, e.g. 1 mV or 0.01 %"),
    QT_TRANSLATE_NOOP("PointsModel", "Error of indication: indication − reference value"),
    QT_TRANSLATE_NOOP("PointsModel", "Decision with the lab's decision rule"),
    QT_TRANSLATE_NOOP(
        "PointsModel",
        "Capability: MPE (half the tolerance) over U; JJF 1094 asks at least 3 for a verification",
    ),
)

_FIELD_COLUMN = {name: column for column, (name, _header) in enumerate(COLUMNS)}
_FIELD_COLUMN.update({"lower": COL_MPE, "upper": COL_MPE})


class _CellCommand(QUndoCommand):
    def __init__(self, model: PointsModel, row: int, column: int, old: str, new: str) -> None:
        header = QCoreApplication.translate(CONTEXT, COLUMNS[column][1])
        super().__init__(QCoreApplication.translate(CONTEXT, "Edit {0}").format(header))
        self._model, self._row, self._column = model, row, column
        self._old, self._new = old, new

    def redo(self) -> None:
        self._model.set_cell(self._row, self._column, self._new)

    def undo(self) -> None:
        self._model.set_cell(self._row, self._column, self._old)


class _RowCommand(QUndoCommand):
    def __init__(self, model: PointsModel, row: int, point: PointRow, *, adding: bool) -> None:
        text = "Add point" if adding else "Remove point"
        super().__init__(QCoreApplication.translate(CONTEXT, text))
        self._model, self._row, self._point, self._adding = model, row, point, adding

    def redo(self) -> None:
        self._apply(self._adding)

    def undo(self) -> None:
        self._apply(not self._adding)

    def _apply(self, insert: bool) -> None:
        if insert:
            self._model.insert_point(self._row, self._point)
        else:
            self._model.take_point(self._row)


# lupdate sees the command texts only through markers
_COMMAND_TEXTS = (
    QT_TRANSLATE_NOOP("PointsModel", "Add point"),
    QT_TRANSLATE_NOOP("PointsModel", "Remove point"),
)
