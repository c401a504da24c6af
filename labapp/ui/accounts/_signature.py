"""The electronic signature: what is signed, what it means, who signs, and the password again.

Checking (核验) and approving (批准) an event are signatures: the signer sees the record and the
meaning and re-enters the password, which the service uses to open the signing key.  The dialog
only collects the password (:meth:`password`); the event dialog runs the signature.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from labapp.ui.accounts._login import password_edit

__all__ = ["MEANINGS", "SignatureDialog", "meaning_text"]

#: signature meaning (``check`` / ``approve``) -> its words (both languages keep the Chinese term)
MEANINGS: dict[str, str] = {
    "check": QT_TRANSLATE_NOOP("SignatureDialog", "checked (核验)"),
    "approve": QT_TRANSLATE_NOOP("SignatureDialog", "approved (批准)"),
}


def meaning_text(meaning: str) -> str:
    """A signature's meaning in the user's language."""
    source = MEANINGS.get(meaning)
    return QCoreApplication.translate("SignatureDialog", source) if source else meaning


class SignatureDialog(QDialog):
    """States the record, the meaning and the signer; asks the signer's password."""

    def __init__(
        self, record: str, item: str, meaning: str, signer: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.meaning = meaning
        self.setWindowTitle(self.tr("Electronic signature"))
        statement = QLabel(
            self.tr(
                "By entering your password you sign this record as {0}. The signature keeps "
                "who signed, when and what it means; the record cannot be changed afterwards "
                "without breaking the seal."
            ).format(meaning_text(meaning))
        )
        statement.setObjectName("signatureStatement")
        statement.setWordWrap(True)
        self.password_edit = password_edit("signaturePassword")
        form = QFormLayout()
        self.record_label = QLabel(record)
        self.record_label.setWordWrap(True)
        self.meaning_label = QLabel(f"<b>{meaning_text(meaning)}</b>")
        self.signer_label = QLabel(signer)
        form.addRow(self.tr("Record:"), self.record_label)
        form.addRow(self.tr("Item:"), QLabel(item))
        form.addRow(self.tr("Meaning:"), self.meaning_label)
        form.addRow(self.tr("Signed by:"), self.signer_label)
        form.addRow(self.tr("Password:"), self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(self.tr("Sign"))
        self.sign_button.setEnabled(False)
        self.password_edit.textChanged.connect(lambda text: self.sign_button.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(statement)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def password(self) -> str:
        """The password as typed."""
        return self.password_edit.text()


def describe_event(detail: Any) -> str:
    """How the signature dialog names an event (kind, revision, certificate, date)."""
    from labapp.ui.common.labels import label

    text = QCoreApplication.translate("SignatureDialog", "{0}, revision {1}, performed {2}").format(
        label(detail.kind), detail.revision, detail.performed_on.isoformat()
    )
    if getattr(detail, "certificate_no", None):
        text += QCoreApplication.translate("SignatureDialog", ", certificate {0}").format(
            detail.certificate_no
        )
    return text
