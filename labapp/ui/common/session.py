"""The open database as the GUI sees it: an opaque handle, its info, the user and the worker.

Views never hold a session of the ORM; they hand a function of the database to :meth:`Session.run`,
which runs it on the worker and calls back on the GUI thread.  How a URL becomes an open database
is injected by the composition root (:class:`Connector`), so the GUI does not know the engine.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from labapp.ui.common import settings
from labapp.ui.common.worker import ErrorHandler, ResultHandler, Worker


def strip_password(url: str) -> str:
    """``url`` without any password, ``user:pw@`` or ``?password=`` (what settings may store)."""
    from labapp.services.database import url_without_password  # SQLAlchemy: not at start-up

    return url_without_password(url)


class Connector(Protocol):
    """Opens databases for the GUI (implemented in ``labapp.app`` with the database service)."""

    def open(self, url_or_path: str) -> Any:
        """Open (create, migrate a local file) and return a database with ``.info``."""

    def probe(self, url_or_path: str) -> Any:
        """Check a database can be opened; return its info, raising the typed errors."""


class Session(QObject):
    """The database currently open in the window, swapped only once a new one opened cleanly."""

    database_changed = Signal(object)  # the new database's info
    actor_changed = Signal(object)  # the logged-in Actor, or None after a logout

    def __init__(self, worker: Worker, connector: Connector, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.connector = connector
        self.db: Any = None
        self.url: str | None = None
        #: the person logged in on :attr:`db` (``labapp.services.accounts.Actor``), or None
        self.actor: Any = None
        #: True while the idle lock holds (the person's key is forgotten until the password)
        self.locked = False

    @property
    def info(self) -> Any:
        """The open database's DatabaseInfo (None when nothing is open)."""
        return self.db.info if self.db is not None else None

    @property
    def user(self) -> str:
        """Who is working: the logged-in person's login ("" before anyone logged in)."""
        return self.actor.login if self.actor is not None else ""

    def log_in(
        self,
        login: str,
        password: str,
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Log ``login`` in on the worker (PostgreSQL: reconnect as the person's role first).

        From then on only a logged-in person writes (``db.require_login``).
        """
        db = self.db
        if db is None:
            return
        previous = self.actor.login if self.actor is not None else None

        def job() -> Any:
            from labapp.services.accounts import authenticate, connect_as

            db.require_login = True
            if previous is not None:  # one person at a time: the last one's key is forgotten
                db.sign_out(previous)
            connect_as(db, login, password)
            return authenticate(db, login, password)

        label = self.tr("Logging in…")
        self.worker.submit(
            job, lambda actor: self._logged_in(db, actor, on_result), on_error, label, parent
        )

    def set_actor(self, actor: Any) -> None:
        """Record ``actor`` as logged in on the open database (after a login or the set-up)."""
        self._logged_in(self.db, actor, None)

    def _logged_in(self, db: Any, actor: Any, then: ResultHandler | None) -> None:
        if db is not self.db:
            return
        self.actor, self.locked = actor, False
        self.actor_changed.emit(actor)
        if then is not None:
            then(actor)

    def lock(self) -> None:
        """Idle lock: forget the person's unlocked key until the password is given again."""
        if self.actor is None or self.db is None:
            return
        db, login = self.db, self.actor.login
        self.locked = True
        self.worker.submit(lambda: db.sign_out(login))

    def log_out(self) -> None:
        """Forget who is logged in (their key too); writes are refused until the next login."""
        if self.actor is not None and self.db is not None:
            db, login = self.db, self.actor.login
            self.worker.submit(lambda: db.sign_out(login))
        self.actor, self.locked = None, False
        self.actor_changed.emit(None)

    def open(
        self,
        url_or_path: str,
        on_opened: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Open ``url_or_path`` on the worker; on success replace the current database."""

        def opened(db: Any) -> None:
            self._replace(db, url_or_path)
            if on_opened is not None:
                on_opened(db.info)

        label = self.tr("Opening the database…")

        def job() -> Any:
            return self.connector.open(url_or_path)

        first = not _frozen  # the first database: its libraries load now (see start_up_job)
        self.worker.submit(start_up_job(job) if first else job, opened, on_error, label, parent)

    def probe(
        self,
        url_or_path: str,
        on_result: ResultHandler,
        on_error: ErrorHandler,
        parent: QWidget | None = None,
    ) -> None:
        """Test that ``url_or_path`` opens, without replacing the current database."""
        label = self.tr("Testing the connection…")
        self.worker.submit(
            lambda: self.connector.probe(url_or_path), on_result, on_error, label, parent
        )

    def _replace(self, db: Any, url: str) -> None:
        old, self.db, self.url = self.db, db, url
        self.actor, self.locked = None, False
        settings.remember_database(strip_password(url))
        if old is not None:
            self.worker.submit(old.dispose)
        self.database_changed.emit(db.info)
        _freeze_start_up_objects()

    def run(
        self,
        fn: Callable[[Any], Any],
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Run ``fn(db)`` on the worker with the database open now; nothing if none is open."""
        db = self.db
        if db is None:
            return
        self.worker.submit(lambda: fn(db), on_result, on_error, progress, parent)

    def close(self) -> None:
        """Dispose of the database and wait for the worker (application exit)."""
        if self.db is not None:
            self.worker.submit(self.db.dispose)
            self.db = None
        self.worker.wait()


_frozen = False

#: The collector's thresholds for the desktop, set with the first database (Python's own are
#: 700, 10, 10).  A worker job that keeps 100 000 rows (a year's plan, the register's pages) made
#: the heap grow by a quarter again and again, and each time Python ran a full collection: eight
#: in one Planning load at 100 000 items, 73-120 ms each with the GIL held, none finding garbage.
#: With these, young collections stay under ~25 ms and full ones come ~30 times less often.
GC_THRESHOLDS = (2000, 20, 50)


def start_up_job(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` (a worker job importing modules or opening the first database) run with the
    garbage collector paused, and what it built then frozen (``gc.freeze``).

    Importing a page's package or SQLAlchemy's ORM creates hundreds of thousands of objects that
    live as long as the process (functions, classes, compiled statements); each import would set
    off full collections over all of them, 60-100 ms each with the GIL held, so the window froze
    while the worker imported.  Nothing is collected while ``fn`` runs; afterwards its objects
    are moved out of the collector's sight, as :func:`_freeze_start_up_objects` does.  The
    little cyclic garbage an import leaves is kept rather than collected: a bounded cost, paid
    once per page or first database.
    """

    def job() -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn()
        finally:
            gc.freeze()
            if enabled:
                gc.enable()

    return job


def _freeze_start_up_objects() -> None:
    """Once per process, when the first database is open: what exists then (Qt wrappers, the
    unit registry, the pages, the engine) lives as long as the window, so it is moved out of the
    collector's sight (``gc.freeze``) and a full collection, triggered by a worker building
    many rows, scans only what came after (issue #17: 230-450 ms collections at 100 000 items,
    the GIL held and the GUI thread stalled); the collector's thresholds become
    :data:`GC_THRESHOLDS`."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
