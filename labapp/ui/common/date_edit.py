"""The one date field of LabApp: ISO dates, a calendar popup, sensible bounds.

A bare ``QDateEdit`` starts at 2000-01-01 and accepts any year (ECOSYSTEM trap 12).  Every page
and dialog builds its date fields here, so they all show ``yyyy-MM-dd``, open a calendar, start
on a real day and refuse dates outside the lab's records (or in the future, where that is wrong:
an event cannot be performed tomorrow).

A plain ``QDateEdit`` edits one section at a time: select all and type ``2027-08-20`` and the
year section refuses the lone ``2`` (year 2 is out of range), so the field keeps the old year and
takes only the month and day, a silently wrong date.  :class:`IsoDateEdit` takes a date typed over
the whole selection as one piece of text (``2027-08-20``, ``2027/8/20``, ``2027.8.20`` or
``20270820``) and sets it whole, or, if it is no date in range, keeps the old date.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QApplication, QDateEdit, QWidget

__all__ = ["EARLIEST", "LATEST", "IsoDateEdit", "date_edit", "parse_typed_date"]

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
    IsoDateEdit
        A ``QDateEdit`` with a calendar popup and the ISO display format ``yyyy-MM-dd``.
    """
    edit = IsoDateEdit(parent)
    if name:
        edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(_qdate(earliest), _qdate(latest or date.today()))
    edit.setDate(_qdate(value or date.today()))
    return edit


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


_TYPED_CHARS = frozenset("0123456789-/.")
_SEPARATED = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPLETE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{2}|\d{8})$")
_FINISH_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def parse_typed_date(text: str) -> date | None:
    """The date in ``text`` (``2027-08-20``, ``2027/8/20``, ``2027.8.20``, ``20270820``) or None."""
    text = text.strip()
    match = _SEPARATED.match(text)
    if match:
        parts = tuple(int(g) for g in match.groups())
    elif len(text) == 8 and text.isdigit():
        parts = (int(text[:4]), int(text[4:6]), int(text[6:]))
    else:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


class IsoDateEdit(QDateEdit):
    """A ``QDateEdit`` that takes a whole date typed over the whole selection (module docstring).

    Typing over a partial selection or with the arrow keys works section by section as usual.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed: str | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self._typed is None and text and text in "0123456789" and self._all_selected():
            self._typed = ""
        if self._typed is None:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in _FINISH_KEYS:
            self._commit()
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_Escape:
            self._cancel()
        elif key == Qt.Key.Key_Backspace:
            self._show(self._typed[:-1])
        elif text and all(c in _TYPED_CHARS for c in text) and len(self._typed) < 10:
            self._show(self._typed + text)
            if _COMPLETE.match(self._typed):
                self._commit()
        else:
            event.accept()  # anything else while a date is being typed is ignored

    def validate(self, text: str, pos: int) -> object:
        """While a whole date is typed, the text so far is neither fixed up nor read."""
        if self._typed is not None:
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._commit()
        super().focusOutEvent(event)

    def _all_selected(self) -> bool:
        line = self.lineEdit()
        return bool(line.text()) and line.selectedText() == line.text()

    def _show(self, typed: str) -> None:
        """Show the text typed so far; the spin box must not read it (it would fix up a part)."""
        self._typed = typed
        line = self.lineEdit()
        blocked = line.blockSignals(True)
        try:
            line.setText(typed)
            line.setCursorPosition(len(typed))
        finally:
            line.blockSignals(blocked)

    def _commit(self) -> None:
        """Set the typed date whole; a text that is no date in range keeps the old date."""
        if self._typed is None:
            return
        typed, self._typed = self._typed, None
        value = parse_typed_date(typed)
        low, high = self.minimumDate().toPython(), self.maximumDate().toPython()
        if value is not None and low <= value <= high:
            self.setDate(_qdate(value))
        elif typed:
            QApplication.beep()
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    def _cancel(self) -> None:
        self._typed = None
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
