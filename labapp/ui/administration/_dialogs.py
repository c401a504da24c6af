"""Dialogs of the Administration page for departments, locations, customers, procedures and
providers.  Each collects input and returns the service's input value; the page saves it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from labapp.domain.enums import EventKind, ProviderKind
from labapp.services.master_data import (
    CustomerInput,
    CustomerRecord,
    DepartmentInput,
    DepartmentRecord,
    LocationInput,
    LocationRecord,
    ProcedureInput,
    ProcedureRecord,
    ProviderInput,
    ProviderRecord,
    ScopeInput,
)
from labapp.ui.administration._form import AdminForm, LinesGrid, optional, parse_date
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.labels import label

__all__ = [
    "CustomerDialog",
    "DepartmentDialog",
    "EnumCombo",
    "LocationDialog",
    "ProcedureDialog",
    "ProviderDialog",
    "WithdrawDialog",
]


def _line(value: Any = None, name: str = "") -> QLineEdit:
    edit = QLineEdit(optional(value))
    if name:
        edit.setObjectName(name)
    return edit


class EnumCombo(QComboBox):
    """A combo box of an enum's members, labelled in the user's language.

    (A StrEnum stored as item data comes back as a plain ``str``: the members are kept here.)
    """

    def __init__(
        self, members: Any, current: Any, name: str, words: Callable[[Any], str] = label
    ) -> None:
        super().__init__()
        self.setObjectName(name)
        self.words = words
        self.members = list(members)
        for _member in self.members:
            self.addItem("")
        self.retranslate()
        self.select(current)

    def select(self, member: Any) -> None:
        """Show ``member``."""
        self.setCurrentIndex(self.members.index(member))

    def current(self) -> Any:
        """The member shown."""
        return self.members[self.currentIndex()]

    def retranslate(self) -> None:
        """Label the members in the current language."""
        for index, member in enumerate(self.members):
            self.setItemText(index, self.words(member))


class DepartmentDialog(AdminForm):
    """A new or an existing department."""

    def __init__(self, record: DepartmentRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentDialog")
        self.record = record
        self.name = _line(record.name if record else None, "name")
        self.code = _line(record.code if record else None, "code")
        self._build((self.name, self.code))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("New department") if self.record is None else self.tr("Department")
        )
        self._set_labels([self.tr("Name:"), self.tr("Code:")])
        self.name.setPlaceholderText(self.tr("e.g. 电学室"))

    def value(self) -> DepartmentInput:
        """What was typed."""
        return DepartmentInput(self.name.text(), self.code.text())


class LocationDialog(AdminForm):
    """A new or an existing location, with its department."""

    def __init__(
        self,
        record: LocationRecord | None,
        departments: list[DepartmentRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("locationDialog")
        self.record = record
        self.name = _line(record.name if record else None, "name")
        self.building = _line(record.building if record else None, "building")
        self.room = _line(record.room if record else None, "room")
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.addItem("", None)
        for dept in departments:
            self.department.addItem(dept.name, dept.id)
        if record is not None:
            self.department.setCurrentIndex(max(self.department.findData(record.department_id), 0))
        self._build((self.name, self.building, self.room, self.department))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New location") if self.record is None else self.tr("Location"))
        self._set_labels(
            [self.tr("Name:"), self.tr("Building:"), self.tr("Room:"), self.tr("Department:")]
        )
        self.department.setItemText(0, self.tr("(none)"))

    def value(self) -> LocationInput:
        """What was typed."""
        return LocationInput(
            self.name.text(), self.building.text(), self.room.text(), self.department.currentData()
        )


class CustomerDialog(AdminForm):
    """A new or an existing customer (委托单位)."""

    def __init__(self, record: CustomerRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.record = record
        r = record
        self.name = _line(r.name if r else None, "name")
        self.code = _line(r.code if r else None, "code")
        self.contact = _line(r.contact if r else None, "contact")
        self.email = _line(r.email if r else None, "email")
        self.phone = _line(r.phone if r else None, "phone")
        self.address = _line(r.address if r else None, "address")
        self._build((self.name, self.code, self.contact, self.email, self.phone, self.address))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New customer") if self.record is None else self.tr("Customer"))
        self._set_labels(
            [
                self.tr("Name:"),
                self.tr("Code:"),
                self.tr("Contact:"),
                self.tr("E-mail:"),
                self.tr("Phone:"),
                self.tr("Address:"),
            ]
        )

    def value(self) -> CustomerInput:
        """What was typed."""
        return CustomerInput(
            self.name.text(),
            self.code.text(),
            self.address.text(),
            self.contact.text(),
            self.email.text(),
            self.phone.text(),
        )


class ProcedureDialog(AdminForm):
    """A new procedure, or one in force being corrected."""

    def __init__(self, record: ProcedureRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureDialog")
        self.record = record
        r = record
        self.code = _line(r.code if r else None, "code")
        self.title_edit = _line(r.title if r else None, "title")
        self.revision = _line(r.revision if r else None, "revision")
        self.kind = EnumCombo(EventKind, r.kind if r else EventKind.VERIFICATION, "kind")
        self.quantity = _line(r.quantity if r else None, "quantity")
        self._build((self.code, self.title_edit, self.revision, self.kind, self.quantity))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("New procedure") if self.record is None else self.tr("Procedure")
        )
        self._set_labels(
            [
                self.tr("Number:"),
                self.tr("Title:"),
                self.tr("Revision:"),
                self.tr("For:"),
                self.tr("Quantity:"),
            ]
        )
        self.code.setPlaceholderText(self.tr("e.g. JJG 315-1983, JJF 1587-2016, SOP-07"))
        self.kind.retranslate()

    def value(self) -> ProcedureInput:
        """What was typed."""
        return ProcedureInput(
            self.code.text(),
            self.title_edit.text(),
            self.kind.current(),
            self.revision.text(),
            self.quantity.text(),
        )


class WithdrawDialog(AdminForm):
    """Withdraw a procedure: from which day, and why (for the audit log)."""

    def __init__(self, record: ProcedureRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawDialog")
        self.record = record
        self.on = date_edit(date.today(), name="withdrawnOn")
        self.reason = _line(None, "reason")
        self._build((self.on, self.reason))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Withdraw {0}").format(self.record.code))
        self._set_labels([self.tr("Withdrawn from:"), self.tr("Reason:")])
        self.reason.setPlaceholderText(self.tr("e.g. replaced by JJG 315-2024"))

    def value(self) -> tuple[date, str]:
        """(withdrawn from, reason)."""
        return self.on.date().toPython(), self.reason.text()  # type: ignore[return-value]


class ProviderDialog(AdminForm):
    """A new or an existing provider, with its accreditation and scope lines."""

    def __init__(self, record: ProviderRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerDialog")
        self.record = record
        r = record
        self.name = _line(r.name if r else None, "name")
        self.kind = EnumCombo(ProviderKind, r.kind if r else ProviderKind.ACCREDITED_LAB, "kind")
        self.country = _line(r.country if r else None, "country")
        self.body = _line(r.accreditation_body if r else None, "accreditationBody")
        self.number = _line(r.accreditation_no if r else None, "accreditationNo")
        self.valid_until = _line(r.accreditation_valid_until if r else None, "validUntil")
        self.scopes = LinesGrid("scopes", 3)
        for scope in r.scopes if r else ():
            self.scopes.add_line(
                [scope.quantity, optional(scope.range_text), optional(scope.cmc)], scope.id
            )
        self._build(
            (self.name, self.kind, self.country, self.body, self.number, self.valid_until),
            extra=self.scopes,
        )
        self.resize(640, 520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New provider") if self.record is None else self.tr("Provider"))
        self._set_labels(
            [
                self.tr("Name:"),
                self.tr("Kind:"),
                self.tr("Country:"),
                self.tr("Accreditation body:"),
                self.tr("Accreditation number:"),
                self.tr("Accreditation valid until:"),
            ]
        )
        self.body.setPlaceholderText(self.tr("e.g. CNAS"))
        self.number.setPlaceholderText(self.tr("e.g. L1234"))
        self.valid_until.setPlaceholderText("YYYY-MM-DD")
        self.scopes.set_headers([self.tr("Quantity"), self.tr("Range"), self.tr("CMC")])
        self.scopes.add_button.setText(self.tr("Add scope line"))
        self.scopes.remove_button.setText(self.tr("Remove line"))
        self.kind.retranslate()

    def value(self) -> ProviderInput:
        """What was typed (the date parsed; ``not_a_date`` otherwise)."""
        scopes = tuple(
            ScopeInput(texts[0], texts[1], texts[2], key) for key, texts in self.scopes.lines()
        )
        return ProviderInput(
            self.name.text(),
            self.kind.current(),
            self.country.text(),
            self.body.text(),
            self.number.text(),
            parse_date(self.valid_until.text(), "accreditation_valid_until"),
            scopes,
        )
