"""Import a lab's ledger (any layout, workbook or CSV): choose a file, correct the column mapping,
see every bad cell or what will be added.

The dialog collects (:mod:`labapp.ui.common.submission`); :mod:`labapp.ui.imports._flow` runs
each step on the worker.  The file chosen (``file_chosen`` with a :class:`LedgerRequest`: the file,
the mapping as corrected, the tag pattern, "create missing") is checked
(:func:`labapp.services.imports.check_ledger`, answered by :meth:`ImportDialog.show_check`); each
change of the mapping panel has it checked again;
with bad cells the dialog lists them (sheet, cell, header, value, reason in the user's language)
and offers "Save error workbook…" (``errors_wanted``); with none it says how many items will be
added and offers Import (``submitted`` with the check), which adds them all in one audited
transaction.  Nothing is written before Import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labapp.services.imports import ImportFileError
from labapp.ui.common.errors import describe, show_error
from labapp.ui.common.export_job import file_language
from labapp.ui.common.rows_table_model import RowsTableModel
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.imports._mapping import MappingPanel
from labapp.ui.register import ERROR_STYLE

EXCEL_FILTER = str(
    QT_TRANSLATE_NOOP("ImportDialog", "Ledgers (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)")
)


@dataclass(frozen=True)
class LedgerRequest:
    """What to check: the file, the mapping as the user corrected it (None: remembered for the
    layout or detected), the tag pattern, and whether missing master data is to be created."""

    path: Path
    mapping: Any = None
    tag_pattern: str | None = None
    create_missing: bool = False


class ImportErrorModel(RowsTableModel):
    """The bad cells of a checked file, with the reason in the user's language."""

    CONTEXT = "ImportErrorModel"
    COLUMNS = (
        ("sheet", QT_TRANSLATE_NOOP("ImportErrorModel", "Sheet")),
        ("cell", QT_TRANSLATE_NOOP("ImportErrorModel", "Cell")),
        ("header", QT_TRANSLATE_NOOP("ImportErrorModel", "Column")),
        ("value", QT_TRANSLATE_NOOP("ImportErrorModel", "Value")),
        ("reason", QT_TRANSLATE_NOOP("ImportErrorModel", "Reason")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "cell":
            return f"{row.column}{row.row}"
        if key == "reason":
            return str(row.message_zh if file_language() == "zh_CN" else row.message_en)
        return str(getattr(row, key))


class ImportPreviewModel(RowsTableModel):
    """The items a clean file will add, as read (before anything is written)."""

    CONTEXT = "ImportPreviewModel"
    COLUMNS = (
        ("asset_tag", QT_TRANSLATE_NOOP("ImportPreviewModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("ImportPreviewModel", "Name")),
        ("model", QT_TRANSLATE_NOOP("ImportPreviewModel", "Model")),
        ("serial_no", QT_TRANSLATE_NOOP("ImportPreviewModel", "Serial number")),
        ("range_low", QT_TRANSLATE_NOOP("ImportPreviewModel", "Range low")),
        ("range_high", QT_TRANSLATE_NOOP("ImportPreviewModel", "Range high")),
        ("accuracy_kind", QT_TRANSLATE_NOOP("ImportPreviewModel", "Accuracy kind")),
        ("accuracy", QT_TRANSLATE_NOOP("ImportPreviewModel", "Accuracy")),
        ("accuracy_class", QT_TRANSLATE_NOOP("ImportPreviewModel", "Class")),
        ("coverage_factor", QT_TRANSLATE_NOOP("ImportPreviewModel", "k")),
        ("interval_months", QT_TRANSLATE_NOOP("ImportPreviewModel", "Interval (months)")),
        ("reverification", QT_TRANSLATE_NOOP("ImportPreviewModel", "Re-verification")),
        ("last_calibrated_on", QT_TRANSLATE_NOOP("ImportPreviewModel", "Last calibrated on")),
        ("valid_until", QT_TRANSLATE_NOOP("ImportPreviewModel", "Valid until")),
        ("calibration_method", QT_TRANSLATE_NOOP("ImportPreviewModel", "Method")),
        ("status", QT_TRANSLATE_NOOP("ImportPreviewModel", "Status")),
        ("department", QT_TRANSLATE_NOOP("ImportPreviewModel", "Department")),
        ("custodian", QT_TRANSLATE_NOOP("ImportPreviewModel", "Custodian")),
        ("provider", QT_TRANSLATE_NOOP("ImportPreviewModel", "Provider")),
    )


class ImportDialog(QDialog):
    """Choose → checked by the caller → errors and "Save error workbook…", or Import → done.

    Asks its caller: ``file_chosen(path)`` (answer :meth:`show_check` / :meth:`check_refused`),
    ``errors_wanted(check, path)`` (:meth:`show_errors_saved` / :meth:`errors_refused`) and
    ``submitted(check)`` (:meth:`finish` / :meth:`refuse`).  ``imported`` carries the number of
    items added once the transaction committed.
    """

    file_chosen = Signal(object)
    errors_wanted = Signal(object, object)
    submitted = Signal(object)
    imported = Signal(int)
    checked = Signal(object)
    errors_saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.check: Any = None
        self.path: Path | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.model = ImportErrorModel(self)
        self.table = read_only_table(self.model, row_numbers=True)
        self.preview_model = ImportPreviewModel(self)
        self.preview = read_only_table(self.preview_model, row_numbers=True)
        self.mapping_panel = MappingPanel()
        self.mapping_panel.changed.connect(self._request_check)
        self.choose_button = QPushButton()
        self.save_errors_button = QPushButton()
        self.import_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(lambda: self.choose_file())
        self.save_errors_button.clicked.connect(lambda: self.save_errors())
        self.import_button.clicked.connect(self.start_import)
        row = QHBoxLayout()
        for button in (self.choose_button, self.save_errors_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.mapping_panel, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        self.resize(1000, 720)
        self.retranslate_ui()
        self._show_state()

    def retranslate_ui(self) -> None:
        """Every text of the dialog in the current language."""
        self.setWindowTitle(self.tr("Import register"))
        self.choose_button.setText(self.tr("Choose file…"))
        self.save_errors_button.setText(self.tr("Save error workbook…"))
        self.import_button.setText(self.tr("Import"))

    # --- steps ----------------------------------------------------------------------------------

    def choose_file(self, path: str | Path | None = None) -> None:
        """Pick a ledger (a file dialog unless ``path`` is given) and have it checked."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import register"), "", _tr(EXCEL_FILTER)
            )
        if not path:
            return
        self.path, self.check = Path(path), None
        self.mapping_panel.mapping = None  # a new file starts from its layout's mapping
        self._request_check()

    def _request_check(self) -> None:
        if self.path is None:
            return
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking {0}…").format(self.path.name))
        self._show_state(busy=True)
        panel = self.mapping_panel
        self.file_chosen.emit(LedgerRequest(self.path, panel.mapping, panel.pattern(),
                                            panel.create_missing.isChecked()))  # fmt: skip

    def show_check(self, check: Any) -> None:
        """Show the checked file: its mapping, its bad cells, or what will be added."""
        self.check = check
        self.mapping_panel.show_mapping(check.mapping, check.samples)
        self.mapping_panel.show_missing(check.missing)
        self.model.set_rows(list(check.errors))
        self.preview_model.set_rows(list(check.records))
        fit_columns(self.table)
        fit_columns(self.preview)
        name = check.path.name
        if check.errors:
            self._warn(
                self.tr("{0}: {1} bad cell(s); nothing will be imported until they are corrected.")
                .format(name, len(check.errors))
            )  # fmt: skip
        elif not check.records:
            self._warn(self.tr("{0} holds no register rows.").format(name))
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr("{0}: every row is valid. {1} item(s) will be added.").format(
                    name, len(check.records)
                )
            )
        self._show_state()
        self.checked.emit(check)

    def check_refused(self, exc: BaseException) -> None:
        """The file could not be checked (unreadable, not a ledger): say why."""
        if isinstance(exc, ImportFileError):
            self._warn(exc.message_zh if file_language() == "zh_CN" else exc.message_en)
        else:
            self._warn(describe(exc))
        self.check = None
        self._show_state()
        self.checked.emit(None)

    def save_errors(self, path: str | Path | None = None) -> None:
        """Write the checked file back with every bad cell marked, where the user chooses."""
        if self.check is None or self.path is None:
            return
        if path is None:
            suggested = str(self.path.with_name(f"{self.path.stem}.errors.xlsx"))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save error workbook"), suggested, self.tr("Excel files (*.xlsx)")
            )
        if not path:
            return
        self.errors_wanted.emit(self.check, Path(path))

    def show_errors_saved(self, path: Path) -> None:
        """The error workbook is written at ``path``."""
        self.summary.setText(self.summary.text() + "\n" + self.tr("Saved {0}.").format(path))
        self.errors_saved.emit(path)

    def errors_refused(self, exc: BaseException) -> None:
        """The error workbook could not be written: say why in a box."""
        show_error(self, exc)

    def start_import(self) -> None:
        """Import: hand the checked file to be added in one transaction (audited: "imported from
        <file>")."""
        if self.check is None or not self.check.ok:
            return
        check = self.check
        self._show_state(busy=True)
        self.summary.setText(self.tr("Importing {0} item(s)…").format(len(check.records)))
        self.submitted.emit(check)

    def finish(self, count: int) -> None:
        """Imported: say how many items were added; emit :attr:`imported`."""
        self.check = None
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Imported {0} item(s) into the register.").format(count))
        self._show_state()
        self.imported.emit(count)

    def refuse(self, exc: BaseException) -> None:
        """Nothing was imported: say why (the file must be chosen and checked again)."""
        self._warn(self.tr("Nothing was imported: {0}").format(describe(exc)))
        self.check = None
        self._show_state()

    # --- helpers --------------------------------------------------------------------------------

    def _warn(self, text: str) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)

    def _show_state(self, busy: bool = False) -> None:
        check = self.check
        has_errors = check is not None and bool(check.errors)
        if check is None and not busy and self.path is None:
            self.summary.setText(
                self.tr(
                    "Choose the lab's ledger (仪器设备台账: a workbook or CSV, any layout). Check "
                    "the columns LabApp found; every row is checked first; nothing is written "
                    "until you confirm, and then all rows are added together."
                )
            )
        self.mapping_panel.setVisible(self.path is not None)
        self.mapping_panel.setEnabled(not busy)
        self.table.setVisible(has_errors)
        self.preview.setVisible(check is not None and bool(check.records) and not busy)
        self.choose_button.setEnabled(not busy)
        self.save_errors_button.setVisible(has_errors)
        self.save_errors_button.setEnabled(has_errors and not busy)
        self.import_button.setVisible(check is not None and check.ok)
        self.import_button.setEnabled(not busy)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)
