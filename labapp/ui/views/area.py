"""Pages for the areas that later issues fill (calibrations, traceability, planning, comparisons).

Each states what the area will hold and leads to the register, so no page is a dead end.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from labapp.ui.views.base import CALIBRATIONS, COMPARISONS, PLANNING, REGISTER, TRACEABILITY, View

CONTEXT = "AreaView"

#: page key -> (title, what the area holds)
AREAS: dict[str, tuple[str, str]] = {
    CALIBRATIONS: (
        QT_TRANSLATE_NOOP("AreaView", "Calibrations"),
        QT_TRANSLATE_NOOP(
            "AreaView",
            "Verification, calibration and intermediate-check results of each instrument: "
            "measurement points, errors of indication, uncertainties and the pass/fail "
            "decision, checked and approved by a second person.",
        ),
    ),
    TRACEABILITY: (
        QT_TRANSLATE_NOOP("AreaView", "Traceability"),
        QT_TRANSLATE_NOOP(
            "AreaView",
            "The traceability chain of every standard and instrument, from the national "
            "metrology institute through the lab's standards, with the certificate behind "
            "each link.",
        ),
    ),
    PLANNING: (
        QT_TRANSLATE_NOOP("AreaView", "Planning"),
        QT_TRANSLATE_NOOP(
            "AreaView",
            "The re-verification plan: what falls due in the coming months, where it goes and "
            "the on-time verification rate.",
        ),
    ),
    COMPARISONS: (
        QT_TRANSLATE_NOOP("AreaView", "Comparisons"),
        QT_TRANSLATE_NOOP(
            "AreaView",
            "Comparisons and proficiency testing: the lab's results against the assigned "
            "value, with En numbers, z-scores and zeta scores.",
        ),
    ),
}


class AreaView(View):
    """A page stating what its area will hold, with a way to the register meanwhile."""

    def __init__(self, key: str, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.key = key
        self.title = self.make_title()
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.register_button = QPushButton()
        self.register_button.setObjectName("openRegister")
        self.register_button.clicked.connect(lambda: self.navigate.emit(REGISTER, None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title, description = AREAS[self.key]
        self.title.setText(QCoreApplication.translate(CONTEXT, title))
        self.description.setText(QCoreApplication.translate(CONTEXT, description))
        self.register_button.setText(
            QCoreApplication.translate(CONTEXT, "Open the register of instruments and standards")
        )
