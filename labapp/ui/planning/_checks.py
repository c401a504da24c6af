"""The Planning page's list of intermediate checks (期间核查) falling due in the chosen window.

Issue 7 asks for checks beside re-verification in planning: the same window as the due list,
from :func:`labapp.services.planning.due_checks`, shown with the checks page's own model;
double-click asks the page to open the Intermediate checks page on that plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from labapp.services import planning
from labapp.services.planning import DueWindow
from labapp.ui.checks import CheckPlansModel
from labapp.ui.common.tables import fit_columns, read_only_table

#: widest column of the planning tables, in pixels (long provider names)
WIDEST = 240


class DueChecksBox(QGroupBox):
    """Check plans due in a window; ``open_plan`` carries the plan id double-clicked."""

    loaded = Signal(object)
    open_plan = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = CheckPlansModel(self)
        self.table = read_only_table(self.model, "dueChecksTable")
        self.table.doubleClicked.connect(
            lambda index: self.open_plan.emit(self.model.row_at(index.row()).id)
        )
        QVBoxLayout(self).addWidget(self.table)
        self.retranslate_ui()

    def load(self, window: DueWindow, today: date) -> None:
        """Fetch the checks due in ``window`` (on the worker)."""
        self.session.run(lambda db: planning.due_checks(db, window, today), self.show_checks)

    def show_checks(self, plans: list[Any]) -> None:
        """Fill the table."""
        self.model.set_rows(list(plans))
        fit_columns(self.table, WIDEST)
        self.retranslate_ui()
        self.loaded.emit(plans)

    def retranslate_ui(self) -> None:
        """The title with the count, in the current language."""
        self.setTitle(
            self.tr("Intermediate checks due in the window: {0} (double-click opens the plan)")
            .format(self.model.rowCount())
        )  # fmt: skip
