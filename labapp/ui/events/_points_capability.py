"""The capability cell of the points table: MPE / U, marked and explained below the threshold."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from labapp.domain.capability import is_capable

LOW_CAPABILITY_BRUSH = QBrush(QColor("#ffd59e"))


def capability_cell(ratio: Decimal | None, threshold: Decimal, role: int) -> Any:
    """The data of a capability cell for ``role`` (None: no ratio, or nothing to say)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return "" if ratio is None else str(ratio)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if is_capable(ratio, threshold) is not False:
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return LOW_CAPABILITY_BRUSH
    if role != Qt.ItemDataRole.ToolTipRole:
        return None
    return QCoreApplication.translate(
        "PointsModel",
        "MPE / U is {0}, below {1}: U is too large to verify this MPE "
        "(JJF 1094: U95 ≤ MPE/3); a pass here is not a reliable statement of conformity.",
    ).format(ratio, threshold)
