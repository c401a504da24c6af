"""The main window: a shell of menus, a navigation list and a stack of pages (one per feature
package of :mod:`labapp.ui`), each page built on first visit (:mod:`labapp.ui.shell._pages`);
the first page just after the window's first paint, so the window shows before its libraries load.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from labapp import __version__
from labapp.ui.accounts import Identity
from labapp.ui.common import i18n, settings
from labapp.ui.common import view as base
from labapp.ui.common.errors import show_error
from labapp.ui.common.session import Session
from labapp.ui.shell._pages import (
    PAGES,
    LazyPages,
    PageLoader,
    Placeholder,
    page_class,
    replace_placeholder,
)
from labapp.ui.shell.connection import ConnectionDialog, connection_dialog
from labapp.ui.shell.preferences import PreferencesDialog


def shortcut(standard: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The platform's binding for ``standard``, or ``fallback`` where it has none (Linux)."""
    bindings = QKeySequence.keyBindings(standard)
    return bindings[0] if bindings else QKeySequence(fallback)


class MainWindow(QMainWindow):
    """Menus, navigation and pages over one :class:`Session`."""

    first_painted = Signal()  # once, after the first paint, before the first page is built

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_page_pending = True  # event() reads it from now on
        self.session = session
        session.worker.set_error_handler(lambda exc: show_error(self, exc))
        session.database_changed.connect(self._database_changed)
        session.actor_changed.connect(lambda _actor: self._identity_changed())
        self.identity = Identity(self, session)
        self.views = LazyPages([key for key, _ in PAGES], self._make_page)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        self._build_pages()
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 1000])
        self.setCentralWidget(splitter)
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self.nav.setCurrentRow(0)  # its page is built after the first paint (see event())
        self.loader = PageLoader(
            self.views, self.stack, self.nav, self._show_row, session.worker, self
        )
        self.nav.currentRowChanged.connect(self.loader.choose)
        self.resize(QSize(1200, 760))
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        self.retranslate_ui()

    # --- construction -------------------------------------------------------------------------
    def _build_pages(self) -> None:
        for _key in PAGES:
            self.stack.addWidget(Placeholder())  # until the page is first needed
            self.nav.addItem(QListWidgetItem())
        self.nav.setMaximumWidth(240)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 6px 10px; }")

    def _make_page(self, key: str) -> base.View:
        """Build page ``key`` and put it in the stack in its placeholder's place."""
        view: Any = page_class(key)(self.session)
        if key == base.CALIBRATIONS:
            view.open_event.connect(self.open_event)
            view.record_event.connect(lambda: self.record_event())
        view.setObjectName(f"page_{key}")
        view.navigate.connect(self.show_page)
        replace_placeholder(self.stack, [k for k, _ in PAGES].index(key), view)
        return view

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentWidget(self.views[PAGES[row][0]])  # built first: never a blank page

    def event(self, event: QEvent) -> bool:
        if self._first_page_pending and event.type() == QEvent.Type.Paint:
            self._first_page_pending = False  # the window is on screen: now the slow start-up
            first_page = self.nav.currentRow()  # the database: opened on first_painted (app.main)
            QTimer.singleShot(
                0, lambda: (self.first_painted.emit(), self.loader.first_page(first_page))
            )
        return super().event(event)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = self._action(self.file_menu, self.open_database_dialog)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.record_event_action = self._action(self.file_menu, lambda: self.record_event())
        self.record_event_action.setShortcut(QKeySequence("Ctrl+E"))
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.import_register_action = self._action(self.file_menu, lambda: self.import_register())
        self.import_template_action = self._action(self.file_menu, lambda: self.import_template())
        self.export_register_action = self._action(self.file_menu, lambda: self.export_register())
        self.file_menu.addSeparator()
        actions = self.identity.add_actions(self.file_menu)
        self.log_in_action, self.log_out_action = actions[:2]
        self.change_password_action, self.accounts_action = actions[2:]
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close)
        self.quit_action.setShortcut(shortcut(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.edit_menu = bar.addMenu("")
        self.preferences_action = self._action(self.edit_menu, self.preferences_dialog)
        self.preferences_action.setShortcut(
            shortcut(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self._build_register_menu(bar)
        self.view_menu = bar.addMenu("")
        self.page_actions: list[QAction] = []
        for row, (key, _label) in enumerate(PAGES):
            action = self._action(self.view_menu, lambda _=False, k=key: self.show_page(k))
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            self.page_actions.append(action)
        self.view_menu.addSeparator()
        self.reload_action = self._action(self.view_menu, self.reload_page)
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self.help_menu, self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_register_menu(self, bar: Any) -> None:
        def register(method: str) -> Any:  # the page is built when its menu is first used
            return lambda _=False: getattr(self.views[base.REGISTER], method)()

        self.register_menu = bar.addMenu("")
        self.new_instrument_action = self._action(self.register_menu, register("new_instrument"))
        self.new_instrument_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.add_similar_action = self._action(self.register_menu, register("duplicate_selected"))
        self.edit_instrument_action = self._action(self.register_menu, register("edit_selected"))
        self.retire_instrument_action = self._action(
            self.register_menu, register("retire_selected")
        )
        self.register_menu.addSeparator()
        self.drift_action = self._action(self.register_menu, lambda: self.show_drift())
        for action in (self.new_instrument_action, self.add_similar_action):
            action.triggered.connect(lambda _=False: self.show_page(base.REGISTER))

    def _action(self, menu: QMenu, slot: Any) -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- texts --------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every text of the shell, in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open database…"))
        self.record_event_action.setText(self.tr("Record &event…"))
        self.recent_menu.setTitle(self.tr("Recent databases"))
        self.import_register_action.setText(self.tr("&Import register…"))
        self.import_template_action.setText(self.tr("Download import &template…"))
        self.export_register_action.setText(self.tr("E&xport register…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.register_menu.setTitle(self.tr("&Register"))
        self.new_instrument_action.setText(self.tr("&New instrument…"))
        self.add_similar_action.setText(self.tr("Add &similar…"))
        self.edit_instrument_action.setText(self.tr("&Edit…"))
        self.retire_instrument_action.setText(self.tr("Re&tire…"))
        self.drift_action.setText(self.tr("&Drift chart…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reload_action.setText(self.tr("&Reload"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About LabApp"))
        for row, (_key, label) in enumerate(PAGES):
            text = QCoreApplication.translate("MainWindow", label)
            self.nav.item(row).setText(text)
            self.page_actions[row].setText(text)
        # The page names change length with the language: keep the longest one whole.
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8)
        self._update_title()
        self._update_status()

    def _update_title(self) -> None:
        info = self.session.info
        name = info.display_name if info is not None else self.tr("no database")
        actor = self.session.actor
        if actor is None:
            self.setWindowTitle(self.tr("LabApp — {0}[*]").format(name))
        else:
            self.setWindowTitle(self.tr("LabApp — {0} — {1}[*]").format(name, actor.name))

    def _update_status(self) -> None:
        info = self.session.info
        if info is None:
            self.db_label.setText(self.tr("No database open"))
        else:
            self.db_label.setText(
                self.tr("Database: {0} ({1})").format(info.display_name, info.dialect)
            )
            self.db_label.setToolTip(info.url)
        actor = self.session.actor
        if actor is None:
            self.user_label.setText(self.tr("Not logged in"))
        else:
            who = f"{actor.name} ({actor.login})"
            self.user_label.setText(self.tr("User: {0}").format(who))
        self.identity.update_actions()

    def _identity_changed(self) -> None:
        self._update_title()
        self._update_status()

    # --- behaviour ----------------------------------------------------------------------------
    def _database_changed(self, _info: Any) -> None:
        self._update_title()
        self._update_status()
        self._records_changed()

    def show_page(self, key: str, hint: object = None) -> None:
        """Show page ``key`` (applying the navigation ``hint``, such as a register order)."""
        row = [k for k, _ in PAGES].index(key)
        self._show_row(row)  # built here: the caller may use the page at once
        self.nav.setCurrentRow(row)
        if hint is not None:
            self.views[key].show_hint(hint)

    def open_event(self, event_id: int) -> Any:
        """Open the event dialog on a stored event (returns the dialog, already shown)."""
        return self._event_dialog(event_id=event_id)

    def record_event(self, instrument_id: int | None = None) -> Any:
        """Record event…: for ``instrument_id``, else the register's selection, else ask."""
        if instrument_id is None:
            instrument_id = getattr(self._register_selection(), "id", None)
        if instrument_id is None:
            return self._ask_asset_tag()
        return self._event_dialog(instrument_id=instrument_id)

    def _register_selection(self) -> Any:
        """The register's selected item (None while the register page was never built)."""
        register: Any = self.views[base.REGISTER] if self.views.is_built(base.REGISTER) else None
        return None if register is None else register.selected_item()

    def _ask_asset_tag(self) -> Any:
        from PySide6.QtWidgets import QInputDialog

        from labapp.services.register import find_instrument

        prompt = QInputDialog(self)
        prompt.setObjectName("recordEventAssetTag")
        prompt.setWindowTitle(self.tr("Record event"))
        prompt.setLabelText(self.tr("Asset tag of the instrument:"))

        def chosen(tag: str) -> None:
            if tag.strip():
                self.session.run(
                    lambda db: find_instrument(db, tag), lambda item: self.record_event(item.id)
                )

        prompt.textValueSelected.connect(chosen)
        prompt.open()
        return prompt

    def _event_dialog(self, **kwargs: Any) -> Any:
        from labapp.ui.events import event_dialog

        dialog = event_dialog(self.session, self, **kwargs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _detail: self._records_changed())
        dialog.show()
        return dialog

    def _records_changed(self) -> None:
        for view in self.views.built():  # a page built later loads fresh
            view.mark_stale()

    def show_traceability(self, instrument_id: int) -> None:
        """Show the Traceability page with the forward chain of ``instrument_id``."""
        self.show_page(base.TRACEABILITY, instrument_id)

    def show_drift(self, asset_tag: str | None = None) -> Any:
        """Open a drift chart window for ``asset_tag`` (default: the register's selected item)."""
        from labapp.ui.drift import DriftWindow

        if asset_tag is None:
            asset_tag = getattr(self._register_selection(), "asset_tag", None)
        window = DriftWindow(self.session, self)
        window.setWindowFlag(Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.interval_accepted.connect(lambda _months: self._records_changed())
        window.show()
        if asset_tag:
            window.load_instrument(asset_tag)
        return window

    def current_view(self) -> base.View:
        """The page on screen."""
        return self.views[PAGES[self.stack.currentIndex()][0]]

    def import_register(self) -> Any:
        """File → Import register… (returns the dialog, already shown)."""
        from labapp.ui.imports import import_dialog

        dialog = import_dialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _count: self._records_changed())
        dialog.show()
        return dialog

    def import_template(self, path: str | None = None) -> None:
        """File → Download import template…"""
        from labapp.ui.imports import save_template

        save_template(self.session, self, path)

    def export_register(self, path: str | None = None) -> Any:
        """File → Export register…: the register page's filter (the ExportJob, or None)."""
        from labapp.ui.register import start_register_export

        flt = self.views[base.REGISTER].current_filter()
        return start_register_export(self, self.session, flt, path)

    def reload_page(self) -> None:
        """View → Reload: fetch the current page again."""
        self.current_view().refresh()

    def open_database_dialog(self) -> ConnectionDialog:
        """File → Open database… (window-modal; returns the dialog, already shown)."""
        dialog = connection_dialog(self.session, self)
        dialog.open()
        return dialog

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.get(settings.RECENT_DATABASES)
        for url in recent:
            action = self.recent_menu.addAction(url)
            action.triggered.connect(lambda _=False, u=url: self.session.open(u, parent=self))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def preferences_dialog(self) -> PreferencesDialog:
        """Edit → Preferences… (window-modal; applies and stores the values on OK)."""
        dialog = PreferencesDialog(self)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.values()))
        dialog.open()
        return dialog

    def apply_preferences(self, values: dict[str, Any]) -> None:
        """Store ``values``; a new language takes effect at once, a new lead time on reload."""
        old_language = settings.language()
        for key, value in values.items():
            settings.put(key, value)
        if values.get(settings.LANGUAGE, old_language) != old_language:
            i18n.install_language(settings.language())
        self._update_status()
        self._records_changed()

    def about(self) -> None:
        """Help → About LabApp."""
        QMessageBox.about(
            self,
            self.tr("About LabApp"),
            self.tr(
                "LabApp {0}\n\nCalibration laboratory management: measurement standards, "
                "traceability, calibrations, uncertainty and re-verification plans."
            ).format(__version__),
        )

    def closeEvent(self, event: QEvent) -> None:
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)
