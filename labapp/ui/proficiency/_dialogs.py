"""Small dialogs of the PT plan page: a sub-discipline, the accreditation cycle, a comparison's
sub-discipline and quantity.  They collect input and return it; the page runs the service."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from labapp.services.proficiency import (
    ComparisonScope,
    CycleInfo,
    SubdisciplineInfo,
    SubdisciplineInput,
)
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.form_dialog import FormDialog

__all__ = ["CycleDialog", "ScopeDialog", "SubdisciplineDialog"]


class SubdisciplineDialog(FormDialog):
    """A new or an existing sub-discipline (子领域) of the scope."""

    def __init__(self, sub: SubdisciplineInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subdisciplineDialog")
        self.sub = sub
        self.name = QLineEdit(sub.name if sub else "")
        self.quantity = QLineEdit(sub.quantity or "" if sub else "")
        self.note = QLineEdit(sub.note or "" if sub else "")
        self.active = QCheckBox()
        self.active.setChecked(sub.active if sub else True)
        self._build((self.name, self.quantity, self.note, self.active))

    def retranslate_ui(self) -> None:
        new = self.sub is None
        self.setWindowTitle(self.tr("New sub-discipline") if new else self.tr("Sub-discipline"))
        self._set_labels(
            [self.tr("Name:"), self.tr("Quantity:"), self.tr("Note:"), self.tr("In the scope:")]
        )
        self.name.setPlaceholderText(self.tr("e.g. DC voltage, or mass 1 mg–1 kg"))

    def value_input(self) -> SubdisciplineInput:
        """What was typed."""
        return SubdisciplineInput(
            self.name.text(), self.quantity.text(), self.note.text(), self.active.isChecked()
        )


class CycleDialog(FormDialog):
    """The accreditation cycle: first day and length in years."""

    def __init__(
        self, cycle: CycleInfo | None, default_years: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cycleDialog")
        first = cycle.current.starts_on if cycle else date(date.today().year, 1, 1)
        self.starts_on = date_edit(first)
        self.years = QSpinBox()
        self.years.setRange(1, 10)
        self.years.setValue(cycle.years if cycle else default_years)
        self._build((self.starts_on, self.years))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Accreditation cycle"))
        self._set_labels([self.tr("Cycle starts on:"), self.tr("Cycle length:")])
        self.years.setSuffix(self.tr(" years"))

    def values(self) -> tuple[date, int]:
        """(first day, years)."""
        return self.starts_on.date().toPython(), self.years.value()  # type: ignore[return-value]


class ScopeDialog(FormDialog):
    """Which sub-discipline and quantity a comparison covered."""

    def __init__(
        self,
        scope: ComparisonScope,
        subs: list[SubdisciplineInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scopeDialog")
        self.scope = scope
        self.sub = QComboBox()
        self.sub.addItem("", None)
        for sub in subs:
            self.sub.addItem(sub.name, sub.id)
        self.sub.setCurrentIndex(max(self.sub.findData(scope.subdiscipline_id), 0))
        self.quantity = QLineEdit(scope.quantity)
        self._build((self.sub, self.quantity))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sub-discipline of {0}").format(self.scope.title))
        self._set_labels([self.tr("Sub-discipline:"), self.tr("Quantity:")])
        self.sub.setItemText(0, self.tr("(none)"))

    def values(self) -> tuple[int | None, str]:
        """(sub-discipline id or None, quantity)."""
        return self.sub.currentData(), self.quantity.text()
