"""The person dialog of the Administration page: name, login, e-mail, department, roles (check
boxes) and licences (a grid: kind, number, quantity, issued, valid until)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from labapp.domain.enums import PersonRole
from labapp.services.master_data import (
    DepartmentRecord,
    PersonInput,
    PersonRecord,
    QualificationInput,
)
from labapp.ui.administration._form import AdminForm, LinesGrid, optional, parse_date
from labapp.ui.administration._words import role_text

__all__ = ["PersonDialog"]


class PersonDialog(AdminForm):
    """A new or an existing person of the laboratory."""

    def __init__(
        self,
        record: PersonRecord | None,
        departments: list[DepartmentRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.record = record
        r = record
        self.name = QLineEdit(r.name if r else "")
        self.name.setObjectName("name")
        self.login = QLineEdit(r.login if r else "")
        self.login.setObjectName("login")
        # The records name a signer's login: it cannot change once the person has signed.
        self.login.setReadOnly(bool(r and r.has_signed))
        self.email = QLineEdit(optional(r.email) if r else "")
        self.email.setObjectName("email")
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.addItem("", None)
        for dept in departments:
            self.department.addItem(dept.name, dept.id)
        if r is not None:
            self.department.setCurrentIndex(max(self.department.findData(r.department_id), 0))
        self.roles_box = QWidget()
        grid = QGridLayout(self.roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[PersonRole, QCheckBox] = {}
        for n, role in enumerate(PersonRole):
            check = QCheckBox()
            check.setObjectName(f"role_{role.value}")
            check.setChecked(bool(r and role in r.roles))
            grid.addWidget(check, n // 3, n % 3)
            self.role_checks[role] = check
        self.licences = LinesGrid("qualifications", 5)
        # The grid shows no free-text scope: an edit keeps the stored one.
        self._scopes = {q.id: q.scope for q in (r.qualifications if r else ())}
        for q in r.qualifications if r else ():
            texts = [
                q.kind,
                q.number,
                optional(q.quantity),
                optional(q.issued_on),
                optional(q.valid_until),
            ]
            self.licences.add_line(texts, q.id)
        self._build(
            (self.name, self.login, self.email, self.department, self.roles_box),
            extra=self.licences,
        )
        self.resize(720, 560)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New person") if self.record is None else self.tr("Person"))
        self._set_labels(
            [
                self.tr("Name:"),
                self.tr("Login:"),
                self.tr("E-mail:"),
                self.tr("Department:"),
                self.tr("Roles:"),
            ]
        )
        self.login.setPlaceholderText(self.tr("e.g. zhang.wei (a–z, 0–9, . _ -)"))
        self.department.setItemText(0, self.tr("(none)"))
        for role, check in self.role_checks.items():
            check.setText(role_text(role))
        self.licences.set_headers(
            [
                self.tr("Licence"),
                self.tr("Number"),
                self.tr("Quantity / scope"),
                self.tr("Issued"),
                self.tr("Valid until"),
            ]
        )
        self.licences.add_button.setText(self.tr("Add licence"))
        self.licences.remove_button.setText(self.tr("Remove licence"))

    def value(self) -> PersonInput:
        """What was typed (dates parsed; ``not_a_date`` otherwise)."""
        licences = tuple(
            QualificationInput(
                t[0],
                t[1],
                t[2],
                self._scopes.get(key),
                parse_date(t[3], "issued_on"),
                parse_date(t[4], "valid_until"),
                key,
            )
            for key, t in self.licences.lines()
        )
        roles = tuple(role for role, check in self.role_checks.items() if check.isChecked())
        return PersonInput(
            self.name.text(),
            self.login.text().strip(),
            roles,
            self.email.text(),
            self.department.currentData(),
            licences,
        )
