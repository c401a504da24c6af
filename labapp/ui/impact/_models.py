"""Table models of the Investigations page: the investigations, the results reached, the points.

The results model keeps the action and reason typed per row as pending edits (saved together by
the page, each with the version it was read at); rows are coloured by assessment.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from labapp.domain.impact import Assessment, ItemAction
from labapp.ui.common.editable_rows_model import REFUSED, EditableRowsModel
from labapp.ui.common.labels import label
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

#: Background of a result by assessment (light, so black text stays readable).
COLOURS: dict[Assessment, str] = {
    Assessment.AFFECTED: "#f8c9c4",
    Assessment.POSSIBLY_AFFECTED: "#fde9b8",
    Assessment.NOT_AFFECTED: "#d7efd7",
    Assessment.NOT_ASSESSABLE: "#e4e4e4",
}

ACTIONS: tuple[ItemAction, ...] = tuple(ItemAction)


def assessment_brush(assessment: Assessment | None) -> QBrush | None:
    """The background brush of an assessment (None for none)."""
    return None if assessment is None else QBrush(QColor(COLOURS[assessment]))


class InvestigationsModel(RowsTableModel):
    """One line per investigation, newest first."""

    CONTEXT = "InvestigationsModel"
    COLUMNS = (
        ("status", QT_TRANSLATE_NOOP("InvestigationsModel", "Status")),
        ("asset_tag", QT_TRANSLATE_NOOP("InvestigationsModel", "Standard")),
        ("name", QT_TRANSLATE_NOOP("InvestigationsModel", "Name")),
        ("trigger_on", QT_TRANSLATE_NOOP("InvestigationsModel", "Found on")),
        ("opened_by", QT_TRANSLATE_NOOP("InvestigationsModel", "Opened by")),
        ("opened_at", QT_TRANSLATE_NOOP("InvestigationsModel", "Opened")),
        ("affected", QT_TRANSLATE_NOOP("InvestigationsModel", "Affected")),
        ("possibly_affected", QT_TRANSLATE_NOOP("InvestigationsModel", "Possibly affected")),
        ("not_affected", QT_TRANSLATE_NOOP("InvestigationsModel", "Not affected")),
        ("undecided", QT_TRANSLATE_NOOP("InvestigationsModel", "Undecided")),
    )

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "opened_at":
            return row.opened_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return super().display(row, column)


class ImpactPointsModel(RowsTableModel):
    """The re-evaluated points of one result."""

    CONTEXT = "ImpactPointsModel"
    COLUMNS = (
        ("seq", QT_TRANSLATE_NOOP("ImpactPointsModel", "Point")),
        ("reference", QT_TRANSLATE_NOOP("ImpactPointsModel", "Reference value")),
        ("indication", QT_TRANSLATE_NOOP("ImpactPointsModel", "Indication")),
        ("error", QT_TRANSLATE_NOOP("ImpactPointsModel", "Error")),
        ("u_before", QT_TRANSLATE_NOOP("ImpactPointsModel", "U before")),
        ("shift", QT_TRANSLATE_NOOP("ImpactPointsModel", "Standard's error here")),
        ("error_from", QT_TRANSLATE_NOOP("ImpactPointsModel", "From the standard's nominal(s)")),
        ("u_after", QT_TRANSLATE_NOOP("ImpactPointsModel", "U after")),
        ("mpe", QT_TRANSLATE_NOOP("ImpactPointsModel", "MPE")),
        ("decision_before", QT_TRANSLATE_NOOP("ImpactPointsModel", "Decision before")),
        ("decision_after", QT_TRANSLATE_NOOP("ImpactPointsModel", "Decision after")),
        ("assessment", QT_TRANSLATE_NOOP("ImpactPointsModel", "Assessment")),
    )
    _IN_UNIT = frozenset({"error", "u_before", "shift", "u_after"})

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        value = getattr(row, key)
        if key in self._IN_UNIT:
            return "" if value is None else f"{value} {row.unit}"
        if key == "error_from":
            return value or ""
        return format_value(value)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if self.COLUMNS[column][0] != "assessment":
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return assessment_brush(row.assessment)
        if role == Qt.ItemDataRole.ToolTipRole and row.reason in REASONS_TEXT:
            return QCoreApplication.translate("ImpactItemsModel", REASONS_TEXT[row.reason])
        return None


class ImpactItemsModel(EditableRowsModel):
    """The results reached; action and reason are editable while the investigation is open."""

    COL_TAG, COL_NAME, COL_DEPTH, COL_VIA, COL_DATE, COL_CERT = 0, 1, 2, 3, 4, 5
    COL_ASSESSMENT, COL_ACTION, COL_DECIDED, COL_REASON = 6, 7, 8, 9
    CONTEXT = "ImpactItemsModel"
    COLUMNS = (
        ("asset_tag", QT_TRANSLATE_NOOP("ImpactItemsModel", "Item")),
        ("name", QT_TRANSLATE_NOOP("ImpactItemsModel", "Name")),
        ("depth", QT_TRANSLATE_NOOP("ImpactItemsModel", "Level")),
        ("via_asset_tag", QT_TRANSLATE_NOOP("ImpactItemsModel", "Through")),
        ("performed_on", QT_TRANSLATE_NOOP("ImpactItemsModel", "Event date")),
        ("certificate_no", QT_TRANSLATE_NOOP("ImpactItemsModel", "Certificate no.")),
        ("assessment", QT_TRANSLATE_NOOP("ImpactItemsModel", "Assessment")),
        ("action", QT_TRANSLATE_NOOP("ImpactItemsModel", "Action")),
        ("decided_by", QT_TRANSLATE_NOOP("ImpactItemsModel", "Decided by")),
        ("action_reason", QT_TRANSLATE_NOOP("ImpactItemsModel", "Reason")),
    )
    EDITABLE: ClassVar[dict[int, str]] = {COL_ACTION: "action", COL_REASON: "reason"}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.editable = False

    def decisions(self) -> dict[int, tuple[ItemAction | None, str]]:
        """Item id → (action, reason) typed and not yet saved."""
        by_id = {i.id: i for i in self._rows}
        return {
            item_id: (self.value(by_id[item_id], "action"), self.value(by_id[item_id], "reason"))
            for item_id in self._pending
        }

    def stored(self, row: Any, field: str) -> Any:
        return row.action if field == "action" else (row.action_reason or "")

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == self.COL_ASSESSMENT:
            return assessment_brush(row.assessment)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_ASSESSMENT:
            return why_text(row)
        return None

    def display(self, row: Any, column: int) -> str:
        if column == self.COL_ACTION:
            action = self.value(row, "action")
            return label(action) if action is not None else ""
        if column == self.COL_REASON:
            return str(self.value(row, "reason"))
        if column == self.COL_DEPTH:
            return str(row.depth)
        if column == self.COL_DECIDED:
            return row.decided_by or ""
        return super().display(row, column)

    def parse(self, column: int, value: Any) -> Any:
        if column == self.COL_ACTION:
            if value is not None and value not in ACTIONS:
                return REFUSED
            return None if value is None else ItemAction(value)
        return str(value).strip()

    def decide_rows(self, rows: list[int], action: ItemAction, reason: str) -> None:
        """Put one action and reason on ``rows`` (pending until saved)."""
        for row in rows:
            self.setData(self.index(row, self.COL_ACTION), action)
            self.setData(self.index(row, self.COL_REASON), reason)


def why_text(item: Any) -> str:
    """Why a result got its assessment, in the user's language."""
    if item.depth > 1 and item.reason == "recalibrated_since":
        return QCoreApplication.translate(
            "ImpactItemsModel", "{0} was re-calibrated before this result"
        ).format(item.via_asset_tag)
    if item.depth > 1:
        return QCoreApplication.translate(
            "ImpactItemsModel", "Through {0}, whose result is {1}"
        ).format(item.via_asset_tag, label(item.upstream_assessment))
    source = REASONS_TEXT.get(item.reason or "")
    return QCoreApplication.translate("ImpactItemsModel", source) if source else ""


REASONS_TEXT: dict[str, str] = {
    "no_tolerance": QT_TRANSLATE_NOOP(
        "ImpactItemsModel", "No MPE or tolerance: no decision to re-run"
    ),
    "incommensurable": QT_TRANSLATE_NOOP(
        "ImpactItemsModel", "The point's unit cannot be compared with the standard's"
    ),
    "incomplete": QT_TRANSLATE_NOOP(
        "ImpactItemsModel", "A point lacks its reference or indication"
    ),
    "offset_scale": QT_TRANSLATE_NOOP(
        "ImpactItemsModel", "A relative error cannot be applied to an absolute temperature"
    ),
    "no_points": QT_TRANSLATE_NOOP("ImpactItemsModel", "The result has no measurement points"),
    "outside_range": QT_TRANSLATE_NOOP(
        "ImpactItemsModel",
        "A point lies outside the nominals the standard was found at: its error there was not "
        "measured and is not extrapolated; judge this result by hand",
    ),
    "no_uncertainty": QT_TRANSLATE_NOOP(
        "ImpactItemsModel", "A point has no U: the guard-band rule cannot decide it"
    ),
}
