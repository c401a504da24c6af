"""The register's status-line count: asked only when the first page does not already tell it.

A first page shorter than a page is the whole answer, so its length is the count and no second
scan runs (a search that matches a few items on the 100 000-item lab scanned the table twice).
A full first page asks the worker for the count; a search's count stops past
:data:`~labapp.services.register.SEARCH_COUNT_CAP` ("more than 1000 items"), filters alone are
counted exactly.  A newer search makes older answers stale (a token).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from labapp.services import register
from labapp.services.register import RegisterFilter, count_register


class RegisterCount(QObject):
    """The count of the rows the register's current search and filters match.

    Parameters
    ----------
    session
        The UI session (its worker runs the count).
    """

    #: the count arrived (the number of rows, or cap + 1 for "more than cap")
    loaded = Signal(int)

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.total: int | None = None
        self.capped = False  # total means "more than cap"
        self.cap: int | None = None
        self.token = 0

    def reset(self) -> int:
        """Forget the count (a new query is about to run); return the new query's token."""
        self.token += 1
        self.total, self.capped = None, False
        return self.token

    def first_page(
        self,
        token: int,
        rows: int,
        limit: int,
        flt: RegisterFilter,
        day: tuple[date, int],
    ) -> None:
        """The first page of query ``token`` arrived with ``rows`` rows of at most ``limit``.

        ``day`` is ``(today, lead_days)`` of the query.
        """
        if token != self.token or self.total is not None:
            return  # stale, or already counted (a new order does not change the count)
        if rows < limit:
            self._counted(token, rows, None)
            return
        cap = register.search_count_cap() if flt.search else None
        today, lead_days = day
        self.session.run(
            lambda db: count_register(db, flt, today, lead_days, cap=cap),
            lambda total: self._counted(token, total, cap),
        )

    def status_text(self, shown: int) -> str:
        """The register's status line: the count and how many rows are fetched so far.

        Worded in the register page's translation context (it is the page's line).
        """
        if self.total is None:
            return QCoreApplication.translate("RegisterView", "Counting…")
        if self.capped:  # a search's count stops past the cap (see the service)
            text = QCoreApplication.translate("RegisterView", "More than {0} items").format(
                self.cap
            )
        elif self.total == 1:  # no English catalogue holds plural forms: singular on its own
            text = QCoreApplication.translate("RegisterView", "1 item")
        else:
            text = QCoreApplication.translate("RegisterView", "{0} items").format(self.total)
        if shown < self.total:
            more = QCoreApplication.translate("RegisterView", " — {0} shown, scroll for more")
            text += more.format(shown)
        return text

    def _counted(self, token: int, total: int, cap: int | None) -> None:
        if token != self.token:  # an older filter's count is dropped
            return
        self.total, self.cap = total, cap
        self.capped = cap is not None and total > cap
        self.loaded.emit(total)
