"""An instrument's fields as the Register page names them: one table of labels, and the order the
instrument form and the detail pane show them in.

The record's fields themselves are :class:`labapp.services.register.InstrumentData` (the register's
rules copy and check them from there); the file's columns, with their English and Chinese headers,
are :data:`labapp.io.register.REGISTER_FIELDS`.  Here a key is an input or a line of the page: a
field (``name``), a composite the page shows as one (``range``, ``accuracy``), or a fact of the
record (``due``, ``changed``).  The labels are ``QT_TRANSLATE_NOOP`` markers (context
``InstrumentFields``) translated by :func:`field_label`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["DETAIL_ROWS", "FIELD_LABELS", "FORM_LEFT", "FORM_RIGHT", "field_label"]

CONTEXT = "InstrumentFields"

#: key -> label, for every key the form or the detail pane shows
FIELD_LABELS: dict[str, str] = {
    "asset_tag": QT_TRANSLATE_NOOP("InstrumentFields", "Asset tag"),
    "name": QT_TRANSLATE_NOOP("InstrumentFields", "Name"),
    "manufacturer": QT_TRANSLATE_NOOP("InstrumentFields", "Manufacturer"),
    "model": QT_TRANSLATE_NOOP("InstrumentFields", "Model"),
    "serial_no": QT_TRANSLATE_NOOP("InstrumentFields", "Serial number"),
    "category": QT_TRANSLATE_NOOP("InstrumentFields", "Category"),
    "quantity": QT_TRANSLATE_NOOP("InstrumentFields", "Quantity"),
    "range": QT_TRANSLATE_NOOP("InstrumentFields", "Range"),
    "range_low": QT_TRANSLATE_NOOP("InstrumentFields", "Range from"),
    "range_high": QT_TRANSLATE_NOOP("InstrumentFields", "Range to"),
    "accuracy_kind": QT_TRANSLATE_NOOP("InstrumentFields", "Accuracy stated as"),
    "accuracy": QT_TRANSLATE_NOOP("InstrumentFields", "Accuracy"),
    "role": QT_TRANSLATE_NOOP("InstrumentFields", "Role"),
    "level": QT_TRANSLATE_NOOP("InstrumentFields", "Level"),
    # the form asks for the legal status with a check box; the detail states the answer
    "legal_status": QT_TRANSLATE_NOOP("InstrumentFields", "Legal status"),
    "mandatory": QT_TRANSLATE_NOOP("InstrumentFields", "Mandatory verification"),
    "status": QT_TRANSLATE_NOOP("InstrumentFields", "Status"),
    "custodian": QT_TRANSLATE_NOOP("InstrumentFields", "Custodian"),
    "location": QT_TRANSLATE_NOOP("InstrumentFields", "Location"),
    "interval": QT_TRANSLATE_NOOP("InstrumentFields", "Interval"),
    "provider": QT_TRANSLATE_NOOP("InstrumentFields", "Default provider"),
    "procedure": QT_TRANSLATE_NOOP("InstrumentFields", "Default procedure"),
    "last": QT_TRANSLATE_NOOP("InstrumentFields", "Last calibrated"),
    "due": QT_TRANSLATE_NOOP("InstrumentFields", "Due date"),
    "retired": QT_TRANSLATE_NOOP("InstrumentFields", "Reason for retiring"),
    "changed": QT_TRANSLATE_NOOP("InstrumentFields", "Last changed"),
    "reason": QT_TRANSLATE_NOOP("InstrumentFields", "Reason for the change"),
}

#: what the instrument is, then how it is used: the order both the form and the detail show
_IDENTITY = ("asset_tag", "name", "manufacturer", "model", "serial_no", "category", "quantity")
_USE = (
    "role",
    "level",
    "mandatory",
    "status",
    "custodian",
    "location",
    "interval",
    "provider",
    "procedure",
)
#: the instrument form's two columns (``mandatory`` is the legal-status check box)
FORM_LEFT = (*_IDENTITY, "range_low", "range_high", "accuracy_kind", "accuracy")
FORM_RIGHT = _USE
#: the detail pane's lines, in order
DETAIL_ROWS = (*_IDENTITY, "range", "accuracy", *_USE, "last", "due", "retired", "changed")


def field_label(key: str) -> str:
    """The label of ``key`` in the user's language."""
    return QCoreApplication.translate(CONTEXT, FIELD_LABELS[key])
