"""The Excel side of the Comparisons page: import participants (all or nothing, the refused
workbook saved back with its bad cells marked) and export the comparison report.

A mixin of :class:`labapp.ui.comparisons.ComparisonsView`; its texts keep the page's
translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox

from labapp.io.excel import CoverInfo, ImportFileError
from labapp.services import comparisons as reports
from labapp.services.comparisons import ComparisonDetail
from labapp.ui.common import settings

__all__ = ["ComparisonExcelMixin", "chinese"]


def chinese() -> bool:
    """Whether the UI is in Chinese (for the en/zh messages of the Excel layer)."""
    return QLocale().name().startswith("zh")


class ComparisonExcelMixin:
    """Import and export actions; the page provides ``session``, ``detail``, ``_changed``,
    ``_refused``, ``current_method``, ``sigma_pt``, ``chart_labels`` and the signals
    ``imported``, ``exported`` and ``errors_saved``."""

    session: Any
    detail: ComparisonDetail | None
    last_import: Any = None
    import_source: Path | None = None

    def import_participants(self, path: str | Path | None = None) -> None:
        """Import participants from a workbook: all rows, or none and the bad cells listed."""
        detail, user = self.detail, self.session.user
        if detail is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("ComparisonsView", "Import participants"),
                "",
                QCoreApplication.translate(
                    "ComparisonsView", "Excel workbooks (*.xlsx *.xls *.ods)"
                ),
            )
            if not path:
                return
        chosen = Path(path)
        self.import_source = chosen
        self.session.run(
            lambda db: reports.import_workbook(db, user, detail.id, chosen),
            self._imported,
            self._import_failed,
            QCoreApplication.translate("ComparisonsView", "Importing participants…"),
            self,
        )

    def _imported(self, value: tuple[Any, ComparisonDetail | None]) -> None:
        checked, detail = value
        self.last_import = checked
        if detail is None:
            self._show_cell_errors(checked.errors)
        else:
            self._changed(detail)
        self.imported.emit(checked)

    def _show_cell_errors(self, errors: list[Any]) -> None:
        zh = chinese()
        lines = [
            QCoreApplication.translate("ComparisonsView", "Row {0}, column {1} ({2}): {3}").format(
                e.row, e.column, e.header, e.message_zh if zh else e.message_en
            )
            for e in errors
        ]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ComparisonsView", "Import participants"),
            QCoreApplication.translate(
                "ComparisonsView",
                "Nothing was imported: %n cell(s) need correcting.",
                "",
                len(errors),
            ),
            parent=self,
        )
        box.setObjectName("importErrors")
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:10]))
        save = box.addButton(
            QCoreApplication.translate("ComparisonsView", "Save the marked workbook…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        save.setObjectName("saveMarkedWorkbook")
        save.clicked.connect(lambda: self.save_marked_workbook())
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        self.import_errors = box

    def save_marked_workbook(self, path: str | Path | None = None) -> None:
        """Write the refused workbook back with its bad cells marked and their reasons."""
        checked, source = self.last_import, self.import_source
        if checked is None or source is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, QCoreApplication.translate("ComparisonsView", "Save the marked workbook"),
                str(source.with_name(f"{source.stem}-errors.xlsx")),
                QCoreApplication.translate("ComparisonsView", "Excel workbooks (*.xlsx)"),
            )  # fmt: skip
            if not path:
                return
        target, language = Path(path), "zh_CN" if chinese() else "en"
        self.session.run(
            lambda _db: reports.write_participant_errors(source, checked, target, language),
            self.errors_saved.emit,
            self._refused,
        )

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportFileError):
            text = exc.message_zh if chinese() else exc.message_en
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ComparisonsView", "Import participants"),
                text,
                parent=self,
            )
            box.setObjectName("importErrors")
            box.open()
            self.import_errors = box
        else:
            self._refused(exc)

    def export_report(self, path: str | Path | None = None) -> None:
        """Write the comparison report (cover, inputs, scores, charts) to an Excel file."""
        detail = self.detail
        if detail is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ComparisonsView", "Export report"),
                f"{detail.title}.xlsx",
                QCoreApplication.translate("ComparisonsView", "Excel workbooks (*.xlsx)"),
            )
            if not path:
                return
        target, method = Path(path), self.current_method()
        sigma = self.sigma_pt.text().strip().replace(",", ".") or None
        db_name = self.session.info.display_name if self.session.info else ""
        cover = CoverInfo(
            QCoreApplication.translate("ComparisonsView", "Comparison report: {0}").format(
                detail.title
            ),
            exported_by=self.session.user,
            database=db_name,
        )
        language = settings.export_language()
        labels = self.chart_labels()
        self.session.run(
            lambda db: reports.export_report(
                db,
                detail.id,
                target,
                cover,
                method=method,
                sigma_pt=sigma,
                language=language,
                labels=labels,
            ),
            self.exported.emit,
            self._refused,
            QCoreApplication.translate("ComparisonsView", "Exporting the report…"),
            self,
        )
