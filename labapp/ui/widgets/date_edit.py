"""The one date field of LabApp: ISO dates, a calendar popup, sensible bounds.

A bare ``QDateEdit`` starts at 2000-01-01 and accepts any year (ECOSYSTEM trap 12).  Every page
and dialog builds its date fields here, so they all show ``yyyy-MM-dd``, open a calendar, start
on a real day and refuse dates outside the lab's records (or in the future, where that is wrong:
an event cannot be performed tomorrow).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

__all__ = ["EARLIEST", "LATEST", "date_edit"]

#: The earliest date a LabApp date field accepts (older records are not kept).
EARLIEST = date(1990, 1, 1)
#: The latest date a date field accepts when the future is allowed (plans, comparisons).
LATEST = date(2100, 12, 31)


def date_edit(
    value: date | None = None,
    *,
    name: str = "",
    earliest: date = EARLIEST,
    latest: date | None = LATEST,
    parent: QWidget | None = None,
) -> QDateEdit:
    """A date field showing ``value`` (default: today).

    Parameters
    ----------
    value
        The date shown first; today when None.
    name
        The object name (tests and style sheets find the field by it).
    earliest, latest
        The dates the field accepts; ``latest=None`` means today (no future date).
    parent
        The parent widget, if any.

    Returns
    -------
    QDateEdit
        With a calendar popup and the ISO display format ``yyyy-MM-dd``.
    """
    edit = QDateEdit(parent)
    if name:
        edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(_qdate(earliest), _qdate(latest or date.today()))
    edit.setDate(_qdate(value or date.today()))
    return edit


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
