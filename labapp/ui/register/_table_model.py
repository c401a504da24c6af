"""The register table: instruments and standards, fetched page by page from SQL.

Filtering and ordering happen in the database (``query_register``); the model holds only the pages
near the rows in view (:class:`~labapp.ui.common.paged_rows_model.PagedRowsModel`: a page dropped
is fetched again when the view comes back).  A new search, filter or sort bumps a generation
counter, so a page of an older query that arrives late is dropped instead of mixed into the new
one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from labapp.ui.common.labels import label_for
from labapp.ui.common.paged_rows_model import PagedRowsModel, PageLoader
from labapp.ui.common.rows_table_model import RowRole, format_value
from labapp.ui.register._fields import FIELD_LABELS

COL_ASSET_TAG = 0
COL_NAME = 1
COL_MANUFACTURER = 2
COL_MODEL = 3
COL_SERIAL = 4
COL_QUANTITY = 5
COL_RANGE = 6
COL_ACCURACY = 7
COL_ROLE = 8
COL_LEVEL = 9
COL_CUSTODIAN = 10
COL_LOCATION = 11
COL_STATUS = 12
COL_LAST_CALIBRATED = 13
COL_DUE = 14

#: column -> (DTO attribute, the key of its label in the register's fields); the attribute is
#: also the service's ``order_by`` key.
_COLUMN_FIELDS: tuple[tuple[str, str], ...] = (
    ("asset_tag", "asset_tag"),
    ("name", "name"),
    ("manufacturer", "manufacturer"),
    ("model", "model"),
    ("serial", "serial_no"),
    ("quantity", "quantity"),
    ("range_text", "range"),
    ("accuracy_text", "accuracy"),
    ("role", "role"),
    ("level", "level"),
    ("custodian", "custodian"),
    ("location", "location"),
    ("status", "status"),
    ("last_calibrated_on", "last"),
    ("due_on", "due"),
)
#: column -> (DTO attribute, header), the header being the field's label (context InstrumentFields)
COLUMNS: tuple[tuple[str, str], ...] = tuple((a, FIELD_LABELS[k]) for a, k in _COLUMN_FIELDS)

#: columns the service cannot order by (texts composed from several columns)
UNSORTABLE = frozenset({"range_text", "accuracy_text"})

#: Raw stored value of the row's due state (overdue / due_soon / ok / none).
DueStateRole = Qt.ItemDataRole.UserRole + 1
#: The row's attention flag: overdue / due_soon / failed / out_of_service / "" (nothing).
FlagRole = Qt.ItemDataRole.UserRole + 3
__all__ = [
    "COLUMNS",
    "DueStateRole",
    "FlagRole",
    "InstrumentTableModel",
    "RowRole",
    "due_state",
    "flag_of",
]

OVERDUE_BRUSH = QBrush(QColor("#f4c7c3"))
DUE_SOON_BRUSH = QBrush(QColor("#fce8b2"))
FAILED_BRUSH = QBrush(QColor("#e8c6f0"))
OUT_OF_SERVICE_BRUSH = QBrush(QColor("#dadce0"))
#: flag -> (background, standard icon, tooltip); text stays black on every background.
FLAGS: dict[str, tuple[QBrush, QStyle.StandardPixmap, str]] = {
    "overdue": (
        OVERDUE_BRUSH,
        QStyle.StandardPixmap.SP_MessageBoxCritical,
        QT_TRANSLATE_NOOP("InstrumentTableModel", "Overdue"),
    ),
    "failed": (
        FAILED_BRUSH,
        QStyle.StandardPixmap.SP_DialogCancelButton,
        QT_TRANSLATE_NOOP("InstrumentTableModel", "Failed its last calibration"),
    ),
    "due_soon": (
        DUE_SOON_BRUSH,
        QStyle.StandardPixmap.SP_MessageBoxWarning,
        QT_TRANSLATE_NOOP("InstrumentTableModel", "Due soon"),
    ),
    "out_of_service": (
        OUT_OF_SERVICE_BRUSH,
        QStyle.StandardPixmap.SP_MediaPause,
        QT_TRANSLATE_NOOP("InstrumentTableModel", "Out of service"),
    ),
}
OUT_OF_SERVICE = frozenset({"out_of_service", "suspended", "sealed", "retired", "scrapped"})
BLACK = QBrush(QColor("#202124"))

#: loader(search, limit, offset, deliver) must eventually call deliver(list_of_rows) once.
Loader = Callable[[str | None, int, int, Callable[[list[Any]], None]], None]


def _paged(loader: Loader, search: Callable[[], str | None]) -> PageLoader:
    """The register's loader as a page loader (the search text as it is when a page is asked)."""
    return lambda limit, offset, deliver: loader(search(), limit, offset, deliver)


