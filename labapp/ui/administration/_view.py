"""The Administration page: the laboratory's master data in tabs (people, departments and
locations, providers, procedures, customers) and the laboratory's settings.

Each tab is a read-only table with Add…/Edit… (and, for people, Disable/Enable/Delete…; for
procedures, Withdraw…).  Dialogs collect input and return values; this page runs the services of
:mod:`labapp.services.master_data` on the session's worker and words their refusals.  Account
actions (reset password, unlock) belong in :meth:`AdministrationView.build_account_actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.services import master_data as md
from labapp.services.laboratory import get_lab_settings, update_lab_settings
from labapp.ui.administration import _dialogs as dialogs
from labapp.ui.administration import _models as models
from labapp.ui.administration._laboratory_dialog import LaboratoryDialog
from labapp.ui.administration._laboratory_tab import LaboratoryPanel
from labapp.ui.administration._person_dialog import PersonDialog
from labapp.ui.administration._words import admin_problem
from labapp.ui.common.errors import show_error
from labapp.ui.common.rows_table_model import RowsTableModel
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import View

__all__ = ["AdministrationView"]

#: The Administration page's tabs.
PEOPLE, DEPARTMENTS, LOCATIONS = "people", "departments", "locations"
PROVIDERS, PROCEDURES, CUSTOMERS = "providers", "procedures", "customers"
#: widest a column grows to fit its texts (a long scope list is read in the tooltip)
MAX_COLUMN = 360


def _fit(table: QTableView) -> None:
    fit_columns(table)
    for column in range(table.model().columnCount()):
        if table.columnWidth(column) > MAX_COLUMN:
            table.setColumnWidth(column, MAX_COLUMN)


@dataclass
class _Kind:
    """One kind of record: its table, how to list, create and update it, and its dialog."""

    model: RowsTableModel
    table: QTableView
    lister: Callable[[Any], list[Any]]
    create: Callable[..., Any]
    update: Callable[..., Any]
    add_button: QPushButton
    edit_button: QPushButton


class AdministrationView(View):
    """Master data of the laboratory, one tab per kind of record."""

    #: a kind's rows arrived (the kind's key)
    loaded = Signal(str)
    #: every kind was read again (after opening the page or a change)
    refreshed = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.make_title()
        self.refused: QMessageBox | None = None
        self.kinds: dict[str, _Kind] = {}
        self._kind(
            PEOPLE, models.PeopleModel(self), md.list_people, md.create_person, md.update_person
        )
        self._kind(
            DEPARTMENTS,
            models.DepartmentsModel(self),
            md.list_departments,
            md.create_department,
            md.update_department,
        )
        self._kind(
            LOCATIONS,
            models.LocationsModel(self),
            md.list_locations,
            md.create_location,
            md.update_location,
        )
        self._kind(
            PROVIDERS,
            models.ProvidersModel(self),
            md.list_providers,
            md.create_provider,
            md.update_provider,
        )
        self._kind(
            PROCEDURES,
            models.ProceduresModel(self),
            md.list_procedures,
            md.create_procedure,
            md.update_procedure,
        )
        self._kind(
            CUSTOMERS,
            models.CustomersModel(self),
            md.list_customers,
            md.create_customer,
            md.update_customer,
        )
        self.disable_button = self._selection_button("disablePerson", PEOPLE, self.disable_person)
        self.enable_button = self._selection_button("enablePerson", PEOPLE, self.enable_person)
        self.delete_button = self._selection_button("deletePerson", PEOPLE, self.delete_person)
        self.withdraw_button = self._selection_button(
            "withdrawProcedure", PROCEDURES, self.withdraw_procedure
        )
        # Disable/Enable/Withdraw… only where they apply to the selected record.
        for key in (PEOPLE, PROCEDURES):
            self.kinds[key].table.selectionModel().currentRowChanged.connect(
                lambda _current, _previous: self._states()
            )
        self.laboratory = LaboratoryPanel()
        self.laboratory.edit_button.clicked.connect(lambda: self.edit_laboratory())
        self._build_layout()
        self.retranslate_ui()

    # --- construction ------------------------------------------------------------------------
    def _kind(self, key: str, model: RowsTableModel, lister: Any, create: Any, update: Any) -> None:
        # one text line per record: long scopes and licence lists show whole in the tooltip
        table = read_only_table(model, f"{key}Table", single=True, compact=True)
        table.doubleClicked.connect(lambda _i, k=key: self.edit(k))
        add = QPushButton()
        add.setObjectName(f"add_{key}")
        add.clicked.connect(lambda _=False, k=key: self.add(k))
        edit = self._selection_button(f"edit_{key}", key, lambda k=key: self.edit(k), table)
        self.kinds[key] = _Kind(model, table, lister, create, update, add, edit)

    def _selection_button(
        self, name: str, key: str, slot: Any, table: QTableView | None = None
    ) -> QPushButton:
        """A button acting on the selected row of ``key``'s table: enabled only then."""
        table = table or self.kinds[key].table
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        button.setEnabled(False)
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: button.setEnabled(current.isValid())
        )
        table.model().modelReset.connect(lambda: button.setEnabled(False))
        return button

    def _tab(self, keys: tuple[str, ...], extra: tuple[QWidget, ...] = ()) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for key in keys:
            kind = self.kinds[key]
            layout.addWidget(kind.table, 1)
            bar = QHBoxLayout()
            bar.addWidget(kind.add_button)
            bar.addWidget(kind.edit_button)
            for widget in extra if key in (PEOPLE, PROCEDURES) else ():
                bar.addWidget(widget)
            if key == PEOPLE:
                self.account_bar = QHBoxLayout()
                self.build_account_actions(self.account_bar)
                bar.addLayout(self.account_bar)
            bar.addStretch(1)
            layout.addLayout(bar)
        return page

    def build_account_actions(self, bar: QHBoxLayout) -> None:
        """Where account buttons go (Reset password…, unlock): the accounts feature adds them to
        ``bar``, acting on :meth:`selected` ``("people")``.  None yet."""

    def _build_layout(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        person_actions = (self.disable_button, self.enable_button, self.delete_button)
        self.tabs.addTab(self._tab((PEOPLE,), person_actions), "")
        self.tabs.addTab(self._tab((DEPARTMENTS, LOCATIONS)), "")
        self.tabs.addTab(self._tab((PROVIDERS,)), "")
        self.tabs.addTab(self._tab((PROCEDURES,), (self.withdraw_button,)), "")
        self.tabs.addTab(self._tab((CUSTOMERS,)), "")
        self.tabs.addTab(self.laboratory, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Administration"))
        for index, text in enumerate(
            [
                self.tr("People"),
                self.tr("Departments and locations"),
                self.tr("Providers"),
                self.tr("Procedures"),
                self.tr("Customers"),
                self.tr("Laboratory"),
            ]
        ):
            self.tabs.setTabText(index, text)
        adds = {
            PEOPLE: self.tr("Add person…"),
            DEPARTMENTS: self.tr("Add department…"),
            LOCATIONS: self.tr("Add location…"),
            PROVIDERS: self.tr("Add provider…"),
            PROCEDURES: self.tr("Add procedure…"),
            CUSTOMERS: self.tr("Add customer…"),
        }
        for key, kind in self.kinds.items():
            kind.add_button.setText(adds[key])
            kind.edit_button.setText(self.tr("Edit…"))
            _fit(kind.table)
        self.disable_button.setText(self.tr("Disable"))
        self.enable_button.setText(self.tr("Enable"))
        self.delete_button.setText(self.tr("Delete…"))
        self.withdraw_button.setText(self.tr("Withdraw…"))

    # --- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        for key, kind in self.kinds.items():
            self.session.run(kind.lister, lambda rows, k=key: self._rows(k, rows))
        self.session.run(get_lab_settings, self.laboratory.show_settings)
        self.session.run(lambda _db: None, lambda _none: self.refreshed.emit())

    def _rows(self, key: str, rows: list[Any]) -> None:
        kind = self.kinds[key]
        kind.model.set_rows(rows)
        _fit(kind.table)
        self.loaded.emit(key)

    def selected(self, key: str) -> Any:
        """The record selected in ``key``'s table, or None."""
        kind = self.kinds[key]
        index = kind.table.currentIndex()
        return kind.model.row_at(index.row()) if index.isValid() else None

    def rows(self, key: str) -> list[Any]:
        """Every record shown in ``key``'s table."""
        model = self.kinds[key].model
        return [model.row_at(n) for n in range(model.rowCount())]

    # --- editing -----------------------------------------------------------------------------
    def dialog_for(self, key: str, record: Any) -> Any:
        """The dialog editing ``record`` of ``key`` (None: a new one); tests replace it."""
        departments = self.rows(DEPARTMENTS)
        factories: dict[str, Callable[[], Any]] = {
            PEOPLE: lambda: PersonDialog(record, departments, self),
            DEPARTMENTS: lambda: dialogs.DepartmentDialog(record, self),
            LOCATIONS: lambda: dialogs.LocationDialog(record, departments, self),
            PROVIDERS: lambda: dialogs.ProviderDialog(record, self),
            PROCEDURES: lambda: dialogs.ProcedureDialog(record, self),
            CUSTOMERS: lambda: dialogs.CustomerDialog(record, self),
        }
        return factories[key]()

    def _ask(self, dialog: Any) -> Any:
        """The dialog's value once accepted (None when cancelled or unreadable: said why)."""
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            return dialog.value()
        except ValidationError as exc:
            self._refused(exc)
            return None

    def add(self, key: str, dialog: Any = None) -> None:
        """Ask for a new record of ``key`` and create it."""
        data = self._ask(dialog or self.dialog_for(key, None))
        if data is not None:
            create, user = self.kinds[key].create, self.session.user
            self.session.run(lambda db: create(db, user, data), self._saved, self._refused)

    def edit(self, key: str, dialog: Any = None) -> None:
        """Edit the selected record of ``key`` (saved over the version it was read at)."""
        record = self.selected(key)
        if record is None:
            return
        if key == PROCEDURES and not record.in_force:
            self._refused(
                ValidationError(
                    "procedure_id",
                    "withdrawn",
                    code="withdrawn",
                    params={"code": record.code, "on": record.withdrawn_on},
                )
            )
            return
        data = self._ask(dialog or self.dialog_for(key, record))
        if data is not None:
            update, user = self.kinds[key].update, self.session.user
            self.session.run(
                lambda db: update(db, user, record.id, data, record.version),
                self._saved,
                self._refused,
            )

    def confirm(self, text: str) -> bool:
        """Ask yes/no before a change that cannot simply be undone (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Administration"), text)
        return answer == QMessageBox.StandardButton.Yes

    def disable_person(self) -> None:
        """Disable the selected person: no more signatures; the records keep the name."""
        self._set_active(False)

    def enable_person(self) -> None:
        """Enable the selected (disabled) person again."""
        self._set_active(True)

    def _set_active(self, active: bool) -> None:
        person = self.selected(PEOPLE)
        if person is None or person.active == active:
            return
        if not active and not self.confirm(
            self.tr("Disable {0} ({1})? They can no longer sign; their records stay.").format(
                person.name, person.login
            )
        ):
            return
        user = self.session.user
        self.session.run(
            lambda db: md.set_person_active(db, user, person.id, active, person.version),
            self._saved,
            self._refused,
        )

    def delete_person(self) -> None:
        """Delete the selected person (refused by the service when they have signed)."""
        person = self.selected(PEOPLE)
        if person is None or not self.confirm(
            self.tr("Delete {0} ({1})?").format(person.name, person.login)
        ):
            return
        user = self.session.user
        self.session.run(
            lambda db: md.delete_person(db, user, person.id, person.version),
            self._saved,
            self._refused,
        )

    def withdraw_procedure(self, dialog: Any = None) -> None:
        """Withdraw the selected procedure from a date, with a reason for the audit log."""
        record = self.selected(PROCEDURES)
        if record is None:
            return
        if not record.in_force:
            self.edit(PROCEDURES)  # says it is withdrawn already
            return
        values = self._ask(dialog or dialogs.WithdrawDialog(record, self))
        if values is None:
            return
        (on, reason), user = values, self.session.user
        self.session.run(
            lambda db: md.withdraw_procedure(db, user, record.id, on, record.version, reason),
            self._saved,
            self._refused,
        )

    def edit_laboratory(self, dialog: Any = None) -> None:
        """Edit the laboratory's settings (saved over the version they were read at)."""
        lab = self.laboratory.lab
        if lab is None:
            return
        data = self._ask(dialog or LaboratoryDialog(lab, self))
        if data is not None:
            user = self.session.user
            self.session.run(
                lambda db: update_lab_settings(db, user, data, lab.version),
                self._saved,
                self._refused,
            )

    def _saved(self, _value: object = None) -> None:
        self.load()

    def _states(self) -> None:
        person, procedure = self.selected(PEOPLE), self.selected(PROCEDURES)
        self.disable_button.setEnabled(person is not None and person.active)
        self.enable_button.setEnabled(person is not None and not person.active)
        self.withdraw_button.setEnabled(procedure is not None and procedure.in_force)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ConcurrentModificationError):
            self.load()  # show what the other user saved; the message says to try again
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Administration"), admin_problem(exc), parent=self
        )
        box.setObjectName("adminError")
        box.open()
        self.refused = box
