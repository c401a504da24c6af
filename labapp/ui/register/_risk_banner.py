"""The detail pane's "Traceability at risk" banner: one link per reason, each opening its page.

Red while an open corrective action or an open impact investigation names the standard, amber when
the only reason is a failed intermediate check no calibration has followed.  The reasons are the
``RiskReason`` values of the instrument detail (fetched on the worker with it); a link asks the
main window to show the PT plan, the investigation or the intermediate checks.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from labapp.ui.common.rows_table_model import format_value
from labapp.ui.common.view import CHECKS, IMPACT, PROFICIENCY

#: (background, border and text) of a banner naming an open action or investigation, and of one
#: naming only a failed check
RED = ("#fce8e6", "#c5221f")
AMBER = ("#fef7e0", "#b06000")


class RiskBanner(QFrame):
    """Why the shown standard's traceability is at risk; hidden when nothing puts it at risk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("riskBanner")
        self.risks: tuple[Any, ...] = ()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.links: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.title)
        self.show_risks(())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_risks(self.risks)
        super().changeEvent(event)

    def show_risks(self, risks: tuple[Any, ...]) -> None:
        """Show ``risks`` (``RiskReason`` values; empty hides the banner)."""
        self.risks = tuple(risks)
        for link in self.links:
            self._layout.removeWidget(link)
            link.deleteLater()
        red = any(r.kind != "check" for r in self.risks)
        background, ink = RED if red else AMBER
        self.links = [self._link(reason, ink) for reason in self.risks]
        self.title.setText(self.tr("Traceability at risk:"))
        self._colour(background, ink)
        self.setVisible(bool(self.risks))

    def _colour(self, background: str, ink: str) -> None:
        self.setStyleSheet(
            f"QFrame#riskBanner {{ background: {background}; border: 1px solid {ink};"
            f" border-radius: 4px; }}"
            f" QFrame#riskBanner QLabel {{ color: {ink}; border: none; background: transparent; }}"
        )

    def _link(self, reason: Any, ink: str) -> QLabel:
        text = escape(self._text(reason))
        link = QLabel(f'<a href="{reason.kind}:{reason.ref_id}" style="color: {ink}">{text}</a>')
        link.setObjectName(f"risk_{reason.kind}")
        link.setWordWrap(True)  # a long action or comparison title wraps inside the pane
        link.setTextFormat(Qt.TextFormat.RichText)
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.setToolTip(self._where(reason))
        link.linkActivated.connect(lambda _href, r=reason: self._open(r))
        self._layout.addWidget(link)
        return link

    def _text(self, reason: Any) -> str:
        on = format_value(reason.on)
        if reason.kind == "action":
            return self.tr('Open corrective action #{0} "{1}" from comparison "{2}"').format(
                reason.ref_id, reason.title, reason.source
            )
        if reason.kind == "investigation":
            return self.tr("Open impact investigation #{0} opened {1}").format(reason.ref_id, on)
        return self.tr("Failed intermediate check on {0}").format(on)

    def _where(self, reason: Any) -> str:
        if reason.kind == "action":
            return self.tr("Show the corrective actions on the PT plan page")
        if reason.kind == "investigation":
            return self.tr("Open the investigation")
        return self.tr("Show the intermediate checks")

    def _open(self, reason: Any) -> None:
        """Ask the main window (if it offers ``show_page``) to show the reason's page."""
        show_page = getattr(self.window(), "show_page", None)
        if show_page is None:
            return
        if reason.kind == "action":
            show_page(PROFICIENCY)
        elif reason.kind == "investigation":
            show_page(IMPACT, reason.ref_id)
        else:
            show_page(CHECKS)