def due_state(due_on: date | None, today: date, lead_days: int) -> str:
    """``overdue``, ``due_soon`` (within ``lead_days``), ``ok`` or ``none`` (no due date)."""
    if due_on is None:
        return "none"
    days = (due_on - today).days
    if days < 0:
        return "overdue"
    return "due_soon" if days <= lead_days else "ok"


def flag_of(row: Any, today: date, lead_days: int) -> str:
    """The most urgent attention flag of a register row ("" when all is well).

    Out of service wins (its due date no longer matters), then overdue, a failed last result,
    and due soon.
    """
    if _raw(getattr(row, "status", None)) in OUT_OF_SERVICE:
        return "out_of_service"
    state = _raw(getattr(row, "due_state", None)) or due_state(
        getattr(row, "due_on", None), today, lead_days
    )
    if state == "overdue":
        return "overdue"
    if _raw(getattr(row, "last_result", None)) == "fail":
        return "failed"
    return "due_soon" if state == "due_soon" else ""


class InstrumentTableModel(PagedRowsModel):
    """Read-only register rows; more are fetched when the view scrolls down, and only the pages
    near the rows in view are kept (:class:`~labapp.ui.common.paged_rows_model.PagedRowsModel`).

    Sorting a column (a header click) does not sort in Python: it records ``order_by`` and
    ``descending`` and re-queries, so the database orders all rows, not just the fetched ones.
    """

    CONTEXT = "InstrumentFields"  # the headers are the register's field labels
    COLUMNS = COLUMNS

    def __init__(self, loader: Loader | None = None, parent: Any = None) -> None:
        super().__init__(None, parent)
        self._register_loader = loader
        self._search: str | None = None
        self.today = date.today()
        self.lead_days = 30
        self.order_by = "asset_tag"
        self.descending = False
        self._icons: dict[str, QIcon] = {}

    # --- loading ---------------------------------------------------------------------------
    def set_loader(self, loader: Loader | None) -> None:  # type: ignore[override]
        """Use ``loader`` (None: no database) and reload from the first page."""
        self._register_loader = loader
        self.reload()

    def set_search(self, text: str | None) -> None:
        """Re-query with a new search text (empty: everything)."""
        self._search = (text or "").strip() or None
        self.reload()

    def reload(self) -> None:
        """Drop every row and fetch the first page again (late pages of old queries are ignored)."""
        loader = self._register_loader
        self._loader = None if loader is None else _paged(loader, lambda: self._search)
        super().reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query ordered by ``column`` (the database sorts; see the class docstring)."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][0] in UNSORTABLE:
            return
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.order_by, self.descending):
            return
        self.order_by, self.descending = key, descending
        self.reload()

    def row_of(self, instrument_id: int) -> int:
        """The row showing ``instrument_id`` among the rows kept (-1 if none)."""
        for number, row in self.kept_rows():
            if getattr(row, "id", None) == instrument_id:
                return number
        return -1

    # --- cells ----------------------------------------------------------------------------------
    def role_data(self, row: Any, column: int, role: int) -> Any:
        flag = flag_of(row, self.today, self.lead_days)
        if role == Qt.ItemDataRole.BackgroundRole:
            return FLAGS[flag][0] if flag else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return BLACK if flag else None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ASSET_TAG and flag:
            return self._icon(flag)
        if role == Qt.ItemDataRole.ToolTipRole and flag:
            return QCoreApplication.translate("InstrumentTableModel", FLAGS[flag][2])
        if role == DueStateRole:
            return _raw(getattr(row, "due_state", None)) or due_state(
                row.due_on, self.today, self.lead_days
            )
        if role == FlagRole:
            return flag
        return None

    def _icon(self, flag: str) -> QIcon:
        if flag not in self._icons:
            self._icons[flag] = QApplication.style().standardIcon(FLAGS[flag][1])
        return self._icons[flag]

    def display(self, row: Any, column: int) -> str:
        value = getattr(row, COLUMNS[column][0], None)
        if column == COL_ROLE:
            return label_for("role", _raw(value))
        if column == COL_STATUS:
            return label_for("status", _raw(value))
        if column == COL_LEVEL:
            return label_for("level", _raw(value))
        if COLUMNS[column][0] == "quantity":
            return label_for("quantity", _raw(value))
        return format_value(value)


def _raw(value: Any) -> str | None:
    """The stored string of an enum member or a plain string."""
    return None if value is None else str(getattr(value, "value", value))
