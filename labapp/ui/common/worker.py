"""One serialized database worker: every service call runs off the GUI thread, one at a time.

A job is a plain callable.  Its result or exception comes back on the GUI thread through a
signal; an exception nobody handles is shown in a message box, never dropped.  A progress dialog
appears only when a job outlasts half a second (``QProgressDialog.setMinimumDuration``).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

ResultHandler = Callable[[Any], None]
ErrorHandler = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker thread emits, Qt queues the call back to the GUI."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn = fn
        self._relay = relay
        self.cancel = cancel

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            log.debug("job failed:\n%s", traceback.format_exc())
            self._deliver(self._relay.failed, exc)
        else:
            self._deliver(self._relay.succeeded, result)

    def _deliver(self, signal: Any, value: Any) -> None:
        """Emit the job's outcome, unless whoever asked for it is gone (its window closed while
        the job ran): then nobody is left to receive it, and there is nothing to report."""
        try:
            signal.emit(value)
        except RuntimeError:  # "Signal source has been deleted": the relay went with its owner
            log.debug("job outcome dropped: its receiver was deleted")


class Worker(QObject):
    """Runs jobs on one background thread, in submission order.

    ``error_handler`` receives exceptions of jobs submitted without ``on_error`` (the main window
    passes a function showing a message box in the user's language).
    """

    idle = Signal()

    def __init__(
        self, error_handler: ErrorHandler | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep one thread for the DB connection's whole life
        self._error_handler: ErrorHandler = error_handler or _log_error
        self._pending: set[_Relay] = set()
        self._jobs: dict[_Relay, _Job] = {}

    def submit(
        self,
        fn: Callable[[], Any],
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
        *,
        background: bool = False,
    ) -> threading.Event:
        """Queue ``fn``; call ``on_result(value)`` or ``on_error(exc)`` on the GUI thread.

        ``progress`` is the label of a busy dialog shown if the job takes over 0.5 s.  Returns the
        job's cancel flag (long jobs may poll it).  A ``background`` job (one that touches no
        database, such as importing a page's modules ahead of its first visit) runs only when no
        other job is queued: jobs submitted later overtake it, while ordinary jobs keep their
        submission order among themselves.
        """
        relay = _Relay()
        cancel = threading.Event()
        dialog = _progress_dialog(progress, parent, cancel) if progress else None

        def finish() -> None:
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            self._pending.discard(relay)
            self._jobs.pop(relay, None)
            relay.deleteLater()
            if not self._pending:
                self.idle.emit()

        def succeeded(value: Any) -> None:
            finish()
            if on_result is not None:
                on_result(value)

        def failed(exc: BaseException) -> None:
            finish()
            (on_error or self._error_handler)(exc)

        relay.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        job = _Job(fn, relay, cancel)
        self._pending.add(relay)
        self._jobs[relay] = job
        self._pool.start(job, -1 if background else 0)
        return cancel

    def set_error_handler(self, handler: ErrorHandler) -> None:
        """Route exceptions of jobs without their own ``on_error`` to ``handler``."""
        self._error_handler = handler

    def report(self, exc: BaseException) -> None:
        """Hand ``exc`` to the default error handler (for callers that clean up, then report)."""
        self._error_handler(exc)

    def busy(self) -> bool:
        """True while a job is queued or running."""
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the thread has finished its jobs (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)


def _log_error(exc: BaseException) -> None:
    log.error("background job failed", exc_info=exc)


def _progress_dialog(
    label: str, parent: QWidget | None, cancel: threading.Event
) -> QProgressDialog:
    cancel_text = QCoreApplication.translate("Worker", "Cancel")
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Worker", "Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancel.set)
    dialog.setValue(0)
    return dialog
