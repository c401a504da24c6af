"""What every page of the main window shares: the session, lazy refresh, live retranslation, and
the pages' keys.

Every page's key is here, so a page asks for another (``navigate.emit(KEY, hint)``) without
importing it; the navigation's order and labels are the main window's
(:data:`labapp.ui.shell.mainwindow.PAGES`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QWidget

from labapp.ui.common.session import Session

#: Page keys (``View.navigate`` and ``MainWindow.show_page`` take them).
OVERVIEW = "overview"
REGISTER = "register"
CALIBRATIONS = "calibrations"
TRACEABILITY = "traceability"
CHECKS = "checks"
IMPACT = "impact"
PLANNING = "planning"
COMPARISONS = "comparisons"
PROFICIENCY = "proficiency"
AUDIT = "audit"
ADMINISTRATION = "administration"


class View(QWidget):
    """A page.  Subclasses build widgets, then implement :meth:`retranslate_ui` and :meth:`load`.

    ``navigate`` asks the main window to show another page (a key above, plus an optional hint
    such as the register's sort order).
    """

    navigate = Signal(str, object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True

    @staticmethod
    def make_title() -> QLabel:
        """The page's heading label (larger, bold)."""
        title = QLabel()
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        return title

    def mark_stale(self) -> None:
        """The database changed: reload when next shown (now, if visible)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload the page's data from the open database."""
        self._stale = False
        if self.session.db is not None:
            self.load()

    def showEvent(self, event: QEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible text (called at construction and on each language change)."""

    def load(self) -> None:
        """Fetch this page's data on the worker."""

    def show_hint(self, hint: object) -> None:
        """Apply a navigation hint (default: none understood)."""
