"""``labapp``: start the desktop app (also ``--demo`` and the frozen build's ``--self-test``).

The only module that knows both Qt and the database service: it resolves and opens databases for
the GUI through :class:`ServiceConnector` and seeds the demo laboratory on first use.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from labapp import __version__


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """``labapp [--demo] [--database URL_OR_PATH] [--lang en|zh_CN] [--self-test]``."""
    parser = argparse.ArgumentParser(prog="labapp", description="LabApp desktop application")
    parser.add_argument("--demo", action="store_true", help="open the demo laboratory")
    parser.add_argument("--database", metavar="URL_OR_PATH", help="SQLite file or SQLAlchemy URL")
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="user-interface language")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen in Chinese, open and migrate a temporary database, exit",
    )
    parser.add_argument("--version", action="version", version=f"LabApp {__version__}")
    return parser.parse_args(argv)


class ServiceConnector:
    """Opens databases for the GUI with ``labapp.services.database`` (runs on the worker)."""

    def open(self, url_or_path: str) -> Any:
        """Resolve, open, create or migrate (a local file) and return the database."""
        from labapp.services.database import open_database, resolve_database_url

        return open_database(resolve_database_url(url_or_path, env={}))

    def probe(self, url_or_path: str) -> Any:
        """Open without creating or migrating, return the info, close again."""
        from labapp.services.database import open_database, resolve_database_url

        db = open_database(
            resolve_database_url(url_or_path, env={}), create=False, migrate_local=False
        )
        try:
            return db.info
        finally:
            db.dispose()


def startup_url(args: argparse.Namespace) -> str:
    """The database to open: --demo, --database, LABAPP_DATABASE_URL, Preferences, per-user file."""
    from labapp.services.database import resolve_database_url
    from labapp.ui.common import settings

    preferred = settings.get(settings.DEFAULT_DATABASE) or None
    return resolve_database_url(args.database, settings_value=preferred, demo=args.demo)


def seed_demo_if_empty(db: Any, cancel: threading.Event) -> bool:
    """Seed the demo lab into ``db`` if it is empty or its seeding never completed (worker).

    A lab whose seeding was interrupted (an older LabApp committed chunk by chunk) is seeded
    again; a complete demo or anyone's own register is left alone.
    """
    from labapp.services import demo

    if not demo.needs_seeding(db):
        return False
    demo.seed_demo(db, cancel=cancel.is_set, resume=True)
    return True


def build(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """Create the QApplication, translators, font, worker, session and main window."""
    from PySide6.QtWidgets import QApplication

    from labapp.ui.common import fonts, i18n, settings
    from labapp.ui.common.session import Session
    from labapp.ui.common.worker import Worker
    from labapp.ui.shell.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LabApp")
    app.setOrganizationName("LabApp")
    app.setApplicationVersion(__version__)
    fonts.apply_cjk_font(app)
    i18n.install_language(args.lang or settings.language())
    session = Session(Worker(), ServiceConnector())
    window = MainWindow(session)
    return app, session, window


def open_startup_database(window: Any, session: Any, url: str, demo: bool) -> None:
    """Open ``url``; for the demo, seed it first when empty (with a progress dialog)."""
    from PySide6.QtCore import QCoreApplication

    def seeded(done: bool) -> None:
        if done:
            for view in window.views.built():  # a page built later loads fresh
                view.mark_stale()
        window.identity.recheck()  # now the demo's accounts exist: the login dialog

    def opened(_info: Any) -> None:
        if not demo:
            return
        label = QCoreApplication.translate("Startup", "Creating the demo laboratory…")
        cancel = threading.Event()
        session.run(
            lambda db: seed_demo_if_empty(db, cancel), seeded, progress=label, parent=window
        )

    if demo:  # no wizard on the demo file while it is still empty: seed it first
        window.identity.ask = False
    session.open(url, opened, parent=window)


def self_test(argv_lang: str | None) -> int:
    """Chinese, a temporary database opened and migrated, every page loaded: exit 0.

    The Qt platform is the one given (``QT_QPA_PLATFORM``, so ``xcb`` under Xvfb really draws
    on an X server), offscreen when none is.  ``LABAPP_HOME`` is always a temporary directory:
    the self-test reads and writes no one's settings, even where ``LABAPP_HOME`` is set.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="labapp-self-test-") as tmp:
        os.environ["LABAPP_HOME"] = tmp
        args = parse_args(["--lang", argv_lang or "zh_CN"])
        app, session, window = build(args)
        from labapp.ui.common import i18n

        if not i18n.install_language(args.lang):
            print("self-test: the zh_CN translation did not load", file=sys.stderr)
            return 2
        failures: list[BaseException] = []
        session.worker.set_error_handler(failures.append)
        window.identity.ask = False  # no wizard on the temporary database: nobody to answer it
        window.show()
        session.open(str(Path(tmp) / "self-test.sqlite3"), on_error=failures.append)
        _wait_idle(app, session)
        for key in window.views:
            window.show_page(key)
            _wait_idle(app, session)
        session.close()
        window.close()
        if failures or session.url is None:
            print(f"self-test failed: {failures or 'no database opened'}", file=sys.stderr)
            return 1
        platform = app.platformName()
        print(f"self-test ok ({platform}): {window.windowTitle()}")
        return 0


def _wait_idle(app: Any, session: Any, timeout_s: float = 120.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    app.processEvents()
    while (session.worker.busy()) and time.monotonic() < deadline:
        session.worker.wait(50)
        app.processEvents()
    app.processEvents()


def start_database(window: Any, session: Any, args: argparse.Namespace) -> None:
    """After the first paint: pick the database and open it, both on the worker.

    Picking loads SQLAlchemy (the URL is parsed) and opening the ORM and the migrations: the
    window is on screen before either; a login dialog or the set-up wizard follows the open.
    """
    from labapp.ui.common.errors import show_error

    session.worker.submit(
        lambda: startup_url(args),
        lambda url: open_startup_database(window, session, url, args.demo),
        lambda exc: show_error(window, exc),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``labapp`` GUI script."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        return self_test(args.lang)
    app, session, window = build(args)
    window.first_painted.connect(lambda: start_database(window, session, args))
    window.show()
    code = app.exec()
    session.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
