"""Table models of the Administration page: people, departments, locations, providers,
procedures and customers (frozen records from :mod:`labapp.services.master_data`)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from labapp.ui.administration._words import role_text
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

__all__ = [
    "CustomersModel",
    "DepartmentsModel",
    "LocationsModel",
    "PeopleModel",
    "ProceduresModel",
    "ProvidersModel",
]

CONTEXT = "AdminModels"
GREY = QBrush(QColor("#808080"))
ACTIVE = QT_TRANSLATE_NOOP("AdminModels", "Active")
DISABLED = QT_TRANSLATE_NOOP("AdminModels", "Disabled")
YES = QT_TRANSLATE_NOOP("AdminModels", "Yes")
NO = QT_TRANSLATE_NOOP("AdminModels", "No")
IN_FORCE = QT_TRANSLATE_NOOP("AdminModels", "In force")
WITHDRAWN = QT_TRANSLATE_NOOP("AdminModels", "Withdrawn {0}")
LICENCE_UNTIL = QT_TRANSLATE_NOOP("AdminModels", "{0}, valid until {1}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _licence(q: Any) -> str:
    if q.valid_until is None:
        return str(q.number)
    return _tr(LICENCE_UNTIL).format(q.number, format_value(q.valid_until))


class PeopleModel(RowsTableModel):
    """PersonRecord rows; a disabled person in grey."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", QT_TRANSLATE_NOOP("AdminModels", "Name")),
        ("login", QT_TRANSLATE_NOOP("AdminModels", "Login")),
        ("roles", QT_TRANSLATE_NOOP("AdminModels", "Roles")),
        ("department", QT_TRANSLATE_NOOP("AdminModels", "Department")),
        ("qualifications", QT_TRANSLATE_NOOP("AdminModels", "Licences")),
        ("active", QT_TRANSLATE_NOOP("AdminModels", "Status")),
        ("has_signed", QT_TRANSLATE_NOOP("AdminModels", "Has signed")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "roles":
            return ", ".join(role_text(r) for r in row.roles)
        if key == "qualifications":  # number and expiry first: the kind is in the tooltip
            return "; ".join(_licence(q) for q in row.qualifications)
        if key == "active":
            return _tr(ACTIVE) if row.active else _tr(DISABLED)
        if key == "has_signed":
            return _tr(YES) if row.has_signed else _tr(NO)
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return GREY
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[column][0] == "qualifications":
            lines = [f"{q.kind} {q.quantity or ''}: {_licence(q)}" for q in row.qualifications]
            return "\n".join(lines) or None
        return None


class DepartmentsModel(RowsTableModel):
    """DepartmentRecord rows."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", QT_TRANSLATE_NOOP("AdminModels", "Department")),
        ("code", QT_TRANSLATE_NOOP("AdminModels", "Code")),
        ("locations", QT_TRANSLATE_NOOP("AdminModels", "Locations")),
        ("people", QT_TRANSLATE_NOOP("AdminModels", "People")),
    )


class LocationsModel(RowsTableModel):
    """LocationRecord rows."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", QT_TRANSLATE_NOOP("AdminModels", "Location")),
        ("building", QT_TRANSLATE_NOOP("AdminModels", "Building")),
        ("room", QT_TRANSLATE_NOOP("AdminModels", "Room")),
        ("department", QT_TRANSLATE_NOOP("AdminModels", "Department")),
    )


class ProvidersModel(RowsTableModel):
    """ProviderRecord rows, the scope as one line."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", QT_TRANSLATE_NOOP("AdminModels", "Provider")),
        ("kind", QT_TRANSLATE_NOOP("AdminModels", "Kind")),
        ("accreditation_body", QT_TRANSLATE_NOOP("AdminModels", "Accreditation body")),
        ("accreditation_no", QT_TRANSLATE_NOOP("AdminModels", "Accreditation number")),
        ("accreditation_valid_until", QT_TRANSLATE_NOOP("AdminModels", "Valid until")),
        ("scopes", QT_TRANSLATE_NOOP("AdminModels", "Scope")),
    )

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "scopes":
            return "; ".join(
                " ".join(filter(None, (s.quantity, s.range_text, s.cmc))) for s in row.scopes
            )
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[column][0] == "scopes":
            return self.display(row, column).replace("; ", "\n") or None
        return None


class ProceduresModel(RowsTableModel):
    """ProcedureRecord rows; a withdrawn procedure in grey, with its date."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("code", QT_TRANSLATE_NOOP("AdminModels", "Number")),
        ("title", QT_TRANSLATE_NOOP("AdminModels", "Title")),
        ("revision", QT_TRANSLATE_NOOP("AdminModels", "Revision")),
        ("kind", QT_TRANSLATE_NOOP("AdminModels", "For")),
        ("quantity", QT_TRANSLATE_NOOP("AdminModels", "Quantity")),
        ("in_force", QT_TRANSLATE_NOOP("AdminModels", "Status")),
    )

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "in_force":
            if row.in_force:
                return _tr(IN_FORCE)
            return _tr(WITHDRAWN).format(format_value(row.withdrawn_on))
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.in_force:
            return GREY
        return None


class CustomersModel(RowsTableModel):
    """CustomerRecord rows."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", QT_TRANSLATE_NOOP("AdminModels", "Customer")),
        ("code", QT_TRANSLATE_NOOP("AdminModels", "Code")),
        ("contact", QT_TRANSLATE_NOOP("AdminModels", "Contact")),
        ("email", QT_TRANSLATE_NOOP("AdminModels", "E-mail")),
        ("phone", QT_TRANSLATE_NOOP("AdminModels", "Phone")),
        ("address", QT_TRANSLATE_NOOP("AdminModels", "Address")),
    )
