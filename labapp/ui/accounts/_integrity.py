"""The result of "Verify integrity": intact (how much was checked), or each broken record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["IntegrityDialog", "seal_problem_text"]


def seal_problem_text(problem: Any) -> str:
    """An integrity problem in words (by its kind; the service's detail stays technical)."""
    if problem.kind == "signature":
        return QCoreApplication.translate(
            "EventSignatures",
            "Event {0}: its electronic signature no longer matches the record: the record was "
            "changed outside LabApp after it was signed, or the signature is forged.",
        ).format(problem.key)
    if problem.kind == "chain":
        return QCoreApplication.translate(
            "EventSignatures",
            "Audit entry {0}: the audit trail's hash chain is broken (an entry was altered, "
            "inserted or removed outside LabApp).",
        ).format(problem.key)
    if problem.kind == "seal":
        return QCoreApplication.translate(
            "EventSignatures",
            "Audit entry {0}: the author's seal does not verify (written outside LabApp or "
            "with a key that is not the author's).",
        ).format(problem.key)
    return QCoreApplication.translate(
        "EventSignatures", "The audit trail's head does not match its last entry (entries removed)."
    )


class IntegrityDialog(QMessageBox):
    """Says what ``verify_integrity`` found; the service's technical details are folded away."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityDialog")
        self.setWindowTitle(self.tr("Verify integrity"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        legacy = ""
        if report.legacy_entries or report.legacy_events:
            legacy = self.tr(
                " ({0} entries and {1} records from before sealing began are not sealed.)"
            ).format(report.legacy_entries, report.legacy_events)
        if report.ok:
            self.setIcon(QMessageBox.Icon.Information)
            self.setText(
                self.tr("Intact: {0} audit entries, {1} sealed records.").format(
                    report.entries, report.events
                )
                + legacy
            )
            return
        self.setIcon(QMessageBox.Icon.Critical)
        self.setText(
            self.tr("Found {0} broken, altered or forged records:").format(len(report.problems))
        )
        lines = dict.fromkeys(seal_problem_text(p) for p in report.problems)
        self.setInformativeText("\n".join(list(lines)[:20]))
        self.setDetailedText(
            "\n".join(f"{p.kind} {p.entity} {p.key}: {p.detail}" for p in report.problems)
        )
