"""Edit → Preferences: language, default database, due-soon lead days, decision rule, user name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labapp.ui.common import settings
from labapp.ui.common.labels import DECISION_RULES, label_for

#: Language names are shown in their own language, never translated.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}


class PreferencesDialog(QDialog):
    """Shows the stored preferences; :meth:`values` returns the edited ones (keys of settings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.language = QComboBox()
        for code in settings.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.default_database = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.due_soon_days = QSpinBox()
        self.due_soon_days.setRange(1, 365)
        self.decision_rule = QComboBox()
        for rule in DECISION_RULES:
            self.decision_rule.addItem("", rule)
        self.bilingual = QCheckBox()
        self.bilingual.setObjectName("bilingualExports")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self._load()
        self.retranslate_ui()

    def _build_layout(self) -> None:
        database_row = QHBoxLayout()
        database_row.addWidget(self.default_database, 1)
        database_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(5)]
        fields: list[Any] = [
            self.language,
            database_row,
            self.due_soon_days,
            self.decision_rule,
            self.bilingual,
        ]
        for label, field in zip(self.form_labels, fields, strict=True):
            self.form.addRow(label, field)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.language_note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        texts = [
            self.tr("Language:"),
            self.tr("Default database:"),
            self.tr("Due-soon lead time:"),
            self.tr("Decision rule of new events:"),
            self.tr("Exported workbooks:"),
        ]
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.browse.setText(self.tr("Browse…"))
        self.default_database.setPlaceholderText(
            self.tr("Empty: your own database in the LabApp data folder")
        )
        self.due_soon_days.setSuffix(self.tr(" days"))
        for i, rule in enumerate(DECISION_RULES):
            self.decision_rule.setItemText(i, label_for("rule", rule))
        self.bilingual.setText(self.tr("Headers and words in Chinese and English (中文 / English)"))
        self.language_note.setText(self.tr("The language changes as soon as you press OK."))

    def _load(self) -> None:
        self.language.setCurrentIndex(max(self.language.findData(settings.language()), 0))
        self.default_database.setText(settings.get(settings.DEFAULT_DATABASE))
        self.due_soon_days.setValue(settings.get(settings.DUE_SOON_DAYS))
        rule_index = self.decision_rule.findData(settings.get(settings.DECISION_RULE))
        self.decision_rule.setCurrentIndex(max(rule_index, 0))
        self.bilingual.setChecked(settings.get(settings.BILINGUAL_EXPORTS))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Default database"),
            self.default_database.text(),
            self.tr("LabApp databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.default_database.setText(path)

    def values(self) -> dict[str, Any]:
        """The edited preferences, keyed like :data:`labapp.ui.common.settings.DEFAULTS`."""
        return {
            settings.LANGUAGE: self.language.currentData(),
            settings.DEFAULT_DATABASE: self.default_database.text().strip(),
            settings.DUE_SOON_DAYS: self.due_soon_days.value(),
            settings.DECISION_RULE: self.decision_rule.currentData(),
            settings.BILINGUAL_EXPORTS: self.bilingual.isChecked(),
        }
