"""Home page: the lab at a glance, each count a card leading to the page that lists it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from labapp.services.overview import lab_overview
from labapp.ui import settings
from labapp.ui.views.base import AUDIT, CALIBRATIONS, REGISTER, View

#: card key -> (LabOverview field, page it opens, register order hint)
CARDS: tuple[tuple[str, str, str, str | None], ...] = (
    ("instruments", "instruments", REGISTER, None),
    ("standards", "standards", REGISTER, None),
    ("working", "working", REGISTER, None),
    ("overdue", "overdue", REGISTER, "due_on"),
    ("due_soon", "due_30", REGISTER, "due_on"),
    ("failed", "failed", CALIBRATIONS, None),
    ("out_of_service", "out_of_service", REGISTER, None),
    ("events", "events", CALIBRATIONS, None),
    ("last_event_on", "last_event_on", AUDIT, None),
)
WARN_CARDS = frozenset({"overdue", "failed"})
CAUTION_CARDS = frozenset({"due_soon"})


class Card(QPushButton):
    """A big number over a caption; clicking opens the page behind the number."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(170, 96)
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        for label in (self.value_label, self.caption_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: Any, tone: str | None = None) -> None:
        """Show ``value`` (a count or a date); ``tone`` is ``warn`` or ``caution`` to colour it."""
        self.value_label.setText("–" if value is None else str(value))
        colour = {"warn": "#b3261e", "caution": "#8a5a00"}.get(tone or "", "")
        self.value_label.setStyleSheet(f"color: {colour};" if colour else "")


class OverviewView(View):
    """Counts from ``lab_overview``: instruments, standards, overdue, due soon, failed…"""

    overview_loaded = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.make_title()
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.cards: dict[str, Card] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, (key, _field, page, hint) in enumerate(CARDS):
            card = Card(key)
            card.clicked.connect(lambda _=False, p=page, h=hint: self.navigate.emit(p, h))
            grid.addWidget(card, i // 3, i % 3)
            self.cards[key] = card
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.overview: Any = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Overview"))
        captions = {
            "instruments": self.tr("Instruments and standards"),
            "standards": self.tr("Measurement standards"),
            "working": self.tr("Working instruments"),
            "overdue": self.tr("Overdue"),
            "due_soon": self.tr("Due within {0} days").format(self._lead_days()),
            "failed": self.tr("Failed last calibration"),
            "out_of_service": self.tr("Out of service"),
            "events": self.tr("Verifications and calibrations"),
            "last_event_on": self.tr("Last recorded event"),
        }
        for key, card in self.cards.items():
            card.caption_label.setText(captions[key])
        self._update_subtitle()

    def _lead_days(self) -> int:
        lead = getattr(self.overview, "lead_days", None)
        return int(lead) if lead is not None else settings.get(settings.DUE_SOON_DAYS)

    def _update_subtitle(self) -> None:
        info = self.session.info
        if info is None:
            self.subtitle.setText(self.tr("No database is open."))
        else:
            self.subtitle.setText(
                self.tr("Database: {0} — as of {1}").format(
                    info.display_name, date.today().isoformat()
                )
            )

    def load(self) -> None:
        today, lead_days = date.today(), settings.get(settings.DUE_SOON_DAYS)
        self.session.run(lambda db: lab_overview(db, today, lead_days), self.show_overview)

    def show_overview(self, overview: Any) -> None:
        """Fill the cards from a ``LabOverview``."""
        self.overview = overview
        for key, field, _page, _hint in CARDS:
            value = getattr(overview, field)  # a renamed DTO field must fail loudly
            tone = None
            if key in WARN_CARDS and value:
                tone = "warn"
            elif key in CAUTION_CARDS and value:
                tone = "caution"
            self.cards[key].set_value(value, tone)
        self.retranslate_ui()
        self.overview_loaded.emit(overview)
